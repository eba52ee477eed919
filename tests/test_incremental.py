"""Incremental builds give exactly what a cold build gives, and the cache never serves a stale page."""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from sitegen.cli import main

from .helpers import tree

NOW = "2026-11-24T12:00:00+07:00"
NEWS = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"


def build(project, out, *args):
    result = CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--out", str(out), "--now", NOW, *args]
    )
    assert result.exit_code == 0, result.output
    return result


def cold(project, tmp_path):
    out = tmp_path / "cold"
    shutil.rmtree(out, ignore_errors=True)
    build(project, out, "--no-cache")
    return tree(out)


def edit_news(project):
    project.write(NEWS, project.read(NEWS).replace("Isi berita.", "Isi berita yang diperbaiki."))


def edit_template(project):
    path = "themes/default/templates/article.html"
    project.write(path, project.read(path).replace('<p class="meta">', '<p class="meta" data-v="2">'))


def edit_office_address(project):
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace("Jl. Contoh No. 1, Alpha", "Jl. Baru No. 9, Alpha"),
    )


def delete_news(project):
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()


def rename_news(project):
    old = project.root / NEWS
    old.rename(old.with_name("2026-10-01-sosialisasi-paspor-elektronik.md"))


def add_tag(project):
    project.write(
        NEWS, project.read(NEWS).replace("tags: [paspor, sosialisasi]", "tags: [paspor, sosialisasi, baru]")
    )


def edit_shared_page(project):
    path = "content/shared/informasi-publik/permohonan.md"
    project.write(path, project.read(path).replace("10 hari kerja", "sepuluh hari kerja"))


EDITS = [edit_news, edit_template, edit_office_address, delete_news, rename_news, add_tag, edit_shared_page]


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__ for e in EDITS])
def test_an_incremental_build_after_an_edit_equals_a_cold_build(project, tmp_path, edit):
    out = tmp_path / "incremental"
    build(project, out)
    edit(project)
    build(project, out)
    assert tree(out) == cold(project, tmp_path)


def test_an_unchanged_unit_is_not_rendered_again(project, tmp_path):
    out = tmp_path / "out"
    build(project, out)
    edit_news(project)
    result = build(project, out)
    assert "written" in result.output
    bravo = (out / "bravo/index.html").stat().st_ino
    build(project, out)
    assert (out / "bravo/index.html").stat().st_ino == bravo


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(project, tmp_path):
    out = tmp_path / "out"
    build(project, out)
    path = project.root / NEWS
    stat = path.stat()
    text = path.read_text()
    path.write_text(text.replace("Isi berita.", "Isi warta!."))  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    build(project, out)
    assert "Isi warta!." in (out / "alpha/berita/sosialisasi/index.html").read_text()


def test_time_alone_changes_what_is_in_force(project, tmp_path):
    out = tmp_path / "out"
    build(project, out)
    result = CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--out", str(out), "--now", "2027-01-03T00:00:00+07:00"]
    )
    assert result.exit_code == 0
    assert "Pengumuman yang berlaku" not in (out / "alpha/index.html").read_text()


def test_parallel_conversion_gives_the_same_bytes(project, tmp_path):
    for n in range(60):  # enough sources for the build to use several processes
        project.write(
            f"content/offices/bravo/berita/2026-08-{n % 28 + 1:02d}-kabar-{n}.md",
            f"---\ntitle: Kabar {n}\ndate: 2026-08-{n % 28 + 1:02d} {n % 24:02d}:{n:02d}\n---\n"
            f"## Bagian {n}\n\nIsi **{n}** di {{{{ office.name }}}}.\n",
        )
    build(project, tmp_path / "one", "--jobs", "1", "--no-cache")
    build(project, tmp_path / "two", "--jobs", "2", "--no-cache")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_damaged_cache_only_costs_time(project, tmp_path):
    build(project, tmp_path / "a", "--cache-dir", str(tmp_path / "cache"))
    (tmp_path / "cache/cache.sqlite").write_bytes(b"not a database")
    build(project, tmp_path / "b", "--cache-dir", str(tmp_path / "cache"))
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
