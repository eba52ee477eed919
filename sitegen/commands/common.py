"""What every command shares: finding the project, reporting problems, exit codes."""

from __future__ import annotations

import errno
import gc
import importlib
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from sitegen import i18n
from sitegen.commands.language import Group, option
from sitegen.errors import BuildFailed, Problem
from sitegen.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from sitegen.build.project import Project
    from sitegen.sources.bodies import Bodies

EXIT_CONTENT = 1
EXIT_USAGE = 2

root_option = option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help=N_("Repository holding offices.yaml, content/ and themes/."),
)


PUBLISHED = "public"  # the output folder inside --root when --out (or --against) is not given


def output_path(given: Path | None, root: Path) -> Path:
    """Where an output-side path option points: as typed, from the current folder; unset, public/ in --root.

    Why from the current folder: every shell, every tool and every other path on the command line
    is read that way, so `sitegen build --root site --out /tmp/x` and `--out x` agree on where x is.
    """
    return root / PUBLISHED if given is None else given


def report(problems: Iterable[Problem]) -> None:
    """Print problems as path:line: message (hint), errors and warnings alike."""
    for problem in problems:
        click.echo(str(problem), err=True)


def open_project(
    root: Path, base_urls: dict[str, str] | None = None, bodies: Bodies | None = None
) -> Project:
    """Load the project or exit 1 after listing every problem."""
    from sitegen.build.project import load_project

    try:
        project = load_project(root, base_urls, bodies)
    except BuildFailed as exc:
        fail(exc.problems)
    _collect_less()
    return project


def _collect_less() -> None:
    """Keep Python's cycle collector off what a command holds to its end.

    A command's process opens one project and holds it (sources, front matter, bodies)
    until it exits. The collector scanned those objects again on every full pass: 0.4 s
    of a one-item edit in a unit of 5,000. They are frozen out of its scans, and new
    objects are collected in larger batches; memory stayed the same in the benchmarks.
    """
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def fail(problems: list[Problem]) -> NoReturn:
    report(problems)
    errors = sum(1 for p in problems if p.severity == "error")
    click.echo(
        ngettext("{count} error; nothing was written.", "{count} errors; nothing was written.", errors),
        err=True,
    )
    sys.exit(EXIT_CONTENT)


def parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(_("write it as 2026-11-24T09:00+07:00"), param_hint="--now") from None
    if moment.tzinfo is None:
        raise click.BadParameter(_("give an offset, e.g. 2026-11-24T09:00+07:00"), param_hint="--now")
    return moment


# What a person can do about each failure of the machine (not of the content).
_OS_HINTS = {
    errno.ENOSPC: (N_("the disk is full"), N_("free some space, then run again")),
    errno.EDQUOT: (N_("the disk quota is used up"), N_("free some space, then run again")),
    errno.EFBIG: (
        N_("the file is larger than this system allows"),
        N_("raise the file size limit, or free space"),
    ),
    errno.EROFS: (N_("the folder is read-only"), N_("choose a writable folder (--out) or make it writable")),
    errno.EACCES: (N_("permission denied"), N_("check the owner and permissions of the file and its folder")),
    errno.EPERM: (N_("not permitted"), N_("check the owner and permissions of the file and its folder")),
    errno.ENAMETOOLONG: (
        N_("the name is too long for the file system"),
        N_("use a shorter title or slug, or a shorter folder path (--root, --out, --cache-dir)"),
    ),
    errno.EIO: (N_("the disk reported an input/output error"), N_("check the disk, then run again")),
    errno.ENOTDIR: (N_("a part of the path is a file, not a folder"), N_("move that file away")),
}


def os_error_message(exc: OSError) -> str:
    """One line naming the path and what to do: a full disk is not a bug in sitegen."""
    known = _OS_HINTS.get(exc.errno or 0)
    what, hint = (
        (_(known[0]), _(known[1])) if known else (exc.strerror or type(exc).__name__, _("check the path"))
    )
    path = exc.filename if exc.filename is not None else _("(unknown path)")
    other = f" -> {exc.filename2}" if exc.filename2 is not None else ""
    return _("error: {path}: {what} ({hint})", path=f"{path}{other}", what=what, hint=hint)


def _choose_language_first(args: list[str]) -> None:
    """Speak the language a group-level ``--lang`` names, wherever among the group's options it is;
    without one, the environment's (as the option's own default says)."""
    chosen: str | None = None
    words = iter(args)
    for word in words:
        if word == "--lang":
            chosen = next(words, None)
        elif word.startswith("--lang="):
            chosen = word.partition("=")[2]
        elif not word.startswith("-"):
            break  # the command's name: what follows is the command's own
    i18n.use(chosen if chosen in i18n.LANGUAGES else None)


class Commands(Group):
    """The command group: an error of the machine (disk, permissions) ends any command with one line, exit 1.

    ``lazy`` names commands by "module:attribute", imported only when listed or called.
    """

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """``--lang`` chosen before anything is said: ``sitegen --help --lang en`` answers in English.

        click reads eager options in the order they are written, so a ``--help`` before
        ``--lang`` would print in the other language.
        """
        _choose_language_first(args)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, _sep, attribute = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's own, with the did-you-mean drawn from every command, not only those imported so far."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            known = self.list_commands(ctx)
            raise click.exceptions.NoSuchCommand(exc.command_name, possibilities=known, ctx=ctx) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            sys.exit(EXIT_CONTENT)  # the reader of our output went away (| head): nothing to tell
        except OSError as exc:
            click.echo(os_error_message(exc), err=True)
            sys.exit(EXIT_CONTENT)
