"""What `sitegen check` finds beyond a build's own errors, and the coverage table.

The build already reports broken content, office variables, duplicate URLs and
links inside a unit. Here: links from one unit's site to another's, expired
announcements, shared pages no unit publishes, and missing English pages.

Translation rule: a unit that declares ``languages: [id, en]`` serves
foreigners, so every page it publishes under ``layanan/wna/`` should have an
English translation (``NAME.en.md`` beside ``NAME.md``, published under
``/en/``); a page in another language at an Indonesian address is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from sitegen import hints
from sitegen.build.project import Project
from sitegen.check.slips import removed_html, slip_warnings
from sitegen.errors import Problems
from sitegen.i18n import N_, _
from sitegen.render.links import target_file
from sitegen.render.templates import load_theme
from sitegen.sources import word_html
from sitegen.sources.markdown import left_out_syntax
from sitegen.sources.sanitize import EMBED_HOSTS
from sitegen.structure.english import missing_english
from sitegen.structure.model import publishes
from sitegen.structure.site import Site

_ABSOLUTE = re.compile(r'\s(?:href|src)="(https?://[^"]+)"')
# what a browser loads by itself when it shows a page: pictures, frames, scripts, media, stylesheets
_LOADING_TAG = re.compile(r"<(img|iframe|script|video|audio|source|embed|link)\b([^>]*)>", re.I)
_LOADED_URL = re.compile(r"""\s(?:src|href|poster)=["']((?:https?:)?//[^"']+)["']""", re.I)
_KINDS = {
    "img": N_("a picture"),
    "iframe": N_("a frame"),
    "script": N_("a script"),
    "link": N_("a stylesheet"),
}
FOREIGNER_FACING = "layanan/wna/"


@dataclass
class CrossLinks:
    """Collects, while rendering, each unit's files and its links into other units' sites."""

    files: dict[str, set[str]] = field(default_factory=dict)
    links: list[tuple[Site, str, str]] = field(default_factory=list)  # (site, from file, absolute URL)
    loads: list[tuple[Site, str, str, str]] = field(default_factory=list)  # (site, file, element, URL)

    def __call__(self, site: Site, path: str, data: bytes) -> None:
        self.files.setdefault(site.office.id, set()).add(path)
        if path.endswith(".html"):
            text = data.decode("utf-8", "replace")
            for url in _ABSOLUTE.findall(text):
                self.links.append((site, path, url))
            for element, attributes in _LOADING_TAG.findall(text):
                if element.lower() == "link" and "stylesheet" not in attributes.lower():
                    continue  # a link to a feed or a translation loads nothing
                for url in _LOADED_URL.findall(attributes):
                    self.loads.append((site, path, element.lower(), url))

    def check(self, project: Project, problems: Problems) -> None:
        bases = sorted(((o.base_url, o.id) for o in project.network.offices), key=lambda b: -len(b[0]))
        for site, from_file, url in self.links:
            for base, unit in bases:
                if unit in self.files and url.startswith(base) and unit != site.office.id:
                    target = target_file("/" + url[len(base) :], "index.html")
                    if target is not None and target not in self.files[unit]:
                        source = _source_of(site, from_file)
                        problems.error(
                            source or f"/{from_file}",
                            0,
                            _("link to {url}, which unit {unit} does not publish", url=url, unit=unit),
                            _("check the address against that unit's pages"),
                            "cross-unit-link",
                            units=(site.office.id,),
                        )
                    break
        self._check_loads(problems)

    def _check_loads(self, problems: Problems) -> None:
        """A page that loads something from another host: it breaks when that host goes (an old
        WordPress site switched off) and tells that host who reads the page. The allowed video
        players (sitegen.sources.sanitize.EMBED_HOSTS) are the one exception, chosen by the editor."""
        for site, from_file, element, url in self.loads:
            absolute = "https:" + url if url.startswith("//") else url
            if urlsplit(absolute).netloc == urlsplit(site.office.base_url).netloc:
                continue
            if element == "iframe" and absolute.startswith(EMBED_HOSTS):
                continue
            source = _source_of(site, from_file)
            line = _line_in(source, url) if source else 0
            problems.warning(
                source or f"/{from_file}",
                line,
                _(
                    "the page loads {what} from another host: {url}",
                    what=_(_KINDS[element]) if element in _KINDS else element,
                    url=url,
                ),
                _(
                    "copy the file into the site (sitegen import wordpress --uploads DIR puts an old "
                    "site's files in place) and link the copy"
                ),
                "foreign-host",
                units=(site.office.id,),
            )


def _line_in(source: str, url: str) -> int:
    """The line of ``source`` naming ``url`` (1 when the page only inherits it)."""
    try:
        text = Path(source).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 0
    at = text.find(url.replace("&amp;", "&"))
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _source_of(site: Site, path: str) -> str | None:
    for page in site.pages:
        if page.path == path and page.source is not None:
            return str(page.source.path)
    return None


def content_warnings(project: Project, sites: list[Site], now: datetime, problems: Problems) -> None:
    """Expired announcements, pages nobody publishes, missing or unexpected English pages."""
    for site in sites:
        _expired_announcements(site, now, problems)
        _page_warnings(site, problems)
        _english_pages(project, site, problems)
    for office in project.network.offices:
        if office.trusted_html:
            problems.warning(
                project.network.path,
                office.line,
                _("unit {unit} publishes raw HTML unchecked (trusted_html: true)", unit=office.id),
                _("remove trusted_html unless a reviewer vouches for every page of the unit"),
                "trusted-html",
                unit=office.id,
                key="trusted_html",
            )
    _source_warnings(project, problems)


def _expired_announcements(site: Site, now: datetime, problems: Problems) -> None:
    for page in site.announcements:
        if not page.in_force(now) and page.source is not None:
            problems.info(
                page.source.path,
                page.source.meta.line_of("expires"),
                _("announcement expired on {expires}", expires=f"{page.expires:%Y-%m-%d %H:%M}"),
                _(
                    "it stays published in the archive, as announcements do; if it still applies, move its "
                    'expires date; to take it down, keep the file and add gone: "why it was withdrawn" '
                    "(deleting the file would break its published address)"
                ),
                "announcement-expired",
                units=(site.office.id,),
                key="expires",
            )


def _page_warnings(site: Site, problems: Problems) -> None:
    """Raw HTML published unchecked, a missing English translation, a translation at the wrong address."""
    english = "en" in site.office.languages
    for page in site.pages:
        source = page.source
        if source is None:
            continue
        if source.meta.trusted_html:
            problems.warning(
                source.path,
                source.meta.line_of("trusted_html"),
                _("raw HTML in this page is published unchecked (trusted_html: true)"),
                _("remove trusted_html unless a reviewer vouches for every tag in it"),
                "trusted-html",
                key="trusted_html",
            )
        if english and page.url.startswith(FOREIGNER_FACING) and "en" not in page.translations:
            problems.warning(
                source.path,
                1,
                _("foreigner-facing page has no English translation"),
                _(
                    "the unit declares languages [id, en]: write the English as {name}.en.md beside it",
                    name=source.path.name.removesuffix(".md"),
                ),
                "missing-translation",
                units=(site.office.id,),
            )
        if page.lang != site.network.default_language and not source.lang:
            problems.warning(
                source.path,
                source.meta.line_of("lang"),
                _(
                    "a page in '{lang}' at an address of the {default} site",
                    lang=page.lang,
                    default=site.network.default_language,
                ),
                _(
                    "name the file NAME.{lang}.md beside the page it translates; it is then "
                    "published under /{lang}/ and linked both ways",
                    lang=page.lang,
                ),
                "wrong-language-address",
                key="lang",
            )


def _english_pages(project: Project, site: Site, problems: Problems) -> None:
    """The pages a unit that declares English lacks in English (its own, the shared ones, the theme's)."""
    office = site.office
    translated = load_theme(project.themes_dir, office.theme).catalogs
    for needed in missing_english(site, translated):
        if needed.file:
            fix = _(
                "the unit declares languages [id, en]: add content/shared/{file} (or content/offices/{unit}/{file})",
                file=needed.file,
                unit=office.id,
            )
        else:
            fix = _(
                "the theme makes /{url} in Indonesian only: add an English version to the theme",
                url=needed.url,
            )
        problems.warning(
            project.network.path,
            office.lines.get("languages", office.line),
            _("no English {what} page at /en/{url}", what=needed.what, url=needed.url),
            fix,
            "english-page-missing",
            units=(office.id,),
            key="languages",
        )


def _source_warnings(project: Project, problems: Problems) -> None:
    """Slips in writing (sitegen.check.slips), traces of Word, Markdown sitegen does not read,
    and shared pages no unit publishes."""
    own_keys: dict[str, set[str]] = {}  # a unit's own files, which replace shared ones of the same key
    for source in project.sources:
        own_keys.setdefault(source.scope, set()).add(source.key)
    for source in project.sources:
        slip_warnings(source, project.network, problems)
        if source.is_shared or not project.network.office(source.scope).trusted_html:
            removed_html(source, problems)
        pasted = word_html.traces(source.body)
        if pasted is not None:
            said = hints.word_html(", ".join(pasted[1]))
            problems.warning(source.path, source.body_line + pasted[0], said.message, said.hint, said.code)
        for offset, what, fix in left_out_syntax(source.body):
            problems.warning(
                source.path,
                source.body_line + offset,
                _(
                    "{what} is not part of the Markdown sitegen reads: readers would see it as typed",
                    what=what,
                ),
                fix,
                "unread-markdown",
            )
        if source.is_shared and not any(
            publishes(o, source, own_keys.get(o.id, set())) for o in project.network.offices
        ):
            problems.warning(
                source.path,
                1,
                _("no unit publishes this shared page"),
                _(
                    "check offices:, exclude_offices:, kinds: and services:, or every unit has its own version"
                ),
                "unpublished-shared-page",
            )


def coverage(project: Project) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Units x shared pages: '+' published, 'own' replaced by the unit's file, 'draft', or why not.

    A page a unit does not publish says which front matter key narrowed it away:
    '-offices', '-exclude_offices', '-kinds' or '-services'.
    """
    units = list(project.network.offices)
    rows = []
    for source in sorted((s for s in project.sources if s.is_shared), key=lambda s: s.key):
        cells = []
        for office in units:
            own = {s.key for s in project.sources if s.scope == office.id}
            if source.key in own:
                cells.append("own")
            elif publishes(office, source, own):
                cells.append("draft" if source.meta.draft else "+")
            else:
                cells.append("-" + _narrowed_by(office, source))
        rows.append((source.key, cells))
    return [o.id for o in units], rows


def _narrowed_by(office, source) -> str:
    meta = source.meta
    if meta.offices and office.id not in meta.offices:
        return "offices"
    if office.id in meta.exclude_offices:
        return "exclude_offices"
    if meta.kinds and office.kind not in meta.kinds:
        return "kinds"
    return "services"
