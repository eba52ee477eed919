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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from sitegen.processes import pool_context
from sitegen.sources.cache import Cache
from sitegen.sources.office_vars import BodyTemplate, OfficeVarError, prepare
from sitegen.sources.source import Source

CONVERTED_KEPT = 4096  # converted bodies held in memory by one process
PARALLEL_FROM = 48  # below this many missing bodies, starting processes costs more than it saves


def _prepare(job: tuple[str, int] | tuple[str, int, bool]) -> BodyTemplate | tuple[int, str, str]:
    """Runs in a worker: an error travels back as plain data."""
    try:
        return prepare(*job)
    except OfficeVarError as exc:
        return (exc.line, exc.message, exc.hint)


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
            if source.digest in self._prepared or source.digest in missing:
                continue
            cached = self.cache.get("body", source.digest)
            if isinstance(cached, BodyTemplate):
                self._prepared[source.digest] = cached
            else:
                missing[source.digest] = source
        if not missing:
            return
        jobs = [(s.body, s.body_line) for s in missing.values()]
        workers = min(self.jobs, os.cpu_count() or 1)
        if workers > 1 and len(jobs) >= PARALLEL_FROM:
            with ProcessPoolExecutor(workers, mp_context=pool_context()) as pool:
                results = list(pool.map(_prepare, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
        else:
            results = [_prepare(job) for job in jobs]
        for digest, result in zip(missing, results, strict=True):
            if isinstance(result, BodyTemplate):
                self._prepared[digest] = result
                self.cache.put("body", digest, result)
            else:
                self._prepared[digest] = OfficeVarError(*result)
        self.cache.save()
