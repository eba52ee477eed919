"""The CI files: they parse, run only commands sitegen has, publish only from main, and work."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from click.testing import CliRunner

from sitegen.cli import main

from .conftest import REPO
from .helpers import commit_all, git

GITHUB = REPO / ".github/workflows/sites.yml"
GITLAB = REPO / ".gitlab-ci.yml"
SCRIPTS = [REPO / ".ci" / name for name in ("since", "deployed", "publish")]
NOW = "2026-11-24T12:00:00+07:00"


def github() -> dict:
    doc = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads a bare `on:` key as true
    return doc


def gitlab() -> dict:
    return yaml.safe_load(GITLAB.read_text(encoding="utf-8"))


def shell_texts() -> list[str]:
    """Every shell script the CI runs: GitHub steps' `run`, GitLab jobs' `script`, the .ci scripts."""
    texts = [step["run"] for job in github()["jobs"].values() for step in job["steps"] if "run" in step]
    for job in gitlab().values():
        if isinstance(job, dict) and "script" in job:
            texts.extend(job["script"])
    texts.extend(path.read_text(encoding="utf-8") for path in SCRIPTS)
    return texts


COMMAND_STARTS = {None, ";", "&&", "||", "|", "(", "then", "do", "else", "!"}


def sitegen_commands() -> list[list[str]]:
    """The arguments of every `sitegen …` command in the CI's shell scripts (not in strings or comments)."""
    commands = []
    for text in shell_texts():
        text = re.sub(r"\$\{\{[^}]*\}\}", "X", text).replace("\\\n", " ")
        for line in text.splitlines():
            lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
            lexer.whitespace_split = True
            tokens = list(lexer)  # a line that does not parse fails the test here
            for n, token in enumerate(tokens):
                if (token == "sitegen" or token.endswith("/sitegen")) and (
                    (tokens[n - 1] if n else None) in COMMAND_STARTS
                ):
                    args = []
                    for word in tokens[n + 1 :]:
                        if all(c in lexer.punctuation_chars for c in word):
                            if args and args[-1].isdigit() and word[0] in "<>":
                                args.pop()  # 2>&1: a redirection, not an argument
                            break
                        args.append(word)
                    commands.append(args)
    return commands


def test_the_workflow_files_parse_as_yaml():
    assert set(github()["jobs"]) == {"test", "image", "check", "sites", "pages"}
    assert {"test", "image", "check", "sites"} <= set(gitlab())


def test_every_sitegen_command_the_ci_runs_exists_with_those_options():
    commands = sitegen_commands()
    names = {" ".join(a for a in args[:2] if not a.startswith("-")) for args in commands}
    # the extraction found the commands the deploy relies on, so the check below is not vacuous
    assert {"build", "check", "feeds diff", "units", "deploy plan"} <= {n.split(" $")[0] for n in names}
    for args in commands:
        result = CliRunner().invoke(main, [*args, "--help"])
        assert result.exit_code == 0, f"sitegen {' '.join(args)}: {result.output}"


def test_the_ci_runs_its_scripts_and_they_exist():
    for text in shell_texts():
        for script in re.findall(r"\.ci/[a-z]+", text):
            path = REPO / script
            assert path.is_file() and os.access(path, os.X_OK), script
            assert subprocess.run(["bash", "-n", str(path)], check=False).returncode == 0, script


def test_github_runs_on_push_to_main_on_pull_requests_and_hourly():
    on = github()["on"]
    assert on["push"]["branches"] == ["main"] and "pull_request" in on
    [cron] = [entry["cron"] for entry in on["schedule"]]
    minute, *rest = cron.split()
    assert minute.isdigit() and 0 <= int(minute) < 60 and rest == ["*", "*", "*", "*"]  # every hour


def test_a_pull_request_never_publishes():
    jobs = github()["jobs"]
    publish_mode = jobs["sites"]["env"]["PUBLISH"]
    assert publish_mode.startswith(
        "${{ github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    )
    publishing = [s for s in jobs["sites"]["steps"] if ".ci/publish" in s.get("run", "")]
    assert publishing and all("env.PUBLISH" in s["if"] for s in publishing)
    saving = [s for s in jobs["sites"]["steps"] + jobs["pages"]["steps"] if "cache/save" in s.get("uses", "")]
    assert len(saving) == 2
    assert all("github.event_name != 'pull_request'" in s.get("if", jobs["pages"]["if"]) for s in saving)
    assert "github.event_name != 'pull_request'" in jobs["pages"]["if"]
    script = "\n".join(gitlab()["sites"]["script"])
    guard = (
        r'if \[ "\$CI_PIPELINE_SOURCE" != "merge_request_event" \] && '
        r'\[ "\$CI_COMMIT_BRANCH" = "\$CI_DEFAULT_BRANCH" \]; then\n\s*PUBLISH="\$\{SITEGEN_PUBLISH:-\}"\n\s*fi'
    )
    assert re.search(guard, script) and script.count("SITEGEN_PUBLISH") == 1


def test_publishing_waits_for_the_tests_and_the_check():
    jobs = github()["jobs"]
    for name in ("sites", "pages"):
        assert set(jobs[name]["needs"]) == {"test", "check"}
        assert "needs.check.result == 'success'" in jobs[name]["if"]
    assert gitlab()["stages"] == ["test", "sites"] and gitlab()["sites"]["stage"] == "sites"


def test_shards_come_from_the_matrix_and_the_cache_is_kept_per_shard():
    sites = github()["jobs"]["sites"]
    assert sites["env"]["SHARD"] == "${{ matrix.shard }}/${{ strategy.job-total }}"
    assert sites["strategy"]["matrix"]["shard"] == list(
        range(1, len(sites["strategy"]["matrix"]["shard"]) + 1)
    )
    caches = [s["with"] for s in sites["steps"] if s.get("uses", "").startswith("actions/cache/")]
    assert len(caches) == 2 and caches[0]["key"] == caches[1]["key"]
    assert all(c["path"].split() == [".sitegen-cache", "public"] for c in caches)
    lab = gitlab()["sites"]
    assert isinstance(lab["parallel"], int) and lab["parallel"] > 1
    assert 'SHARD="$CI_NODE_INDEX/$CI_NODE_TOTAL"' in " ".join(lab["script"])
    assert lab["cache"]["paths"] == [".sitegen-cache/", "public/"]


def test_the_image_is_built_in_ci():
    assert any("docker build" in s.get("run", "") for s in github()["jobs"]["image"]["steps"])
    assert any("docker build" in line for line in gitlab()["image"]["script"])


# --- .ci/since: where a build may start from -----------------------------------------------------


def since(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["bash", str(REPO / ".ci/since"), *args], cwd=root, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_a_push_builds_from_the_last_published_commit_when_git_knows_it(project):
    first = commit_all(project.root)
    project.write("content/offices/alpha/berita/2026-11-20-x.md", "---\ntitle: X\ndate: 2026-11-20\n---\n")
    commit_all(project.root, "news")
    assert since(project.root, "push") == ""  # nothing published yet: build every unit
    project.write(".sitegen-cache/built-commit", first + "\n")
    assert since(project.root, "push") == first
    project.write(".sitegen-cache/built-commit", "0" * 40 + "\n")  # a commit gone (force-push)
    assert since(project.root, "push") == ""


def test_the_schedule_builds_every_unit_and_a_pull_request_its_changes(project):
    base = commit_all(project.root)
    project.write(".sitegen-cache/built-commit", base + "\n")
    assert since(project.root, "schedule") == "" and since(project.root, "workflow_dispatch") == ""
    git(project.root, "update-ref", "refs/remotes/origin/main", base)
    git(project.root, "checkout", "-q", "-b", "fitur")
    project.write("content/offices/bravo/berita/2026-11-20-y.md", "---\ntitle: Y\ndate: 2026-11-20\n---\n")
    commit_all(project.root, "news")
    assert since(project.root, "pull_request", "main") == base
    assert since(project.root, "merge_request_event", "main") == base


# --- .ci/deployed and .ci/publish, with rsync into a folder standing for the host ----------------


def run_ci(project, *args: str, **env: str) -> str:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"  # this sitegen
    done = subprocess.run(
        ["bash", *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path, **env},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def publish(project, host: Path, tmp: Path) -> str:
    deployed = tmp / "deployed"
    shutil.rmtree(deployed, ignore_errors=True)
    run_ci(project, str(REPO / ".ci/deployed"), "rsync", str(deployed), DEPLOY_TARGET=str(host))
    result = CliRunner().invoke(main, ["feeds", "diff", str(deployed), str(project.out)])
    assert result.exit_code == 0, result.output
    return run_ci(project, str(REPO / ".ci/publish"), "rsync", "1/1", str(deployed), DEPLOY_TARGET=str(host))


def build(project) -> None:
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 0, result.output


def same_site(project, host: Path, unit: str) -> None:
    files = json.loads((project.out / f".sitegen/{unit}.json").read_text(encoding="utf-8"))["files"]
    for rel in files:
        assert (host / unit / rel).read_bytes() == (project.out / unit / rel).read_bytes(), rel
    assert json.loads((host / f".sitegen/{unit}.json").read_text(encoding="utf-8"))["files"] == files


def test_publish_uploads_each_unit_then_only_what_changed_and_deletes_only_what_sitegen_made(
    project, tmp_path
):
    host = tmp_path / "host"
    host.mkdir()
    build(project)
    first = publish(project, host, tmp_path)
    for unit in ("alpha", "bravo", "rudenim", "wilayah"):
        same_site(project, host, unit)
    assert "published 4 unit(s) of shard 1/1" in first
    (host / "alpha/google1234.html").write_text("google-site-verification\n", encoding="utf-8")

    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()
    build(project)
    second = publish(project, host, tmp_path)
    assert not (host / "alpha/berita/patroli/index.html").exists()
    assert (host / "alpha/google1234.html").exists()  # a file of the host's own stays
    same_site(project, host, "alpha")
    uploaded = int(re.search(r"alpha: published (\d+) file\(s\), deleted [1-9]", second).group(1))
    assert 0 < uploaded < len(json.loads((project.out / ".sitegen/alpha.json").read_text())["files"]) / 2
    # another unit gets only the network's OPML again: the removed item's topic lost its feed
    assert "rudenim: published 1 file(s), deleted 0" in second

    assert "published 0 unit(s)" in publish(project, host, tmp_path)  # in sync: nothing to do


# --- the container recipe ------------------------------------------------------------------------


def test_the_dockerfile_installs_the_pinned_package_and_runs_sitegen_as_a_user():
    lines = [line.strip() for line in (REPO / "Dockerfile").read_text(encoding="utf-8").splitlines()]
    base = next(line for line in lines if line.startswith("FROM "))
    assert re.fullmatch(r"FROM python:3\.1[1-9]-slim(-\w+)?", base)
    ignore = [line for line in (REPO / ".dockerignore").read_text().splitlines() if line and line[0] != "#"]
    assert ignore[0] == "*"  # everything out of the context, except what is named
    kept = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    for line in lines:
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (REPO / source).exists() and source.rstrip("/") in kept, source
    assert any(re.search(r"pip install -c constraints\.txt \.( |$)", line) for line in lines)
    user = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert user and user[-1] not in ("root", "0")
    entry = json.loads(next(line for line in lines if line.startswith("ENTRYPOINT ")).split(" ", 1)[1])
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert entry == ["sitegen"] and scripts["sitegen"] == "sitegen.cli:main"
