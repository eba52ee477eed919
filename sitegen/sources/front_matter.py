"""Front matter: the YAML block at the top of every Markdown file, split off and parsed.

The keys are declared once, in ``FRONT_MATTER`` (sitegen.sources.front_matter_keys), with
their types and limits; the parser here checks each value against its declared key.
Anything else is an error (unless it sits under ``params:``), so ``titel:`` or ``tag:``
is caught at build time instead of silently doing nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any, NamedTuple

import frontmatter

from sitegen import hints
from sitegen.config import schema, yaml_lines
from sitegen.config.schema import Key
from sitegen.config.yaml_lines import LineDict
from sitegen.dates import DateFormatError, parse_datetime, zone_word
from sitegen.i18n import _
from sitegen.sources.front_matter_keys import FRONT_MATTER, KNOWN_KEYS

# When a value does not match its key's declared pattern: what the editor reads (line, value -> message, hint).
_MISMATCH: dict[str, Callable[[str], tuple[str, str, str]]] = {  # (message, hint, code)
    "image": lambda value: (
        _("'image' must be a web address or a path"),
        _("write image: foto.jpg (a file beside the page) or image: https://…"),
        "image-address-unusable",
    ),
    "source_url": lambda value: (
        _("'source_url' {value!r} is neither a web address nor a path of the site", value=value),
        _("write source_url: https://… (the official text) or /profil/dasar-hukum/"),
        "source-url-unusable",
    ),
    "gone": lambda value: (
        _("'gone' needs the reason readers will see"),
        _('write gone: "Dicabut karena …"'),
        "gone-without-reason",
    ),
    "slug": lambda value: (
        _("slug {value!r} is not usable", value=value),
        _("use lowercase letters, digits and hyphens"),
        "slug-unusable",
    ),
}


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


class Said(NamedTuple):
    """One front matter problem: where, the words for the editor, and the data for machines."""

    line: int
    message: str
    hint: str
    code: str  # its kind (sitegen.codes)
    key: str = ""  # the key it is about, where there is one


class FrontMatterError(Exception):
    """One or more problems, each a :class:`Said`."""

    def __init__(self, problems: list[Said]):
        super().__init__("; ".join(p.message for p in problems))
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
            [
                Said(
                    1,
                    _("the front matter is never closed"),
                    _("add a line with only '---' after the last key"),
                    "front-matter-missing",
                )
            ]
        ) from None
    yaml_first = text.count("\n", 0, text.find(raw)) + 1
    body_first = text.count("\n", 0, len(text) - len(body)) + 1 if body else text.count("\n") + 1
    return raw, body, yaml_first, body_first


def parse(raw: str, first_line: int, required_date: bool) -> FrontMatter:
    """Validate the YAML text of a front matter block; raise FrontMatterError listing every problem."""
    data = _mapping(raw, first_line)
    problems: list[Said] = [
        Said(
            line,
            _("invisible control character {char} in {key!r}", char=char, key=key),
            _("delete it: no web page or feed can carry it (\\x.. and \\u.. escapes included)"),
            "control-character",
            key.split(".")[0],
        )
        for line, key, char in yaml_lines.unpublishable(data)
    ]
    values: dict[str, Any] = {}
    refused: set[str] = set()  # keys already reported, so "missing title" is not said twice
    for key, value in data.items():
        line = data.line_of(key)
        declared = FRONT_MATTER.get(key)
        checked = (
            Said(line, _("unknown front matter key {key!r}", key=key), _suggest(key), "unknown-key", key)
            if declared is None
            else _CHECKS[declared.type](key, value, line, declared)
        )
        if isinstance(checked, Said):
            problems.append(checked)
            refused.add(key)
        else:
            values[key] = checked
    problems += _missing(values, refused, data.line or first_line, required_date)
    if problems:
        raise FrontMatterError(problems)
    return FrontMatter(lines=dict(data.key_lines), **values)


def _mapping(raw: str, first_line: int) -> LineDict:
    """The block read as YAML 'key: value' lines, or the one problem that stops reading it."""
    if first_line == 0:
        raise FrontMatterError(
            [
                Said(
                    1,
                    _("no front matter"),
                    _("start the file with a '---' line, 'title: ...' and '---'"),
                    "front-matter-missing",
                )
            ]
        )
    try:
        data = yaml_lines.load(raw, first_line=first_line) if raw.strip() else LineDict()
    except yaml_lines.YamlError as exc:
        raise FrontMatterError(
            [
                Said(
                    each.line,
                    _("front matter is not valid YAML: {problem}", problem=each.message),
                    each.hint or _("check indentation, colons and quotes; quote a title that contains ': '"),
                    each.code,
                )
                for each in (exc, *exc.more)  # every line with a tab, not only the first
            ]
        ) from None
    if not isinstance(data, LineDict):
        raise FrontMatterError(
            [
                Said(
                    first_line,
                    _("front matter must be 'key: value' lines"),
                    _("e.g. title: Paspor Baru"),
                    "front-matter-missing",
                )
            ]
        )
    return data


def _missing(values: dict[str, Any], refused: set[str], line: int, required_date: bool) -> list[Said]:
    """The required keys that are absent (not those already reported for their value)."""
    problems = []
    for required in FRONT_MATTER.keys:
        if required.required and not values.get(required.name) and required.name not in refused:
            fix = _("add a line like '{key}: {example}'", key=required.name, example=required.example)
            missing = _("missing {key}", key=required.name)
            if required.name in values:  # written, with nothing after the colon
                fix = _(
                    "write it after the colon, e.g. '{key}: {example}'",
                    key=required.name,
                    example=required.example,
                )
                missing = _("{key} is empty", key=required.name)
            problems.append(Said(line, missing, fix, f"{required.name}-missing", required.name))
    if required_date and "date" not in values and "date" not in refused:
        problems.append(
            Said(
                line,
                _("missing {key}", key="date"),
                _("news and announcements need 'date: 2024-12-01 09:30'"),
                "date-missing",
                "date",
            )
        )
    return problems


# -- one check per declared type: the value to keep, or the Said that refuses it ----------------


def _text(key: str, value: Any, line: int, declared: Key) -> Any:
    if value is None or isinstance(value, (dict, list, bool)):
        # YAML reads yes/no/on/off as true/false: a title "yes" would print as "True"
        return Said(
            line,
            _("{key!r} must be text", key=key),
            _('write {key}: ... (quote it: "{value}")', key=key, value=value),
            "not-text",
            key,
        )
    text = str(value).strip()
    if "{{" in text or "{%" in text:
        # filled in only in the body: a title would show "{{ office.name }}" to readers as written
        return Said(
            line,
            _(
                "{key!r} cannot hold {{{{ }}}} or {{% %}}: they are filled in only in the page's text",
                key=key,
            ),
            _(
                "write it in words (e.g. 'title: Jam dan Lokasi Layanan'); {{ office.name }} works below the front matter"
            ),
            "office-variable-in-front-matter",
            key,
        )
    if declared.pattern and key in _MISMATCH and not schema.matches(declared.pattern, text):
        return Said(line, *_MISMATCH[key](text), key)
    return text


def _datetime(key: str, value: Any, line: int, _declared: Key) -> Any:
    text = str(value).strip() if value is not None else ""
    slip = _date_slip(key, text)
    return text if slip is None else Said(line, slip.message, slip.hint, slip.code, key)


def _list(key: str, value: Any, line: int, _declared: Key) -> Any:
    items = [value] if isinstance(value, str) else value
    if isinstance(value, str) and "," in value:
        # "tags: paspor, visa" reads as one tag named "paspor, visa"
        return Said(
            line,
            _("{key!r} looks like several values in one", key=key),
            _("write {key}: [{value}]", key=key, value=value),
            "not-list",
            key,
        )
    if not isinstance(items, list) or any(isinstance(x, (dict, list, bool)) or x is None for x in items):
        return Said(
            line, _("{key!r} must be a list", key=key), _("write {key}: [a, b]", key=key), "not-list", key
        )
    return tuple(str(x).strip() for x in items)


def _boolean(key: str, value: Any, line: int, _declared: Key) -> Any:
    slip = hints.yes_no_word(key, value) if isinstance(value, str) else None
    if slip is not None:
        return Said(line, slip.message, slip.hint, slip.code, key)
    if not isinstance(value, bool):
        return Said(
            line,
            _("{key!r} must be true or false", key=key),
            _("write {key}: true", key=key),
            "not-boolean",
            key,
        )
    return value


def _integer(key: str, value: Any, line: int, _declared: Key) -> Any:
    if not isinstance(value, int) or isinstance(value, bool):
        return Said(line, _("'weight' must be a whole number"), _("write weight: 10"), "not-number", key)
    return value


def _free(key: str, value: Any, line: int, _declared: Key) -> Any:
    if not isinstance(value, dict):
        return Said(
            line, _("'params' must be a mapping"), _("indent your own keys under params:"), "not-mapping", key
        )
    return dict(value)


_CHECKS: dict[str, Callable[[str, Any, int, Key], Any]] = {
    "text": _text,
    "datetime": _datetime,
    "list": _list,
    "boolean": _boolean,
    "integer": _integer,
    "free": _free,
}


def _date_slip(key: str, text: str) -> hints.Hint | None:
    """What keeps ``text`` from being a date of ``key``: a zone word (the unit's zone applies), or its form."""
    word = zone_word(text)
    if word:
        return hints.zone_in_date(key, text, word)
    try:
        parse_datetime(text, UTC)
    except DateFormatError as exc:
        shown = "2024-12-01" in str(exc)  # the problem already shows the form: the hint says something else
        return hints.Hint(
            _("{key!r}: {problem}", key=key, problem=exc),
            _("year-month-day with two digits each, then the time if any")
            if shown
            else _("dates look like 2024-12-01 or 2024-12-01 09:30"),
            "date-unreadable",
        )
    return None


def _suggest(key: str) -> str:
    close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.6)
    if close:
        return _("did you mean {key!r}? Keys of your own go under params:", key=close[0])
    return _("put keys of your own under params:")
