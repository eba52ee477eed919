"""Typed readers for offices.yaml that report a located problem instead of raising.

config/offices.py declares what offices.yaml may hold; this module reads one value at a
time, checks its type and shape, and reports `offices.yaml:line: what is wrong
(how to fix)` through the build's Problems, so one run names every mistake.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.config import schema
from sitegen.config.yaml_lines import LineDict
from sitegen.errors import Problems

# A host name as DNS writes it (letters, digits, hyphens, dots), lower or upper case.
_HOST = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", re.I
)
# Characters a published address never needs and that could end an HTML attribute or a header.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\"'<>\\^`{|}]")
# An e-mail address a mailto: link may carry (declared in sitegen.config.schema).
EMAIL = re.compile(schema.EMAIL_PATTERN)


def url_problem(url: str, schemes: tuple[str, ...] = ("https",), *, query: bool = True) -> str:
    """What makes ``url`` unfit to publish as a link, or "" when it is fit.

    Checked when offices.yaml is read, so that no page or feed ever carries an
    address that is not one: a scheme of another kind (javascript:), a host
    with a user name in front (https://facebook.com@evil.example/), a quote or
    angle bracket that would end an HTML attribute, a space or line break.
    """
    found = _URL_UNSAFE.search(url)
    if found:
        return f"holds {found.group()!r}, which no web address may hold"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "is not a web address"
    if parts.scheme.lower() not in schemes:
        return f"is not an {' or '.join(s + '://' for s in schemes)} address"
    if "@" in parts.netloc:
        return "has a user name before the host"
    if not _HOST.match(parts.hostname or ""):
        return "has no valid host name"
    if not query and (parts.query or parts.fragment):
        return "has a ? or # part"
    return ""


@dataclass
class Validator:
    """Small typed readers that report instead of raising."""

    path: Path
    problems: Problems

    def err(self, line: int, message: str, hint: str = "") -> None:
        self.problems.error(self.path, line, message, hint)

    def keys(self, mapping: LineDict, allowed: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in allowed:
                close = closest(key, allowed)
                hint = f"did you mean {close!r}?" if close else f"allowed: {', '.join(allowed)}"
                self.err(mapping.line_of(key), f"unknown key {key!r} in {where}", hint)

    def text(self, mapping: LineDict, key: str, where: str) -> str:
        value = mapping.get(key)
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            self.err(mapping.line_of(key), f"{key!r} in {where} must be text")
            return ""
        return str(value).strip()

    def integer(self, mapping: LineDict, key: str, default: int) -> int:
        value = mapping.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.err(mapping.line_of(key), f"{key!r} must be a positive whole number")
            return default
        return value

    def strings(self, mapping: LineDict, key: str) -> list[str]:
        value = mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or any(isinstance(x, (dict, list)) for x in value):
            self.err(mapping.line_of(key), f"{key!r} must be a list of texts", f"write {key}: [a, b]")
            return []
        return [str(x) for x in value]

    def choices(self, mapping: LineDict, key: str, allowed: tuple[str, ...]) -> list[str]:
        values = self.strings(mapping, key)
        for value in values:
            if value not in allowed:
                self.err(
                    mapping.line_of(key),
                    f"unknown {key[:-1] if key.endswith('s') else key} {value!r}",
                    f"use one of: {', '.join(allowed)}",
                )
        return [x for x in values if x in allowed]

    def pairs(self, mapping: LineDict, key: str, allowed: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        value = mapping.get(key)
        if value is None:
            return ()
        if not isinstance(value, LineDict):
            self.err(mapping.line_of(key), f"{key!r} must be a mapping", f"keys: {', '.join(allowed)}")
            return ()
        self.keys(value, allowed, key)
        return tuple((k, str(value[k]).strip()) for k in allowed if value.get(k))


def closest(word: str, options: tuple[str, ...]) -> str | None:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


_HEX = re.compile(schema.HEX_COLOUR)


def accent(v: Validator, raw: LineDict, where: str) -> str:
    """A colour white text can sit on: the masthead is white on it (WCAG AA, 4.5:1)."""
    value = v.text(raw, "accent", where)
    if not value:
        return ""
    if not _HEX.match(value):
        v.err(
            raw.line_of("accent"),
            f"accent {value!r} is not a colour",
            'write six hex digits, e.g. accent: "#0b3d6e"',
        )
        return ""
    ratio = 1.05 / (_luminance(value) + 0.05)
    if ratio < 4.5:
        v.err(
            raw.line_of("accent"),
            f"accent {value} is too light for white text (contrast {ratio:.1f}:1, at least 4.5:1 needed)",
            "choose a darker colour",
        )
        return ""
    return value.lower()


def _luminance(colour: str) -> float:
    """Relative luminance of "#rrggbb" (WCAG 2.1)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def site_file(v: Validator, raw: LineDict, key: str, where: str) -> str:
    """A picture of the unit's own site, written from its root ("/static/logo.png"); the build checks it exists."""
    value = v.text(raw, key, where)
    if value and not schema.matches(schema.SITE_PATH, value):
        v.err(
            raw.line_of(key),
            f"{key} {value!r} is not a path of the site",
            f"write e.g. {key}: /static/{key}.png",
        )
        return ""
    return value


def social_accounts(
    v: Validator, raw: LineDict, domains: dict[str, tuple[str, ...]]
) -> tuple[tuple[str, str], ...]:
    """The unit's official accounts: each an https:// address of an account on that platform's own domain.

    Readers are told these are the official channels, so a typo, a look-alike
    domain or a link to the platform's front page is an error, not a published link.
    """
    pairs = v.pairs(raw, "social", tuple(domains))
    value = raw.get("social")
    kept = []
    for key, url in pairs:
        line = value.line_of(key) if isinstance(value, LineDict) else raw.line_of("social")
        parts = urlsplit(url) if not _URL_UNSAFE.search(url) else urlsplit("")
        host = (parts.hostname or "").lower()
        example = f"https://www.{domains[key][0]}/akun-resmi"
        problem = url_problem(url)
        if problem:
            v.err(line, f"social.{key} {url!r} {problem}", f"write it like {example}")
        elif not any(host == d or host.endswith("." + d) for d in domains[key]):
            v.err(
                line,
                f"social.{key} {url!r} is not on {' or '.join(domains[key])}",
                f"give the account's own address, like {example}",
            )
        elif not parts.path.strip("/"):
            v.err(line, f"social.{key} {url!r} names no account", f"write it like {example}")
        else:
            kept.append((key, url))
    return tuple(kept)
