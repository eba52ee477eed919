"""`sitegen feeds diff OLD NEW`: guard subscribers against the last deploy."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from sitegen.commands.common import EXIT_CONTENT
from sitegen.commands.language import argument, group, option
from sitegen.i18n import N_, _, ngettext
from sitegen.publish.feed_guard import compare


@group("feeds", help=N_("Work with the built feeds."))
def feeds_command() -> None:
    """Work with the built feeds."""


@feeds_command.command(
    "diff", help=N_("Fail when an item changed its id, moved its date, or vanished while its page remains.")
)
@argument("old", metavar=N_("OLD"), type=click.Path(exists=True, file_okay=False, path_type=Path))
@argument("new", metavar=N_("NEW"), type=click.Path(exists=True, file_okay=False, path_type=Path))
@option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help=N_("The project NEW was built from: an item may vanish only if its page is gone from its content."),
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
        click.echo(
            _(
                "feeds diff: {problems} in {feeds}",
                problems=ngettext("{count} problem", "{count} problems", len(problems)),
                feeds=ngettext("{count} feed", "{count} feeds", compared),
            ),
            err=True,
        )
        sys.exit(EXIT_CONTENT)
    click.echo(
        ngettext(
            "feeds diff: {count} feed compared, no problems",
            "feeds diff: {count} feeds compared, no problems",
            compared,
        ),
        err=True,
    )


def _content_pages(root: Path) -> Callable[[str], set[str] | None]:
    """What each unit's content publishes now; exits naming every file that cannot be read."""
    from sitegen.build.project import Models, load_project
    from sitegen.dates import build_now
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
            ngettext(
                "feeds diff: the content has {count} error, so a vanished item cannot be told from a deleted one",
                "feeds diff: the content has {count} errors, so a vanished item cannot be told from a deleted one",
                len(problems),
            ),
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
