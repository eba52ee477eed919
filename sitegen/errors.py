"""Content errors: collected, never raised one by one to the editor.

Editors are not programmers. Every problem in their input is reported as
``path:line: what is wrong (how to fix)`` and the build goes on collecting,
so one run shows every mistake. Only at the end does the build fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f" ({self.hint})" if self.hint else ""
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}{hint}"


class ContentError(Exception):
    """Raised with a single problem, where collecting is not possible."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class BuildFailed(Exception):
    """The input has errors; the output was left as it was."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = sorted(problems)


@dataclass
class Problems:
    """A collector passed through parsing, so every error is found in one run."""

    root: Path = field(default_factory=Path.cwd)
    items: list[Problem] = field(default_factory=list)

    def rel(self, path: Path | str) -> str:
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    def error(self, path: Path | str, line: int, message: str, hint: str = "") -> None:
        self.items.append(Problem(self.rel(path), line, message, hint))

    def warning(self, path: Path | str, line: int, message: str, hint: str = "") -> None:
        self.items.append(Problem(self.rel(path), line, message, hint, "warning"))

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise BuildFailed(self.errors)
