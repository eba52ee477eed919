"""`sitegen serve`: a preview of every unit over HTTP on 127.0.0.1 that follows the editor's saves."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from sitegen.build.affected import affected_units
from sitegen.build.project import load_project
from sitegen.serve.builder import PreviewBuilder
from sitegen.serve.livereload import Generation
from sitegen.serve.server import serve
from sitegen.serve.watcher import Watcher


class Preview:
    def __init__(self, project, poll: bool = False):
        self.project = project
        self.builder = PreviewBuilder(project.root, Generation())
        self.builder.rebuild()
        self.server = serve(self.builder, "127.0.0.1", 0)
        self.port = self.server.server_address[1]
        self.watcher = Watcher(project.root, self.builder.rebuild, poll=poll)
        self.watcher.start()
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def get(self, path: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("GET", path)  # sent exactly as written: no client-side normalisation
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
        conn.close()
        return response.status, body

    def wait_for_generation_after(self, since: int, page: str = "") -> dict:
        """What a live-reload script sees: the long poll answers once the preview changed ``page``
        (any page when none is named)."""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            status, body = self.get(f"/_sitegen/wait?since={since}" + (f"&path={page}" if page else ""))
            answer = json.loads(body)
            if answer["generation"] != since:
                return answer
        raise AssertionError("the preview never reported a change")

    def close(self) -> None:
        self.watcher.stop()
        self.server.shutdown()
        self.server.server_close()
        self.builder.close()


@pytest.fixture
def preview(project) -> Iterator[Preview]:
    running = Preview(project)
    yield running
    running.close()


def test_the_index_lists_every_unit_and_each_unit_lives_under_its_own_path(preview):
    status, body = preview.get("/")
    assert status == 200
    for unit in ("alpha", "bravo", "rudenim", "wilayah"):
        assert f'href="/{unit}/"' in body
    status, body = preview.get("/bravo/layanan/paspor-baru/")
    assert status == 200 and "Khusus Bravo." in body


def test_served_pages_get_the_switcher_and_reload_script_but_built_files_do_not(preview):
    _, body = preview.get("/alpha/layanan/paspor-baru/")
    assert '<a href="/bravo/layanan/paspor-baru/"' in body  # the same page as Bravo publishes it
    assert '<a href="/rudenim/"' in body  # the Rudenim has no passport page: its home instead
    assert "/_sitegen/wait?since=" in body
    built = (preview.builder.site_root / "alpha/layanan/paspor-baru/index.html").read_text()
    assert "_sitegen" not in built and "sitegen-bar" not in built


def test_a_saved_edit_is_rebuilt_and_announced_to_open_tabs(preview):
    _, before = preview.get("/alpha/berita/sosialisasi/")
    since = preview.builder.generation.number
    preview.project.write(
        "content/offices/alpha/berita/2026-10-01-sosialisasi.md",
        "---\ntitle: Sosialisasi Paspor\ndate: 2026-10-01 09:30\n---\nIsi yang diperbarui.\n",
    )
    answer = preview.wait_for_generation_after(since)
    assert answer["problems"] == []
    _, after = preview.get("/alpha/berita/sosialisasi/")
    assert "Isi yang diperbarui." in after and "Isi yang diperbarui." not in before


def test_an_edit_rebuilds_only_the_units_it_touches(project):
    old = load_project(project.root)
    project.write(
        "content/offices/bravo/berita/2026-09-01-wbk.md",
        "---\ntitle: WBK\ndate: 2026-09-01 10:00\n---\nBaru\n",
    )
    new = load_project(project.root)
    # the unit, and its regional office whose feed aggregates the unit's news
    assert affected_units({"content/offices/bravo/berita/2026-09-01-wbk.md"}, old, new) == {
        "bravo",
        "wilayah",
    }
    # a shared page narrowed to passport services: the units offering passports
    assert affected_units({"content/shared/layanan/biaya-paspor.md"}, old, new) == {"alpha", "bravo"}
    assert affected_units({"offices.yaml"}, old, new) == {"alpha", "bravo", "rudenim", "wilayah"}
    assert affected_units({"themes/default/templates/page.html"}, old, new) == {
        "alpha",
        "bravo",
        "rudenim",
        "wilayah",
    }


def test_an_unrelated_unit_is_not_rewritten(preview):
    rudenim = preview.builder.site_root / "rudenim/index.html"
    inode = rudenim.stat().st_ino
    since = preview.builder.generation.number
    preview.project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli Malam\ndate: 2026-10-05 14:00\n---\nx\n",
    )
    preview.wait_for_generation_after(since, "/alpha/berita/")  # as a tab showing the list waits
    assert "Patroli Malam" in preview.get("/alpha/berita/")[1]
    assert rudenim.stat().st_ino == inode


def test_a_content_error_shows_an_overlay_and_the_page_returns_when_fixed(preview):
    since = preview.builder.generation.number
    path = "content/offices/alpha/berita/2026-10-05-patroli.md"
    preview.project.write(path, "---\ntitle: Patroli\ndate: 5 Oktober\n---\nx\n")
    answer = preview.wait_for_generation_after(since)
    assert answer["problems"] == [
        f"{path}:3: 'date': cannot read date '5 Oktober'; write it as 2024-12-01, "
        "2024-12-01 09:30 or 2024-12-01T09:30:00+07:00 (year-month-day with two digits each, "
        "then the time if any)"
    ]
    status, body = preview.get("/alpha/")
    assert status == 200  # the last good site is still served, under the overlay
    assert 'id="sitegen-errors"' in body and f"{path}:3:" in body
    since = answer["generation"]
    preview.project.write(path, "---\ntitle: Patroli Pagi\ndate: 2026-10-05 14:00\n---\nx\n")
    assert preview.wait_for_generation_after(since)["problems"] == []
    body = preview.get("/alpha/berita/")[1]
    assert 'id="sitegen-errors"' not in body and "Patroli Pagi" in body


@pytest.mark.parametrize(
    "path",
    [
        "/../offices.yaml",
        "/alpha/../../offices.yaml",
        "/%2e%2e/offices.yaml",
        "/alpha/%2e%2e/%2e%2e/offices.yaml",
        "/alpha%2f..%2f..%2foffices.yaml",
        "/.sitegen/alpha.json",
        "/alpha/..%5c..%5coffices.yaml",
        "/alpha/index.html%00.css",
    ],
)
def test_requests_outside_the_output_get_404(preview, path):
    status, body = preview.get(path)
    assert status == 404
    assert "network:" not in body


def test_a_symbolic_link_out_of_the_output_gets_404(preview, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("rahasia")
    (preview.builder.site_root / "alpha/bocor.txt").symlink_to(secret)
    status, body = preview.get("/alpha/bocor.txt")
    assert status == 404 and "rahasia" not in body


def test_polling_finds_changes_where_file_events_do_not_arrive(project):
    running = Preview(project, poll=True)
    try:
        since = running.builder.generation.number
        project.write(
            "content/shared/informasi-publik/permohonan.md",
            "---\ntitle: Permohonan Informasi\n---\nDijawab cepat.\n",
        )
        running.wait_for_generation_after(since)
        assert "Dijawab cepat." in running.get("/bravo/informasi-publik/permohonan/")[1]
    finally:
        running.close()


def test_a_malformed_wait_request_gets_400_and_the_server_stays_up(preview):
    status, body = preview.get("/_sitegen/wait?since=abc")
    assert status == 400 and "whole number" in body
    assert preview.get("/alpha/")[0] == 200


def test_unclosed_front_matter_shows_its_file_and_line_not_an_internal_error(preview):
    preview.project.write(
        "content/offices/alpha/berita/2026-11-01-x.md", "---\ntitle: X\ndate: 2026-11-01\nIsi\n"
    )
    preview.builder.rebuild({"content/offices/alpha/berita/2026-11-01-x.md"})
    problems = [str(p) for p in preview.builder.generation.problems]
    assert problems == [
        "content/offices/alpha/berita/2026-11-01-x.md:1: the front matter is never closed "
        "(add a line with only '---' after the last key)"
    ]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_the_preview_leaves_no_temporary_folder(project, tmp_path, sig):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "serve", "--root", str(project.root), "--port", "0"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob("sitegen-preview-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob("sitegen-preview-*")), "the preview never started"
    proc.send_signal(sig)  # possibly mid-rebuild: the first build may still be running
    proc.wait(timeout=30)
    assert list(tmp_path.glob("sitegen-preview-*")) == []
    assert "Traceback" not in proc.stderr.read()


def test_a_save_is_shown_before_search_reindexes_and_the_index_catches_up_when_the_editor_pauses(
    project, monkeypatch
):
    """Re-indexing takes longer than the rest of a rebuild: it follows the reload, never blocks it."""
    from sitegen.serve import builder as builder_module
    from sitegen.serve.livereload import Generation

    monkeypatch.setattr(builder_module, "REINDEX_AFTER", 0.2)
    preview = PreviewBuilder(project.root, Generation())
    try:
        preview.rebuild()
        entry = preview.site_root / "alpha" / "pagefind" / "pagefind-entry.json"
        first_index = entry.read_bytes()
        news = "content/offices/alpha/berita/2026-10-20-baru.md"
        project.write(news, "---\ntitle: Berita Baru\ndate: 2026-10-20 10:00\n---\nIsi baru.\n")
        preview.rebuild({news})
        assert (preview.site_root / "alpha" / "berita" / "baru" / "index.html").is_file()
        assert entry.read_bytes() == first_index, "the page is shown first, with the previous index"
        deadline = time.monotonic() + 60
        while entry.read_bytes() == first_index and time.monotonic() < deadline:
            time.sleep(0.2)
        assert entry.read_bytes() != first_index, "the index follows once saves pause"
    finally:
        preview.close()
