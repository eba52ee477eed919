"""`sitegen offices`: the units of offices.yaml, one a line."""

from __future__ import annotations

from pathlib import Path

import click

from sitegen.commands.common import fail, root_option
from sitegen.commands.language import command
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.i18n import N_


@command("offices", help=N_("List the units: id, kind, time zone, address of the site, name."))
@root_option
def offices_command(root: Path) -> None:
    """List the units: id, kind, time zone, address of the site, name."""
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems)
    if network is None:
        fail(problems.items)
    for office in network.offices:
        click.echo(
            f"{office.id:<20} {office.kind:<8} {office.timezone:<16} {office.base_url:<40} {office.name}"
        )
