"""The persistent cache: parsed front matter, prepared bodies and resized pictures, by file digest.

Everything in it is keyed by the SHA-256 of a file's bytes (never by name or
modification time), under a salt that digests everything else an entry is made
with: sitegen's own source code, the Markdown version, extensions and their
settings. An entry can only ever be served for exactly the bytes and the code
it was made from, so a cache restored in CI after any change to sitegen is
simply emptied. One SQLite file under ``.sitegen-cache/``; safe to delete.

Entries are data, never code: JSON with a few tagged shapes (tuples, bytes,
the front matter and prepared body classes) that reading can only ever turn
back into those shapes, and bytes kept as they are. A cache restored from an
untrusted place (a CI artefact, a shared folder) therefore cannot run anything
in a build, whatever it holds. A file that is not a cache at all is replaced,
with a warning, and the build fills it again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import sys
from contextlib import suppress
from dataclasses import MISSING, fields, is_dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sitegen import __version__
from sitegen.config.yaml_lines import LineDict, LineList
from sitegen.i18n import _
from sitegen.sources import markdown as md

CACHE_DIR = ".sitegen-cache"
FORMAT = 5  # 5: plain bodies as their text; 4: fields at their defaults not stored; 3: JSON (2 was pickle)
# an entry's first byte: bytes as they are, JSON, or a plain prepared body's HTML as UTF-8 text
_RAW, _JSON, _PLAIN = b"B", b"J", b"P"


class _Unstorable(TypeError):
    """A value the cache has no data shape for: it is simply not cached."""


@cache
def _classes() -> dict[str, type]:
    """The only classes an entry can name; read late, as they import this module's users."""
    from sitegen.sources.front_matter import FrontMatter
    from sitegen.sources.office_vars import BodyTemplate

    return {"FrontMatter": FrontMatter, "BodyTemplate": BodyTemplate}


def _encode(value: Any) -> Any:
    """A value as JSON data, tagged where JSON alone would lose its shape."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, LineDict):
        items = [[str(k), _encode(v)] for k, v in value.items()]
        return {"__linedict": [items, value.line, getattr(value, "key_lines", {})]}
    if isinstance(value, LineList):
        return {"__linelist": [[_encode(v) for v in value], value.line, getattr(value, "item_lines", [])]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"__tuple": [_encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {"__dict": [[k, _encode(v)] for k, v in value.items()]}  # pairs: a key is never a tag
        raise _Unstorable("a mapping with keys that are not text")
    if isinstance(value, (bytes, bytearray)):
        return {"__bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, datetime):
        return {"__datetime": value.isoformat()}
    if isinstance(value, date):
        return {"__date": value.isoformat()}
    name = type(value).__name__
    if _classes().get(name) is type(value) and is_dataclass(value):
        return {"__" + name: _stored_fields(value)}
    raise _Unstorable(f"no data shape for {name}")


def _stored_fields(value: Any) -> dict[str, Any]:
    """A dataclass's fields as data, those still at their defaults left out.

    Most of a source's thirty front matter fields are empty: reading twenty thousand
    entries spent half its time parsing the JSON of empty strings and lists. The class
    fills in what is left out. BodyTemplate keeps a compiled template of its own
    (``_template``), never stored.
    """
    cls: type = type(value)
    stored = {}
    for name, default in _defaults(cls).items():
        kept = getattr(value, name)
        if type(kept) is not type(default) or kept != default:
            stored[name] = _field(kept)
    return stored


_NO_DEFAULT = object()  # a field the class gives no default: always stored


@cache
def _defaults(cls: type) -> dict[str, Any]:
    """Each stored field of a dataclass with its default value (made afresh for a factory)."""
    found: dict[str, Any] = {}
    for f in fields(cls):
        if f.name.startswith("_"):
            continue
        if f.default is not MISSING:
            found[f.name] = f.default
        elif f.default_factory is not MISSING:
            found[f.name] = f.default_factory()
        else:
            found[f.name] = _NO_DEFAULT
    return found


def _field(value: Any) -> Any:
    """A dataclass field: a tuple of plain values (tags, aliases, offices) as a bare list.

    The class's tuple fields turn it back (:func:`_tuple_fields`), so reading needs no
    tagged object per field: JSON calls the decoder for every object, and a source's
    entry held ten of them, most of them empty tuples.
    """
    if isinstance(value, tuple) and all(v is None or isinstance(v, (str, bool, int, float)) for v in value):
        return list(value)
    return _encode(value)


@cache
def _tuple_fields(cls: type) -> frozenset[str]:
    return frozenset(name for name, default in _defaults(cls).items() if isinstance(default, tuple))


def _decode(obj: dict[str, Any]) -> Any:
    """The inverse of _encode, called by json for every object: tags become their shapes, nothing else."""
    if len(obj) != 1:
        return obj
    tag, data = next(iter(obj.items()))
    if tag == "__tuple":
        return tuple(data)
    if tag == "__dict":
        return dict(data)
    if tag == "__bytes":
        return base64.b64decode(data)
    if tag == "__linedict":
        made = LineDict(dict(data[0]))
        made.line, made.key_lines = data[1], data[2]
        return made
    if tag == "__linelist":
        listed = LineList(data[0])
        listed.line, listed.item_lines = data[1], data[2]
        return listed
    if tag == "__datetime":
        return datetime.fromisoformat(data)
    if tag == "__date":
        return date.fromisoformat(data)
    if tag.startswith("__"):
        cls = _classes().get(tag[2:])
        if cls is None:
            raise ValueError(f"unknown shape {tag}")
        if not isinstance(data, dict):
            raise ValueError(f"{tag} holds no fields")
        tuples = _tuple_fields(cls)
        data = {k: tuple(v) if k in tuples and isinstance(v, list) else v for k, v in data.items()}
        return cls(**data)  # a dataclass of plain data: its fields are checked by name
    return obj


def dumps(value: Any) -> bytes:
    """An entry's bytes; raises _Unstorable for a value with no data shape."""
    if isinstance(value, bytes):
        return _RAW + value
    if _is_plain_body(value):
        html: str = value.html
        return _PLAIN + html.encode("utf-8")
    return _JSON + json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":")).encode()


def loads(blob: bytes) -> Any:
    """An entry's value; raises ValueError (or TypeError) for anything damaged or unknown."""
    if blob[:1] == _RAW:
        return bytes(blob[1:])
    if blob[:1] == _PLAIN:
        return _classes()["BodyTemplate"]("plain", html=blob[1:].decode("utf-8"))
    if blob[:1] == _JSON:
        return json.loads(blob[1:], object_hook=_decode)
    raise ValueError("not a cache entry")


def _is_plain_body(value: Any) -> bool:
    """A prepared body that is its HTML and nothing else (nearly every body of a site).

    Every build reads every body from the cache; as JSON, the HTML of 5,000 news items
    was 40 MB of escaped text to decode, a tenth of a one-edit build. Kept as its text,
    reading it is one UTF-8 decoding.
    """
    cls: Any = _classes()["BodyTemplate"]
    return type(value) is cls and bool(value == cls("plain", html=value.html))


@cache
def code_digest() -> str:
    """sitegen's own source, so a changed generator never reuses what older code made."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.relative_to(Path(__file__).parent).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def salt() -> str:
    """What, besides a file's bytes, decides a cached entry: format, code and Markdown settings."""
    settings = repr((md.VERSION, md.EXTENSIONS, sorted(md.EXTENSION_CONFIGS.items())))
    return f"{FORMAT}:{__version__}:{code_digest()}:{hashlib.sha256(settings.encode()).hexdigest()}"


class Cache:
    """A key-value store per kind ("source", "body", "picture", "resized"); a no-op when ``path`` is None."""

    def __init__(self, path: Path | None):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str, bytes]] = []
        self._loaded: dict[str, dict[str, bytes]] = {}
        if path is not None:
            self._open(path)

    def _open(self, path: Path) -> None:
        try:
            self._connect(path)
        except sqlite3.OperationalError as exc:
            self._unusable(exc)  # a read-only folder, a lock: it only costs time, and says so
        except sqlite3.DatabaseError as exc:  # not a database at all (overwritten, truncated)
            self._replace(exc)
        except (sqlite3.Error, OSError) as exc:
            self._unusable(exc)

    def _unusable(self, exc: Exception) -> None:
        """Build without the cache, saying why: a CI job whose cache silently never fills is slow for good."""
        self._db = None
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        said = _("the cache cannot be used ({reason}); this build runs without it", reason=reason)
        print(_("warning: {problem}", problem=f"{self.path}: {said}"), file=sys.stderr)

    def _replace(self, exc: Exception) -> None:
        """A damaged file is started again, with a warning: silently running uncached forever helps nobody."""
        assert self.path is not None
        said = _("the cache is damaged ({reason}); it is replaced and filled again by this build", reason=exc)
        print(_("warning: {problem}", problem=f"{self.path}: {said}"), file=sys.stderr)
        if self._db is not None:
            self._db.close()
        self._db = None
        self._loaded.clear()
        try:
            self.path.unlink(missing_ok=True)
            self._connect(self.path)
        except (sqlite3.Error, OSError):
            self._db = None

    def _connect(self, path: Path) -> None:
        self._db = None
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=30)
        try:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))"
            )
            current = salt()
            row = db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
            if row is None or row[0] != current:
                db.execute("DELETE FROM entries")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('salt', ?)", (current,))
                db.commit()
        except BaseException:
            db.close()
            raise
        self._db = db

    def get(self, kind: str, key: str) -> Any | None:
        if self._db is None:
            return None
        loaded = self._loaded.get(kind)
        if loaded is None:  # one query per kind and build, not one per file
            try:
                rows = self._db.execute("SELECT key, value FROM entries WHERE kind = ?", (kind,)).fetchall()
            except sqlite3.OperationalError:
                rows = []
            except sqlite3.DatabaseError as exc:  # damaged inside: the header was whole
                self._replace(exc)
                rows = []
            loaded = self._loaded[kind] = dict(rows)
        blob = loaded.get(key)
        if blob is None:
            return None
        try:
            return loads(blob)
        except (ValueError, TypeError, KeyError, IndexError):  # a damaged or unknown entry is a miss
            return None

    def lookup(self, kind: str, key: str) -> Any | None:
        """One entry, read on its own: for kinds too large to load whole (resized pictures)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, key)
            ).fetchone()
            return loads(row[0]) if row else None
        except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError):  # a damaged entry is a miss
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        if self._db is not None:
            with suppress(_Unstorable):  # e.g. a YAML !!set in params: made again next time
                self._pending.append((kind, key, dumps(value)))

    def save(self) -> None:
        if self._db is None or not self._pending:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", self._pending)
        except sqlite3.Error:
            pass
        self._pending.clear()

    def close(self) -> None:
        self.save()
        if self._db is not None:
            self._db.close()
            self._db = None
