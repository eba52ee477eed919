"""Lists that scale: a long list split into numbered pages, and an article's neighbours.

Plain data for templates: the model says which pages exist, this module says
how a list of them is cut; urls.py says where each cut lives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.urls import list_page_url

if TYPE_CHECKING:
    from sitegen.structure.site import Page


@dataclass(frozen=True)
class Pager:
    """One page of a paginated list: its items and the URLs of its neighbours."""

    items: tuple[Page, ...]
    number: int  # 1-based
    total: int
    base: str  # the list's own URL, "berita/": page 1 lives there

    @property
    def url(self) -> str:
        return list_page_url(self.base, self.number)

    @property
    def prev_url(self) -> str | None:
        return list_page_url(self.base, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return list_page_url(self.base, self.number + 1) if self.number < self.total else None

    @property
    def urls(self) -> list[tuple[int, str]]:
        """Every page of the list, numbered, for a page-number strip."""
        return [(n, list_page_url(self.base, n)) for n in range(1, self.total + 1)]


def paginate(items: list[Page], base: str, size: int) -> list[Pager]:
    """Cut ``items`` into pages of ``size``; an empty list still has its first page."""
    size = max(1, size)
    chunks = [tuple(items[i : i + size]) for i in range(0, len(items), size)] or [()]
    return [Pager(chunk, n, len(chunks), base) for n, chunk in enumerate(chunks, 1)]


@dataclass(frozen=True)
class Neighbours:
    """The items either side of an article in its section, newest first: "newer" and "older"."""

    newer: Page | None
    older: Page | None


def neighbours(ordered: list[Page], page: Page) -> Neighbours:
    """``page``'s neighbours in ``ordered`` (newest first); none when it is not in the list."""
    for i, candidate in enumerate(ordered):
        if candidate is page:
            newer = ordered[i - 1] if i > 0 else None
            older = ordered[i + 1] if i + 1 < len(ordered) else None
            return Neighbours(newer, older)
    return Neighbours(None, None)
