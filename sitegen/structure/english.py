"""The pages a foreigner needs in English, and which of them a unit publishing English still lacks.

A unit that declares ``languages: [id, en]`` promises foreign nationals a site
they can use: how to reach the office, how to complain, how to find a page, how
to follow its news, and what to do on a broken address. Each of these is named
here once; `sitegen check` warns, for each unit publishing English, about every
one it has no English version of, naming the file (or the page) to add.
Pages under ``layanan/wna/`` are checked one by one by sitegen.check.findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.structure.model import Site

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


def missing_english(site: Site) -> list[Needed]:
    """The foreigner's pages the unit's site lacks in English; none for a unit not publishing English."""
    if ENGLISH not in site.office.languages:
        return []
    missing = [n for n in CONTENT_PAGES if f"{ENGLISH}/{n.url}" not in site.by_url]
    missing += [n for n in THEME_PAGES if f"{ENGLISH}/{n.url}" not in site.by_url]
    return missing
