"""New pages with complete, valid front matter, placed where the build expects them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sitegen.config.settings import Network, Office
from sitegen.config.yaml_lines import NOT_XML
from sitegen.i18n import _
from sitegen.sources.layout import DATED_SECTIONS, MAIN_SECTIONS
from sitegen.sources.source import PLACEHOLDER
from sitegen.urls import BUNDLE_INDEX, page_url, slugify

ANNOUNCEMENT_DAYS = 14
_ID_LINE = re.compile(r"^id:\s*(\S+)", re.M)


MAX_TITLE = 150  # characters: a title longer than this is no heading but a paragraph
MAX_SLUG = 150  # the file name (date, slug, .md) stays well within a file system's 255 bytes


class ScaffoldError(Exception):
    """The page cannot be created (it exists, or the request does not fit the layout)."""


@dataclass(frozen=True)
class NewPage:
    path: Path
    text: str


def plan_page(
    root: Path,
    network: Network,
    section: str,
    title: str,
    office: Office | None,
    now: datetime,
    override: bool = False,
) -> NewPage:
    """Where a new page goes and what it starts with; nothing is written here."""
    section = section.strip("/")
    parts = section.split("/")
    if not section or any(not p or slugify(p) != p for p in parts) or parts[0] not in MAIN_SECTIONS:
        raise ScaffoldError(
            _(
                "section {section!r} is not a section of the sites; use one of "
                "{sections} (or a folder inside one, such as layanan/wni)",
                section=section,
                sections=", ".join(MAIN_SECTIONS),
            )
        )
    dated = parts[0] in DATED_SECTIONS
    if dated and office is None:
        raise ScaffoldError(_("{section} belongs to one unit: name it with --office", section=parts[0]))
    title = title.strip()
    local = now.astimezone(office.tz if office else UTC).replace(microsecond=0)
    slug = _slug(title, local)
    content = root / "content"
    folder = content / ("offices/" + office.id if office else "shared") / section
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if dated:
        assert office is not None
        name = f"{local:%Y-%m-%d}-{slug}.md"
        _refuse_slug_in_use(folder, slug, section)
        lines.append(f"date: {local.isoformat()}")
        # pins the feed id it would get anyway, so correcting the time later never changes it
        lines.append(f"id: {_unique_id(folder, f'{parts[0]}/{local.astimezone(UTC):%Y%m%dT%H%M%SZ}')}")
        if parts[0] == "pengumuman":
            until = (local + timedelta(days=ANNOUNCEMENT_DAYS)).date()
            lines.append(
                f"expires: {until.isoformat()}  # " + _("the last day this announcement is in force")
            )
        lines += [
            f"author: Humas {office.short_name}",
            'category: ""',
            "tags: []",
        ]
    else:
        name = f"{slug}.md"
    lines += [
        'summary: ""',
        "draft: true  # " + _("delete this line when the page is ready to publish"),
        "---",
        "",
    ]
    lines += [PLACEHOLDER, ""]
    path = folder / name
    if path.exists():
        raise ScaffoldError(
            _("{path} already exists; choose another title or edit that file", path=path.relative_to(root))
        )
    shared = content / "shared" / section / name
    if office is not None and not dated and shared.exists() and not override:
        raise ScaffoldError(
            _(
                "{shared} is a shared page; a page at {path} would replace it for {unit}. "
                "Choose another title, or add --override to replace it on purpose",
                shared=shared.relative_to(root),
                path=path.relative_to(root),
                unit=office.id,
            )
        )
    return NewPage(path, "\n".join(lines))


def _slug(title: str, local: datetime) -> str:
    """The file name's slug: from the title's Latin letters, else from the time; never empty.

    A title is refused before any file is made when it is too long to name a file
    (file systems stop at 255 bytes) or holds a character no page or feed can carry.
    """
    if len(title) > MAX_TITLE:
        raise ScaffoldError(
            _(
                "the title is {size} characters long; at most {limit}, as it also names the file "
                "and the address (write a shorter title; put the rest in summary: or the text)",
                size=len(title),
                limit=MAX_TITLE,
            )
        )
    control = NOT_XML.search(title)
    if control:
        raise ScaffoldError(
            _(
                "the title holds the invisible control character U+{code:04X}; retype it",
                code=ord(control.group()),
            )
        )
    if not any(ch.isalnum() for ch in title):
        raise ScaffoldError(_('the title needs letters or digits, e.g. "Layanan Paspor Libur Natal"'))
    if "{{" in title or "{%" in title:  # the build refuses it there: nothing fills it in
        raise ScaffoldError(
            _('a title cannot hold {{ }} or {% %}; write it in words, e.g. "Jam dan Lokasi Layanan"')
        )
    slug = slugify(title)[:MAX_SLUG].rstrip("-")  # "ﬃ" becomes "ffi": letters may grow in number
    if slug == "halaman" and "halaman" not in title.lower():  # no Latin letters to make one from
        slug = f"halaman-{local:%Y%m%d-%H%M%S}"
    return slug


def _refuse_slug_in_use(folder: Path, slug: str, section: str) -> None:
    """A second item at one URL would fail a later build: refuse it now."""
    url = page_url(f"{section}/{slug}.md")
    for existing in _pages_in(folder):
        name = existing.relative_to(folder).as_posix()
        if page_url(f"{section}/{name}") == url:
            raise ScaffoldError(
                _(
                    "{name} already publishes /{url}; choose another title (for a yearly notice, put the year in it)",
                    name=name,
                    url=url,
                )
            )


def _pages_in(folder: Path) -> list[Path]:
    """The pages of a section folder: its Markdown files and its page bundles' index.md."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.md")) + sorted(folder.glob(f"*/{BUNDLE_INDEX}"))


def _unique_id(folder: Path, wished: str) -> str:
    """The id to pin, different from every id already pinned in that folder."""
    taken = set()
    for existing in _pages_in(folder):
        taken.update(_ID_LINE.findall(existing.read_text(encoding="utf-8", errors="replace")))
    chosen, n = wished, 2
    while chosen in taken:
        chosen, n = f"{wished}-{n}", n + 1
    return chosen


def write_page(page: NewPage) -> None:
    """Create the file, never overwriting one that appeared meanwhile."""
    page.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with page.path.open("x", encoding="utf-8") as handle:
            handle.write(page.text)
    except FileExistsError:
        raise ScaffoldError(_("{path} already exists", path=page.path)) from None
