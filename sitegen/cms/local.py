"""decap-server on this computer, for ``sitegen serve --cms``: the web editor against a local clone.

decap-server (the Decap CMS project's proxy, an npm program) reads and writes the
clone's files on Decap's behalf; it listens on 127.0.0.1 only. The preview's
builds then include each unit's editor pointed at it (``SITEGEN_CMS_PROXY``), and the
files it writes are rebuilt and reloaded like any saved file.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click

from sitegen.cms.admin import LOCAL_ENV

EXIT_USAGE = 2  # as every command: the program cannot run as asked
HOST = "127.0.0.1"
PORT = 8081
INSTALL = "npm ci --prefix .ci/tools --no-audit --no-fund"  # decap-server is pinned in .ci/tools
NODE_INSTALL = "sudo apt-get install nodejs npm"


@dataclass
class Proxy:
    process: subprocess.Popen
    url: str

    def stop(self) -> None:
        os.environ.pop(LOCAL_ENV, None)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()


def program(root: Path) -> Path | None:
    """The decap-server to run: the repository's pinned one, else one on PATH."""
    pinned = root / ".ci" / "tools" / "node_modules" / ".bin" / "decap-server"
    if pinned.is_file():
        return pinned
    found = shutil.which("decap-server")
    return Path(found) if found else None


def missing(root: Path) -> str | None:
    """What is missing to run the editor locally, as one line with the command that installs it."""
    if shutil.which("node") is None:
        return f"sitegen serve --cms needs Node.js for decap-server; install it ({NODE_INSTALL}), then run {INSTALL}"
    if program(root) is None:
        return f"sitegen serve --cms needs decap-server; install it with: {INSTALL}"
    return None


def start(root: Path, port: int = PORT) -> Proxy:
    """Start decap-server writing into ``root`` on 127.0.0.1; exit 2 with the install line if it cannot."""
    problem = missing(root)
    if problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(EXIT_USAGE)
    env = dict(
        os.environ, PORT=str(port), BIND_HOST=HOST, GIT_REPO_DIRECTORY=str(root), MODE="fs", LOG_LEVEL="warn"
    )
    process = subprocess.Popen([str(program(root))], cwd=root, env=env, stdin=subprocess.DEVNULL)
    url = f"http://{HOST}:{port}/api/v1"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            click.echo(f"error: decap-server stopped at once (is port {port} taken?)", err=True)
            sys.exit(EXIT_USAGE)
        try:
            with socket.create_connection((HOST, port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.1)
    os.environ[LOCAL_ENV] = url
    return Proxy(process, url)
