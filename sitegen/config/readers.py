"""Typed readers for offices.yaml that report a located problem instead of raising.

config/offices_keys.py declares what offices.yaml may hold; this module reads one value at a
time, checks its type and shape, and reports `offices.yaml:line: what is wrong
(how to fix)` through the build's Problems, so one run names every mistake.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitegen import hints
from sitegen.config import schema
from sitegen.config.offices_keys import LANGUAGES, LINKS
from sitegen.config.schema import Key
from sitegen.config.yaml_lines import LineDict
from sitegen.errors import Problems
from sitegen.i18n import _

# A host name as DNS writes it (letters, digits, hyphens, dots), lower or upper case.
_HOST = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", re.I
)
# Characters a published address never needs and that could end an HTML attribute or a header.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f\"'<>\\^`{|}]")
# An e-mail address a mailto: link may carry (declared in sitegen.config.schema).
EMAIL = re.compile(schema.EMAIL_PATTERN)
# A name that becomes part of a path or an address: a unit id, a theme, a section folder, a tag.
SLUG = re.compile(schema.SLUG_PATTERN)


def url_problem(url: str, schemes: tuple[str, ...] = ("https",), *, query: bool = True) -> str:
    """What makes ``url`` unfit to publish as a link, or "" when it is fit.

    Checked when offices.yaml is read, so that no page or feed ever carries an
    address that is not one: a scheme of another kind (javascript:), a host
    with a user name in front (https://facebook.com@evil.example/), a quote or
    angle bracket that would end an HTML attribute, a space or line break.
    """
    found = _URL_UNSAFE.search(url)
    if found:
        return _("holds {char!r}, which no web address may hold", char=found.group())
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return _("is not a web address")
    if parts.scheme.lower() not in schemes:
        return _("is not an {schemes} address", schemes=_(" or ").join(s + "://" for s in schemes))
    if "@" in parts.netloc:
        return _("has a user name before the host")
    if not _HOST.match(parts.hostname or ""):
        return _("has no valid host name")
    if not query and (parts.query or parts.fragment):
        return _("has a ? or # part")
    return ""


def not_http(url: str) -> bool:
    """No http(s) address at all (another scheme, an unreadable one): the message says it all."""
    if _URL_UNSAFE.search(url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return True
    return parts.scheme.lower() not in ("http", "https")


@dataclass
class Validator:
    """Small typed readers that report instead of raising."""

    path: Path
    problems: Problems

    def err(
        self, line: int, message: str, hint: str = "", code: str = "", *, unit: str = "", key: str = ""
    ) -> None:
        """An offices.yaml problem, with the unit and key it is about where known."""
        self.problems.error(self.path, line, message, hint, code, unit=unit, key=key)

    def keys(self, mapping: LineDict, allowed: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in allowed:
                close = closest(key, allowed)
                hint = (
                    _("did you mean {key!r}?", key=close)
                    if close
                    else _("allowed: {keys}", keys=", ".join(allowed))
                )
                self.err(
                    mapping.line_of(key),
                    _("unknown key {key!r} in {where}", key=key, where=where),
                    hint,
                    key=key,
                )

    def text(self, mapping: LineDict, key: str, where: str) -> str:
        value = mapping.get(key)
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            self.err(
                mapping.line_of(key), _("{key!r} in {where} must be text", key=key, where=where), key=key
            )
            return ""
        return str(value).strip()

    def integer(self, mapping: LineDict, key: str, default: int) -> int:
        value = mapping.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.err(mapping.line_of(key), _("{key!r} must be a positive whole number", key=key), key=key)
            return default
        return value

    def strings(self, mapping: LineDict, key: str) -> list[str]:
        value = mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or any(isinstance(x, (dict, list)) for x in value):
            self.err(
                mapping.line_of(key),
                _("{key!r} must be a list of texts", key=key),
                _("write {key}: [a, b]", key=key),
                key=key,
            )
            return []
        return [str(x) for x in value]

    def choices(self, mapping: LineDict, key: str, allowed: tuple[str, ...]) -> list[str]:
        values = self.strings(mapping, key)
        for value in values:
            if value not in allowed:
                self.err(
                    mapping.line_of(key),
                    _("unknown {what} {value!r}", what=key[:-1] if key.endswith("s") else key, value=value),
                    _("use one of: {ids}", ids=", ".join(allowed)),
                )
        return [x for x in values if x in allowed]

    def pairs(self, mapping: LineDict, key: str, allowed: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        value = mapping.get(key)
        if value is None:
            return ()
        if not isinstance(value, LineDict):
            self.err(
                mapping.line_of(key),
                _("{key!r} must be a mapping", key=key),
                _("keys: {keys}", keys=", ".join(allowed)),
                key=key,
            )
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
            _("accent {value!r} is not a colour", value=value),
            _('write six hex digits, e.g. accent: "#0b3d6e"'),
        )
        return ""
    ratio = 1.05 / (_luminance(value) + 0.05)
    if ratio < 4.5:
        v.err(
            raw.line_of("accent"),
            _(
                "accent {value} is too light for white text (contrast {ratio}:1, at least 4.5:1 needed)",
                value=value,
                ratio=f"{ratio:.1f}",
            ),
            _("choose a darker colour"),
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
            _("{key} {value!r} is not a path of the site", key=key, value=value),
            _("write e.g. {key}: /static/{key}.png", key=key),
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
            v.err(line, f"social.{key} {url!r} {problem}", _("write it like {example}", example=example))
        elif not any(host == d or host.endswith("." + d) for d in domains[key]):
            v.err(
                line,
                _(
                    "social.{key} {url!r} is not on {domains}",
                    key=key,
                    url=url,
                    domains=_(" or ").join(domains[key]),
                ),
                _("give the account's own address, like {example}", example=example),
            )
        elif not parts.path.strip("/"):
            v.err(
                line,
                _("social.{key} {url!r} names no account", key=key, url=url),
                _("write it like {example}", example=example),
            )
        else:
            kept.append((key, url))
    return tuple(kept)


def service_links(v: Validator, raw: LineDict, where: str) -> tuple[tuple[str, str], ...]:
    """External services' addresses: each an https:// address, or the page would send readers nowhere safe."""
    pairs = v.pairs(raw, "links", tuple(LINKS))
    value = raw.get("links")
    kept = []
    for name, url in pairs:
        problem = url_problem(url)
        if problem:
            line = value.line_of(name) if isinstance(value, LineDict) else raw.line_of("links")
            v.err(
                line,
                f"{where}.{name} {url!r} {problem}",
                f"write the service's address, like https://{name.replace('_', '-')}.example.go.id/",
            )
            continue
        kept.append((name, url))
    return tuple(kept)


def known_language(v: Validator, code: str, line: int, key: str) -> bool:
    """Whether a site can be published in ``code`` (LANGUAGES); an unknown one is reported at ``line``.

    Refused when offices.yaml is read, as the pages could not be: the theme has no words
    for it, and its name and dates are looked up by code.
    """
    if code in LANGUAGES:
        return True
    said = hints.unknown_language(code, key, tuple(LANGUAGES))
    v.err(line, said.message, said.hint, said.code, key=key)
    return False


# How a unit's key is read when its value needs more than its declared type says: the
# validator, the unit's mapping, the key's declaration, and the unit named for messages.
UnitReader = Callable[[Validator, LineDict, Key, str], Any]
