"""A unit's keys about the office as its pages show it: class, hours, contacts, where it is, who heads it.

Readers rely on these on the contact, profile and service pages (and in structured
data), so a value that would mislead them (an e-mail address that is not one,
coordinates off the globe, an integrity-zone title that does not exist) is an error
at its line, never a published guess. ``READERS`` tells sitegen.config.unit_readers
which key each reader reads.
"""

from __future__ import annotations

import re
from datetime import date, time

from sitegen.config import schema
from sitegen.config.offices_keys import (
    COORDINATES_PATTERN,
    INTEGRITY_ZONES,
    SERVICE_POINT_KINDS,
    SOCIAL_PLATFORMS,
)
from sitegen.config.readers import EMAIL, UnitReader, Validator, service_links, social_accounts
from sitegen.config.schema import Key
from sitegen.config.settings import Hours, OfficeClass, ServicePoint
from sitegen.config.yaml_lines import LineDict, LineList
from sitegen.i18n import _

_COORDINATES = re.compile(COORDINATES_PATTERN)
_RANGE = re.compile(r"^(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})$")


def _office_class(v: Validator, raw: LineDict, key: Key, where: str) -> OfficeClass | None:
    """``class:``, its name and the date it held from; a date unread would show a wrong "since"."""
    value = raw.get("class")
    if value is None:
        return None
    if not isinstance(value, LineDict):
        v.err(
            raw.line_of("class"), "'class' must be a mapping", "write name: Kelas I TPI and as_of: 2024-01-01"
        )
        return None
    v.keys(value, key.names, "class")
    as_of = None
    if value.get("as_of"):
        try:
            as_of = date.fromisoformat(str(value["as_of"]))
        except ValueError:
            v.err(
                value.line_of("as_of"),
                _("cannot read as_of date {value!r}", value=value["as_of"]),
                _("write it as 2024-01-01"),
                "date-unreadable",
            )
    return OfficeClass(str(value.get("name") or ""), as_of, str(value.get("decree") or ""))


def _hours(v: Validator, raw: LineDict, key: Key, where: str) -> Hours:
    """``hours:`` per weekday (08.00-16.00, tutup), read into times: pages and structured data show the same."""
    value = raw.get("hours")
    if value is None:
        return Hours(())
    if not isinstance(value, LineDict):
        v.err(
            raw.line_of("hours"), _("'hours' must map weekdays to times"), _("write e.g. senin: 08.00-16.00")
        )
        return Hours(())
    v.keys(value, key.names, "hours")
    days: list[tuple[str, tuple[tuple[time, time], ...]]] = []
    for day in key.names:
        spec = value.get(day)
        if spec is None or str(spec).strip().lower() in ("", "tutup", "closed"):
            days.append((day, ()))
            continue
        ranges = []
        for part in str(spec).split(","):
            match = _RANGE.match(part.strip())
            if not match:
                v.err(
                    value.line_of(day),
                    _("cannot read hours {value!r} for {day}", value=part.strip(), day=day),
                    _("write 08.00-16.00, several ranges separated by commas, or tutup"),
                )
                break
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            try:
                ranges.append((time(h1, m1), time(h2, m2)))
            except ValueError:
                v.err(
                    value.line_of(day),
                    _("impossible time in {value!r}", value=part.strip()),
                    _("hours run 00-23, minutes 00-59"),
                )
        days.append((day, tuple(ranges)))
    return Hours(tuple(days))


def _contacts(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[tuple[str, str], ...]:
    """Telephone, WhatsApp and e-mail; the e-mail address becomes a mailto: link, so it is checked."""
    pairs = v.pairs(raw, "contacts", key.names)
    value = raw.get("contacts")
    kept: list[tuple[str, str]] = []
    for name, text in pairs:
        if name in ("email", "press_email") and not EMAIL.match(text):
            line = value.line_of(name) if isinstance(value, LineDict) else raw.line_of("contacts")
            v.err(
                line,
                _("contacts.{key} {value!r} is not an e-mail address", key=name, value=text),
                _(
                    "write only the address, e.g. kanim.pontianak@imigrasi.go.id (no spaces, no ?, no mailto:)"
                ),
            )
            continue
        kept.append((name, text))
    return tuple(kept)


def _coordinates(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[float, float] | None:
    """``coordinates: -0.0263, 109.3425``: latitude then longitude, each on the globe."""
    text = v.text(raw, key.name, where)
    if not text:
        return None
    hint = "write latitude, longitude in degrees, e.g. coordinates: -0.0263, 109.3425"
    if not _COORDINATES.match(text):
        v.err(raw.line_of(key.name), f"coordinates {text!r} are not latitude, longitude", hint)
        return None
    lat, lon = (float(part) for part in text.split(","))
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        v.err(
            raw.line_of(key.name),
            f"coordinates {text!r} are off the globe (latitude -90 to 90, longitude -180 to 180)",
            hint,
        )
        return None
    return (lat, lon)


def _postal_code(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    """Five digits, as Indonesian post codes are; anything else is a typo readers would copy."""
    text = v.text(raw, key.name, where)
    if text and not schema.matches(key.pattern, text):
        v.err(
            raw.line_of(key.name),
            f"postal_code {text!r} is not five digits",
            'write e.g. postal_code: "78111"',
        )
        return ""
    return text


def _head(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[tuple[str, str], ...]:
    """The head of office's name and position, as the organisation page shows them."""
    return v.pairs(raw, key.name, key.names)


def _integrity_zone(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[tuple[str, str], ...]:
    """An integrity-zone title (WBK, WBBM) and its year: only titles that exist are published."""
    pairs = v.pairs(raw, key.name, key.names)
    value = raw.get(key.name)
    kept = []
    for name, text in pairs:
        line = value.line_of(name) if isinstance(value, LineDict) else raw.line_of(key.name)
        if name == "status" and text not in INTEGRITY_ZONES:
            v.err(
                line,
                f"integrity_zone.status {text!r} is not a title",
                f"use one of: {', '.join(INTEGRITY_ZONES)}",
            )
        elif name == "year" and not (text.isdigit() and int(text) >= 2000):
            v.err(line, f"integrity_zone.year {text!r} is not a year", "write e.g. year: 2024")
        else:
            kept.append((name, text))
    return tuple(kept)


def _service_points(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[ServicePoint, ...]:
    """Places outside the office where the unit serves; each needs a name, its kind one of the declared."""
    value = raw.get(key.name)
    if value is None:
        return ()
    item = key.item
    assert item is not None
    if not isinstance(value, LineList) or not all(isinstance(x, LineDict) for x in value):
        v.err(
            raw.line_of(key.name),
            "'service_points' must be a list of mappings",
            "write - name: ULP …, kind: ULP",
        )
        return ()
    points = []
    for point in value:
        v.keys(point, item.names, "a service point")
        name = v.text(point, "name", "a service point")
        kind = v.text(point, "kind", "a service point")
        if not name:
            v.err(point.line, "a service point has no 'name'", "add name: ULP …")
            continue
        if kind and kind not in SERVICE_POINT_KINDS:
            v.err(
                point.line_of("kind"),
                f"unknown service point kind {kind!r}",
                f"use one of: {', '.join(SERVICE_POINT_KINDS)}",
            )
            continue
        points.append(
            ServicePoint(
                name,
                kind,
                v.text(point, "address", "a service point"),
                v.text(point, "hours", "a service point"),
            )
        )
    return tuple(points)


# The keys about the office whose value needs more than its declared type says.
READERS: dict[str, UnitReader] = {
    "class": _office_class,
    "hours": _hours,
    "contacts": _contacts,
    "social": lambda v, raw, key, where: social_accounts(
        v, raw, {k: domains for k, (_label, domains) in SOCIAL_PLATFORMS.items()}
    ),
    "coordinates": _coordinates,
    "postal_code": _postal_code,
    "head": _head,
    "integrity_zone": _integrity_zone,
    "service_points": _service_points,
    "links": lambda v, raw, key, where: service_links(v, raw, f"units[{raw.get('id', '?')}].links"),
}
