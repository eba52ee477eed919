"""Types: mypy finds no error in sitegen, so a wrong type fails the suite (and CI) like a wrong result.

The settings live in pyproject.toml ([tool.mypy]): strict on the pipeline's stages and the
shared modules, every body checked in the layers on top.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_type_error_in_sitegen():
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--no-error-summary", "--hide-error-context"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert done.returncode == 0 and not errors, (
        "mypy found type errors:\n" + (done.stdout + done.stderr)[-6000:]
    )


def test_the_core_packages_are_checked_strictly():
    """A module of the pipeline cannot quietly drop out of strict checking."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["packages"] == ["sitegen"]
    strict = next(o for o in config["overrides"] if o.get("disallow_untyped_defs"))
    for stage in ("config", "sources", "structure", "render", "build"):
        assert f"sitegen.{stage}.*" in strict["module"], stage
    for shared in ("errors", "urls", "dates", "codes", "hints", "csp", "processes"):
        assert f"sitegen.{shared}" in strict["module"], shared
    assert strict["disallow_any_generics"] and strict["warn_return_any"] and strict["disallow_untyped_calls"]
    assert config["check_untyped_defs"]  # the layers on top: bodies checked, typed or not
