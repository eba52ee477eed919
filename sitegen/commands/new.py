"""`sitegen new SECTION TITLE`: a new page with complete front matter, in the right place."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from sitegen.commands.common import EXIT_CONTENT, fail, parse_now, root_option
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.scaffold import ScaffoldError, plan_page, write_page


@click.command("new")
@root_option
@click.argument("section")
@click.argument("title")
@click.option(
    "--office",
    "office_id",
    metavar="ID",
    help="The unit the page belongs to (needed for berita, pengumuman).",
)
@click.option("--shared", is_flag=True, help="A shared page, published by every unit it applies to.")
@click.option("--override", is_flag=True, help="Replace a shared page with this unit's own version.")
@click.option(
    "--now", "now", metavar="TIME", help="Date the page as if at this moment (ISO 8601 with offset)."
)
def new_command(
    root: Path,
    section: str,
    title: str,
    office_id: str | None,
    shared: bool,
    override: bool,
    now: str | None,
) -> None:
    """Create a page: `sitegen new berita "Judul" --office pontianak`, `sitegen new layanan/wni "Judul" --shared`."""
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems)
    if network is None:
        fail(problems.items)
    if shared == bool(office_id):
        raise click.UsageError("give either --office ID or --shared")
    office = None
    if office_id:
        if office_id not in network.ids:
            raise click.BadParameter(
                f"unknown unit {office_id!r}; known: {', '.join(network.ids)}", param_hint="--office"
            )
        office = network.office(office_id)
    moment = parse_now(now) or datetime.now(tz=UTC)
    try:
        page = plan_page(root, network, section, title, office, moment, override)
        write_page(page)
    except ScaffoldError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_CONTENT)
    click.echo(page.path.relative_to(root) if page.path.is_relative_to(root) else page.path)
