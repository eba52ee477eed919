"""The one place that writes: staged, incremental, swapped in whole.

Each unit's site is written to a staging folder: unchanged files are hard
links to the current ones, changed files are written anew. Only when the whole
build succeeded is each staged site swapped in by two renames; a failed or
killed build leaves every site as it stood. A unit whose bytes did not change
is not touched at all.

sitegen deletes only what it made: a site folder it has a manifest for, and
its own staging and trash folders under ``<out>/.sitegen/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .urls import check

STATE = ".sitegen"


class OutputError(Exception):
    """The output folder is unsafe to write to, or holds something sitegen did not make."""


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def check_out_dir(out: Path, project: Path) -> Path:
    """Refuse output folders where a mistake would destroy something."""
    out = out.expanduser().absolute()
    resolved = out.resolve()
    project = project.resolve()
    forbidden = {Path("/"), Path.home().resolve(), project}
    if resolved in forbidden or resolved in project.parents:
        raise OutputError(
            f"refusing to write the sites into {out}: choose a folder of their own, e.g. public/"
        )
    for name in ("content", "themes", "sitegen", "tests", ".git"):
        inner = project / name
        if resolved == inner or inner in resolved.parents:
            raise OutputError(f"refusing to write the sites inside {inner}")
    if resolved.is_file():
        raise OutputError(f"{out} is a file, not a folder")
    return resolved


@dataclass
class SiteWriter:
    """Stages one unit's site; hands the result to :class:`Output` to swap in."""

    output: Output
    site_id: str
    old: dict[str, str]
    fingerprint: str = ""
    new: dict[str, str] = field(default_factory=dict)
    stats: WriteStats = field(default_factory=WriteStats)
    _staging: Path | None = None
    _pending: list[str] = field(default_factory=list)
    _dirs: set[Path] = field(default_factory=set)

    @property
    def current(self) -> Path:
        return self.output.root / self.site_id

    def write(self, rel: str, data: bytes) -> None:
        check(rel)
        if rel in self.new:
            raise OutputError(f"{self.site_id}/{rel} written twice in one build")
        digest = hashlib.sha256(data).hexdigest()
        self.new[rel] = digest
        if self.old.get(rel) == digest:
            if self._staging is None:
                self._pending.append(rel)
            else:
                self._link_or_write(rel, data)
            self.stats.unchanged += 1
            return
        self._materialise()
        self._put(rel, data)
        self.stats.written += 1

    def close(self) -> WriteStats:
        self.stats.removed = len(set(self.old) - set(self.new))
        if self.stats.removed or not self.current.exists():
            self._materialise()
        if self._staging is not None or self.fingerprint != self.output.fingerprint(self.site_id):
            self.output.pending.append(self)  # new files to swap in, or only a new record of the inputs
        return self.stats

    def _materialise(self) -> None:
        if self._staging is not None:
            return
        self._staging = self.output.state / "staging" / self.site_id
        if self._staging.exists():
            shutil.rmtree(self._staging)
        self._staging.mkdir(parents=True)
        for rel in self._pending:
            self._link_or_write(rel, None)
        self._pending.clear()

    def _link_or_write(self, rel: str, data: bytes | None) -> None:
        target = self._target(rel)
        try:
            os.link(self.current / rel, target)
        except OSError:
            if data is None:
                data = (self.current / rel).read_bytes()
            target.write_bytes(data)

    def _put(self, rel: str, data: bytes) -> None:
        self._target(rel).write_bytes(data)

    def _target(self, rel: str) -> Path:
        assert self._staging is not None
        target = self._staging / rel
        parent = target.parent
        if parent not in self._dirs:
            parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(parent)
        return target


class Output:
    """The output folder: one sub-folder per unit plus sitegen's own state."""

    def __init__(self, root: Path, project: Path):
        self.root = check_out_dir(root, project)
        self.state = self.root / STATE
        self.pending: list[SiteWriter] = []

    def manifest_path(self, site_id: str) -> Path:
        return self.state / f"{site_id}.json"

    def manifest(self, site_id: str) -> dict[str, str]:
        """The files of the unit's current site with their digests."""
        return self._record(site_id).get("files", {})

    def fingerprint(self, site_id: str) -> str | None:
        """The inputs fingerprint the unit's current site was built from, if it is there."""
        if not (self.root / site_id).is_dir():
            return None
        return self._record(site_id).get("fingerprint")

    def _record(self, site_id: str) -> dict:
        try:
            data = json.loads(self.manifest_path(site_id).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return data if "files" in data else {}

    def site(self, site_id: str, fingerprint: str = "") -> SiteWriter:
        """Start writing one unit's site; refuses folders sitegen did not make."""
        check(site_id)
        current = self.root / site_id
        if current.is_symlink():
            raise OutputError(f"{current} is a symbolic link; sitegen writes only real folders it made")
        old = self.manifest(site_id) if current.is_dir() else {}
        if current.exists() and not old and any(current.iterdir()):
            raise OutputError(
                f"{current} exists and was not made by sitegen; move it away or choose another --out"
            )
        self.state.mkdir(parents=True, exist_ok=True)
        return SiteWriter(self, site_id, old, fingerprint)

    def commit(self) -> None:
        """Swap every staged site in, then record what it holds."""
        trash = self.state / "trash"
        for writer in self.pending:
            current = writer.current
            old = trash / writer.site_id
            if old.exists():
                shutil.rmtree(old)
            if writer._staging is not None:
                if current.exists():
                    old.parent.mkdir(parents=True, exist_ok=True)
                    os.rename(current, old)
                os.rename(writer._staging, current)
            tmp = self.manifest_path(writer.site_id).with_suffix(".tmp")
            record = {"fingerprint": writer.fingerprint, "files": writer.new}
            tmp.write_text(json.dumps(record, sort_keys=True, indent=0), encoding="utf-8")
            os.replace(tmp, self.manifest_path(writer.site_id))
            if old.exists():
                shutil.rmtree(old)
        self.pending.clear()
        self._cleanup()

    def abort(self) -> None:
        """Throw away everything staged; the sites stay as they were."""
        self.pending.clear()
        self._cleanup()

    def _cleanup(self) -> None:
        for name in ("staging", "trash"):
            folder = self.state / name
            if folder.exists():
                shutil.rmtree(folder)
