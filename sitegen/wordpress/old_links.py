"""The old site's addresses: where each link into it leads now, and which uploads the new site needs.

A link to an imported post or page leads to its new address; a link to a file
of ``wp-content/uploads/`` leads to its copy in the unit's ``static/`` folder
(served at the same path as before), once the copy is there. Anything else
keeps its old absolute address, so the build never finds a broken internal
link, and is reported so an editor can point it somewhere.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..urls import UnsafePath, check
from .shortcodes import Picture
from .wxr import Export, Item

UPLOADS = "wp-content/uploads/"
STATIC_UPLOADS = "static/" + UPLOADS  # under content/offices/<id>/: served at /wp-content/uploads/, as before
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")


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

    @property
    def local(self) -> bool:
        """Pages may link the copy: it is there, or about to be copied."""
        return self.usable and (self.source is not None or self.present)


class OldSite:
    """Resolves links into the old site for one import; ``warn(line, message, hint)`` reports."""

    def __init__(
        self, export: Export, unit_dir: Path, uploads_dir: Path | None, warn: Callable[[int, str, str], None]
    ):
        self.site_url = export.site_url
        self.unit_dir, self.uploads_dir, self.warn = unit_dir, uploads_dir, warn
        self.hosts = {host(u) for u in (export.site_url, export.blog_url) if u}
        self.attachments = {i.post_id: i for i in export.items if i.post_type == "attachment"}
        self.attachment_pages = {normal(a.link): a for a in self.attachments.values() if a.link}
        self.targets: dict[str, str] = {}  # old address (normalised) -> new site URL ("/berita/x/")
        self.uploads: dict[str, Upload] = {}
        self._pictures: dict[int, Picture] | None = None

    def add_target(self, item: Item, url: str) -> None:
        """``item`` is published at ``url``: its permalink, GUID and ?p= address lead there."""
        short = f"{self.site_url}/?{'page_id' if item.post_type == 'page' else 'p'}={item.post_id}"
        for old in (item.link, item.guid, short):
            if old:
                self.targets.setdefault(normal(old), "/" + url)

    def relink(self, link: str, line: int) -> str:
        """Where ``link`` (as written in an old post, at ``line`` of the export) should lead now."""
        parts = urlsplit(link)
        link_host = host(link)
        if link.startswith("//") or (link_host and link_host not in self.hosts):
            return link
        if parts.scheme not in ("", "http", "https") or (not link_host and not link.startswith("/")):
            return link  # mailto:, tel:, #anchor, or relative: left as written, the build checks it
        path = unquote(parts.path)
        absolute = link if link_host else self.site_url + link
        if path.startswith("/" + UPLOADS):
            upload = self.upload(path[len("/" + UPLOADS) :], line)
            return "/" + UPLOADS + upload.rel if upload.local else absolute
        target = self.targets.get(normal(absolute))
        attachment = self.attachment_pages.get(normal(absolute))
        if target is None and attachment is not None and attachment.attachment_url:
            return self.relink(attachment.attachment_url, line)  # an attachment's page: the file itself
        if target is None:
            query = f"?{parts.query}" if parts.query else ""
            self.warn(
                line,
                f"a link to the old site's {path or '/'}{query}, which this import does not bring, "
                "keeps its old address",
                "point it at a page of the new site",
            )
            return absolute
        return target + (f"#{parts.fragment}" if parts.fragment else "")

    def upload(self, rel: str, line: int) -> Upload:
        """The upload at ``rel`` below wp-content/uploads/, noted once, with where it can come from."""
        rel = rel.lstrip("/")
        known = self.uploads.get(rel)
        if known is not None:
            return known
        try:
            check(UPLOADS + rel)
            usable = True
        except UnsafePath:
            usable = False
            self.warn(
                line,
                f"the upload {rel} has a name a static site cannot serve",
                "rename the file (letters, digits, . - _) and fix the links to it",
            )
        source = self.uploads_dir / rel if self.uploads_dir else None
        upload = Upload(
            rel,
            f"{self.site_url}/{UPLOADS}{rel}",
            source if source is not None and source.is_file() else None,
            (self.unit_dir / STATIC_UPLOADS / rel).is_file(),
            usable,
            line,
        )
        self.uploads[rel] = upload
        return upload

    def note_media_library(self) -> None:
        """Every file of the old media library is wanted, linked from a post or not (PDFs, forms)."""
        for attachment in self.attachments.values():
            self.upload(upload_rel(attachment), attachment.line)

    def pictures(self) -> dict[int, Picture]:
        """Every attachment as a picture a [gallery] can show, by id."""
        if self._pictures is None:
            self._pictures = {ident: self._picture(a) for ident, a in self.attachments.items()}
        return self._pictures

    def own_pictures(self, item: Item) -> list[Picture]:
        """The pictures attached to ``item``, in the media library's order: a [gallery] naming no ids."""
        own = [a for a in self.attachments.values() if a.parent == item.post_id and is_image(a)]
        return [self.pictures()[a.post_id] for a in sorted(own, key=lambda a: (a.menu_order, a.post_id))]

    def featured(self, item: Item) -> tuple[str, str]:
        """The address of ``item``'s featured image and its alt text from the media library, or ("", "")."""
        ident = item.meta.get("_thumbnail_id", "")
        attachment = self.attachments.get(int(ident)) if ident.isdigit() else None
        if attachment is None or not attachment.attachment_url:
            return "", ""
        alt = attachment.meta.get("_wp_attachment_image_alt", "").strip()
        return self.relink(attachment.attachment_url, item.line), alt

    def _picture(self, attachment: Item) -> Picture:
        url = self.relink(attachment.attachment_url, attachment.line) if attachment.attachment_url else ""
        return Picture(url, attachment.meta.get("_wp_attachment_image_alt", ""), plain(attachment.excerpt))


def upload_rel(attachment: Item) -> str:
    """An attachment's path below wp-content/uploads/, as WordPress recorded it."""
    stored = attachment.meta.get("_wp_attached_file", "")
    if stored and not stored.startswith(("/", "http")):
        return stored
    path = unquote(urlsplit(attachment.attachment_url).path)
    return path.split("/" + UPLOADS, 1)[-1] if "/" + UPLOADS in path else path.rsplit("/", 1)[-1]


def is_image(item: Item) -> bool:
    return PurePosixPath(urlsplit(item.attachment_url).path).suffix.lower() in IMAGE_SUFFIXES


def host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def normal(url: str) -> str:
    """An address as compared: no scheme or www., a final slash, the query kept (?p=12)."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path).rstrip("/") + "/"
    return f"{host(url)}{path}" + (f"?{parts.query}" if parts.query else "")


def plain(fragment: str) -> str:
    """Text without tags or entities, on one line: titles, excerpts, captions."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())
