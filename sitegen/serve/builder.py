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

    @property
    def site_root(self) -> Path:
        return self.out / "sites"

    def rebuild(self, changed: set[str] | None = None) -> set[str]:
        """Re-read the project and rebuild the units ``changed`` touches (all when None)."""
        with self._lock:
            started = time.perf_counter()
            try:
                project = load_project(self.root, bodies=self._bodies)
                if changed is None or self.project is None or self.generation.problems:
                    units = set(project.network.ids)  # first build, or recovering from an error
                else:
                    units = affected_units(changed, self.project, project)
                ordered = [i for i in project.network.ids if i in units]
                if ordered:
                    build(project, self.site_root, ordered)
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

    def close(self) -> None:
        shutil.rmtree(self.out, ignore_errors=True)
