"""Output-side paths (`--out`, `--against`) typed as relative paths are read from the current folder,
as a shell reads every other path; unset, they mean public/ inside --root."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder outside the project, the one commands are run from."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def sitegen(*args: str):
    return CliRunner().invoke(main, list(args))


def test_build_writes_a_relative_out_into_the_current_folder(project, elsewhere):
    result = sitegen("build", "--root", str(project.root), "--now", NOW, "-q", "--out", "situs")
    assert result.exit_code == 0, result.output
    assert (elsewhere / "situs/alpha/index.html").is_file()
    assert not (project.root / "situs").exists()


def test_build_without_out_still_writes_public_in_the_root(project, elsewhere):
    result = sitegen("build", "--root", str(project.root), "--now", NOW, "-q")
    assert result.exit_code == 0, result.output
    assert (project.out / "alpha/index.html").is_file()
    assert not (elsewhere / "public").exists()


def test_check_reads_a_relative_against_from_the_current_folder(project, elsewhere):
    assert sitegen("build", "--root", str(project.root), "--now", NOW, "-q").exit_code == 0
    shutil.move(project.out, elsewhere / "deployed")  # what was published, kept outside the project
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()

    against = sitegen("check", "--root", str(project.root), "--now", NOW, "--against", "deployed")
    assert against.exit_code == 1
    assert "/berita/patroli/ was published and is gone" in against.output

    # public/ in the root (the default) holds nothing now, so nothing published is known there
    default = sitegen("check", "--root", str(project.root), "--now", NOW, "--format", "json")
    assert "was published and is gone" not in default.output


def test_build_reads_a_relative_against_from_the_current_folder(project, elsewhere):
    assert sitegen("build", "--root", str(project.root), "--now", NOW, "-q").exit_code == 0
    shutil.move(project.out, elsewhere / "deployed")
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()
    result = sitegen("build", "--root", str(project.root), "--now", NOW, "-q", "--against", "deployed")
    assert result.exit_code == 1
    assert "/berita/patroli/ was published and is gone" in result.output


def test_deploy_plan_reads_a_relative_out_from_the_current_folder(project, elsewhere):
    built = sitegen("build", "--root", str(project.root), "--now", NOW, "-q", "--out", "situs")
    assert built.exit_code == 0, built.output
    plan = sitegen(
        "deploy", "plan", "--root", str(project.root), "--unit", "alpha", "--out", "situs", "--format", "json"
    )
    assert plan.exit_code == 0, plan.output
    manifest = json.loads((elsewhere / "situs/.sitegen/alpha.json").read_text(encoding="utf-8"))["files"]
    assert sorted(json.loads(plan.stdout)["upload"]) == sorted(manifest)


def test_deploy_plan_without_out_reads_public_in_the_root(project, elsewhere):
    assert sitegen("build", "--root", str(project.root), "--now", NOW, "-q").exit_code == 0
    plan = sitegen("deploy", "plan", "--root", str(project.root), "--unit", "alpha", "--format", "json")
    assert plan.exit_code == 0, plan.output
    assert json.loads(plan.stdout)["upload"]
