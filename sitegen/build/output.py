"""The one place that writes: locked, staged, journalled, swapped in whole.

Guarantees, in the order a build meets them:

- **One build at a time.** A build owns ``<out>`` through an exclusive lock on
  ``<out>/.sitegen/lock`` before it reads or touches anything there; a second
  build waits for it, then refuses with a clear message.
- **Nothing live changes while staging.** Each unit's site is written to
  ``.sitegen/staging/<id>``: unchanged files are hard links to the current
  ones, changed files are written anew. The site a swap replaces is kept
  (``.sitegen/spare/<id>``) and becomes the unit's next staging folder, with
  only the files that are exactly what the live site holds (:meth:`Output.take_spare`);
  a file in it is never written in place, as it may be the live file's inode.
- **One short, crash-consistent swap.** When every unit is staged, a journal
  naming every unit's new manifest is written atomically; only then are the
  staged folders renamed into place and the manifests written. A build killed
  before the journal leaves every site as it stood; a build killed after it is
  rolled forward by the next sitegen that opens the output, so the output is
  exactly what the interrupted build would have made.
- **The disk is not trusted blindly.** Every manifest records each file's
  digest, and a local record beside it its size and modification time; a file
  missing or changed since is rewritten by the next build (``--verify``
  compares digests too).
- **Only what sitegen made is deleted.** A file inside a unit's folder that
  the manifest does not list is kept across swaps and reported; a unit that
  left offices.yaml loses exactly the files its manifest lists.

The manifest ``.sitegen/<id>.json`` is stable and documented (README,
"Output safety"): ``{"fingerprint": str, "files": {path: sha256}, "ids":
{source: feed id}}``; deploy tools read it without sitegen and publish it. It
depends on the inputs alone, so two clean builds give the same bytes. What
must vary from machine to machine (each file's ``[size, mtime_ns]``, for the
cheap self-repair check) lives in ``.sitegen/local/<id>.json``, which is never
published.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
import time
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.build import JOURNAL, LOCAL, SPARE, STATE
from sitegen.i18n import _
from sitegen.urls import check

LOCK_TIMEOUT = 300.0  # seconds a second build waits for the first


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
            _("refusing to write the sites into {path}: choose a folder of their own, e.g. public/", path=out)
        )
    for name in ("content", "themes", "sitegen", "tests", ".git"):
        inner = project / name
        if resolved == inner or inner in resolved.parents:
            raise OutputError(_("refusing to write the sites inside {path}", path=inner))
    if resolved.is_file():
        raise OutputError(_("{path} is a file, not a folder", path=out))
    return resolved


def stat_key(st: os.stat_result) -> list[int]:
    """What a manifest's stats record of a file: its size and modification time."""
    return [st.st_size, st.st_mtime_ns]


def digest_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recorded_files(root: Path) -> dict[str, dict[str, str]]:
    """Each unit's files and digests as its manifest records them, read without taking the lock.

    For comparing an output before and after a build (the preview names the pages a build changed).
    """
    found = {}
    for path in sorted((root / STATE).glob("*.json")):
        if path.name == JOURNAL:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("files"), dict):
            found[path.stem] = data["files"]
    return found


def _fault(point: str) -> None:
    """Crash here when SITEGEN_FAULT names this point (specifications kill builds mid-swap)."""
    if os.environ.get("SITEGEN_FAULT") == point:
        os._exit(99)


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
        made_dirs = _folders_of(self.made)
        # plain strings and scandir: this walk visits every file of the unit after each edit
        for rel, is_dir in _entries(str(self.current)):
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
        self._dirs -= _remove_files(str(self._staging), self._spare - self.new.keys())

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
            _write_bytes(target, data)

    def _put(self, rel: str, data: bytes) -> None:
        target = self._target(rel)
        if rel in self._spare:
            # a reused folder's file may share its inode with the live site's: writing into
            # it would change the live file too, so it is unlinked and written anew
            self._ready.discard(rel)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
        _write_bytes(target, data)

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


class Output:
    """The output folder: one sub-folder per unit plus sitegen's own state.

    Opening it takes the lock and finishes any swap a killed build left half
    done; :meth:`commit` or :meth:`abort` (or :meth:`close`) releases it.
    """

    def __init__(self, root: Path, project: Path, lock_timeout: float = LOCK_TIMEOUT):
        self.root = check_out_dir(root, project)
        self.state = self.root / STATE
        self.pending: list[SiteWriter] = []
        self.removed_units: list[str] = []
        self._lock_fd: int | None = None
        self._lock(lock_timeout)
        self.recover()

    # -- the lock -----------------------------------------------------------------------------

    def _lock(self, timeout: float) -> None:
        self.state.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise OutputError(
                        _(
                            "another sitegen build is writing to {path}; wait for it to finish, then build again",
                            path=self.root,
                        )
                    ) from None
                time.sleep(0.05)
        self._lock_fd = fd

    def close(self) -> None:
        """Release the output for the next build (also done by commit and abort)."""
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor drops the lock
            self._lock_fd = None

    # -- manifests ----------------------------------------------------------------------------

    def manifest_path(self, site_id: str) -> Path:
        return self.state / f"{site_id}.json"

    def stats_path(self, site_id: str) -> Path:
        """This machine's sizes and times of the unit's files (not published, see the module doc)."""
        return self.state / LOCAL / f"{site_id}.json"

    def pages_path(self, site_id: str) -> Path:
        """What made each of the unit's template files (local, see :mod:`sitegen.build.dependencies`)."""
        return self.state / LOCAL / f"{site_id}.pages.json"

    def pages(self, site_id: str) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Each file's record from the build that made the current site; empty when unknown."""
        try:
            data = json.loads(self.pages_path(site_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {
            rel: (entry[0], tuple(entry[1]))
            for rel, entry in data.items()
            if isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], list)
        }

    def _stats(self, site_id: str) -> dict[str, list[int] | None]:
        try:
            data = json.loads(self.stats_path(site_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def manifest(self, site_id: str) -> dict[str, str]:
        """The files of the unit's current site with their digests."""
        files: dict[str, str] = self._record(site_id).get("files", {})
        return files

    def fingerprint(self, site_id: str) -> str | None:
        """The inputs fingerprint the unit's current site was built from, if it is there."""
        if not (self.root / site_id).is_dir():
            return None
        stamp: str | None = self._record(site_id).get("fingerprint")
        return stamp

    def _record(self, site_id: str) -> dict[str, Any]:
        try:
            data = json.loads(self.manifest_path(site_id).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}
        return data if isinstance(data, dict) and "files" in data else {}

    def ids(self, site_id: str) -> dict[str, str]:
        """The feed id each dated source was last published with (see :mod:`sitegen.structure.feed_ids`)."""
        ids: dict[str, str] = self._record(site_id).get("ids", {})
        return ids

    def damaged(self, site_id: str, verify: bool = False) -> set[str]:
        """Files the manifest lists that are missing or changed on disk since they were written.

        Sizes and modification times by default (cheap enough for every build);
        with ``verify``, or for a file this machine holds no size and time of
        (an output restored from elsewhere), its digest as well.
        """
        files, stats = self.manifest(site_id), self._stats(site_id)
        current = f"{self.root}/{site_id}"
        bad = set()
        for rel, digest in files.items():
            path = f"{current}/{rel}"  # strings and one lstat: every build looks at every file
            try:
                known = stats.get(rel)
                st = os.lstat(path)
                changed = stat.S_ISLNK(st.st_mode) or (known is not None and stat_key(st) != known)
                if changed or ((verify or known is None) and digest_file(Path(path)) != digest):
                    bad.add(rel)
            except OSError:
                bad.add(rel)
        return bad

    def spare_path(self, site_id: str) -> Path:
        """What the unit's spare folder (its site before the last swap) holds: files, digests, sizes and times."""
        return self.state / LOCAL / f"{site_id}.spare.json"

    def take_spare(
        self, site_id: str, live: dict[str, str], staging: Path
    ) -> tuple[set[str], set[str]] | None:
        """Make the unit's spare folder its staging folder, holding only what it may keep.

        The spare is the unit's site as the build before last left it, kept at the last swap
        instead of deleted: most of its files are hard links to the live site's. A file
        stays when the spare's record gives it the digest the live site's intact file has
        now and its size and time are as recorded (so neither was changed in place);
        everything else in the folder goes, whatever it is. Staging then costs what
        changed since the build before last, not a link per file: with 20,000 pages on
        disk, deleting the old folder and linking a new one took 6.5 s of a 14 s edit.
        Returns (files kept, files the record lists), or None when there is no usable spare.
        """
        spare = self.state / SPARE / site_id
        try:
            record = json.loads(self.spare_path(site_id).read_text(encoding="utf-8"))
            files, stats = record["files"], record["stats"]
            usable = isinstance(files, dict) and isinstance(stats, dict)
        except (OSError, ValueError, KeyError, TypeError):
            usable = False
        if not usable or spare.is_symlink() or not spare.is_dir():
            self._drop_spare(site_id)
            return None
        self.spare_path(site_id).unlink()  # the record goes with the folder it describes
        staging.parent.mkdir(parents=True, exist_ok=True)
        os.rename(spare, staging)
        ready: set[str] = set()
        folders: list[str] = []
        top = f"{staging}/"
        for rel, is_dir in _entries(str(staging)):
            if is_dir:
                folders.append(rel)
                continue
            path = top + rel
            try:
                st = os.lstat(path)
                intact = not stat.S_ISLNK(st.st_mode) and stats.get(rel) == stat_key(st)
            except OSError:
                continue
            if intact and files.get(rel) == live.get(rel) is not None:
                ready.add(rel)
            else:
                os.unlink(path)
        kept = _folders_of(ready)
        for rel in reversed(folders):  # the deepest first
            if rel not in kept:
                with contextlib.suppress(OSError):
                    os.rmdir(top + rel)
        return ready, set(files)

    def _drop_spare(self, site_id: str) -> None:
        """Delete the unit's spare folder (never a link's target) and its record."""
        spare = self.state / SPARE / site_id
        if spare.is_symlink():
            spare.unlink()
        elif spare.is_dir():
            shutil.rmtree(spare)
        self.spare_path(site_id).unlink(missing_ok=True)

    def scratch(self) -> Path:
        """A work folder on the output's file system (Pagefind's), emptied with the staged files."""
        folder = self.state / "scratch"
        folder.mkdir(exist_ok=True)
        return folder

    def units(self) -> list[str]:
        """The units this output holds a manifest for."""
        return sorted(p.stem for p in self.state.glob("*.json") if p.name != JOURNAL)

    # -- writing ------------------------------------------------------------------------------

    def site(
        self,
        site_id: str,
        fingerprint: str = "",
        damaged: AbstractSet[str] = frozenset(),
        reuse: bool = True,
    ) -> SiteWriter:
        """Start writing one unit's site; refuses folders sitegen did not make."""
        check(site_id)
        current = self.root / site_id
        if current.is_symlink():
            raise OutputError(
                _("{path} is a symbolic link; sitegen writes only real folders it made", path=current)
            )
        if current.exists() and not current.is_dir():
            raise OutputError(_("{path} is a file, not a site folder; move it away", path=current))
        made = self.manifest(site_id) if current.is_dir() else {}
        if current.exists() and not made and any(current.iterdir()):
            raise OutputError(
                _(
                    "{path} exists and was not made by sitegen; move it away or choose another --out",
                    path=current,
                )
            )
        intact = {rel: d for rel, d in made.items() if rel not in damaged}
        return SiteWriter(self, site_id, intact, set(made), fingerprint, reuse=reuse)

    def patch(self, site_id: str, files: list[tuple[str, bytes]]) -> list[str]:
        """Replace files of a unit's current site ahead of its rebuild (the preview's first look).

        Only files the manifest already lists are replaced, each by an atomic rename; the
        manifest stays as it was, so their new size and time mark them damaged and the
        unit's next build writes them again from scratch. Returns the paths replaced.
        """
        current = self.root / site_id
        made = self.manifest(site_id)
        done = []
        for rel, data in files:
            target = current / rel
            if rel not in made or not target.is_file() or target.is_symlink():
                continue  # a page that moved or is new waits for the build, which records it
            tmp = target.with_name(f".{target.name}.sitegen-patch")
            try:
                _write_bytes(tmp, data)
                os.replace(tmp, target)
            finally:
                tmp.unlink(missing_ok=True)
            done.append(rel)
        return done

    def remove_unit(self, site_id: str) -> None:
        """Schedule a unit that left offices.yaml for removal at commit."""
        self.removed_units.append(site_id)

    def commit(self) -> None:
        """Journal every change, then swap every staged site in and record what it holds."""
        journal = {
            "units": {w.site_id: w.record() for w in self.pending},
            "removed": {u: sorted(self.manifest(u)) for u in self.removed_units},
        }
        _fault("before-journal")
        if journal["units"] or journal["removed"]:
            _write_json(self.state / JOURNAL, journal)
            _fault("after-journal")
            self._apply(journal)
        self.pending.clear()
        self.removed_units.clear()
        self._cleanup()
        self.close()

    def abort(self) -> None:
        """Throw away everything staged; the sites stay as they were."""
        self.pending.clear()
        self.removed_units.clear()
        self._cleanup()
        self.close()

    def recover(self) -> None:
        """Finish the swap a killed build journalled; drop what it only staged."""
        path = self.state / JOURNAL
        if path.exists():
            try:
                journal = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                journal = None  # torn before the atomic rename cannot happen; be safe anyway
            if journal:
                self._apply(journal)
        self._cleanup()

    def _apply(self, journal: dict[str, Any]) -> None:
        """Idempotent: each step checks what is already done, so a second run completes the first."""
        staging, spares = self.state / "staging", self.state / SPARE
        (self.state / LOCAL).mkdir(exist_ok=True)
        for site_id, record in journal["units"].items():
            current, staged, old = self.root / site_id, staging / site_id, spares / site_id
            if record["staged"] and not staged.is_dir() and not _is_folder(current, record.get("folder")):
                continue  # its staged site was lost before the swap: the live site and its records stay
            if record["staged"] and staged.is_dir():
                if current.exists():
                    spares.mkdir(exist_ok=True)
                    self._drop_spare(site_id)
                    # the old site is kept as the next build's staging folder, with what it holds
                    spare = {"files": self.manifest(site_id), "stats": self._stats(site_id)}
                    _write_json(self.spare_path(site_id), spare)
                    os.rename(current, old)
                    _fault("between-renames")
                os.rename(staged, current)
                _fault("after-rename")
            manifest = {
                "fingerprint": record["fingerprint"],
                "files": record["files"],
                "ids": record.get("ids", {}),
            }
            _write_json(self.manifest_path(site_id), manifest)
            _write_json(self.stats_path(site_id), _stats_of(f"{current}/", record["files"]))
            _write_json(self.pages_path(site_id), record.get("pages", {}))
        for site_id, files in journal["removed"].items():
            _remove_made(self.root / site_id, files)
            self._drop_spare(site_id)
            self.manifest_path(site_id).unlink(missing_ok=True)
            self.stats_path(site_id).unlink(missing_ok=True)
            self.pages_path(site_id).unlink(missing_ok=True)
        (self.state / JOURNAL).unlink(missing_ok=True)

    def _cleanup(self) -> None:
        """Drop what was only staged. Not while a journal stands: a swap that failed half way
        (a permission, a full disk) is finished from the staged sites by the next build."""
        journalled = (self.state / JOURNAL).exists()
        for name in ("staging", "trash", "scratch"):
            folder = self.state / name
            if folder.exists() and not (journalled and name == "staging"):
                shutil.rmtree(folder)


def _is_folder(path: Path, inode: int | None) -> bool:
    """Whether ``path`` is the folder a journal recorded (any folder for a record without one)."""
    try:
        return path.is_dir() and (inode is None or os.stat(path).st_ino == inode)
    except OSError:
        return False


def _entries(top: str, prefix: str = "") -> Iterator[tuple[str, bool]]:
    """Every entry under ``top`` as (path from ``top``, is a real folder), folders before their files.

    A symbolic link, to a folder or not, is an entry of its own and never followed.
    """
    with os.scandir(top) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        rel = prefix + entry.name
        if entry.is_dir(follow_symlinks=False):
            yield rel, True
            yield from _entries(entry.path, rel + "/")
        else:
            yield rel, False


def _folders_of(files: AbstractSet[str]) -> set[str]:
    """Every folder that holds one of ``files``, at any depth ("a/b/c.html": "a/b" and "a")."""
    folders: set[str] = set()
    for rel in files:
        folder = rel.rpartition("/")[0]
        while folder and folder not in folders:  # a folder seen before: its parents were too
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    return folders


def _stats_of(folder: str, files: Iterable[str]) -> dict[str, list[int] | None]:
    """Each file's size and time (None when it is gone); strings, as every file of a unit passes here."""
    stats: dict[str, list[int] | None] = {}
    for rel in files:
        try:
            stats[rel] = stat_key(os.stat(folder + rel))
        except OSError:
            stats[rel] = None
    return stats


def _write_bytes(path: Path | str, data: bytes) -> None:
    """Write a file; a failed write (a full disk) names the file, which Python's own error does not."""
    try:
        with open(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise


def _write_json(path: Path, data: dict[str, Any]) -> None:
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


def _remove_made(folder: Path, files: list[str]) -> None:
    """Delete the listed files of a unit's folder and the folders they leave empty; nothing else."""
    if folder.is_symlink() or not folder.is_dir():
        return
    for rel in files:
        check(rel)
    _remove_files(str(folder), files)
    with contextlib.suppress(OSError):
        os.rmdir(folder)  # only when empty: anything of someone else's stays


def _remove_files(top: str, files: Iterable[str]) -> set[str]:
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
