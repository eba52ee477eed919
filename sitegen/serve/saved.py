"""The page an editor saved, shown at once: rendered alone from the project kept in memory.

A full rebuild of the units a save affects re-reads every file and renders every
page, list and feed of those units: right, but slower than an editor should wait
to see a corrected sentence. So the preview first re-reads only the saved files,
renders only the pages made from them (with the rest of the project as it was)
and puts those in place; the tab showing such a page reloads at once. The full
rebuild follows (:mod:`sitegen.serve.builder`) and is what the preview finally
holds, byte for byte what a cold build makes.

Anything this cannot be sure of it leaves to that rebuild: a new, moved or
deleted file, a file that is not Markdown, a page with a problem.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from functools import cache
from pathlib import Path

from sitegen.build.output import Output
from sitegen.build.project import Models, Project
from sitegen.errors import Problems
from sitegen.render.pages import render
from sitegen.render.plan import plan, plan_pages
from sitegen.render.templates import load_theme
from sitegen.serve.livereload import page_key
from sitegen.sources.photos import Resizer
from sitegen.sources.source import Source, read_source
from sitegen.structure.model import PlacePictures, page_of, publishes
from sitegen.structure.pictures import Pictures
from sitegen.structure.site import Page, Site

MAX_FILES = 3  # a bigger batch (a checkout, a search-and-replace) goes straight to the rebuild


def show_saved(
    project: Project, changed: set[str], out: Path, now: datetime, kept: Mapping[str, Site] | None = None
) -> dict[str, str] | None:
    """Render the pages made from the saved Markdown files in ``changed`` and put them in ``out``.

    ``project`` is the one the preview holds (as before the save), and ``kept`` the models of
    its last build, by unit. Returns the pages put in place as {URL path: sha256 of the file},
    or None when the save is not one to show alone.
    """
    fresh = _reread(project, changed)
    if not fresh:
        return None
    problems = Problems(project.root)
    content = project.root / "content"
    edited = replace(
        project,
        sources=[fresh.get(s.rel, s) for s in project.sources],
        problems=problems,
        pictures=Pictures(content, Resizer(project.bodies.cache), problems),
    )
    # only the text changed: every unit's lists, topics and neighbours are as its kept model has them
    text_only = all(_outline(s) == _outline(fresh[s.rel]) for s in project.sources if s.rel in fresh)
    output = Output(out, project.root)
    try:
        models = cache(lambda: Models(edited, now, False, output.ids))
        shown: dict[str, str] = {}
        for office in _publishers(edited, list(fresh.values())):
            site = (kept or {}).get(office.id) if text_only else None
            files = _in_kept(edited, site, fresh, output) if site is not None else None
            if files is None and not problems.errors:
                files = _in_new_model(edited, models()(office), fresh, output)
            if problems.errors or files is None:
                return None  # the rebuild reports it, with the overlay
            for rel in output.patch(office.id, list(files.items())):
                shown[page_key(f"/{office.id}/{rel}")] = hashlib.sha256(files[rel]).hexdigest()
        return shown
    finally:
        output.close()


def _in_new_model(project: Project, site: Site, fresh: dict[str, Source], output: Output) -> dict[str, bytes]:
    """The saved files' pages, in a model of the unit made anew from the edited sources."""
    planned = plan(site, load_theme(project.themes_dir, site.office.theme), project.problems)
    mine = [p for p in planned if p.source and p.source.source and p.source.source.rel in fresh]
    made = set(output.manifest(site.office.id))  # the feeds too, which are not planned here
    return dict(render(site, mine, project.problems, {p.path for p in planned} | made))


def _in_kept(
    project: Project, site: Site, fresh: dict[str, Source], output: Output
) -> dict[str, bytes] | None:
    """The saved files' pages in the unit's kept model, their front matter as it was; None when a
    page's address or pictures changed with its text.

    A text edit leaves every list, topic and neighbour as it was, so the unit's model from
    the last build serves: only the saved pages are made and rendered, whatever the size of
    the unit. A saved file that is no page of this unit (a translation into a language it
    does not publish, a draft) stays none. The kept pages take the new bodies while they
    render, and are given back their own after, as the full rebuild that follows makes its
    own model anyway.
    """
    new: list[tuple[Page, Source, str]] = []
    for page in [p for p in site.pages if p.source is not None and p.source.rel in fresh]:
        source = fresh[page.read_from.rel]
        made, was = (_made(project, site, s) for s in (source, page.read_from))
        if (
            made is None
            or was is None
            or (made.url, made.picture, made.pictures) != (was.url, was.picture, was.pictures)
        ):
            return None  # its pictures changed (lists show the first), or it has a problem now
        new.append((page, source, made.body))
    if not new:
        return {}
    before = [(page, page.source, page.body) for page, _source, _body in new]
    try:
        for page, source, body in new:
            page.source, page.body = source, body
        theme = load_theme(project.themes_dir, site.office.theme)
        planned = plan_pages(site, theme, [page for page, _source, _body in new])
        return dict(render(site, planned, project.problems, set(output.manifest(site.office.id))))
    finally:
        for page, old_source, old_body in before:
            page.source, page.body = old_source, old_body


def _outline(source: Source) -> tuple[object, ...]:
    """What of a source its unit's model shows beyond its own page: all but the body."""
    return source.rel, source.scope, source.key, source.meta, source.body_line


def _made(project: Project, site: Site, source: Source) -> Page | None:
    """The source's page as the unit's model first makes it (a translation's address is set later)."""
    place: PlacePictures | None = project.pictures.place if project.pictures is not None else None
    return page_of(site.office, project.network, source, project.body, project.problems, place)


def _reread(project: Project, changed: set[str]) -> dict[str, Source]:
    """The saved files read again, by their path under content/; empty if any is not a plain edit."""
    if not changed or len(changed) > MAX_FILES:
        return {}
    known = {s.rel for s in project.sources}
    content = project.root / "content"
    problems = Problems(project.root)
    fresh = {}
    for rel in changed:
        content_rel = rel.removeprefix("content/")
        if content_rel == rel or not rel.endswith(".md") or content_rel not in known:
            return {}  # not an edit of a page the preview already has
        path = content / content_rel
        if not path.is_file():
            return {}
        source = read_source(path, content, project.network.ids, problems, project.bodies.cache)
        if source is None or problems.errors:
            return {}
        fresh[content_rel] = source
    return fresh


def _publishers(project: Project, sources: list[Source]) -> list:
    """The units that publish any of ``sources``, in the network's order."""
    own: dict[str, set[str]] = {}  # unit -> keys of its own files (which override shared ones)
    for source in project.sources:
        own.setdefault(source.scope, set()).add(source.key)
    return [
        office
        for office in project.network.offices
        if any(publishes(office, source, own.get(office.id, set())) for source in sources)
    ]
