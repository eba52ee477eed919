"""`sitegen feeds diff OLD NEW`: guard subscribers against the last deploy."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..feed_guard import compare
from .common import EXIT_CONTENT


@click.group("feeds")
def feeds_command() -> None:
    """Work with the built feeds."""


@feeds_command.command("diff")
@click.argument("old", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, file_okay=False, path_type=Path))
def diff_command(old: Path, new: Path) -> None:
    """Fail when an item changed its id, moved its date, or vanished while its page remains."""
    compared, problems = compare(old, new)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(f"feeds diff: {len(problems)} problem(s) in {compared} feed(s)", err=True)
        sys.exit(EXIT_CONTENT)
    click.echo(f"feeds diff: {compared} feed(s) compared, no problems", err=True)
