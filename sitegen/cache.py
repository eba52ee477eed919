"""The persistent cache: parsed front matter and prepared bodies, by file digest.

Everything in it is keyed by the SHA-256 of a file's bytes (never by name or
modification time), under a salt naming the sitegen and Markdown versions, so
an entry can only ever be served for exactly the bytes it was made from. One
SQLite file under ``.sitegen-cache/``; safe to delete, safe to restore in CI.
"""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path
from typing import Any

from . import __version__
from .markdown import VERSION as MARKDOWN_VERSION

CACHE_DIR = ".sitegen-cache"
FORMAT = 1
SALT = f"{FORMAT}:{__version__}:{MARKDOWN_VERSION}"


class Cache:
    """A key-value store per kind ("source", "body"); a no-op when ``path`` is None."""

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
            row = db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
            if row is None or row[0] != SALT:
                db.execute("DELETE FROM entries")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('salt', ?)", (SALT,))
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
