"""Telling open browser tabs that the preview changed: a generation counter and long polling.

Each rebuild bumps the generation. A small script injected into served pages
(never into built files) asks ``/_sitegen/wait?since=N`` and reloads the page
when the answer differs. Errors bump the generation too, so the page reloads
and shows the overlay; fixing the file bumps it again and the overlay goes.
"""

from __future__ import annotations

import html
import json
import threading
from dataclasses import dataclass, field

from ..errors import Problem

WAIT_PATH = "/_sitegen/wait"


@dataclass
class Generation:
    """The preview's state as tabs see it: a counter and the current problems."""

    number: int = 0
    problems: list[Problem] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def bump(self, problems: list[Problem]) -> None:
        with self._changed:
            self.number += 1
            self.problems = list(problems)
            self._changed.notify_all()

    def wait(self, since: int, timeout: float) -> int:
        """Block until the generation differs from ``since`` or ``timeout`` passes."""
        with self._changed:
            self._changed.wait_for(lambda: self.number != since, timeout=timeout)
            return self.number

    def as_json(self) -> bytes:
        return json.dumps({"generation": self.number, "problems": [str(p) for p in self.problems]}).encode()


SCRIPT = """<script>
(function () {
  var since = %d;
  function poll() {
    fetch("%s?since=" + since, {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (d) { if (d.generation !== since) { location.reload(); } else { poll(); } })
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
