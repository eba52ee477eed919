"""`sitegen units`: the unit ids as JSON, for a CI matrix or a deploy loop."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sitegen.build.shards import Shard
from sitegen.commands.common import open_project, root_option
from sitegen.commands.language import command, option
from sitegen.commands.selection import changed_since_option, select_units, shard_option
from sitegen.i18n import N_


@command(
    "units",
    help=N_("Print the ids of the units (those --changed-since and --shard choose), in offices.yaml order."),
)
@root_option
@changed_since_option
@shard_option
@option(
    "--format",
    "fmt",
    type=click.Choice(["json", "lines"]),
    default="json",
    show_default=True,
    help=N_("A JSON array, or one id a line (for shell loops)."),
)
def units_command(root: Path, changed_since: str | None, shard: Shard | None, fmt: str) -> None:
    """Print the ids of the units (those --changed-since and --shard choose), in offices.yaml order."""
    project = open_project(root)
    units = select_units(project, (), changed_since, shard)
    if fmt == "json":
        click.echo(json.dumps(units))
    else:
        for unit in units:
            click.echo(unit)
