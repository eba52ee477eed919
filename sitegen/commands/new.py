"""`sitegen new SECTION TITLE`: a new page with complete front matter, in the right place."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from sitegen.commands.common import EXIT_CONTENT, fail, parse_now, root_option
from sitegen.commands.language import argument, command, option
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.i18n import N_, _
from sitegen.scaffold import ScaffoldError, plan_page, write_page


@command(
    "new",
    help=N_(
        'Create a page: `sitegen new berita "Judul" --office pontianak`, `sitegen new layanan/wni "Judul" --shared`.'
    ),
)
@root_option
@argument("section", metavar=N_("SECTION"))
@argument("title", metavar=N_("TITLE"))
@option(
    "--office",
    "office_id",
    metavar=N_("ID"),
    help=N_("The unit the page belongs to (needed for berita, pengumuman)."),
)
@option("--shared", is_flag=True, help=N_("A shared page, published by every unit it applies to."))
@option("--override", is_flag=True, help=N_("Replace a shared page with this unit's own version."))
@option(
    "--now", "now", metavar=N_("TIME"), help=N_("Date the page as if at this moment (ISO 8601 with offset).")
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
        raise click.UsageError(_("give either --office ID or --shared"))
    office = None
    if office_id:
        if office_id not in network.ids:
            raise click.BadParameter(
                _("unknown unit {unit!r}; known: {known}", unit=office_id, known=", ".join(network.ids)),
                param_hint="--office",
            )
        office = network.office(office_id)
    moment = parse_now(now) or datetime.now(tz=UTC)
    try:
        page = plan_page(root, network, section, title, office, moment, override)
        write_page(page)
    except ScaffoldError as exc:
        click.echo(_("error: {problem}", problem=exc), err=True)
        sys.exit(EXIT_CONTENT)
    click.echo(page.path.relative_to(root) if page.path.is_relative_to(root) else page.path)
