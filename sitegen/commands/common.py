"""What every command shares: finding the project, reporting problems, exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import click

from ..bodies import Bodies
from ..errors import BuildFailed, Problem
from ..site import Project, load_project

EXIT_CONTENT = 1
EXIT_USAGE = 2

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Repository holding offices.yaml, content/ and themes/.",
)


def report(problems: Iterable[Problem]) -> None:
    """Print problems as path:line: message (hint), errors and warnings alike."""
    for problem in problems:
        click.echo(str(problem), err=True)


def open_project(
    root: Path, base_urls: dict[str, str] | None = None, bodies: Bodies | None = None
) -> Project:
    """Load the project or exit 1 after listing every problem."""
    try:
        return load_project(root, base_urls, bodies)
    except BuildFailed as exc:
        fail(exc.problems)


def fail(problems: list[Problem]) -> NoReturn:
    report(problems)
    errors = sum(1 for p in problems if p.severity == "error")
    click.echo(f"{errors} error(s); nothing was written.", err=True)
    sys.exit(EXIT_CONTENT)


def parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("write it as 2026-11-24T09:00+07:00", param_hint="--now") from None
    if moment.tzinfo is None:
        raise click.BadParameter("give an offset, e.g. 2026-11-24T09:00+07:00", param_hint="--now")
    return moment
