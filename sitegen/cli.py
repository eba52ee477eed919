"""The command line: a thin layer over the build, one module per command.

Exit codes: 0 success, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import click

from sitegen import __version__
from sitegen.commands.build import build_command
from sitegen.commands.check import check_command
from sitegen.commands.cms import cms_command
from sitegen.commands.common import Commands
from sitegen.commands.deploy import deploy_command
from sitegen.commands.feeds import feeds_command
from sitegen.commands.import_ import import_command
from sitegen.commands.mv import mv_command
from sitegen.commands.new import new_command
from sitegen.commands.offices import offices_command
from sitegen.commands.schema import schema_command
from sitegen.commands.serve import serve_command
from sitegen.commands.units import units_command


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitegen")
def main() -> None:
    """Build one website per immigration unit from content/ and offices.yaml."""


main.add_command(build_command)
main.add_command(offices_command)
main.add_command(feeds_command)
main.add_command(serve_command)
main.add_command(new_command)
main.add_command(mv_command)
main.add_command(check_command)
main.add_command(units_command)
main.add_command(import_command)
main.add_command(deploy_command)
main.add_command(schema_command)
main.add_command(cms_command)
