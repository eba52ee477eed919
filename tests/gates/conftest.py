"""One build of the shipped content for every gate, each unit served as its own root."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from . import quality

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-25T12:00:00+07:00"  # fixed, so the gates see the same sites on every run
ARTIFACTS = REPO / "artifacts"


def build_shipped(out: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitegen",
            "build",
            "--root",
            str(REPO),
            "--out",
            str(out),
            "--now",
            NOW,
            "--no-cache",
            "-q",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def shipped(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "public"
    build_shipped(out)
    return out


@pytest.fixture(scope="session")
def units(shipped) -> list[str]:
    return sorted(p.name for p in shipped.iterdir() if p.is_dir() and not p.name.startswith("."))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = quality.launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    folder = ARTIFACTS / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def pages_to_open(site: Path) -> dict[str, str]:
    """The pages a reader opens first, found in the built files rather than assumed."""
    chosen = {"home": ""}
    lists = {"page", "arsip"}  # pagination and the archive live beside the articles
    articles = sorted(
        p
        for p in site.glob("berita/*/index.html")
        if p.parent.name not in lists and 'http-equiv="refresh"' not in p.read_text("utf-8")
    )  # an old address that now redirects (aliases:) is no article
    if articles:
        chosen["article"] = articles[0].parent.relative_to(site).as_posix() + "/"
    if (site / "berita/index.html").exists():
        chosen["list"] = "berita/"
    paginated = sorted(site.glob("berita/page/2/index.html"))
    if paginated:
        chosen["list page 2"] = "berita/page/2/"
    chosen["unit"] = "profil/"
    if (site / "en/index.html").exists():
        chosen["english home"] = "en/"
    if (site / "cari/index.html").exists():
        chosen["search"] = "cari/"
    for n, table in enumerate(
        sorted(p for p in site.rglob("index.html") if "<table" in p.read_text("utf-8"))
    ):
        chosen[f"table {n}"] = table.parent.relative_to(site).as_posix() + "/"  # tables must fit a phone too
    return chosen
