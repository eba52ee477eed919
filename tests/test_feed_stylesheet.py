"""A feed opened in a browser reads as an Indonesian page that says how to subscribe; readers still get XML."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from .conftest import REPO
from .test_feeds import all_feeds, build, parse

STYLESHEET = REPO / "themes/default/static/feed.xsl"
_POINTER = re.compile(rb'<\?xml-stylesheet type="text/xsl" href="([^"]+)"\?>')


@pytest.fixture
def built(project):
    build(project)
    return project


def shown(project, rel: str) -> str:
    """What a browser shows for the feed: the feed put through the theme's stylesheet."""
    return str(etree.XSLT(etree.parse(str(STYLESHEET)))(etree.parse(str(project.out / rel))))


def test_every_feed_points_to_the_stylesheet_of_its_own_site_relative_to_itself(built):
    feeds = [rel for rel in all_feeds(built) if rel.endswith(("rss.xml", "atom.xml"))]
    assert "alpha/tag/paspor/rss.xml" in feeds and "wilayah/wilayah/atom.xml" in feeds
    for rel in feeds:
        data = (built.out / rel).read_bytes()
        assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<?xml-stylesheet"), rel
        href = _POINTER.search(data).group(1).decode()
        unit, path = rel.split("/", 1)
        assert href == "../" * path.count("/") + "static/feed.xsl", rel
        assert (built.out / unit / "static/feed.xsl").read_bytes() == STYLESHEET.read_bytes()


def test_feeds_with_the_pointer_still_parse_cleanly_with_every_item(built):
    for rel in ("alpha/rss.xml", "alpha/atom.xml", "alpha/berita/rss.xml", "wilayah/wilayah/rss.xml"):
        feed = parse(built, rel)  # asserts not bozo
        assert feed.entries, rel
    assert len(parse(built, "alpha/rss.xml").entries) == len(parse(built, "alpha/atom.xml").entries) == 3


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_the_page_names_the_feed_says_how_to_subscribe_and_lists_each_item(built, fmt):
    page = shown(built, f"alpha/{fmt}.xml")
    assert '<html lang="id">' in page
    assert (
        "<title>Kantor Imigrasi Kelas I TPI Alpha: berita dan pengumuman · alamat langganan</title>" in page
    )
    assert "Cara berlangganan" in page and "RSS reader" in page
    assert f"<code>https://alpha.example.go.id/{fmt}.xml</code>" in page  # the address to copy
    assert '<a href="https://alpha.example.go.id/berita/sosialisasi/">Sosialisasi Paspor</a>' in page
    assert "1 Oktober 2026, 09.30 WIB" in page
    assert page.count("<li>\n<a href=") == 3


def test_dates_read_in_the_units_own_zone(built):
    assert "1 September 2026, 10.00 WITA" in shown(built, "bravo/rss.xml")
    assert "1 Agustus 2026, 10.00 WIT" in shown(built, "rudenim/atom.xml")


def test_an_empty_feed_says_so(built):
    assert "Belum ada berita atau pengumuman." in shown(built, "bravo/pengumuman/rss.xml")


def test_the_page_loads_nothing_at_all(built):
    """No script, stylesheet, font or picture: opening a feed makes no request, to this site or another."""
    for rel in ("alpha/rss.xml", "alpha/atom.xml"):
        page = shown(built, rel)
        assert not re.search(r"<(script|link|img|iframe|object|embed)\b", page), rel
        assert " src=" not in page and "@import" not in page and "url(" not in page, rel
