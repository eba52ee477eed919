"""Rebuilding only what a change touches, into a private output folder."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.build import OutputError
from sitegen.build.output import recorded_files
from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import Project, load_project
from sitegen.dates import build_now
from sitegen.errors import BuildFailed, Problem
from sitegen.i18n import _
from sitegen.serve.livereload import Generation, page_key
from sitegen.serve.saved import show_saved
from sitegen.sources.bodies import Bodies
from sitegen.structure.site import Site

REINDEX_AFTER = 2.0  # seconds without a save before the preview's search index catches up


@dataclass
class PreviewBuilder:
    """Owns the preview output and the body cache shared by every rebuild."""

    root: Path
    generation: Generation
    out: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="sitegen-preview-")))
    project: Project | None = None
    last_seconds: float = 0.0  # the last rebuild, from the save to the full rebuild's end
    first_look_seconds: float = 0.0  # the last save shown on its own, before the full rebuild
    _bodies: Bodies = field(default_factory=Bodies)
    _sites: dict[str, Site] = field(default_factory=dict)  # the last build's models, by unit
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _reindex: threading.Timer | None = None

    @property
    def site_root(self) -> Path:
        return self.out / "sites"

    def rebuild(self, changed: set[str] | None = None) -> set[str]:
        """Re-read the project and rebuild what ``changed`` touches (everything when None).

        A saved page is shown first, on its own (:mod:`sitegen.serve.saved`); then the
        units it affects are rebuilt in full. Each step tells the tabs which pages it
        changed, so a tab reloads once, when its own page is ready. After the first build a
        save is shown without re-indexing search (that takes longer than the rest): the
        index follows once the editor pauses (``REINDEX_AFTER``).
        """
        self._cancel_reindex()
        with self._lock:
            started = time.perf_counter()
            first = changed is None or self.project is None or bool(self.generation.problems)
            shown: dict[str, str] = {}
            if not first and changed is not None and self.project is not None:  # (first says so: for mypy)
                shown = self._show_saved(self.project, changed) or {}
            before = recorded_files(self.site_root)
            try:
                project = load_project(self.root, bodies=self._bodies)
                # Every unit is considered, as in `sitegen build`: those whose inputs did not change
                # are skipped by their fingerprint, and the preview always ends as a cold build would
                # (a new tag changes every unit's OPML, for one).
                result = build(project, BuildOptions(out=self.site_root, index_search=first))
                units = {u for u, stats in result.stats.items() if stats.written or stats.removed}
                if not first:
                    self._schedule_reindex()
            except BuildFailed as exc:
                self.generation.bump(exc.problems)
                return set()
            except OutputError as exc:
                self.generation.bump([Problem(str(self.site_root), 0, str(exc), code="output-refused")])
                return set()
            except Exception as exc:  # noqa: BLE001 - the preview must outlive any one bad rebuild
                self.generation.bump(
                    [
                        Problem(
                            "sitegen",
                            0,
                            _("internal error: {error!r}", error=exc),
                            _("please report this"),
                            code="internal-error",
                        )
                    ]
                )
                return set()
            self.project, self._sites = project, result.sites
            self.last_seconds = time.perf_counter() - started
            everything = first or changed is None or any(not path.startswith("content/") for path in changed)
            self.generation.bump([], None if everything else _changed_pages(before, self.site_root, shown))
            return units

    def _show_saved(self, project: Project, changed: set[str]) -> dict[str, str] | None:
        """Put the saved pages in place and tell their tabs, before the full rebuild."""
        started = time.perf_counter()
        try:
            shown = show_saved(project, changed, self.site_root, build_now(), self._sites)
        except Exception:  # noqa: BLE001 - only a head start: the rebuild that follows reports problems
            return None
        if shown:
            self.first_look_seconds = time.perf_counter() - started
            self.generation.bump([], set(shown))
        return shown

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
                build(load_project(self.root, bodies=self._bodies), BuildOptions(out=self.site_root))
            except Exception:  # noqa: BLE001 - the next save reports any problem with its overlay
                return

    def close(self) -> None:
        self._cancel_reindex()
        with self._lock:
            shutil.rmtree(self.out, ignore_errors=True)


def _changed_pages(before: dict[str, dict[str, str]], site_root: Path, shown: dict[str, str]) -> set[str]:
    """The URL paths whose file a build added, removed or changed, except those already shown as they are."""
    after = recorded_files(site_root)
    pages = set()
    for unit in before.keys() | after.keys():
        old, new = before.get(unit, {}), after.get(unit, {})
        for rel in old.keys() | new.keys():
            if old.get(rel) != new.get(rel):
                key = page_key(f"/{unit}/{rel}")
                if key not in shown or shown[key] != new.get(rel):
                    pages.add(key)
    return pages
