"""RSS 2.0 and Atom 1.0 feeds, and an OPML list of every feed in the network.

What subscribers rely on, and how it is kept:
- An item's id never changes: ``tag:<authority>:<unit>/<section>/<published UTC>``
  (or ``tag:<authority>:<unit>/<id>`` when an editor pins ``id:``). It does not
  depend on title, slug, file name or the address the site is built for, and
  shared content gets one id per unit.
- Dates are in the unit's own zone with its offset; the feed's date is its
  newest item's date, never the build time, so an unchanged site yields
  byte-identical feeds.
- Items carry full HTML with absolute links, plus the summary, and the item's picture as an
  enclosure (with the published file's length and type) and ``media:content``.
- An example item (``sample: true``) is labelled in its title, summary and content, as
  its page is: a feed reader shows no page banner.
- A feed is plain XML, with no stylesheet pointer: browsers are withdrawing
  XSLT (Chromium shows a warning bar above a feed that names one). A reader who
  clicks "subscribe" lands on the feed's HTML page instead
  (:attr:`Feed.subscribe_url`, ``langganan/berita/``), which gives the address
  to copy, explains feeds and shows the latest items; ``<link rel="alternate">``
  in every page still names the feeds themselves, for readers and browsers.
"""

from __future__ import annotations

import heapq
import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from xml.etree import ElementTree as ET

from feedgen.feed import FeedGenerator
from lxml import etree

from sitegen import __version__
from sitegen.config.settings import Network, Office
from sitegen.render.links import absolutize
from sitegen.render.made import Made
from sitegen.structure.pictures import card
from sitegen.structure.site import Page, Site
from sitegen.urls import absolute, json_feed_path, slugify

RSS = "rss.xml"
ATOM = "atom.xml"
OPML = "feeds.opml"
SUBSCRIBE = "langganan/"  # the unit's subscribe page; each feed's own page lies under it
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # the date of a feed in a site with no dated items at all
# an example item says so in every feed too: a reader who sees only the feed (a journalist's
# reader, a title list) must not take a layout sample for news (see sitegen.structure.placeholders)
SAMPLE_LABEL = "[Contoh]"
SAMPLE_NOTE = "Contoh isi. Teks ini hanya contoh tata letak, bukan berita atau pengumuman resmi."
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Item:
    """A page as a feed item, with the site it belongs to (aggregates mix units)."""

    site: Site
    page: Page


@dataclass(frozen=True)
class Feed:
    """One feed: where it lives, what it is called, what it lists."""

    site: Site
    prefix: str  # "" for the unit's main feed, "berita/", "tag/paspor/", "wilayah/"
    title: str
    html_url: str  # the page that lists the same items
    items: tuple[Item, ...]
    aggregate: bool = False  # gathers other units' items (the regional feed)

    @property
    def rss_path(self) -> str:
        return self.prefix + RSS

    @property
    def atom_path(self) -> str:
        return self.prefix + ATOM

    @property
    def json_path(self) -> str:
        return json_feed_path(self.atom_path)

    @property
    def subscribe_url(self) -> str:
        """The feed's HTML page: "langganan/semua/" for the unit's main feed, "langganan/tag/paspor/"."""
        return SUBSCRIBE + (self.prefix or "semua/")

    @property
    def reads(self) -> tuple[str, ...] | None:
        """The pages whose body the feed shows (its items); None for an aggregate, which shows other units'.

        Everything else a feed shows (titles, dates, ids, pictures, the unit's settings) is
        in the unit's skeleton (:mod:`sitegen.build.dependencies`).
        """
        if self.aggregate:
            return None
        return tuple(sorted(item.page.path for item in self.items))

    @property
    def id(self) -> str:
        return f"tag:{self.site.network.id_authority}:{self.site.office.id}/feed/{self.prefix or 'all/'}"

    @property
    def updated(self) -> datetime:
        """The newest item's date; for an empty feed, the unit's newest item (feeds need a date)."""
        if self.items:
            return max(_updated(i.page) for i in self.items)
        return max((_updated(p) for p in self.site.news + self.site.announcements), default=EPOCH)


def _published(page: Page) -> datetime:
    """A feed item's date: feeds hold dated pages only (Page.is_feed_item)."""
    assert page.date is not None
    return page.date


def _updated(page: Page) -> datetime:
    date = _published(page)
    return max(date, page.updated) if page.updated else date


def _rank(page: Page) -> tuple[float, str]:
    """A feed's order: newest first, then by id (unique, so the order is total)."""
    return (-_published(page).timestamp(), page.feed_id)


def _newest(items: list[Item], limit: int) -> tuple[Item, ...]:
    """The ``limit`` newest items, newest first (what sorting them all and cutting gives, without the sort)."""
    return tuple(heapq.nsmallest(limit, items, key=lambda i: _rank(i.page)))


def catalogue(site: Site, models: Callable[[Office], Site] | None = None) -> list[Feed]:
    """Every feed a unit publishes. Without ``models`` the regional feed is listed empty.

    Made once per site and kind of call: the feed files, JSON Feed, OPML and the subscribe
    pages all ask, and each asking sorted every item of the unit again.
    """
    key = ("catalogue", models is not None and site.office.kind == "kanwil")
    if key not in site.derived:
        site.derived[key] = _catalogue(site, models)
    feeds: list[Feed] = site.derived[key]
    return feeds


def _catalogue(site: Site, models: Callable[[Office], Site] | None) -> list[Feed]:
    limit = site.network.feed_items
    name = site.office.short_name
    # every feed of the unit lists some of its items, newest first: sorted once, each feed
    # takes the first ``limit`` that are its own (a filtered sorted list stays sorted)
    ranked = sorted(site.news + site.announcements, key=_rank)

    def newest(belongs: Callable[[Page], bool]) -> tuple[Item, ...]:
        return tuple(islice((Item(site, p) for p in ranked if belongs(p)), limit))

    feeds = [
        Feed(site, "", f"{site.office.name}: berita dan pengumuman", "", newest(lambda _p: True)),
        Feed(site, "berita/", f"Berita {name}", "berita/", newest(lambda p: p.section == "berita")),
        Feed(
            site,
            "pengumuman/",
            f"Pengumuman {name}",
            "pengumuman/",
            newest(lambda p: p.section == "pengumuman"),
        ),
    ]
    if site.office.kind == "kanwil":
        items: list[Item] = []
        if models is not None:
            for office in site.network.offices:
                if office.parent == site.office.id or office.id == site.office.id:
                    unit = models(office)
                    items.extend(Item(unit, p) for p in unit.news + unit.announcements)
        feeds.append(
            Feed(
                site,
                "wilayah/",
                f"Berita dan pengumuman {name} dan seluruh unit di bawahnya",
                "",
                _newest(items, limit),
                aggregate=True,
            )
        )
    for tag, tagged in site.tags.items():
        members = {id(p) for p in tagged if p.is_feed_item}
        if members:
            feeds.append(
                Feed(
                    site,
                    f"tag/{tag}/",
                    f"{name}: topik {site.network.topic_name(tag)}",
                    f"tag/{tag}/",
                    newest(partial(_among, members)),
                )
            )
    return feeds


def _among(ids: set[int], page: Page) -> bool:
    return id(page) in ids


def feed_files(site: Site, models: Callable[[Office], Site]) -> list[Made]:
    """Every feed file of ``site``: RSS and Atom for each feed (the network's OPML is :func:`opml`)."""
    files = []
    for feed in catalogue(site, models):
        files.append(Made(feed.rss_path, partial(rss, feed), feed.reads))
        files.append(Made(feed.atom_path, partial(atom, feed), feed.reads))
    return files


def item_title(page: Page, unit: Site, aggregate: bool) -> str:
    """An item's title in every feed format: its unit named in an aggregate, an example labelled."""
    title = f"{SAMPLE_LABEL} {page.title}" if _is_sample(page) else page.title
    return f"[{unit.office.short_name}] {title}" if aggregate else title


def content_html(page: Page, base_url: str) -> str:
    """The page's HTML for a feed, its internal links made absolute; an example says so first.

    The address is written into href and src attributes, so it is escaped as
    attribute text, exactly as on the site's pages: a base_url holding a quote
    (refused in offices.yaml, but also reachable through --base-url) stays text.
    """
    body = absolutize(page.body, page.path, html_lib.escape(base_url, quote=True))
    return f"<p><strong>{SAMPLE_NOTE}</strong></p>\n{body}" if _is_sample(page) else body


def _summary(page: Page) -> str:
    if page.summary:
        text = page.summary
    else:
        match = _PARAGRAPH.search(page.body)
        text = html_lib.unescape(_TAG.sub("", match.group(1))).strip() if match else page.title
        text = text if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + "…"
    return f"{SAMPLE_NOTE} {text}" if _is_sample(page) else text


def _is_sample(page: Page) -> bool:
    return page.source is not None and page.source.meta.sample


def _generator(feed: Feed, fmt: str) -> FeedGenerator:
    site = feed.site
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    if fmt == "rss":
        fg.load_extension("media", atom=False, rss=True)
    fg.id(feed.id)
    fg.title(feed.title)
    fg.subtitle(f"Diterbitkan oleh {site.office.name}")
    fg.author({"name": site.office.name})
    fg.language(site.network.default_language)
    fg.generator("sitegen", version=__version__)
    fg.updated(feed.updated)
    fg.lastBuildDate(feed.updated)
    if feed.items:
        fg.pubDate(feed.updated)
    for item in feed.items:
        _entry(fg, feed, item, fmt)
    return fg


def _entry(fg: FeedGenerator, feed: Feed, item: Item, fmt: str) -> None:
    page, unit = item.page, item.site
    url = absolute(unit.office.base_url, page.url)
    aggregate = unit is not feed.site
    entry = fg.add_entry(order="append")
    entry.id(page.feed_id)
    entry.guid(page.feed_id, permalink=False)
    entry.title(item_title(page, unit, aggregate))
    entry.link(href=url, rel="alternate")
    entry.published(page.date)
    entry.updated(_updated(page))
    author = page.author or f"Humas {unit.office.short_name}"
    entry.author({"name": f"{author} ({unit.office.name})" if aggregate else author})
    entry.dc.dc_creator(author)
    # RSS's description is HTML: a plain-text summary must be escaped to stay text
    entry.summary(html_lib.escape(_summary(page), quote=False) if fmt == "rss" else _summary(page))
    # RSS carries the HTML in content:encoded as CDATA; Atom as escaped type="html"
    entry.content(content_html(page, unit.office.base_url), type="CDATA" if fmt == "rss" else "html")
    for term, label in _categories(unit, page, aggregate).items():
        entry.category(term=term, label=label)
    photo = card(page, unit.office.base_url)
    if photo is not None and fmt == "rss":
        # RSS's <enclosure> demands a byte length: only for a picture sitegen publishes itself
        if photo.length is not None:
            entry.enclosure(photo.url, str(photo.length), photo.mime)
        sizes = {"width": str(photo.width), "height": str(photo.height)} if photo.width else {}
        entry.media.content(url=photo.url, medium="image", type=photo.mime, group=None, **sizes)


def _categories(unit: Site, page: Page, aggregate: bool) -> dict[str, str]:
    """term -> label: a topic once, by its slug ("Pengawasan" and "pengawasan" are one), named as pages name it."""
    named: dict[str, str] = {}
    for text in (page.category, *page.tags):
        if text:
            named.setdefault(slugify(text), unit.network.topic_name(text))
    if aggregate:
        named.setdefault(slugify(unit.office.short_name), unit.office.short_name)
    return named


def rss(feed: Feed) -> bytes:
    fg = _generator(feed, "rss")
    base = feed.site.office.base_url
    fg.link(href=absolute(base, feed.rss_path), rel="self", type="application/rss+xml")
    fg.link(href=absolute(base, feed.html_url), rel="alternate")  # RSS's <link> is the last one given
    fg.description(f"{feed.title}. Diterbitkan oleh {feed.site.office.name}.")
    data: bytes = fg.rss_str(pretty=True)
    return data


def atom(feed: Feed) -> bytes:
    fg = _generator(feed, "atom")
    base = feed.site.office.base_url
    fg.link(href=absolute(base, feed.atom_path), rel="self", type="application/atom+xml")
    fg.link(href=absolute(base, feed.html_url), rel="alternate", type="text/html")
    return _fix_atom_links(fg.atom_str(pretty=True), feed)


def _fix_atom_links(data: bytes, feed: Feed) -> bytes:
    """feedgen 1.0 drops rel and type from entry links; write them, and image enclosures, ourselves."""
    tree = etree.fromstring(data)
    ns = "{http://www.w3.org/2005/Atom}"
    for element, item in zip(tree.iter(f"{ns}entry"), feed.items, strict=True):
        link = element.find(f"{ns}link")
        if link is None:  # feedgen writes one for every entry (each has its page's URL)
            continue
        link.set("rel", "alternate")
        link.set("type", "text/html")
        photo = card(item.page, item.site.office.base_url)
        if photo is not None:
            enclosure = etree.Element(f"{ns}link", href=photo.url, rel="enclosure", type=photo.mime)
            if photo.length is not None:
                enclosure.set("length", str(photo.length))
            link.addnext(enclosure)
    etree.indent(tree, space="  ")
    fixed: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return fixed


def opml(network: Network, models: Callable[[Office], Site]) -> bytes:
    """Every feed of every unit, grouped by unit: subscribe to the whole network in one step.

    The same bytes for every unit's site, so a build makes it once.
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = f"Umpan berita {network.name}"
    body = ET.SubElement(root, "body")
    for office in network.offices:
        unit = models(office)
        group = ET.SubElement(body, "outline", text=office.name, title=office.name)
        for feed in catalogue(unit):  # each feed once: importing it must not subscribe twice
            ET.SubElement(
                group,
                "outline",
                type="rss",
                text=feed.title,
                title=feed.title,
                version="RSS2",
                xmlUrl=absolute(office.base_url, feed.rss_path),
                htmlUrl=absolute(office.base_url, feed.html_url),
            )
    ET.indent(root)
    text: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + text + b"\n"
