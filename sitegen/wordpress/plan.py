"""What an import will write: each item's file, front matter, body and old addresses; nothing is written here.

Decisions, in one place:

- Published and scheduled posts become news (``berita/<date>-<slug>.md``), published
  pages become pages of the unit (``<pages section>/<parent>/<slug>.md``, ``profil`` by default).
- Drafts and posts pending review are imported with ``draft: true``: the text is kept,
  nothing is published until an editor deletes that line. Private posts are skipped:
  their authors meant them for logged-in staff, and a repository is easily public.
  Trashed items, revisions, menus and other types are skipped and counted.
- The old GUID is pinned as ``id:`` (a value with a colon is used verbatim as the feed
  id), so a feed reader that knew the old feed sees no item twice.
- The old permalink's path becomes an ``aliases`` entry, so the old address redirects.
- Dates are the post's UTC time shown in the unit's zone, with its offset.
- The first category other than WordPress's default becomes ``category``; further
  categories and the tags become ``tags``.
- Links into the old site are pointed at the new pages and at copied uploads; an upload
  not at hand, or a page not imported, keeps its old absolute address and is reported.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..config import Office
from ..errors import Problems
from ..urls import UnsafePath, alias_url, check, file_for, page_url, slugify
from .convert import convert
from .record import Record
from .shortcodes import Picture
from .wxr import Export, Item

UPLOADS = "wp-content/uploads/"
STATIC_UPLOADS = "static/" + UPLOADS  # under content/offices/<id>/: served at /wp-content/uploads/, as before
DRAFT_STATUSES = ("draft", "pending")
PUBLISHED_STATUSES = ("publish", "future")
SKIP_REASONS = {
    "private": "private on the old site (meant for logged-in staff); not imported",
    "trash": "in the old site's trash; not imported",
    "auto-draft": "an empty automatic draft; not imported",
}
DEFAULT_CATEGORIES = ("uncategorized", "uncategorised", "tak-berkategori")
_NO_DATE = "0000-00-00 00:00:00"
_ID_LINE = re.compile(r"^id:\s*[\"']?(.*?)[\"']?\s*$", re.M)


@dataclass(frozen=True)
class Upload:
    """A file of the old wp-content/uploads/: copied when at hand, else listed for copying by hand."""

    rel: str  # below wp-content/uploads/, e.g. "2019/05/foto.jpg"
    url: str  # its old absolute address
    source: Path | None  # the file in --uploads, when given and present
    present: bool  # already in the unit's static folder (copied earlier, or by hand)
    usable: bool  # a file name the sites can serve
    line: int  # where the export first names it

    @property
    def target(self) -> str:
        return STATIC_UPLOADS + self.rel


@dataclass(frozen=True)
class Entry:
    """One file to write: a post or a page."""

    key: str  # the record's key: the old GUID
    item: Item
    rel: str  # below content/offices/<id>/
    url: str  # on the new site
    text: str
    draft: bool


@dataclass
class Plan:
    entries: list[Entry] = field(default_factory=list)
    uploads: dict[str, Upload] = field(default_factory=dict)
    skipped: list[tuple[Item, str]] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)  # other post types, by type
    comments: int = 0
    html_blocks: int = 0


class Planner:
    """Plans one export for one unit; reports what needs attention into ``problems``."""

    def __init__(
        self,
        export: Export,
        office: Office,
        unit_dir: Path,
        record: Record,
        uploads_dir: Path | None,
        pages_section: str,
        problems: Problems,
    ):
        self.export, self.office, self.unit_dir, self.record = export, office, unit_dir, record
        self.uploads_dir, self.pages_section, self.problems = uploads_dir, pages_section, problems
        self.plan = Plan()
        self.hosts = {_host(u) for u in (export.site_url, export.blog_url) if u}
        self.attachments = {i.post_id: i for i in export.items if i.post_type == "attachment"}
        self.pages = {i.post_id: i for i in export.items if i.post_type == "page"}
        self.targets: dict[str, str] = {}  # old address (normalised) -> new site URL ("/berita/x/")
        self.attachment_pages = {_normal(a.link): a for a in self.attachments.values() if a.link}
        self.pictures: dict[int, Picture] | None = None

    # -- public -------------------------------------------------------------------------------

    def run(self) -> Plan:
        chosen = self._select()
        placed = self._place(chosen)
        for item, _rel, url, draft in placed:
            if not draft:
                for old in (item.link, item.guid, *_id_links(self.export.site_url, item)):
                    self.targets.setdefault(_normal(old), "/" + url)
        for attachment in self.attachments.values():
            self._upload(_upload_rel(attachment), attachment.line)
        for item, rel, url, draft in placed:
            self.plan.entries.append(
                Entry(self._key(item), item, rel, url, self._text(item, url, draft), draft)
            )
        return self.plan

    # -- choosing and placing -------------------------------------------------------------------

    def _select(self) -> list[tuple[Item, bool]]:
        chosen = []
        for item in self.export.items:
            if item.post_type == "attachment":
                continue
            if item.post_type not in ("post", "page"):
                self.plan.ignored[item.post_type or "(no type)"] += 1
                continue
            self.plan.comments += item.comments
            if item.status in PUBLISHED_STATUSES or item.status in DRAFT_STATUSES:
                chosen.append((item, item.status in DRAFT_STATUSES))
            else:
                reason = SKIP_REASONS.get(item.status, f"status {item.status!r}; not imported")
                self.plan.skipped.append((item, reason))
        return chosen

    def _place(self, chosen: list[tuple[Item, bool]]) -> list[tuple[Item, str, str, bool]]:
        """A file and URL for each item: its recorded file first, then new ones oldest first."""
        own = {entry["path"] for entry in self.record.items.values()}
        taken: dict[str, str] = {}
        for path in sorted(self.unit_dir.rglob("*.md")) if self.unit_dir.is_dir() else []:
            rel = path.relative_to(self.unit_dir).as_posix()
            if rel.startswith("static/") or rel in own:
                continue
            taken[page_url(rel)] = rel
        placed: list[tuple[Item, str, str, bool]] = []
        fresh = []
        for item, draft in chosen:
            rel = self.record.path_of(self._key(item))
            if rel is None:
                fresh.append((item, draft))
                continue
            placed.append((item, rel, page_url(rel), draft))
            taken[page_url(rel)] = rel
        fresh.sort(key=lambda pair: (pair[0].post_type != "page", self._moment(pair[0]), pair[0].post_id))
        for item, draft in fresh:
            rel = self._free_name(item, taken)
            taken[page_url(rel)] = rel
            placed.append((item, rel, page_url(rel), draft))
        return sorted(placed, key=lambda p: p[1])

    def _free_name(self, item: Item, taken: dict[str, str]) -> str:
        slug = _slug(item) or slugify(_title(item)) or f"wp-{item.post_id}"
        if item.post_type == "page":
            folder = "/".join([self.pages_section, *self._ancestors(item)])
            prefix = ""
        else:
            folder, prefix = "berita", f"{self._moment(item):%Y-%m-%d}-"
        year = f"{self._moment(item):%Y}"
        for n, candidate in enumerate(
            [slug, f"{slug}-{year}", *(f"{slug}-{year}-{k}" for k in range(2, 1000))]
        ):
            rel = f"{folder}/{prefix}{candidate}.md"
            if page_url(rel) not in taken and not (self.unit_dir / rel).exists():
                shared = self.unit_dir.parent.parent / "shared" / rel
                if shared.exists():
                    self._attention(
                        item.line,
                        f"this page goes to {rel}, which replaces the shared page for {self.office.id}",
                        "if the shared page says the same, delete the imported one",
                    )
                if n:
                    self._attention(
                        item.line,
                        f"/{page_url(f'{folder}/{slug}.md')} is taken, so this item gets /{page_url(rel)}",
                    )
                return rel
        raise AssertionError("no free name")  # a thousand items with one slug and year cannot happen

    def _ancestors(self, item: Item) -> list[str]:
        chain: list[str] = []
        seen = {item.post_id}
        parent = self.pages.get(item.parent)
        while parent is not None and parent.post_id not in seen:
            seen.add(parent.post_id)
            chain.insert(0, _slug(parent) or slugify(_title(parent)))
            parent = self.pages.get(parent.parent)
        return chain

    # -- one file ---------------------------------------------------------------------------------

    def _text(self, item: Item, url: str, draft: bool) -> str:
        title = _title(item)
        if not title:
            title = f"Tanpa judul ({self._moment(item):%Y-%m-%d})"
            self._attention(
                item.line, "the item has no title; it was given one from its date", "write a title"
            )
        converted = convert(
            item.content,
            lambda link, offset: self._relink(link, item.line_in_content(offset)),
            self._pictures(),
            lambda: self._own_pictures(item),
        )
        self.plan.html_blocks += converted.html_blocks
        for note in converted.notes:
            self._attention(item.line_in_content(note.offset), note.message, note.hint)
        lines = ["---", f"title: {_yaml(title)}"]
        moment = self._moment(item)
        if item.post_type == "post":
            lines.append(f"date: {moment.isoformat()}")
        modified = _utc(item.modified_gmt) or _local(item.modified, self.office)
        if modified and (modified - moment).total_seconds() >= 60:
            lines.append(f"updated: {modified.astimezone(self.office.tz).isoformat()}")
        if item.post_type == "post":
            author = self.export.authors.get(item.creator, item.creator)
            if author:
                lines.append(f"author: {_yaml(author)}")
            categories = [
                t for t in item.terms if t.domain == "category" and t.slug not in DEFAULT_CATEGORIES
            ]
            tags = [t.name for t in categories[1:]] + [t.name for t in item.terms if t.domain == "post_tag"]
            if categories:
                lines.append(f"category: {_yaml(categories[0].name)}")
            if tags:
                lines.append(f"tags: {_yaml(list(dict.fromkeys(tags)))}")
        summary = _plain(item.excerpt)
        if summary:
            lines.append(f"summary: {_yaml(summary)}")
        image = self._featured(item)
        if image:
            lines.append(f"image: {_yaml(image)}")
        if item.post_type == "page" and item.menu_order:
            lines.append(f"weight: {item.menu_order}")
        if item.post_type == "post" and item.guid:
            lines.append(f"id: {_yaml(self._key(item))}")
        alias = self._alias(item, url)
        if alias:
            lines.append(f"aliases: {_yaml([alias])}")
        if draft:
            lines.append(f"draft: true  # {item.status} on the old site; delete this line to publish")
        lines += ["---", ""]
        return "\n".join(lines) + converted.markdown

    def _key(self, item: Item) -> str:
        """The item's lasting identity: its GUID (the id old feeds gave it)."""
        guid = item.guid
        if guid and ":" not in guid:  # a GUID without a scheme would be read as a local id
            guid = f"{self.export.site_url}/{guid.lstrip('/')}"
        return guid or f"{self.export.site_url}/?p={item.post_id}"

    def _moment(self, item: Item) -> datetime:
        moment = _utc(item.date_gmt) or _local(item.date, self.office)
        return (moment or datetime(1970, 1, 1, tzinfo=UTC)).astimezone(self.office.tz)

    def _alias(self, item: Item, url: str) -> str:
        """The old permalink's path, if it is one a static site can answer (no ?p=123)."""
        parts = urlsplit(item.link)
        if (
            not item.link
            or parts.query
            or _host(item.link) not in self.hosts
            or item.status in DRAFT_STATUSES
        ):
            return ""
        path = unquote(parts.path)
        try:
            alias = alias_url(path)
            file_for(alias)
        except UnsafePath:
            if path.strip("/"):
                self._attention(
                    item.line,
                    f"the old address {path} cannot be kept as a redirect (only letters, digits, . - _ "
                    "work on a static host)",
                    "ask the web server to redirect it",
                )
            return ""
        return "" if alias == url else "/" + alias

    # -- links and uploads -------------------------------------------------------------------------

    def _relink(self, link: str, line: int) -> str:
        parts = urlsplit(link)
        host = _host(link)
        if (
            link.startswith("//")
            or (host and host not in self.hosts)
            or parts.scheme not in ("", "http", "https")
        ):
            return link
        if not host and not link.startswith("/"):
            return link  # relative to a page of the old site: left as written, the build checks it
        path = unquote(parts.path)
        absolute = link if host else self.export.site_url + link
        if path.startswith("/" + UPLOADS):
            upload = self._upload(path[len("/" + UPLOADS) :], line)
            return (
                "/" + UPLOADS + upload.rel
                if upload.usable and (upload.source or upload.present)
                else absolute
            )
        target = self.targets.get(_normal(link if host else absolute))
        attachment = self._attachment_by_link(link if host else absolute)
        if target is None and attachment is not None:
            return self._relink(attachment.attachment_url, line)
        if target is None:
            self._attention(
                line,
                f"a link to the old site's {path or '/'}{'?' + parts.query if parts.query else ''}, "
                "which this import does not bring, keeps its old address",
                "point it at a page of the new site",
            )
            return absolute
        return target + (f"#{parts.fragment}" if parts.fragment else "")

    def _attachment_by_link(self, link: str) -> Item | None:
        return self.attachment_pages.get(_normal(link))

    def _upload(self, rel: str, line: int) -> Upload:
        rel = rel.lstrip("/")
        known = self.plan.uploads.get(rel)
        if known is not None:
            return known
        source = self.uploads_dir / rel if self.uploads_dir else None
        try:
            check(UPLOADS + rel)
            usable = True
        except UnsafePath:
            usable = False
            self._attention(
                line,
                f"the upload {rel} has a name a static site cannot serve",
                "rename the file (letters, digits, . - _) and fix the links to it",
            )
        upload = Upload(
            rel,
            f"{self.export.site_url}/{UPLOADS}{rel}",
            source if source is not None and source.is_file() else None,
            (self.unit_dir / STATIC_UPLOADS / rel).is_file(),
            usable,
            line,
        )
        self.plan.uploads[rel] = upload
        return upload

    def _pictures(self) -> dict[int, Picture]:
        if self.pictures is None:
            self.pictures = {ident: self._picture(a) for ident, a in self.attachments.items()}
        return self.pictures

    def _picture(self, attachment: Item) -> Picture:
        url = self._relink(attachment.attachment_url, attachment.line) if attachment.attachment_url else ""
        return Picture(url, attachment.meta.get("_wp_attachment_image_alt", ""), _plain(attachment.excerpt))

    def _own_pictures(self, item: Item) -> list[Picture]:
        own = [a for a in self.attachments.values() if a.parent == item.post_id and _is_image(a)]
        return [self._pictures()[a.post_id] for a in sorted(own, key=lambda a: (a.menu_order, a.post_id))]

    def _featured(self, item: Item) -> str:
        ident = item.meta.get("_thumbnail_id", "")
        attachment = self.attachments.get(int(ident)) if ident.isdigit() else None
        if attachment is None or not attachment.attachment_url:
            return ""
        return self._relink(attachment.attachment_url, item.line)

    def _attention(self, line: int, message: str, hint: str = "") -> None:
        self.problems.warning(self.export.path, line, message, hint)


def _upload_rel(attachment: Item) -> str:
    stored = attachment.meta.get("_wp_attached_file", "")
    if stored and not stored.startswith(("/", "http")):
        return stored
    path = unquote(urlsplit(attachment.attachment_url).path)
    return path.split("/" + UPLOADS, 1)[-1] if "/" + UPLOADS in path else path.rsplit("/", 1)[-1]


def _is_image(item: Item) -> bool:
    return PurePosixPath(urlsplit(item.attachment_url).path).suffix.lower() in (
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".webp",
    )


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def _normal(url: str) -> str:
    """An address as compared: no scheme or www., a final slash, the query kept (?p=12)."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path).rstrip("/") + "/"
    return f"{_host(url)}{path}" + (f"?{parts.query}" if parts.query else "")


def _id_links(site_url: str, item: Item) -> list[str]:
    """The short addresses WordPress answers for an item: ?p=12, ?page_id=3."""
    name = "page_id" if item.post_type == "page" else "p"
    return [f"{site_url}/?{name}={item.post_id}"]


def _slug(item: Item) -> str:
    return slugify(unquote(item.slug)) if item.slug and not item.slug.endswith("__trashed") else ""


def _title(item: Item) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", item.title)).split())


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())


def _utc(text: str) -> datetime | None:
    if not text or text == _NO_DATE:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _local(text: str, office: Office) -> datetime | None:
    moment = _utc(text)
    return moment.replace(tzinfo=office.tz) if moment else None


def _yaml(value: str | list[str]) -> str:
    """A YAML value that reads back exactly (JSON's strings and lists are YAML)."""
    return json.dumps(value, ensure_ascii=False)
