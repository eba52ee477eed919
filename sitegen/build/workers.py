"""Rendering whole units on several processes; the parent still writes every file.

Rendering is pure (:mod:`sitegen.render.pages`): a site model and a theme in, paths
and bytes out. A worker forked after the models are built shares the parsed
project with the parent for free, renders one unit at a time and sends back
its files and the problems it found; the parent stages them through its one
writer while the workers go on. Where fork is unavailable or unsafe (another
thread is running: :mod:`sitegen.processes`), with one job, or for a single
unit, units render in this process, in the same order, with the same result.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from sitegen.errors import Problem
from sitegen.processes import fork_context

AHEAD = 2  # units rendered ahead of the writer per worker: enough to keep both busy, never a pile


@dataclass
class Rendered:
    """One unit's rendered files, or why there are none."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    planned: set[str] = field(default_factory=set)  # every path the unit's site has
    listed: set[str] = field(default_factory=set)  # its own HTML pages: sitemap and search index
    problems: list[Problem] = field(default_factory=list)
    planned_ok: bool = True  # False: two files claim one path; nothing of the unit is written


_RENDER: Callable[[int], Rendered] | None = None  # set in the parent just before workers fork


def _in_worker(index: int) -> Rendered:
    assert _RENDER is not None
    return _RENDER(index)


def rendered(count: int, render_one: Callable[[int], Rendered], jobs: int) -> Iterator[Rendered]:
    """``render_one(0)`` … ``render_one(count - 1)``, in order, on up to ``jobs`` processes."""
    workers = min(jobs, count, os.cpu_count() or 1)
    context = fork_context() if workers > 1 else None
    if context is None:
        for index in range(count):
            yield render_one(index)
        return
    global _RENDER
    _RENDER = render_one
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            waiting: list[Future[Rendered]] = []
            submitted = 0
            for _ in range(count):
                while submitted < count and len(waiting) < workers * AHEAD:
                    waiting.append(pool.submit(_in_worker, submitted))
                    submitted += 1
                yield waiting.pop(0).result()
    finally:
        _RENDER = None
