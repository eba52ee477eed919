"""Slips in how a page is written that a build publishes without a word, named by `sitegen check`.

Each is a warning at its line (``sitegen check --strict`` fails on warnings): a file name's
date that differs from ``date:``, a first-level heading in the text, a title too long to be
shown whole, a tag that is not one of the network's topics, and a script, event handler or
``javascript:`` link the sanitizer takes out of the published page.
"""

from __future__ import annotations

import re
from datetime import UTC

from sitegen import hints
from sitegen.config.settings import Network
from sitegen.dates import DateFormatError, parse_datetime
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.sources.markdown import level_one_headings, to_html
from sitegen.sources.sanitize import active_html
from sitegen.sources.source import Source
from sitegen.urls import BUNDLE_INDEX, is_bundle, slugify

# Search engines show about 60 characters of a title, feed readers and shared links about
# 100, before cutting it. 120 leaves a precise title room (the example content's longest is
# 78) and still names a sentence pasted as a title; `sitegen new` refuses 150, where the
# file name the title makes grows too long.
LONG_TITLE = 120
_NAME_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})-")
# a quick look for what the sanitizer may take out and an editor meant readers to get; the
# sanitizer's own account (sitegen.sources.sanitize.active_html) decides
_ACTIVE = re.compile(
    r"<\s*(?P<tag>script|style|form|object|embed|input|button|textarea|select|svg|math|link|meta|base)\b"
    r"|<[a-zA-Z][^<>]*?\s(?P<handler>on[a-z]+)\s*="
    r"|(?:\]\(|\s(?:href|src)\s*=\s*[\"']?)\s*(?P<scheme>javascript|vbscript|data|file)\s*:",
    re.I,
)


def slip_warnings(source: Source, network: Network, problems: Problems) -> None:
    """Every slip of one page, each a warning at its own line."""
    meta = source.meta
    _file_date(source, problems)
    for offset in level_one_headings(source.body):
        said = hints.level_one_heading()
        problems.warning(source.path, source.body_line + offset, said.message, said.hint, said.code)
    if len(meta.title) > LONG_TITLE:
        said = hints.title_too_long(len(meta.title), LONG_TITLE)
        problems.warning(source.path, meta.line_of("title"), said.message, said.hint, said.code, key="title")
    topics = tuple(slug for slug, _name in network.topics)
    for tag in meta.tags if topics else ():
        slug = slugify(tag)
        if slug not in topics:
            said = hints.tag_not_a_topic(tag, slug, topics)
            problems.warning(
                source.path, meta.line_of("tags"), said.message, said.hint, said.code, key="tags"
            )


def removed_html(source: Source, problems: Problems) -> None:
    """A script, event handler or ``javascript:`` link in the text: published pages leave it out.

    The editor sees it in the file and would expect readers to get it. The sanitizer's own
    account of the converted text decides (an example in a code block is shown, not removed):
    only for the rare page a quick look finds something in, and then line by line, to say where.
    """
    if source.meta.trusted_html or _ACTIVE.search(source.body) is None:
        return
    removed = active_html(to_html(source.body))
    if not removed:
        return
    found = [
        (number, what)
        for number, line in enumerate(source.body.splitlines())
        if _ACTIVE.search(line)
        for what in active_html(to_html(line))
    ]  # a tag written over several lines is found only in the whole text: said at its start
    for number, what in found or [(0, ", ".join(removed))]:
        problems.warning(
            source.path,
            source.body_line + number,
            _(
                "{what} is left out of the published page: pages carry no scripts, event handlers "
                "or script links",
                what=what,
            ),
            _(
                "delete it, so the text says what readers get; link to a form or video instead of embedding it"
            ),
            "html-removed",
        )


def _file_date(source: Source, problems: Problems) -> None:
    """A news item named for one day and dated another: lists and feeds follow date:, the name misleads."""
    if not source.dated or not source.meta.date:
        return
    bundle = source.path.name == BUNDLE_INDEX and is_bundle(source.key)
    name = source.path.parent.name if bundle else source.path.name
    found = _NAME_DAY.match(name)
    if found is None:
        return
    try:  # the day as written: a time with an offset keeps its own day
        written = parse_datetime(source.meta.date, UTC).date().isoformat()
    except DateFormatError:
        return  # an error the build reports
    if found[1] != written:
        said = hints.file_date_differs(found[1], written, name, written + name[len(found[1]) :])
        problems.warning(
            source.path, source.meta.line_of("date"), said.message, said.hint, said.code, key="date"
        )
