"""Forking only while this process runs one thread; the one thread of our own started late.

A build forks worker processes (Markdown bodies, rendering) and runs Pagefind on a thread
beside the rendering. ``fork()`` copies only the calling thread: a lock another thread held
at that moment stays locked in the child for ever, so forking a multi-threaded process may
deadlock the child (Python 3.12+ warns: "This process is multi-threaded, use of fork() may
lead to deadlocks in the child"). So the background thread starts at its first task (never
at import), it is stopped before any fork, and where other threads are alive (a program
embedding sitegen, the preview's server) work goes to processes started by a fork server,
or stays in this process where it cannot be sent to another one. (A program that embeds
sitegen and runs threads of its own then needs the usual ``if __name__ == "__main__":``
guard: a fork server's children import the main script.)
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing.context import BaseContext
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_lock = threading.Lock()
_background: ThreadPoolExecutor | None = None


def in_background(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
    """Run ``fn`` on the one background thread, started now if it is not running."""
    global _background
    with _lock:
        if _background is None:
            _background = ThreadPoolExecutor(1, thread_name_prefix="sitegen-background")
        return _background.submit(fn, *args, **kwargs)


def stop_background() -> None:
    """Let the background thread finish what it was given, and end it (the next task starts it again)."""
    global _background
    with _lock:
        pool, _background = _background, None
    if pool is not None:
        pool.shutdown(wait=True)


def threads() -> int:
    """Threads this process runs, the interpreter's own and any a library started in C included."""
    try:
        return len(os.listdir("/proc/self/task"))  # Linux: every thread, as fork() sees them
    except OSError:
        return threading.active_count()


def process_pool(workers: int, context: BaseContext) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started by ``context``; forked ones end with this process.

    A forked worker holds copies of every file this process has open, the output's lock
    among them. Left behind by a build killed outright (SIGKILL, the kernel out of
    memory), it would wait for work for ever, keep the lock, and every later build would
    refuse to start: "another sitegen build is writing".
    """
    if context.get_start_method() != "fork":
        return ProcessPoolExecutor(workers, mp_context=context)  # started clean: nothing inherited
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_end_with, initargs=(os.getpid(),))


def _end_with(parent: int) -> None:
    """A forked worker's first act: ask the kernel to kill it when ``parent`` ends (Linux)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl (not Linux): the worker ends when its queue closes
        pass
    if os.getppid() != parent:
        os._exit(1)  # the parent was gone before the request was made


_PR_SET_PDEATHSIG = 1


def fork_context() -> BaseContext | None:
    """The ``fork`` start method when forking is safe now (our background thread stopped first), else None.

    Work that cannot be pickled (a closure over a parsed project) needs fork; without it,
    the caller does the work in this process.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    stop_background()
    return multiprocessing.get_context("fork") if threads() == 1 else None


def pool_context() -> BaseContext:
    """Where to start processes for work that can be pickled: forked while that is safe (cheap),
    else from a fork server (started from a clean process), else spawned."""
    forked = fork_context()
    if forked is not None:
        return forked
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
