"""Rebuilding only what a change touches, into a private output folder."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..affected import affected_units
from ..bodies import Bodies
from ..errors import BuildFailed, Problem
from ..output import OutputError
from ..site import Project, build, load_project
from .livereload import Generation

REINDEX_AFTER = 2.0  # seconds without a save before the preview's search index catches up


@dataclass
class PreviewBuilder:
    """Owns the preview output and the body cache shared by every rebuild."""

    root: Path
    generation: Generation
    out: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="sitegen-preview-")))
    project: Project | None = None
    last_seconds: float = 0.0
    _bodies: Bodies = field(default_factory=Bodies)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _reindex: threading.Timer | None = None

    @property
    def site_root(self) -> Path:
        return self.out / "sites"

    def rebuild(self, changed: set[str] | None = None) -> set[str]:
        """Re-read the project and rebuild the units ``changed`` touches (all when None).

        After the first build, a save is shown without re-indexing search (that takes
        longer than the rest): the index follows once the editor pauses (``REINDEX_AFTER``).
        """
        self._cancel_reindex()
        with self._lock:
            started = time.perf_counter()
            try:
                project = load_project(self.root, bodies=self._bodies)
                first = changed is None or self.project is None or self.generation.problems
                # the first build, or one recovering from an error, builds every unit
                units = set(project.network.ids) if first else affected_units(changed, self.project, project)
                ordered = [i for i in project.network.ids if i in units]
                if ordered:
                    build(project, self.site_root, ordered, index_search=bool(first))
                    if not first:
                        self._schedule_reindex()
            except BuildFailed as exc:
                self.generation.bump(exc.problems)
                return set()
            except OutputError as exc:
                self.generation.bump([Problem(str(self.site_root), 0, str(exc))])
                return set()
            except Exception as exc:  # noqa: BLE001 - the preview must outlive any one bad rebuild
                self.generation.bump(
                    [Problem("sitegen", 0, f"internal error: {exc!r}", "please report this")]
                )
                return set()
            self.project = project
            self.last_seconds = time.perf_counter() - started
            self.generation.bump([])
            return units

    def _schedule_reindex(self) -> None:
        self._reindex = threading.Timer(REINDEX_AFTER, self._reindex_now)
        self._reindex.daemon = True
        self._reindex.start()

    def _cancel_reindex(self) -> None:
        if self._reindex is not None:
            self._reindex.cancel()
            self._reindex = None

    def _reindex_now(self) -> None:
        """Bring every unit's search index up to date; units already current are skipped."""
        with self._lock:
            try:
                build(load_project(self.root, bodies=self._bodies), self.site_root)
            except Exception:  # noqa: BLE001 - the next save reports any problem with its overlay
                return

    def close(self) -> None:
        self._cancel_reindex()
        with self._lock:
            shutil.rmtree(self.out, ignore_errors=True)
