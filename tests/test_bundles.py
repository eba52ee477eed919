"""Page bundles: a folder holding index.md (and its pictures) is a page, under the same URL rules as a file."""

from __future__ import annotations

import json

from click.testing import CliRunner

from sitegen.cli import main
from sitegen.urls import page_url

NOW = "2026-11-24T12:00:00+07:00"
NEWS = "---\ntitle: {title}\ndate: 2026-11-10{extra}\n---\nIsi {title}.\n"


def run(project, command: str = "build", *args: str):
    return CliRunner().invoke(main, [command, "--root", str(project.root), "--now", NOW, *args])


def test_a_bundle_is_named_by_its_folder_exactly_as_a_file_by_its_name():
    """The date prefix goes, a slug replaces the name, and deeper folders stay in the URL."""
    for name in ("2026-11-01-judul-berita", "judul-berita"):
        assert page_url(f"berita/{name}/index.md") == page_url(f"berita/{name}.md") == "berita/judul-berita/"
    assert page_url("berita/2026-11-01-judul/index.md", "lain") == "berita/lain/"
    assert page_url("layanan/wni/paspor-baru/index.md") == "layanan/wni/paspor-baru/"


def test_an_index_md_directly_in_a_section_is_a_plain_page_not_a_bundle():
    assert page_url("berita/index.md") == "berita/index/"


def test_a_bundled_news_item_is_published_at_its_folders_url_and_in_the_feeds(project):
    project.write(
        "content/offices/alpha/berita/2026-11-10-pameran/index.md", NEWS.format(title="Pameran", extra="")
    )
    result = run(project)
    assert result.exit_code == 0, result.output
    page = (project.out / "alpha/berita/pameran/index.html").read_text(encoding="utf-8")
    assert "Isi Pameran." in page
    assert not (project.out / "alpha/berita/2026-11-10-pameran").exists()
    assert not (project.out / "alpha/berita/pameran/index").exists()
    feed = json.loads((project.out / "alpha/berita/feed.json").read_text(encoding="utf-8"))
    assert "https://alpha.example.go.id/berita/pameran/" in [i["url"] for i in feed["items"]]


def test_a_bundle_in_a_dated_section_needs_a_date_like_any_news_item(project):
    project.write("content/offices/alpha/berita/2026-11-10-pameran/index.md", "---\ntitle: Pameran\n---\nx\n")
    result = run(project)
    assert result.exit_code == 1
    assert "content/offices/alpha/berita/2026-11-10-pameran/index.md:" in result.output
    assert "date" in result.output


def test_a_bundle_and_a_file_of_the_same_name_clash_with_both_named(project):
    project.write("content/offices/alpha/berita/2026-11-10-pameran.md", NEWS.format(title="A", extra=""))
    project.write(
        "content/offices/alpha/berita/2026-11-11-pameran/index.md", NEWS.format(title="B", extra="")
    )
    result = run(project)
    assert result.exit_code == 1
    assert "URL /berita/pameran/ is claimed by both" in result.output
    assert "2026-11-11-pameran/index.md" in result.output


def test_other_markdown_inside_a_bundle_is_not_published_and_is_named(project):
    project.write(
        "content/offices/alpha/berita/2026-11-10-pameran/index.md", NEWS.format(title="Pameran", extra="")
    )
    project.write("content/offices/alpha/berita/2026-11-10-pameran/catatan.md", "---\ntitle: C\n---\nx\n")
    result = run(project)
    assert result.exit_code == 0, result.output
    assert "2026-11-10-pameran/catatan.md: warning: 2026-11-10-pameran/ is a page bundle" in result.output
    assert not (project.out / "alpha/berita/2026-11-10-pameran").exists()
    assert not (project.out / "alpha/berita/pameran/catatan").exists()


def test_two_bundles_sharing_a_minute_are_told_apart_by_their_folder_names(project):
    for name in ("pagi", "siang"):
        project.write(
            f"content/offices/alpha/berita/2026-11-10-{name}/index.md", NEWS.format(title=name, extra="")
        )
    assert run(project).exit_code == 0
    feed = json.loads((project.out / "alpha/berita/feed.json").read_text(encoding="utf-8"))
    ids = {item["title"]: item["id"] for item in feed["items"]}
    assert ids["pagi"] == "tag:uji.example,2026:alpha/berita/20261109T170000Z"
    assert ids["siang"] == ids["pagi"] + "-2026-11-10-siang"


def test_a_new_page_whose_url_a_bundle_already_has_is_refused(project):
    project.write(
        "content/offices/alpha/pengumuman/2026-11-10-libur-natal/index.md",
        NEWS.format(title="Libur Natal", extra="\nexpires: 2026-12-31"),
    )
    result = run(project, "new", "pengumuman", "Libur Natal", "--office", "alpha")
    assert result.exit_code == 1
    assert "2026-11-10-libur-natal/index.md already publishes /pengumuman/libur-natal/" in result.output
