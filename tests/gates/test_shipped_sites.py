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


def test_the_first_screen_of_every_home_page_is_the_citizens(shipped, units, browser):
    """On a 320 × 640 phone: the search box, the announcements in force and the task links, all of them.

    A closed office or a changed schedule is what a visitor must not miss; the tasks (passport
    requirements, fees, complaints, hours) are what most come for. Their controls are at least 24 px.
    """
    problems, with_notices = [], 0
    for unit in units:
        notices = 'id="pengumuman-berlaku"' in (shipped / unit / "index.html").read_text("utf-8")
        with_notices += notices
        wanted = ("header [role=search] input", *((".in-force",) if notices else ()), ".tasks")
        with quality.served(shipped / unit) as base:
            problems += [f"{unit}: {p}" for p in quality.boxes_on_first_screen(browser, base, wanted)]
            problems += [f"{unit}: {p}" for p in quality.small_targets(browser, base)]
    assert with_notices >= 1
    assert problems == []


def test_on_a_phone_the_menu_shows_an_arrow_while_sections_lie_beyond_the_edge(shipped, units, browser):
    """The menu is one line that scrolls sideways; an arrow says there is more, until the last is in view."""
    for unit in units:
        with quality.served(shipped / unit) as base:
            overflows, before, after = quality.menu_cue(browser, base)
        assert overflows, f"{unit}: the menu fits a 320 px phone; the arrow case is not being checked"
        assert (before, after) == (True, False), unit


def test_on_a_phone_the_menu_opens_with_the_pages_own_section_in_view(shipped, units, browser):
    """A reader deep in the last section of the menu sees where they are without scrolling the menu."""
    for unit in units:
        with quality.served(shipped / unit) as base:
            assert quality.current_section_in_view(browser, base + "profil/") is True, unit


def test_every_page_has_the_search_box_in_its_header_and_it_finds(shipped, units, browser):
    problems = []
    for unit in units:
        site = shipped / unit
        for name, path in pages_to_open(site).items():
            text = (site / path / "index.html").read_text("utf-8")
            header = text[text.find("<header") : text.find("</header>")]
            if name != "search" and 'role="search"' not in header:
                problems.append(f"{unit} {name}: no search box in the header")
        with quality.served(site) as base:
            problems += [f"{unit}: {p}" for p in quality.header_search_problems(browser, base)]
    assert problems == []


def test_no_rupiah_amount_breaks_across_lines_on_a_320_px_phone(shipped, units, browser):
    problems = []
    for unit in units:
        site = shipped / unit
        with quality.served(site) as base:
            for name, path in pages_to_open(site).items():
                if name.startswith("table"):
                    problems += [f"{unit} {name}: {p}" for p in quality.broken_amounts(browser, base + path)]
    assert problems == []


def test_axe_finds_no_serious_or_critical_accessibility_violation(shipped, units, browser):
    problems = []
    for unit in units:
        site = shipped / unit
        with quality.served(site) as base:
            for name, path in pages_to_open(site).items():
                problems += [f"{unit} {name}: {v}" for v in quality.axe_violations(browser, base + path)]
    assert problems == []


@pytest.mark.parametrize("scheme", quality.SCHEMES)
def test_axe_passes_home_article_list_and_search_results_in_both_colour_schemes_at_320_and_1280(
    shipped, units, browser, scheme
):
    """Dark mode is a reader's system setting, not an option: every note and search result must read."""
    problems = []
    for unit in units:
        site = shipped / unit
        chosen = pages_to_open(site)
        with quality.served(site) as base:
            for name in ("home", "article", "list", "search"):
                if name not in chosen:
                    continue
                url, ready = base + chosen[name], None
                if name == "search":  # with its results shown, as a reader sees them
                    url, ready = url + "?q=paspor", ".pagefind-ui__result"
                for viewport in quality.AXE_VIEWPORTS:
                    problems += [
                        f"{unit} {name} {scheme} {viewport['width']} px: {v}"
                        for v in quality.axe_violations(browser, url, scheme, viewport, ready)
                    ]
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
