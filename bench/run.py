"""Build one corpus with sitegen, Hugo and Pelican in the same run and compare.

    python bench/run.py network [--runs 3] [--peers hugo,pelican] [--write]

Every measurement runs in a fresh wrapper process, so its peak memory is that
build's own. Output goes to /dev/shm where it exists (tmpfs), as for the
reference figures. Hugo comes from Debian (`apt-get install hugo`), Pelican from
pip (`pip install pelican`); a missing peer is skipped with that hint, never
installed silently.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

SCRATCH = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())


def measure(commands: list[list[str]]) -> dict:
    """Run commands one after another in a fresh process; wall time and peak memory of the children."""
    script = (
        "import json, resource, subprocess, sys, time\n"
        "cmds = json.loads(sys.argv[1]); t = time.perf_counter()\n"
        "for c in cmds: subprocess.run(c, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "print(json.dumps({'seconds': time.perf_counter() - t,"
        " 'peak_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
    )
    # as installed: Python keeps compiled modules (pip compiles them on install), so a build
    # does not compile sitegen's, Pelican's or their libraries' code again on every run
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(commands)], capture_output=True, text=True, env=env
    )
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout)


def count_pages(out: Path) -> int:
    return sum(1 for p in out.rglob("*.html") if ".sitegen" not in p.parts)


def sitegen_cmd(root: Path, out: Path, extra: list[str] | None = None) -> list[str]:
    return [
        sys.executable,
        "-m",
        "sitegen",
        "build",
        "--root",
        str(root),
        "--out",
        str(out),
        "-q",
        *(extra or []),
    ]


def run_sitegen(folder: Path, runs: int, jobs: str | None) -> dict:
    root = folder / "sitegen"
    out = SCRATCH / "sitegen-bench-out"
    cache = root / ".sitegen-cache"
    extra = ["--jobs", jobs] if jobs else []
    cold = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(measure([sitegen_cmd(root, out, extra)]))
    warm = [measure([sitegen_cmd(root, out, extra)]) for _ in range(runs)]
    news = sorted((root / "content/offices").glob("*/berita/*.md"))[0]
    original = news.read_text(encoding="utf-8")
    edits = []
    for n in range(runs):
        news.write_text(original + f"\nSuntingan {n}.\n", encoding="utf-8")
        edits.append(measure([sitegen_cmd(root, out, extra)]))
    news.write_text(original, encoding="utf-8")
    return {"cold": cold, "warm": warm, "edit": edits, "pages": count_pages(out)}


def run_hugo(folder: Path, runs: int) -> dict | None:
    if not shutil.which("hugo"):
        print("hugo not found: install it with `apt-get install hugo` to compare", file=sys.stderr)
        return None
    sites = sorted(p for p in (folder / "hugo").iterdir() if (p / "config.toml").exists())
    out = SCRATCH / "hugo-bench-out"
    cold = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        cold.append(measure([["hugo", "--quiet", "-s", str(s), "-d", str(out / s.name)] for s in sites]))
    return {"cold": cold, "pages": count_pages(out)}


def run_pelican(folder: Path, runs: int) -> dict | None:
    if not shutil.which("pelican"):
        print("pelican not found: install it with `pip install pelican` to compare", file=sys.stderr)
        return None
    sites = sorted(p for p in (folder / "pelican").iterdir() if (p / "pelicanconf.py").exists())
    out = SCRATCH / "pelican-bench-out"
    cold = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        cold.append(
            measure(
                [
                    [
                        "pelican",
                        "-q",
                        "-s",
                        str(s / "pelicanconf.py"),
                        "-o",
                        str(out / s.name),
                        str(s / "content"),
                    ]
                    for s in sites
                ]
            )
        )
    return {"cold": cold, "pages": count_pages(out)}


def median(results: list[dict], key: str = "seconds") -> float:
    return statistics.median(r[key] for r in results)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    versions = [f"Python {platform.python_version()}"]
    if shutil.which("hugo"):
        said = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()
        versions.append("Hugo " + next((w for w in said if w.startswith("v0.") or w.startswith("v1.")), "?"))
    if shutil.which("pelican"):
        versions.append(
            "Pelican "
            + subprocess.run(["pelican", "--version"], capture_output=True, text=True).stdout.strip()
        )
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {', '.join(versions)}, output on {SCRATCH}"


def report(preset: str, runs: int, results: dict) -> list[str]:
    sg = results["sitegen"]
    lines = [
        f"### `{preset}` ({corpus.PRESETS[preset]}), median of {runs} runs",
        "",
        "| build | seconds | pages | pages/s | peak MB |",
        "|---|---|---|---|---|",
    ]

    def row(label: str, runs_: list[dict], pages: int) -> None:
        seconds = median(runs_)
        lines.append(
            f"| {label} | {seconds:.2f} | {pages} | {pages / seconds:.0f} | {median(runs_, 'peak_mb'):.0f} |"
        )

    row("sitegen, cold", sg["cold"], sg["pages"])
    row("sitegen, warm (nothing changed)", sg["warm"], sg["pages"])
    row("sitegen, one news item edited", sg["edit"], sg["pages"])
    for peer in ("hugo", "pelican"):
        if results.get(peer):
            row(f"{peer.capitalize()}, cold", results[peer]["cold"], results[peer]["pages"])
    cold = median(sg["cold"])
    lines += ["", "| ratio | value |", "|---|---|"]
    for peer in ("hugo", "pelican"):
        if results.get(peer):
            lines.append(
                f"| sitegen cold / {peer.capitalize()} cold | {cold / median(results[peer]['cold']):.2f} |"
            )
    lines.append(f"| sitegen warm / sitegen cold | {median(sg['warm']) / cold:.1%} |")
    if results.get("hugo"):
        lines.append(
            f"| sitegen warm / Hugo cold | {median(sg['warm']) / median(results['hugo']['cold']):.2f} |"
        )
    lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("presets", nargs="+", choices=sorted(corpus.PRESETS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peers", default="hugo,pelican", help="comma-separated; empty for sitegen alone")
    parser.add_argument("--jobs", default=None, help="passed to sitegen build --jobs")
    parser.add_argument("--write", action="store_true", help="replace the results in bench/README.md")
    args = parser.parse_args()
    peers = [p for p in args.peers.split(",") if p]
    header = f"Measured {date.today().isoformat()} with `python bench/run.py {' '.join(sys.argv[1:])}` on {machine()}."
    for preset in args.presets:
        started = time.perf_counter()
        folder = corpus.make(preset)
        print(f"{preset}: corpus written in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        results = {"sitegen": run_sitegen(folder, args.runs, args.jobs)}
        if "hugo" in peers:
            results["hugo"] = run_hugo(folder, args.runs)
        if "pelican" in peers:
            results["pelican"] = run_pelican(folder, args.runs)
        text = "\n".join([header, "", *report(preset, args.runs, results)])
        print(text, flush=True)
        if args.write:
            write_section(preset, text)


def write_section(preset: str, text: str) -> None:
    """Replace this preset's results in bench/README.md, leaving the rest as it is."""
    readme = HERE / "README.md"
    current = readme.read_text(encoding="utf-8") if readme.exists() else ""
    start, end = f"<!-- results:{preset} -->", f"<!-- /results:{preset} -->"
    block = f"{start}\n{text}\n{end}"
    if start in current and end in current:
        current = current[: current.index(start)] + block + current[current.index(end) + len(end) :]
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    main()
