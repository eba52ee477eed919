"""Content errors: collected, never raised one by one to the editor.

Editors are not programmers. Every problem in their input is reported as
``path:line: what is wrong (how to fix)`` and the build goes on collecting,
so one run shows every mistake. Only at the end does the build fail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Concatenate, ParamSpec

from sitegen.i18n import _, ngettext


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can.

    The words (``message``, ``hint``) are for people, in their language; what a
    program needs is in fields of its own (``code``, ``units``, ``unit``, ``key``),
    so no logic ever reads the words back.
    """

    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error", "warning" or "info" (worth knowing, never a failure)
    code: str = ""  # a short stable id ("date-far-future") for machines; see sitegen.codes
    units: tuple[str, ...] = ()  # the units met with it, shown as "[unit a, b]" after the message
    unit: str = ""  # the one unit the message itself names ("unit sambas: …" in offices.yaml)
    key: str = ""  # the front matter or offices.yaml key it is about, where known
    target: str = ""  # the output file a link leads to, for a link to nothing ("layanan/index.html")

    @property
    def kind(self) -> str:
        """The problem's code, or the generic one of its severity: stable, never missing."""
        from sitegen.codes import GENERIC  # late: codes is a table about problems

        return self.code or GENERIC.get(self.severity, "content-error")

    @property
    def concerned(self) -> tuple[str, ...]:
        """Every unit the problem is known to concern, from its fields."""
        return self.units or ((self.unit,) if self.unit else ())

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f" ({self.hint})" if self.hint else ""
        prefix = {"warning": _("warning: "), "info": _("note: ")}.get(self.severity, "")
        return f"{where}: {prefix}{self.said}{hint}"

    @property
    def said(self) -> str:
        """The message with the units it was met in: "broken link /x/ [units a, b]"."""
        if not self.units:
            return self.message
        units = ngettext("[unit {units}]", "[units {units}]", len(self.units), units=", ".join(self.units))
        return f"{self.message} {units}"


class ContentError(Exception):
    """Raised with a single problem, where collecting is not possible."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class BuildFailed(Exception):
    """The input has errors; the output was left as it was."""

    def __init__(self, problems: list[Problem]):
        problems = one_cause_once(problems)
        super().__init__(ngettext("{count} problem", "{count} problems", len(problems)))
        self.problems = sorted(problems)


def one_cause_once(problems: list[Problem]) -> list[Problem]:
    """Drop what only follows from another problem at the same place: one cause, one message.

    A picture refused (too large, unreadable) is not also "not a file of the site".
    """
    refused = {(p.path, p.line) for p in problems if p.severity == "error" and p.kind.startswith("picture-")}
    if not refused:
        return list(problems)
    return [p for p in problems if not (p.kind == "image-not-found" and (p.path, p.line) in refused)]


_P = ParamSpec("_P")


def _saying(
    severity: str, say: Callable[Concatenate[Problems, str, _P], None]
) -> Callable[Concatenate[Problems, _P], None]:
    """``say`` with its severity given: Problems.error, .warning and .info, each typed as _say is."""

    def said(problems: Problems, /, *args: _P.args, **kwargs: _P.kwargs) -> None:
        say(problems, severity, *args, **kwargs)

    said.__name__, said.__qualname__ = severity, f"Problems.{severity}"
    return said


@dataclass
class Problems:
    """A collector passed through parsing, so every error is found in one run."""

    root: Path = field(default_factory=Path.cwd)
    items: list[Problem] = field(default_factory=list)
    _seen: dict[tuple[str, int, str, str, str, str], int] = field(default_factory=dict, repr=False)

    def rel(self, path: Path | str) -> str:
        p = Path(path)
        try:  # the folder resolved, not the name: a link is named itself, not where it leads
            return (p.parent.resolve() / p.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    def _say(
        self,
        severity: str,
        path: Path | str,
        line: int,
        message: str,
        hint: str = "",
        code: str = "",
        *,
        units: tuple[str, ...] = (),
        unit: str = "",
        key: str = "",
        target: str = "",
    ) -> None:
        """A problem of ``severity``; the keywords are the data beyond the words (see Problem)."""
        self.add(Problem(self.rel(path), line, message, hint, severity, code, units, unit, key, target))

    error = _saying("error", _say)
    warning = _saying("warning", _say)
    info = _saying("info", _say)  # worth knowing, never a failure

    def add(self, problem: Problem) -> None:
        """Record a problem once: the same mistake met by several units is one message naming them."""
        key = (problem.path, problem.line, problem.message, problem.hint, problem.severity, problem.code)
        index = self._seen.get(key)
        if index is None:
            self._seen[key] = len(self.items)
            self.items.append(problem)
            return
        known = self.items[index]
        if not (problem.units and known.units):
            return  # the very same problem again
        units = known.units + tuple(u for u in problem.units if u not in known.units)
        self.items[index] = replace(known, units=units)

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
