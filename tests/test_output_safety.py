"""The published output is never damaged, and the next build always repairs it.

Each fault is followed by a normal build, and the output is compared byte for
byte with a clean build of the same content into an empty folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from sitegen.build import OutputError
from sitegen.build.output import Output
from sitegen.cli import main

from .helpers import tree

NOW = "2026-11-24T12:00:00+07:00"


def build(project, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """A real `sitegen build` in its own process, as CI and editors run it."""
    return subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "--root", str(project.root), "--now", NOW, "-q", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def invoke(project, *args: str):
    return CliRunner().invoke(main, [args[0], "--root", str(project.root), "--now", NOW, *args[1:]])


def clean_tree(project) -> dict[str, bytes]:
    """What a build of the current content into an empty folder gives."""
    assert build(project, "--out", str(project.root / "clean")).returncode == 0
    return tree(project.root / "clean")


def rename_network(project, name: str = "Jaringan Uji Baru") -> None:
    offices = project.read("offices.yaml").replace("name: Jaringan Uji", f"name: {name}")
    project.write("offices.yaml", offices)


def test_two_builds_at_once_take_turns_and_leave_a_whole_site(project):
    """The second build waits for the lock; neither crashes, and nothing goes missing."""
    assert build(project).returncode == 0
    rename_network(project)
    cmd = [sys.executable, "-m", "sitegen", "build", "--root", str(project.root), "--now", NOW, "-q"]
    runs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert tree(project.out) == clean_tree(project)
    assert not (project.out / ".sitegen/staging").exists()


def test_a_build_that_cannot_get_the_output_says_so(project, tmp_path):
    holder = Output(project.out, project.root)
    try:
        with pytest.raises(OutputError, match="another sitegen build is writing"):
            Output(project.out, project.root, lock_timeout=0.2)
    finally:
        holder.close()
    Output(project.out, project.root, lock_timeout=0.2).close()  # free again once released


@pytest.mark.parametrize("point", ["before-journal", "after-journal", "between-renames", "after-rename"])
def test_a_build_killed_during_the_swap_is_finished_or_forgotten_by_the_next(project, point):
    assert build(project).returncode == 0
    before = tree(project.out)
    rename_network(project)
    killed = build(project, env={"SITEGEN_FAULT": point})
    assert killed.returncode == 99  # it really died at that point
    if point == "before-journal":
        assert tree(project.out) == before  # nothing live was touched before the journal
    assert build(project).returncode == 0
    assert tree(project.out) == clean_tree(project)
    assert not (project.out / ".sitegen/journal.json").exists()


def test_a_file_deleted_from_the_output_is_restored(project):
    assert build(project).returncode == 0
    (project.out / "bravo/index.html").unlink()
    assert build(project).returncode == 0
    assert tree(project.out) == clean_tree(project)


def test_verify_finds_a_file_changed_with_its_size_and_time_kept(project):
    assert build(project).returncode == 0
    page = project.out / "alpha/index.html"
    stat = page.stat()
    data = page.read_bytes()
    page.write_bytes(data.replace(b"<", b">", 1))
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert build(project).returncode == 0
    assert page.read_bytes() != data  # sizes and times agree: the cheap check cannot see it
    assert build(project, "--verify").returncode == 0
    assert page.read_bytes() == data


def test_files_of_someone_else_in_a_unit_folder_are_kept_and_named(project):
    assert build(project).returncode == 0
    (project.out / "alpha/google1234.html").write_text("google-site-verification")
    (project.out / "alpha/uploads").mkdir()
    (project.out / "alpha/uploads/brosur.pdf").write_bytes(b"%PDF")
    rename_network(project)  # every unit is rebuilt and swapped
    result = build(project)
    assert result.returncode == 0
    assert "alpha/google1234.html: warning: kept a file sitegen did not make" in result.stderr
    assert "content/offices/alpha/static/" in result.stderr
    assert (project.out / "alpha/google1234.html").read_text() == "google-site-verification"
    assert (project.out / "alpha/uploads/brosur.pdf").read_bytes() == b"%PDF"


def test_a_units_static_folder_is_copied_to_its_site_root(project):
    project.write("content/offices/alpha/static/google1234.html", "google-site-verification")
    project.write("content/offices/alpha/static/unduhan/formulir.txt", "formulir")
    assert build(project).returncode == 0
    assert (project.out / "alpha/google1234.html").read_text() == "google-site-verification"
    assert (project.out / "alpha/unduhan/formulir.txt").read_text() == "formulir"
    assert not (project.out / "bravo/google1234.html").exists()
    project.write("content/offices/alpha/static/google1234.html", "changed")
    assert build(project).returncode == 0
    assert (project.out / "alpha/google1234.html").read_text() == "changed"


def test_a_broken_link_in_a_units_own_html_file_names_that_file_and_line(project):
    project.write(
        "content/offices/alpha/static/panduan.html",
        '<!doctype html><title>Panduan</title>\n<p>Baca\n<a href="/layanan/tidak-ada/">ini</a></p>\n',
    )
    result = build(project)
    assert result.returncode == 1
    assert (
        "content/offices/alpha/static/panduan.html:3: broken link /layanan/tidak-ada/ [unit alpha]"
        in result.stderr
    )
    assert "a template links" not in result.stderr


def test_a_static_file_that_would_replace_a_page_is_an_error_naming_it(project):
    project.write("content/offices/alpha/static/rss.xml", "<rss/>")
    result = build(project)
    assert result.returncode == 1
    assert "content/offices/alpha/static/rss.xml: this file would replace /rss.xml" in result.stderr


def test_two_pages_on_one_url_in_any_unit_name_their_files_and_check_agrees(project):
    """bravo is not the first unit built; its clash must read as alpha's would."""
    for day in ("01", "02"):
        project.write(
            f"content/offices/bravo/berita/2026-11-{day}-uji.md",
            f"---\ntitle: Uji {day}\ndate: 2026-11-{day} 10:00\n---\nIsi.\n",
        )
    result = build(project)
    assert result.returncode == 1
    assert "content/offices/bravo/berita/2026-11-02-uji.md:1: URL /berita/uji/ is claimed" in result.stderr
    assert not (project.out / ".sitegen/staging").exists()
    assert invoke(project, "check").exit_code == 1


@pytest.mark.parametrize("alias", ["/rss.xml", "/tag/perbatasan/", "/static/site.css"])
def test_an_alias_onto_a_generated_file_is_an_error_on_its_line(project, alias):
    project.write(
        "content/offices/bravo/berita/2026-11-01-uji.md",
        f"---\ntitle: Uji\ndate: 2026-11-01 10:00\ntags: [perbatasan]\naliases: [{alias}]\n---\nIsi.\n",
    )
    result = build(project)
    assert result.returncode == 1, result.stderr
    assert "content/offices/bravo/berita/2026-11-01-uji.md:5: an alias claims" in result.stderr
    assert "written twice" not in result.stderr
    checked = invoke(project, "check")
    assert checked.exit_code == 1 and "an alias claims" in checked.output


def test_a_unit_removed_from_offices_yaml_leaves_the_output_and_every_opml(project):
    assert build(project).returncode == 0
    assert "rudenim.example.go.id" in (project.out / "alpha/feeds.opml").read_text()
    (project.out / "rudenim/google1234.html").write_text("not sitegen's")
    offices = project.read("offices.yaml")
    start = offices.index("  - id: rudenim")
    end = offices.index("  - id: wilayah")
    project.write("offices.yaml", offices[:start] + offices[end:])
    shutil.rmtree(project.root / "content/offices/rudenim")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "removed unit rudenim" in result.stderr
    assert sorted(p.name for p in (project.out / "rudenim").rglob("*")) == ["google1234.html"]
    assert not (project.out / ".sitegen/rudenim.json").exists()
    for unit in ("alpha", "bravo", "wilayah"):
        assert "rudenim" not in (project.out / unit / "feeds.opml").read_text()
    assert "rudenim" not in (project.out / "wilayah/wilayah/atom.xml").read_text()


def test_a_unit_folder_that_is_a_file_is_refused_with_its_path(project):
    project.out.mkdir()
    (project.out / "alpha").write_text("x")
    result = build(project)
    assert result.returncode == 2
    assert "alpha is a file" in result.stderr and "Traceback" not in result.stderr


def test_the_manifest_is_plain_json_with_digests_and_the_local_record_has_size_and_time(project):
    assert build(project).returncode == 0
    record = json.loads((project.out / ".sitegen/alpha.json").read_text())
    page = project.out / "alpha/index.html"
    assert record["files"]["index.html"] == hashlib.sha256(page.read_bytes()).hexdigest()
    assert "stats" not in record  # published: nothing in it may vary between machines
    local = json.loads((project.out / ".sitegen/local/alpha.json").read_text())
    assert local["index.html"] == [page.stat().st_size, page.stat().st_mtime_ns]
    assert isinstance(record["fingerprint"], str) and record["fingerprint"]


def test_a_changed_file_is_repaired_even_without_the_local_record(project):
    """An output restored from elsewhere (a CI cache) has no local times: digests decide."""
    assert build(project).returncode == 0
    (project.out / ".sitegen/local/alpha.json").unlink()
    page = project.out / "alpha/index.html"
    good = page.read_bytes()
    page.write_bytes(b"tampered")
    assert build(project).returncode == 0
    assert page.read_bytes() == good
