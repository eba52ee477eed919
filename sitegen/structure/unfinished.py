"""Pages that exist but are not finished: a promise to readers that is still empty.

A section promises pages: the PPID section its periodic information, its list
of public information, a signed maklumat and a request form; a fee page its
legal source. Editors may publish such a page before every fact is known, with
its structure (headings, table rows) in place and each missing fact written as
"belum diisi" ("not yet filled in"), which readers understand as it stands.
`sitegen check` names every such line, every page with no text at all, and
every page that says when its facts were verified (``verified:``) but not
against what (``source:``). Each is a warning, so ``--strict`` (as CI runs it)
fails until the promise is kept.
"""

from __future__ import annotations

import re

from sitegen.errors import Problems
from sitegen.sources.source import Source

MARK = re.compile(r"\bbelum\s+diisi\b", re.IGNORECASE)  # how a missing fact is written in content
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING_OR_RULE = re.compile(r"^\s*(?:#{1,6}\s.*|[-*_]{3,}|\|?[\s:|-]*\|[\s:|-]*)$")


def is_empty(body: str) -> bool:
    """A body with nothing for a reader but headings, rules, empty table lines or comments."""
    text = _COMMENT.sub("", body)
    return not any(line.strip() and not _HEADING_OR_RULE.match(line) for line in text.splitlines())


def placeholder_lines(source: Source) -> list[tuple[int, str]]:
    """(line in the file, the line's text) for every line holding the placeholder mark.

    Comments are notes to editors, never read by anyone else: the mark there is not a placeholder.
    """
    body = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source.body)
    return [
        (source.body_line + n, line.strip()) for n, line in enumerate(body.splitlines()) if MARK.search(line)
    ]


def unfinished_warnings(sources: list[Source], problems: Problems) -> None:
    """Every page still empty, every fact still to be filled in, every verified page without its source."""
    for source in sources:
        meta = source.meta
        if meta.draft:
            continue  # not published: unfinished is what a draft is for
        if not source.is_index and is_empty(source.body):
            problems.warning(
                source.path,
                meta.line_of("title"),
                "the page has no text yet: readers find an empty promise",
                "write the page, keep draft: true until it is ready, or remove the links to it",
            )
        for line, text in placeholder_lines(source):
            excerpt = text if len(text) <= 80 else text[:77] + "…"
            problems.warning(
                source.path,
                line,
                f"not yet filled in: {excerpt}",
                "put the real fact here and remove 'belum diisi' once it is known",
            )
        if meta.verified and not meta.source:
            problems.warning(
                source.path,
                meta.line_of("verified"),
                "the page says when its facts were verified, but not against what",
                "add source: the regulation or document checked, and source_url: where readers can read it",
            )
