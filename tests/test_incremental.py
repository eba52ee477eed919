"""Incremental builds give exactly what a cold build gives, and the cache never serves a stale page."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.urls import page_url

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
    """Delete an item as an editor must: its address redirects to the item that replaces it."""
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()
    project.write(NEWS, project.read(NEWS).replace("tags:", "aliases: [/berita/patroli/]\ntags:"))


def rename_news(project):
    """Rename an item with `sitegen mv`, which keeps its old address (aliases:)."""
    new = NEWS.replace("sosialisasi.md", "sosialisasi-paspor-elektronik.md")
    moved = CliRunner().invoke(main, ["mv", "--root", str(project.root), NEWS, new])
    assert moved.exit_code == 0, moved.output


def withdraw_news(project):
    """Withdraw an item: its file stays with gone:, its address says so, its topic goes."""
    path = "content/offices/alpha/berita/2026-10-05-patroli.md"
    project.write(path, project.read(path).replace("tags:", 'gone: "Jadwal patroli berubah."\ntags:'))


def add_tag(project):
    project.write(
        NEWS, project.read(NEWS).replace("tags: [paspor, sosialisasi]", "tags: [paspor, sosialisasi, baru]")
    )


def edit_shared_page(project):
    path = "content/shared/informasi-publik/permohonan.md"
    project.write(path, project.read(path).replace("10 hari kerja", "sepuluh hari kerja"))


EDITS = [edit_news, edit_template, edit_office_address, delete_news, rename_news, withdraw_news, add_tag]
EDITS += [edit_shared_page]


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


def toc_permalinks(monkeypatch) -> None:
    """A change to the Markdown settings, as a new sitegen release might make."""
    from sitegen.sources import markdown as md

    monkeypatch.setattr(md, "EXTENSION_CONFIGS", {"toc": {"permalink": True}})
    monkeypatch.setattr(md, "_converter", None)


def test_a_cache_made_with_other_markdown_settings_is_not_used(project, tmp_path, monkeypatch):
    project.write(NEWS, project.read(NEWS).replace("Isi berita.", "## Bagian\n\nIsi berita."))
    cache = ["--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    build(project, tmp_path / "first", *cache)
    toc_permalinks(monkeypatch)
    build(project, tmp_path / "second", *cache)
    assert "headerlink" in (tmp_path / "second/alpha/berita/sosialisasi/index.html").read_text()
    assert tree(tmp_path / "second") == cold(project, tmp_path)


def test_random_edits_incremental_always_equals_cold(project, tmp_path, monkeypatch):
    """A fixed-seed walk through many kinds of edit; after each, incremental == cold, byte for byte."""
    import random

    rng = random.Random(20261125)
    counter = iter(range(1000))

    def add_news(p):
        n = next(counter)
        unit = rng.choice(["alpha", "bravo", "wilayah"])
        p.write(
            f"content/offices/{unit}/berita/2026-09-{n % 28 + 1:02d}-acak-{n}.md",
            f"---\ntitle: Acak {n}\ndate: 2026-09-{n % 28 + 1:02d} {n % 24:02d}:{n % 60:02d}\n"
            f"tags: [{rng.choice(['paspor', 'visa', 'baru'])}]\n---\nIsi {n} di {{{{ office.name }}}}.\n",
        )

    def edit_any(p):
        files = sorted((p.root / "content").rglob("*.md"))
        path = rng.choice(files)
        path.write_text(path.read_text(encoding="utf-8") + f"\nTambahan {next(counter)}.\n", encoding="utf-8")

    def delete_any_news(p):
        files = sorted((p.root / "content/offices").rglob("berita/*.md"))
        if files:
            retire(p, rng.choice(files))

    editor = random.Random(1125)  # the careful editor's own choices, apart from which edits happen
    retirements = iter(range(1000))

    def retire(p, path):
        """Take a news item down as a careful editor does: no published address is left broken.

        In turn, it is deleted and its address, with the addresses it kept itself, redirects to
        another of the unit's live items; or it is withdrawn (its file stays, with gone:).
        """
        text = path.read_text(encoding="utf-8")
        others = [
            other
            for other in sorted(path.parent.glob("*.md"))
            if other != path and "\ngone:" not in other.read_text(encoding="utf-8")
        ]
        if not others or next(retirements) % 2:
            if "\ngone:" not in text:
                path.write_text(text.replace("---\n", f'---\ngone: "Dicabut {next(counter)}."\n', 1))
            return
        kept = re.search(r"^aliases: \[(.*)\]$", text, re.M)
        moving = [f"/{page_url(f'berita/{path.name}')}", *(kept.group(1).split(", ") if kept else ())]
        path.unlink()
        receiver = editor.choice(others)
        target = receiver.read_text(encoding="utf-8")
        if has := re.search(r"^aliases: \[(.*)\]$", target, re.M):
            line = f"aliases: [{', '.join([has.group(1), *moving])}]"
            target = target[: has.start()] + line + target[has.end() :]
        else:
            target = target.replace("---\n", f"---\naliases: [{', '.join(moving)}]\n", 1)
        receiver.write_text(target, encoding="utf-8")

    def rename_any_news(p):
        """Rename an item with `sitegen mv`, which keeps its old address (aliases:)."""
        path = editor.choice(sorted((p.root / "content/offices").rglob("berita/*.md")))
        new = path.with_name(path.stem + f"-{next(counter)}.md")
        moved = CliRunner().invoke(main, ["mv", "--root", str(p.root), str(path), str(new)])
        assert moved.exit_code == 0, moved.output

    def remove_unit(p):
        offices = p.read("offices.yaml")
        if "  - id: rudenim" in offices:
            start, end = offices.index("  - id: rudenim"), offices.index("  - id: wilayah")
            p.write("offices.yaml", offices[:start] + offices[end:])
            shutil.rmtree(p.root / "content/offices/rudenim", ignore_errors=True)

    def add_static(p):
        p.write(f"content/offices/bravo/static/berkas-{next(counter)}.txt", "berkas")

    def markdown_settings(p):
        toc_permalinks(monkeypatch)

    kinds = [add_news, edit_any, delete_any_news, edit_office_address, edit_template, add_static]
    kinds += [add_tag, edit_shared_page]
    out = tmp_path / "incremental"
    args = ["--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    build(project, out, *args)
    steps = [rng.choice(kinds) for _ in range(12)]
    steps.insert(5, remove_unit)
    steps.insert(9, markdown_settings)
    steps.insert(3, rename_any_news)  # inserted: the walk's random choices stay as they were
    for edit in steps:
        edit(project)
        build(project, out, *args)
        assert tree(out) == cold(project, tmp_path), edit.__name__
