"""The build, start to end: offices.yaml + content/ -> site models -> files.

This module orchestrates; the components it calls know nothing of each other.
Parsing happens once for all units. Every unit is rendered and staged; only
if the whole build is free of errors are the staged sites swapped in.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sitegen.build import addresses
from sitegen.build.fingerprint import fingerprint, network_fingerprint, theme_digest
from sitegen.build.output import Output, SiteWriter, WriteStats
from sitegen.build.workers import Rendered, rendered
from sitegen.cms.admin import editor_files
from sitegen.config.offices import Network, Office, load_network
from sitegen.errors import BuildFailed, Problem, Problems
from sitegen.processes import in_background
from sitegen.render.feeds import OPML, feed_files, opml
from sitegen.render.json_feed import json_feed_files
from sitegen.render.pages import plan, render
from sitegen.render.search import FOLDER as SEARCH_FOLDER
from sitegen.render.search import IndexFiles, SearchUnavailable, index, inputs_digest, search_inputs
from sitegen.render.templates import Theme, load_theme
from sitegen.sources.bodies import Bodies
from sitegen.sources.office_vars import context
from sitegen.sources.photos import Resizer
from sitegen.sources.source import Source, load_sources, report_links, static_files
from sitegen.structure.model import Site, build_site
from sitegen.structure.pictures import Pictures

Progress = Callable[[str, int, int], None]
STALE_SEARCH = "+search-kept"  # marks a unit built with its previous search index


@dataclass
class Project:
    """The inputs of a build, parsed once: the network and every content source."""

    root: Path
    network: Network
    sources: list[Source]
    problems: Problems
    bodies: Bodies = field(default_factory=Bodies)
    static: dict[str, dict[str, Path]] = field(default_factory=dict)  # unit -> its own files by site path
    pictures: Pictures | None = None  # finds and checks the pictures pages show (sitegen.structure.pictures)
    _contexts: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    @property
    def themes_dir(self) -> Path:
        return self.root / "themes"

    def body(self, source: Source, office: Office) -> str:
        """The source's HTML as ``office`` publishes it; Markdown converted once per source."""
        prepared = self.bodies.get(source, trusted=source.meta.trusted_html or office.trusted_html)
        lang = source.lang or self.network.default_language
        ctx = self._contexts.get((office.id, lang))
        if ctx is None:
            ctx = self._contexts[(office.id, lang)] = context(office, self.network, lang)
        return prepared.render(ctx)  # sanitized when prepared unless trusted (sitegen.sources.bodies)


def load_project(
    root: Path,
    base_urls: dict[str, str] | None = None,
    bodies: Bodies | None = None,
) -> Project:
    """Read offices.yaml and all content; raise BuildFailed listing every problem."""
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems)
    if network is None:
        raise BuildFailed(problems.errors)
    if base_urls:
        network = replace(
            network,
            offices=tuple(
                replace(o, base_url=base_urls.get(o.id, o.base_url).rstrip("/") + "/")
                for o in network.offices
            ),
        )
    bodies = bodies if bodies is not None else Bodies()
    sources = load_sources(root / "content", network.ids, problems, bodies.cache)
    report_links(root / "themes", problems)  # a theme's files come from the repository only
    static = {o.id: static_files(root / "content", o.id, problems, o.trusted_static) for o in network.offices}
    for office in network.offices:
        if Theme(root / "themes", office.theme).leads_outside():
            problems.error(
                network.path,
                office.line,
                f"unit {office.id!r} names theme {office.theme!r}, "
                f"but themes/{office.theme} is a link to a folder outside themes/",
                "copy the theme into themes/ instead of linking to it",
            )
        elif not Theme(root / "themes", office.theme).exists():
            problems.error(
                network.path,
                office.line,
                f"unit {office.id!r} names theme {office.theme!r}, "
                f"which has no folder themes/{office.theme}/",
                "create it or use theme: default",
            )
    if any(p.path == problems.rel(network.path) for p in problems.errors):
        problems.raise_if_errors()  # without a sound network there is nothing to build against
    # Content errors do not stop here: the build goes on with every sound file so that one
    # run reports every problem (front matter, dates, office variables, links, feed ids).
    pictures = Pictures(root / "content", Resizer(bodies.cache), problems)
    return Project(root, network, sources, problems, bodies, static, pictures)


def build_now(now: datetime | None = None) -> datetime:
    """The build's notion of now: given, or SOURCE_DATE_EPOCH, or the clock."""
    if now is not None:
        return now
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)


@dataclass
class BuildResult:
    stats: dict[str, WriteStats]
    warnings: list[Problem]
    next_change: datetime | None = None  # when a rebuild would change the output
    removed_units: list[str] = field(default_factory=list)  # units gone from offices.yaml, now gone from out


class Models:
    """Site models built on demand, once each: the regional feed needs its units' models."""

    def __init__(
        self,
        project: Project,
        now: datetime,
        drafts: bool,
        known_ids: Callable[[str], dict[str, str]] = lambda _unit: {},
    ):
        self.project, self.now, self.drafts, self.known_ids = project, now, drafts, known_ids
        self._sites: dict[str, Site] = {}

    def __call__(self, office: Office) -> Site:
        site = self._sites.get(office.id)
        if site is None:
            site = self._sites[office.id] = build_site(
                office,
                self.project.network,
                self.project.sources,
                self.project.body,
                self.now,
                self.project.problems,
                self.drafts,
                self.project.static.get(office.id),
                self.known_ids(office.id),
                self.project.pictures.place if self.project.pictures else None,
            )
        return site


@dataclass
class _Unit:
    """A unit whose site must be rendered: its model, theme and what its output records."""

    site: Site
    theme: Theme
    stamp: str
    damaged: set[str]


@dataclass
class _Finishing:
    """A rendered unit waiting for its search index; then its writer closes.

    One unit waits at a time, so the pages kept for indexing never pile up.
    """

    site: Site
    writer: SiteWriter
    planned: set[str]
    search: Future[IndexFiles] | None  # the Pagefind index being made, None when the build already failed
    stats: dict[str, WriteStats]
    problems: Problems
    remember: Callable[[IndexFiles], None] | None = None  # keeps a freshly made index for later builds

    def finish(self) -> None:
        site, writer, problems = self.site, self.writer, self.problems
        if self.search is not None:
            try:
                files = self.search.result()
                if self.remember is not None:
                    self.remember(files)
            except SearchUnavailable as exc:
                problems.error(
                    "pyproject.toml", 0, str(exc), "sitegen builds every unit's search index with Pagefind"
                )
                files = []
            clash = next((path for path, _ in files if path in self.planned), None)
            if clash is not None:
                problems.error(
                    site.network.path,
                    site.office.line,
                    f"/{clash} is both a page and part of the search index",
                )
            elif not problems.errors:
                for path, data in files:
                    writer.write(path, data)
        self.stats[site.office.id] = writer.close()
        for rel in writer.foreign:
            problems.warning(
                writer.current / rel,
                0,
                "kept a file sitegen did not make",
                f"files of your own belong in content/offices/{site.office.id}/static/, "
                "which every build copies to the site",
            )


def _remember(project: Project, unit: str, digest: str) -> Callable[[IndexFiles], None]:
    """Keep a unit's newest index in the persistent cache: a build that changes none of the
    unit's pages (an edit elsewhere that only its regional feed shows) then skips Pagefind."""
    return lambda files: project.bodies.cache.put(f"search:{unit}", "index", (digest, files))


def _kept_index(output: Output, unit: str) -> IndexFiles:
    """The unit's search index files as the last build made them, to carry over unchanged."""
    kept = []
    for rel in sorted(output.manifest(unit)):
        path = output.root / unit / rel
        if rel.startswith(SEARCH_FOLDER + "/") and path.is_file():
            kept.append((rel, path.read_bytes()))
    return kept


def build(
    project: Project,
    out: Path | None,
    office_ids: list[str] | None = None,
    now: datetime | None = None,
    drafts: bool = False,
    progress: Progress | None = None,
    on_file: Callable[[Site, str, bytes], None] | None = None,
    verify: bool = False,
    prune: bool | None = None,
    index_search: bool = True,
    published: Path | None = None,
) -> BuildResult:
    """Build the chosen units (all by default) into ``out``/<id>/; ``out=None`` checks without writing.

    ``on_file`` sees every rendered file (``sitegen check`` follows links between units with it).
    ``verify`` compares every file on disk with its recorded digest, not only size and time.
    ``prune`` removes units gone from offices.yaml from ``out`` (default: when building every unit;
    a CI shard building its part of the network prunes too).
    ``index_search=False`` keeps each unit's search index as it was (the preview, between saves):
    such a unit is recorded as made without a fresh index, so the next indexing build redoes it.
    ``published`` is a folder whose manifests say what was published last: every page and feed
    they list must still be made (:mod:`sitegen.build.addresses`), or the build fails.
    """
    output = Output(out, project.root) if out is not None else None  # waits for any other build
    try:
        prune = not office_ids if prune is None else prune
        return _build(
            project,
            output,
            office_ids,
            build_now(now),
            drafts,
            progress,
            on_file,
            verify,
            prune,
            index_search,
            published,
        )
    finally:
        if output is not None:
            output.abort()  # after a commit there is nothing left to throw away; this frees the lock


def _build(
    project: Project,
    output: Output | None,
    office_ids: list[str] | None,
    now: datetime,
    drafts: bool,
    progress: Progress | None,
    on_file: Callable[[Site, str, bytes], None] | None,
    verify: bool,
    prune: bool,
    index_search: bool = True,
    published: Path | None = None,
) -> BuildResult:
    offices = [project.network.office(i) for i in office_ids] if office_ids else list(project.network.offices)
    problems = project.problems
    offices_yaml = project.network.path.read_bytes()
    theme_digests = cache(theme_digest)
    project.bodies.prepare_all(project.sources)  # the expensive part, once per source, in parallel

    models = Models(project, now, drafts, output.ids if output is not None else lambda _unit: {})

    @cache
    def network_opml() -> bytes:
        return opml(project.network, models)

    def network_files(_site: Site) -> list[tuple[str, bytes]]:
        return [(OPML, network_opml())]

    @cache
    def shared_stamp() -> str:
        return network_fingerprint(project.network, models)

    stats: dict[str, WriteStats] = {}
    changes: list[datetime] = []
    extras = [lambda s: feed_files(s, models), lambda s: json_feed_files(s, models), network_files]
    extras.append(lambda s: editor_files(project.network, s.office, project.themes_dir))  # admin/, if any
    todo: list[_Unit] = []
    last = addresses.Published(published, project.network.feed_items) if published is not None else None

    def keep_addresses(site: Site, files: set[str]) -> None:
        """Every page and feed published last is still made (see sitegen.build.addresses)."""
        if last is not None:
            addresses.check(site, files, project.sources, last, problems)

    for n, office in enumerate(offices, 1):
        if progress:
            progress(office.id, n, len(offices))
        site = models(office)  # may have been built already, for the regional feed or the OPML
        if site.next_change:
            changes.append(site.next_change)
        theme = load_theme(project.themes_dir, office.theme)
        stamp = ""
        damaged: set[str] = set()
        if output is not None and not problems.errors:
            stamp = fingerprint(site, models, theme_digests(theme), offices_yaml, drafts, shared_stamp())
            recorded = output.fingerprint(office.id)
            # same inputs (an index kept from before is fine when none is wanted now), intact: skip
            current = recorded == stamp or (not index_search and recorded == stamp + STALE_SEARCH)
            stamp += "" if index_search else STALE_SEARCH
            damaged = output.damaged(office.id, verify)  # files deleted or changed on disk are rewritten
            if current and not damaged:
                stats[office.id] = WriteStats(unchanged=len(output.manifest(office.id)))
                keep_addresses(site, set(output.manifest(office.id)))
                continue
        todo.append(_Unit(site, theme, stamp, damaged))
    if len(todo) > 1:
        for office in project.network.offices:
            models(office)  # every model the regional feeds need, built once before workers share them
        if output is not None:
            network_opml()

    def render_one(index: int) -> Rendered:
        unit = todo[index]
        found = Problems(project.root)
        planned = plan(unit.site, unit.theme, found, extras)
        if found.errors:
            return Rendered(problems=found.items, planned_ok=False)
        files = list(render(unit.site, planned, found))
        listed = {p.path for p in planned if p.listed}
        return Rendered(files, {p.path for p in planned}, listed, found.items)

    finishing: _Finishing | None = None
    for unit, result in zip(todo, rendered(len(todo), render_one, project.bodies.jobs), strict=True):
        site = unit.site
        for problem in result.problems:
            problems.add(problem)
        if not result.planned_ok:
            continue  # two files claim one output path: reported with their sources, nothing written
        keep_addresses(site, result.planned)
        # Once anything is wrong the build will fail: it goes on rendering, to report every
        # problem in one run (a unit with a broken page too), but stages nothing more.
        writer = (
            output.site(site.office.id, unit.stamp, unit.damaged) if output and not problems.errors else None
        )
        if writer:
            writer.ids = {p.read_from.rel: p.feed_id for p in site.pages if p.feed_id}
        indexed: list[tuple[str, str]] = []
        for path, data in result.files:
            if writer:
                writer.write(path, data)
            if on_file:
                on_file(site, path, data)
            if path in result.listed:
                indexed.append((path, data.decode("utf-8")))
        if finishing is not None:
            finishing.finish()  # the previous unit's index is ready by now, or nearly
            finishing = None
        if writer:
            # Pagefind indexes this unit in its own process while the next unit is written here.
            search: Future[IndexFiles] | None = None  # no index once the build has failed
            remember = None
            if not problems.errors and index_search:
                urls, language = search_inputs(site, indexed)
                digest = inputs_digest(urls, language)
                known = project.bodies.cache.get(f"search:{site.office.id}", "index")
                if known is not None and known[0] == digest:  # the same pages: the same index
                    search = Future[IndexFiles]()
                    search.set_result(known[1])
                else:
                    search = in_background(index, urls, language)  # one Pagefind run beside the rendering
                    remember = _remember(project, site.office.id, digest)
            elif not problems.errors and output is not None:
                search = Future[IndexFiles]()
                search.set_result(_kept_index(output, site.office.id))
            finishing = _Finishing(site, writer, result.planned, search, stats, problems, remember)
    if finishing is not None:
        finishing.finish()
    project.bodies.cache.save()  # the search indexes just made
    if problems.errors:
        raise BuildFailed(problems.errors)
    removed: list[str] = []
    if output is not None and prune:
        removed = [u for u in output.units() if u not in project.network.ids]
        for gone in removed:  # a unit that left offices.yaml leaves the output too
            output.remove_unit(gone)
    if output:
        output.commit()
    return BuildResult(stats, problems.warnings, min(changes, default=None), removed)
