"""RSS 2.0 and Atom feeds for every unit (filled in by the feeds work)."""

from __future__ import annotations

from collections.abc import Callable

from .config import Office
from .model import Site


def feed_files(site: Site, models: Callable[[Office], Site]) -> list[tuple[str, bytes]]:
    """Every feed file of ``site``; ``models`` gives other units' sites (for the regional feed)."""
    return []
