"""`sitegen deploy plan`: which files a deploy uploads and deletes, from the units' manifests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from sitegen.commands.common import EXIT_USAGE, fail, output_path, root_option
from sitegen.commands.language import group, option
from sitegen.config.offices import load_network
from sitegen.config.readers import SLUG
from sitegen.errors import Problems
from sitegen.i18n import N_, _
from sitegen.publish.plan import PlanError, built_manifest, deployed_manifest, make_plan, removed_units


@group("deploy", help=N_("Prepare a deploy of the built sites."))
def deploy_command() -> None:
    """Prepare a deploy of the built sites."""


@deploy_command.command(
    "plan", help=N_("Print the files to upload (new or changed) and to delete (made by sitegen, now gone).")
)
@root_option
@option("--unit", required=True, metavar=N_("ID"), help=N_("The unit whose site is deployed."))
@option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=N_("The new build's output, from the current folder [default: public in --root]."),
)
@option(
    "--against",
    type=click.Path(exists=True, path_type=Path),
    metavar=N_("DIR_OR_MANIFEST"),
    help=N_("The last deployed output folder, or its manifest file; without it everything is uploaded."),
)
@option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "upload", "delete"]),
    default="text",
    show_default=True,
    help=N_(
        "text: 'upload PATH' / 'delete PATH' lines; upload or delete: bare paths for rsync --files-from."
    ),
)
@option(
    "--removed",
    is_flag=True,
    help=N_("The unit left offices.yaml: delete every file its deployed manifest lists (needs --against)."),
)
def plan_command(
    root: Path, unit: str, out: Path | None, against: Path | None, fmt: str, removed: bool
) -> None:
    """Print the files to upload (new or changed) and to delete (made by sitegen, now gone)."""
    if not SLUG.match(unit):
        raise click.BadParameter(_("{unit!r} is not a unit id", unit=unit), param_hint="--unit")
    if removed and against is None:
        raise click.BadParameter(
            _("--removed plans against what is deployed: give --against"), param_hint="--removed"
        )
    if removed and unit in _units(root):
        raise click.BadParameter(
            _("unit {unit!r} is still in offices.yaml; remove it there first", unit=unit),
            param_hint="--removed",
        )
    target = output_path(out, root)
    try:
        new = {} if removed else built_manifest(target, unit)
        plan = make_plan(unit, new, deployed_manifest(against, unit) if against else None)
    except PlanError as exc:
        click.echo(_("error: {problem}", problem=exc), err=True)
        sys.exit(EXIT_USAGE)
    if fmt == "json":
        click.echo(json.dumps(plan.as_json(), indent=2))
    elif fmt in ("upload", "delete"):
        for path in plan.upload if fmt == "upload" else plan.delete:
            click.echo(path)
    else:
        for path in plan.upload:
            click.echo(f"upload {path}")
        for path in plan.delete:
            click.echo(f"delete {path}")
    first = _(" (no earlier manifest: first deploy)") if plan.first else ""
    click.echo(
        _(
            "{unit}: {upload} to upload, {delete} to delete, {unchanged} unchanged{first}",
            unit=unit,
            upload=len(plan.upload),
            delete=len(plan.delete),
            unchanged=plan.unchanged,
            first=first,
        ),
        err=True,
    )


@deploy_command.command(
    "removed", help=N_("Print, one a line, the units the host still holds but offices.yaml no longer names.")
)
@root_option
@option(
    "--against",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar=N_("DIR"),
    help=N_("The deployed output (as .ci/deployed fetches it)."),
)
def removed_command(root: Path, against: Path) -> None:
    """Print, one a line, the units the host still holds but offices.yaml no longer names."""
    for unit in removed_units(against, _units(root)):
        click.echo(unit)


def _units(root: Path) -> tuple[str, ...]:
    """The unit ids offices.yaml names (exit 1 with the problems when it cannot be read)."""
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems)
    if network is None:
        fail(problems.errors)
    return network.ids
