"""Staging one unit's site: the folder a build writes into while the live site stands.

Unchanged files are hard links to the live ones (taken over unread where their inputs did
not change), changed files are written anew, files sitegen did not make move along, and
the folder the last swap replaced is reused so that staging costs what changed. The
finished folder is handed to :class:`sitegen.build.output.Output`, which swaps it in.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitegen.build import OutputError
from sitegen.build.files import entries, folders_of, remove_files, write_bytes
from sitegen.i18n import _
from sitegen.urls import check

if TYPE_CHECKING:
    from pathlib import Path

    from sitegen.build.output import Output


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class SiteWriter:
    """Stages one unit's site; hands the result to :class:`Output` to swap in."""

    output: Output
    site_id: str
    old: dict[str, str]  # files of the current site that are intact, with their digests
    made: set[str]  # every file the current site's manifest lists (intact or not)
    fingerprint: str = ""
    ids: dict[str, str] = field(default_factory=dict)  # source -> feed id, kept so ids never move
    pages: dict[str, list[object]] = field(
        default_factory=dict
    )  # file -> what made it (sitegen.build.dependencies)
    new: dict[str, str] = field(default_factory=dict)
    stats: WriteStats = field(default_factory=WriteStats)
    foreign: list[str] = field(default_factory=list)
    reuse: bool = True  # may stage in the folder the build before last left (see Output.take_spare)
    _staging: Path | None = None
    _ready: set[str] = field(default_factory=set)  # staged already, as the current site holds them
    _spare: set[str] = field(default_factory=set)  # every file the reused folder held as sitegen made it
    _pending: dict[str, None] = field(default_factory=dict)  # kept files not linked into the staged site yet
    _dirs: set[str] = field(default_factory=set)

    @property
    def current(self) -> Path:
        return self.output.root / self.site_id

    def write(self, rel: str, data: bytes) -> None:
        check(rel)
        if rel in self.new:
            raise OutputError(_("{path} written twice in one build", path=f"{self.site_id}/{rel}"))
        digest = hashlib.sha256(data).hexdigest()
        self.new[rel] = digest
        if self.old.get(rel) == digest:
            if self._staging is None:
                self._defer(rel)
            else:
                self._link_or_write(rel, data)
            self.stats.unchanged += 1
            return
        self._materialise()
        self._put(rel, data)
        self.stats.written += 1

    def where(self, rel: str) -> Path:
        """The file ``rel`` as this build leaves it: staged, or the current site's (the same bytes)
        while it is not staged yet."""
        if self._staging is not None and rel not in self._pending:
            return self._staging / rel
        return self.current / rel

    def keep(self, rel: str) -> None:
        """Take over an intact file of the current site whose inputs did not change, unread.

        It is linked into the staged site by :meth:`settle` (or at the latest by :meth:`close`),
        so the build can start the search index first and link while Pagefind works.
        """
        if rel in self.new:
            raise OutputError(_("{path} written twice in one build", path=f"{self.site_id}/{rel}"))
        self.new[rel] = self.old[rel]
        self._defer(rel)
        self.stats.unchanged += 1

    def _defer(self, rel: str) -> None:
        self._pending[rel] = None  # in order, and asked about by where()

    def settle(self) -> None:
        """Link every file taken over so far into the staged site, if there is one."""
        if self._staging is not None:
            for rel in self._pending:
                self._link_or_write(rel, None)
            self._pending.clear()

    def close(self) -> WriteStats:
        self.stats.removed = len(self.made - set(self.new))
        if self.stats.removed or not self.current.is_dir() or set(self.old) != self.made:
            self._materialise()
        if self._staging is not None:
            self.settle()
            self._drop_gone()
            self._keep_foreign()
        if self._staging is not None or self.fingerprint != self.output.fingerprint(self.site_id):
            self.output.pending.append(self)  # new files to swap in, or only a new record of the inputs
        return self.stats

    def record(self) -> dict[str, Any]:
        """What the journal needs to finish this unit's swap (sizes and times are read after it)."""
        staged = self._staging is not None  # no sorting here: every JSON file is written with sorted keys
        record = {"fingerprint": self.fingerprint, "files": self.new, "ids": self.ids, "staged": staged}
        if self._staging is not None:
            # the staged folder keeps its inode when renamed into place: how a later recovery
            # tells a swap that happened from a staged site that was lost
            record["folder"] = os.stat(self._staging).st_ino
        return record | {"pages": self.pages}

    def _keep_foreign(self) -> None:
        """Files in the live folder that sitegen did not make move along into the new site."""
        staging = self._staging
        if staging is None or not self.current.is_dir():
            return
        made_dirs = folders_of(self.made)
        # plain strings and scandir: this walk visits every file of the unit after each edit
        for rel, is_dir in entries(str(self.current)):
            if is_dir:
                if rel not in made_dirs:
                    (staging / rel).mkdir(parents=True, exist_ok=True)
                continue
            if rel in self.made:
                continue
            if rel in self.new:
                raise OutputError(
                    _(
                        "{path} was not made by sitegen, and the new site has a file "
                        "at that path; move it away (files of your own belong in "
                        "content/offices/{unit}/static/)",
                        path=self.current / rel,
                        unit=self.site_id,
                    )
                )
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(self.current / rel, target, follow_symlinks=False)
            except OSError:
                shutil.copy2(self.current / rel, target, follow_symlinks=False)
            self.foreign.append(rel)

    def _materialise(self) -> None:
        if self._staging is not None:
            return
        staging = self.output.state / "staging" / self.site_id
        if staging.exists():
            shutil.rmtree(staging)
        taken = self.output.take_spare(self.site_id, self.old, staging) if self.reuse else None
        if taken is None:
            staging.mkdir(parents=True)
        else:
            self._ready, self._spare = taken
        self._staging = staging
        self.settle()

    def _drop_gone(self) -> None:
        """Files of the reused folder that the new site does not have go, with folders they leave empty."""
        assert self._staging is not None
        self._dirs -= remove_files(str(self._staging), self._spare - self.new.keys())

    def _link_or_write(self, rel: str, data: bytes | None) -> None:
        if rel in self._ready:
            return  # the reused folder holds it as the current site does
        target = self._target(rel)
        source = f"{self.output.root}/{self.site_id}/{rel}"  # strings: this runs for every file of the unit
        try:
            os.link(source, target)
        except OSError:
            if data is None:
                with open(source, "rb") as fh:
                    data = fh.read()
            write_bytes(target, data)

    def _put(self, rel: str, data: bytes) -> None:
        target = self._target(rel)
        if rel in self._spare:
            # a reused folder's file may share its inode with the live site's: writing into
            # it would change the live file too, so it is unlinked and written anew
            self._ready.discard(rel)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
        write_bytes(target, data)

    def _target(self, rel: str) -> str:
        assert self._staging is not None
        target = f"{self._staging}/{rel}"
        parent = target.rpartition("/")[0]
        if parent not in self._dirs:
            try:
                os.mkdir(parent)  # files come in path order: the folder above is nearly always made
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(parent, exist_ok=True)
            self._dirs.add(parent)
        return target
