"""One folder with many files: does a build cost what the folder holds, and an edit what it changes?

    python bench/big_folder.py 2000 8000      # news items in one unit's berita/ folder

For each count, a copy of the shipped repository gets that many short news items in
content/offices/pontianak/berita/; the script times a cold build (no cache) and then
two builds, each after a one-line edit of one item, each in a fresh process, and prints
a Markdown table. The first edit stages a whole new site; from the second on, a unit
stages in the site the swap before replaced (``.sitegen/spare/``), as an editor's
repeated saves and every CI build after the first see it. Cost proportional to the
folder shows as a ratio near count/first count; a quadratic cost as its square.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from run import sitegen_cmd  # bench/run.py: the one way the benchmarks start a build

REPO = Path(__file__).resolve().parent.parent


def build(root: Path, out: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run(sitegen_cmd(root, out, list(extra)), check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def big_repo(root: Path, count: int) -> Path:
    """A copy of the shipped repository in ``root`` with ``count`` short news items in one folder;
    returns that folder. (``edit_reload.py --corpus big`` uses it too.)"""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("offices.yaml", "content", "themes"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, root / name)
    folder = root / "content/offices/pontianak/berita"
    for n in range(count):
        day = 1 + n % 28
        (folder / f"2026-10-{day:02d}-kabar-{n:05d}.md").write_text(
            f"---\ntitle: Kabar {n}\ndate: 2026-10-{day:02d} 09:{n % 60:02d}\nsample: true\n---\n"
            f"Isi kabar nomor {n}.\n",
            encoding="utf-8",
        )
    return folder


def measure(count: int) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        folder = big_repo(root, count)
        out = Path(tmp) / "out"
        cold = build(root, out)  # a fresh copy: no output and no cache yet, which this build then fills
        item = folder / "2026-10-01-kabar-00000.md"
        edits = []
        for word in ("baru", "lagi"):
            item.write_text(
                item.read_text(encoding="utf-8").replace("Isi kabar", f"Isi kabar {word}"), encoding="utf-8"
            )
            edits.append(build(root, out))
        return cold, edits[0], edits[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=int, nargs="+")
    args = parser.parse_args()
    rows = [(count, *measure(count)) for count in args.counts]
    first = rows[0]
    print(
        "| items in one folder | cold build, s | first edit, s | next edit, s "
        "| cold / first | next edit / first |"
    )
    print("|---|---|---|---|---|---|")
    for count, cold, edit, again in rows:
        print(
            f"| {count} | {cold:.1f} | {edit:.1f} | {again:.1f} "
            f"| {cold / first[1]:.2f} | {again / first[3]:.2f} |"
        )


if __name__ == "__main__":
    main()
