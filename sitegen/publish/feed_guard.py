"""Guarding subscribers: compare the feeds of two built outputs (the last deploy and the new build).

A reader's app identifies items by id and orders them by date. This fails when
an item kept its link but got a new id (readers see a duplicate), when its
published date moved (it jumps in the reader's list), or when it vanished from
a unit's feed while its page still exists (it was not removed from content,
nor pushed off the end of the feed by newer items).

Whether a page "still exists" is asked of the content when the guard is given
the project (``--root``): the rule is that an item vanishing from a feed is a
problem unless its page is gone from the content (deleted, made a draft,
narrowed away). The new output alone cannot say so: whatever made a build drop
the items (a folder it could not read, a bug) dropped their pages too, and the
loss looked like a deletion. Reading the content, the guard also fails when
any of it cannot be read. Without ``--root`` the new output stands in for the
content, as before.
A withdrawal page (``gone:``) or a redirect (``aliases:``) at its address is no
page of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml  # a published copy: no entities, no network

from sitegen.i18n import _

ATOM = "{http://www.w3.org/2005/Atom}"
# the feeds every unit has, in all three formats (a topic's feeds go when its last item does),
# and the regional office's feed of its units: gone from an output while the unit stands, an error
MAIN_FEEDS = tuple(
    f"{folder}{name}"
    for folder in ("", "berita/", "pengumuman/")
    for name in ("rss.xml", "atom.xml", "feed.json")
)
REGIONAL_FEEDS = ("wilayah/rss.xml", "wilayah/atom.xml", "wilayah/feed.json")


@dataclass(frozen=True)
class Entry:
    id: str
    link: str
    published: datetime | None


@dataclass(frozen=True)
class ParsedFeed:
    link: str  # the site the feed belongs to (RSS channel link / Atom alternate)
    entries: tuple[Entry, ...]


def read_feed(path: Path) -> ParsedFeed:
    if path.suffix == ".json":
        return _read_json_feed(path)
    root = parse_xml(path.read_bytes())
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            return ParsedFeed("", ())  # an RSS feed without a channel lists nothing
        items = tuple(
            Entry(
                (item.findtext("guid") or item.findtext("link") or "").strip(),
                (item.findtext("link") or "").strip(),
                parsedate_to_datetime(date) if (date := item.findtext("pubDate")) else None,
            )
            for item in channel.findall("item")
        )
        return ParsedFeed((channel.findtext("link") or "").strip(), items)
    entries = []
    for entry in root.findall(f"{ATOM}entry"):
        link = next(
            (
                el.get("href", "")
                for el in entry.findall(f"{ATOM}link")
                if el.get("rel", "alternate") == "alternate"
            ),
            "",
        )
        published = entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")
        entries.append(
            Entry(
                (entry.findtext(f"{ATOM}id") or "").strip(),
                link,
                datetime.fromisoformat(published) if published else None,
            )
        )
    site = next(
        (el.get("href", "") for el in root.findall(f"{ATOM}link") if el.get("rel") == "alternate"), ""
    )
    return ParsedFeed(site, tuple(entries))


def _read_json_feed(path: Path) -> ParsedFeed:
    """A JSON Feed's items as the XML feeds' entries: its id, its url, its published date."""
    try:
        data = json.loads(path.read_bytes())
        items = data["items"]
        return ParsedFeed(
            str(data.get("home_page_url", "")),
            tuple(
                Entry(
                    str(item.get("id", "")),
                    str(item.get("url", "")),
                    datetime.fromisoformat(date) if (date := item.get("date_published")) else None,
                )
                for item in items
            ),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(str(exc)) from exc


def feed_paths(root: Path) -> list[str]:
    """Every feed below an output root (RSS, Atom and JSON Feed), as paths relative to it,
    sitegen's state excluded."""
    return sorted(
        p.relative_to(root).as_posix()
        for pattern in ("*.xml", "feed.json")
        for p in root.rglob(pattern)
        if p.is_file() and ".sitegen" not in p.relative_to(root).parts and p.name != "sitemap.xml"
    )


Published = Callable[[str], set[str] | None]  # unit -> the site paths its content publishes ("berita/x/")


def compare(old_root: Path, new_root: Path, published: Published | None = None) -> tuple[int, list[str]]:
    """Compare every feed present in both outputs; return (feeds compared, problems).

    ``published`` gives the pages a unit's content publishes; without it, the new output's pages count.
    """
    problems: list[str] = []
    compared = 0
    new_paths = set(feed_paths(new_root))
    addresses: dict[str, str] = {}  # unit -> its site's address
    for rel in feed_paths(old_root):
        unit, _sep, inner = rel.partition("/")
        guarded = inner in MAIN_FEEDS or inner in REGIONAL_FEEDS
        if rel not in new_paths:
            if guarded and (new_root / unit).is_dir():
                problems.append(_("{feed}: the feed is gone from the new output", feed=rel))
            continue
        compared += 1
        try:
            old, new = read_feed(old_root / rel), read_feed(new_root / rel)
        except (ET.ParseError, DefusedXmlException, ValueError) as exc:
            problems.append(
                _("{feed}: the feed cannot be read as XML or JSON ({reason})", feed=rel, reason=exc)
            )
            continue
        pages = published(unit) if published is not None else None
        if unit not in addresses:
            addresses[unit] = _unit_address(new_root, unit) or _unit_address(old_root, unit)
        site = addresses[unit]
        problems.extend(_compare_feed(rel, old, new, new_root / unit, site, inner in MAIN_FEEDS, pages))
    return compared, problems


def _unit_address(root: Path, unit: str) -> str:
    """The unit's own address, from its main feed: the items of a section's or a topic's feed
    are pages of the unit's site, not of the page their feed links (``…/berita/``)."""
    try:
        return read_feed(root / unit / "rss.xml").link
    except (OSError, ET.ParseError, DefusedXmlException, ValueError):
        return ""


def _compare_feed(
    rel: str,
    old: ParsedFeed,
    new: ParsedFeed,
    new_site: Path,
    site: str,
    check_vanished: bool,
    pages: set[str] | None = None,
) -> list[str]:
    problems = []
    new_by_link = {e.link: e for e in new.entries}
    new_by_id = {e.id: e for e in new.entries}
    oldest_new = min((e.published for e in new.entries if e.published), default=None)
    full = len(new.entries) >= len(old.entries)
    for entry in old.entries:
        same_link = new_by_link.get(entry.link)
        if same_link is not None and same_link.id != entry.id:
            moved = ""
            if entry.published and same_link.published and entry.published != same_link.published:
                moved = _(
                    "; its published date moved from {old} to {new}",
                    old=entry.published.isoformat(),
                    new=same_link.published.isoformat(),
                )
            problems.append(
                _(
                    "{feed}: {link} changed its id from {old} to {new}{moved} "
                    "(to keep the old id, add 'id: {old}' to its front matter)",
                    feed=rel,
                    link=entry.link,
                    old=entry.id,
                    new=same_link.id,
                    moved=moved,
                )
            )
            continue
        same = new_by_id.get(entry.id)
        if same is not None:
            if entry.published and same.published and entry.published != same.published:
                problems.append(
                    _(
                        "{feed}: {link} published date moved from {old} to {new}",
                        feed=rel,
                        link=entry.link,
                        old=entry.published.isoformat(),
                        new=same.published.isoformat(),
                    )
                )
            continue
        if not check_vanished:
            continue
        pushed_off = (
            full and oldest_new is not None and entry.published is not None and entry.published <= oldest_new
        )
        if pushed_off:
            continue
        if pages is not None:
            if _site_path(entry.link, site or new.link or old.link) in pages:
                problems.append(
                    _(
                        "{feed}: {link} vanished from the feed while its page is still in the content",
                        feed=rel,
                        link=entry.link,
                    )
                )
        elif _page_exists(entry.link, site or new.link, new_site):
            problems.append(
                _(
                    "{feed}: {link} vanished from the feed while its page still exists",
                    feed=rel,
                    link=entry.link,
                )
            )
    return problems


def _page_exists(link: str, site_link: str, site_dir: Path) -> bool:
    base = site_link.rstrip("/") + "/"
    if not link.startswith(base):
        return False
    rel = link[len(base) :].split("#")[0].split("?")[0]
    target = site_dir / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)
    if not target.is_file():
        return False
    # an item withdrawn (gone:) or deleted with its address redirected (aliases:) left the feed on
    # purpose: its address only says so (noindex), or sends readers on (a refresh to another page)
    text = target.read_text("utf-8", errors="replace")
    return '<meta name="robots" content="noindex">' not in text and '<meta http-equiv="refresh"' not in text


def _site_path(link: str, site_link: str) -> str | None:
    """The path of ``link`` inside the site at ``site_link`` ("berita/x/"), None when it is elsewhere."""
    base = site_link.rstrip("/") + "/"
    if not link.startswith(base):
        return None
    return link[len(base) :].split("#")[0].split("?")[0]
