"""`sitegen check`: everything a build would check, and more, without writing anything."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from ..checks import CrossLinks, content_warnings, coverage
from ..errors import BuildFailed, Problem
from ..placeholders import placeholder_warnings
from ..site import Models, build, build_now, load_project
from ..unfinished import unfinished_warnings
from .common import EXIT_CONTENT, parse_now, root_option


@click.command("check")
@root_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--coverage", "show_coverage", is_flag=True, help="Print which unit publishes which shared page."
)
@click.option("--now", "now", metavar="TIME", help="Check as if at this moment (ISO 8601 with offset).")
@click.option(
    "--against",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
    help="What was published last: a folder of .sitegen/<id>.json manifests (relative to --root).",
)
def check_command(
    root: Path, fmt: str, strict: bool, show_coverage: bool, now: str | None, against: Path
) -> None:
    """Check offices.yaml and all content; report every problem as path:line: message (hint)."""
    moment = build_now(parse_now(now))
    problems: list[Problem] = []
    project = None
    try:
        project = load_project(root)
        links = CrossLinks()
        with contextlib.suppress(BuildFailed):  # its problems are in project.problems already
            build(project, None, now=moment, on_file=links, published=root / against)
        links.check(project, project.problems)
        models = Models(project, moment, drafts=False)
        content_warnings(project, [models(o) for o in project.network.offices], moment, project.problems)
        placeholder_warnings(project.network, project.sources, project.problems)
        unfinished_warnings(project.sources, project.problems)
        problems = sorted(set(project.problems.items))
    except BuildFailed as exc:
        problems = exc.problems
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    notes = [p for p in problems if p.severity == "info"]  # worth knowing, never a failure
    if fmt == "json":
        report = {
            "errors": len(errors),
            "warnings": len(warnings),
            "notes": len(notes),
            "problems": [
                {"path": p.path, "line": p.line, "severity": p.severity, "message": p.message, "hint": p.hint}
                for p in problems
            ],
        }
        if show_coverage and project is not None:
            units, rows = coverage(project)
            report["coverage"] = {key: dict(zip(units, cells, strict=True)) for key, cells in rows}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        if show_coverage and project is not None:
            _print_coverage(project)
        click.echo(f"{len(errors)} error(s), {len(warnings)} warning(s), {len(notes)} note(s)", err=True)
    if errors or (strict and warnings):
        sys.exit(EXIT_CONTENT)


SHORT = {"+": "+", "own": "own", "draft": "d", "-offices": "-o", "-exclude_offices": "-x", "-kinds": "-k"}


def _print_coverage(project) -> None:
    """A table that fits a terminal: units as numbered columns, a legend for every mark."""
    units, rows = coverage(project)
    width = min(max((len(key) for key, _ in rows), default=10), 48)
    click.echo("\nWho publishes which shared page:")
    for n, unit in enumerate(units, 1):
        click.echo(f"  {n:>2} = {unit}")
    click.echo("  + published   own = the unit's own version   d = draft")
    click.echo("  not published, narrowed by: -o offices:  -x exclude_offices:  -k kinds:  -s services:")
    click.echo(" " * width + " " + "".join(f"{n:>4}" for n in range(1, len(units) + 1)))
    for key, cells in rows:
        name = key if len(key) <= width else "…" + key[-(width - 1) :]
        click.echo(name.ljust(width) + " " + "".join(f"{SHORT.get(c, '-s'):>4}" for c in cells))
