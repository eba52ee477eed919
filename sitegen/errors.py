"""Content errors: collected, never raised one by one to the editor.

Editors are not programmers. Every problem in their input is reported as
``path:line: what is wrong (how to fix)`` and the build goes on collecting,
so one run shows every mistake. Only at the end does the build fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

_UNIT = re.compile(r" \[units? ([^\]]+)\]$")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error", "warning" or "info" (worth knowing, never a failure)
    code: str = ""  # a short stable id ("date-far-future") for machines; see sitegen.codes

    @property
    def kind(self) -> str:
        """The problem's code: its own, or the one its message is known by (sitegen.codes)."""
        if self.code:
            return self.code
        from sitegen.codes import code_of  # late: codes reads Problem's fields only

        return code_of(self)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f" ({self.hint})" if self.hint else ""
        prefix = {"warning": "warning: ", "info": "note: "}.get(self.severity, "")
        return f"{where}: {prefix}{self.message}{hint}"


class ContentError(Exception):
    """Raised with a single problem, where collecting is not possible."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class BuildFailed(Exception):
    """The input has errors; the output was left as it was."""

    def __init__(self, problems: list[Problem]):
        problems = one_cause_once(problems)
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)


def one_cause_once(problems: list[Problem]) -> list[Problem]:
    """Drop what only follows from another problem at the same place: one cause, one message.

    A picture refused (too large, unreadable) is not also "not a file of the site".
    """
    refused = {(p.path, p.line) for p in problems if p.severity == "error" and p.kind.startswith("picture-")}
    if not refused:
        return list(problems)
    return [p for p in problems if not (p.kind == "image-not-found" and (p.path, p.line) in refused)]


@dataclass
class Problems:
    """A collector passed through parsing, so every error is found in one run."""

    root: Path = field(default_factory=Path.cwd)
    items: list[Problem] = field(default_factory=list)
    _seen: dict[tuple[str, int, str, str, str], int] = field(default_factory=dict, repr=False)

    def rel(self, path: Path | str) -> str:
        p = Path(path)
        try:  # the folder resolved, not the name: a link is named itself, not where it leads
            return (p.parent.resolve() / p.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    def error(self, path: Path | str, line: int, message: str, hint: str = "", code: str = "") -> None:
        self.add(Problem(self.rel(path), line, message, hint, "error", code))

    def warning(self, path: Path | str, line: int, message: str, hint: str = "", code: str = "") -> None:
        self.add(Problem(self.rel(path), line, message, hint, "warning", code))

    def info(self, path: Path | str, line: int, message: str, hint: str = "", code: str = "") -> None:
        self.add(Problem(self.rel(path), line, message, hint, "info", code))

    def add(self, problem: Problem) -> None:
        """Record a problem once: the same mistake met by several units is one message naming them."""
        found = _UNIT.search(problem.message)
        base = problem.message[: found.start()] if found else problem.message
        key = (problem.path, problem.line, base, problem.hint, problem.severity)
        index = self._seen.get(key)
        if index is None:
            self._seen[key] = len(self.items)
            self.items.append(problem)
            return
        known = self.items[index]
        earlier = _UNIT.search(known.message)
        if not (found and earlier):
            return  # the very same problem again
        units = earlier.group(1).split(", ")
        units += [u for u in found.group(1).split(", ") if u not in units]
        label = "unit" if len(units) == 1 else "units"
        self.items[index] = replace(known, message=f"{base} [{label} {', '.join(units)}]")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "info"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise BuildFailed(self.errors)
