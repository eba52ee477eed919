"""The archive: a section's dated items grouped by year and month.

Every item stays reachable in a few clicks however long the section grows,
and the archive is the search page's fallback when JavaScript is off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.urls import archive_url

if TYPE_CHECKING:
    from sitegen.structure.site import Page

MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


@dataclass(frozen=True)
class Month:
    """One month of one section: its items, newest first."""

    section: str
    year: int
    month: int
    items: tuple[Page, ...]

    @property
    def url(self) -> str:
        return archive_url(self.section, self.year, self.month)

    @property
    def name(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"


@dataclass(frozen=True)
class Year:
    """One year of one section: its months, newest first.

    ``/berita/arsip/2026/`` is an address readers type and shorten links to, so
    every year the archive names has a page of its own.
    """

    section: str
    year: int
    months: tuple[Month, ...]

    @property
    def url(self) -> str:
        return archive_url(self.section, self.year)

    @property
    def items(self) -> tuple[Page, ...]:
        return tuple(page for month in self.months for page in month.items)


@dataclass(frozen=True)
class Archive:
    """A section's archive: its months, newest first."""

    section: str
    months: tuple[Month, ...]

    @property
    def url(self) -> str:
        return archive_url(self.section)

    @property
    def years(self) -> list[tuple[int, list[Month]]]:
        """Months grouped under their year, newest year first."""
        grouped: dict[int, list[Month]] = {}
        for month in self.months:
            grouped.setdefault(month.year, []).append(month)
        return list(grouped.items())

    @property
    def year_pages(self) -> tuple[Year, ...]:
        """Each year as a page of its own, newest first."""
        return tuple(Year(self.section, year, tuple(months)) for year, months in self.years)


def archive(section: str, items: list[Page]) -> Archive:
    """Group ``items`` (dated, newest first) by the year and month of their date in the unit's zone."""
    groups: dict[tuple[int, int], list[Page]] = {}
    for page in items:
        if page.date is not None:
            groups.setdefault((page.date.year, page.date.month), []).append(page)
    months = tuple(
        Month(section, year, month, tuple(pages))
        for (year, month), pages in sorted(groups.items(), reverse=True)
    )
    return Archive(section, months)
