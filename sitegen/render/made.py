"""A file made beside the pages (a feed, the OPML, the editor), made only when it is needed.

A build after an edit keeps every file whose inputs are as before
(:mod:`sitegen.build.dependencies`). Templates note the bodies they read as
they render; a file made in Python says up front which pages' bodies it
shows, so it can be kept without being made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class Made(NamedTuple):
    """One file: where it goes, how to make it, and the pages whose body it shows.

    ``reads`` is None when the file shows more than the unit's own pages (the
    regional feed, the OPML): such a file is made every time.
    """

    path: str
    make: Callable[[], bytes]
    reads: tuple[str, ...] | None = None


def const(data: bytes) -> Callable[[], bytes]:
    """A maker for bytes already at hand."""
    return lambda: data
