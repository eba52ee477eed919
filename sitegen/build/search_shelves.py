"""Search shelves a build does not give to Pagefind: kept in the cache, taken back, carried over.

A unit's search index is made shelf by shelf (:mod:`sitegen.render.search`). A shelf whose
pages are as they were, as Pagefind reads them, needs no Pagefind run: the build takes it
over from the current site unread, or from the persistent cache, and keeps every shelf
Pagefind made for later builds.
The pipeline decides when to index; this module knows where a made shelf is kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sitegen.build.output import Output
from sitegen.build.staging import SiteWriter
from sitegen.render import search as searching
from sitegen.render.search import FOLDER as SEARCH_FOLDER
from sitegen.render.search import IndexFiles, Shelf
from sitegen.sources.cache import Cache


def remembering(cache: Cache, unit: str, stored: set[str]) -> Callable[[list[Shelf]], None]:
    """Keep a unit's newly made shelves in the persistent cache: a later build that changes none
    of a shelf's pages (an edit on another shelf, or elsewhere) then skips Pagefind for it.

    Two entries per shelf: its files, and their digests alone. A later build reads the
    digests first; where the current site holds those very files it takes them over
    unread, and the files' bytes (a shelf is ~1 MB) are read only to repair a damaged site.
    Pagefind's own scripts and engine, alike in every index, are kept once by digest
    (``stored``: those kept by this build), not once per shelf: 47 MB of `national`'s cache."""

    def remember(shelves: list[Shelf]) -> None:
        for shelf in shelves:
            if not shelf.fresh:
                continue
            place = f"search:{unit}:{shelf.number}"
            digests = [[path, hashlib.sha256(data).hexdigest()] for path, data in shelf.files]
            files: list[tuple[str, bytes | str]] = []
            for (path, data), (_path, digest) in zip(shelf.files, digests, strict=True):
                if not searching.same_in_every_index(path):
                    files.append((path, data))
                    continue
                files.append((path, digest))  # the bytes under "search-file", by this digest
                if digest not in stored:
                    cache.put("search-file", digest, data)
                    stored.add(digest)
            cache.put(place, "index", (shelf.key, files))
            cache.put(place, "index-digests", (shelf.key, digests))

    return remember


def known_shelf(cache: Cache, writer: SiteWriter, number: int, key: str) -> Shelf | None:
    """Shelf ``number`` as the cache knows it for ``key``: taken over from the current site where
    every file of it stands intact, else its files from the cache; None when never made."""
    place = f"search:{writer.site_id}:{number}"
    digests = cache.lookup(place, "index-digests")  # lookups: one entry each, not the shelf
    if digests is not None and digests[0] != key:
        return None  # other pages: Pagefind runs
    if digests is not None and all(writer.old.get(p) == d for p, d in digests[1]):
        return Shelf(number, key, [], kept=tuple(path for path, _digest in digests[1]))
    known = cache.lookup(place, "index")
    if known is None or known[0] != key:
        return None
    files: IndexFiles = []
    for path, data in known[1]:
        data = data if isinstance(data, bytes) else cache.lookup("search-file", data)
        if not isinstance(data, bytes):
            return None  # a file kept apart is gone: Pagefind runs
        files.append((path, data))
    return Shelf(number, key, files)


def views(cache: Cache, writer: SiteWriter, shelves: list[list[str]], made: dict[str, str]) -> dict[str, str]:
    """Each shelved page's view digest (:func:`sitegen.render.search.view_digest`): ``made`` for
    the pages rendered by this build, else the cache's for the page's bytes, else read from
    the page's file. Every view found is kept in the cache by the digest of its page's bytes,
    so a later build reads no page it did not make."""
    found: dict[str, str] = {}
    for path in (p for shelf in shelves for p in shelf):
        page = writer.new[path]
        view = made.get(path)
        if view is None:
            view = cache.get("search-view", page)
            if isinstance(view, str):
                found[path] = view
                continue
            view = searching.view_digest(writer.where(path).read_bytes())
        cache.put("search-view", page, view)
        found[path] = view
    return found


def kept_index(output: Output, unit: str) -> IndexFiles:
    """The unit's search index files as the last build made them, to carry over unchanged."""
    kept = []
    for rel in sorted(output.manifest(unit)):
        path = output.root / unit / rel
        if rel.startswith(SEARCH_FOLDER + "/") and path.is_file():
            kept.append((rel, path.read_bytes()))
    return kept
