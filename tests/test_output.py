"""Writing: only inside the output, only what sitegen made, never half a site."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.build.output import Output
from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"


def run(project, *args):
    return CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW, *args])


@pytest.mark.parametrize("out", [".", "..", "content", "themes", "content/x"])
def test_refuses_output_folders_where_a_mistake_would_destroy_something(project, out):
    result = run(project, "--out", str(project.root / out))
    assert result.exit_code == 2
    assert "refusing" in result.output


def test_refuses_to_replace_a_folder_it_did_not_make(project):
    foreign = project.out / "alpha"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("keep me")
    result = run(project)
    assert result.exit_code == 2 and "was not made by sitegen" in result.output
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_files_beside_the_sites_are_left_alone(project):
    project.out.mkdir()
    (project.out / "README.txt").write_text("deploy notes")
    assert run(project).exit_code == 0
    # a deletion removes files from the site (its address redirects, as sitegen.build.addresses asks)
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()
    news = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
    project.write(news, project.read(news).replace("tags:", "aliases: [/berita/patroli/]\ntags:"))
    assert run(project).exit_code == 0
    assert not (project.out / "alpha/tag/perbatasan").exists()
    assert (project.out / "README.txt").read_text() == "deploy notes"


def test_a_symlinked_site_folder_is_refused(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    project.out.mkdir()
    (project.out / "alpha").symlink_to(elsewhere, target_is_directory=True)
    assert run(project).exit_code == 2
    assert list(elsewhere.iterdir()) == []


def test_an_unchanged_site_is_not_touched_and_a_changed_one_is_swapped_whole(project):
    assert run(project).exit_code == 0
    bravo_inode = (project.out / "bravo/index.html").stat().st_ino
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli Baru\ndate: 2026-10-05 14:00\ntags: [perbatasan]\n---\nx\n",  # its topic kept
    )
    assert run(project, "--office", "alpha", "--office", "bravo").exit_code == 0
    assert (project.out / "bravo/index.html").stat().st_ino == bravo_inode
    assert "Patroli Baru" in (project.out / "alpha/berita/index.html").read_text()
    assert not (project.out / ".sitegen/staging").exists() and not (project.out / ".sitegen/trash").exists()


def test_staged_work_is_thrown_away_on_abort(tmp_path):
    project_root = tmp_path / "repo"
    project_root.mkdir()
    output = Output(project_root / "public", project_root)
    writer = output.site("alpha")
    writer.write("index.html", b"<p>half</p>")
    writer.close()
    output.abort()
    assert not (project_root / "public/alpha").exists()
    with pytest.raises(ValueError):
        output.site("../escape")


def test_output_paths_cannot_escape_the_site(tmp_path: Path):
    root = tmp_path / "repo"
    root.mkdir()
    writer = Output(root / "public", root).site("alpha")
    for bad in ("../x.html", "/etc/passwd", "a/../../x", ""):
        with pytest.raises(ValueError):
            writer.write(bad, b"x")
