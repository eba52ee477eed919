"""Prepared bodies: each source's Markdown converted once, in parallel, and kept.

Conversion is nearly all of a cold build's cost. Bodies are prepared once per
file digest (however many units publish the source), on several processes
when many are missing (forked while that is safe, else from a fork server:
:mod:`sitegen.processes`), and kept in memory and in the persistent cache.
What is kept is already sanitized (see :mod:`sitegen.sources.sanitize`); a trusted_html
body, as written, is prepared on demand and never written to the cache.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from sitegen.processes import pool_context, process_pool
from sitegen.sources.cache import Cache
from sitegen.sources.office_vars import BodyTemplate, OfficeVarError, prepare
from sitegen.sources.source import Source

CONVERTED_KEPT = 4096  # converted bodies held in memory by one process
PARALLEL_FROM = 48  # below this many missing bodies, starting processes costs more than it saves
BATCH = 64  # bodies sent to a worker at once while the sources are still being read
Prepared = BodyTemplate | tuple[int, str, str]  # a prepared body, or an error as plain data


def _prepare(job: tuple[str, int] | tuple[str, int, bool]) -> Prepared:
    """Runs in a worker: an error travels back as plain data."""
    try:
        return prepare(*job)
    except OfficeVarError as exc:
        return (exc.line, exc.message, exc.hint)


def _prepare_batch(jobs: list[tuple[str, int]]) -> list[Prepared]:
    return [_prepare(job) for job in jobs]


@dataclass
class Bodies:
    """Prepared bodies by file digest; one instance may serve many builds of one process."""

    cache: Cache = field(default_factory=lambda: Cache(None))
    jobs: int = 1
    _prepared: dict[str, BodyTemplate | OfficeVarError] = field(default_factory=dict)
    _trusted: dict[str, BodyTemplate | OfficeVarError] = field(default_factory=dict)
    _converted: dict[str, str] = field(default_factory=dict)  # digest of made Markdown -> HTML

    def get(self, source: Source, trusted: bool = False) -> BodyTemplate:
        """The prepared body: sanitized (and cached), or as written for trusted_html, memory only."""
        if trusted:
            prepared = self._trusted.get(source.digest)
            if prepared is None:
                result = _prepare((source.body, source.body_line, True))
                prepared = result if isinstance(result, BodyTemplate) else OfficeVarError(*result)
                self._trusted[source.digest] = prepared
            if isinstance(prepared, OfficeVarError):
                raise prepared
            return prepared
        prepared = self._prepared.get(source.digest)
        if prepared is None:
            self.prepare_all([source])
            prepared = self._prepared[source.digest]
        if isinstance(prepared, OfficeVarError):
            raise prepared
        return prepared

    def convert(self, body: BodyTemplate, markdown: str) -> str:
        """HTML for the Markdown a body's statements made for one unit, converted once per text.

        A shared page with ``{% for %}`` or ``{% if %}`` makes its own Markdown for each
        unit; every build (an edit elsewhere, the preview) would convert it again for every
        unit of the network. The result is sanitized, so it is kept like a prepared body; a
        trusted_html body's is not (it stays out of the cache, as the body itself does).
        """
        if body.trusted:
            return body.html_of(markdown)
        key = hashlib.sha256(markdown.encode("utf-8")).hexdigest()
        html = self._converted.get(key)
        if html is None:
            cached = self.cache.get("converted", key)
            html = cached if isinstance(cached, str) else None
        if html is None:
            html = body.html_of(markdown)
            self.cache.put("converted", key, html)
        if len(self._converted) >= CONVERTED_KEPT:
            self._converted.clear()  # a preview runs for hours: memory stays bounded
        self._converted[key] = html
        return html

    def prepare_all(self, sources: list[Source]) -> None:
        """Prepare every body not yet known: from the cache, else converted (in parallel when many)."""
        missing: dict[str, Source] = {}
        for source in sources:
            if not self._from_cache(source) and source.digest not in missing:
                missing[source.digest] = source
        if not missing:
            return
        jobs = [(s.body, s.body_line) for s in missing.values()]
        workers = self._workers()
        if workers > 1 and len(jobs) >= PARALLEL_FROM:
            with process_pool(workers, pool_context()) as pool:
                results = list(pool.map(_prepare, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
        else:
            results = [_prepare(job) for job in jobs]
        self._keep(zip(missing, results, strict=True))
        self.cache.save()

    @contextmanager
    def while_reading(self) -> Iterator[Callable[[Source], None]]:
        """A function to hand each source to as it is read: its body is prepared meanwhile.

        Reading thousands of sources (their front matter parsed and checked) takes one
        core for seconds of a cold build (4 s of `national`'s 13,060) while the others
        idle; bodies missing from the cache go to worker processes in batches as they
        are read, and are all back when the block ends. Fewer than a batch are left to
        :meth:`prepare_all`, as is everything when there is one core.
        """
        workers = self._workers()
        if workers < 2:
            yield lambda _source: None
            return
        batch: dict[str, Source] = {}
        sent: list[tuple[list[str], Future[list[Prepared]]]] = []
        away: set[str] = set()  # digests in a worker's hands
        pool: ProcessPoolExecutor | None = None

        def offer(source: Source) -> None:
            nonlocal pool
            if source.digest in batch or source.digest in away or self._from_cache(source):
                return
            batch[source.digest] = source
            if len(batch) >= BATCH:
                pool = pool or process_pool(workers, pool_context())
                jobs = [(s.body, s.body_line) for s in batch.values()]
                sent.append((list(batch), pool.submit(_prepare_batch, jobs)))
                away.update(batch)
                batch.clear()

        try:
            yield offer
            for digests, future in sent:  # kept only once the reading went well
                self._keep(zip(digests, future.result(), strict=True))
            self.cache.save()
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _from_cache(self, source: Source) -> bool:
        """Whether the body is known: prepared already, or now from the persistent cache."""
        if source.digest in self._prepared:
            return True
        cached = self.cache.get("body", source.digest)
        if isinstance(cached, BodyTemplate):
            self._prepared[source.digest] = cached
            return True
        return False

    def _workers(self) -> int:
        return min(self.jobs, os.cpu_count() or 1)

    def _keep(self, results: Iterator[tuple[str, Prepared]]) -> None:
        """Bodies just prepared, by digest: kept in memory, and in the cache unless an error."""
        for digest, result in results:
            if isinstance(result, BodyTemplate):
                self._prepared[digest] = result
                self.cache.put("body", digest, result)
            else:
                self._prepared[digest] = OfficeVarError(*result)
