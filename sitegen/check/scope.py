"""What `sitegen check` shows an editor first: their own problems, not the example data's.

On the shipped data ``sitegen check`` finds a hundred warnings about example data
before an editor has written a word; the editor's own "page has no text yet"
would be one line among them. So the report is narrowed and ordered:

1. *Scope*: files and folders named on the command line, and ``--office ID``
   (a unit's own files, the shared pages it publishes, its part of offices.yaml,
   any problem naming it), narrow every kind of problem.
2. *Errors* are always listed: each one stops the build.
3. *Warnings and notes* are listed for what changed since the last commit
   (git: files modified or added against HEAD, untracked ones too; in
   offices.yaml, the changed lines only, since every unit's example data lies
   there). Outside git every one is listed.
4. The rest is *summarised*, one line per kind ("46 items marked sample —
   `--all` to list"); ``--all`` lists everything.

``--strict`` still fails on every warning in scope, listed or summarised.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sitegen.build.project import Project
from sitegen.codes import summary_label
from sitegen.errors import Problem
from sitegen.structure.model import publishes

NETWORK_FILE = "offices.yaml"
_HUNK = re.compile(r"^@@ -\S+ \+(\d+)(?:,(\d+))? @@", re.M)


@dataclass(frozen=True)
class Changed:
    """Files changed since the last commit (relative to the project root), and offices.yaml's lines."""

    files: frozenset[str]
    network_lines: frozenset[int]

    def covers(self, problem: Problem) -> bool:
        if problem.path == NETWORK_FILE:
            return problem.line in self.network_lines
        return problem.path in self.files


def changed_since_commit(root: Path) -> Changed | None:
    """What the editor changed since HEAD (tracked and untracked); None outside git or before a commit."""
    names = _git(root, "diff", "--name-only", "--relative", "HEAD")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    if names is None or untracked is None:
        return None
    files = frozenset(line for line in (names + untracked).splitlines() if line)
    lines: set[int] = set()
    if NETWORK_FILE in untracked.splitlines():
        lines.update(range(1, 1_000_000))
    elif NETWORK_FILE in files:
        diff = _git(root, "diff", "-U0", "--relative", "HEAD", "--", NETWORK_FILE) or ""
        for start, count in _HUNK.findall(diff):
            first = int(start)
            lines.update(range(first, first + (int(count) if count else 1)))
    return Changed(files, frozenset(lines))


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        return None  # no git at all: nothing can be told apart, so everything is listed
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


@dataclass(frozen=True)
class Scope:
    """The files, folders and units named on the command line; empty means everything."""

    paths: tuple[str, ...] = ()  # relative to the project root, POSIX
    units: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.paths or self.units)

    def keeps(self, problem: Problem, project: Project | None) -> bool:
        """Does the problem lie in every narrowing given (a path named, a unit named)?"""
        if self.paths and not any(
            problem.path == p or problem.path.startswith(p.rstrip("/") + "/") or p in ("", ".")
            for p in self.paths
        ):
            return False
        return not self.units or any(concerns(problem, unit, project) for unit in self.units)


def concerns(problem: Problem, unit: str, project: Project | None) -> bool:
    """Does ``problem`` concern ``unit``: its files, its part of offices.yaml, pages it publishes?

    A problem with nothing to say which unit it belongs to (a theme, the network's
    settings, a shared page that could not be read) counts for every unit when it is
    an error, since it stops that unit's build too.
    """
    if problem.concerned:
        return unit in problem.concerned
    parts = problem.path.split("/")
    if parts[:2] == ["content", "offices"] and len(parts) > 2:
        return parts[2] == unit
    if problem.path == NETWORK_FILE and project is not None:
        block = _unit_block(project, unit)
        if block and block[0] <= problem.line < block[1]:
            return True
        if any(b[0] <= problem.line < b[1] for b in _blocks(project).values()):
            return False
        return problem.severity == "error"
    if parts[:2] == ["content", "shared"] and project is not None:
        source = next((s for s in project.sources if project.problems.rel(s.path) == problem.path), None)
        office = next((o for o in project.network.offices if o.id == unit), None)
        if source is None or office is None:
            return problem.severity == "error"
        own = {s.key for s in project.sources if s.scope == unit}
        return publishes(office, source, own)
    return problem.severity == "error"


def _blocks(project: Project) -> dict[str, tuple[int, int]]:
    """Each unit's lines in offices.yaml: from its own line up to the next unit's."""
    offices = sorted(project.network.offices, key=lambda o: o.line)
    ends = [o.line for o in offices[1:]] + [1_000_000]
    return {o.id: (o.line, end) for o, end in zip(offices, ends, strict=True)}


def _unit_block(project: Project, unit: str) -> tuple[int, int] | None:
    return _blocks(project).get(unit)


@dataclass(frozen=True)
class Report:
    """What the text report prints: every error, the warnings and notes listed, the rest counted."""

    errors: list[Problem]
    listed: list[Problem]
    summarised: list[tuple[str, str, int]]  # (code, label, how many)


def arrange(problems: list[Problem], changed: Changed | None, show_all: bool) -> Report:
    """Errors first, then warnings and notes about what changed, then one line per other kind."""
    errors = [p for p in problems if p.severity == "error"]
    rest = [p for p in problems if p.severity != "error"]
    if show_all or changed is None:
        return Report(errors, rest, [])
    listed = [p for p in rest if changed.covers(p)]
    counts = Counter((p.kind, p.severity) for p in rest if not changed.covers(p))
    summarised = [
        (code, summary_label(code, severity, n), n)
        for (code, severity), n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))
    ]
    return Report(errors, listed, summarised)
