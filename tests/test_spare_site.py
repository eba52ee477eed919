"""A unit's site before the last swap is the next build's staging folder.

Staging a unit linked every one of its files into a new folder, and the swap
deleted the old one: with 20,000 pages on disk that was most of a one-line
edit. The old site is now kept (``.sitegen/spare/<id>``) and the next build
stages in it, keeping only files that are exactly what the live site holds.
Every build here is checked against a clean build into an empty folder.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sitegen.build import SPARE, STATE
from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project

from .helpers import tree
from .test_output_safety import build as build_process
from .test_output_safety import clean_tree

NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
NEWS = "content/offices/alpha/berita/2026-10-05-patroli.md"


def edit(project, words: str) -> None:
    project.write(
        NEWS, f"---\ntitle: Patroli Perbatasan\ndate: 2026-10-05 14:00\ntags: [perbatasan]\n---\n{words}\n"
    )


def folders(root: Path) -> set[str]:
    """Every folder of the published sites (an empty one left behind shows here, not in ``tree``)."""
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_dir() and STATE not in p.relative_to(root).parts
    }


def with_spare(project) -> None:
    """A build, an edit and a build again: every unit now has the site the swap replaced."""
    assert build_process(project).returncode == 0
    edit(project, "Satu.")
    assert build_process(project).returncode == 0
    assert (project.out / STATE / SPARE / "alpha").is_dir()


def build_counting_links(project, monkeypatch) -> list[str]:
    """Build in this process; the files linked into a staging folder."""
    linked: list[str] = []
    real = os.link

    def counting(src, dst, *args, **kwargs):
        if "/staging/" in str(dst):
            linked.append(str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "link", counting)
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    monkeypatch.setattr(os, "link", real)
    return linked


def test_an_edit_stages_in_the_old_site_and_links_only_what_changed(project, monkeypatch):
    build(load_project(project.root), BuildOptions(out=project.out, now=NOW))
    edit(project, "Patroli pertama.")
    first_edit = build_counting_links(project, monkeypatch)
    assert (project.out / STATE / SPARE / "alpha").is_dir(), "the old site is kept"
    edit(project, "Patroli kedua.")
    second_edit = build_counting_links(project, monkeypatch)
    alpha_files = len(list((project.out / "alpha").rglob("*.*")))
    assert len([p for p in first_edit if "/alpha/" in p]) > alpha_files / 2, "no spare yet: every file"
    assert len([p for p in second_edit if "/alpha/" in p]) < 20, "the spare holds the rest already"
    clean = project.root / "clean"
    build(load_project(project.root), BuildOptions(out=clean, now=NOW))
    assert tree(project.out) == tree(clean)
    assert folders(project.out) == folders(clean)


def test_a_removed_page_leaves_no_file_or_empty_folder_behind(project):
    nothing = project.root / "nothing-published"  # pages may go: no published address to keep
    nothing.mkdir()
    with_spare(project)
    (project.root / NEWS).unlink()
    assert build_process(project, "--against", str(nothing)).returncode == 0
    (project.root / "content/offices/alpha/berita/2026-10-06-baru.md").write_text(
        "---\ntitle: Baru\ndate: 2026-10-06 08:00\n---\nBaru.\n", encoding="utf-8"
    )
    assert build_process(project, "--against", str(nothing)).returncode == 0
    assert tree(project.out) == clean_tree(project)
    assert folders(project.out) == folders(project.root / "clean")


def test_a_live_file_changed_in_place_is_not_taken_from_the_spare(project):
    """The spare shares its files' inodes with the live site: a change in place reaches both."""
    with_spare(project)
    page = project.out / "alpha/layanan/index.html"
    with page.open("ab") as fh:
        fh.write(b"<!-- changed in place -->")
    edit(project, "Dua.")
    assert build_process(project).returncode == 0
    assert tree(project.out) == clean_tree(project)


def test_files_of_someone_else_follow_the_live_site_both_ways(project):
    """Kept while they stand in the live folder; gone once their owner deletes them there."""
    assert build_process(project).returncode == 0
    (project.out / "alpha/google1234.html").write_text("verification")
    (project.out / "alpha/uploads").mkdir()
    edit(project, "Satu.")
    assert build_process(project).returncode == 0
    edit(project, "Dua.")
    assert build_process(project).returncode == 0
    assert (project.out / "alpha/google1234.html").read_text() == "verification"
    assert (project.out / "alpha/uploads").is_dir()
    (project.out / "alpha/google1234.html").unlink()
    (project.out / "alpha/uploads").rmdir()
    edit(project, "Tiga.")
    assert build_process(project).returncode == 0
    edit(project, "Empat.")
    assert build_process(project).returncode == 0
    assert not (project.out / "alpha/google1234.html").exists(), "the spare does not bring it back"
    assert not (project.out / "alpha/uploads").exists()
    assert tree(project.out) == clean_tree(project)


def test_a_build_killed_while_staging_in_the_spare_leaves_the_site_whole(project):
    with_spare(project)
    before = tree(project.out)
    # a page the last build left alone: the spare holds it as a link to the live file
    project.write("content/shared/layanan/_index.md", "---\ntitle: Layanan\n---\nLayanan kami, diperbarui.\n")
    killed = build_process(project, env={"SITEGEN_FAULT": "before-journal"})
    assert killed.returncode == 99
    assert tree(project.out) == before, "nothing live was touched"
    assert build_process(project).returncode == 0
    assert tree(project.out) == clean_tree(project)
    assert folders(project.out) == folders(project.root / "clean")


def test_a_unit_leaving_offices_yaml_takes_its_spare_along(project):
    with_spare(project)
    offices = project.read("offices.yaml")
    start, end = offices.index("  - id: rudenim"), offices.index("  - id: wilayah")
    project.write("offices.yaml", offices[:start] + offices[end:])
    for path in sorted((project.root / "content/offices/rudenim").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    (project.root / "content/offices/rudenim").rmdir()
    assert build_process(project).returncode == 0
    assert not (project.out / STATE / SPARE / "rudenim").exists()
    assert not (project.out / STATE / "local/rudenim.spare.json").exists()
