"""The regional subscribe page lists what the regional feed holds: each item's title, unit, date and address."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"
PAGE = "wilayah/langganan/wilayah/index.html"


def build(project) -> str:
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 0, result.output
    return (project.out / PAGE).read_text(encoding="utf-8")


def listed(html: str) -> list[tuple[str, str, str, str]]:
    """(address, title, unit, date) of each item the page lists."""
    return re.findall(
        r'<a href="([^"]+)">([^<]+)</a>\s*<span class="unit">([^<]+)</span>\s*<time datetime="([^"]+)">',
        html,
    )


def test_the_regional_subscribe_page_lists_the_feeds_latest_items_with_unit_date_and_absolute_link(project):
    html = build(project)
    feed = json.loads((project.out / "wilayah/wilayah/feed.json").read_text(encoding="utf-8"))
    items = listed(html)
    assert [url for url, *_ in items] == [i["url"] for i in feed["items"][:10]]
    assert (
        "https://bravo.example.go.id/berita/wbk/",
        "Pencanangan WBK",
        "Kanim Bravo",
        "2026-09-01T10:00:00+08:00",
    ) in items
    assert (
        "https://wilayah.example.go.id/berita/rakor/",
        "Rapat Koordinasi",
        "Kanwil Uji",
        "2026-07-01T10:00:00+07:00",
    ) in items
    assert "Selasa, 1 September 2026" in html  # the date as readers read it
    # the address to copy is still there
    assert "<code>https://wilayah.example.go.id/wilayah/feed.json</code>" in html


def test_the_regional_subscribe_page_lists_at_most_ten_newest_first(project):
    for day in range(1, 13):
        project.write(
            f"content/offices/alpha/berita/2026-11-{day:02d}-kabar-{day}.md",
            f"---\ntitle: Kabar {day}\ndate: 2026-11-{day:02d} 08:00\n---\nKabar.\n",
        )
    items = listed(build(project))
    assert len(items) == 10
    assert [title for _, title, _, _ in items[:3]] == ["Libur Natal", "Kabar 12", "Kabar 11"]


def test_a_regional_feed_without_items_says_so_plainly(project):
    for rel in (
        "offices/alpha/berita/2026-10-01-sosialisasi.md",
        "offices/alpha/berita/2026-10-05-patroli.md",
        "offices/alpha/pengumuman/2026-11-18-libur.md",
        "offices/bravo/berita/2026-09-01-wbk.md",
        "offices/rudenim/berita/2026-08-01-deportasi.md",
        "offices/wilayah/berita/2026-07-01-rakor.md",
    ):
        (project.root / "content" / rel).unlink()
    html = build(project)
    assert listed(html) == []
    assert "Belum ada berita atau pengumuman dari Kanwil Uji maupun unit di bawahnya." in html


def test_a_changed_item_of_a_unit_shows_on_the_regional_page_at_the_next_build(project):
    build(project)
    project.write(
        "content/offices/bravo/berita/2026-09-01-wbk.md",
        "---\ntitle: Pencanangan WBK Bravo\ndate: 2026-09-01 10:00\ntags: [zona-integritas]\n---\nWBK.\n",
    )
    assert "Pencanangan WBK Bravo" in build(project)
