"""A unit's search index split into shelves finds, in Chromium, exactly what one whole index finds."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.render import search

from . import quality
from .conftest import NOW, REPO

pytestmark = pytest.mark.gates

UNIT = "pontianak"
QUERIES = ("paspor", "visa", "pengaduan", "biaya", "imigrasi", "layanan", "izin tinggal")


def _built(out: Path, shelf_size: int, monkeypatch) -> Path:
    monkeypatch.setattr(search, "SHELF_SIZE", shelf_size)
    monkeypatch.setattr(search, "_MADE", {})
    project = load_project(REPO)  # no persistent cache: every shelf made here
    build(project, BuildOptions(out=out, office_ids=(UNIT,), now=datetime.fromisoformat(NOW)))
    return out / UNIT


def _found(browser, site: Path, words: str) -> list[str]:
    """Every result's address for ``words``, with "load more" pressed until all are shown."""
    with quality.served(site) as base:
        context = browser.new_context(viewport=quality.DESKTOP)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "cari/?q=" + words, wait_until="load")
        message = (
            page.locator(".pagefind-ui__message").filter(has_text=re.compile(r"^(\d+ hasil|Tidak ada)")).first
        )
        message.wait_for(timeout=60_000)
        said = message.inner_text()
        count = int(said.split()[0]) if said.split()[0].isdigit() else 0  # "12 hasil untuk …", "Tidak ada …"
        results = page.locator(".pagefind-ui__result-link")
        for _ in range(200):  # results arrive a few at a time; "load more" shows the next few
            if results.count() >= count:
                break
            more = page.locator(".pagefind-ui__button")
            if more.count() and more.first.is_visible():
                more.first.click()
            page.wait_for_timeout(100)
        links = results.evaluate_all("els => els.map(e => new URL(e.href).pathname)")
        assert len(links) == count, f"{words!r}: the page says {count} results and shows {len(links)}"
        context.close()
    assert errors == [], errors
    return sorted(links)


def test_shelves_find_the_same_pages_as_one_index(browser, tmp_path, monkeypatch):
    whole = _built(tmp_path / "whole", 10_000, monkeypatch)
    shelved = _built(tmp_path / "shelved", 12, monkeypatch)
    others = json.loads((shelved / "pagefind" / "shelves.json").read_text("utf-8"))
    assert len(others) >= 3, "shelves of 12 pages split the unit's index"
    assert all((shelved / "pagefind" / folder / "pagefind-entry.json").is_file() for folder in others)
    assert json.loads((whole / "pagefind" / "shelves.json").read_text("utf-8")) == []
    found_any = 0
    for words in QUERIES:
        one, split = _found(browser, whole, words), _found(browser, shelved, words)
        assert split == one, f"{words!r}: shelves found {len(split)} pages, one index {len(one)}"
        found_any += bool(one)
    assert found_any >= len(QUERIES) - 1, "the queries find pages at all"
