"""Edit-to-reload time of `sitegen serve` on the shipped content.

Measures what an editor waits for: from saving a Markdown file to the moment
an open tab, told by the live-reload channel, has fetched the page showing the
change. Runs on a copy of the repository's content in a temporary folder.

    python bench/edit_reload.py [--edits 20] [--write]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.serve.builder import PreviewBuilder  # noqa: E402
from sitegen.serve.livereload import Generation  # noqa: E402
from sitegen.serve.server import serve  # noqa: E402
from sitegen.serve.watcher import Watcher  # noqa: E402

NEWS = "content/offices/pontianak/berita/2026-09-03-pengawasan-orang-asing-mempawah.md"


def get(port: int, path: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    body = conn.getresponse().read().decode("utf-8")
    conn.close()
    return body


def measure(edits: int, poll: bool) -> list[float]:
    work = Path(tempfile.mkdtemp(prefix="sitegen-bench-"))
    try:
        for name in ("content", "themes"):
            shutil.copytree(REPO / name, work / name)
        shutil.copy(REPO / "offices.yaml", work / "offices.yaml")
        builder = PreviewBuilder(work, Generation())
        builder.rebuild()
        server = serve(builder, "127.0.0.1", 0)
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        watcher = Watcher(work, builder.rebuild, poll=poll)
        watcher.start()
        time.sleep(0.5)
        news = work / NEWS
        original = news.read_text(encoding="utf-8")
        page = "/pontianak/berita/pengawasan-orang-asing-mempawah/"
        assert "Timpora" in get(port, page), "the benchmark page moved"
        times = []
        for n in range(edits):
            marker = f"Penanda suntingan {n}."
            since = builder.generation.number
            started = time.perf_counter()
            news.write_text(original + f"\n{marker}\n", encoding="utf-8")
            while True:
                answer = json.loads(get(port, f"/_sitegen/wait?since={since}"))
                if answer["generation"] != since:
                    break
            assert not answer["problems"], answer["problems"]
            assert marker in get(port, page)
            times.append(time.perf_counter() - started)
            time.sleep(0.2)
        watcher.stop()
        server.shutdown()
        builder.close()
        return times
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="record the table in bench/EDIT_RELOAD.md")
    args = parser.parse_args()
    rows = []
    for label, poll in (("file events (inotify)", False), ("polling (--poll)", True)):
        times = measure(args.edits, poll)
        rows.append((label, statistics.median(times), sorted(times)[int(len(times) * 0.9) - 1], max(times)))
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    lines = [
        "# Edit to reload: `sitegen serve` on the shipped content",
        "",
        f"Measured {date.today().isoformat()} with `python bench/edit_reload.py --edits {args.edits}` on "
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}.",
        "From saving a news item of one unit to an open tab having the reloaded page with the change",
        "(file event, rebuild of the unit and its regional office, reload signal, page fetch). Target: under 1 s.",
        "",
        "| watcher | median | 90th percentile | slowest |",
        "|---|---|---|---|",
        *[
            f"| {label} | {med * 1000:.0f} ms | {p90 * 1000:.0f} ms | {mx * 1000:.0f} ms |"
            for label, med, p90, mx in rows
        ],
        "",
    ]
    print("\n".join(lines))
    if args.write:
        (REPO / "bench/EDIT_RELOAD.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
