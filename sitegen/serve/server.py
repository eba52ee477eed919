"""The preview HTTP server: serves only files inside the preview output.

Every unit lives under ``/<id>/``; ``/`` lists the units. HTML responses get
the unit switcher, the live-reload script and, while the content has errors,
the error overlay; the files on disk stay exactly what a build writes.
"""

from __future__ import annotations

import contextlib
import html
import json
import mimetypes
import os
import secrets
import socket
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from sitegen.csp import allow_script
from sitegen.serve.builder import PreviewBuilder
from sitegen.serve.livereload import SCRIPT, STYLE, WAIT_PATH, overlay

WAIT_SECONDS = 25.0
WORKERS = 64  # connections served at once: every open tab holds one for its live-reload wait
WAITS = WORKERS // 2  # live-reload waits held at once: the other workers always serve pages
BACKLOG = 256  # connections the kernel queues before the server accepts them (socketserver's default is 5)
IDLE_SECONDS = 15.0  # a kept-alive connection with no request is closed after this, freeing its worker
# A browser closing a tab or cancelling a load mid-response: normal, never worth a traceback.
GONE = (ConnectionError, TimeoutError)


def resolve(root: Path, url_path: str) -> Path | None:
    """The file a URL path names inside ``root``, or None: no '..', no hidden parts, no way out."""
    path = unquote(urlsplit(url_path).path)
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if any(p == ".." or p.startswith(".") for p in parts):
        return None
    real_root = root.resolve()
    candidate = real_root.joinpath(*parts)
    try:
        real = candidate.resolve(strict=True)
    except (FileNotFoundError, RuntimeError, OSError):
        return None
    if real != real_root and real_root not in real.parents:
        return None  # a symbolic link leading out of the output
    if real.is_dir():
        real = real / "index.html"
    return real if real.is_file() else None


class PreviewServer(ThreadingHTTPServer):
    """Connections are served by a bounded pool of threads; more wait their turn, none is refused.

    A thread per connection (the standard library's way) has no bound, and its
    listen queue of five made most of 100 simultaneous connections time out.
    """

    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(self, address: tuple[str, int], builder: PreviewBuilder):
        super().__init__(address, Handler)
        self.builder = builder
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="preview")
        self.waits = threading.BoundedSemaphore(WAITS)
        self._open: set[socket.socket] = set()  # connections being served, closed when the server stops
        self._open_lock = threading.Lock()

    def process_request(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        if isinstance(request, socket.socket):
            with self._open_lock:
                self._open.add(request)
        self._pool.submit(self._serve, request, client_address)

    def _serve(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            if isinstance(request, socket.socket):
                with self._open_lock:
                    self._open.discard(request)

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        """A closed connection is the reader's choice and stays silent; anything else is one line."""
        error = sys.exc_info()[1]
        if isinstance(error, GONE):
            return
        print(f"preview: {client_address[0]}: {type(error).__name__}: {error}", file=sys.stderr)

    def server_close(self) -> None:
        """Stop at once: waiting tabs are answered and idle kept-alive connections closed now,
        not after their timeouts (a stopped preview held its process for 25 s)."""
        self.builder.generation.close()
        with self._open_lock:
            for connection in self._open:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
        super().server_close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = (
            host.decode() if isinstance(host, bytes) else host
        )  # str for a TCP server; bytes only on a Unix socket
        return f"http://{name}:{port}/"


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS
    _head = False  # answering HEAD: the same status and headers as GET, no body

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # editors need the rebuild lines, not an access log

    def do_HEAD(self) -> None:  # noqa: N802 - the base class's name
        """What GET would answer, without the body (link checkers and curl -I ask so)."""
        self._head = True
        try:
            self.do_GET()
        finally:
            self._head = False

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        builder = self.server.builder
        parts = urlsplit(self.path)
        if parts.path == WAIT_PATH:
            query = parse_qs(parts.query)
            try:
                since = int(query.get("since", ["-1"])[0] or -1)
            except ValueError:
                self._send(
                    HTTPStatus.BAD_REQUEST, b"since must be a whole number\n", "text/plain; charset=utf-8"
                )
                return
            path = query.get("path", [None])[0]  # the page the tab shows: reload only when it changed
            if not self.server.waits.acquire(blocking=False):  # too many tabs: this one asks again later
                busy = json.dumps({"generation": since, "busy": True}).encode()
                self._send(HTTPStatus.OK, busy, "application/json", close=True)
                return
            try:
                number = builder.generation.wait(since, 0 if self._head else WAIT_SECONDS, path)
            finally:
                self.server.waits.release()
            self._send(HTTPStatus.OK, builder.generation.as_json(number), "application/json", close=True)
            return
        if parts.path == "/":
            self._send(HTTPStatus.OK, self._inject(self._index(), None).encode(), "text/html; charset=utf-8")
            return
        target = resolve(builder.site_root, self.path)
        if target is None:
            self._send(
                HTTPStatus.NOT_FOUND,
                self._inject("<h1>404</h1><p>Halaman tidak ada.</p>", None).encode(),
                "text/html; charset=utf-8",
            )
            return
        if target.name == "index.html" and target.parent.is_dir() and not parts.path.endswith(("/", ".html")):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", parts.path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            data = self._inject(data.decode("utf-8"), target).encode("utf-8")
            kind = "text/html; charset=utf-8"
        self._send(HTTPStatus.OK, data, kind)

    def _send(self, status: HTTPStatus, body: bytes, kind: str, close: bool = False) -> None:
        """One whole response; ``close`` ends the connection after it (a kept-alive idle connection
        holds a worker: a live-reload answer is followed by a new wait, on a new connection)."""
        self.send_response(status)
        if close:
            self.send_header("Connection", "close")
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not self._head:
            self.wfile.write(body)

    def _units(self) -> list[tuple[str, str]]:
        project = self.server.builder.project
        if project is None:
            return []
        return [(o.id, o.name) for o in project.network.offices]

    def _index(self) -> str:
        items = "".join(
            f'<li><a href="/{i}/">{html.escape(name)}</a> <code>{i}</code></li>' for i, name in self._units()
        )
        return (
            '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Pratinjau sitegen</title>'
            "</head><body><h1>Pratinjau semua unit</h1><ul>" + items + "</ul></body></html>"
        )

    def _inject(self, page: str, target: Path | None) -> str:
        """Add the switcher, the overlay and the reload script to a served page (never to the file)."""
        generation = self.server.builder.generation
        top = self._switcher(target)
        nonce = secrets.token_urlsafe(16)  # the built page's policy forbids inline script but this one
        page = allow_script(page, nonce)
        script = (SCRIPT % (generation.number, WAIT_PATH)).replace("<script>", f'<script nonce="{nonce}">', 1)
        bottom = overlay(generation.problems) + script
        page = page.replace("</head>", STYLE + "</head>", 1) if "</head>" in page else STYLE + page
        page = page.replace("<body>", "<body>" + top, 1) if "<body>" in page else top + page
        head, sep, tail = page.rpartition("</body>")
        return head + bottom + sep + tail if sep else page + bottom

    def _switcher(self, target: Path | None) -> str:
        """Links to the same page as every other unit publishes it (or that unit's home)."""
        root = self.server.builder.site_root.resolve()
        current, rest = "", ""
        if target is not None:
            rel = target.relative_to(root).as_posix()
            current, _, rest = rel.partition("/")
        links = ['<a href="/">Semua unit</a>']
        for unit, name in self._units():
            path = rest if (root / unit / rest).is_file() else "index.html"
            href = "/" + unit + "/" + (path[: -len("index.html")] if path.endswith("index.html") else path)
            mark = ' aria-current="page"' if unit == current else ""
            links.append(f'<a href="{html.escape(href)}"{mark} title="{html.escape(name)}">{unit}</a>')
        return '<nav id="sitegen-bar" aria-label="Pratinjau unit">Pratinjau: ' + " ".join(links) + "</nav>"


def serve(builder: PreviewBuilder, host: str, port: int) -> PreviewServer:
    """Bind the server (port 0 picks a free one); the caller runs serve_forever."""
    os.makedirs(builder.site_root, exist_ok=True)
    return PreviewServer((host, port), builder)
