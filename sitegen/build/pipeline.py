"""The build, start to end: offices.yaml + content/ -> site models -> files.

This module orchestrates; the components it calls know nothing of each other.
Parsing happens once for all units. Every unit is rendered and staged; only
if the whole build is free of errors are the staged sites swapped in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen.build import addresses, search_shelves
from sitegen.build.fingerprint import fingerprint, network_fingerprint, theme_digest
from sitegen.build.output import Output
from sitegen.build.project import Models, Project
from sitegen.build.staging import SiteWriter, WriteStats
from sitegen.build.workers import Record, Rendered, chunk, rendered, split, worker_count
from sitegen.cms.admin import editor_files
from sitegen.dates import build_now
from sitegen.errors import BuildFailed, Problem, Problems
from sitegen.i18n import _
from sitegen.processes import in_background
from sitegen.render import search as searching
from sitegen.render.search import SearchUnavailable, Shelf
from sitegen.render.templates import Theme, load_theme
from sitegen.sources.layout import page_file_of
from sitegen.structure.site import Site

if TYPE_CHECKING:
    from sitegen.build.dependencies import Bodies as BodyDigests
    from sitegen.render.plan import Extra, Planned

Progress = Callable[[str, int, int], None]
OnFile = Callable[[Site, str, bytes], None]
MIN_SPLIT = 200  # files to make below which a unit renders in one process: forking costs more
STALE_SEARCH = "+search-kept"  # marks a unit built with its previous search index


@dataclass
class BuildResult:
    stats: dict[str, WriteStats]
    warnings: list[Problem]
    next_change: datetime | None = None  # when a rebuild would change the output
    removed_units: list[str] = field(default_factory=list)  # units gone from offices.yaml, now gone from out
    # each unit's model as built: the preview keeps them, to show a saved page without a new model
    sites: dict[str, Site] = field(default_factory=dict)


@dataclass
class _Finishing:
    """A rendered unit waiting for its search index; then its writer closes.

    One unit waits at a time, so the pages kept for indexing never pile up.
    """

    site: Site
    writer: SiteWriter
    planned: set[str]
    search: Future[list[Shelf]] | None  # the Pagefind index being made, None when the build already failed
    stats: dict[str, WriteStats]
    problems: Problems
    remember: Callable[[list[Shelf]], None] | None = None  # keeps freshly made shelves for later builds

    def finish(self) -> None:
        site, writer, problems = self.site, self.writer, self.problems
        if self.search is not None:
            try:
                shelves = self.search.result()
                if self.remember is not None:
                    self.remember(shelves)
                files = [file for shelf in sorted(shelves, key=lambda s: s.number) for file in shelf.files]
            except SearchUnavailable as exc:
                problems.error(
                    "pyproject.toml",
                    0,
                    str(exc),
                    _("sitegen builds every unit's search index with Pagefind"),
                    "search-unavailable",
                )
                files, shelves = [], []
            kept = [path for shelf in shelves for path in shelf.kept]
            clash = next((path for path in [p for p, _data in files] + kept if path in self.planned), None)
            if clash is not None:
                problems.error(
                    site.network.path,
                    site.office.line,
                    _("/{path} is both a page and part of the search index", path=clash),
                    code="url-clash",
                    unit=site.office.id,
                )
            elif not problems.errors:
                for path, data in files:
                    writer.write(path, data)
                for path in kept:
                    writer.keep(path)
        self.stats[site.office.id] = writer.close()
        for rel in writer.foreign:
            problems.warning(
                writer.current / rel,
                0,
                _("kept a file sitegen did not make"),
                _(
                    "files of your own belong in content/offices/{unit}/static/, which every build copies to the site",
                    unit=site.office.id,
                ),
                "foreign-file",
                unit=site.office.id,
            )


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """How to build; every field's default is what ``sitegen build`` without options does.

    ``out`` is the output folder; None checks without writing. ``office_ids`` chooses units
    (all by default). ``now`` is the build's moment (:func:`build_now` when None).
    ``on_file`` sees every rendered file (``sitegen check`` follows links between units
    with it); with it, every file is rendered, none taken over from the last build.
    ``verify`` compares every file on disk with its recorded digest, not only size and time.
    ``prune`` removes units gone from offices.yaml from ``out`` (default: when building
    every unit; a CI shard building its part of the network prunes too).
    ``index_search=False`` keeps each unit's search index as it was (the preview, between
    saves): such a unit is recorded as made without a fresh index, so the next indexing
    build redoes it. ``published`` is a folder whose manifests say what was published
    last: every page and feed they list must still be made
    (:mod:`sitegen.build.addresses`), or the build fails.
    """

    out: Path | None = None
    office_ids: Sequence[str] | None = None
    now: datetime | None = None
    drafts: bool = False
    progress: Progress | None = None
    on_file: OnFile | None = None
    verify: bool = False
    prune: bool | None = None
    index_search: bool = True
    published: Path | None = None


@dataclass
class _Unit:
    """A unit whose site must be rendered: its model, theme and what its output records."""

    site: Site
    theme: Theme
    stamp: str  # the unit's fingerprint as the output records it
    damaged: set[str]
    frame: str = ""  # its skeleton (sitegen.build.dependencies); "" renders every file
    previous: dict[str, Record] = field(default_factory=dict)  # what made each intact file last time


def build(project: Project, options: BuildOptions = BuildOptions()) -> BuildResult:
    """Build the chosen units into ``options.out``/<id>/, or only check them when ``out`` is None."""
    output = Output(options.out, project.root) if options.out is not None else None  # waits for others
    try:
        return _Build(project, options, output).run()
    finally:
        if output is not None:
            output.abort()  # after a commit there is nothing left to throw away; this frees the lock


class _Build:
    """One build, as the named steps :meth:`run` takes in order."""

    def __init__(self, project: Project, options: BuildOptions, output: Output | None):
        self.project, self.options, self.output = project, options, output
        self.problems = project.problems
        self.now = build_now(options.now)
        self.models = Models(project, self.now, options.drafts, output.ids if output else lambda _u: {})
        self.stats: dict[str, WriteStats] = {}
        self.changes: list[datetime] = []
        self.last = (
            addresses.Published(options.published, project.network.feed_items)
            if options.published is not None
            else None
        )
        self.shared_stamp = cache(lambda: network_fingerprint(project.network, self.models))
        self.stored_search_files: set[str] = set()  # Pagefind's own files put in the cache by this build

    @cache  # noqa: B019 - one build, one OPML
    def network_opml(self) -> bytes:
        from sitegen.render.feeds import opml  # rendering modules load only when something renders

        return opml(self.project.network, self.models)

    def extras(self) -> list[Extra]:
        """The files every unit's site holds beside its pages: its feeds and the network's OPML."""
        from sitegen.render.feeds import OPML, feed_files
        from sitegen.render.json_feed import json_feed_files
        from sitegen.render.made import Made, const

        def editor(site: Site) -> list[Made]:  # admin/, if any
            return [Made(path, const(data)) for path, data in editor_files(network, site.office, themes)]

        network, themes = self.project.network, self.project.themes_dir
        return [
            lambda s: feed_files(s, self.models),
            lambda s: json_feed_files(s, self.models),
            lambda _s: [Made(OPML, self.network_opml)],  # the whole network's: made every time
            editor,
        ]

    def run(self) -> BuildResult:
        self.project.bodies.prepare_all(self.project.sources)  # the expensive part, once per source
        todo = self.choose_units()
        self.render(todo)
        self.project.bodies.cache.save()  # the search indexes just made
        if self.problems.errors:
            raise BuildFailed(self.problems.errors)
        removed = self.prune()
        if self.output:
            self.output.commit()
        changes = min(self.changes, default=None)
        return BuildResult(self.stats, self.problems.warnings, changes, removed, self.models.built())

    # -- step 1: which units to make ------------------------------------------------------------

    def choose_units(self) -> list[_Unit]:
        """Every chosen unit whose inputs changed or whose files were damaged; the rest are kept."""
        ids = self.options.office_ids
        offices = [self.project.network.office(i) for i in ids] if ids else list(self.project.network.offices)
        offices_yaml = self.project.network.path.read_bytes()
        theme_digests = cache(theme_digest)
        themes = cache(lambda name: load_theme(self.project.themes_dir, name))  # looked at once per build
        todo: list[_Unit] = []
        for n, office in enumerate(offices, 1):
            if self.options.progress:
                self.options.progress(office.id, n, len(offices))
            site = self.models(office)  # may have been built already, for the regional feed or the OPML
            if site.next_change:
                self.changes.append(site.next_change)
            theme = themes(office.theme)
            unit = _Unit(site, theme, "", set())
            if self.output is not None and not self.problems.errors:
                digests = (theme_digests(theme), offices_yaml, self.options.drafts, self.shared_stamp())
                if self._current(unit, *digests):
                    continue
            todo.append(unit)
        if len(todo) > 1:
            for office in self.project.network.offices:
                self.models(office)  # every model the regional feeds need, built once before workers fork
            if self.output is not None:
                self.network_opml()
        return todo

    def _current(self, unit: _Unit, theme: str, offices_yaml: bytes, drafts: bool, shared: str) -> bool:
        """Fill in what the output knows of ``unit``; True when its site stands as it should."""
        assert self.output is not None
        unit_id, index_search = unit.site.office.id, self.options.index_search
        stamp = fingerprint(unit.site, self.models, theme, offices_yaml, drafts, shared)
        recorded = self.output.fingerprint(unit_id)
        # same inputs (an index kept from before is fine when none is wanted now), intact: skip
        current = recorded == stamp or (not index_search and recorded == stamp + STALE_SEARCH)
        unit.stamp = stamp + ("" if index_search else STALE_SEARCH)
        unit.damaged = self.output.damaged(unit_id, self.options.verify)  # rewritten when found
        if current and not unit.damaged:
            self.stats[unit_id] = WriteStats(unchanged=len(self.output.manifest(unit_id)))
            self._keep_addresses(unit.site, set(self.output.manifest(unit_id)))
            return True
        if self.options.on_file is None:  # a build that shows every file renders every file
            from sitegen.build import dependencies

            inputs = repr((theme, hashlib.sha256(offices_yaml).hexdigest(), drafts, shared))
            unit.frame = dependencies.skeleton(unit.site, inputs)
            intact = set(self.output.manifest(unit_id)) - unit.damaged
            unit.previous = {k: v for k, v in self.output.pages(unit_id).items() if k in intact}
        return False

    def _keep_addresses(self, site: Site, files: set[str]) -> None:
        """Every page and feed published last is still made (see sitegen.build.addresses).

        Not while a content file has an error: a page that failed to read would look gone, and
        the editor would see knock-on errors before the one cause; the addresses are checked
        again once the content reads."""
        if self.last is None or any(p.path.startswith("content/") for p in self.problems.errors):
            return
        addresses.check(site, files, self.project.sources, self.last, self.problems)

    # -- step 2: render, fanned out over the workers --------------------------------------------

    def render(self, todo: list[_Unit]) -> None:
        """Render every unit (a big one split across the workers) and stage it as it comes back."""
        workers = worker_count(self.project.bodies.jobs)
        parts = split([len(u.site.pages) for u in todo], workers)
        sorted_out = lru_cache(maxsize=2)(lambda index: _triage(todo[index], self._plan(todo[index])))
        # a unit big enough to split is planned and sorted out here, before the workers fork:
        # they inherit the plan instead of each making it again, and where an edit left only
        # a few files to make, one process makes them and nobody forks
        early = {index: sorted_out(index) for index, count in enumerate(parts) if count > 1}
        indexing = self.output is not None and self.options.index_search  # else no page's view is asked
        for index, triage in early.items():
            if len(triage.make) < MIN_SPLIT:
                parts[index] = 1

        def render_part(index: int, part: int, count: int) -> Rendered:
            triage = early[index] if index in early else sorted_out(index)
            return _render_part(todo[index], triage, part, count, self.project.root, indexing)

        finishing: _Finishing | None = None
        refused = self.refused_pages()
        for unit, result in zip(todo, rendered(parts, render_part, workers), strict=True):
            for problem in result.problems:
                if not _leads_to_refused(problem, refused):
                    self.problems.add(problem)
            if not result.planned_ok:
                continue  # two files claim one output path: reported with their sources, nothing written
            self._keep_addresses(unit.site, result.planned)
            staged = self.stage(unit, result)
            if finishing is not None:
                finishing.finish()  # the previous unit's index is ready by now, or nearly
            finishing = staged
        if finishing is not None:
            finishing.finish()

    def refused_pages(self) -> set[tuple[str, str]]:
        """(scope, output file) of every content file refused while reading: it makes no page."""
        return {
            page
            for problem in self.problems.errors
            if problem.path.endswith(".md") and (page := page_file_of(problem.path)) is not None
        }

    def _plan(self, unit: _Unit) -> tuple[list[Planned], list[Problem]]:
        from sitegen.render.plan import plan

        found = Problems(self.project.root)
        planned = plan(unit.site, unit.theme, found, self.extras())
        return planned, found.items

    # -- step 3: stage ---------------------------------------------------------------------------

    def stage(self, unit: _Unit, result: Rendered) -> _Finishing | None:
        """Write the unit's files into its staging folder; start its search index beside the next unit.

        Once anything is wrong the build will fail: it goes on rendering, to report every
        problem in one run (a unit with a broken page too), but stages nothing more.
        """
        site, output, on_file = unit.site, self.output, self.options.on_file
        writer = (
            output.site(site.office.id, unit.stamp, unit.damaged, reuse=not self.options.verify)
            if output and not self.problems.errors
            else None
        )
        for path, data in result.files:
            if writer:
                writer.write(path, data)
            if on_file:
                on_file(site, path, data)
        if writer is None:
            return None
        for path in result.kept:
            writer.keep(path)
        writer.ids = {p.read_from.rel: p.feed_id for p in site.pages if p.feed_id}
        writer.pages = {path: [key, list(reads)] for path, (key, reads) in result.records.items()}
        search, remember = self.search_index(unit, writer, result.searched, result.views)
        writer.settle()  # the unchanged files are linked while Pagefind works
        return _Finishing(site, writer, result.planned, search, self.stats, self.problems, remember)

    # -- step 4: index search --------------------------------------------------------------------

    def search_index(
        self, unit: _Unit, writer: SiteWriter, paths: set[str], made: dict[str, str]
    ) -> tuple[Future[list[Shelf]] | None, Callable[[list[Shelf]], None] | None]:
        """The unit's Pagefind index, made beside the next unit: each shelf from the cache when
        its pages are as they were (as Pagefind reads them: ``made`` for the pages rendered now,
        the cache's for the others, so no page is read), else by Pagefind in its own process
        from the staged files, with a function that keeps new shelves."""
        if self.problems.errors:
            return None, None  # no index once the build has failed
        unit_id = unit.site.office.id
        if not self.options.index_search:
            return _done([Shelf(0, "", search_shelves.kept_index(writer.output, unit_id))]), None
        language = unit.site.network.default_language
        shelves = searching.shelve(searching.searched_paths(paths))
        ready = [Shelf(-1, "", searching.shelf_list(len(shelves)))]
        views = search_shelves.views(self.project.bodies.cache, writer, shelves, made)
        todo = []
        for number, shelf in enumerate(shelves):
            key = searching.search_key([(p, views[p]) for p in shelf], language, number, len(shelves))
            known = search_shelves.known_shelf(self.project.bodies.cache, writer, number, key)
            if known is not None:  # the same pages: the same index
                ready.append(known)
                continue
            todo.append((number, key, [(p.removesuffix("index.html"), writer.where(p)) for p in shelf]))
        if not todo:
            return _done(ready), None
        # Pagefind runs beside the rendering of the next unit
        scratch = writer.output.scratch()  # beside the staged pages: linked, not copied
        future = in_background(lambda: ready + searching.index_shelves(todo, language, scratch))
        return future, search_shelves.remembering(
            self.project.bodies.cache, unit_id, self.stored_search_files
        )

    # -- step 5: prune ---------------------------------------------------------------------------

    def prune(self) -> list[str]:
        """Units gone from offices.yaml leave the output too (when building every unit, or asked)."""
        prune = not self.options.office_ids if self.options.prune is None else self.options.prune
        if self.output is None or not prune:
            return []
        removed = [u for u in self.output.units() if u not in self.project.network.ids]
        for unit in removed:
            self.output.remove_unit(unit)
        return removed


@dataclass
class _Triage:
    """A unit's planned files sorted out: those to make, and those whose inputs did not change."""

    planned: list[Planned]
    problems: list[Problem]  # the plan's: two files claiming one path
    bodies: BodyDigests  # of the pages, found once for sorting out and for the records
    make: list[Planned] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def _triage(unit: _Unit, planned_found: tuple[list[Planned], list[Problem]]) -> _Triage:
    """Which of the unit's planned files must be made (see :mod:`sitegen.build.dependencies`)."""
    from sitegen.build import dependencies

    planned, problems = planned_found
    triage = _Triage(planned, problems, dependencies.Bodies(unit.site))
    if any(p.severity == "error" for p in problems):
        return triage
    bodies = triage.bodies
    for item in planned:
        previous = unit.previous.get(item.path)
        traced = item.templated or item.reads is not None
        if traced and unit.frame and dependencies.is_current(previous, unit.frame, bodies):
            triage.kept.append(item.path)
        else:
            triage.make.append(item)
    return triage


def _render_part(unit: _Unit, triage: _Triage, part: int, parts: int, root: Path, indexing: bool) -> Rendered:
    """One slice of a unit's files that must be made; part 0 also reports the plan and what is kept.

    Where the build makes a search index, the views of the content pages made are digested
    here, on the workers (:func:`sitegen.render.search.view_digest`)."""
    from sitegen.build import dependencies
    from sitegen.render.pages import render

    planned = triage.planned
    if any(p.severity == "error" for p in triage.problems):
        return Rendered(problems=triage.problems if part == 0 else [], planned_ok=False)
    bodies = triage.bodies
    found = Problems(root)
    reads: dict[str, tuple[str, ...]] = {}
    mine = chunk(triage.make, part, parts)
    files = list(render(unit.site, mine, found, {p.path for p in planned}, reads))
    searched = {p.path for p in mine if p.searched and indexing}
    views = {path: searching.view_digest(data) for path, data in files if path in searched}
    records = {}
    for path, read in reads.items():
        key = dependencies.key(unit.frame, bodies, read) if unit.frame else None
        if key is not None:
            records[path] = (key, read)
    result = Rendered(files, problems=found.items, records=records, views=views)
    if part == 0:
        result.kept = triage.kept
        result.records |= {path: unit.previous[path] for path in triage.kept}
        result.planned = {p.path for p in planned}
        result.searched = {p.path for p in planned if p.searched}
        result.problems = triage.problems + result.problems
    return result


def _leads_to_refused(problem: Problem, refused: set[tuple[str, str]]) -> bool:
    """A link to nothing only because the page it names was refused: one cause, one message.

    The refused file's own error says what to fix; once fixed, the link works. A unit's own
    page refused explains the broken link in that unit only.
    """
    if not refused or problem.code != "broken-link" or not problem.target:
        return False
    if ("shared", problem.target) in refused:
        return True
    return bool(problem.units) and all((unit, problem.target) in refused for unit in problem.units)


def _done(shelves: list[Shelf]) -> Future[list[Shelf]]:
    future: Future[list[Shelf]] = Future()
    future.set_result(shelves)
    return future
