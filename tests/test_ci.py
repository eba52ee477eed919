"""The CI files: they parse, run only commands sitegen has, publish only from main, and work."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sitegen.cli import main

from .conftest import REPO
from .helpers import commit_all, git

GITHUB = REPO / ".github/workflows/sites.yml"
GITLAB = REPO / ".gitlab-ci.yml"
SCRIPTS = [REPO / ".ci" / name for name in ("since", "build", "deployed", "publish")]
BIN = Path(sys.executable).parent  # the test environment's programs: check-jsonschema, zizmor, aws, moto
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
        if isinstance(job, dict):
            for part in ("before_script", "script"):
                texts.extend(job.get(part, []))
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
    assert set(github()["jobs"]) == {"test", "image", "check", "sites", "publish", "pages"}
    assert {"test", "container-image", "check", "sites", "publish"} <= set(gitlab())


def test_the_pipelines_pass_the_schemas_of_the_services_that_run_them():
    """GitHub's workflow schema and GitLab's CI schema (a job named `image` made GitLab refuse all)."""
    for schema, path in (("vendor.github-workflows", GITHUB), ("vendor.gitlab-ci", GITLAB)):
        done = subprocess.run(
            [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_github_workflow_has_no_security_finding_of_medium_or_high_severity():
    done = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--min-severity", "medium", "--format", "json", str(GITHUB)],
        capture_output=True,
        text=True,
    )
    findings = json.loads(done.stdout or "[]")
    assert findings == [], [(f["ident"], f["desc"]) for f in findings]


def test_every_action_is_pinned_to_a_commit_and_no_checkout_keeps_a_token():
    for name, job in github()["jobs"].items():
        for step in job["steps"]:
            if "uses" not in step:
                continue
            assert re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", step["uses"]), (name, step["uses"])
            if step["uses"].startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, name
    lines = [line for line in GITHUB.read_text(encoding="utf-8").splitlines() if "uses: " in line]
    assert all(re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line) for line in lines), lines


SECRET = re.compile(r"\$\{\{\s*secrets\.")
DEPLOY_KEYS = ("DEPLOY_SSH_KEY", "DEPLOY_KNOWN_HOSTS", "DEPLOY_TARGET", "AWS_", "S3_")


def test_no_job_that_runs_for_a_pull_request_sees_a_secret():
    """Deploy keys live in the environment `production` of a job that runs on main only."""
    jobs = github()["jobs"]
    for name, job in jobs.items():
        runs_for_pull_requests = "github.event_name != 'pull_request'" not in job.get("if", "")
        if runs_for_pull_requests:
            assert not SECRET.search(yaml.safe_dump(job)), f"job {name} runs for pull requests"
    holders = {name for name, job in jobs.items() if SECRET.search(yaml.safe_dump(job))}
    assert holders == {"publish"}
    publish = jobs["publish"]
    assert publish["environment"] == "production"
    assert "github.ref == 'refs/heads/main'" in publish["if"]
    assert all(
        ".ci/publish" not in s.get("run", "") for n, j in jobs.items() if n != "publish" for s in j["steps"]
    )


def test_no_merge_request_job_names_a_deploy_key_and_only_publish_saves_the_cache():
    lab = gitlab()
    publish = lab["publish"]
    assert publish["environment"]["name"] == "production"
    assert publish["rules"][0] == {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"', "when": "never"}
    assert publish["rules"][1]["if"] == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    for name, job in lab.items():
        if not isinstance(job, dict) or name in ("publish", "workflow", "variables", "default"):
            continue
        text = yaml.safe_dump(job)
        assert not any(key in text for key in DEPLOY_KEYS), name
        assert ".ci/publish" not in text, name
    assert lab["sites"]["cache"]["policy"] == "pull"
    assert lab["publish"]["cache"]["policy"] == "pull-push"
    assert lab["sites"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]


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


def test_a_pull_request_never_publishes_and_never_saves_a_cache():
    jobs = github()["jobs"]
    on_main = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert on_main in jobs["publish"]["if"] and on_main in jobs["pages"]["if"]
    saving = [
        (name, step)
        for name, job in jobs.items()
        for step in job["steps"]
        if "cache/save" in step.get("uses", "")
    ]
    assert {name for name, _ in saving} == {"publish", "pages"}
    handing_over = [s for s in jobs["sites"]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert handing_over and all(on_main in s["if"] for s in handing_over)
    assert all("cache: pip" not in yaml.safe_dump(job) for job in jobs.values())


def test_publishing_waits_for_the_tests_and_the_check():
    jobs = github()["jobs"]
    for name in ("sites", "pages"):
        assert set(jobs[name]["needs"]) == {"test", "check"}
        assert "needs.check.result == 'success'" in jobs[name]["if"]
    assert (
        jobs["publish"]["needs"] == ["sites"] and "needs.sites.result == 'success'" in jobs["publish"]["if"]
    )
    assert gitlab()["stages"] == ["test", "sites"] and gitlab()[".shard"]["stage"] == "sites"


def test_shards_come_from_the_matrix_and_the_cache_is_kept_per_shard():
    jobs = github()["jobs"]
    for name in ("sites", "publish"):
        job = jobs[name]
        assert job["env"]["SHARD"] == "${{ matrix.shard }}/${{ strategy.job-total }}"
        assert job["strategy"]["matrix"]["shard"] == list(
            range(1, len(job["strategy"]["matrix"]["shard"]) + 1)
        )
    assert jobs["sites"]["strategy"] == jobs["publish"]["strategy"]
    caches = [
        s["with"]
        for n in ("sites", "publish")
        for s in jobs[n]["steps"]
        if s.get("uses", "").startswith("actions/cache/")
    ]
    assert len(caches) == 2 and caches[0]["key"] == caches[1]["key"]
    assert all(c["path"].split() == [".sitegen-cache", "public"] for c in caches)
    lab = gitlab()[".shard"]
    assert isinstance(lab["parallel"], int) and lab["parallel"] > 1
    assert '"$CI_NODE_INDEX/$CI_NODE_TOTAL"' in " ".join(
        gitlab()["sites"]["script"] + gitlab()["publish"]["script"]
    )
    assert lab["cache"]["paths"] == [".sitegen-cache/", "public/"]


def test_the_image_is_built_in_ci():
    assert any("docker build" in s.get("run", "") for s in github()["jobs"]["image"]["steps"])
    assert any("docker build" in line for line in gitlab()["container-image"]["script"])


def test_ci_tests_the_oldest_and_the_newest_supported_python():
    oldest = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "requires-python"
    ]
    assert oldest == ">=3.11"
    assert github()["jobs"]["test"]["strategy"]["matrix"]["python"] == ["3.11", "3.14"]
    assert gitlab()["test"]["parallel"]["matrix"] == [{"PYTHON": ["3.11", "3.14"]}]


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


def remove_patroli(project) -> None:
    """Delete an item as an editor must: its address redirects (aliases:); its topic, which only
    it kept alive, leaves the site with it (sitegen.build.addresses)."""
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()
    news = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
    project.write(news, project.read(news).replace("tags:", "aliases: [/berita/patroli/]\ntags:"))


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

    remove_patroli(project)
    build(project)
    second = publish(project, host, tmp_path)
    assert "Halaman dipindahkan" in (host / "alpha/berita/patroli/index.html").read_text(encoding="utf-8")
    assert not (host / "alpha/tag/perbatasan/index.html").exists()
    assert not (host / "alpha/tag/perbatasan/rss.xml").exists()
    assert (host / "alpha/google1234.html").exists()  # a file of the host's own stays
    same_site(project, host, "alpha")
    uploaded = int(re.search(r"alpha: published (\d+) file\(s\), deleted [1-9]", second).group(1))
    assert 0 < uploaded < len(json.loads((project.out / ".sitegen/alpha.json").read_text())["files"]) / 2
    # another unit gets only the network's OPML again: the removed item's topic lost its feed
    assert "rudenim: published 1 file(s), deleted 0" in second

    assert "published 0 unit(s)" in publish(project, host, tmp_path)  # in sync: nothing to do


def test_publish_deletes_exactly_the_files_sitegen_made_not_their_namesakes_on_the_host(project, tmp_path):
    """A file gone from the site is deleted at its own path: the host's files of the same name in
    other folders, and of names that begin alike, stay."""
    host = tmp_path / "host"
    host.mkdir()
    project.write("content/offices/alpha/static/berkas/foto-1.txt", "dibuat sitegen\n")
    build(project)
    publish(project, host, tmp_path)
    own = [
        "alpha/berkas/foto-10.txt",
        "alpha/berkas/lama/foto-1.txt",
        "alpha/foto-1.txt",
        "bravo/berkas/foto-1.txt",
    ]
    for rel in own:
        (host / rel).parent.mkdir(parents=True, exist_ok=True)
        (host / rel).write_text("milik host\n", encoding="utf-8")

    (project.root / "content/offices/alpha/static/berkas/foto-1.txt").unlink()
    build(project)
    assert "alpha: published 0 file(s), deleted 1" in publish(project, host, tmp_path)
    assert not (host / "alpha/berkas/foto-1.txt").exists()
    assert all((host / rel).read_text(encoding="utf-8") == "milik host\n" for rel in own)
    same_site(project, host, "alpha")


def remove_unit(project, unit: str) -> None:
    """The unit leaves offices.yaml, and its content folder goes with it."""
    shutil.rmtree(project.root / "content/offices" / unit, ignore_errors=True)
    text = project.read("offices.yaml")
    start = text.index(f"  - id: {unit}\n")
    end = text.find("  - id:", start + 1)
    project.write("offices.yaml", text[:start] + (text[end:] if end != -1 else ""))


def test_a_unit_removed_from_offices_yaml_is_unpublished_from_the_host(project, tmp_path):
    host = tmp_path / "host"
    host.mkdir()
    build(project)
    publish(project, host, tmp_path)
    made = json.loads((host / ".sitegen/rudenim.json").read_text(encoding="utf-8"))["files"]
    assert made and all((host / "rudenim" / rel).is_file() for rel in made)
    (host / "rudenim/google1234.html").write_text("google-site-verification\n", encoding="utf-8")

    remove_unit(project, "rudenim")
    build(project)
    output = publish(project, host, tmp_path)
    assert f"rudenim: unpublished (no longer in offices.yaml), deleted {len(made)} file(s)" in output
    assert not any((host / "rudenim" / rel).exists() for rel in made)
    assert not (host / ".sitegen/rudenim.json").exists()
    assert (host / "rudenim/google1234.html").exists()  # never made by sitegen: stays
    for unit in ("alpha", "bravo", "wilayah"):
        same_site(project, host, unit)
    assert "unpublished" not in publish(project, host, tmp_path)  # done once, nothing left


def test_only_shard_one_unpublishes_so_parallel_jobs_never_race(project, tmp_path):
    host = tmp_path / "host"
    host.mkdir()
    build(project)
    publish(project, host, tmp_path)
    remove_unit(project, "rudenim")
    build(project)
    deployed = tmp_path / "deployed"
    run_ci(project, str(REPO / ".ci/deployed"), "rsync", str(deployed), DEPLOY_TARGET=str(host))
    output = run_ci(
        project, str(REPO / ".ci/publish"), "rsync", "2/2", str(deployed), DEPLOY_TARGET=str(host)
    )
    assert "unpublished" not in output and (host / ".sitegen/rudenim.json").exists()


def test_deploy_plan_for_a_removed_unit_refuses_a_unit_still_named(project, tmp_path):
    build(project)
    result = CliRunner().invoke(
        main,
        [
            "deploy",
            "plan",
            "--root",
            str(project.root),
            "--unit",
            "alpha",
            "--removed",
            "--against",
            str(project.out),
        ],
    )
    assert result.exit_code == 2 and "still in offices.yaml" in result.output


# --- publishing to S3-compatible storage, against a local S3 server -----------------------------


@pytest.fixture
def s3_server(tmp_path):
    """A real S3-compatible server on loopback (moto in server mode), with one bucket."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {
        "S3_ENDPOINT": f"http://127.0.0.1:{port}",
        "S3_BUCKET": "situs",
        "AWS_ACCESS_KEY_ID": "uji",
        "AWS_SECRET_ACCESS_KEY": "uji",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": str(tmp_path / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-aws-credentials"),
    }
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "moto_server did not start"
                time.sleep(0.2)
        aws(env, "s3", "mb", "s3://situs")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def aws(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "aws"), "--endpoint-url", env["S3_ENDPOINT"], *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def bucket(env: dict[str, str]) -> set[str]:
    listing = aws(env, "s3api", "list-objects-v2", "--bucket", env["S3_BUCKET"], "--output", "json")
    return {o["Key"] for o in json.loads(listing or "{}").get("Contents", [])}


def publish_s3(project, env: dict[str, str], tmp: Path) -> str:
    deployed = tmp / "deployed"
    shutil.rmtree(deployed, ignore_errors=True)
    run_ci(project, str(REPO / ".ci/deployed"), "s3", str(deployed), **env)
    return run_ci(project, str(REPO / ".ci/publish"), "s3", "1/1", str(deployed), **env)


def test_s3_publishing_uploads_changes_and_unpublishes_a_removed_unit(project, tmp_path, s3_server):
    build(project)
    publish_s3(project, s3_server, tmp_path)
    keys = bucket(s3_server)
    made = {
        u: json.loads((project.out / f".sitegen/{u}.json").read_text())["files"] for u in ("alpha", "rudenim")
    }
    assert {f"alpha/{rel}" for rel in made["alpha"]} <= keys
    assert {".sitegen/alpha.json", ".sitegen/rudenim.json"} <= keys
    aws(s3_server, "s3", "cp", "-", "s3://situs/rudenim/google1234.html", "--content-type", "text/html")

    remove_unit(project, "rudenim")
    remove_patroli(project)
    build(project)
    output = publish_s3(project, s3_server, tmp_path)
    keys = bucket(s3_server)
    assert "rudenim: unpublished" in output
    assert not any(k.startswith("rudenim/") for k in keys - {"rudenim/google1234.html"})
    assert "rudenim/google1234.html" in keys and ".sitegen/rudenim.json" not in keys
    assert "alpha/tag/perbatasan/index.html" not in keys and "alpha/tag/perbatasan/rss.xml" not in keys
    assert "alpha/berita/patroli/index.html" in keys  # now the redirect
    assert {
        f"alpha/{rel}" for rel in json.loads((project.out / ".sitegen/alpha.json").read_text())["files"]
    } <= keys


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
