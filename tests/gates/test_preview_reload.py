"""The preview in a real browser: a save reloads the tab showing that page, once, and no other tab."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from sitegen.serve.builder import PreviewBuilder
from sitegen.serve.livereload import Generation
from sitegen.serve.server import serve
from sitegen.serve.watcher import Watcher

pytestmark = pytest.mark.gates

REPO = Path(__file__).resolve().parents[2]
NEWS = "content/offices/pontianak/berita/2026-09-03-pengawasan-orang-asing-mempawah.md"
PAGE = "/pontianak/berita/pengawasan-orang-asing-mempawah/"


@pytest.fixture
def preview(tmp_path):
    for name in ("content", "themes"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "offices.yaml", tmp_path / "offices.yaml")
    builder = PreviewBuilder(tmp_path, Generation())
    builder.rebuild()
    server = serve(builder, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watcher = Watcher(tmp_path, builder.rebuild)
    watcher.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    watcher.stop()
    server.shutdown()
    server.server_close()
    builder.close()


def test_a_save_reloads_its_own_tab_once_and_leaves_other_tabs_alone(browser, preview):
    root, base = preview
    edited, elsewhere = browser.new_page(), browser.new_page()
    loads = {"edited": 0, "elsewhere": 0}
    edited.goto(base + PAGE)
    elsewhere.goto(base + "/sambas/")
    edited.on("load", lambda: loads.__setitem__("edited", loads["edited"] + 1))
    elsewhere.on("load", lambda: loads.__setitem__("elsewhere", loads["elsewhere"] + 1))
    edited.wait_for_timeout(500)  # both tabs are waiting on the live-reload channel
    news = root / NEWS
    news.write_text(news.read_text(encoding="utf-8") + "\nKalimat penanda.\n", encoding="utf-8")
    # a locator, not wait_for_function: the page's policy forbids the eval() that one runs in the page
    edited.locator("body", has_text="Kalimat penanda.").wait_for(timeout=15_000)
    # the full rebuild that follows has finished and announced what it changed; waiting through
    # the page (not time.sleep) lets Playwright deliver the load events that arrived meanwhile
    edited.wait_for_timeout(3000)
    elsewhere.wait_for_timeout(100)
    assert loads == {"edited": 1, "elsewhere": 0}
    edited.close()
    elsewhere.close()
