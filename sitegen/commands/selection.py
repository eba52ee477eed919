"""Choosing units on the command line: --office, --changed-since REV, --shard I/N.

Every filter narrows: a unit is built (or listed) when it passes all given.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from sitegen.build.shards import Shard, ShardError, in_shard, parse_shard, unit_weights
from sitegen.commands.common import EXIT_USAGE
from sitegen.commands.language import option
from sitegen.i18n import N_, _

if TYPE_CHECKING:
    from sitegen.build.project import Project


def _shard(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Shard | None:
    if value is None:
        return None
    try:
        return parse_shard(value)
    except ShardError as exc:
        raise click.BadParameter(str(exc)) from None


changed_since_option = option(
    "--changed-since",
    metavar=N_("REV"),
    help=N_("Only units whose inputs changed between this git revision and the working tree."),
)
shard_option = option(
    "--shard",
    metavar=N_("I/N"),
    callback=_shard,
    help=N_("Only the units of shard I of N (units dealt out by their work; see sitegen/build/shards.py)."),
)


def select_units(
    project: Project, offices: tuple[str, ...], changed_since: str | None, shard: Shard | None
) -> list[str]:
    """The chosen units in offices.yaml order; unknown ids and git problems exit 2."""
    known = project.network.ids
    for office_id in offices:
        if office_id not in known:
            raise click.BadParameter(
                _("unknown unit {unit!r}; known: {known}", unit=office_id, known=", ".join(known)),
                param_hint="--office",
            )
    units = [i for i in known if i in offices] if offices else list(known)
    if changed_since is not None:
        from sitegen.build.git_changes import ChangesError, units_changed_since

        try:
            changed = set(units_changed_since(project, changed_since))
        except ChangesError as exc:
            click.echo(_("error: --changed-since: {problem}", problem=exc), err=True)
            sys.exit(EXIT_USAGE)
        units = [i for i in units if i in changed]
    if shard is not None:
        weights = unit_weights(project.network, (s.scope for s in project.sources))
        units = in_shard(weights, units, shard)
    return units
