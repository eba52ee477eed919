"""How evenly `--shard I/N` spreads a corpus's work: units and weight per shard.

    python bench/shards.py national --counts 2 4 8     # after python bench/corpus.py national
    python bench/shards.py --root .                   # the shipped network

Prints a Markdown table per shard count; `--write` puts them in bench/README.md
between the `<!-- shards -->` markers. The weight is what `sitegen.build.shards`
deals out by: the shared sources plus the unit's own.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
import time
from pathlib import Path

from run import sitegen_cmd  # bench/run.py: the one way the benchmarks start a build

from sitegen.build.project import load_project
from sitegen.build.shards import assign, unit_weights

HERE = Path(__file__).resolve().parent


def table(root: Path, counts: list[int]) -> str:
    project = load_project(root)
    weights = unit_weights(project.network, (s.scope for s in project.sources))
    total = sum(weights.values())
    lines = [
        f"{len(weights)} units, total weight {total} (shared sources plus each unit's own)",
        "",
        "| shards | units per shard | weight per shard | heaviest / ideal |",
        "|---|---|---|---|",
    ]
    for count in counts:
        shard_of = assign(weights, count)
        units = [sum(1 for n in shard_of.values() if n == i) for i in range(1, count + 1)]
        loads = [sum(w for u, w in weights.items() if shard_of[u] == i) for i in range(1, count + 1)]
        ideal = total / count
        lines.append(
            f"| {count} | {', '.join(map(str, units))} | {', '.join(map(str, loads))} | {max(loads) / ideal:.3f} |"
        )
    return "\n".join(lines)


def timed_shards(root: Path, count: int) -> str:
    """Each shard built cold (no cache) into its own output, one after another: seconds each."""
    seconds = []
    for index in range(1, count + 1):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run(
                sitegen_cmd(root, Path(out), ["--no-cache", "--shard", f"{index}/{count}"]),
                check=True,
            )
            seconds.append(time.perf_counter() - start)
    spread = max(seconds) / (sum(seconds) / count)
    return f"| {count} | {', '.join(f'{s:.1f}' for s in seconds)} | {spread:.3f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("preset", nargs="?", help="a corpus written by bench/corpus.py")
    parser.add_argument("--root", type=Path, help="a sitegen repository instead of a corpus")
    parser.add_argument("--counts", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    parser.add_argument("--time", type=int, metavar="N", help="also build each of N shards cold and time it")
    args = parser.parse_args()
    root = args.root or HERE / "corpus" / args.preset / "sitegen"
    text = f"`{args.preset or args.root}`: " + table(root, args.counts)
    if args.time:
        text += "\n\n| shards | seconds per shard, cold, built one after another | slowest / mean |\n|---|---|---|\n"
        text += timed_shards(root, args.time)
    print(text)
    if args.write:
        readme = HERE / "README.md"
        marker = f"<!-- shards:{args.preset or 'root'} -->"
        body = readme.read_text(encoding="utf-8")
        block = f"{marker}\n{text}\n{marker.replace('<!-- ', '<!-- /')}"
        pattern = re.escape(marker) + r".*?" + re.escape(marker.replace("<!-- ", "<!-- /"))
        if re.search(pattern, body, flags=re.S):
            body = re.sub(pattern, lambda _m: block, body, flags=re.S)
        else:
            body = body.rstrip("\n") + "\n\n" + block + "\n"
        readme.write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
