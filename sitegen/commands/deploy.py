"""`sitegen deploy plan`: which files a deploy uploads and deletes, from the units' manifests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..config import SLUG
from ..deploy_plan import PlanError, built_manifest, deployed_manifest, make_plan
from .common import EXIT_USAGE, root_option


@click.group("deploy")
def deploy_command() -> None:
    """Prepare a deploy of the built sites."""


@deploy_command.command("plan")
@root_option
@click.option("--unit", required=True, metavar="ID", help="The unit whose site is deployed.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
    help="The new build's output.",
)
@click.option(
    "--against",
    type=click.Path(exists=True, path_type=Path),
    metavar="DIR_OR_MANIFEST",
    help="The last deployed output folder, or its manifest file; without it everything is uploaded.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "upload", "delete"]),
    default="text",
    show_default=True,
    help="text: 'upload PATH' / 'delete PATH' lines; upload or delete: bare paths for rsync --files-from.",
)
def plan_command(root: Path, unit: str, out: Path, against: Path | None, fmt: str) -> None:
    """Print the files to upload (new or changed) and to delete (made by sitegen, now gone)."""
    if not SLUG.match(unit):
        raise click.BadParameter(f"{unit!r} is not a unit id", param_hint="--unit")
    target = out if out.is_absolute() else root / out
    try:
        plan = make_plan(
            unit, built_manifest(target, unit), deployed_manifest(against, unit) if against else None
        )
    except PlanError as exc:
        click.echo(f"error: {exc}", err=True)
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
    first = " (no earlier manifest: first deploy)" if plan.first else ""
    click.echo(
        f"{unit}: {len(plan.upload)} to upload, {len(plan.delete)} to delete, "
        f"{plan.unchanged} unchanged{first}",
        err=True,
    )
