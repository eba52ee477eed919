"""The pages a foreigner needs in English, and which of them a unit publishing English still lacks.

A unit that declares ``languages: [id, en]`` promises foreign nationals a site
they can use: how to reach the office, how to complain, how to find a page, how
to follow its news, and what to do on a broken address. Each of these is named
here once; `sitegen check` warns, for each unit publishing English, about every
one it has no English version of, naming the file (or the page) to add.
Pages under ``layanan/wna/`` are checked one by one by sitegen.check.findings.

Search and the not-found page are made by the theme, not written as content:
the renderer makes them in every language the unit publishes and the theme
translates (a catalog ``locales/<lang>/`` of its own or of ``default``), so only
a theme without an English catalog leaves them missing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sitegen.structure.site import Site

ENGLISH = "en"


@dataclass(frozen=True)
class Needed:
    """One page a foreigner needs: its address on the Indonesian site, what it is, where its English goes."""

    url: str  # the original's address, "informasi-publik/pengaduan/"
    what: str  # what the page is for, as the warning says it
    file: str  # the file to add, in content/shared/ (or the unit's folder), or "" for a page the theme makes


# Content pages: an English file beside the Indonesian one publishes them under /en/.
CONTENT_PAGES = (
    Needed("", "home page", "_index.en.md"),
    Needed("profil/", "contact and address (About us)", "profil/_index.en.md"),
    Needed("informasi-publik/pengaduan/", "complaints", "informasi-publik/pengaduan.en.md"),
    Needed("langganan/", "subscribe (feeds)", "langganan/_index.en.md"),
)
# Pages the theme makes from its templates, not from content: an English one is the theme's to add.
THEME_PAGES = (
    Needed("cari/", "search", ""),
    Needed("404.html", "page not found (404)", ""),
)


def theme_languages(site: Site, translated: Collection[str]) -> list[str]:
    """The languages besides the site's own in which the theme makes its pages (search, not found).

    ``translated`` are the languages the theme has a catalog for: a page in a
    language the theme cannot speak would show Indonesian text under another
    ``lang``, so none is made.
    """
    own = site.network.default_language
    return [lang for lang in site.languages if lang != own and lang in translated]


def theme_page_url(lang: str, url: str) -> str:
    """A theme page's address in ``lang``: ("en", "cari/") -> "en/cari/", ("en", "404.html") -> "en/404.html"."""
    return f"{lang}/{url}"


def missing_english(site: Site, translated: Collection[str] = ()) -> list[Needed]:
    """The foreigner's pages the unit's site lacks in English; none for a unit not publishing English.

    ``translated``: the languages the unit's theme has a catalog for (see :func:`theme_languages`).
    """
    if ENGLISH not in site.office.languages:
        return []
    missing = [n for n in CONTENT_PAGES if f"{ENGLISH}/{n.url}" not in site.by_url]
    if ENGLISH not in theme_languages(site, translated):
        missing += THEME_PAGES
    return missing
