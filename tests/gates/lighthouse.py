"""Lighthouse (the npm package pinned in .ci/tools) run against Debian's Chromium on a served page."""

from __future__ import annotations

import base64
import io
import json
import os
import statistics
import subprocess
from pathlib import Path

from PIL import Image

from .quality import CHROMIUM

REPO = Path(__file__).resolve().parents[2]
LIGHTHOUSE = REPO / ".ci/tools/node_modules/.bin/lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
# How the browser is told the reader's colour scheme (prefers-color-scheme): Blink's own setting,
# 0 dark and 1 light, which Lighthouse's emulation leaves alone
SCHEMES = {
    "light": "--blink-settings=preferredColorScheme=1",
    "dark": "--blink-settings=preferredColorScheme=0",
}


def scores(url: str, workdir: Path, scheme: str = "light") -> tuple[dict[str, float], list[str]]:
    """Each category's score (0–1) for ``url``, and every weighted audit that did not pass, named.

    Lighthouse emulates a phone, as its own defaults do; the browser is /usr/bin/chromium
    (CHROME_PATH), headless and without the sandbox, which root in a container lacks. The
    page is seen in ``scheme`` ("light" or "dark"); the page Lighthouse saw (its full-page
    screenshot) must show that scheme's background, or the run counts as failed: a flag
    the browser ignored would otherwise audit the light page twice.
    """
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: npm ci --prefix .ci/tools")
    report = workdir / "lighthouse.json"
    report.unlink(missing_ok=True)
    command = [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags=--headless=new --no-sandbox --disable-gpu {SCHEMES[scheme]}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    for attempt in (1, 2):
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            cwd=workdir,
        )
        # a loaded machine may start Chromium too slowly for Lighthouse to connect: once more
        if result.returncode == 0 or "Unable to connect to Chrome" not in result.stderr or attempt == 2:
            break
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
    seen = background(data)
    if (seen < 0.5) != (scheme == "dark"):
        failing.append(f"colour scheme: asked for {scheme}, the page's background has luminance {seen:.2f}")
    return found, failing


def background(data: dict) -> float:
    """The luminance (0 black – 1 white) of the page's background as Lighthouse's screenshot shows it.

    The median of the page's rightmost strip, top to bottom: outside the text column
    that is the page's background nearly everywhere (the masthead and footer are short).
    """
    shot = data["fullPageScreenshot"]["screenshot"]["data"]
    with Image.open(io.BytesIO(base64.b64decode(shot.split(",", 1)[1]))) as image:
        grey = image.convert("L")
        strip = grey.crop((grey.width - 4, 0, grey.width, grey.height))
        return statistics.median(strip.tobytes()) / 255
