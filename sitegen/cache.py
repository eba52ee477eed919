"""The persistent cache: parsed front matter, prepared bodies and resized pictures, by file digest.

Everything in it is keyed by the SHA-256 of a file's bytes (never by name or
modification time), under a salt that digests everything else an entry is made
with: sitegen's own source code, the Markdown version, extensions and their
settings. An entry can only ever be served for exactly the bytes and the code
it was made from, so a cache restored in CI after any change to sitegen is
simply emptied. One SQLite file under ``.sitegen-cache/``; safe to delete.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from . import markdown as md

CACHE_DIR = ".sitegen-cache"
FORMAT = 2


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
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=30)
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
            self._db = db
        except (sqlite3.Error, OSError):
            self._db = None  # an unusable cache only costs time

    def get(self, kind: str, key: str) -> Any | None:
        if self._db is None:
            return None
        loaded = self._loaded.get(kind)
        if loaded is None:  # one query per kind and build, not one per file
            rows = self._db.execute("SELECT key, value FROM entries WHERE kind = ?", (kind,))
            loaded = self._loaded[kind] = dict(rows.fetchall())
        blob = loaded.get(key)
        if blob is None:
            return None
        try:
            return pickle.loads(blob)  # noqa: S301 - our own file, written by put()
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return None

    def lookup(self, kind: str, key: str) -> Any | None:
        """One entry, read on its own: for kinds too large to load whole (resized pictures)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, key)
            ).fetchone()
            return pickle.loads(row[0]) if row else None  # noqa: S301 - our own file, written by put()
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        if self._db is not None:
            self._pending.append((kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

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
