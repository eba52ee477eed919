"""Every unit's shipped site passes every gate: browser, accessibility, HTML, links, feeds, reproducibility."""

from __future__ import annotations

import pytest

from tests.helpers import published

from . import quality
from .conftest import build_shipped, pages_to_open

pytestmark = pytest.mark.gates


def test_in_a_real_browser_every_units_key_pages_load_clean_and_fit_a_phone(
    shipped, units, browser, screenshots
):
    problems = []
    for unit in units:
        site = shipped / unit
        with quality.served(site) as base:
            for name, path in pages_to_open(site).items():
                shot = (
                    screenshots / f"{unit}-{name.replace(' ', '-')}-360.png"
                    if name in ("home", "article")
                    else None
                )
                problems += [
                    f"{unit} {name}: {p}" for p in quality.browser_problems(browser, base + path, shot)
                ]
    assert problems == []
    assert sorted(screenshots.glob("*-home-360.png")) and sorted(screenshots.glob("*-home-1280.png"))


def test_the_keyboard_reaches_the_navigation_and_the_home_page_works_without_javascript(
    shipped, units, browser
):
    problems = []
    for unit in units:
        with quality.served(shipped / unit) as base:
            problems += [f"{unit}: {p}" for p in quality.keyboard_problems(browser, base)]
            problems += [f"{unit}: {p}" for p in quality.no_script_problems(browser, base)]
    assert problems == []


def test_announcements_in_force_are_on_the_first_screen_of_every_home_page(shipped, units, browser):
    """A closed office or a changed schedule is what a visitor must not miss, even on a 320 × 640 phone."""
    problems, with_notices = [], 0
    for unit in units:
        with_notices += 'id="pengumuman-berlaku"' in (shipped / unit / "index.html").read_text("utf-8")
        with quality.served(shipped / unit) as base:
            problems += [
                f"{unit}: {p}" for p in quality.first_screen_problems(browser, base, "#pengumuman-berlaku")
            ]
    assert with_notices >= 1
    assert problems == []


def test_axe_finds_no_serious_or_critical_accessibility_violation(shipped, units, browser):
    problems = []
    for unit in units:
        site = shipped / unit
        with quality.served(site) as base:
            for name, path in pages_to_open(site).items():
                problems += [f"{unit} {name}: {v}" for v in quality.axe_violations(browser, base + path)]
    assert problems == []


def test_the_nu_html_checker_finds_no_error_in_any_page(shipped):
    pages = sorted(shipped.rglob("*.html"))
    assert len(pages) > 100
    assert quality.html_errors(pages) == []


def test_linkchecker_finds_every_internal_link_image_stylesheet_and_anchor(shipped, units, tmp_path):
    problems = []
    for unit in units:
        with quality.served(shipped / unit) as base:
            problems += [f"{unit}: {p}" for p in quality.broken_links(base, tmp_path)]
    assert problems == []


def test_every_feed_parses_with_ids_absolute_links_and_strict_dates(shipped):
    feeds = sorted(shipped.rglob("*.xml"))
    feeds = [f for f in feeds if f.name in ("rss.xml", "atom.xml")]
    assert len(feeds) > 50
    problems = [f"{f.relative_to(shipped)}: {p}" for f in feeds for p in quality.feed_problems(f)]
    problems += [
        f"{f.relative_to(shipped)}: {p}"
        for f in sorted(shipped.rglob("feed.json"))
        for p in quality.json_feed_problems(f)
    ]
    assert problems == []


def test_two_clean_builds_are_byte_identical(shipped, tmp_path):
    again = tmp_path / "again"
    build_shipped(again)
    assert published(again) == published(shipped)
