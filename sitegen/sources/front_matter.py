"""Front matter: the YAML block at the top of every Markdown file.

The keys are declared here once, with their types. Anything else is an error
(unless it sits under ``params:``), so ``titel:`` or ``tag:`` is caught at
build time instead of silently doing nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

import frontmatter

from sitegen import hints
from sitegen.config import yaml_lines
from sitegen.config.yaml_lines import LineDict
from sitegen.dates import DateFormatError, parse_datetime, zone_word
from sitegen.sources.sanitize import safe_url

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TEXT_KEYS = (
    *("title", "summary", "category", "author", "slug", "image", "image_alt", "lang", "id"),
    *("source", "source_url", "gone"),
)
DATE_KEYS = ("date", "updated", "expires", "verified")
LIST_KEYS = ("tags", "aliases", "offices", "exclude_offices", "kinds", "services")
BOOL_KEYS = ("draft", "trusted_html", "sample", "pinned")
KNOWN_KEYS = (*TEXT_KEYS, *DATE_KEYS, *LIST_KEYS, *BOOL_KEYS, "weight", "params")


@dataclass(frozen=True)
class FrontMatter:
    """Validated front matter. Dates stay text: each unit reads them in its own zone."""

    title: str
    date: str | None = None
    updated: str | None = None
    expires: str | None = None
    verified: str | None = None
    summary: str = ""
    category: str = ""
    author: str = ""
    slug: str = ""
    image: str = ""
    image_alt: str = ""  # what the picture in ``image:`` shows, for readers who cannot see it
    lang: str = ""
    id: str = ""
    source: str = ""  # what the page's facts were checked against ("PP 45/2024"), shown as "Sumber: …"
    source_url: str = ""  # where a reader finds that source: a web address or a path of the site
    gone: str = ""  # withdrawn: why, told to readers at its old address (see sitegen.build.addresses)
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    exclude_offices: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    draft: bool = False
    trusted_html: bool = False  # raw HTML kept as written (see sitegen.sources.sanitize)
    sample: bool = False  # an example text shipped to show the layout, flagged until replaced
    pinned: bool = False  # shown before newer items on its list and the home page (WordPress's "sticky")
    weight: int = 0
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    lines: dict[str, int] = field(default_factory=dict, hash=False, compare=False)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


class FrontMatterError(Exception):
    """One or more problems, each as (line, message, hint)."""

    def __init__(self, problems: list[tuple[int, str, str]]):
        super().__init__("; ".join(m for _, m, _ in problems))
        self.problems = problems


def split(text: str) -> tuple[str, str, int, int]:
    """Split a file into (yaml, body, yaml's first line, body's first line).

    Raises FrontMatterError for the commonest slip: an opening '---' with no closing one.
    """
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return "", text, 0, 1
    try:
        raw, body = handler.split(text)
    except ValueError:
        raise FrontMatterError(
            [(1, "the front matter is never closed", "add a line with only '---' after the last key")]
        ) from None
    yaml_first = text.count("\n", 0, text.find(raw)) + 1
    body_first = text.count("\n", 0, len(text) - len(body)) + 1 if body else text.count("\n") + 1
    return raw, body, yaml_first, body_first


def parse(raw: str, first_line: int, required_date: bool) -> FrontMatter:
    """Validate the YAML text of a front matter block; raise FrontMatterError listing every problem."""
    if first_line == 0:
        raise FrontMatterError(
            [(1, "no front matter", "start the file with a '---' line, 'title: ...' and '---'")]
        )
    try:
        data = yaml_lines.load(raw, first_line=first_line) if raw.strip() else LineDict()
    except yaml_lines.YamlError as exc:
        raise FrontMatterError(
            [
                (
                    exc.line,
                    f"front matter is not valid YAML: {exc.message}",
                    exc.hint or "check indentation, colons and quotes; quote a title that contains ': '",
                )
            ]
        ) from None
    if not isinstance(data, LineDict):
        raise FrontMatterError(
            [(first_line, "front matter must be 'key: value' lines", "e.g. title: Paspor Baru")]
        )
    problems: list[tuple[int, str, str]] = [
        (
            line,
            f"invisible control character {char} in {key!r}",
            "delete it: no web page or feed can carry it (\\x.. and \\u.. escapes included)",
        )
        for line, key, char in yaml_lines.unpublishable(data)
    ]
    values: dict[str, Any] = {}
    for key, value in data.items():
        line = data.line_of(key)
        if key not in KNOWN_KEYS:
            problems.append((line, f"unknown front matter key {key!r}", _suggest(key)))
        elif key in TEXT_KEYS:
            if value is None or isinstance(value, (dict, list, bool)):
                # YAML reads yes/no/on/off as true/false: a title "yes" would print as "True"
                problems.append((line, f"{key!r} must be text", f'write {key}: ... (quote it: "{value}")'))
            else:
                values[key] = str(value).strip()
                if key == "image" and not safe_url(values[key]):
                    problems.append(
                        (
                            line,
                            "'image' must be a web address or a path",
                            "write image: foto.jpg (a file beside the page) or image: https://…",
                        )
                    )
                if key == "source_url" and not _source_address(values[key]):
                    problems.append(
                        (
                            line,
                            f"'source_url' {values[key]!r} is neither a web address nor a path of the site",
                            "write source_url: https://… (the official text) or /profil/dasar-hukum/",
                        )
                    )
                if key == "gone" and not values[key]:
                    problems.append(
                        (line, "'gone' needs the reason readers will see", 'write gone: "Dicabut karena …"')
                    )
                if key == "slug" and not SLUG.match(values[key]):
                    problems.append(
                        (
                            line,
                            f"slug {values[key]!r} is not usable",
                            "use lowercase letters, digits and hyphens",
                        )
                    )
        elif key in DATE_KEYS:
            text = str(value).strip() if value is not None else ""
            word = zone_word(text)
            if word:
                said = hints.zone_in_date(key, text, word)
                problems.append((line, said.message, said.hint))
                continue
            try:
                parse_datetime(text, UTC)
            except DateFormatError as exc:
                problems.append((line, f"{key!r}: {exc}", "dates look like 2024-12-01 or 2024-12-01 09:30"))
            else:
                values[key] = text
        elif key in LIST_KEYS:
            if isinstance(value, str) and "," in value:
                # "tags: paspor, visa" reads as one tag named "paspor, visa"
                problems.append(
                    (line, f"{key!r} looks like several values in one", f"write {key}: [{value}]")
                )
                continue
            items = [value] if isinstance(value, str) else value
            bad = not isinstance(items, list)
            if bad or any(isinstance(x, (dict, list, bool)) or x is None for x in items):
                problems.append((line, f"{key!r} must be a list", f"write {key}: [a, b]"))
            else:
                values[key] = tuple(str(x).strip() for x in items)
        elif key in BOOL_KEYS:
            slip = hints.yes_no_word(key, value) if isinstance(value, str) else None
            if slip is not None:
                problems.append((line, slip.message, slip.hint))
            elif not isinstance(value, bool):
                problems.append((line, f"{key!r} must be true or false", f"write {key}: true"))
            else:
                values[key] = value
        elif key == "weight":
            if not isinstance(value, int) or isinstance(value, bool):
                problems.append((line, "'weight' must be a whole number", "write weight: 10"))
            else:
                values[key] = value
        elif key == "params":
            if not isinstance(value, dict):
                problems.append((line, "'params' must be a mapping", "indent your own keys under params:"))
            else:
                values[key] = dict(value)
    if not values.get("title") and not any("'title'" in m for _, m, _ in problems):
        problems.append((data.line or first_line, "missing title", "add a line like 'title: Paspor Baru'"))
    if required_date and "date" not in values and not any("'date'" in m for _, m, _ in problems):
        problems.append(
            (data.line or first_line, "missing date", "news and announcements need 'date: 2024-12-01 09:30'")
        )
    if problems:
        raise FrontMatterError(problems)
    return FrontMatter(lines=dict(data.key_lines), **values)


def _source_address(url: str) -> bool:
    """A source a reader can open: an http(s) address with a host, or a path of the unit's site."""
    if url.startswith("/"):
        return not url.startswith("//") and safe_url(url)
    return re.match(r"^https?://[^/\s]+", url) is not None and " " not in url


def _suggest(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}? Keys of your own go under params:"
    return "put keys of your own under params:"
