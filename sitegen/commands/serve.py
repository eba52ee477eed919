"""`sitegen serve`: preview every unit on 127.0.0.1, rebuilt and reloaded on save."""

from __future__ import annotations

import signal
from pathlib import Path

import click

from sitegen.cms import local as local_editor
from sitegen.commands.common import report, root_option
from sitegen.commands.language import command, option
from sitegen.i18n import N_, _, ngettext
from sitegen.serve.builder import PreviewBuilder
from sitegen.serve.livereload import Generation
from sitegen.serve.server import serve
from sitegen.serve.watcher import Watcher


@command(
    "serve", help=N_("Serve all units with live reload; content errors show in the browser, not as a crash.")
)
@root_option
@option("--port", default=8000, show_default=True, help=N_("Port on 127.0.0.1 (0 picks a free one)."))
@option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help=N_("Address to bind. Only 127.0.0.1 unless you name another explicitly."),
)
@option(
    "--poll", is_flag=True, help=N_("Poll for changes (network drives, containers) instead of file events.")
)
@option(
    "--cms",
    is_flag=True,
    help=N_(
        "Also run the web editor (each unit's /admin/) against this clone, with decap-server on 127.0.0.1."
    ),
)
def serve_command(root: Path, port: int, host: str, poll: bool, cms: bool) -> None:
    """Serve all units with live reload; content errors show in the browser, not as a crash."""
    proxy = None
    if cms:
        proxy = local_editor.start(root.resolve())  # exits with the install command when Node.js is missing
    try:
        _serve(root, port, host, poll, proxy)
    finally:
        if proxy is not None:
            proxy.stop()


def _serve(root: Path, port: int, host: str, poll: bool, proxy: local_editor.Proxy | None) -> None:
    builder = PreviewBuilder(root.resolve(), Generation())
    # SIGTERM (a closed terminal, a stopped container) ends the preview like Ctrl+C: cleaned up
    signal.signal(signal.SIGTERM, _interrupt)
    watcher = server = None
    try:
        builder.rebuild()
        if builder.generation.problems:
            report(builder.generation.problems)
        server = serve(builder, host, port)

        def changed(paths: set[str]) -> None:
            units = builder.rebuild(paths)
            if builder.generation.problems:
                count = len(builder.generation.problems)
                click.echo(
                    ngettext(
                        "{count} problem; the browser shows it",
                        "{count} problems; the browser shows them",
                        count,
                    ),
                    err=True,
                )
                report(builder.generation.problems)
            else:
                click.echo(_rebuilt(units, builder.last_seconds, paths), err=True)

        watcher = Watcher(builder.root, changed, poll=poll)
        watcher.start()
        click.echo(_("Serving every unit at {url} (Ctrl+C stops)", url=server.url), err=True)
        if proxy is not None:
            click.echo(
                _(
                    "Web editor: {url}<unit>/admin/ (decap-server at {proxy}, writing into {root})",
                    url=server.url,
                    proxy=proxy.url,
                    root=root,
                ),
                err=True,
            )
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if watcher is not None:
            watcher.stop()
        if server is not None:
            server.server_close()
        builder.close()  # the preview's temporary output goes with it


def _rebuilt(units: set[str], seconds: float, paths: set[str]) -> str:
    """The line a save prints: the units built again, or that the change touched none of them."""
    changed = ", ".join(sorted(paths))
    if not units:
        return _("nothing to rebuild ({paths})", paths=changed)
    return _(
        "rebuilt {units} in {seconds} s ({paths})",
        units=", ".join(sorted(units)),
        seconds=f"{seconds:.2f}",
        paths=changed,
    )


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
