"""The sites' Content-Security-Policy in a real browser: search still works, and script a page slips in does not run.

A policy that breaks the site's own search is worse than none, and one that
lets an inline script run is none. Both are checked in Chromium on a shipped
unit, with the policy each page declares (the same tag the gates see everywhere).
"""

from __future__ import annotations

import shutil

import pytest

from . import quality

pytestmark = pytest.mark.gates
UNIT = "pontianak"


def _page(browser, problems: list[str]):
    context = browser.new_context(viewport=quality.PHONE)
    page = context.new_page()

    def console(message) -> None:
        # the browser asks for /favicon.ico by itself once a page has loaded; the sites have none
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            problems.append(f"console error: {message.text}")

    page.on("console", console)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    return context, page


def test_searching_finds_results_under_the_policy_without_a_console_error(browser, shipped):
    problems: list[str] = []
    with quality.served(shipped / UNIT) as base:
        context, page = _page(browser, problems)
        page.goto(base + "cari/", wait_until="load")
        page.locator("#cari input").fill("paspor")
        page.locator(".pagefind-ui__result").first.wait_for(timeout=60_000)
        context.close()
    assert problems == []


def test_an_inline_script_slipped_into_a_page_does_not_run(browser, shipped, tmp_path):
    site = tmp_path / UNIT
    shutil.copytree(shipped / UNIT, site)
    home = site / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace(
            "</main>",
            "<script>document.title = 'diretas';</script><img src=x onerror=\"document.title='x'\"></main>",
        ),
        encoding="utf-8",
    )
    problems: list[str] = []
    with quality.served(site) as base:
        context, page = _page(browser, problems)
        page.goto(base, wait_until="load")
        title = page.title()
        context.close()
    assert title not in ("diretas", "x")
    assert any("Content Security Policy" in p for p in problems), problems  # refused, and said so
