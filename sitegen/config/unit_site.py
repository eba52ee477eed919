"""A unit's keys about its site itself: who it is, where it is published, in which zone, how it looks.

Each reader checks what the declared type cannot say (an id that is a slug, a zone
that exists, an address fit to publish, a theme that is a plain folder name) and
reports at the key's line; ``READERS`` tells sitegen.config.unit_readers which key
each one reads.
"""

from __future__ import annotations

import re
from typing import Any

from sitegen.config.offices_keys import EDITOR_PATTERN
from sitegen.config.readers import (
    SLUG,
    UnitReader,
    Validator,
    accent,
    known_language,
    not_http,
    site_file,
    url_problem,
)
from sitegen.config.schema import Key
from sitegen.config.yaml_lines import LineDict, LineList
from sitegen.dates import DateFormatError, zone
from sitegen.i18n import _

_EDITOR = re.compile(EDITOR_PATTERN)


def _unit_id(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    """The id names a folder and a site: a slug, so that it is the same path everywhere."""
    office_id = str(raw.get("id") or "")
    if office_id and not SLUG.match(office_id):
        v.err(
            raw.line_of("id"),
            _("unit id {unit!r} is not a slug", unit=office_id),
            _("use lowercase letters, digits and hyphens"),
        )
    return office_id


def _kind(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    """kanim, rudenim or kanwil: the kind decides which shared pages the unit publishes."""
    kind = str(raw.get("kind") or "")
    if kind and kind not in key.enum:
        v.err(
            raw.line_of("kind"),
            _("unknown kind {value!r}", value=kind),
            _("use one of: {ids}", ids=", ".join(key.enum)),
            "unknown-kind",
        )
    return kind


def _timezone(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    """A zone that exists: every date of the unit's pages is read in it."""
    tz_name = str(raw.get("timezone") or "")
    if tz_name:
        try:
            zone(tz_name)
        except DateFormatError:
            v.err(
                raw.line_of("timezone"),
                _("unknown time zone {name!r}", name=tz_name),
                _(
                    "use an IANA name such as Asia/Pontianak (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)"
                ),
            )
    return tz_name


def _base_url(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    """The site's address, absolute and fit to publish, ending in "/" so that paths join onto it."""
    base_url = str(raw.get("base_url") or "")
    if base_url:
        problem = url_problem(base_url, ("http", "https"), query=False)
        if problem:
            v.err(
                raw.line_of("base_url"),
                _("base_url {value!r} is not an absolute http(s) URL", value=base_url)
                if not_http(base_url)
                else _(
                    "base_url {value!r} is not an absolute http(s) URL: it {problem}",
                    value=base_url,
                    problem=problem,
                ),
                _("write it like https://pontianak.imigrasi.go.id/"),
            )
        elif not base_url.endswith("/"):
            base_url += "/"
    return base_url


def _languages(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[str, ...]:
    """The languages the site is published in, each one a site can be (its place is checked with the network's)."""
    items = raw.get("languages")
    kept = []
    for index, code in enumerate(v.strings(raw, "languages")):
        line = items.line_of(index) if isinstance(items, LineList) else raw.line_of("languages")
        if code in kept:  # said twice: which place was meant cannot be known
            v.err(
                line,
                _("language {code!r} is listed twice in languages", code=code),
                _("write each language once, e.g. languages: [id, en]"),
                "language-twice",
                key="languages",
            )
        elif known_language(v, code, line, "languages"):
            kept.append(code)
    return tuple(kept) or tuple(key.default)


def _parent(v: Validator, raw: LineDict, key: Key, where: str) -> str | None:
    """The unit above (a Kanwil); that it exists is checked once every unit is read."""
    return v.text(raw, "parent", where) or None


def _theme(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    """A theme is a folder of themes/ named plainly, never a path that could lead elsewhere."""
    name = v.text(raw, "theme", where) or key.default
    if not SLUG.match(name):
        v.err(
            raw.line_of("theme"),
            _("theme {name!r} is not the name of a folder in themes/", name=name),
            _("write a plain name such as theme: default"),
        )
        return str(key.default)
    return name


def _params(v: Validator, raw: LineDict, key: Key, where: str) -> dict[str, Any]:
    """Keys of the unit's own for its templates: unchecked, but they must be a mapping."""
    value = raw.get("params")
    if value is None:
        return {}
    if not isinstance(value, dict):
        v.err(
            raw.line_of("params"),
            _("'params' must be a mapping"),
            _("indent your own keys under params:"),
            "not-mapping",
        )
        return {}
    return dict(value)


def _trusted_static(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[str, ...]:
    """``trusted_static: true`` (every file of the unit's static/) or a list of paths inside it."""
    value = raw.get("trusted_static", False)
    if value is True:
        return ("*",)
    if value is False:
        return ()
    if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
        return tuple(item.strip("/") for item in value)
    v.err(
        raw.line_of("trusted_static"),
        _("'trusted_static' must be true or a list of files inside the unit's static/ folder"),
        _("write trusted_static: [js/peta.js]"),
    )
    return ()


def _editors(v: Validator, raw: LineDict) -> tuple[str, ...]:
    """A unit's editors: git host accounts or groups (@humas-sambas, @org/team) or e-mail addresses."""
    names = v.strings(raw, "editors")
    for name in names:
        if not _EDITOR.match(name):
            v.err(
                raw.line_of("editors"),
                _(
                    "editor {name!r} is neither an account or group (@name, @org/team) nor an e-mail address",
                    name=name,
                ),
                _("write editors: ['@humas-sambas', '@imigrasi/kanim-sambas']"),
            )
    return tuple(n for n in names if _EDITOR.match(n))


# The keys about the site whose value needs more than its declared type says.
READERS: dict[str, UnitReader] = {
    "id": _unit_id,
    "kind": _kind,
    "parent": _parent,
    "base_url": _base_url,
    "timezone": _timezone,
    "languages": _languages,
    "theme": _theme,
    "accent": lambda v, raw, key, where: accent(v, raw, where),
    "logo": lambda v, raw, key, where: site_file(v, raw, key.name, where),
    "banner": lambda v, raw, key, where: site_file(v, raw, key.name, where),
    "trusted_static": _trusted_static,
    "params": _params,
    "editors": lambda v, raw, key, where: _editors(v, raw),
}
