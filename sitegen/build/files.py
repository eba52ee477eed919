"""Files on the output's disk, handled as plain strings: every file of a unit passes here.

Walking a unit's folder, writing a file that names itself when the disk is full, writing
a record atomically, removing files with the folders they leave empty. Both the staging
of one unit (:mod:`sitegen.build.staging`) and the swap (:mod:`sitegen.build.output`)
use them; they know nothing of either.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any


def stat_key(st: os.stat_result) -> list[int]:
    """What a manifest's stats record of a file: its size and modification time."""
    return [st.st_size, st.st_mtime_ns]


def digest_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entries(top: str, prefix: str = "") -> Iterator[tuple[str, bool]]:
    """Every entry under ``top`` as (path from ``top``, is a real folder), folders before their files.

    A symbolic link, to a folder or not, is an entry of its own and never followed.
    """
    with os.scandir(top) as found:
        listed = sorted(found, key=lambda e: e.name)
    for entry in listed:
        rel = prefix + entry.name
        if entry.is_dir(follow_symlinks=False):
            yield rel, True
            yield from entries(entry.path, rel + "/")
        else:
            yield rel, False


def folders_of(files: AbstractSet[str]) -> set[str]:
    """Every folder that holds one of ``files``, at any depth ("a/b/c.html": "a/b" and "a")."""
    folders: set[str] = set()
    for rel in files:
        folder = rel.rpartition("/")[0]
        while folder and folder not in folders:  # a folder seen before: its parents were too
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    return folders


def stats_of(folder: str, files: Iterable[str]) -> dict[str, list[int] | None]:
    """Each file's size and time (None when it is gone); strings, as every file of a unit passes here."""
    stats: dict[str, list[int] | None] = {}
    for rel in files:
        try:
            stats[rel] = stat_key(os.stat(folder + rel))
        except OSError:
            stats[rel] = None
    return stats


def write_bytes(path: Path | str, data: bytes) -> None:
    """Write a file; a failed write (a full disk) names the file, which Python's own error does not."""
    try:
        with open(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise


def write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            # one string from the C encoder: json.dump, or any indent, encodes in Python (5x slower)
            fh.write(json.dumps(data, sort_keys=True, separators=(",", ":")))
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(tmp)
        raise
    os.replace(tmp, path)


def remove_files(top: str, files: Iterable[str]) -> set[str]:
    """Delete ``files`` (paths under ``top``) and the folders below ``top`` they leave empty.

    Returns the folders removed. Only those folders go: a folder still holding anything
    (another file of the site, or someone else's) stays, and nothing is walked.
    """
    removed: set[str] = set()
    for rel in sorted(files):
        path = f"{top}/{rel}"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        folder = path.rpartition("/")[0]
        while folder != top:
            try:
                os.rmdir(folder)
            except OSError:
                break  # not empty: it holds other files
            removed.add(folder)
            folder = folder.rpartition("/")[0]
    return removed
