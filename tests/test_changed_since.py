"""`--changed-since REV`: only the units a git change affects are named and built."""

from __future__ import annotations

import json

from click.testing import CliRunner

from sitegen.cli import main

from .helpers import commit_all, git

NOW = "2026-11-24T12:00:00+07:00"
EVERY_UNIT = ["alpha", "bravo", "rudenim", "wilayah"]


def units(project, rev: str) -> list[str]:
    result = CliRunner().invoke(main, ["units", "--root", str(project.root), "--changed-since", rev])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_units_news_affects_that_unit_and_its_regional_office(project):
    base = commit_all(project.root)
    project.write(
        "content/offices/bravo/berita/2026-09-01-wbk.md", "---\ntitle: WBK\ndate: 2026-09-01\n---\nx\n"
    )
    assert units(project, base) == ["bravo", "wilayah"]


def test_committed_and_untracked_changes_both_count(project):
    base = commit_all(project.root)
    project.write(
        "content/offices/rudenim/berita/2026-11-01-baru.md", "---\ntitle: Baru\ndate: 2026-11-01\n---\n"
    )
    commit_all(project.root, "news for rudenim")
    project.write("content/offices/alpha/profil/sejarah.md", "---\ntitle: Sejarah\n---\nBelum disimpan.\n")
    assert units(project, base) == ["alpha", "rudenim", "wilayah"]


def test_a_shared_page_affects_the_units_that_publish_it(project):
    base = commit_all(project.root)
    project.write(
        "content/shared/layanan/biaya-paspor.md",
        "---\ntitle: Biaya Paspor\nservices: [paspor]\n---\nRp650.000\n",
    )
    assert units(project, base) == ["alpha", "bravo"]


def test_a_shared_page_moved_to_other_units_affects_the_old_and_the_new_ones(project):
    """Which units published it before is read from the project as it stood at REV."""
    base = commit_all(project.root)
    project.write(
        "content/shared/layanan/pas-lintas-batas.md", "---\ntitle: PLB\nkinds: [rudenim]\n---\nPLB.\n"
    )
    assert units(project, base) == ["alpha", "rudenim"]


def test_a_deleted_shared_page_affects_the_units_that_published_it(project):
    base = commit_all(project.root)
    (project.root / "content/shared/layanan/kunjungan-deteni.md").unlink()
    commit_all(project.root, "remove the visiting page")
    assert units(project, base) == ["rudenim"]


def test_settings_themes_and_sitegen_itself_affect_every_unit(project):
    base = commit_all(project.root)
    project.write("themes/default/static/extra.css", "body{}\n")
    assert units(project, base) == EVERY_UNIT
    git(project.root, "stash", "-u", "-q")
    project.write("offices.yaml", project.read("offices.yaml").replace("Jaringan Uji", "Jaringan Uji Baru"))
    assert units(project, base) == EVERY_UNIT
    git(project.root, "checkout", "-q", "--", "offices.yaml")
    project.write("sitegen/render.py", "# a change of the generator's code\n")
    assert units(project, base) == EVERY_UNIT


def test_tests_docs_and_ci_files_affect_no_unit(project):
    base = commit_all(project.root)
    project.write("README.md", "# Situs\n")
    project.write("tests/test_x.py", "def test_x():\n    pass\n")
    project.write(".github/workflows/sites.yml", "on: push\n")
    assert units(project, base) == []


def test_a_project_in_a_subfolder_of_the_repository_sees_its_own_paths(project):
    """--root below the repository's top: paths are read relative to the project, others ignored."""
    top = project.root.parent
    commit_all(top)
    base = git(top, "rev-parse", "HEAD")
    (top / "other.txt").write_text("elsewhere\n", encoding="utf-8")
    assert units(project, base) == []
    project.write("content/offices/alpha/berita/2026-11-02-x.md", "---\ntitle: X\ndate: 2026-11-02\n---\n")
    assert units(project, base) == ["alpha", "wilayah"]


def test_build_names_and_builds_only_the_affected_units(project):
    base = commit_all(project.root)
    project.write(
        "content/offices/bravo/berita/2026-11-20-baru.md", "---\ntitle: Baru\ndate: 2026-11-20\n---\n"
    )
    result = CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--now", NOW, "--changed-since", base]
    )
    assert result.exit_code == 0, result.output
    assert "units to build (changed since " in result.stderr and ": bravo, wilayah" in result.stderr
    assert sorted(p.name for p in project.out.iterdir() if not p.name.startswith(".")) == ["bravo", "wilayah"]
    assert "Baru" in (project.out / "bravo/berita/index.html").read_text(encoding="utf-8")


def test_a_build_with_nothing_changed_writes_nothing(project):
    base = commit_all(project.root)
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--changed-since", base])
    assert result.exit_code == 0, result.output
    assert "units to build (changed since " in result.stderr and "): none" in result.stderr
    assert not project.out.exists()


def test_outside_a_git_repository_it_is_a_usage_error(project):
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--changed-since", "HEAD~1"])
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr
    assert not project.out.exists()


def test_an_unknown_revision_is_a_usage_error(project):
    commit_all(project.root)
    for command in ("build", "units"):
        result = CliRunner().invoke(main, [command, "--root", str(project.root), "--changed-since", "v9.9"])
        assert result.exit_code == 2
        assert "'v9.9' names no commit in this repository" in result.stderr
