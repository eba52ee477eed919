"""The theme as a reader meets it: addresses to copy, descriptions, icons, archives by year, tidy lists.

Specifications run against the shipped example network, with fifteen news items added to one
unit so that its news list has a second page.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project

from .conftest import REPO, copy_of_repository

NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
UNIT = "pontianak"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    root = copy_of_repository(tmp_path_factory.mktemp("theme"))
    start = datetime(2025, 3, 3, 9, 0)
    for n in range(15):
        day = start + timedelta(days=7 * n)
        (root / f"content/offices/{UNIT}/berita/{day:%Y-%m-%d}-uji-{n:02d}.md").write_text(
            f"---\ntitle: Berita uji nomor {n:02d}\ndate: {day:%Y-%m-%d %H:%M}\n---\nTeks berita uji.\n",
            encoding="utf-8",
        )
    sambas_static = root / "content/offices/sambas/static"
    sambas_static.mkdir(parents=True)
    (sambas_static / "favicon.ico").write_bytes(
        (REPO / "themes/default/static/favicon.ico").read_bytes()[:-1]
    )
    build(load_project(root), BuildOptions(out=root / "public", now=NOW))
    return root / "public"


def pages(site: Path) -> list[Path]:
    """Every page a reader can open (alias redirects left out: they only forward)."""
    return [p for p in sorted(site.rglob("*.html")) if 'http-equiv="refresh"' not in p.read_text("utf-8")]


def text(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_no_link_names_index_html_so_a_copied_address_is_the_canonical_one(shipped):
    for page in pages(shipped / UNIT):
        hrefs = re.findall(r'<a [^>]*href="([^"]+)"', page.read_text("utf-8"))
        assert not [h for h in hrefs if h.split("#")[0].endswith("index.html")], page
    home = text(shipped / UNIT, "index.html")
    assert '<a class="brand" href="./">' in home
    assert 'href="berita/"' in home


def test_every_page_has_a_description_its_own_else_its_sections_else_the_sites(shipped):
    site = shipped / UNIT
    for page in pages(site):
        found = re.search(r'<meta name="description" content="([^"]*)">', page.read_text("utf-8"))
        assert found and len(found.group(1)) > 20, page
    section = re.search(r'name="description" content="([^"]*)"', text(site, "berita/page/2/index.html"))
    assert section.group(1).startswith("Kegiatan, inovasi layanan")  # berita/_index.md's summary


def test_every_site_answers_favicon_ico_and_names_its_icons_unless_the_unit_has_its_own(shipped):
    theme_icon = (REPO / "themes/default/static/favicon.ico").read_bytes()
    assert (shipped / UNIT / "favicon.ico").read_bytes() == theme_icon
    assert (shipped / "sambas/favicon.ico").read_bytes() == theme_icon[:-1]  # the unit's own
    home = text(shipped / UNIT, "index.html")
    assert '<link rel="icon" href="favicon.ico" sizes="16x16 32x32 48x48">' in home
    assert '<link rel="icon" href="static/logo.svg" type="image/svg+xml">' in home
    assert '<meta property="og:image" content="https://pontianak.imigrasi.go.id/static/share.png">' in home


def test_each_year_of_the_archive_has_its_own_page_listing_its_months(shipped):
    site = shipped / UNIT
    index = text(site, "berita/arsip/index.html")
    for year in ("2025", "2026"):
        assert f'<a href="{year}/">{year}</a>' in index
        page = text(site, f"berita/arsip/{year}/index.html")
        assert f"<h1>Arsip berita: {year}</h1>" in page
    assert "Berita uji nomor 00" in text(site, "berita/arsip/2025/index.html")
    assert "Berita uji nomor 00" not in text(site, "berita/arsip/2026/index.html")


def test_later_pages_of_a_list_show_items_without_the_sections_introduction_again(shipped):
    site = shipped / UNIT
    assert '<div class="intro">' in text(site, "berita/index.html")
    later = text(site, "berita/page/2/index.html")
    assert '<div class="intro">' not in later and '<ul class="entries">' in later


def test_a_list_keeps_a_space_between_an_items_date_and_its_validity_for_search_excerpts(shipped):
    page = text(shipped / UNIT, "pengumuman/index.html")
    assert '</time> <span class="until">' in page and "</time><span" not in page


def test_the_home_page_offers_the_tasks_the_unit_has_and_no_others(shipped):
    kanim = text(shipped / UNIT, "index.html")
    tasks = kanim[
        kanim.index('<nav class="tasks"') : kanim.index("</nav>", kanim.index('<nav class="tasks"'))
    ]
    for href in ("layanan/wni/paspor-baru/", "layanan/wni/biaya-paspor/", "informasi-publik/pengaduan/"):
        assert f'href="{href}"' in tasks
    assert 'href="profil/#jam">Jam dan lokasi' in tasks
    assert (
        kanim.index('id="pengumuman-berlaku"') < kanim.index('class="tasks"') < kanim.index('class="intro"')
    )
    rudenim = text(shipped / "rudenim-pontianak", "index.html")
    assert "paspor-baru" not in rudenim.split('class="tasks"')[1].split("</nav>")[0]
    assert 'href="layanan/detensi/kunjungan-deteni/"' in rudenim


def test_every_page_but_search_has_a_search_box_in_its_header_that_opens_the_search_page(shipped):
    site = shipped / UNIT
    article = text(site, "berita/sosialisasi-pelajar/index.html")
    header = article[article.index("<header") : article.index("</header>")]
    assert '<form class="search-box" role="search" action="../../cari/" method="get">' in header
    assert '<input id="kotak-cari" name="q" type="search"' in header
    assert 'role="search" action' not in text(site, "cari/index.html")  # the page has its own box


def test_a_table_scrolls_in_a_named_box_a_keyboard_reaches_so_amounts_never_break(shipped):
    fees = text(shipped / UNIT, "layanan/wni/biaya-paspor/index.html")
    assert (
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Tabel, dapat digeser ke samping"><table>'
        in fees
    )
    assert fees.count("<table") == fees.count('<div class="table-scroll"')
    english = text(shipped / UNIT, "en/layanan/wna/izin-tinggal-kunjungan/index.html")
    assert english.count("<table") == english.count('aria-label="Table, scrolls sideways"')
    css = (REPO / "themes/default/static/site.css").read_text(encoding="utf-8")
    assert "main table, main table * { overflow-wrap: normal; }" in css  # "Rp1.000.000" is one word
