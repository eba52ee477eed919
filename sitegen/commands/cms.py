"""`sitegen cms`: the web editor's generated files (CODEOWNERS; a unit's config.yml to read)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sitegen.cms.admin import VendorError
from sitegen.cms.codeowners import FILE, codeowners
from sitegen.cms.config import config_yaml, editor_config
from sitegen.commands.common import EXIT_CONTENT, fail, root_option
from sitegen.commands.language import command, option
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.i18n import N_, _


@command(
    "cms",
    help=N_(
        "Write CODEOWNERS from offices.yaml; every build writes each unit's editor to its site's admin/."
    ),
)
@root_option
@option(
    "--check", is_flag=True, help=N_("Only say whether CODEOWNERS is current (exit 1 if not); CI runs this.")
)
@option(
    "--show", "show", metavar=N_("ID"), help=N_("Print the editor configuration (config.yml) of one unit.")
)
def cms_command(root: Path, check: bool, show: str | None) -> None:
    """Write CODEOWNERS from offices.yaml; every build writes each unit's editor to its site's admin/."""
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems)
    if network is None:
        fail(problems.items)
    if show is not None:
        if show not in network.ids:
            raise click.BadParameter(
                _("unknown unit {unit!r}; known: {known}", unit=show, known=", ".join(network.ids)),
                param_hint="--show",
            )
        try:
            click.echo(config_yaml(editor_config(network, network.office(show))), nl=False)
        except VendorError as exc:
            click.echo(_("error: {problem}", problem=exc), err=True)
            sys.exit(EXIT_CONTENT)
        return
    wanted = codeowners(network)
    path = root / FILE
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check:
        if current != wanted:
            click.echo(
                _("{file}: not what offices.yaml says (run `sitegen cms` and commit it)", file=FILE), err=True
            )
            sys.exit(EXIT_CONTENT)
        click.echo(_("{file} is current", file=FILE))
        return
    if current == wanted:
        click.echo(_("{file} is current", file=FILE))
        return
    path.write_text(wanted, encoding="utf-8")
    click.echo(_("wrote {file}", file=FILE))
