"""A post's stored HTML to clean Markdown, block by block, kept as HTML where Markdown would lose something.

WordPress stores a post as its editor left it: the classic editor's text
with blank lines for paragraphs (WordPress adds the ``<p>`` only when it
shows the page), or the block editor's HTML between ``<!-- wp:… -->``
comments. Here the shortcodes are rebuilt (:mod:`.shortcodes`), the links
are pointed at the new site (a callback decides), the paragraphs are made as
WordPress would make them, and the HTML goes through the same allow-list
every page passes (:mod:`sitegen.sources.sanitize`), so the file holds what will be
published and anything the allow-list drops is reported, not lost silently.

Each top-level block is then converted with markdownify, and the Markdown is
kept only if it renders back (with sitegen's own Markdown settings) to the
same structure, text and links; otherwise the block stays HTML. A simple
paragraph or list becomes Markdown; a table with merged cells, a figure with
its caption or a video player stays HTML, exactly as it will be published.
"""

from __future__ import annotations

import html
import re
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag
from bs4.element import AttributeValueList
from markdownify import markdownify

from sitegen.i18n import _
from sitegen.sources.markdown import to_html
from sitegen.sources.sanitize import TAGS, clean
from sitegen.wordpress.old_links import is_file_name, plain
from sitegen.wordpress.shortcodes import Note, Picture, expand

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK_ATTR = re.compile(r"""(<[a-zA-Z][^<>]*?\s(?:href|src)=)(["'])(.*?)\2""", re.S)
_TAG_NAME = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
BLOCK = {
    *("p", "ul", "ol", "table", "figure", "blockquote", "pre", "hr", "dl", "iframe", "details"),
    *("h1", "h2", "h3", "h4", "h5", "h6"),
}
_WP_IMAGE = re.compile(r"^wp-image-(\d+)$")  # the media library's id of a picture in a post
_IFRAME_SRC = re.compile(r"""<iframe\b[^>]*?\ssrc=["']([^"']*)""", re.I)
_WP_CLASS = re.compile(r"^(?:wp-|size-|align|attachment|has-|is-)")  # the old theme's styling hooks
UNWRAP = {"div", "section", "article", "center", "main", "header", "footer", "aside"}
# what a reader would miss: reported when the allow-list removes it (style and font are presentation)
_MISSED = {
    "script",
    "iframe",
    "form",
    "input",
    "button",
    "object",
    "embed",
    "video",
    "audio",
    "canvas",
    "svg",
}


@dataclass
class Converted:
    """The Markdown of one post, and what an editor should look at."""

    markdown: str
    notes: list[Note] = field(default_factory=list)
    html_blocks: int = 0  # blocks kept as HTML because Markdown would lose something
    undescribed: list[str] = field(
        default_factory=list
    )  # pictures nothing describes: fill in before publishing


def _soup(markup: str) -> BeautifulSoup:
    """Beautiful Soup without its guesses about text that looks like a file name or address."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, "html.parser")


def convert(
    content: str,
    link: Callable[[str, int], str],
    pictures: dict[int, Picture],
    own_pictures: Callable[[], list[Picture]],
    describe: Callable[[str, int | None], str] = lambda _src, _ident: "",
) -> Converted:
    """Convert one post's stored text; ``link(url, offset)`` gives each link's new address.

    ``describe(src, attachment_id)`` gives a picture's alt text from the media library.
    """
    notes: list[Note] = []
    control = _CONTROL.search(content)
    if control:
        notes.append(Note(control.start(), _("invisible control characters were removed")))
        content = _CONTROL.sub("", content)
    text, shortcode_notes = expand(content, pictures, own_pictures)
    notes += shortcode_notes
    text = _COMMENT.sub("", text)
    text = _LINK_ATTR.sub(lambda m: _relink(m, content, link), text)
    safe = clean(text)
    notes += _removed(content, text, safe)
    safe, missing = _describe(safe, describe)
    for src in missing:  # the sites refuse a picture without alt text: say so now
        at = content.find(src.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        notes.append(
            Note(
                max(at, 0),
                _(
                    "picture {src} has no description (alt text) in the media library, its caption or the post; "
                    "the item comes in as a draft until it has one",
                    src=src,
                ),
                _(
                    "describe it in the brackets: ![Petugas melayani pemohon]({src}), then delete draft: true",
                    src=src,
                ),
            )
        )
    blocks = _blocks(safe)
    out: list[str] = []
    kept = 0
    for html_block, inline in blocks:
        markdown = _markdown(html_block)
        if markdown is not None:
            out.append(markdown)
        else:
            kept += 1
            out.append(f"<p>{html_block}</p>" if inline else html_block)
    body = "\n\n".join(part.strip("\n") for part in out if part.strip())
    # {{ }} and {% %} are the sites' own template syntax: an old post's braces stay text
    body = body.replace("{{", "&#123;&#123;").replace("{%", "&#123;%").replace("{#", "&#123;#")
    return Converted(body + "\n" if body else "", sorted(notes, key=lambda n: n.offset), kept, missing)


def _removed(content: str, text: str, safe: str) -> list[Note]:
    """What the allow-list removed that a reader would miss: each element, each frame by its address."""
    notes = []
    before = Counter(t.lower() for t in _TAG_NAME.findall(text))
    after = Counter(t.lower() for t in _TAG_NAME.findall(safe))
    for tag in sorted(_MISSED - {"iframe"}):
        if before[tag] > after[tag]:
            at = content.lower().find(f"<{tag}")
            notes.append(
                Note(
                    max(at, 0),
                    _("<{tag}> is not allowed on the sites and was removed", tag=tag),
                    _("a video from YouTube or Vimeo is kept; rebuild anything else as a link"),
                )
            )
    kept = Counter(_IFRAME_SRC.findall(safe))
    for src in _IFRAME_SRC.findall(text):
        if kept[src]:
            kept[src] -= 1
            continue
        at = content.find(src) if src else content.lower().find("<iframe")
        notes.append(
            Note(
                max(at, 0),
                _(
                    "an embedded frame from {src} is not allowed on the sites and was removed",
                    src=src or _("(no address)"),
                ),
                _("link to it instead: [{text}]({src})", text=plain(src) or "tautan", src=src)
                if src
                else _("rebuild it as a link"),
            )
        )
    return notes


def _describe(safe: str, describe: Callable[[str, int | None], str]) -> tuple[str, list[str]]:
    """Each picture's alt text from the media library, else its caption, else its own; never a file name.

    Returns the HTML and the pictures still without a description.
    """
    if "<img" not in safe:
        return safe, []
    soup = _soup(safe)
    missing: list[str] = []
    changed = False
    for img in soup.find_all("img"):
        src = str(img.get("src") or "")
        ident = next((int(m.group(1)) for c in img.get("class") or [] if (m := _WP_IMAGE.match(c))), None)
        figure = img.find_parent("figure")
        caption = figure.find("figcaption") if figure is not None else None
        own = " ".join(str(img.get("alt") or "").split())
        alt = next(
            (
                text
                for text in (
                    describe(src, ident),
                    " ".join(caption.get_text(" ").split()) if caption is not None else "",
                    own,
                )
                if text and not is_file_name(text, src)
            ),
            "",
        )
        if alt != img.get("alt"):
            img["alt"] = alt
            changed = True
        if not alt:
            missing.append(src)
    return (str(soup) if changed else safe), missing


def _relink(match: re.Match[str], content: str, link: Callable[[str, int], str]) -> str:
    """One href= or src= pointed at its new address (the callback records what it needs)."""
    written = match.group(3)
    url = html.unescape(written)
    at = content.find(written)
    new = link(url, max(at, 0))
    if new != url:
        written = html.escape(new, quote=True)
    return match.group(1) + match.group(2) + written + match.group(2)


def _blocks(html: str) -> list[tuple[str, bool]]:
    """Top-level blocks as (HTML, is_inline_run); inline runs split into paragraphs as WordPress does."""
    soup = _soup(html)
    for tag in soup.find_all(True):
        classes = [c for c in tag.get("class") or [] if not _WP_CLASS.match(c)]
        if classes:
            tag["class"] = AttributeValueList(classes)
        elif tag.has_attr("class"):
            del tag["class"]
        for attr in ("srcset", "sizes"):  # the old theme's resized copies, on the old host
            if tag.has_attr(attr):
                del tag[attr]
    for figure in soup.find_all("figure"):
        inner = [c for c in figure.children if isinstance(c, Tag)]
        if len(inner) == 1 and inner[0].name == "table":  # the block editor's table wrapper
            figure.unwrap()
        elif len(inner) == 1 and inner[0].name in ("img", "a") and not figure.get_text(strip=True):
            figure.name = "p"  # a picture without a caption: a Markdown image
            figure.attrs = {}
    found: list[tuple[str, bool]] = []
    run: list[str] = []

    def flush() -> None:
        text = "".join(run)
        run.clear()
        for para in re.split(r"\n[ \t]*\n", text):
            para = para.strip()
            if para.replace("&nbsp;", "").replace("\u00a0", "").strip():
                found.append((re.sub(r"(?<!<br>)\s*\n\s*", "<br>\n", para), True))

    def walk(nodes: list) -> None:
        for node in nodes:
            if isinstance(node, Tag) and node.name in UNWRAP:
                flush()
                walk(list(node.children))
                flush()
            elif isinstance(node, Tag) and node.name in BLOCK:
                flush()
                if node.get_text(strip=True) or node.find(("img", "iframe")) or node.name in ("hr", "iframe"):
                    found.append((str(node), False))  # an empty <p>&nbsp;</p> spacer is left out
            elif isinstance(node, (Tag, NavigableString)):
                run.append(str(node))
        flush()

    walk(list(soup.children))
    return found


def _markdown(block: str) -> str | None:
    """The block as Markdown if that renders to the same thing, else None."""
    wanted = _shape(block)
    for escape_misc in (False, True):  # plain text first; escaping every sign only if needed
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
                markdown = markdownify(
                    block, heading_style="ATX", bullets="-", escape_misc=escape_misc
                ).strip()
        except Exception:  # markdownify fails on odd markup: the block simply stays HTML
            return None
        if markdown and _shape(clean(to_html(markdown))) == wanted:
            return markdown
    return None


class _Shape(HTMLParser):
    """What a reader gets from a fragment: structure, inline emphasis, links, pictures and text."""

    RENAME = {"b": "strong", "i": "em", "strike": "s", "del": "s"}
    TRANSPARENT = {"span", "font", "thead", "tbody", "tfoot"}
    BREAKS = {"p", "div"}
    KEEP = {"href", "src", "alt", "title", "colspan", "rowspan", "start"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = self.RENAME.get(tag, tag)
        if tag in self.TRANSPARENT:
            return
        if tag in self.BREAKS:
            self.parts.append("\n")
            return
        kept = " ".join(f'{k}="{v}"' for k, v in sorted(attrs) if k in self.KEEP and v)
        mark = f"<{tag} {kept}>" if kept else f"<{tag}>"
        self.parts.append(f"\n{mark}\n" if tag in TAGS and tag not in _INLINE else mark)

    def handle_endtag(self, tag: str) -> None:
        tag = self.RENAME.get(tag, tag)
        if tag in self.TRANSPARENT or tag in ("br", "img", "hr", "col"):
            return
        if tag in self.BREAKS:
            self.parts.append("\n")
            return
        self.parts.append(f"\n</{tag}>\n" if tag not in _INLINE else f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


_INLINE = {
    "a",
    "abbr",
    "strong",
    "em",
    "s",
    "u",
    "code",
    "kbd",
    "mark",
    "q",
    "small",
    "sub",
    "sup",
    "time",
    "img",
    "br",
    "ins",
    "cite",
}
_INLINE_EDGE_OPEN = re.compile(r"(<(?:" + "|".join(_INLINE) + r")\b[^>]*>)[ ]+")
_INLINE_EDGE_CLOSE = re.compile(r"[ ]+(</(?:" + "|".join(_INLINE) + r")>)")


def _shape(fragment: str) -> str:
    parser = _Shape()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n[\s]*", "\n", text)
    for _turn in range(2):  # spaces at an emphasis's edge read the same outside it
        text = _INLINE_EDGE_OPEN.sub(r" \1", text)
        text = _INLINE_EDGE_CLOSE.sub(r"\1 ", text)
        text = re.sub(r" +", " ", text)
        text = re.sub(r" *\n *", "\n", text)
    return text.strip()
