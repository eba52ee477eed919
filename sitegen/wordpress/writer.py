"""Writing a planned import into a unit's folder, never over an editor's work.

Every decision is made against the import record (:mod:`.record`):

=========================================  ================================================
the item's file                            what happens
=========================================  ================================================
not recorded, no file has its ``id:``      created, recorded
not recorded, another file has its ``id:`` left alone (someone made it another way)
recorded, bytes as the import wrote them   brought up to date if the export says otherwise
recorded, bytes changed since              left alone, reported: an editor changed it
recorded, file gone                        not made again: an editor deleted it
=========================================  ================================================

Copied uploads follow the same rule, except that a missing one is copied
again: pages link to it, and a missing picture is never an editor's wish.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import Problems
from sitegen.wordpress.old_links import Upload
from sitegen.wordpress.plan import Plan
from sitegen.wordpress.record import NAME, Record, digest

_ID_LINE = re.compile(r"^id:\s*[\"']?(.*?)[\"']?\s*$", re.M)


@dataclass
class Outcome:
    """What the import did, file by file (paths relative to the unit's folder)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed by an editor since: not overwritten
    deleted: list[str] = field(default_factory=list)  # deleted by an editor since: not made again
    elsewhere: list[tuple[str, str]] = field(default_factory=list)  # (old GUID, the file holding it)
    copied: list[str] = field(default_factory=list)
    by_hand: list[Upload] = field(default_factory=list)  # uploads to copy by hand
    absent: list[str] = field(default_factory=list)  # recorded earlier, no longer in the export: kept


def write(plan: Plan, record: Record, unit_dir: Path, problems: Problems, dry_run: bool = False) -> Outcome:
    """Write what ``plan`` holds into ``unit_dir`` (unless ``dry_run``) and update the record."""
    outcome = Outcome()
    pinned = _pinned_ids(unit_dir, {e["path"] for e in record.items.values()})
    for entry in plan.entries:
        path = unit_dir / entry.rel
        data = entry.text.encode("utf-8")
        recorded = record.items.get(entry.key)
        line = entry.item.line
        if recorded is None:
            if entry.key in pinned:
                outcome.elsewhere.append((entry.key, pinned[entry.key]))
                problems.info(unit_dir / pinned[entry.key], 0, f"already holds {entry.key}; left as it is")
                continue
            _put(path, data, dry_run)
            outcome.created.append(entry.rel)
        elif not path.exists():
            outcome.deleted.append(entry.rel)
            problems.info(
                unit_dir / entry.rel,
                0,
                f"deleted since the last import (export line {line}); not made again",
                f"to import it again, remove its entry from {NAME}",
            )
            continue
        elif digest(path.read_bytes()) != recorded["sha256"]:
            outcome.kept.append(entry.rel)
            problems.warning(
                unit_dir / entry.rel,
                0,
                f"changed by an editor since the last import (export line {line}); not overwritten",
                "compare it with the export by hand if the old site changed too",
            )
            continue
        elif path.read_bytes() == data:
            outcome.unchanged.append(entry.rel)
        else:
            _put(path, data, dry_run)
            outcome.updated.append(entry.rel)
        record.items[entry.key] = {"path": entry.rel, "sha256": digest(data)}
    planned = {entry.key for entry in plan.entries}
    outcome.absent = sorted(e["path"] for key, e in record.items.items() if key not in planned)
    for upload in sorted(plan.uploads.values(), key=lambda u: u.rel):
        _copy(upload, unit_dir, record, outcome, problems, dry_run)
    if not dry_run:
        record.save()
    return outcome


def _copy(
    upload: Upload, unit_dir: Path, record: Record, outcome: Outcome, problems: Problems, dry_run: bool
) -> None:
    if not upload.usable:
        return
    target = unit_dir / upload.target
    if upload.source is None:
        if not target.is_file():
            outcome.by_hand.append(upload)
        return
    data = _read_plain(upload.source)
    if data is None:
        problems.warning(upload.source, 0, "became a link while the import ran; it was not copied")
        outcome.by_hand.append(upload)
        return
    wanted = digest(data)
    recorded = record.files.get(upload.target)
    if target.is_file():
        current = digest(target.read_bytes())
        if current == wanted:
            record.files[upload.target] = wanted
            return
        if current != recorded:
            problems.warning(
                target,
                0,
                "differs from the file in the uploads folder and was not made by the import; not overwritten",
            )
            return
    _put(target, data, dry_run)
    outcome.copied.append(upload.target)
    record.files[upload.target] = wanted


def _read_plain(path: Path) -> bytes | None:
    """The bytes of ``path`` itself, never of a file a link put in its place after it was checked."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        return stream.read()


def _put(path: Path, data: bytes, dry_run: bool) -> None:
    """Write whole or not at all: a temporary file beside it, then one rename."""
    if dry_run:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.importing")
    temp.write_bytes(data)
    os.replace(temp, path)


def _pinned_ids(unit_dir: Path, own: set[str]) -> dict[str, str]:
    """Ids pinned by files the import did not make: an item already brought in another way."""
    found: dict[str, str] = {}
    if not unit_dir.is_dir():
        return found
    for path in sorted(unit_dir.rglob("*.md")):
        rel = path.relative_to(unit_dir).as_posix()
        if rel in own:
            continue
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
        for value in _ID_LINE.findall(head):
            found.setdefault(value, rel)
    return found
