"""Telling open browser tabs that the preview changed: a generation counter and long polling.

Each rebuild bumps the generation and says which pages it changed. A small
script injected into served pages (never into built files) asks
``/_sitegen/wait?since=N&path=/unit/page/`` and reloads the page when the answer
differs, which happens only once a generation changed that page: a tab is not
reloaded twice for one save, nor for pages it does not show. Errors bump the
generation for every page, so each reloads and shows the overlay; fixing the
file bumps it again and the overlay goes.
"""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass, field
from urllib.parse import unquote

from sitegen.errors import Problem

WAIT_PATH = "/_sitegen/wait"
KEPT = 500  # generations remembered; a tab further behind simply reloads
EVERY_PAGE = None  # a generation that concerns every page (first build, errors, settings)


def page_key(path: str) -> str:
    """A URL path as generations name pages: "/unit/berita/x/index.html" -> "/unit/berita/x/"."""
    path = unquote(path)
    return path[: -len("index.html")] if path.endswith("/index.html") else path


@dataclass
class Generation:
    """The preview's state as tabs see it: a counter and the current problems."""

    number: int = 0
    problems: list[Problem] = field(default_factory=list)
    _pages: dict[int, frozenset[str] | None] = field(default_factory=dict)  # generation -> pages it changed
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _closed: bool = False  # the server is stopping: every wait returns at once

    def bump(self, problems: list[Problem], pages: set[str] | None = EVERY_PAGE) -> None:
        """A new generation; ``pages`` are the URL paths it changed (``page_key``), None for all."""
        with self._changed:
            self.number += 1
            self.problems = list(problems)
            self._pages[self.number] = None if pages is None else frozenset(pages)
            self._pages.pop(self.number - KEPT, None)
            self._changed.notify_all()

    def concerns(self, since: int, path: str | None) -> bool:
        """Did any generation after ``since`` change the page at ``path`` (None: any page)?"""
        if self.number == since:
            return False
        if path is None or since < self.number - KEPT + 1 or since > self.number:
            return True
        key = page_key(path)
        for number in range(since + 1, self.number + 1):
            pages = self._pages.get(number)
            if pages is None or key in pages:
                return True
        return False

    def wait(self, since: int, timeout: float, path: str | None = None) -> int:
        """Block until a generation after ``since`` concerns ``path`` or ``timeout`` passes.

        Returns the current generation if one does, else ``since`` (the tab keeps waiting).
        """
        with self._changed:
            changed = self._changed.wait_for(
                lambda: self._closed or self.concerns(since, path), timeout=timeout
            )
            return self.number if changed and not self._closed else since

    def close(self) -> None:
        """Wake every waiting tab's request: a stopping server does not hold them for their timeout."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def as_json(self, number: int | None = None) -> bytes:
        number = self.number if number is None else number
        return json.dumps({"generation": number, "problems": [str(p) for p in self.problems]}).encode()


SCRIPT = """<script>
(function () {
  var since = %d;
  function poll() {
    fetch("%s?since=" + since + "&path=" + encodeURIComponent(location.pathname), {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (d.busy) { setTimeout(poll, 5000); }
        else if (d.generation !== since) { location.reload(); }
        else { poll(); }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>"""

STYLE = """<style>
#sitegen-bar{position:sticky;top:0;z-index:1000;background:#222;color:#fff;font:14px system-ui,sans-serif;
padding:.35rem .75rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}
#sitegen-bar a{color:#fff}#sitegen-bar a[aria-current]{font-weight:700;text-decoration:none}
#sitegen-errors{position:fixed;inset:0;z-index:1001;background:rgba(20,0,0,.92);color:#fff;
font:15px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto}
#sitegen-errors h2{color:#ffb3b3;font-family:system-ui,sans-serif}
</style>"""


def overlay(problems: list[Problem]) -> str:
    """A full-page list of problems, each as path:line: message (hint)."""
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
    return (
        f'<div id="sitegen-errors" role="alert"><h2>Konten belum bisa dibangun '
        f"({len(problems)} masalah)</h2><ul>{items}</ul>"
        "<p>Perbaiki berkasnya dan simpan: halaman akan dimuat ulang sendiri.</p></div>"
    )
