"""Dependencies: CI installs exactly the versions known to work and audits them."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[_name(name)] = version
    return pins


def test_every_declared_dependency_is_pinned_in_the_constraints_file():
    """A new dependency in pyproject.toml without a pin would install whatever is newest in CI."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = _pins()
    unpinned = [_name(r) for r in declared if _name(r) not in pins]
    assert not unpinned, f"add to constraints.txt: {unpinned}"
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", v) for v in pins.values()), pins


def test_ci_installs_from_the_pins_and_audits_them():
    """The CI script installs with the constraints and fails on a known vulnerability in them."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"pip install [^\n]*-c constraints\.txt[^\n]*-e '\.\[test\]'", script)
    audit = re.search(r"pip-audit -r constraints\.txt[^\n]*", script)
    assert audit and "|| true" not in audit.group(0)
    assert script.index("pip-audit -r") < script.index("pytest")


def test_ci_installs_every_program_the_tests_run():
    """A fresh Debian machine has none of them; .ci/run installs each before the tests start."""
    from .conftest import PROGRAMS

    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for name, package in PROGRAMS.items():
        assert f"command -v {name} >/dev/null 2>&1 || need+=({package})" in script, name
    assert script.index("apt-get install") < script.index("pytest")
    assert "npm ci --prefix .ci/tools" in script  # gitlab-ci-local, at the locked version
    lock = json.loads((ROOT / ".ci/tools/package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/gitlab-ci-local"]["version"]


def test_an_audit_that_could_not_run_is_never_reported_as_passed():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "NOT audited" in script and 'SITEGEN_AUDIT_REQUIRED:-}" = true' in script


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if "python -m pytest -m gates" in line)
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().splitlines()
    assert script[-1] == command
