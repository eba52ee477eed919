"""Markdown to HTML with one reused Python-Markdown instance.

Conversion is nearly all of a build's cost, so each source is converted once,
however many units publish it (see :mod:`sitegen.sources.office_vars`), and the
converter is built once per process and reset between documents.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown import util
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension, TocTreeprocessor
from markdown.treeprocessors import InlineProcessor

from sitegen.i18n import N_, _

# Chosen with the profile in hand (bench/README.md): what the content needs and nothing more.
# tables (fees, schedules), footnotes (legal citations), sane_lists (numbered requirements),
# toc (ids on headings, for links into a page). Left out of Python-Markdown's "extra": abbr,
# attr_list, def_list, fenced_code, md_in_html, which no content uses; they cost about 14 %
# of conversion. tests/test_markdown.py proves the shipped content converts exactly as it
# does with the full set, and `sitegen check` names a file written for one of them.
EXTENSIONS = ["tables", "footnotes", "sane_lists", "toc"]
FULL_SET = ["extra", "sane_lists", "toc"]  # what the content is compared against
EXTENSION_CONFIGS = {"toc": {"permalink": False}}
# Bumped whenever the Markdown settings change, so cached HTML is not reused.
VERSION = "md1:" + markdown.__version__ + ":" + ",".join(EXTENSIONS)

# What an inline pattern's expression cannot match without: backticks, escapes, links, images,
# footnote references, tags, entities and line breaks each start with a fixed string.
NEEDS = {
    "backtick": "`",
    "escape": "\\",
    "reference": "[",
    "link": "[",
    "footnote": "[",
    "short_reference": "[",
    "image_link": "![",
    "image_reference": "![",
    "short_image_ref": "![",
    "autolink": "<",
    "automail": "<",
    "html": "<",
    "entity": "&",
    "linebreak": "  \n",
}

# What a block processor cannot act on a block without: the string its expression needs (any
# of a tuple). Tables need a pipe, headers a hash, rules one of their marks, quotes a ">";
# footnote and link definitions look for "[^…]:" and "[…]:" in every block they are offered.
BLOCK_NEEDS: dict[str, str | tuple[str, ...]] = {
    "table": "|",
    "hashheader": "#",
    "hr": ("-", "_", "*"),
    "quote": ">",
    "footnote": "[^",
    "reference": "]:",
}


class QuickInline(InlineProcessor):
    """Python-Markdown's inline step, trying a pattern only where the text holds what it needs.

    The stock step tries every inline pattern (about fifteen) on every piece of text, from
    Python, even a sentence with no ``[``, ``<`` or ``*`` in it: that loop was half of all
    conversion (profiled on 1,000 news bodies). A pattern whose expression cannot match
    gives no match either way, so skipping it changes nothing: the HTML is byte for byte
    the stock step's (tests/test_markdown.py compares both on every shipped page and on
    text written to trip each pattern). Patterns not named in :data:`NEEDS` are always tried;
    emphasis needs one of its delimiters (``*``, ``_``).
    """

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        patterns = self.inlinePatterns
        named = {patterns.get_index_for_name(name): need for name, need in NEEDS.items() if name in patterns}
        self._tried = [(p, named.get(i) or tuple(getattr(p, "tokens", ()))) for i, p in enumerate(patterns)]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802,N803
        """The stock loop over the patterns, less those whose needs the text lacks."""
        if isinstance(data, util.AtomicString):
            return data
        apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        tried, start = self._tried, 0
        while patternIndex < len(tried):
            pattern, need = tried[patternIndex]
            if need and (need not in data if isinstance(need, str) else not any(n in data for n in need)):
                patternIndex, start = patternIndex + 1, 0  # as after a pattern that found nothing
                continue
            data, matched, start = apply(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


class QuickToc(TocTreeprocessor):
    """The ``toc`` step, building a table of contents only for a page that asks for one.

    The step gives every heading its id (which links into a page need) and also builds a
    table of contents for each document: a tree of elements, serialized and run through
    every postprocessor, then searched for a ``[TOC]`` marker to replace. sitegen never
    reads the serialized table (``md.toc``), so it is built only when some text of the
    document holds the marker, which the stock replacement needs to find; the HTML is the
    stock step's either way (tests/test_markdown.py).
    """

    _asked = False

    def run(self, doc: Any) -> None:
        self._asked = bool(self.marker) and any(self.marker in el.text for el in doc.iter() if el.text)
        super().run(doc)

    def build_toc_div(self, toc_list: list[Any]) -> Any:
        return super().build_toc_div(toc_list) if self._asked else etree.Element("div")

    def replace_marker(self, root: Any, elem: Any) -> None:
        if self._asked:
            super().replace_marker(root, elem)


class _QuickTocExtension(TocExtension):
    TreeProcessorClass = QuickToc  # the extension's own hook for its step's class


def _needing(processor: BlockProcessor, need: str | tuple[str, ...]) -> None:
    """Answer a block processor's test with no at once where the block lacks what it needs.

    The block parser offers every block to every processor in turn, each testing it with a
    regular expression from Python; a processor whose expression cannot match declines the
    block either way (footnote and link definitions put it back untouched), so the next
    one gets it exactly as before.
    """
    test = processor.test
    if isinstance(need, str):
        one = need

        def quick_test(parent: Any, block: str) -> bool:
            return one in block and test(parent, block)

    else:
        needs = need

        def quick_test(parent: Any, block: str) -> bool:
            return any(n in block for n in needs) and test(parent, block)

    processor.test = quick_test  # type: ignore[method-assign]


def converter() -> markdown.Markdown:
    """A Python-Markdown instance with sitegen's extensions and the quick inline, block and toc steps.

    The extensions are given as objects: by name, Python-Markdown looks each one up among
    every installed package's entry points first, 36 ms of each process that converts.
    """
    classes: dict[str, type[Extension]] = {
        "tables": TableExtension,
        "footnotes": FootnoteExtension,
        "sane_lists": SaneListExtension,
        "toc": _QuickTocExtension,
    }
    md = markdown.Markdown(
        extensions=[classes[name](**EXTENSION_CONFIGS.get(name, {})) for name in EXTENSIONS]
    )
    if hasattr(InlineProcessor, "_InlineProcessor__applyPattern"):  # the step it refines, as pinned
        md.treeprocessors.register(QuickInline(md), "inline", 20)
    blocks = md.parser.blockprocessors
    for name, need in BLOCK_NEEDS.items():
        if name in blocks:
            _needing(blocks[name], need)
    return md


_converter: markdown.Markdown | None = None


def to_html(text: str) -> str:
    """Convert Markdown ``text`` to an HTML fragment."""
    global _converter
    if _converter is None:
        _converter = converter()
    try:
        return _converter.reset().convert(text)
    except Exception:
        _converter = None  # never reuse a converter left in an unknown state
        raise


# Syntax of the extensions left out, which would otherwise reach readers as typed: its pattern,
# what it is, and how to write it instead.
_LEFT_OUT = [
    (re.compile(pattern), what, fix)
    for pattern, what, fix in (
        (r"^ {0,3}(?:```|~~~)", N_("a fenced code block (```)"), N_("indent the lines by four spaces")),
        (r"^ {0,3}:[ \t]+\S", N_("a definition list (': …')"), N_("write the term in bold followed by its text")),
        (r"^\*\[[^\]]+\]:", N_("an abbreviation definition (*[…]: …)"), N_("write the full name once in brackets")),
        (r"\{:?\s*[.#][\w-]+[^}]*\}\s*$", N_("an attribute list ({: .class})"), N_("remove it; the theme styles")),
        (r"<[a-z][^>]*\smarkdown=[\"']?1", N_('Markdown inside HTML (markdown="1")'), N_("write it as Markdown")),
    )
]  # fmt: skip


def left_out_syntax(text: str) -> list[tuple[int, str, str]]:
    """Lines written for a Markdown extension sitegen does not load: (line within text, what, fix)."""
    found = []
    for number, line in enumerate(text.splitlines()):
        for pattern, what, fix in _LEFT_OUT:
            if pattern.search(line):
                found.append((number, _(what), _(fix)))
                break
    return found


_LEVEL_ONE = re.compile(
    r"^#(?!#)|^<h1[\s>]", re.I
)  # "# Judul", "#paspor", <h1>: Python-Markdown needs no space
_UNDERLINE_ONE = re.compile(r"^=+[ \t]*$")  # "Judul" underlined with "=====" is a first-level heading too


def level_one_headings(text: str) -> list[int]:
    """Lines (within ``text``) that start a first-level heading: "# …", a line underlined "===", <h1>.

    The theme shows every page's title as its one <h1>; another in the text gives the page
    two, which screen readers and search engines take for two pages' titles.
    """
    found, previous = [], ""
    for number, line in enumerate(text.splitlines()):
        if _LEVEL_ONE.match(line):
            found.append(number)
        elif previous.strip() and not previous.startswith("    ") and _UNDERLINE_ONE.match(line):
            found.append(number - 1)
        previous = line
    return found
