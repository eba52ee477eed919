"""The inputs of a build, parsed once: offices.yaml and every content source, and the site models.

``load_project`` reads the network and the content once for all units; ``Models`` makes each
unit's site model from them when first asked (a regional unit's feed needs its units' models).
A build (sitegen.build.pipeline), the check and the preview all start here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sitegen.config.offices import load_network
from sitegen.config.settings import Network, Office
from sitegen.errors import BuildFailed, Problems
from sitegen.i18n import _
from sitegen.render.templates import Theme
from sitegen.sources.bodies import Bodies
from sitegen.sources.content_files import report_links, static_files
from sitegen.sources.office_vars import context
from sitegen.sources.photos import Resizer
from sitegen.sources.source import Source, load_sources
from sitegen.structure.model import build_site
from sitegen.structure.pictures import Pictures
from sitegen.structure.site import Site


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
        return prepared.render(ctx, self.bodies.convert)  # sanitized unless trusted (sitegen.sources.bodies)


def load_project(
    root: Path,
    base_urls: dict[str, str] | None = None,
    bodies: Bodies | None = None,
    *,
    past_tabs: bool = False,
) -> Project:
    """Read offices.yaml and all content; raise BuildFailed listing every problem.

    ``past_tabs`` (``sitegen check``): tabs in offices.yaml's indentation are reported but do
    not stop the content from being read against the units the file means (see load_network).
    """
    problems = Problems(root)
    network = load_network(root / "offices.yaml", problems, past_tabs=past_tabs)
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
    with bodies.while_reading() as prepare_meanwhile:  # Markdown on the other cores while files are read
        sources = load_sources(root / "content", network.ids, problems, bodies.cache, prepare_meanwhile)
    report_links(root / "themes", problems)  # a theme's files come from the repository only
    static = {o.id: static_files(root / "content", o.id, problems, o.trusted_static) for o in network.offices}
    _check_themes(root / "themes", network, problems)
    in_offices = [p for p in problems.errors if p.path == problems.rel(network.path)]
    if any(not (past_tabs and p.kind == "yaml-tab") for p in in_offices):
        problems.raise_if_errors()  # without a sound network there is nothing to build against
    # Content errors do not stop here: the build goes on with every sound file so that one
    # run reports every problem (front matter, dates, office variables, links, feed ids).
    pictures = Pictures(root / "content", Resizer(bodies.cache), problems)
    return Project(root, network, sources, problems, bodies, static, pictures)


def _check_themes(themes: Path, network: Network, problems: Problems) -> None:
    """Each unit's theme is a folder of themes/ itself: a missing one, or a link leading outside, is
    an offices.yaml error at the unit, since no page of the unit could be rendered with it."""
    for office in network.offices:
        theme, named = Theme(themes, office.theme), {"unit": office.id, "theme": office.theme}
        if theme.leads_outside():
            message = _(
                "unit {unit!r} names theme {theme!r}, but themes/{theme} is a link to a folder outside themes/",
                **named,
            )
            hint = _("copy the theme into themes/ instead of linking to it")
        elif not theme.exists():
            message = _("unit {unit!r} names theme {theme!r}, which has no folder themes/{theme}/", **named)
            hint = _("create it or use theme: default")
        else:
            continue
        problems.error(
            network.path, office.line, message, hint, "theme-unusable", unit=office.id, key="theme"
        )


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
        self._scopes: dict[str, list[tuple[int, Source]]] | None = None  # by scope, with their place

    def __call__(self, office: Office) -> Site:
        site = self._sites.get(office.id)
        if site is None:
            site = self._sites[office.id] = build_site(
                office,
                self.project.network,
                self._candidates(office.id),
                self.project.body,
                self.now,
                self.project.problems,
                self.drafts,
                self.project.static.get(office.id),
                self.known_ids(office.id),
                self.project.pictures.place if self.project.pictures else None,
            )
        return site

    def built(self) -> dict[str, Site]:
        """The models built so far, by unit."""
        return dict(self._sites)

    def _candidates(self, office_id: str) -> list[Source]:
        """The sources a unit can publish (the shared ones and its own), in the project's order.

        Every other unit's files are never its pages: looking through them made a network
        of 130 units look at every news item of the network 130 times.
        """
        if self._scopes is None:
            self._scopes = {}
            for n, source in enumerate(self.project.sources):
                self._scopes.setdefault(source.scope, []).append((n, source))
        own, shared = self._scopes.get(office_id, []), self._scopes.get("shared", [])
        return [source for _n, source in sorted(own + shared, key=lambda placed: placed[0])]
