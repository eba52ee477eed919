"""What every command shares: finding the project, reporting problems, exit codes."""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

import click

from sitegen.build.pipeline import Project, load_project
from sitegen.errors import BuildFailed, Problem
from sitegen.sources.bodies import Bodies

EXIT_CONTENT = 1
EXIT_USAGE = 2

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Repository holding offices.yaml, content/ and themes/.",
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
    try:
        return load_project(root, base_urls, bodies)
    except BuildFailed as exc:
        fail(exc.problems)


def fail(problems: list[Problem]) -> NoReturn:
    report(problems)
    errors = sum(1 for p in problems if p.severity == "error")
    click.echo(f"{errors} error(s); nothing was written.", err=True)
    sys.exit(EXIT_CONTENT)


def parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("write it as 2026-11-24T09:00+07:00", param_hint="--now") from None
    if moment.tzinfo is None:
        raise click.BadParameter("give an offset, e.g. 2026-11-24T09:00+07:00", param_hint="--now")
    return moment


# What a person can do about each failure of the machine (not of the content).
_OS_HINTS = {
    errno.ENOSPC: ("the disk is full", "free some space, then run again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, then run again"),
    errno.EFBIG: ("the file is larger than this system allows", "raise the file size limit, or free space"),
    errno.EROFS: ("the folder is read-only", "choose a writable folder (--out) or make it writable"),
    errno.EACCES: ("permission denied", "check the owner and permissions of the file and its folder"),
    errno.EPERM: ("not permitted", "check the owner and permissions of the file and its folder"),
    errno.ENAMETOOLONG: ("the name is too long for the file system", "use a shorter title or slug"),
    errno.EIO: ("the disk reported an input/output error", "check the disk, then run again"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "move that file away"),
}


def os_error_message(exc: OSError) -> str:
    """One line naming the path and what to do: a full disk is not a bug in sitegen."""
    what, hint = _OS_HINTS.get(exc.errno or 0, (exc.strerror or type(exc).__name__, "check the path"))
    path = exc.filename if exc.filename is not None else "(unknown path)"
    other = f" -> {exc.filename2}" if exc.filename2 is not None else ""
    return f"error: {path}{other}: {what} ({hint})"


class Commands(click.Group):
    """The command group: an error of the machine (disk, permissions) ends any command with one line, exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            sys.exit(EXIT_CONTENT)  # the reader of our output went away (| head): nothing to tell
        except OSError as exc:
            click.echo(os_error_message(exc), err=True)
            sys.exit(EXIT_CONTENT)
