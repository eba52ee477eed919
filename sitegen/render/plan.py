"""Planning: every file of a unit's site and how to make it, in a stable order. Nothing is made here.

Separate from rendering (:mod:`sitegen.render.pages`) because a build plans every file first and
then makes only some: those not kept from the build before, split over processes, or, in the
preview, only the pages a saved file makes. The plan also finds two things claiming one file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from urllib.parse import urlsplit

from sitegen import csp
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.render import discovery, icons, json_feed, links
from sitegen.render import structured_data as structured
from sitegen.render.feeds import catalogue
from sitegen.render.made import Made, const
from sitegen.render.pages import traced, unit_parts
from sitegen.render.templates import Theme
from sitegen.sources import static_trust
from sitegen.structure import english, pictures
from sitegen.structure.archive import archive
from sitegen.structure.pagination import Neighbours, neighbours, paginate
from sitegen.structure.site import FEED_SECTIONS, Page, Site, template_vars
from sitegen.urls import NOT_FOUND, OFFICIAL_SITES, ROBOTS, SEARCH, SECURITY_TXT, SITEMAP, file_for, relative

Extra = Callable[[Site], list[Made]]
FAVICON = "favicon.ico"
REGIONAL = "wilayah/"  # the regional office's feed of all its units (sitegen.render.feeds)
REGIONAL_LISTED = 10  # items its subscribe page lists
FAVICON_SOURCE = "static/favicon.ico"  # the theme's: a neutral default, unless a unit has its own


@dataclass(frozen=True)
class Planned:
    """One output file and how to make it."""

    path: str
    make: Callable[[], bytes]
    source: Page | None = None
    origin: Path | None = None  # a file copied as it is (a unit's static/), for messages
    listed: bool = False  # an HTML page of the site's own: in the sitemap
    lastmod: datetime | None = None  # when it last changed, for the sitemap
    templated: bool = False  # made by a template: what it shows is traced (see ``pages.render``)
    searched: bool = False  # a content page (no list, tag page or archive): in the search index
    reads: tuple[str, ...] | None = None  # made in Python (a feed): the pages whose body it shows


def template_for(page: Page) -> str:
    if page.gone:
        return "gone.html"  # withdrawn: says so at the old address (sitegen.build.addresses)
    if page.url == "":
        return "home.html"
    if page.url == f"{page.lang}/":
        return "language_home.html"  # the home page of a translation: "en/"
    if page.url in ("profil/", "langganan/"):
        return page.url[:-1] + ".html"
    if page.is_index:
        return "section.html"
    if page.is_feed_item:
        return "article.html"
    return "page.html"


def plan(site: Site, theme: Theme, problems: Problems, extras: Sequence[Extra] = ()) -> list[Planned]:
    """Every file of the unit's site, in a stable order, not yet rendered."""
    planner = _Planner(site, theme)
    planner.pages()
    planner.topics()
    planner.archives()
    extra_files = [made for extra in extras for made in extra(site)]
    planner.theme_pages(extra_files)
    planner.files(extra_files)
    planner.discovery()
    _check_unique(site, planner.planned, problems)
    return planner.planned


def plan_pages(site: Site, theme: Theme, pages: Sequence[Page]) -> list[Planned]:
    """The files of ``pages`` alone, planned as :func:`plan` plans them (a section's list with its
    further pages): the preview's first look at a saved page, without planning the whole unit."""
    planner = _Planner(site, theme)
    planner.pages(pages)
    return planner.planned


class _Planner:
    """The files of one unit's site, planned part by part: pages, topics, archives, the theme's
    own pages, files copied or made as they are, and what crawlers read."""

    def __init__(self, site: Site, theme: Theme):
        self.site, self.theme = site, theme
        self.env = traced(theme.env)
        self.ordered = {section: site.dated(section) for section in FEED_SECTIONS}
        # search and the not-found page in every language the unit publishes and the theme speaks
        self.own = site.network.default_language
        self.others = english.theme_languages(site, theme.catalogs)
        self.searches = {self.own: SEARCH} | {
            lang: english.theme_page_url(lang, SEARCH) for lang in self.others
        }
        self.fingerprinted = _fingerprinted(theme.static_files())
        self.derived = icons.icons_for(_logo_file(site, theme), site.office.accent, set(site.static))
        self.common = self._common()
        self.planned: list[Planned] = []

    def _common(self) -> dict[str, object]:
        """What every template of the unit sees besides its page."""
        site, ordered, fingerprinted = self.site, self.ordered, self.fingerprinted
        common: dict[str, object] = (
            template_vars(site)
            | {
                "neighbours": partial(_neighbours, ordered, _positions(ordered)),
                "organisation_ld": cache(lambda: structured.organisation_ld(site)),  # one per unit
                "article_ld": lambda p: structured.article_ld(site, p),
                "share_links": lambda p: structured.share_links(site.office, p),
                "image_url": lambda image: structured.image_url(site.office, image),
                "photo_card": lambda p: pictures.card(p, site.office.base_url),
                "whatsapp_url": structured.whatsapp_url,
                "tel_url": structured.tel_url,
                "map_url": structured.map_url,
                "social_links": structured.social_links,
                "host": lambda url: urlsplit(url).hostname or url,
                "content_security_policy": csp.POLICY,
                "alternates": {},  # a theme page's address per language (search, not found): its switch and hreflang
                "other_languages": [],
                "regional": None,  # the regional feed's latest items, on its subscribe page (json_feed.Entry)
                "search_urls": self.searches,  # the header's search box leads to the search in the page's language
                "asset": lambda path: fingerprinted.get(path, path),
            }
        )
        common["unit_part"] = unit_parts(self.env, common)
        return common

    def html(self, template: str, page: Page | None, here: str, **extra: object) -> Callable[[], bytes]:
        env, common, default = self.env, self.common, self.site.network.default_language

        def make() -> bytes:
            lang = page.lang if page is not None else default
            variables = common | {"page": page, "here": here, "lang": lang, **extra}
            return env.get_template(template).render(variables).encode("utf-8")

        return make

    def listing(
        self, url: str, template: str, page: Page | None, lastmod: datetime | None, **extra: object
    ) -> None:
        made = self.html(template, page, url, **extra)
        self.planned.append(Planned(file_for(url), made, listed=True, lastmod=lastmod, templated=True))

    def pages(self, only: Sequence[Page] | None = None) -> None:
        """Every page of the model (or ``only`` these); a section's list with its further pages."""
        size = self.site.network.page_size
        for page in sorted(self.site.pages if only is None else only, key=lambda p: p.path):
            lastmod = page.updated or page.date or page.verified
            if page.is_index and page.section in FEED_SECTIONS and page.url == f"{page.section}/":
                items = page.items
                pagers = paginate(items, page.url, size)
                newest = _newest(items)
                made = self.html(template_for(page), page, page.url, pager=pagers[0])
                self.planned.append(Planned(page.path, made, page, None, True, newest, templated=True))
                for pager in pagers[1:]:
                    self.listing(pager.url, template_for(page), page, newest, pager=pager)
                continue
            listed = not page.gone  # a withdrawn page is in no sitemap and no search index
            made = self.html(template_for(page), page, page.url)
            searched = listed and not page.is_index  # lists and tag pages only add noise to search
            self.planned.append(Planned(page.path, made, page, None, listed, lastmod, True, searched))

    def topics(self) -> None:
        """A list per tag, and the list of tags."""
        size = self.site.network.page_size
        for tag, tagged in self.site.tags.items():
            newest = _newest(tagged)  # once per topic, not once per page of it
            for pager in paginate(tagged, f"tag/{tag}/", size):
                self.listing(pager.url, "tag.html", None, newest, tag=tag, tagged=tagged, pager=pager)
        if self.site.tags:
            self.listing("tag/", "tags.html", None, None)

    def archives(self) -> None:
        """Each feed section's archive: whole, by year and by month."""
        for section in FEED_SECTIONS:
            items = self.ordered[section]
            arch = archive(section, items)
            self.listing(arch.url, "archive.html", None, _newest(items), archive=arch)
            for year in arch.year_pages:
                self.listing(
                    year.url, "archive.html", None, _newest(list(year.items)), archive=arch, year=year
                )
            for month in arch.months:
                newest = _newest(list(month.items))
                self.listing(month.url, "archive.html", None, newest, archive=arch, month=month)

    def theme_pages(self, extra_files: list[Made]) -> None:
        """Search, each feed's subscribe page, the official sites, not found, and the aliases' redirects."""
        site, html = self.site, self.html
        for lang, url in self.searches.items():
            self.listing(url, "search.html", None, None, lang=lang, alternates=self.searches)
        for feed in catalogue(site):  # each feed's own page, where a clicked "subscribe" link lands
            if feed.prefix == REGIONAL:
                # the regional feed gathers other units' items, which this unit's pages do not hold: the
                # page lists what the feed made beside it holds, and is made every time, like the feed
                json = next((m.make for m in extra_files if m.path == feed.json_path), None)
                latest = _regional_entries(site, json() if json is not None else None)
                made = html("subscribe.html", None, feed.subscribe_url, feed=feed, regional=latest)
                newest = max((e.date for e in latest or ()), default=None)
                self.planned.append(Planned(file_for(feed.subscribe_url), made, listed=True, lastmod=newest))
                continue
            updated = feed.updated if feed.items else None
            self.listing(feed.subscribe_url, "subscribe.html", None, updated, feed=feed)
        self.listing(OFFICIAL_SITES, "official.html", None, None)
        homes = {lang: site.home_of(lang).url for lang in (self.own, *self.others)}
        for lang in (self.own, *self.others):
            url = NOT_FOUND if lang == self.own else english.theme_page_url(lang, NOT_FOUND)
            made = html("404.html", None, url, lang=lang, alternates=homes, other_languages=self.others)
            self.planned.append(Planned(url, made, templated=True))
        for url, page in sorted(site.aliases.items()):
            target_href = links.clean(relative(file_for(url), page.path))
            made = html("redirect.html", page, url, target=page, target_href=target_href)
            self.planned.append(Planned(file_for(url), made, page, templated=True))

    def files(self, extra_files: list[Made]) -> None:
        """Files copied or made as they are: the theme's, icons from the logo, the unit's own,
        the security headers, pictures, and the extras (feeds), each made only when needed."""
        site, theme, derived, planned = self.site, self.theme, self.derived, self.planned
        for out_path, src in theme.static_files().items():
            if out_path in derived.files:
                continue  # the unit's own icon or share picture, made from its logo, stands in its place
            planned.append(Planned(out_path, _reader(src)))
            if out_path in self.fingerprinted:  # the same bytes under a name that changes with them
                planned.append(Planned(self.fingerprinted[out_path], _reader(src)))
        for (
            out_path,
            derive,
        ) in derived.files.items():  # favicon, home-screen icon, share picture from the logo
            planned.append(Planned(out_path, derive))
        icon = theme.static_files().get(FAVICON_SOURCE)
        if icon is not None and FAVICON not in site.static and FAVICON not in derived.files:
            planned.append(
                Planned(FAVICON, _reader(icon))
            )  # browsers ask for /favicon.ico whatever the page says
        for out_path, src in site.static.items():  # checked when loaded (sitegen.sources.static_trust)
            reader = static_trust.reader(src, out_path, site.office.trusted_static)
            planned.append(Planned(out_path, reader, origin=src))
        planned.append(Planned(csp.HEADERS_FILE, csp.headers_file))
        for out_path, (picture, variant) in pictures.published(site).items():
            planned.append(Planned(out_path, partial(picture.data, variant), origin=picture.original.path))
        for made in extra_files:
            planned.append(Planned(made.path, made.make, reads=made.reads))

    def discovery(self) -> None:
        """The sitemap of every listed page, robots.txt and security.txt."""
        site, planned = self.site, self.planned
        pages = [discovery.Listed(p.path.removesuffix("index.html"), p.lastmod) for p in planned if p.listed]
        planned.append(Planned(SITEMAP, lambda: discovery.sitemap(site, pages)))
        planned.append(Planned(ROBOTS, lambda: discovery.robots(site)))
        security = discovery.security_txt(site)
        if security is not None:
            planned.append(Planned(SECURITY_TXT, const(security)))


def _regional_entries(site: Site, feed_json: bytes | None) -> list[json_feed.Entry] | None:
    """The regional feed's latest items, newest first; None when no feed was made with this plan (a preview)."""
    if feed_json is None:
        return None
    return json_feed.entries(feed_json, site.network)[:REGIONAL_LISTED]


def _logo_file(site: Site, theme: Theme) -> Path | None:
    """The file behind the unit's ``logo:`` (one of its own files, or the theme's), if it names one."""
    if not site.office.logo:
        return None
    path = site.office.logo.lstrip("/")
    return site.static.get(path) or theme.static_files().get(path)


def _fingerprinted(static: dict[str, Path]) -> dict[str, str]:
    """Stylesheets and scripts under names with their digest ("static/site.1a2b3c4d5e.css").

    Pages load these names, so a host may let browsers cache them for a year: a
    changed file gets a new name. The plain name stays too, for links written by hand.
    """
    names = {}
    for out_path, src in static.items():
        stem, dot, ext = out_path.rpartition(".")
        if dot and ext in ("css", "js"):
            names[out_path] = f"{stem}.{hashlib.sha256(src.read_bytes()).hexdigest()[:10]}.{ext}"
    return names


def _positions(ordered: dict[str, list[Page]]) -> dict[int, int]:
    """Each item's place in its section, found once: looking it up per article made a build quadratic."""
    return {id(page): i for items in ordered.values() for i, page in enumerate(items)}


def _neighbours(ordered: dict[str, list[Page]], positions: dict[int, int], page: Page) -> Neighbours:
    """The items either side of ``page`` in its section (as pagination.neighbours), in constant time."""
    items = ordered.get(page.section, [])
    i = positions.get(id(page))
    if i is None or i >= len(items) or items[i] is not page:
        return neighbours(items, page)  # not an item of a section list
    return Neighbours(items[i - 1] if i > 0 else None, items[i + 1] if i + 1 < len(items) else None)


def _newest(items: list[Page]) -> datetime | None:
    """The newest change among a list's items: the list's own last change."""
    return max((p.updated or p.date for p in items if p.date), default=None)


def _check_unique(site: Site, planned: list[Planned], problems: Problems) -> None:
    """Two things claiming one output file is the editor's to fix: say which, before writing anything."""
    first: dict[str, Planned] = {}
    for item in planned:
        other = first.setdefault(item.path, item)
        if other is item:
            continue
        culprit, owner = (item, other) if _editors(item) else (other, item)
        page = culprit.source
        source = page.source if page else None
        owner_name = (
            owner.source.source.rel if owner.source and owner.source.source else _("a generated file")
        )
        if owner.origin is not None:
            owner_name = problems.rel(owner.origin)
        if culprit.origin is not None:
            problems.error(
                culprit.origin,
                0,
                _("this file would replace /{path}, which {owner} makes", path=item.path, owner=owner_name),
                _("rename or remove it"),
                "file-replaces-generated",
                units=(site.office.id,),
            )
            continue
        if page is None or source is None:
            problems.error(
                "themes",
                0,
                _("two generated files claim /{path}", path=item.path),
                code="url-clash",
                units=(site.office.id,),
            )
            continue
        is_alias = culprit.path != page.path
        problems.error(
            source.path,
            source.meta.line_of("aliases" if is_alias else "slug"),
            _("an alias claims /{path}, which {owner} already makes", path=item.path, owner=owner_name)
            if is_alias
            else _("this page claims /{path}, which {owner} already makes", path=item.path, owner=owner_name),
            _("remove the alias") if is_alias else _("give one of them another file name or slug"),
            "url-clash",
            units=(site.office.id,),
        )


def _editors(item: Planned) -> bool:
    """Made from an editor's file (a page, an alias, a static file): the one to blame for a clash."""
    return item.origin is not None or bool(item.source and item.source.source)


def _reader(path: Path) -> Callable[[], bytes]:
    return path.read_bytes
