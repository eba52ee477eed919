"""A real WordPress export, imported, built and put through the real components.

WordPress's theme unit test export (tests/fixtures/wordpress/, held out: the
importer was not written against it) goes into a unit the way a migration
does it: a dry run lists the files to fetch from the old host, those files are
put in a folder of downloaded media (generated pictures of the same names stand
in, since nothing is fetched here), and the import runs with ``--uploads``.
Then the unit must build, pass ``sitegen check``, load nothing from another
host, and pass the Nu HTML Checker, LinkChecker and the feed checks (feedparser
strictness, strict dates, absolute links, no id twice in a feed; the W3C feed
validator has no offline package, so these stand in for it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from PIL import Image

from sitegen.cli import main
from sitegen.sources.sanitize import EMBED_HOSTS

from ..conftest import Fixture
from . import quality

pytestmark = pytest.mark.gates

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "wordpress" / "themeunittestdata.wordpress.xml"
NOW = "2026-11-25T12:00:00+07:00"
_BY_HAND = re.compile(r"^    (https?://\S+) -> ", re.M)


def _import(project: Fixture, *args: str) -> str:
    result = CliRunner().invoke(
        main, ["import", "wordpress", str(REAL), "--root", str(project.root), "--office", "alpha", *args]
    )
    assert result.exit_code == 0, result.output
    return result.output


def _stand_in(path: Path) -> None:
    """A file of the kind its name says: a small picture for an image, a few bytes for anything else."""
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix in (".jpg", ".jpeg", ".png", ".gif", ".webp"):
        Image.new("RGB", (640, 420), (30, 90, 140)).save(path)
    else:
        path.write_bytes(b"stand-in for " + path.name.encode())


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, Path, str]:
    """(the project's root, its built alpha site, the import's report)."""
    work = tmp_path_factory.mktemp("wordpress")
    project = Fixture(work / "site")
    listed = _import(project, "--dry-run")
    media = work / "unduhan"  # downloaded media: flat, by file name, as a browser saves them
    media.mkdir()
    for url in sorted(set(_BY_HAND.findall(listed))):
        _stand_in(media / PurePosixPath(url).name)
    report = _import(project, "--uploads", str(media))
    built = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW, "-q"])
    assert built.exit_code == 0, built.output
    return project.root, project.out / "alpha", report


def test_every_file_the_export_names_is_copied_and_nothing_is_left_to_copy_by_hand(imported):
    _root, _site, report = imported
    assert "0 to copy by hand" in report and re.search(r"uploads: [1-9]\d* copied", report)


def test_the_imported_unit_passes_check(imported):
    root, _site, _report = imported
    checked = CliRunner().invoke(main, ["check", "--root", str(root), "--now", NOW])
    assert checked.exit_code == 0, checked.output
    assert "from another host" not in checked.output


def test_no_built_page_loads_anything_from_the_old_host_or_any_other(imported):
    _root, site, _report = imported
    loaded = re.compile(r"<(?:img|iframe|script|source|video|audio)\b[^>]*?\ssrc=\"((?:https?:)?//[^\"]+)\"")
    foreign = [
        f"{page.relative_to(site)}: {url}"
        for page in sorted(site.rglob("*.html"))
        for url in loaded.findall(page.read_text(encoding="utf-8"))
        if not url.startswith(EMBED_HOSTS)
    ]
    assert foreign == []


def test_every_page_of_the_imported_unit_is_valid_html(imported):
    _root, site, _report = imported
    assert quality.html_errors(sorted(site.rglob("*.html"))) == []


def test_no_link_image_or_anchor_of_the_imported_unit_is_broken(imported, tmp_path):
    _root, site, _report = imported
    with quality.served(site) as base:
        assert quality.broken_links(base, tmp_path) == []


def test_every_feed_parses_strictly_and_never_repeats_an_id(imported):
    _root, site, _report = imported
    feeds = sorted(site.rglob("rss.xml")) + sorted(site.rglob("atom.xml"))
    assert len(feeds) > 4
    for feed in feeds:
        assert quality.feed_problems(feed) == [], feed
        text = feed.read_text(encoding="utf-8")
        ids = re.findall(
            r"<guid[^>]*>([^<]*)</guid>" if feed.name == "rss.xml" else r"<entry>\s*<id>([^<]*)<", text
        )
        assert len(ids) == len(set(ids)), feed
    for feed in sorted(site.rglob("feed.json")):
        assert quality.json_feed_problems(feed) == [], feed
        ids = [item["id"] for item in json.loads(feed.read_text(encoding="utf-8"))["items"]]
        assert len(ids) == len(set(ids)), feed


def test_an_imported_article_and_the_home_page_work_in_the_browser(imported, browser):
    _root, site, _report = imported
    article = next(p for p in sorted(site.glob("berita/*/index.html")) if "<img" in p.read_text("utf-8"))
    with quality.served(site) as base:
        for url in ("", article.parent.relative_to(site).as_posix() + "/"):
            assert quality.browser_problems(browser, base + url) == [], url
