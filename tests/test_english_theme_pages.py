"""A unit publishing English gets the theme's own pages in English: search and not found.

Hosts serve one not-found file per site (GitHub Pages, Netlify without rules), or
the nearest one up the folder tree (Cloudflare Pages, a web server pointed at it):
the root 404.html therefore carries the English too, and /en/404.html is there
for the hosts that look per folder.
"""

from __future__ import annotations

import posixpath
import re
import shutil

from click.testing import CliRunner

from sitegen.cli import main

from .conftest import REPO, copy_of_repository

BASE = "https://pontianak.imigrasi.go.id/"


def page(shipped, rel: str) -> str:
    return (shipped / "pontianak" / rel).read_text(encoding="utf-8")


def test_the_english_search_page_speaks_english_and_names_its_indonesian_original(shipped):
    html = page(shipped, "en/cari/index.html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Search · Kanim Pontianak</title>" in html
    assert f'<link rel="alternate" hreflang="id" href="{BASE}cari/">' in html
    assert f'<link rel="alternate" hreflang="en" href="{BASE}en/cari/">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{BASE}cari/">' in html
    # the switch leads to the same page in Indonesian, not to the home page with an apology
    assert '<a href="../../cari/" hreflang="id" lang="id">Bahasa Indonesia</a>' in html
    # Pagefind's own words come from the page, in its language
    assert 'data-zero-results="No results for [SEARCH_TERM]"' in html
    assert 'data-placeholder="Search news, announcements, services…"' in html


def test_the_indonesian_search_page_names_its_english_translation(shipped):
    html = page(shipped, "cari/index.html")
    assert f'<link rel="alternate" hreflang="en" href="{BASE}en/cari/">' in html
    assert 'data-zero-results="Tidak ada hasil untuk [SEARCH_TERM]"' in html


def test_search_js_takes_the_interface_words_from_the_page():
    text = (REPO / "themes/default/static/search.js").read_text(encoding="utf-8")
    assert "Tidak ada hasil" not in text  # no language is written into the script
    assert "dataset" in text


def search_target(shipped, rel: str) -> str:
    """Where the header's search box of page ``rel`` sends its words, as a site path."""
    action = re.search(r'<form class="search-box" role="search" action="([^"]*)"', page(shipped, rel)).group(
        1
    )
    return posixpath.normpath(posixpath.join(posixpath.dirname(rel), action)) + "/"


def test_the_header_search_box_of_an_english_page_searches_in_english(shipped):
    for rel in ("en/index.html", "en/profil/index.html", "en/informasi-publik/pengaduan/index.html"):
        assert search_target(shipped, rel) == "en/cari/", rel
    for rel in ("index.html", "profil/index.html", "en/404.html"):
        expected = "en/cari/" if rel.startswith("en/") else "cari/"
        assert search_target(shipped, rel).lstrip("/") == expected, rel


def test_the_english_not_found_page_speaks_english_from_the_site_root(shipped):
    html = page(shipped, "en/404.html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<h1>Page not found</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    # shown at any missing address under /en/: its links start at the site root
    assert '<a href="/en/">Back to the home page</a>' in html
    assert '<a href="/en/cari/">Search this site</a>' in html
    assert '<a href="/berita/arsip/" hreflang="id">' in html
    assert '<a href="/" hreflang="id" lang="id">Bahasa Indonesia</a>' in html


def test_the_root_not_found_page_also_speaks_the_units_english(shipped):
    html = page(shipped, "404.html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert "<h1>Halaman tidak ditemukan</h1>" in html
    english = re.search(r'<section lang="en"[^>]*>.*?</section>', html, re.S).group()
    assert "Page not found" in english
    assert '<a href="/en/cari/" hreflang="en">Search this site</a>' in english


def test_a_unit_without_english_gets_no_english_theme_pages(shipped):
    assert not (shipped / "rudenim-pontianak/en").exists()
    assert 'lang="en"' not in (shipped / "rudenim-pontianak/404.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' not in (shipped / "rudenim-pontianak/cari/index.html").read_text(encoding="utf-8")


def test_check_no_longer_names_search_or_not_found_on_the_shipped_content(tmp_path):
    root = copy_of_repository(tmp_path / "repo")
    result = CliRunner().invoke(main, ["check", "--root", str(root), "--all"])
    assert "no English search page" not in result.output
    assert "no English page not found" not in result.output
    assert (
        "english-page-missing"
        not in CliRunner().invoke(main, ["check", "--root", str(root), "--all", "--format", "json"]).output
    )


def test_a_theme_without_english_leaves_search_and_not_found_missing(tmp_path):
    root = copy_of_repository(tmp_path / "repo")
    shutil.rmtree(root / "themes/default/locales/en")
    result = CliRunner().invoke(main, ["check", "--root", str(root), "--all"])
    assert "no English search page at /en/cari/ [unit pontianak]" in result.output
    assert "no English page not found (404) page at /en/404.html [unit pontianak]" in result.output
