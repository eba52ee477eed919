"""`sitegen schema`: the JSON Schemas of offices.yaml and of front matter, or their tables of keys.

Both are derived from the one declaration of each contract (sitegen.config.offices_keys.OFFICES,
sitegen.sources.front_matter_keys.FRONT_MATTER), so an editor's text editor, the web editor's
forms and other tools check the very keys and limits the build checks. The repository
keeps copies under schemas/; a test fails when they differ from what this prints.
"""

from __future__ import annotations

import json
from typing import Any

import click

from sitegen.commands.language import argument, command, option
from sitegen.config import offices_keys, schema
from sitegen.i18n import N_
from sitegen.sources import front_matter_keys
from sitegen.sources.layout import DATED_SECTIONS

CONTRACTS = ("offices", "front-matter")


def json_text(contract: str) -> str:
    """The JSON Schema of ``contract`` as the files in schemas/ hold it (two-space indents, a final newline)."""
    document: dict[str, Any] = (
        offices_keys.json_schema() if contract == "offices" else front_matter_keys.json_schema(DATED_SECTIONS)
    )
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def markdown(contract: str) -> str:
    """The documentation's table of keys of ``contract``."""
    if contract == "offices":
        return schema.markdown_table(offices_keys.OFFICES)
    return schema.markdown_table(front_matter_keys.FRONT_MATTER)


@command("schema", help=N_("Print the JSON Schema of offices.yaml or of front matter (draft 2020-12)."))
@argument("contract", type=click.Choice(CONTRACTS))
@option("--markdown", "as_markdown", is_flag=True, help=N_("Print the table of keys for the documentation."))
def schema_command(contract: str, as_markdown: bool) -> None:
    """Print the JSON Schema of offices.yaml or of front matter (draft 2020-12)."""
    click.echo(markdown(contract) if as_markdown else json_text(contract), nl=False)
