"""Jinja's syntax errors in the editor's words: an unclosed ``{% if %}``, an unknown tag, a lone ``{{``.

Jinja says "Unexpected end of template. Jinja was looking for the following tags: 'elif' or
'else' or 'endif'", in English, at the last line of the page. An editor needs to read which
tag is not closed, where it was opened, and what to write. The commonest slips are
recognised from Jinja's message (its wording is stable across 3.x); any other keeps
Jinja's text as the detail of a general message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError

from sitegen.i18n import N_, _

STATEMENTS_HINT = N_("only {% if %}, {% for %} and {% set x = … %} are available in content")
PAIRS_HINT = N_("check the {% %} and {{ }} pairs")

_UNCLOSED = re.compile(
    r"^Unexpected end of template\..*The innermost block that needs to be closed is '(\w+)'", re.S
)
_MISPLACED = re.compile(
    r"^Encountered unknown tag '(\w+)'\..*The innermost block that needs to be closed is '(\w+)'", re.S
)
_UNKNOWN = re.compile(r"^Encountered unknown tag '(\w+)'\.$")
_OPENERS = {"if": "if", "elif": "if", "else": "if"}  # a closing or middle tag: the block it belongs to
_JINJA = Environment()  # only lexes: the delimiters every theme template uses
_BLOCKS = ("if", "for", "macro", "call", "filter", "block", "with", "autoescape", "trans", "raw")


@dataclass(frozen=True)
class Said:
    """A syntax error as an editor reads it; ``line`` counts from the text's own first line."""

    message: str
    hint: str
    line: int


def syntax_error(exc: TemplateSyntaxError, source: str, env: Environment | None = None) -> Said:
    """What ``exc`` means in ``source``, in the editor's language, at the line to look at.

    ``env`` is the environment ``source`` was written for (its delimiters); by default Jinja's own.
    """
    text = exc.message or ""
    line = exc.lineno or 1
    if found := _UNCLOSED.match(text):
        block = found.group(1)
        return Said(
            _("{{% {block} %}} is never closed", block=block),
            _("write {{% {end} %}} where the text it governs ends", end=f"end{block}"),
            _opened_at(source, block, env or _JINJA) or line,
        )
    if found := _MISPLACED.match(text):
        tag, block = found.groups()
        return Said(
            _("{{% {tag} %}} while the {{% {block} %}} before it is still open", tag=tag, block=block),
            _("close it first with {{% {end} %}}, or remove this {{% {tag} %}}", end=f"end{block}", tag=tag),
            line,
        )
    if found := _UNKNOWN.match(text):
        return Said(*_unknown_tag(found.group(1)), line)
    return Said(*_other(text), line)


def _unknown_tag(tag: str) -> tuple[str, str]:
    """A tag Jinja does not know here: a closing tag with nothing open, or a word it has no tag for."""
    opener = _OPENERS.get(tag) or (tag[3:] if tag.startswith("end") and tag[3:] in _BLOCKS else None)
    if opener is None:
        return _("unknown tag {{% {tag} %}}", tag=tag), _(STATEMENTS_HINT)
    return (
        _("{{% {tag} %}} without a {{% {block} … %}} before it", tag=tag, block=opener),
        _("remove it, or write the {{% {block} … %}} it belongs to", block=opener),
    )


def _other(text: str) -> tuple[str, str]:
    """Unclosed ``{#``, ``{%`` and ``{{``; anything else keeps Jinja's words as the detail."""
    if text.startswith("Missing end of comment tag"):
        return _("a comment {# is not closed"), _("write #} where the comment ends")
    if "expected 'end of statement block'" in text:
        return _("a {% is not closed"), _("write %} at the end of the tag, e.g. {% endif %}")
    if "'end of print statement'" in text or text == "unexpected '}'":
        return unclosed_expression()
    return _("template syntax: {error}", error=text), _(PAIRS_HINT)


def unclosed_expression() -> tuple[str, str]:
    """``{{ office.name }`` or ``{{ office.name``: the message and the fix."""
    return _("a {{ is not closed with }}"), _("write two braces after the name, e.g. {{ office.name }}")


def _opened_at(source: str, block: str, env: Environment) -> int | None:
    """The line of the innermost ``{% block %}`` still open at the end of ``source``."""
    open_lines: list[tuple[str, int]] = []
    expect_name = False
    try:
        for lineno, kind, value in env.lex(source):
            if kind == "block_begin":
                expect_name = True
                continue
            if kind == "whitespace":
                continue
            if expect_name and kind == "name":
                if value in _BLOCKS:
                    open_lines.append((value, lineno))
                elif value.startswith("end") and open_lines and open_lines[-1][0] == value[3:]:
                    open_lines.pop()
            expect_name = False
    except TemplateSyntaxError:
        return None
    return open_lines[-1][1] if open_lines and open_lines[-1][0] == block else None
