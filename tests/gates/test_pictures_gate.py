"""A news item with photos passes the real components: browser, axe, Nu HTML Checker, LinkChecker, feedparser.

The shipped content carries no photos (none may be invented), so a generated
picture in a small project stands in for an editor's.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from PIL import Image

from sitegen.cli import main

from . import quality

pytestmark = pytest.mark.gates

BUNDLE = "content/offices/alpha/berita/2026-11-01-pameran"


@pytest.fixture
def pictured(project):
    """Alpha's site with a bundled news item: a wide photo in the text, a PNG as its front-matter picture."""
    folder = project.root / BUNDLE
    folder.mkdir(parents=True)
    Image.new("RGB", (2400, 1600), (180, 90, 40)).save(folder / "foto.jpg", quality=90)
    Image.new("RGB", (1200, 630), (20, 60, 160)).save(folder / "sampul.png")
    project.write(
        f"{BUNDLE}/index.md",
        "---\ntitle: Pameran Paspor\ndate: 2026-11-01 09:00\nimage: sampul.png\n"
        "image_alt: Spanduk pameran paspor di halaman kantor\n---\nTeks pembuka.\n\n"
        "![Petugas melayani pemohon di loket paspor](foto.jpg)\n\nTeks penutup.\n",
    )
    result = CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--now", "2026-11-24T12:00:00+07:00", "-q"]
    )
    assert result.exit_code == 0, result.output
    return project.out / "alpha"


def test_an_article_with_photos_is_valid_html_fits_a_phone_and_has_no_accessibility_violation(
    pictured, browser
):
    assert quality.html_errors([pictured / "berita/pameran/index.html"]) == []
    with quality.served(pictured) as base:
        assert quality.browser_problems(browser, base + "berita/pameran/") == []
        assert quality.axe_violations(browser, base + "berita/pameran/") == []


def test_every_photo_width_is_a_working_link_and_the_feeds_with_enclosures_parse(pictured, tmp_path):
    with quality.served(pictured) as base:
        assert quality.broken_links(base, tmp_path) == []
    for feed in ("rss.xml", "atom.xml", "berita/rss.xml", "berita/atom.xml"):
        assert quality.feed_problems(pictured / feed) == []
    assert quality.json_feed_problems(pictured / "feed.json") == []
