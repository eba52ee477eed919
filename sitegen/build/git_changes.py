"""The units a git change affects: `--changed-since REV` for CI builds and `sitegen units`.

The changed paths are ``git diff --name-only REV`` (committed and uncommitted
changes of tracked files, renames as their old and new path) plus untracked
files that git does not ignore. They are mapped to units by
:func:`sitegen.build.affected.affected_units`, the same rules the preview server
uses; for a shared page, the project as it stood at REV says which units
published it before. Paths that never reach a site (tests, docs, the CI
files) affect nothing; sitegen's own code, offices.yaml and themes affect all.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitegen.build.affected import affected_units
from sitegen.build.project import Project, load_project
from sitegen.errors import BuildFailed
from sitegen.i18n import _

PACKAGE = Path(__file__).resolve().parent

# paths (relative to the project root) whose changes cannot change any site: tests, docs, CI
# files, and what sitegen itself writes by default (the output and the persistent cache)
INERT_DIRS = ("tests", "docs", "bench", ".github", ".ci", "public", ".sitegen-cache")
INERT_FILES = (".gitlab-ci.yml", ".gitignore", ".dockerignore", "Dockerfile")


class ChangesError(Exception):
    """The root is not in a git work tree, or REV names no commit."""


@dataclass(frozen=True)
class Changes:
    """What changed since ``rev``, relative to the project root."""

    rev: str
    paths: frozenset[str]
    code_changed: bool  # sitegen's own code changed (it may live outside the project root)


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        raise ChangesError(_("git is not installed; --changed-since needs it")) from None
    if done.returncode != 0:
        raise ChangesError(
            done.stderr.decode("utf-8", "replace").strip() or _("git {command} failed", command=args[0])
        )
    return done.stdout


def _top(root: Path) -> Path:
    try:
        return Path(_git(root, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    except ChangesError:
        raise ChangesError(
            _("{path} is not inside a git repository; --changed-since needs one", path=root)
        ) from None


def _commit(root: Path, rev: str) -> str:
    try:
        return (
            _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
            .decode()
            .strip()
        )
    except ChangesError:
        raise ChangesError(
            _("{revision!r} names no commit in this repository (fetch it, or give another)", revision=rev)
        ) from None


def changed_paths(root: Path, rev: str) -> Changes:
    """Paths under ``root`` changed between ``rev`` and the working tree."""
    root = root.resolve()
    top = _top(root)
    commit = _commit(root, rev)
    listed = _git(top, "diff", "--name-only", "--no-renames", "-z", commit, "--")
    listed += _git(top, "ls-files", "--others", "--exclude-standard", "-z")
    package = PACKAGE.relative_to(top).as_posix() if PACKAGE.is_relative_to(top) else None
    prefix = root.relative_to(top).as_posix() if root != top else ""
    paths: set[str] = set()
    code = False
    for name in filter(None, listed.decode("utf-8", "surrogateescape").split("\0")):
        if package and PurePosixPath(name).is_relative_to(package):
            code = True
        if not prefix:
            paths.add(name)
        elif PurePosixPath(name).is_relative_to(prefix):
            paths.add(PurePosixPath(name).relative_to(prefix).as_posix())
    return Changes(rev, frozenset(paths), code)


def inert(rel: str) -> bool:
    """A path whose change cannot change any unit's site."""
    parts = PurePosixPath(rel).parts
    if parts[0] in INERT_DIRS:
        return True
    return len(parts) == 1 and (rel in INERT_FILES or rel.endswith(".md"))


def project_at(root: Path, rev: str, into: Path) -> Project | None:
    """The project as it stood at ``rev`` (extracted into ``into``), or None when it does not load."""
    root = root.resolve()
    top = _top(root)
    tree = f"{_commit(root, rev)}:{root.relative_to(top).as_posix()}" if root != top else _commit(root, rev)
    data = _git(top, "archive", "--format=tar", tree)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+: refuse links and paths out of ``into``
            archive.extractall(into, filter="data")
        else:  # pragma: no cover - older 3.11 patch releases
            archive.extractall(into)  # noqa: S202 - the archive is git's own, of this repository
    try:
        return load_project(into)
    except BuildFailed:
        return None


def units_changed_since(project: Project, rev: str) -> list[str]:
    """The units (in offices.yaml order) whose inputs changed between ``rev`` and the working tree."""
    changes = changed_paths(project.root, rev)
    relevant = {p for p in changes.paths if not inert(p)}
    if changes.code_changed:
        units = set(project.network.ids)
    elif not relevant:
        units = set()
    elif any(p.startswith("content/shared/") for p in relevant):
        # which units published a changed shared page before: ask the project as it was
        with tempfile.TemporaryDirectory(prefix="sitegen-rev-") as tmp:
            units = affected_units(relevant, project_at(project.root, rev, Path(tmp)), project)
    else:
        units = affected_units(relevant, project, project)  # `old` is consulted for shared pages only
    return [i for i in project.network.ids if i in units]
