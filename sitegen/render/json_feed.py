"""JSON Feed 1.1 beside every RSS/Atom feed: same items, same ids, same dates.

Built from the same :class:`sitegen.render.feeds.Feed` catalogue as the XML feeds,
so a reader switching format sees no item as new.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial
from typing import Any

from sitegen.config.settings import Network, Office
from sitegen.render.feeds import (
    Feed,
    Item,
    _categories,
    _published,
    _summary,
    _updated,
    catalogue,
    content_html,
    item_title,
)
from sitegen.render.made import Made
from sitegen.structure.pictures import card
from sitegen.structure.site import Site
from sitegen.urls import absolute, json_feed_path

VERSION = "https://jsonfeed.org/version/1.1"
MIME = "application/feed+json"


def _item(feed: Feed, item: Item) -> dict[str, Any]:
    page, unit = item.page, item.site
    aggregate = unit is not feed.site
    author = page.author or f"Humas {unit.office.short_name}"
    data: dict[str, Any] = {
        "id": page.feed_id,
        "url": absolute(unit.office.base_url, page.url),
        "title": item_title(page, unit, aggregate),
        "content_html": content_html(page, unit.office.base_url),
        "summary": _summary(page),
        "date_published": _published(page).isoformat(),
        "date_modified": _updated(page).isoformat(),
        "authors": [{"name": f"{author} ({unit.office.name})" if aggregate else author}],
        "language": page.lang,
    }
    # the labels readers see on pages and in RSS/Atom categories ("Pengawasan keimigrasian", not
    # "pengawasan"), a topic once however it was spelt; JSON Feed's tags carry no separate term
    tags = list(_categories(unit, page, aggregate).values())
    if tags:
        data["tags"] = tags
    photo = card(page, unit.office.base_url)
    if photo is not None:
        data["image"] = photo.url
    return data


def json_feed(feed: Feed) -> bytes:
    """One feed as JSON Feed 1.1 text, keys in a fixed order so an unchanged site gives the same bytes."""
    base = feed.site.office.base_url
    data = {
        "version": VERSION,
        "title": feed.title,
        "home_page_url": absolute(base, feed.html_url),
        "feed_url": absolute(base, json_feed_path(feed.atom_path)),
        "description": f"{feed.title}. Diterbitkan oleh {feed.site.office.name}.",
        "language": feed.site.network.default_language,
        "authors": [{"name": feed.site.office.name, "url": base}],
        "items": [_item(feed, item) for item in feed.items],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2).replace(
        "<", "\\u003c"
    )  # safe even if served as HTML
    return (text + "\n").encode("utf-8")


def json_feed_files(site: Site, models: Callable[[Office], Site]) -> list[Made]:
    """``feed.json`` beside every Atom feed of the unit.

    Each is made once however often it is asked for: the regional feed's subscribe page
    lists what the feed holds (:mod:`sitegen.render.plan`).
    """
    return [
        Made(json_feed_path(feed.atom_path), cache(partial(json_feed, feed)), feed.reads)
        for feed in catalogue(site, models)
    ]


@dataclass(frozen=True)
class Entry:
    """One item of a feed as a page lists it: what, from which unit, when, where (absolute)."""

    title: str
    unit: str  # the short name of the unit that published it
    date: datetime  # in the publishing unit's own zone
    url: str


def entries(data: bytes, network: Network) -> list[Entry]:
    """The items of a JSON Feed this module wrote, newest first, each with the unit its address belongs to.

    The regional subscribe page lists what its feed holds: reading the feed
    itself keeps the page and the feed the same, item for item.
    """
    found = []
    offices = sorted(network.offices, key=lambda o: len(o.base_url), reverse=True)  # longest prefix wins
    for item in json.loads(data)["items"]:
        office = next((o for o in offices if item["url"].startswith(o.base_url)), None)
        unit = office.short_name if office else ""
        title = item["title"].removeprefix(f"[{unit}] ") if unit else item["title"]
        found.append(Entry(title, unit, datetime.fromisoformat(item["date_published"]), item["url"]))
    return found
