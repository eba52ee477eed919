"""`sitegen import wordpress EXPORT.xml --office ID`: an old WordPress site's posts and pages into a unit."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sitegen.commands.common import EXIT_CONTENT, EXIT_USAGE, fail, root_option
from sitegen.commands.language import argument, group, option
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.i18n import N_, _
from sitegen.wordpress.record import RecordError
from sitegen.wordpress.wxr import WxrError

# The importer's own libraries come with an extra, so a site that never imports does not install them.
IMPORTER_MODULES = ("bs4", "markdownify")
INSTALL_IMPORTER = (
    "pip install 'sitegen[wordpress]' (in a checkout: pip install -c constraints.txt -e '.[wordpress]')"
)


@group("import", help=N_("Bring an existing site's content into a unit's folder."))
def import_command() -> None:
    """Bring an existing site's content into a unit's folder."""


@import_command.command(
    "wordpress",
    help=N_(
        "Import a WordPress export (Tools → Export → All content) into content/offices/<ID>/.\n\n"
        "Safe to run again: it updates the files it made and leaves files an editor changed."
    ),
)
@root_option
@argument("export", metavar=N_("EXPORT"), type=click.Path(dir_okay=False, path_type=Path))
@option("--office", "office_id", required=True, metavar=N_("ID"), help=N_("The unit the content belongs to."))
@option(
    "--uploads",
    type=click.Path(file_okay=False, path_type=Path),
    metavar=N_("DIR"),
    help=N_("A copy of the old site's wp-content/uploads/; its files are copied into the unit's static/."),
)
@option(
    "--pages-into",
    "pages_section",
    default="profil",
    show_default=True,
    metavar=N_("SECTION"),
    help=N_("The section the old site's pages go into."),
)
@option("--dry-run", is_flag=True, help=N_("Report what would happen; write nothing."))
def wordpress_command(
    root: Path, export: Path, office_id: str, uploads: Path | None, pages_section: str, dry_run: bool
) -> None:
    """Import a WordPress export (Tools → Export → All content) into content/offices/<ID>/.

    Safe to run again: it updates the files it made and leaves files an editor changed.
    """
    try:
        from sitegen.wordpress.importer import ImportRefused, import_wordpress
        from sitegen.wordpress.report import lines
    except ModuleNotFoundError as exc:
        if exc.name not in IMPORTER_MODULES:
            raise
        click.echo(
            _(
                "error: the WordPress importer needs {library}, which is not installed: {install}",
                library=exc.name,
                install=INSTALL_IMPORTER,
            ),
            err=True,
        )
        sys.exit(EXIT_USAGE)
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems)
    if network is None:
        fail(problems.items)
    if not export.is_file():
        click.echo(
            _("error: {path}: no such file (give the .xml file WordPress exported)", path=export), err=True
        )
        sys.exit(EXIT_USAGE)
    try:
        result = import_wordpress(root, network, office_id, export, problems, uploads, pages_section, dry_run)
    except ImportRefused as exc:
        click.echo(_("error: {problem}", problem=exc), err=True)
        sys.exit(EXIT_USAGE)
    except WxrError as exc:
        where = f"{export}:{exc.line}" if exc.line else str(export)
        hint = f" ({exc.hint})" if exc.hint else ""
        click.echo(f"{where}: {exc.message}{hint}", err=True)
        sys.exit(EXIT_CONTENT)
    except RecordError as exc:
        click.echo(_("error: {problem}", problem=exc), err=True)
        sys.exit(EXIT_CONTENT)
    except OSError as exc:
        click.echo(
            _("error: {path}: {problem}", path=exc.filename or export, problem=exc.strerror or exc), err=True
        )
        sys.exit(EXIT_USAGE)
    for line in lines(result, problems):
        click.echo(line)
