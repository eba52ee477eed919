"""A published address never breaks: what was published last must still answer.

Journalists and other sites link to news items, announcements and service
pages; subscribers poll feeds. So before anything is written, every page
(``…/index.html``) and every feed (``rss.xml``, ``atom.xml``, ``feed.json``,
topics' feeds too) that the last published manifests list must still be made
by the new build, as itself, as a redirect (``aliases:``) or as a withdrawal
page (``gone:``). What was published last is read from a folder holding
``.sitegen/<id>.json`` manifests: the build's own output by default, or the
copy of the host that ``.ci/deployed`` fetches (``--against DIR``).

Not counted, because they change on purpose: assets, pictures, the search
index, list pages beyond the first (``page/2/``: lists shrink), the monthly
and yearly archive pages, and units no longer in offices.yaml (unpublished
whole). A unit without a manifest (a first build) is not checked.

A topic (``tag/x/``, with its feeds) may go without a decision of its own when every
item it listed went in a resolved way: withdrawn with ``gone:`` or deleted with its
address in another page's ``aliases:``. Its readers have the section instead. The
list of topics (``tag/``) goes the same way when the last topic does.

When an address is gone, the error names it and, where the page now lives
elsewhere (the same feed id, pinned with ``id:`` or recorded in the
manifest's ``ids``, or the same title), the exact ``aliases:`` line that
keeps it. ``sitegen mv`` (:mod:`sitegen.commands.mv`) moves a file and adds
that line itself.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml  # the host's copy: no entities, no network

from sitegen.build import JOURNAL, STATE
from sitegen.errors import Problems
from sitegen.i18n import N_, _
from sitegen.sources.source import Source
from sitegen.structure.model import publishes, url_of
from sitegen.structure.site import FEED_SECTIONS, Page, Site
from sitegen.urls import page_url, slugify

FEED_FILES = ("rss.xml", "atom.xml", "feed.json")
_LATER_PAGE = re.compile(r"(?:^|/)page/\d+/index\.html$")  # page 2, 3… of a list: lists shrink
_ARCHIVE_PART = re.compile(rf"^(?:[a-z]{{2}}/)?(?:{'|'.join(FEED_SECTIONS)})/arsip/\d{{4}}/")
_TOPIC_SUBSCRIBE = "langganan/tag/"  # sitegen.feeds: Feed.subscribe_url of a topic
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ENTRIES = re.compile(r'<ul class="entries">(.*?)</ul>', re.S)  # a list's items (partials/list.html)
_ENTRY_LINK = re.compile(r'<li>\s*<a href="([^"]+)"')
NARROWING = ("offices", "exclude_offices", "kinds", "services")

# Every message of this check, in one place: English msgids, translated where they are reported.
GONE = N_("{address} was published and is gone")
GONE_WITH_FEEDS = N_("{address} was published and is gone, with its feeds {feeds}")
FEED_GONE = N_("the feed {address} was published and is gone")
NOW_DRAFT = N_("{address} was published and is now a draft")
NARROWED = N_("{address} was published and is gone: {key} narrows this page away")
HINT_MOVED = N_(
    "it lives at /{new} now: add `{line}` to its front matter "
    "(next time `sitegen mv OLD NEW` moves a page and adds it for you)"
)
HINT_GONE = N_(
    "add {address} to aliases: of the page that replaces it, or keep its file with "
    'gone: "why it was withdrawn" in the front matter (readers then see that it was withdrawn)'
)
HINT_DRAFT = N_('remove draft: true, or write gone: "why it was withdrawn" to withdraw it')
HINT_NARROWED = N_(
    "to withdraw it from unit {unit}, write content/offices/{unit}/{key} with its title and "
    'gone: "why it was withdrawn"; or add {address} to aliases: of the page that replaces it there'
)
HINT_TOPIC = N_(
    "no published page is tagged {tag!r} any more: keep the tag on one; or, when the items that "
    'carried it are withdrawn (gone: "…") or redirected (aliases:), none of them still published '
    "without the tag, the topic goes with them; or add {address} to aliases: of the page that "
    "takes the topic's place"
)
HINT_TOPICS = N_("the list of topics goes when the last topic does: resolve the topics reported with it")
HINT_FEED = N_(
    "subscribers poll it: restore what made it, or leave the page it belongs to as a redirect (aliases:)"
)


def counts(path: str) -> bool:
    """Is this published file an address others may hold: a page or a feed (see the module doc)?"""
    name = path.rpartition("/")[2]
    if name in FEED_FILES:
        return True
    return (
        name == "index.html"
        and not _LATER_PAGE.search(path)
        and not _ARCHIVE_PART.match(path)
        and not path.startswith(_TOPIC_SUBSCRIBE)  # a topic's subscribe page goes with its topic
    )


@dataclass(frozen=True)
class TopicItem:
    """An item a published topic listed: the path of its link, and its feed id (the guid) if known."""

    link: str
    feed_id: str


@dataclass
class Published:
    """What was published last: a folder with ``.sitegen/<id>.json`` manifests (an output, or the host's copy)."""

    root: Path
    feed_limit: int = 20  # the network's feeds.items: a feed this long may have left items out
    _feed_titles: dict[str, dict[str, str]] = field(default_factory=dict)

    def record(self, unit: str) -> dict[str, Any] | None:
        """The unit's manifest, or None when it has none (never published: nothing to keep)."""
        if (self.root / STATE / JOURNAL).exists():
            return None  # an interrupted build: the next sitegen that opens the output finishes it first
        try:
            data = json.loads((self.root / STATE / f"{unit}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
            return None
        return data

    def title(self, unit: str, path: str) -> str:
        """The old page's title: its ``<h1>`` where the folder holds the page, else its feed item's."""
        try:
            match = _H1.search((self.root / unit / path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            match = None
        if match:
            return html.unescape(_TAG.sub("", match.group(1))).strip()
        url = "/" + path.removesuffix("index.html")
        # the site may live under a sub-path of its host: compare the ends of the links' paths
        return next((t for link, t in self._titles_in_feeds(unit).items() if link.endswith(url)), "")

    def topic_items(self, unit: str, url: str, old_files: dict[str, str]) -> list[TopicItem] | None:
        """Every item the topic at ``url`` ("tag/x/") listed when published, or None when unknown.

        Read from the topic's RSS feed (a host copy holds it too) and, where the folder holds
        pages, the entries of its first page. None when either may have been cut short: a feed
        as long as the feeds' limit, a list with a second page, or neither to read.
        """
        items: dict[str, TopicItem] = {}
        feed = self.root / unit / url / "rss.xml"
        if feed.is_file():
            try:
                entries = list(parse_xml(feed.read_bytes()).iter("item"))
            except (OSError, ET.ParseError, DefusedXmlException):
                return None
            for item in entries:
                link = urlsplit((item.findtext("link") or "").strip()).path
                items[link] = TopicItem(link, (item.findtext("guid") or "").strip())
            if len(entries) >= self.feed_limit:
                return None  # the topic may hold older items the feed left out
        try:
            page = (self.root / unit / url / "index.html").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            page = None
        if page is not None:
            if f"{url}page/2/index.html" in old_files:
                return None  # the first page of the list is not all of it
            listed = _ENTRIES.search(page)
            for href in _ENTRY_LINK.findall(listed.group(1) if listed else ""):
                link = html.unescape(href).split("#")[0].removesuffix("index.html")
                link = posixpath.normpath(posixpath.join("/" + url, link)) + "/"
                items.setdefault(link, TopicItem(link, ""))
        return list(items.values()) or None

    def _titles_in_feeds(self, unit: str) -> dict[str, str]:
        """Link path -> title of every item of the unit's published RSS feeds (a host copy holds no pages)."""
        if unit not in self._feed_titles:
            found: dict[str, str] = {}
            for feed in sorted((self.root / unit).glob("**/rss.xml")):
                try:
                    items = list(parse_xml(feed.read_bytes()).iter("item"))
                except (OSError, ET.ParseError, DefusedXmlException):
                    continue
                for item in items:
                    link = urlsplit((item.findtext("link") or "").strip()).path
                    found.setdefault(link, (item.findtext("title") or "").strip())
            self._feed_titles[unit] = found
        return self._feed_titles[unit]


def check(
    site: Site, made: set[str], sources: list[Source], published: Published, problems: Problems
) -> None:
    """Report every page and feed the unit last published that ``made`` (its new files) lacks."""
    record = published.record(site.office.id)
    if record is None:
        return  # never published: nothing to keep
    old_files: dict[str, str] = record["files"]
    missing = sorted(path for path in old_files if counts(path) and path not in made)
    if not missing:
        return
    unit = site.office.id
    feeds = [path for path in missing if path.rpartition("/")[2] in FEED_FILES]
    gone_pages = [path for path in missing if path not in feeds]
    renamed = _renamed(site, record.get("ids") or {})
    arrived = [p for p in site.pages if p.source and not p.gone and p.path not in old_files]
    withdrawn_tags = {slugify(tag) for p in site.pages if p.gone for tag in p.tags}
    accounted = set()  # folders whose page is reported (or accepted) with their feeds
    topics_resolved = True  # every topic that went, went with the items that kept it alive
    for path in gone_pages:
        url = path.removesuffix("index.html")
        accounted.add(url)
        address = f"/{url}"
        with_feeds = [f for f in feeds if f.rpartition("/")[0] + "/" == url]
        if url == "tag/":
            continue  # the list of topics goes with the last topic: decided below, once they are
        tag = url[len("tag/") : -1] if url.startswith("tag/") and url.count("/") == 2 else ""
        if tag:
            if not _topic_resolved(site, published.topic_items(unit, url, old_files), tag in withdrawn_tags):
                topics_resolved = False
                message = GONE_WITH_FEEDS if with_feeds else GONE
                names = ", ".join(f"/{f}" for f in with_feeds)
                problems.error(
                    address + "index.html",
                    0,
                    _(message, address=address, feeds=names),
                    _(HINT_TOPIC, tag=tag, address=address),
                    "address-gone",
                    units=(unit,),
                )
            continue
        page = renamed.get(url) or _same_title(published.title(unit, path), arrived)
        if page is not None:
            aliases = ", ".join(dict.fromkeys((*page.aliases, address)))
            meta = page.read_from.meta
            problems.error(
                page.read_from.path,
                meta.line_of("aliases") if page.aliases else meta.line_of("title"),
                _(GONE, address=address),
                _(HINT_MOVED, new=page.url, line=f"aliases: [{aliases}]"),
                "address-gone",
                units=(unit,),
                key="aliases",
            )
            continue
        if not _still_there(site, url, sources, address, problems):
            old = _old_source(url, record.get("ids") or {})
            problems.error(
                old or address + "index.html",
                0,
                _(GONE, address=address),
                _(HINT_GONE, address=address),
                "address-gone",
                units=(unit,),
            )
    if "tag/index.html" in gone_pages and not topics_resolved:
        problems.error(
            "/tag/index.html", 0, _(GONE, address="/tag/"), _(HINT_TOPICS), "address-gone", units=(unit,)
        )
    for path in feeds:
        folder = path.rpartition("/")[0]
        folder = folder + "/" if folder else ""
        if folder in accounted or folder in site.aliases:
            continue  # a feed goes with its page: reported with it, or redirected with it
        address = f"/{path}"
        problems.error(address, 0, _(FEED_GONE, address=address), _(HINT_FEED), "address-gone", units=(unit,))


def _topic_resolved(site: Site, items: list[TopicItem] | None, withdrawn: bool) -> bool:
    """Did the topic go only because every item that kept it alive was resolved?

    An item is resolved when it is published nowhere now, as itself (its address or its feed
    id), and its old address either shows its withdrawal (gone:) or redirects (aliases:). A
    reader following the topic then has the section's list and feeds instead. An item still
    published without the tag means the topic went for no resolved reason: the error stays.
    Without a record of the topic's items, a withdrawn item that carried the tag decides.
    """
    if items is None:
        return withdrawn
    live = [p for p in site.pages if not p.gone]
    live_ids = {p.feed_id for p in live if p.feed_id}
    known = {url: url in site.aliases or bool(site.by_url[url].gone) for url in site.by_url if url}
    known.update(dict.fromkeys(site.aliases, True))

    def resolved(item: TopicItem) -> bool:
        if item.feed_id and item.feed_id in live_ids:
            return False  # the item lives on (renamed, perhaps) without the tag
        # the site may live under a sub-path of its host: the longest URL the link ends with is its own
        ends = [url for url in known if item.link.endswith("/" + url)]
        return bool(ends) and known[max(ends, key=len)]

    return all(resolved(item) for item in items)


def _renamed(site: Site, old_ids: dict[str, str]) -> dict[str, Page]:
    """Old URL -> the page now publishing under a feed id the manifest recorded for another file."""
    old_by_id = {feed_id: rel for rel, feed_id in old_ids.items()}
    found: dict[str, Page] = {}
    for page in site.pages:
        if not page.feed_id or page.gone or page.source is None:
            continue
        old_rel = old_by_id.get(page.feed_id)
        if old_rel is None or old_rel == page.source.rel:
            continue
        key = _key(old_rel)
        for url in (url_of(key, page.source.meta), page_url(key)):
            if url != page.url:
                found.setdefault(url, page)
    return found


def _same_title(title: str, arrived: list[Page]) -> Page | None:
    """The one page new at its address with the old page's title, if there is exactly one."""
    if not title:
        return None
    same = [p for p in arrived if p.title.strip().casefold() == title.casefold()]
    return same[0] if len(same) == 1 else None


def _still_there(site: Site, url: str, sources: list[Source], address: str, problems: Problems) -> bool:
    """The source of ``url`` still exists but is a draft now, or narrowed away: say which, where."""
    unit = site.office.id
    overridden = {s.key for s in sources if s.scope == unit}
    for source in sources:
        if source.lang or source.scope not in ("shared", unit) or url_of(source.key, source.meta) != url:
            continue
        meta = source.meta
        if meta.draft:
            problems.error(
                source.path,
                meta.line_of("draft"),
                _(NOW_DRAFT, address=address),
                _(HINT_DRAFT),
                "address-gone",
                units=(unit,),
                key="draft",
            )
            return True
        if (
            source.is_shared
            and source.key not in overridden
            and not publishes(site.office, source, overridden)
        ):
            key = next((k for k in NARROWING if getattr(meta, k)), "offices")
            problems.error(
                source.path,
                meta.line_of(key),
                _(NARROWED, address=address, key=f"{key}:"),
                _(HINT_NARROWED, unit=unit, key=source.key, address=address),
                "address-gone",
                units=(unit,),
                key=key,
            )
            return True
    return False


def _old_source(url: str, old_ids: dict[str, str]) -> str:
    """Where the vanished page's file was, when the manifest recorded it (news and announcements)."""
    for rel in old_ids:
        if page_url(_key(rel)) == url:
            return f"content/{rel}"
    return ""


def _key(rel: str) -> str:
    """A source's key within its scope: "offices/alpha/berita/x.md" -> "berita/x.md"."""
    parts = PurePosixPath(rel).parts
    return "/".join(parts[2:] if parts[:1] == ("offices",) else parts[1:])
