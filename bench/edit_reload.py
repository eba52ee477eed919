"""Edit-to-reload time of `sitegen serve`, on the shipped content, the `network` corpus or a big folder.

Measures what an editor waits for: from saving a Markdown file to the moment
an open tab, told by the live-reload channel (asking, as the tab's script does,
for its own page), has fetched the page showing the change. Also records how
long the preview took to put the saved page in place, and to finish the full
rebuild of the units the save affects. Runs on a copy in a temporary folder.
``big`` is the shipped content with 20,000 news items in one unit's folder
(as ``big_folder.py`` writes it): a body edit should cost there what it costs
in a small unit.

    python bench/edit_reload.py [--corpus shipped|network|big] [--edits 20] [--write]
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

from big_folder import big_repo  # noqa: E402 - bench/big_folder.py: the one way a big folder is written

from sitegen.serve.builder import PreviewBuilder  # noqa: E402
from sitegen.serve.livereload import Generation  # noqa: E402
from sitegen.serve.server import serve  # noqa: E402
from sitegen.serve.watcher import Watcher  # noqa: E402

# corpus -> (its root, the news file edited, the page showing it, a word already on that page)
CORPORA = {
    "shipped": (
        REPO,
        "content/offices/pontianak/berita/2026-09-03-pengawasan-orang-asing-mempawah.md",
        "/pontianak/berita/pengawasan-orang-asing-mempawah/",
        "Timpora",
    ),
    "network": (
        REPO / "bench/corpus/network/sitegen",
        "content/offices/unit002/berita/berita-00150.md",
        "/unit002/berita/berita-00150/",
        "Bagian",
    ),
    "big": (
        REPO,  # the shipped content, with BIG_FOLDER items written into one unit's news
        "content/offices/pontianak/berita/2026-10-01-kabar-00000.md",
        "/pontianak/berita/kabar-00000/",
        "Isi kabar",
    ),
}
BIG_FOLDER = 20_000


def get(port: int, path: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    body = conn.getresponse().read().decode("utf-8")
    conn.close()
    return body


def measure(corpus: str, edits: int, poll: bool) -> tuple[list[float], list[float], list[float]]:
    """Seconds per edit: until the tab has the page; the saved page shown alone; the full rebuild."""
    source_root, news_rel, page, word = CORPORA[corpus]
    if corpus == "network" and not (source_root / "offices.yaml").exists():
        raise SystemExit("write the corpus first: python bench/corpus.py network")
    work = Path(tempfile.mkdtemp(prefix="sitegen-bench-"))
    try:
        if corpus == "big":
            big_repo(work, BIG_FOLDER)
        else:
            for name in ("content", "themes"):
                shutil.copytree(source_root / name, work / name)
            shutil.copy(source_root / "offices.yaml", work / "offices.yaml")
        builder = PreviewBuilder(work, Generation())
        builder.rebuild()
        assert not builder.generation.problems, builder.generation.problems
        server = serve(builder, "127.0.0.1", 0)
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        watcher = Watcher(work, builder.rebuild, poll=poll)
        watcher.start()
        time.sleep(0.5)
        news = work / news_rel
        original = news.read_text(encoding="utf-8")
        assert word in get(port, page), "the benchmark page moved"
        shown, first_look, full = [], [], []
        for n in range(edits):
            marker = f"Penanda suntingan {n}."
            since = builder.generation.number
            started = time.perf_counter()
            news.write_text(original + f"\n{marker}\n", encoding="utf-8")
            while True:
                answer = json.loads(get(port, f"/_sitegen/wait?since={since}&path={page}"))
                if answer["generation"] != since:
                    break
            assert not answer["problems"], answer["problems"]
            assert marker in get(port, page)
            shown.append(time.perf_counter() - started)
            while builder._lock.locked() or builder.last_seconds == 0.0:
                time.sleep(0.01)
            time.sleep(0.3)  # the full rebuild's end, then a pause as between an editor's saves
            with builder._lock:
                first_look.append(builder.first_look_seconds)
                full.append(builder.last_seconds)
        watcher.stop()
        server.shutdown()
        builder.close()
        return shown, first_look, full
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="shipped")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="record the table in bench/EDIT_RELOAD.md")
    args = parser.parse_args()
    rows = []
    for label, poll in (("file events (inotify)", False), ("polling (--poll)", True)):
        shown, first_look, full = measure(args.corpus, args.edits, poll)
        rows.append((label, *(_summary(times) for times in (shown, first_look, full))))
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    lines = [
        f"## `{args.corpus}`",
        "",
        f"Measured {date.today().isoformat()} with "
        f"`python bench/edit_reload.py --corpus {args.corpus} --edits {args.edits}` on "
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}. Medians "
        "(90th percentile, slowest) over the edits.",
        "",
        "| watcher | save → tab shows the edit | saved page put in place | full rebuild of the affected units |",
        "|---|---|---|---|",
        *[f"| {label} | {a} | {b} | {c} |" for label, a, b, c in rows],
        "",
    ]
    print("\n".join(lines))
    if args.write:
        _record(args.corpus, lines)


def _summary(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
    return f"{statistics.median(ordered) * 1000:.0f} ms ({p90 * 1000:.0f}, {ordered[-1] * 1000:.0f})"


def _record(corpus: str, lines: list[str]) -> None:
    """Replace this corpus's section of bench/EDIT_RELOAD.md, keeping the others."""
    path = REPO / "bench/EDIT_RELOAD.md"
    start, end = f"<!-- {corpus} -->", f"<!-- /{corpus} -->"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if not text.startswith(HEADER.splitlines()[0]):
        text = HEADER  # an older layout of the file: start it afresh
    block = start + "\n" + "\n".join(lines) + end
    if start in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1] if end in rest else ""
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


HEADER = """# Edit to reload: `sitegen serve`

From saving a news item of one unit to an open tab having the reloaded page with
the change: the file event, the saved page rendered alone and put in place, the
reload signal to the tab showing that page, the page fetched. The full rebuild
of the unit and its regional office follows; its time is the last column (the
tab is not reloaded again unless that rebuild changed its page). Targets: the
saved page rebuilt in under 0.1 s, the browser reloaded in under 0.3 s.
"""


if __name__ == "__main__":
    main()
