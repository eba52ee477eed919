"""The GitLab pipeline, run end to end on this machine by gitlab-ci-local (shell executor).

The project under test is a git clone of this repository's files. The jobs run as a runner
would run them: `sitegen check`, the four `publish` shards (build, feeds guard, rsync to a
folder standing for the host) and, for a merge request, the `sites` shards. The `test` job
is not run here: it is this very test suite (it would recurse).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.gates

GITLAB_CI_LOCAL = REPO / ".ci/tools/node_modules/.bin/gitlab-ci-local"


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@example.go.id"}
    env |= {"GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@example.go.id"}
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=True)
    return done.stdout


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """This repository's files (tracked and new, none ignored) as a fresh git repository."""
    files = git(REPO, "ls-files", "-co", "--exclude-standard", "-z").split("\0")
    project = tmp_path / "project"
    for rel in filter(None, files):
        source = REPO / rel
        if source.is_file() and not rel.startswith(".ci/tools/node_modules/"):
            (project / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / rel)
    git(project, "init", "-q", "-b", "main")
    git(project, "remote", "add", "origin", "https://gitlab.example.go.id/imigrasi/situs.git")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "situs")
    return project


def pipeline(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert GITLAB_CI_LOCAL.exists(), "npm ci --prefix .ci/tools installs gitlab-ci-local"
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # this sitegen
    return subprocess.run(
        [
            str(GITLAB_CI_LOCAL),
            "--force-shell-executor",
            "--shell-isolation",
            "--no-color",
            # what GitLab itself sets for a merge request, set here to play one
            "--ignore-predefined-vars",
            "CI_PIPELINE_SOURCE,CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
            *args,
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path},
        timeout=1200,
    )


def jobs_of(project: Path, *variables: str) -> set[str]:
    args = [a for v in variables for a in ("--variable", v)]
    listed = pipeline(project, "--list-json", *args)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    return {job["name"].split(":")[0] for job in json.loads(listed.stdout) if job["when"] != "never"}


def published_files(host: Path, unit: str) -> dict[str, str]:
    return json.loads((host / ".sitegen" / f"{unit}.json").read_text(encoding="utf-8"))["files"]


def test_the_gitlab_pipeline_builds_every_shard_publishes_and_unpublishes_a_removed_unit(clone, tmp_path):
    host = tmp_path / "host"
    host.mkdir()
    publish = ["--variable", "SITEGEN_PUBLISH=rsync", "--variable", f"DEPLOY_TARGET={host}"]
    first = pipeline(clone, *publish, "check", "publish")
    assert first.returncode == 0, first.stdout[-6000:] + first.stderr[-3000:]
    for shard in range(1, 5):
        assert f"published 0 unit(s) of shard {shard}/4" not in first.stdout, f"shard {shard}/4 built nothing"

    # the host now holds what one full build of the same commit makes, unit by unit
    full = tmp_path / "full"
    built = subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "--root", str(clone), "--out", str(full), "-q"],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    units = sorted(p.stem for p in (full / ".sitegen").glob("*.json"))
    assert units and sorted(p.stem for p in (host / ".sitegen").glob("*.json")) == units
    for unit in units:
        files = published_files(full, unit)
        assert published_files(host, unit) == files, unit

    # an office leaves the network: the next pipeline removes exactly its files from the host
    gone = "putussibau"
    made = published_files(host, gone)
    (host / gone / "google1234.html").write_text("google-site-verification\n", encoding="utf-8")
    shutil.rmtree(clone / "content/offices" / gone)
    text = (clone / "offices.yaml").read_text(encoding="utf-8")
    start = text.index(f"  - id: {gone}\n")
    end = text.find("  - id:", start + 1)
    (clone / "offices.yaml").write_text(text[:start] + (text[end:] if end != -1 else ""), encoding="utf-8")
    git(clone, "commit", "-qam", f"{gone} leaves the network")
    second = pipeline(clone, *publish, "publish")
    assert second.returncode == 0, second.stdout[-6000:] + second.stderr[-3000:]
    assert f"{gone}: unpublished (no longer in offices.yaml), deleted {len(made)} file(s)" in second.stdout
    assert not any((host / gone / rel).exists() for rel in made)
    assert not (host / ".sitegen" / f"{gone}.json").exists()
    assert (host / gone / "google1234.html").exists()  # not sitegen's: stays


def test_a_merge_request_pipeline_builds_and_guards_but_has_no_publishing_job(clone):
    assert {"check", "sites"} <= jobs_of(clone, "CI_PIPELINE_SOURCE=merge_request_event")
    assert "publish" not in jobs_of(clone, "CI_PIPELINE_SOURCE=merge_request_event")
    assert "publish" in jobs_of(clone) and "sites" not in jobs_of(clone)
    run = pipeline(
        clone,
        "--variable",
        "CI_PIPELINE_SOURCE=merge_request_event",
        "--variable",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main",
        "sites",
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
    for shard in range(1, 5):
        assert f"sites: [{shard}/4] $ sitegen feeds diff" in run.stdout, shard
        assert f"PASS  sites: [{shard}/4]" in run.stdout, shard
    assert ".ci/publish" not in run.stdout and "published" not in run.stdout
