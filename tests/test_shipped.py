"""The shipped example network builds out of the box: nine complete sites."""

from __future__ import annotations

import feedparser

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project

from .conftest import SHIPPED_NOW
from .helpers import broken_links, tree

UNITS = [
    "pontianak",
    "singkawang",
    "sambas",
    "entikong",
    "sanggau",
    "ketapang",
    "putussibau",
    "rudenim-pontianak",
    "kanwil-kalbar",
]
# the units that issue the border pass (PLB); Putussibau has PLBN Badau as an entry point only
PLB_ISSUERS = ["singkawang", "sambas", "entikong"]
NOW = SHIPPED_NOW


def test_nine_sites_one_per_unit(shipped):
    assert sorted(p.name for p in shipped.iterdir() if not p.name.startswith(".")) == sorted(UNITS)


def test_every_internal_link_of_every_site_resolves(shipped):
    for unit in UNITS:
        assert broken_links(shipped / unit) == [], unit


def test_every_unit_has_news_announcements_and_its_services(shipped):
    for unit in UNITS:
        news = feedparser.parse((shipped / unit / "berita/atom.xml").read_bytes())
        notices = feedparser.parse((shipped / unit / "pengumuman/atom.xml").read_bytes())
        assert len(news.entries) >= 3 and len(notices.entries) >= 1, unit
    for unit in UNITS[:7]:
        assert (shipped / unit / "layanan/wni/biaya-paspor/index.html").is_file(), unit
    assert not (shipped / "rudenim-pontianak/layanan/wni/biaya-paspor").exists()
    assert not (shipped / "kanwil-kalbar/layanan/wni/biaya-paspor").exists()
    assert list((shipped / "rudenim-pontianak/layanan/detensi").glob("*/index.html"))
    for unit in UNITS:
        issues_plb = unit in PLB_ISSUERS
        assert (shipped / unit / "layanan/pas-lintas-batas/index.html").exists() == issues_plb, unit


def test_the_fee_page_names_its_legal_basis_and_when_it_was_verified(shipped):
    html = (shipped / "pontianak/layanan/wni/biaya-paspor/index.html").read_text()
    assert "PP 45/2024" in html or "Nomor 45 Tahun 2024" in html
    assert "Rp950.000" in html and "Terakhir diverifikasi" in html


def test_every_feed_parses_and_is_dated_in_wib(shipped):
    feeds = [p for p in shipped.rglob("*.xml") if ".sitegen" not in p.parts]
    assert len(feeds) > 9 * 6
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, path
        for entry in feed.entries:
            assert entry.get("published", "").endswith(("+07:00", "+0700")), (path, entry.get("published"))
            assert entry.link.startswith("https://")


def test_the_regional_feed_holds_items_of_its_units(shipped):
    feed = feedparser.parse((shipped / "kanwil-kalbar/wilayah/atom.xml").read_bytes())
    hosts = {e.link.split("/")[2] for e in feed.entries}
    assert len(hosts) >= 5


def test_building_twice_gives_identical_bytes(shipped, tmp_path):
    root = shipped.parent
    build(load_project(root), BuildOptions(out=tmp_path / "again", now=NOW))
    assert tree(tmp_path / "again") == tree(shipped)
