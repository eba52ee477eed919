"""Worker processes are forked only while the build runs one thread.

fork() copies the calling thread alone: a lock another thread holds stays locked in the child,
which may then hang (Python 3.12+ warns "This process is multi-threaded, use of fork() may
lead to deadlocks in the child"). Builds fork workers for Markdown bodies and for rendering,
and run Pagefind on a thread of their own; a process that builds more than once (the preview,
a program embedding sitegen, these tests) must still never fork with that thread alive.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .helpers import published

ROOT = Path(__file__).resolve().parent.parent

# Builds the shipped content three times in one process, counting this process's threads at
# every fork: (1) with the search index (its thread starts), (2) after it, (3) while a thread
# of the embedding program runs. os.register_at_fork sees every fork multiprocessing makes.
SCRIPT = """
import json, os, sys, threading
from pathlib import Path
from datetime import datetime
from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.sources.bodies import Bodies
from sitegen.sources.cache import Cache

root, out = Path(sys.argv[1]), Path(sys.argv[2])
now = datetime.fromisoformat("2026-11-24T12:00:00+07:00")
forks = {"first": [], "second": [], "threaded": []}
stage = "first"
os.register_at_fork(before=lambda: forks[stage].append(threading.active_count()))

def run(name, index_search):
    global stage
    stage = name
    project = load_project(root, bodies=Bodies(Cache(None), jobs=2))
    build(project, BuildOptions(out=out / name, now=now, index_search=index_search))

run("first", True)
run("second", False)
stop = threading.Event()
other = threading.Thread(target=stop.wait)
other.start()
try:
    run("threaded", False)
finally:
    stop.set()
    other.join()
print(json.dumps(forks))
"""


def test_a_build_forks_workers_only_while_it_runs_one_thread_and_warns_of_nothing(tmp_path):
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", SCRIPT, str(ROOT), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "DeprecationWarning" not in done.stderr and "multi-threaded" not in done.stderr, done.stderr
    forks = json.loads(done.stdout.strip().splitlines()[-1])
    # bodies and pages went to forked workers, and every fork copied a process of one thread
    assert forks["first"] and forks["second"], forks
    assert set(forks["first"] + forks["second"]) == {1}, forks
    # with another thread alive nothing is forked from this process (a fork server starts the
    # body workers; units render here) ...
    assert forks["threaded"] == [], forks
    # ... and the sites are the same, byte for byte
    second, threaded = published(tmp_path / "second"), published(tmp_path / "threaded")
    assert second == threaded
    assert len(second) > 500


ORPHANS = """
import os, sys, time
from sitegen.processes import fork_context, process_pool

pool = process_pool(2, fork_context())
print(*sorted({pool.submit(os.getpid).result() for _ in range(8)} | {pool.submit(os.getpid).result()}), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie, dead and waiting to be reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_forked_by_a_build_killed_outright_end_with_it(tmp_path):
    """Orphaned workers would hold the output's lock (a copy of its file) and block every later build."""
    import signal
    import time

    parent = subprocess.Popen([sys.executable, "-c", ORPHANS], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert workers and all(_alive(pid) for pid in workers)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "a worker outlived the build that forked it"
