"""JSON Feed tags read as the topics do on pages and in RSS/Atom: by their labels, each topic once."""

from __future__ import annotations

import json

import feedparser
from click.testing import CliRunner

from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"


def build(project) -> None:
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 0, result.output


def named_topics(project) -> None:
    """The network names the "pengawasan" topic; an item spells it twice, once capitalised."""
    offices = project.read("offices.yaml").replace(
        "  default_language: id\n",
        "  default_language: id\n  topics:\n    pengawasan: Pengawasan keimigrasian\n",
    )
    project.write("offices.yaml", offices)
    project.write(
        "content/offices/alpha/berita/2026-11-02-operasi.md",
        "---\ntitle: Operasi Gabungan\ndate: 2026-11-02 09:00\ncategory: Pengawasan\n"
        "tags: [pengawasan, layanan-publik]\n---\nOperasi.\n",
    )


def item(feed_path, title: str) -> dict:
    data = json.loads(feed_path.read_text(encoding="utf-8"))
    return next(i for i in data["items"] if i["title"].endswith(title))


def test_json_feed_tags_are_the_topic_labels_each_topic_once(project):
    named_topics(project)
    build(project)
    operasi = item(project.out / "alpha/feed.json", "Operasi Gabungan")
    assert operasi["tags"] == ["Pengawasan keimigrasian", "Layanan publik"]
    sosialisasi = item(project.out / "alpha/berita/feed.json", "Sosialisasi Paspor")
    assert sosialisasi["tags"] == ["Kegiatan", "Paspor", "Sosialisasi"]


def test_json_feed_tags_match_the_rss_categories_of_the_same_item(project):
    named_topics(project)
    build(project)
    rss = feedparser.parse((project.out / "alpha/rss.xml").read_bytes())
    for entry in rss.entries:
        labels = [t.term for t in entry.get("tags", [])]
        assert item(project.out / "alpha/feed.json", entry.title).get("tags", []) == labels


def test_the_regional_json_feed_also_names_the_unit_an_item_comes_from(project):
    named_topics(project)
    build(project)
    operasi = item(project.out / "wilayah/wilayah/feed.json", "Operasi Gabungan")
    assert operasi["tags"] == ["Pengawasan keimigrasian", "Layanan publik", "Kanim Alpha"]
