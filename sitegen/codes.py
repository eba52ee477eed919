"""A short, stable code for every kind of problem, so machines need not read the text.

``sitegen check --format json`` gives each problem a ``code`` ("date-far-future",
"broken-link"). Newer checks pass their code where they report; for older
messages the code is found here from the English text, in one table, so that
the day the messages are translated the table is the one place to replace by
codes at the call sites. A message this table does not know gets the generic
``content-error``, ``content-warning`` or ``content-note``: still stable, never
missing.

The kinds of warning that only say "this is still the shipped example data"
are listed in ``EXAMPLE_DATA`` with what one summary line calls them: an
editor's own mistakes must not drown under them (see ``sitegen check``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitegen.errors import Problem

# (code, a regular expression the message starts with); first match wins
_KNOWN: tuple[tuple[str, str], ...] = (
    ("sample-content", r"sample content, not a real"),
    ("example-value", r"unit \S+: \S+ is an example value"),
    ("placeholder-value", r"unit \S+: \S+ .* looks like a placeholder"),
    ("no-real-contact", r"unit \S+: readers have no real way to reach it"),
    ("not-filled-in", r"not yet filled in: "),
    ("empty-page", r"the page has no text yet"),
    ("verified-without-source", r"the page says when its facts were verified"),
    ("announcement-expired", r"announcement expired on"),
    ("trusted-html", r"(raw HTML in this page|unit \S+ publishes raw HTML)"),
    ("missing-translation", r"foreigner-facing page has no English translation"),
    ("wrong-language-address", r"a page in '\w+' at an address of"),
    ("unread-markdown", r".* is not part of the Markdown sitegen reads"),
    ("unpublished-shared-page", r"no unit publishes this shared page"),
    ("cross-unit-link", r"link to \S+, which unit \S+ does not publish"),
    ("broken-link", r"broken link "),
    ("image-not-found", r"image \S+ is not a file of the site"),
    ("source-url-not-found", r"source_url \S+ is not a page of the site"),
    ("picture-undescribed", r"picture \S+ has no description"),
    ("picture-not-found", r"picture \S+ not found"),
    ("picture-outside-folder", r"picture \S+ lies outside"),
    ("picture-too-large", r"picture \S+: the picture is too large"),
    ("picture-unusable", r"picture \S+"),
    ("url-clash", r"(URL /\S+ is claimed by both|on .* this page will claim|.*claims /\S+, which)"),
    ("alias-clash", r"alias .* claims a URL"),
    ("alias-unusable", r"alias .* is not a usable path"),
    ("file-replaces-generated", r"this file would replace"),
    ("unknown-key", r"unknown front matter key"),
    ("unknown-unit", r"(unknown unit id|folder offices/\S+ names no unit)"),
    ("unknown-kind", r"unknown kind"),
    ("unknown-service", r"unknown service"),
    ("narrowing-on-own-page", r"'\w+' has no effect on a unit's own page"),
    ("yaml-tab", r"(front matter is not valid YAML: |invalid YAML: )?a tab character"),
    ("date-unreadable", r"('\w+': )?(cannot read date|.*that day does not exist|expected a date)"),
    ("yaml-invalid", r"(front matter is not valid YAML|invalid YAML)"),
    ("front-matter-missing", r"(no front matter|the front matter is never closed|front matter must be)"),
    ("title-missing", r"missing title"),
    ("date-missing", r"missing date"),
    ("not-boolean-word", r"'\w+' must be true or false, not "),
    ("not-boolean", r"'\w+' must be true or false"),
    ("date-zone-word", r"'\w+': '.*' names its zone"),
    ("date-far-future", r"\w+ \S+ .*is (\d+ years|more than a year) ahead"),
    ("expires-before-date", r"expires .* is before date"),
    ("translation-without-original", r"this (is a )?translation"),
    ("markdown-extension", r"'.*' is never published: sitegen reads only"),
    ("word-html", r"text pasted from Word"),
    ("not-text", r"'\w+' must be text"),
    ("not-list", r"'\w+' (must be a list|looks like several values)"),
    ("slug-unusable", r"slug .* is not usable"),
    ("image-address-unusable", r"'image' must be a web address"),
    ("source-url-unusable", r"'source_url' .* is neither"),
    ("starter-text-left", r"the page still has the text a new page starts with"),
    ("not-utf8", r"not UTF-8 text"),
    ("control-character", r"invisible control character"),
    ("file-too-long", r"the file is .* characters long"),
    ("translation-of-news", r"news and announcements are published in one language"),
    ("translation-lang-contradicts", r"lang: \w+ contradicts the file name"),
    ("translation-slug", r"a translation takes the URL"),
    ("markdown-outside-content", r"Markdown outside content/"),
    ("bundle-extra-file", r".*/ is a page bundle"),
    ("linked-file-skipped", r"skipped a link"),
    ("linked-folder-skipped", r"skipped a linked folder"),
    ("feed-id-clash", r"feed id .* is pinned by"),
    ("template-error", r"template error"),
)
_COMPILED = tuple((code, re.compile(pattern)) for code, pattern in _KNOWN)
GENERIC = {"error": "content-error", "warning": "content-warning", "info": "content-note"}

# Kinds of warning that only say the shipped example data is still there, with the
# words one summary line uses for them ("46 items marked sample").
EXAMPLE_DATA = {
    "sample-content": ("item marked sample", "items marked sample"),
    "example-value": (
        "example value in offices.yaml (unverified:)",
        "example values in offices.yaml (unverified:)",
    ),
    "placeholder-value": (
        "placeholder-looking value in offices.yaml",
        "placeholder-looking values in offices.yaml",
    ),
    "no-real-contact": ("unit without a real contact", "units without a real contact"),
    "not-filled-in": ("fact not yet filled in (belum diisi)", "facts not yet filled in (belum diisi)"),
    "verified-without-source": ("page verified without a source", "pages verified without a source"),
    "empty-page": ("page with no text yet", "pages with no text yet"),
}


def code_of(problem: Problem) -> str:
    """The code the problem's message is known by, else the generic one of its severity."""
    for code, pattern in _COMPILED:
        if pattern.match(problem.message):
            return code
    return GENERIC.get(problem.severity, "content-error")


def summary_label(code: str, severity: str = "warning", count: int = 2) -> str:
    """What a summary line calls ``count`` problems of ``code``: "items marked sample", "notes (code)"."""
    if code in EXAMPLE_DATA:
        return EXAMPLE_DATA[code][count != 1]
    noun = ("note", "notes") if severity == "info" else ("warning", "warnings")
    return f"{noun[count != 1]} ({code})"
