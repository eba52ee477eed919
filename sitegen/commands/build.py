"""`sitegen build`: every unit's site into public/<id>/."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sitegen import i18n
from sitegen.build import stamp
from sitegen.build.shards import Shard
from sitegen.commands.common import (
    EXIT_USAGE,
    fail,
    open_project,
    output_path,
    parse_now,
    report,
    root_option,
)
from sitegen.commands.language import command, option
from sitegen.commands.selection import changed_since_option, select_units, shard_option
from sitegen.dates import build_now
from sitegen.errors import BuildFailed
from sitegen.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from sitegen.build.pipeline import BuildResult


def _base_urls(values: tuple[str, ...]) -> dict[str, str]:
    if not values:
        return {}  # the checks' module (and YAML with it) loads only when there is an address to check
    from sitegen.config.readers import url_problem

    pairs = {}
    for value in values:
        office_id, sep, url = value.partition("=")
        if not sep or url_problem(url, ("http", "https"), query=False):
            raise click.BadParameter(
                _("{value!r}: write ID=https://host/path/", value=value), param_hint="--base-url"
            )
        pairs[office_id] = url
    return pairs


@command("build", help=N_("Build every unit's site (or those --office, --changed-since and --shard choose)."))
@root_option
@option("--office", "offices", multiple=True, metavar=N_("ID"), help=N_("Build only this unit (repeatable)."))
@changed_since_option
@shard_option
@option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help=N_("Output folder, from the current folder [default: public in --root]."),
)
@option(
    "--base-url",
    "base_urls",
    multiple=True,
    metavar=N_("ID=URL"),
    help=N_("Publish a unit at another address."),
)
@option("--drafts", is_flag=True, help=N_("Include pages marked draft: true."))
@option("--now", "now", metavar=N_("TIME"), help=N_("Build as if at this moment (ISO 8601 with offset)."))
@option(
    "--jobs",
    "-j",
    type=click.IntRange(1),
    default=os.cpu_count() or 1,
    show_default=N_("cores"),
    help=N_("Processes converting Markdown."),
)
@option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=N_("Persistent cache folder, from the current folder [default: .sitegen-cache in --root]."),
)
@option("--no-cache", is_flag=True, help=N_("Neither read nor write the persistent cache."))
@option("--verify", is_flag=True, help=N_("Compare every file on disk with its recorded digest, and repair."))
@option(
    "--against",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help=N_(
        "What was published last: a folder of .sitegen/<id>.json manifests, from the current folder "
        "[default: --out]."
    ),
)
@option("--quiet", "-q", is_flag=True, help=N_("Print only problems."))
def build_command(
    root: Path,
    offices: tuple[str, ...],
    changed_since: str | None,
    shard: Shard | None,
    out: Path | None,
    base_urls: tuple[str, ...],
    drafts: bool,
    now: str | None,
    jobs: int,
    cache_dir: Path | None,
    no_cache: bool,
    verify: bool,
    against: Path | None,
    quiet: bool,
) -> None:
    """Build every unit's site (or those --office, --changed-since and --shard choose)."""
    started = time.perf_counter()
    overrides = _base_urls(base_urls)
    moment = build_now(parse_now(now))  # one moment for the stamp's window and the build itself
    target = output_path(out, root)
    # a plain build may find, by sizes and times alone, that it would change nothing
    plain = changed_since is None and shard is None and not (verify or no_cache or against)
    options = (str(root.resolve()), str(target.resolve()), offices, sorted(overrides.items()), drafts)
    look = stamp.Look.take(root, options, i18n.current()) if plain else None
    if look is not None:
        kept = stamp.load(target)
        if kept is not None and kept.holds(look, target, moment):
            _replay(kept, target, quiet, started)
            return
        stamp.forget(target)

    from sitegen.build import OutputError
    from sitegen.build.pipeline import BuildOptions, build
    from sitegen.sources.bodies import Bodies
    from sitegen.sources.cache import CACHE_DIR, Cache

    cache = Cache(None if no_cache else (cache_dir or root / CACHE_DIR) / "cache.sqlite")
    project = open_project(root, overrides, Bodies(cache, jobs))
    _known_units(overrides, project.network.ids)
    chosen = select_units(project, offices, changed_since, shard)
    if (changed_since is not None or shard is not None) and not _announce(chosen, changed_since, shard):
        return  # nothing affected: the output stays exactly as it is

    def progress(office_id: str, n: int, total: int) -> None:
        if not quiet:
            click.echo(f"[{n}/{total}] {office_id}", err=True)

    try:
        build_options = BuildOptions(
            out=target,
            office_ids=chosen if chosen != list(project.network.ids) else None,
            now=moment,
            drafts=drafts,
            progress=progress,
            verify=verify,
            prune=not offices,  # a unit gone from offices.yaml leaves this output (a shard's too)
            published=against or target,  # every page and feed published there must still answer
        )
        result = build(project, build_options)
    except BuildFailed as exc:
        fail(exc.problems)
    except OutputError as exc:
        click.echo(_("error: {problem}", problem=exc), err=True)
        sys.exit(EXIT_USAGE)
    report(result.warnings)
    if look is not None and look.settled:
        _keep_stamp(target, look, moment, result)
    for unit in result.removed_units:
        click.echo(_("removed unit {unit}: it is no longer in offices.yaml", unit=unit), err=True)
    if not quiet:
        stats = result.stats.values()
        written, unchanged = sum(s.written for s in stats), sum(s.unchanged for s in stats)
        _summary(len(result.stats), target, written, unchanged, sum(s.removed for s in stats), started)
    if result.next_change:
        # for schedulers: the output changes at this moment (a page appears or an announcement expires)
        click.echo(_("next change: {moment}", moment=result.next_change.isoformat()), err=True)


def _known_units(overrides: dict[str, str], known: tuple[str, ...]) -> None:
    """Every unit ``--base-url`` names is in offices.yaml."""
    for office_id in overrides:
        if office_id not in known:
            raise click.BadParameter(
                _("unknown unit {unit!r}; known: {known}", unit=office_id, known=", ".join(known)),
                param_hint="--base-url",
            )


def _announce(chosen: list[str], changed_since: str | None, shard: Shard | None) -> bool:
    """Say which units --changed-since and --shard chose; False when none."""
    filters = ", ".join(
        f
        for f in (
            changed_since and _("changed since {revision}", revision=changed_since),
            shard and _("shard {shard}", shard=shard),
        )
        if f
    )
    click.echo(
        _("units to build ({filters}): {units}", filters=filters, units=", ".join(chosen) or _("none")),
        err=True,
    )
    return bool(chosen)


def _keep_stamp(target: Path, look: stamp.Look, moment: datetime, result: BuildResult) -> None:
    """Record what this build looked at, so an identical next build can stop at the look."""
    stamp.save(
        target,
        stamp.Stamp(
            inputs=look.inputs,
            outputs=stamp.outputs_digest(target),
            now=moment.isoformat(),
            until=stamp.until(moment, result.next_change).isoformat(),
            messages=[str(w) for w in result.warnings],
            sites=len(result.stats),
            files=sum(s.written + s.unchanged for s in result.stats.values()),
            next_change=result.next_change.isoformat() if result.next_change else None,
        ),
    )


def _summary(sites: int, target: Path, written: int, unchanged: int, removed: int, started: float) -> None:
    click.echo(
        ngettext(
            "{count} site in {target}: {written} written, {unchanged} unchanged, {removed} removed ({seconds} s)",
            "{count} sites in {target}: {written} written, {unchanged} unchanged, {removed} removed ({seconds} s)",
            sites,
            target=target,
            written=written,
            unchanged=unchanged,
            removed=removed,
            seconds=f"{time.perf_counter() - started:.2f}",
        ),
        err=True,
    )


def _replay(kept: stamp.Stamp, target: Path, quiet: bool, started: float) -> None:
    """Say what the last build said: its output stands as it left it."""
    for message in kept.messages:
        click.echo(message, err=True)
    if not quiet:
        _summary(kept.sites, target, 0, kept.files, 0, started)
    if kept.next_change:
        click.echo(_("next change: {moment}", moment=kept.next_change), err=True)
