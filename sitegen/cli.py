"""The command line: a thin layer over the build, one module per command.

Exit codes: 0 success, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import click

from sitegen import __version__, i18n
from sitegen.commands.common import Commands
from sitegen.commands.language import Option, option, speak_through_catalog
from sitegen.i18n import N_

# Each command is imported when it is called, so `sitegen build` does not load the preview
# server, the importer or the deploy tools: a build that has nothing to do starts fast.
COMMANDS = {
    name: f"sitegen.commands.{module}:{name}_command"
    for name, module in {
        "build": "build",
        "check": "check",
        "cms": "cms",
        "deploy": "deploy",
        "feeds": "feeds",
        "import": "import_",
        "mv": "mv",
        "new": "new",
        "offices": "offices",
        "schema": "schema",
        "serve": "serve",
        "units": "units",
    }.items()
}


speak_through_catalog()  # click's own words ("Usage:", "Error: ...") in the language chosen below


@click.group(
    cls=Commands,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("Build one website per immigration unit from content/ and offices.yaml."),
)
@click.version_option(__version__, prog_name="sitegen", cls=Option, help=N_("Show the version and exit."))
@option(
    "--lang",
    type=click.Choice(i18n.LANGUAGES),
    default=None,
    is_eager=True,
    expose_value=False,  # spoken from before anything is said (sitegen.commands.common.Commands.parse_args)
    help=N_(
        "Language of the messages: id (Indonesian, the default) or en; "
        "without it, a locale starting with en (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) means English."
    ),
)
def main() -> None:
    """Build one website per immigration unit from content/ and offices.yaml."""
