"""Lighthouse (the npm package pinned in .ci/tools) run against Debian's Chromium on a served page."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .quality import CHROMIUM

REPO = Path(__file__).resolve().parents[2]
LIGHTHOUSE = REPO / ".ci/tools/node_modules/.bin/lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")


def scores(url: str, workdir: Path) -> tuple[dict[str, float], list[str]]:
    """Each category's score (0–1) for ``url``, and every weighted audit that did not pass, named.

    Lighthouse emulates a phone, as its own defaults do; the browser is /usr/bin/chromium
    (CHROME_PATH), headless and without the sandbox, which root in a container lacks.
    """
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: npm ci --prefix .ci/tools")
    report = workdir / "lighthouse.json"
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        cwd=workdir,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr[-1000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    found = {key: data["categories"][key]["score"] for key in CATEGORIES}
    failing = [
        f"{key}: {ref['id']} ({data['audits'][ref['id']]['title']})"
        for key in CATEGORIES
        for ref in data["categories"][key]["auditRefs"]
        if ref["weight"] > 0
        and (data["audits"][ref["id"]].get("score") or 0) < 1
        and data["audits"][ref["id"]].get("scoreDisplayMode")
        not in ("notApplicable", "manual", "informative")
    ]
    return found, failing
