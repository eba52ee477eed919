"""What one unit's site is: its pages and the views templates, feeds and link checks read.

Plain objects, made by sitegen.structure.model from the parsed sources and never changed
after; nothing here reads the disk, renders or writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from sitegen.config.settings import Network, Office
from sitegen.sources.source import Source
from sitegen.structure.pictures import Picture
from sitegen.structure.placeholders import is_example

FEED_SECTIONS = ("berita", "pengumuman")


@dataclass
class Page:
    """One page of one unit's site. ``body`` is HTML already filled with the unit's data."""

    source: Source | None
    url: str
    path: str
    title: str
    section: str
    body: str = ""
    summary: str = ""
    date: datetime | None = None
    updated: datetime | None = None
    expires: datetime | None = None
    verified: datetime | None = None
    source_name: str = ""  # front matter source: what the facts were checked against
    source_url: str = ""  # front matter source_url: where a reader opens that source
    tags: tuple[str, ...] = ()
    pinned: bool = False  # first on its section's list and the home page; feeds stay by date
    category: str = ""
    author: str = ""
    image: str = ""
    lang: str = "id"
    weight: int = 0
    aliases: tuple[str, ...] = ()
    is_index: bool = False
    feed_id: str = ""
    children: list[Page] = field(default_factory=list)
    # the children split once, when the tree is linked: a list page of a section with 20,000
    # items must not filter them again for each of its pages
    subsections: list[Page] = field(default_factory=list)  # children that are sections themselves
    items: list[Page] = field(default_factory=list)  # the other children, in list order
    translations: dict[str, Page] = field(default_factory=dict)  # the same page in other languages
    picture: Picture | None = None  # the item's picture: image:, else the first in the text
    pictures: tuple[Picture, ...] = ()  # every picture the page publishes (sitegen.structure.pictures)
    gone: str = ""  # withdrawn: a page saying so and why stays at its address, listed nowhere

    @property
    def read_from(self) -> Source:
        """The file this page was read from, where only such a page can be meant.

        The section pages a build synthesises have no file, but no slug, alias or feed id
        either, so the checks that name a file never meet one.
        """
        if self.source is None:
            raise LookupError(f"/{self.url} is a generated page, read from no file")
        return self.source

    @property
    def original_url(self) -> str:
        """The URL of this page in the site's own language: "en/layanan/" -> "layanan/"."""
        prefix = f"{self.lang}/"
        return self.url[len(prefix) :] if self.url.startswith(prefix) else self.url

    @property
    def is_feed_item(self) -> bool:
        """News and announcements with a date go into feeds; nothing else does, whatever its date."""
        return self.date is not None and self.section in FEED_SECTIONS and not self.is_index and not self.gone

    def in_force(self, now: datetime) -> bool:
        return self.expires is None or now <= self.expires

    @cached_property
    def sort_key(self) -> tuple[float, int, str, str]:
        stamp = -self.date.timestamp() if self.date else 0.0
        return (stamp, self.weight, self.title.casefold(), self.url)


@dataclass
class Site:
    """Everything one unit publishes, ready for templates, feeds and link checks."""

    office: Office
    network: Network
    now: datetime
    pages: list[Page]
    by_url: dict[str, Page]
    tags: dict[str, list[Page]]
    aliases: dict[str, Page]
    next_change: datetime | None = None  # when a future page appears or an announcement expires
    static: dict[str, Path] = field(default_factory=dict)  # the unit's own files, copied as they are
    # views derived from the pages, made once: a unit of 5,000 items was sorted again for each
    # list, feed and template asking (the pages do not change once the site is made)
    derived: dict[object, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def home(self) -> Page:
        return self.by_url[""]

    @property
    def languages(self) -> tuple[str, ...]:
        """The site's own language first, then the translations the unit publishes."""
        return tuple(dict.fromkeys((self.network.default_language, *self.office.languages)))

    def home_of(self, lang: str) -> Page:
        """The home page in ``lang`` ("en/"); the site's own home for its language or one it lacks."""
        return self.by_url.get(f"{lang}/") or self.by_url[""]

    def section(self, name: str) -> Page:
        return self.by_url[f"{name}/"]

    def dated(self, section: str) -> list[Page]:
        """The section's items, newest first (a new list each call: callers may sort it)."""
        key = ("dated", section)
        if key not in self.derived:
            self.derived[key] = sorted(
                (p for p in self.pages if p.section == section and p.is_feed_item),
                key=lambda p: p.sort_key,
            )
        return list(self.derived[key])

    @property
    def news(self) -> list[Page]:
        """The unit's news, pinned items first (feeds sort by date themselves)."""
        return sorted(self.dated("berita"), key=lambda p: not p.pinned)

    @property
    def announcements(self) -> list[Page]:
        return self.dated("pengumuman")

    @property
    def announcements_in_force(self) -> list[Page]:
        return [p for p in self.announcements if p.in_force(self.now)]

    def tag_has_feed(self, tag: str) -> bool:
        """A topic gets its own feeds when it holds at least one news item or announcement."""
        return any(p.is_feed_item for p in self.tags.get(tag, ()))

    @property
    def parent(self) -> Office | None:
        return self.network.office(self.office.parent) if self.office.parent in self.network.ids else None


def template_vars(site: Site) -> dict[str, Any]:
    """Shared template variables for every page of a site."""
    return {
        "site": site,
        "office": site.office,
        "network": site.network,
        "parent": site.parent,
        "example_data": is_example(site.office),  # every page says so until the data is real
    }
