"""One unit of offices.yaml read key by key, as ``UNIT`` (sitegen.config.offices_keys) declares them.

A key of a plain declared type (text with its choices, a list, a flag) is read by
``_read``; a key whose value needs more has its reader in sitegen.config.unit_site
(the site itself) or sitegen.config.unit_profile (what the pages say about the
office). Every key of ``UNIT`` becomes the ``Office`` field it names.
"""

from __future__ import annotations

from typing import Any

from sitegen.config import unit_profile, unit_site
from sitegen.config.offices_keys import UNIT
from sitegen.config.readers import UnitReader, Validator
from sitegen.config.schema import Key
from sitegen.config.settings import Office
from sitegen.config.yaml_lines import LineDict
from sitegen.i18n import _

UNIT_KEYS = UNIT.names
REQUIRED_UNIT_KEYS = UNIT.required_names

# The keys whose value needs more than its declared type says (a slug, a zone that exists, a
# colour dark enough, an account on the platform's domain); every other key is read by _read.
_UNIT_READERS: dict[str, UnitReader] = {**unit_site.READERS, **unit_profile.READERS}


def read_unit(v: Validator, raw: Any, line: int) -> Office | None:
    """One unit, read key by key as UNIT declares them: the declared type, limits and default."""
    if not isinstance(raw, LineDict):
        v.err(line, _("each unit must be a mapping of keys (id, name, ...)"))
        return None
    v.keys(raw, UNIT_KEYS, _("a unit"))
    where = _("unit {unit!r}", unit=raw.get("id", "?"))
    for key in REQUIRED_UNIT_KEYS:
        if not raw.get(key):
            v.err(
                raw.line,
                _("{where} has no {key!r}", where=where, key=key),
                _("add '{key}:' to the unit", key=key),
            )
    values = {key.field: _UNIT_READERS.get(key.name, _read)(v, raw, key, where) for key in UNIT.keys}
    return Office(**values, lines=dict(raw.key_lines), line=raw.line)


def _read(v: Validator, raw: LineDict, key: Key, where: str) -> Any:
    """A unit's key of a plain declared type: text (with its choices), a list (with its choices), a flag."""
    if key.type == "text":
        value = v.text(raw, key.name, where)
        if value and key.enum and value not in key.enum:
            v.err(
                raw.line_of(key.name),
                _("unknown {what} {value!r}", what=key.name, value=value),
                _("use one of: {ids}", ids=", ".join(key.enum)),
            )
            return ""
        return value or (key.default or "")
    if key.type == "list":
        values = v.choices(raw, key.name, key.enum) if key.enum else v.strings(raw, key.name)
        return tuple(values) or tuple(key.default or ())
    if key.type == "boolean":
        return _flag(v, raw, key.name)
    raise AssertionError(f"no reader for {key.name!r} ({key.type})")  # a declared key without one


def _flag(v: Validator, raw: LineDict, key: str) -> bool:
    """A yes/no key: anything but true or false ('ya', a quoted "true") is refused, not guessed."""
    value = raw.get(key, False)
    if not isinstance(value, bool):
        v.err(
            raw.line_of(key),
            _("{key!r} must be true or false", key=key),
            _("write {key}: true", key=key),
            "not-boolean",
        )
        return False
    return value
