"""Contracts declared once: each key of a YAML file with its type, limits and meaning.

offices.yaml and front matter are read by sitegen, checked by an editor's text
editor, filled in by the web editor's forms and read by other tools. So each key
is declared here (or, for front matter, in sitegen.sources.front_matter) exactly
once, as a ``Key``, and everything else is derived from that declaration: the
list of known keys (unknown keys and did-you-mean), which keys are required, the
pattern a value must match, the JSON Schema (draft 2020-12, ``sitegen schema``)
and the documentation's table of keys. A pattern is written once, in the common
subset of Python's and JavaScript's regular expressions, so the reader, the
schema and a browser's form check the very same text.

Some rules cannot be said in a JSON Schema (an accent's contrast with white
text, a time zone that exists, a parent that names another unit, a date that is
on the calendar); the reader checks them and the key's description says them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Type = Literal[
    "text", "integer", "boolean", "date", "datetime", "list", "mapping", "table", "free", "flag-or-list"
]

# --- patterns, shared by the readers and the schemas ---

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# An e-mail address a mailto: link may carry: no spaces, no "?" (which would add headers: ?bcc=…), no "&".
EMAIL_PATTERN = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
NOT_BLANK = r"\S"
# words a reader sees as written: {{ }} and {% %} are filled in only in a page's text
NO_TEMPLATE = r"^(?![\s\S]*\{[{%])"
WORDS = NO_TEMPLATE + r"[\s\S]*\S"  # and not blank
HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"
# A path of the unit's own site, from its root: "/static/logo.png" (never "//host" or "..").
SITE_PATH = r"^/(?!/)(?![\s\S]*\.\.)"
# A time of day as editors write it, 08.00 or 8:00, within the day.
_TIME = r"(?:[01]?[0-9]|2[0-3])[.:][0-5][0-9]"
_RANGE = rf"{_TIME}\s*[-–]\s*{_TIME}"


def any_case(word: str) -> str:
    """``word`` in a pattern that ignores case, as JavaScript has no inline (?i)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


HOURS_PATTERN = rf"^\s*(?:(?:{any_case('tutup')}|{any_case('closed')})?|{_RANGE}(?:\s*,\s*{_RANGE})*)\s*$"


def matches(pattern: str, value: str) -> bool:
    """Whether ``value`` matches a declared pattern the way JSON Schema means it (a search, not anchored)."""
    return re.search(pattern, value) is not None


# --- the declaration ---


@dataclass(frozen=True)
class Key:
    """One key of a contract: what it holds, in English and Indonesian, and the limits its value keeps.

    ``pattern`` and ``enum`` apply to the text of a ``text`` key and to each item
    of a ``list``; ``keys`` are a ``mapping``'s own keys; ``item`` is a list's
    item when it is more than text (the units). ``attribute`` names the Python
    field that holds the value when it differs from the key ("class").
    """

    name: str
    type: Type
    en: str
    id: str
    required: bool = False
    default: Any = None
    pattern: str = ""
    enum: tuple[str, ...] = ()
    minimum: int | None = None
    example: Any = None
    keys: tuple[Key, ...] = ()
    item: Key | None = None
    one_as_list: bool = False  # a list may be written as one value: tags: paspor
    nullable: bool = False  # an empty value (senin: ) means the same as leaving the key out
    limits: str = ""  # what the reader also checks and a JSON Schema cannot say, for the docs
    attribute: str = ""
    shows: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)  # extra JSON Schema

    @property
    def field(self) -> str:
        return self.attribute or self.name

    @property
    def names(self) -> tuple[str, ...]:
        """A mapping's keys, in declared order: what the reader accepts, and what did-you-mean offers."""
        return tuple(k.name for k in self.keys)

    @property
    def required_names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if k.required)

    def key(self, name: str) -> Key:
        """The declared key ``name`` of this mapping (a KeyError for an unknown one)."""
        for key in self.keys:
            if key.name == name:
                return key
        raise KeyError(name)

    def get(self, name: str) -> Key | None:
        return next((k for k in self.keys if k.name == name), None)


# --- JSON Schema ---

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(key: Key, defs: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON Schema of one declared key (a mapping's keys included); ``defs`` collects named parts."""
    out: dict[str, Any] = {"description": key.en, "x-description-id": key.id}
    if key.type == "text":
        out["type"] = "string"
        if key.required and not key.pattern and not key.enum:
            out["minLength"] = 1
        out.update(_text_limits(key))
    elif key.type in ("date", "datetime"):
        out.update(type="string", pattern=key.pattern)
    elif key.type == "integer":
        out["type"] = "integer"
        if key.minimum is not None:
            out["minimum"] = key.minimum
    elif key.type == "boolean":
        out["type"] = "boolean"
    elif key.type == "list":
        items = json_schema(key.item, defs) if key.item else {"type": "string", **_text_limits(key)}
        if key.item:
            items = _named(key.item, items, defs)
        array: dict[str, Any] = {"type": "array", "items": items}
        if key.required:
            array["minItems"] = 1
        if key.one_as_list:  # "tags: paspor" is one tag; "tags: paspor, visa" is refused
            out["anyOf"] = [array, {"type": "string", **_text_limits(key), "not": {"pattern": ","}}]
        else:
            out.update(array)
    elif key.type == "mapping":
        out["type"] = "object"
        out["properties"] = {k.name: json_schema(k, defs) for k in key.keys}
        if key.required_names:
            out["required"] = list(key.required_names)
        out["additionalProperties"] = False
    elif key.type == "table":
        assert key.item is not None, key.name
        out.update(
            type="object",
            propertyNames={"pattern": key.pattern},
            additionalProperties=json_schema(key.item, defs),
        )
    elif key.type == "free":
        out["type"] = "object"
    elif key.type == "flag-or-list":
        out["anyOf"] = [{"type": "boolean"}, {"type": "array", "items": {"type": "string", "minLength": 1}}]
    if key.nullable and "type" in out:
        out["type"] = [out["type"], "null"]
    if key.default is not None:
        out["default"] = key.default
    if key.example is not None:
        out["examples"] = [key.example]
    out.update(key.shows)
    return out


def _text_limits(key: Key) -> dict[str, Any]:
    limits: dict[str, Any] = {}
    if key.pattern:
        limits["pattern"] = key.pattern
    if key.enum:
        limits["enum"] = list(key.enum)
    return limits


def _named(key: Key, schema: dict[str, Any], defs: dict[str, Any] | None) -> dict[str, Any]:
    """A list's item as a named part of the document ($defs), so a tool can point at "a unit"."""
    if defs is None:
        return schema
    defs[key.name] = schema
    return {"$ref": f"#/$defs/{key.name}"}


def document(key: Key, title: str, **extra_defs: dict[str, Any]) -> dict[str, Any]:
    """A whole JSON Schema document for a top-level mapping, its named parts under $defs."""
    defs: dict[str, Any] = {}
    body = json_schema(key, defs)
    defs.update(extra_defs)
    out: dict[str, Any] = {"$schema": DRAFT, "title": title, **body}
    if defs:
        out["$defs"] = defs
    return out


# --- the documentation's table ---


def markdown_table(key: Key, prefix: str = "") -> str:
    """A Markdown table of every key under ``key`` (dotted paths), as the documentation shows it."""
    lines = [
        "| key | type | required | default | limits | what it holds | keterangan |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += _rows(key, prefix)
    return "\n".join(lines) + "\n"


def _rows(key: Key, prefix: str) -> list[str]:
    rows = []
    for sub in key.keys:
        path = f"{prefix}{sub.name}"
        rows.append(
            "| "
            + " | ".join(
                (
                    f"`{path}`",
                    _type_word(sub),
                    "yes" if sub.required else "",
                    "" if sub.default is None else f"`{_yaml(sub.default)}`",
                    _limits(sub),
                    _cell(sub.en),
                    _cell(sub.id),
                )
            )
            + " |"
        )
        if sub.type == "mapping":
            rows += _rows(sub, path + ".")
        elif sub.item is not None and sub.item.type == "mapping":
            rows += _rows(sub.item, path + "[].")
    return rows


def _type_word(key: Key) -> str:
    if key.type == "list" and key.item is not None:
        return f"list of {key.item.type}s"
    return {
        "list": "list of texts",
        "table": "mapping of texts",
        "free": "mapping (your own keys)",
        "flag-or-list": "true or list of texts",
        "datetime": "date, or date and time",
    }.get(key.type, key.type)


def _limits(key: Key) -> str:
    said = []
    if key.enum:
        said.append("one of " + ", ".join(f"`{v}`" for v in key.enum))
    if key.minimum is not None:
        said.append(f"at least {key.minimum}")
    if key.example is not None:
        said.append(f"e.g. `{_yaml(key.example)}`")
    if key.limits:
        said.append(key.limits)
    return _cell("; ".join(said))


def _yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in value.items()) + "}"
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def with_enum_of_keys(mapping: Key, name: str) -> Key:
    """``mapping`` with the key ``name`` limited to the mapping's own key names (``unverified: [address]``)."""
    return replace(
        mapping, keys=tuple(replace(k, enum=mapping.names) if k.name == name else k for k in mapping.keys)
    )
