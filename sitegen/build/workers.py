"""Rendering units on several processes, a big unit split across all of them; the parent writes.

Rendering is pure (:mod:`sitegen.render.plan`, :mod:`sitegen.render.pages`): a site model and
a theme in, paths and bytes out. A worker forked after the models are built shares the parsed
project with the parent for free. The work is dealt out in *parts*: a unit
alone, or, when one unit holds more than its share of the build's pages, a
few shares of that unit's files per worker, so one big unit keeps every core
busy to its end. Each part sends back its files and the problems it found; the
parent joins a unit's parts in order and stages them through its one writer
while the workers go on. Where fork is unavailable or unsafe (another thread
is running: :mod:`sitegen.processes`), or with one job, parts render in this
process, in the same order, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from sitegen.errors import Problem
from sitegen.processes import fork_context, process_pool

AHEAD = 2  # parts rendered ahead of the writer per worker: enough to keep both busy, never a pile
SLICES = 4  # parts per worker of a split unit: a worker done early takes the next, none waits on the last

T = TypeVar("T")
Record = tuple[str, tuple[str, ...]]  # what made a file (sitegen.build.dependencies)


@dataclass
class Rendered:
    """One unit's rendered files (or one part of them), or why there are none."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # files whose inputs did not change: taken over
    planned: set[str] = field(default_factory=set)  # every path the unit's site has
    searched: set[str] = field(default_factory=set)  # its content pages: the search index
    views: dict[str, str] = field(default_factory=dict)  # each content page made: what search reads of it
    records: dict[str, Record] = field(default_factory=dict)  # each template file's inputs
    problems: list[Problem] = field(default_factory=list)
    planned_ok: bool = True  # False: two files claim one path; nothing of the unit is written

    def join(self, part: Rendered) -> None:
        """Add the next part of the same unit."""
        self.files += part.files
        self.kept += part.kept
        self.planned |= part.planned
        self.searched |= part.searched
        self.views |= part.views
        self.records |= part.records
        self.problems += part.problems
        self.planned_ok = self.planned_ok and part.planned_ok


RenderPart = Callable[[int, int, int], Rendered]  # (unit index, part, parts) -> that part
_RENDER: RenderPart | None = None  # set in the parent just before workers fork


def _in_worker(unit: int, part: int, parts: int) -> Rendered:
    assert _RENDER is not None
    return _RENDER(unit, part, parts)


def worker_count(jobs: int) -> int:
    """How many processes render: never more than asked for or than the machine has cores."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(jobs, os.cpu_count() or 1))


def split(sizes: list[int], workers: int) -> list[int]:
    """Parts per unit: a unit with more than its share of the work is split across every worker,
    into more parts than workers, so that one finishing early takes the next part."""
    total = sum(sizes)
    return [workers * SLICES if workers > 1 and size * workers > total else 1 for size in sizes]


def chunk(items: list[T], part: int, parts: int) -> list[T]:
    """The ``part``-th of ``parts`` nearly equal shares of ``items``, dealt out one by one.

    Dealt, not cut: a plan keeps its dearer files (feeds, lists, tag pages) together, and
    with a unit cut in halves one worker rendered for a fifth longer than the other.
    """
    return items[part::parts]


def rendered(parts: list[int], render_part: RenderPart, jobs: int) -> Iterator[Rendered]:
    """Each unit rendered (``parts[u]`` parts of unit ``u``), joined and in order, on up to ``jobs`` processes."""
    work = [(unit, part, count) for unit, count in enumerate(parts) for part in range(count)]
    workers = min(worker_count(jobs), len(work))
    context = fork_context() if workers > 1 else None
    if context is None:
        results: Iterator[Rendered] = (render_part(*job) for job in work)
        yield from _joined(work, results)
        return
    global _RENDER
    _RENDER = render_part
    try:
        with process_pool(workers, context) as pool:
            yield from _joined(work, _in_order(pool, work, workers))
    finally:
        _RENDER = None


def _in_order(
    pool: ProcessPoolExecutor, work: list[tuple[int, int, int]], workers: int
) -> Iterator[Rendered]:
    waiting: list[Future[Rendered]] = []
    submitted = 0
    for _ in work:
        while submitted < len(work) and len(waiting) < workers * AHEAD:
            waiting.append(pool.submit(_in_worker, *work[submitted]))
            submitted += 1
        yield waiting.pop(0).result()


def _joined(work: list[tuple[int, int, int]], results: Iterator[Rendered]) -> Iterator[Rendered]:
    unit: Rendered | None = None
    for (_, part, count), result in zip(work, results, strict=True):
        if part == 0:
            unit = result
        else:
            assert unit is not None
            unit.join(result)
        if part == count - 1:
            yield unit
