"""New pages with complete, valid front matter, placed where the build expects them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .config import Network, Office
from .sources import DATED_SECTIONS
from .urls import slugify

ANNOUNCEMENT_DAYS = 14


class ScaffoldError(Exception):
    """The page cannot be created (it exists, or the request does not fit the layout)."""


@dataclass(frozen=True)
class NewPage:
    path: Path
    text: str


def plan_page(
    root: Path, network: Network, section: str, title: str, office: Office | None, now: datetime
) -> NewPage:
    """Where a new page goes and what it starts with; nothing is written here."""
    section = section.strip("/")
    parts = section.split("/")
    if not section or any(not p or slugify(p) != p for p in parts):
        raise ScaffoldError(f"section {section!r} is not a content folder such as berita or layanan/wni")
    dated = parts[0] in DATED_SECTIONS
    if dated and office is None:
        raise ScaffoldError(f"{parts[0]} belongs to one unit: name it with --office")
    slug = slugify(title)
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if dated:
        assert office is not None
        local = now.astimezone(office.tz).replace(microsecond=0)
        name = f"{local:%Y-%m-%d}-{slug}.md"
        lines.append(f"date: {local.isoformat()}")
        # pins the feed id it would get anyway, so correcting the time later never changes it
        lines.append(f"id: {parts[0]}/{local.astimezone(UTC):%Y%m%dT%H%M%SZ}")
        if parts[0] == "pengumuman":
            until = (local + timedelta(days=ANNOUNCEMENT_DAYS)).date()
            lines.append(f"expires: {until.isoformat()}  # the last day this announcement is in force")
        lines += [
            f"author: Humas {office.short_name}",
            'category: ""',
            "tags: []",
        ]
    else:
        name = f"{slug}.md"
    lines += ['summary: ""', "---", "", "Tulis isi halaman di sini.", ""]
    folder = root / "content" / ("offices/" + office.id if office else "shared") / section
    path = folder / name
    if path.exists():
        raise ScaffoldError(
            f"{path.relative_to(root)} already exists; choose another title or edit that file"
        )
    return NewPage(path, "\n".join(lines))


def write_page(page: NewPage) -> None:
    """Create the file, never overwriting one that appeared meanwhile."""
    page.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with page.path.open("x", encoding="utf-8") as handle:
            handle.write(page.text)
    except FileExistsError:
        raise ScaffoldError(f"{page.path} already exists") from None
