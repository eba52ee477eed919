"""`sitegen check`: everything a build would check, and more, without writing anything."""

from __future__ import annotations

import contextlib
import json
import sys
from datetime import datetime
from pathlib import Path

import click

from sitegen import hints
from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import Models, Project, load_project
from sitegen.check.findings import CrossLinks, content_warnings, coverage
from sitegen.check.scope import Scope, arrange, changed_since_commit
from sitegen.commands.common import EXIT_CONTENT, output_path, parse_now, root_option
from sitegen.commands.language import argument, command, option
from sitegen.dates import build_now
from sitegen.errors import BuildFailed, Problem, one_cause_once
from sitegen.i18n import N_, _, ngettext
from sitegen.sources.static_trust import location_warnings
from sitegen.structure.placeholders import placeholder_warnings
from sitegen.structure.unfinished import unfinished_warnings


@command(
    "check",
    help=N_(
        "Check offices.yaml and all content; report every problem as path:line: message (hint).\n\n"
        "PATHS (files or folders) and --office narrow what is reported. Errors come first, then warnings about what changed since the last commit, then one line per other kind of warning (--all lists them)."
    ),
)
@root_option
@argument("paths", nargs=-1, metavar=N_("[PATHS]..."), type=click.Path(path_type=Path))
@option(
    "--office",
    "units",
    multiple=True,
    metavar=N_("ID"),
    help=N_("Only problems concerning this unit (repeatable): its files, the shared pages it publishes."),
)
@option(
    "--all",
    "show_all",
    is_flag=True,
    help=N_("List every warning and note, not only those about what changed."),
)
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@option("--strict", is_flag=True, help=N_("Fail on warnings too (listed or summarised)."))
@option("--coverage", "show_coverage", is_flag=True, help=N_("Print which unit publishes which shared page."))
@option("--now", "now", metavar=N_("TIME"), help=N_("Check as if at this moment (ISO 8601 with offset)."))
@option(
    "--against",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=N_(
        "What was published last: a folder of .sitegen/<id>.json manifests, from the current folder "
        "[default: public in --root]."
    ),
)
def check_command(
    root: Path,
    paths: tuple[Path, ...],
    units: tuple[str, ...],
    show_all: bool,
    fmt: str,
    strict: bool,
    show_coverage: bool,
    now: str | None,
    against: Path | None,
) -> None:
    """Check offices.yaml and all content; report every problem as path:line: message (hint).

    PATHS (files or folders) and --office narrow what is reported. Errors come
    first, then warnings about what changed since the last commit, then one
    line per other kind of warning (--all lists them).
    """
    moment = build_now(parse_now(now))
    scope = Scope(tuple(_in_root(root, p) for p in paths), units)
    problems, project = _found(root, units, moment, against)
    problems = one_cause_once(problems)
    if scope:
        problems = [p for p in problems if scope.keeps(p, project)]
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    notes = [p for p in problems if p.severity == "info"]  # worth knowing, never a failure
    if fmt == "json":
        click.echo(_as_json(problems, project if show_coverage else None))
    else:
        arranged = arrange(problems, None if show_all else changed_since_commit(root), show_all)
        for problem in [*arranged.errors, *arranged.listed]:
            click.echo(str(problem))
        for _code, label, _count in arranged.summarised:
            click.echo(_("{label} — `--all` to list", label=label))
        if show_coverage and project is not None:
            _print_coverage(project)
        click.echo(
            ", ".join(
                (
                    ngettext("{count} error", "{count} errors", len(errors)),
                    ngettext("{count} warning", "{count} warnings", len(warnings)),
                    ngettext("{count} note", "{count} notes", len(notes)),
                )
            ),
            err=True,
        )
    if errors or (strict and warnings):
        sys.exit(EXIT_CONTENT)


def _found(
    root: Path, units: tuple[str, ...], moment: datetime, against: Path | None
) -> tuple[list[Problem], Project | None]:
    """Every problem a build would report, and the checks only ``check`` makes, sorted; with the
    project, or None when offices.yaml itself could not be read."""
    project = None
    try:
        project = load_project(root, past_tabs=True)  # the content is checked despite tabs
        _known_units(project, units)
        links = CrossLinks()
        with contextlib.suppress(BuildFailed):  # its problems are in project.problems already
            build(project, BuildOptions(now=moment, on_file=links, published=output_path(against, root)))
        links.check(project, project.problems)
        models = Models(project, moment, drafts=False)
        content_warnings(project, [models(o) for o in project.network.offices], moment, project.problems)
        placeholder_warnings(project.network, project.sources, project.problems)
        unfinished_warnings(project.sources, project.problems)
        location_warnings(root / "content", project.problems)
        return sorted(set(project.problems.items)), project
    except BuildFailed as exc:
        return exc.problems, project


def _as_json(problems: list[Problem], coverage_of: Project | None) -> str:
    """The report for machines: counts, every problem with its code and key, and the coverage if asked."""
    report: dict[str, object] = {
        "errors": sum(p.severity == "error" for p in problems),
        "warnings": sum(p.severity == "warning" for p in problems),
        "notes": sum(p.severity == "info" for p in problems),
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "severity": p.severity,
                "code": p.kind,
                "message": p.said,
                "hint": p.hint,
                "units": list(p.concerned),
                "key": p.key,
            }
            for p in problems
        ],
    }
    if coverage_of is not None:
        units, rows = coverage(coverage_of)
        report["coverage"] = {key: dict(zip(units, cells, strict=True)) for key, cells in rows}
    return json.dumps(report, ensure_ascii=False, indent=2)


def _in_root(root: Path, path: Path) -> str:
    """A PATH argument as the project-relative POSIX path problems carry; a missing one is a usage error."""
    if not path.exists():
        raise click.BadParameter(_("no such file or folder: {path}", path=path), param_hint=_("PATHS"))
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise click.BadParameter(
            _("{path} lies outside the project {root}", path=path, root=root), param_hint=_("PATHS")
        ) from None


def _known_units(project, units: tuple[str, ...]) -> None:
    """--office with an id offices.yaml does not have: a usage error naming the closest id."""
    ids = tuple(o.id for o in project.network.offices)
    for unit in units:
        if unit not in ids:
            said = hints.unknown_unit(unit, "--office", ids)
            raise click.BadParameter(f"{said.message} ({said.hint})", param_hint="--office")


SHORT = {"+": "+", "own": "own", "draft": "d", "-offices": "-o", "-exclude_offices": "-x", "-kinds": "-k"}


def _print_coverage(project) -> None:
    """A table that fits a terminal: units as numbered columns, a legend for every mark."""
    units, rows = coverage(project)
    width = min(max((len(key) for key, _cells in rows), default=10), 48)
    click.echo("\n" + _("Who publishes which shared page:"))
    for n, unit in enumerate(units, 1):
        click.echo(f"  {n:>2} = {unit}")
    click.echo("  " + _("+ published   own = the unit's own version   d = draft"))
    click.echo(
        "  " + _("not published, narrowed by: -o offices:  -x exclude_offices:  -k kinds:  -s services:")
    )
    click.echo(" " * width + " " + "".join(f"{n:>4}" for n in range(1, len(units) + 1)))
    for key, cells in rows:
        name = key if len(key) <= width else "…" + key[-(width - 1) :]
        click.echo(name.ljust(width) + " " + "".join(f"{SHORT.get(c, '-s'):>4}" for c in cells))
