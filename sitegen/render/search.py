"""Search without a server: a Pagefind index of each unit's pages, made at build time.

Why Pagefind: it indexes the built HTML (titles and text as readers see them),
writes a static index split into small fragments that a browser fetches only
as a query needs them (a phone downloads a few kilobytes, not the whole site),
runs from any static host with no server and no third party, and ships as a
Python package with its binary, so it is an ordinary declared dependency.

Pure in the sense the build needs: pages in, files out. The index is written
into a temporary folder and handed back as bytes, so the one writer
(output.py) stages and records these files like every other file of the site.

Why shelves: Pagefind builds a whole index from all its pages every time, so
one edited item in a unit of 1,000 would cost the whole unit's indexing. A
unit's pages are therefore spread over shelves of about ``SHELF_SIZE`` pages,
each page on the shelf its address picks (a digest, so a page never moves
while the count stays), each shelf its own Pagefind index; an edit re-indexes
one shelf. The search page merges the shelves (Pagefind's ``mergeIndex``),
listed in ``pagefind/shelves.json``; the pages found are the same as with one
index. A unit under ``SHELF_SIZE`` pages (every shipped one) has one shelf.

A shelf is known by its pages as Pagefind reads them (:func:`search_view`), not by
their files: a theme's footer or menu changed remakes every page and no index.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sitegen.i18n import N_, _

FOLDER = "pagefind"  # where the index lives in each unit's site
SHELVES = f"{FOLDER}/shelves.json"  # the shelves after the first, for the search page to merge
SHELF_SIZE = 400  # pages per shelf: an edit re-indexes this many; each shelf adds ~70 KB to a first search
UNUSED = ("pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")  # interfaces not used
IndexFiles = list[tuple[str, bytes]]  # an index's files: (site path, bytes)
_MADE: dict[str, IndexFiles] = {}  # digest of the inputs -> files: one index per input, per process
INSTALL_HINT = N_("install it with: pip install 'pagefind[bin]' (a declared dependency of sitegen)")


class SearchUnavailable(RuntimeError):
    """Pagefind (or its binary) is missing or failed: the build cannot make the search index."""


def search_key(views: list[tuple[str, str]], language: str, shelf: int = 0, shelves: int = 1) -> str:
    """What a shelf's index is made from, by its pages' views ((output path, :func:`view_digest`)).

    Equal keys mean equal pages as Pagefind reads them, so a build can reuse an index
    without reading a page, and a change Pagefind never sees (a footer, the menu, a
    stylesheet's address) costs no indexing.
    """
    return hashlib.sha256(repr(("views", language, shelf, shelves, views)).encode("utf-8")).hexdigest()


_BODY = b"data-pagefind-body"
_OPEN_TAG = re.compile(rb"<([a-z][a-z0-9-]*)")
_HTML_TAG = re.compile(rb"<html\b[^>]*>")
_TITLE = re.compile(rb"<title\b[^>]*>.*?</title\s*>", re.DOTALL)
_H1 = re.compile(rb"<h1[\s>]")
_IMG = re.compile(rb"<img[\s/>]")
_RAW_TEXT = re.compile(rb"<(?:script|style|template|textarea|!--)")


def view_digest(page: bytes) -> str:
    """A digest of what Pagefind reads of ``page`` (see :func:`search_view`)."""
    return hashlib.sha256(search_view(page)).hexdigest()


def search_view(page: bytes) -> bytes:
    """What of a built page its search index depends on: the whole page, unless that is surely less.

    Pagefind indexes the text of the one element marked ``data-pagefind-body``, takes a
    result's title from the page's first ``h1`` and its picture from the first ``img``
    after it, reads ``data-pagefind-*`` attributes wherever they stand, and the language
    from ``<html>``. So the view is ``<html>``, ``<title>`` and that element, where the rest
    of the page holds none of those (a theme's header, menu and footer, as the default
    theme's do); otherwise, or where the element's end is not plain to find, the page.
    The index is still made from the pages themselves: the view only decides when an
    index made before is the same one.
    """
    lower = page.lower()
    start = lower.find(_BODY)
    if start < 0 or lower.find(_BODY, start + len(_BODY)) >= 0:
        return page
    start = lower.rfind(b"<", 0, start)
    opened = _OPEN_TAG.match(lower, start)
    end = _element_end(lower, start, opened.group(1)) if opened else -1
    if end < 0 or _RAW_TEXT.search(lower, start, end):
        return page
    before, after = lower[:start], lower[end:]
    if b"data-pagefind" in before or b"data-pagefind" in after or _H1.search(before) or _H1.search(after):
        return page
    if _IMG.search(after):
        return page
    head = (found for found in (_HTML_TAG.search(lower, 0, start), _TITLE.search(lower, 0, start)) if found)
    return b"\n".join([*(page[found.start() : found.end()] for found in head), page[start:end]])


def _element_end(lower: bytes, start: int, name: bytes) -> int:
    """Where the element opened at ``start`` ends (after its closing tag), by counting its
    own kind of tag in and out; -1 where it is not closed."""
    close = lower.find(b"</" + name, start)
    plain = close >= 0 and lower[close + 2 + len(name) : close + 3 + len(name)] in (b">", b" ", b"\n")
    if plain and lower.find(b"<" + name, start + 1, close) < 0:  # nothing of its kind inside
        end = lower.find(b">", close)
        return -1 if end < 0 else end + 1
    tags = re.compile(rb"<(/?)" + re.escape(name) + rb"[\s/>]")
    depth = 0
    for found in tags.finditer(lower, start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            close = lower.find(b">", found.end() - 1)
            return -1 if close < 0 else close + 1
    return -1


@dataclass(frozen=True)
class Shelf:
    """One shelf's index files, in their place in the site, and the key of the pages they index."""

    number: int
    key: str
    files: IndexFiles
    fresh: bool = False  # made by this build (worth keeping for the next), not taken from a cache
    kept: tuple[str, ...] = ()  # files the current site holds as they would be made: taken over unread


def index_shelves(
    todo: list[tuple[int, str, list[tuple[str, Path]]]], language: str, scratch: Path | None = None
) -> list[Shelf]:
    """Index each shelf of ``todo`` ((number, key, pages by URL and file)) with its own Pagefind run.

    The runs go side by side, one per core: Pagefind works on one core, and a big unit's
    shelves were the tail of a cold build while the other cores idled. ``scratch`` is
    where the runs work (see :func:`index`).
    """

    def one(shelf: tuple[int, str, list[tuple[str, Path]]]) -> Shelf:
        number, key, pages = shelf
        return Shelf(number, key, shelf_files(index(pages, language, key, scratch), number), fresh=True)

    if len(todo) < 2:
        return [one(shelf) for shelf in todo]
    with ThreadPoolExecutor(min(len(todo), os.cpu_count() or 1)) as runs:
        return list(runs.map(one, todo))


def index(pages: list[tuple[str, Path]], language: str, key: str, scratch: Path | None = None) -> IndexFiles:
    """Index ``pages`` ((site URL "berita/x/", the page's file)) and return the index files by site path.

    ``key`` (:func:`search_key`) names the pages' contents: an index made once for a key
    in this process is not made again. The pages are read from their files (staged by
    the build) rather than held in memory, so a unit of thousands of pages costs its
    files, not their text. Only the part of a page marked ``data-pagefind-body`` (the
    main content) is indexed, so menus and footers do not match every query.

    Pagefind works in a folder of ``scratch`` (the system's temporary folder when None).
    The build passes one beside its staged files: on the same file system the pages
    are linked rather than copied, and Pagefind's many small files stay off a slower
    disk (an edit's one shelf took 1.35 s in /tmp on disk, 0.5 s beside output on tmpfs).
    """
    if key not in _MADE:
        if len(_MADE) >= 16:
            _MADE.pop(next(iter(_MADE)))  # a few shelves' worth: identical inputs recur (preview, checks)
        _MADE[key] = _index(pages, language, scratch)
    return _MADE[key]


def _index(pages: list[tuple[str, Path]], language: str, scratch: Path | None = None) -> IndexFiles:
    try:
        from pagefind_bin import get_executable

        binary = get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise SearchUnavailable(_("Pagefind is not installed; {hint}", hint=_(INSTALL_HINT))) from exc
    with tempfile.TemporaryDirectory(prefix="sitegen-search-", dir=scratch) as tmp:
        out, pages_dir = Path(tmp) / FOLDER, Path(tmp) / "site"
        for url, page in pages:
            target = pages_dir / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, target)  # the staged file itself, where the file system allows
            except OSError:
                shutil.copyfile(page, target)
        command = [str(binary), "--site", str(pages_dir), "--output-path", str(out)]
        command += ["--force-language", language, "--quiet"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchUnavailable(
                _("Pagefind could not run ({error}); {hint}", error=exc, hint=_(INSTALL_HINT))
            ) from exc
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [_("no message")]
            raise SearchUnavailable(_("Pagefind failed: {detail}", detail=detail[0]))
        return [
            (f"{FOLDER}/{path.relative_to(out).as_posix()}", path.read_bytes())
            for path in sorted(out.rglob("*"))
            if path.is_file() and not path.name.startswith(UNUSED)
        ]


def same_in_every_index(path: str) -> bool:
    """Whether a file of an index is one Pagefind writes alike into every index it makes (its
    scripts, style and search engine), whatever the pages: about 360 KB of each shelf."""
    name = path.rpartition("/")[2]
    return name in _PAGEFIND_OWN or (name.startswith("wasm.") and name.endswith(".pagefind"))


_PAGEFIND_OWN = frozenset({"pagefind.js", "pagefind-worker.js", "pagefind-ui.js", "pagefind-ui.css"})


def shelf_count(pages: int) -> int:
    """How many shelves a unit of ``pages`` searchable pages has (at least one)."""
    return max(1, -(-pages // SHELF_SIZE))


def shelf_of(path: str, shelves: int) -> int:
    """The shelf a page (by output path) sits on: its address decides, so it stays while the count does."""
    return int(hashlib.sha256(path.encode("utf-8")).hexdigest()[:8], 16) % shelves


def shelve(paths: list[str]) -> list[list[str]]:
    """The unit's searchable pages (output paths) by shelf, each shelf sorted."""
    count = shelf_count(len(paths))
    shelves: list[list[str]] = [[] for _ in range(count)]
    for path in sorted(paths):
        shelves[shelf_of(path, count)].append(path)
    return shelves


def shelf_folder(shelf: int) -> str:
    """Where a shelf's index lives: the first in ``pagefind/`` (with the search interface), the others beneath."""
    return FOLDER if shelf == 0 else f"{FOLDER}/{shelf + 1}"


def shelf_list(count: int) -> IndexFiles:
    """``pagefind/shelves.json``: the other shelves' folders, relative to the first, for the search page."""
    others = [f"{shelf_folder(k).removeprefix(FOLDER + '/')}/" for k in range(1, count)]
    return [(SHELVES, json.dumps(others).encode("utf-8"))]


def shelf_files(files: IndexFiles, shelf: int) -> IndexFiles:
    """A shelf's index files moved to its folder; the search interface is kept on the first shelf only."""
    if shelf == 0:
        return files
    folder = shelf_folder(shelf)
    return [
        (f"{folder}/{path.removeprefix(FOLDER + '/')}", data)
        for path, data in files
        if not path.removeprefix(FOLDER + "/").startswith("pagefind-ui.")
    ]


def searched_paths(paths: set[str]) -> list[str]:
    """The pages a unit's index holds (the search page itself left out), by output path."""
    from sitegen.urls import SEARCH, file_for

    own = file_for(SEARCH)
    return sorted(p for p in paths if p != own)
