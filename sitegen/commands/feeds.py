"""`sitegen feeds diff OLD NEW`: guard subscribers against the last deploy."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from sitegen.commands.common import EXIT_CONTENT
from sitegen.publish.feed_guard import compare


@click.group("feeds")
def feeds_command() -> None:
    """Work with the built feeds."""


@feeds_command.command("diff")
@click.argument("old", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="The project NEW was built from: an item may vanish only if its page is gone from its content.",
)
def diff_command(old: Path, new: Path, root: Path | None) -> None:
    """Fail when an item changed its id, moved its date, or vanished while its page remains."""
    published = None
    if root is not None:
        published = _content_pages(root)
    compared, problems = compare(old, new, published)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(f"feeds diff: {len(problems)} problem(s) in {compared} feed(s)", err=True)
        sys.exit(EXIT_CONTENT)
    click.echo(f"feeds diff: {compared} feed(s) compared, no problems", err=True)


def _content_pages(root: Path) -> Callable[[str], set[str] | None]:
    """What each unit's content publishes now; exits naming every file that cannot be read."""
    from sitegen.build.pipeline import Models, build_now, load_project
    from sitegen.errors import BuildFailed

    try:
        project = load_project(root)
    except BuildFailed as exc:
        problems = exc.problems
    else:
        problems = project.problems.errors
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(
            f"feeds diff: the content has {len(problems)} error(s), so a vanished item cannot be told "
            "from a deleted one",
            err=True,
        )
        sys.exit(EXIT_CONTENT)
    models = Models(project, build_now(), drafts=False)
    offices = {o.id: o for o in project.network.offices}

    def published(unit: str) -> set[str] | None:
        office = offices.get(unit)
        # a withdrawn page (gone:) stays at its address, but is no page of the feed any more
        return None if office is None else {page.url for page in models(office).pages if not page.gone}

    return published
