"""Style: ruff finds no lint and no unformatted file, so the code reads the same everywhere.

The rules live in pyproject.toml ([tool.ruff]); the CI workflows run the same checks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("sitegen", "tests", "bench")


@pytest.mark.parametrize("check", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_finds_nothing_to_change(check):
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *check, *CHECKED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"ruff {' '.join(check)}:\n" + (done.stdout + done.stderr)[-6000:]
