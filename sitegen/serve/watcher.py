"""File events to rebuild batches: watchdog, with polling where events do not arrive."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".part")


class _Collector(FileSystemEventHandler):
    def __init__(self, watcher: Watcher):
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's listing changed: the file events themselves follow
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self.watcher.note(Path(raw if isinstance(raw, str) else raw.decode()))


class Watcher:
    """Collects changed paths under content/, themes/ and offices.yaml; calls back once per quiet burst."""

    def __init__(
        self, root: Path, on_change: Callable[[set[str]], None], poll: bool = False, quiet: float = 0.05
    ):
        self.root = root.resolve()
        self.on_change = on_change
        self.quiet = quiet
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self.observer = PollingObserver(timeout=0.25) if poll else Observer()
        handler = _Collector(self)
        for name in ("content", "themes"):
            if (self.root / name).is_dir():
                self.observer.schedule(handler, str(self.root / name), recursive=True)
        self.observer.schedule(handler, str(self.root), recursive=False)

    def note(self, path: Path) -> None:
        try:
            rel = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return
        top = rel.split("/", 1)[0]
        if top not in ("content", "themes", "offices.yaml") or rel.endswith(IGNORED_SUFFIXES):
            return
        if any(part.startswith((".", "#")) for part in rel.split("/")):
            return
        with self._lock:
            self._pending.add(rel)
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.quiet, self._flush)
            self._timer.daemon = True
            self._timer.start()

    def _flush(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, set()
            self._timer = None
        if batch:
            self.on_change(batch)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)
