"""Search without a server: a Pagefind index of each unit's pages, made at build time.

Why Pagefind: it indexes the built HTML (titles and text as readers see them),
writes a static index split into small fragments that a browser fetches only
as a query needs them (a phone downloads a few kilobytes, not the whole site),
runs from any static host with no server and no third party, and ships as a
Python package with its binary, so it is an ordinary declared dependency.

Pure in the sense the build needs: pages in, files out. The index is written
into a temporary folder and handed back as bytes, so the one writer
(output.py) stages and records these files like every other file of the site.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitegen.structure.model import Site

FOLDER = "pagefind"  # where the index lives in each unit's site
UNUSED = ("pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")  # interfaces not used
IndexFiles = list[tuple[str, bytes]]  # an index's files: (site path, bytes)
_MADE: dict[str, IndexFiles] = {}  # digest of the inputs -> files: one index per input, per process
INSTALL_HINT = "install it with: pip install 'pagefind[bin]' (a declared dependency of sitegen)"


class SearchUnavailable(RuntimeError):
    """Pagefind (or its binary) is missing or failed: the build cannot make the search index."""


def inputs_digest(pages: list[tuple[str, str]], language: str) -> str:
    """What an index is made from, as one digest: the same digest, the same index files."""
    return hashlib.sha256(repr((language, pages)).encode("utf-8")).hexdigest()


def search_key(files: list[tuple[str, str]], language: str) -> str:
    """What a unit's index is made from, by its pages' file digests ((output path, sha256)).

    Equal keys mean equal pages, so a build can reuse an index without reading a page.
    """
    return hashlib.sha256(repr(("pages", language, files)).encode("utf-8")).hexdigest()


def index(pages: list[tuple[str, str]], language: str) -> IndexFiles:
    """Index ``pages`` ((site URL "berita/x/", HTML)) and return the index files by site path.

    Only the part of a page marked ``data-pagefind-body`` (the main content) is
    indexed, so menus and footers do not match every query.
    """
    key = inputs_digest(pages, language)
    if key not in _MADE:
        if len(_MADE) >= 16:
            _MADE.pop(next(iter(_MADE)))  # a few units' worth: identical inputs recur (preview, checks)
        _MADE[key] = _index(pages, language)
    return _MADE[key]


def _index(pages: list[tuple[str, str]], language: str) -> IndexFiles:
    try:
        from pagefind_bin import get_executable

        binary = get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise SearchUnavailable(f"Pagefind is not installed; {INSTALL_HINT}") from exc
    with tempfile.TemporaryDirectory(prefix="sitegen-search-") as tmp:
        out, pages_dir = Path(tmp) / FOLDER, Path(tmp) / "site"
        for url, html in pages:
            target = pages_dir / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        command = [str(binary), "--site", str(pages_dir), "--output-path", str(out)]
        command += ["--force-language", language, "--quiet"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchUnavailable(f"Pagefind could not run ({exc}); {INSTALL_HINT}") from exc
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
            raise SearchUnavailable(f"Pagefind failed: {detail[0]}")
        return [
            (f"{FOLDER}/{path.relative_to(out).as_posix()}", path.read_bytes())
            for path in sorted(out.rglob("*"))
            if path.is_file() and not path.name.startswith(UNUSED)
        ]


def search_inputs(site: Site, pages: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], str]:
    """What a unit's index is made of: its pages by URL (the search page left out), and its language."""
    from sitegen.urls import SEARCH, file_for

    own = file_for(SEARCH)
    urls = [(path.removesuffix("index.html"), html) for path, html in sorted(pages) if path != own]
    return urls, site.network.default_language


def search_files(site: Site, pages: list[tuple[str, str]]) -> IndexFiles:
    """The index of a unit's pages ((output path, HTML))."""
    return index(*search_inputs(site, pages))
