"""A feed link a reader clicks opens a readable page in every browser: no XSLT, an HTML page per feed."""

from __future__ import annotations

import re

import pytest

from .conftest import REPO
from .test_feeds import all_feeds, build, parse

_FEED_FILE = re.compile(r"(?:rss\.xml|atom\.xml|feed\.json)$")


@pytest.fixture
def built(project):
    build(project)
    return project


def html(project, rel: str) -> str:
    return (project.out / rel).read_text(encoding="utf-8")


def test_no_feed_names_a_stylesheet_and_the_theme_ships_none(built):
    """Browsers are withdrawing XSLT and warn above a feed that uses it: feeds are plain XML."""
    feeds = [rel for rel in all_feeds(built) if rel.endswith(("rss.xml", "atom.xml"))]
    assert "alpha/tag/paspor/rss.xml" in feeds and "wilayah/wilayah/atom.xml" in feeds
    for rel in feeds:
        data = (built.out / rel).read_bytes()
        assert b"xml-stylesheet" not in data, rel
        parse(built, rel)  # still a clean feed
    assert not list(built.out.rglob("*.xsl")) and not list((REPO / "themes").rglob("*.xsl"))


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("alpha/langganan/semua/index.html", ""),
        ("alpha/langganan/berita/index.html", "berita/"),
        ("alpha/langganan/pengumuman/index.html", "pengumuman/"),
        ("alpha/langganan/tag/paspor/index.html", "tag/paspor/"),
        ("wilayah/langganan/wilayah/index.html", "wilayah/"),
    ],
)
def test_each_feed_has_a_page_with_its_addresses_to_copy_what_a_feed_is_and_reader_apps(built, page, feed):
    text = html(built, page)
    unit = page.split("/", 1)[0]
    base = f"https://{unit}.example.go.id/"
    for name in ("rss.xml", "atom.xml", "feed.json"):
        assert f"<code>{base}{feed}{name}</code>" in text  # the JSON Feed too
    assert "Apa itu alamat langganan?" in text
    assert "Feeder (Android)" in text and "NetNewsWire" in text
    assert '<meta name="description" content="Alamat langganan (RSS, Atom, JSON Feed)' in text


def test_a_feeds_page_shows_its_latest_items_linked(built):
    text = html(built, "alpha/langganan/berita/index.html")
    latest = text[text.index('id="terbaru"') :]
    assert '<a href="../../berita/sosialisasi/">Sosialisasi Paspor</a>' in latest
    assert "Belum ada berita atau pengumuman." in html(built, "bravo/langganan/pengumuman/index.html")


def test_visible_links_lead_to_the_feeds_pages_while_the_head_still_names_the_feeds(built):
    for path in sorted(built.out.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        body = text[text.find("<body") :]
        hrefs = re.findall(r'<a [^>]*href="([^"]+)"', body)
        assert not [h for h in hrefs if _FEED_FILE.search(h)], path  # never raw XML under a click
    news = html(built, "alpha/berita/index.html")
    assert '<link rel="alternate" type="application/rss+xml"' in news and 'href="rss.xml"' in news
    assert '<a href="../langganan/berita/">Berlangganan berita</a>' in news
    topic = html(built, "alpha/tag/paspor/index.html")
    assert '<a href="../../langganan/tag/paspor/">Berlangganan topik ini</a>' in topic


def test_the_langganan_page_links_every_feeds_page_and_lists_the_json_feed(built):
    text = html(built, "alpha/langganan/index.html")
    for page in ("semua/", "berita/", "pengumuman/", "tag/paspor/"):
        assert f'<a href="{page}"><strong>' in text, page
    assert "<code>https://alpha.example.go.id/feed.json</code>" in text
    assert "<code>https://alpha.example.go.id/berita/feed.json</code>" in text
