"""The old site's addresses: where each link into it leads now, and which uploads the new site needs.

A link to an imported post or page leads to its new address; a link to a file
of ``wp-content/uploads/`` leads to its copy in the unit's ``static/`` folder
(served at the same path as before), once the copy is there. Anything else
keeps its old absolute address, so the build never finds a broken internal
link, and is reported so an editor can point it somewhere.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from sitegen.i18n import _
from sitegen.urls import UnsafePath, check
from sitegen.wordpress.shortcodes import Picture
from sitegen.wordpress.wxr import Export, Item

UPLOADS = "wp-content/uploads/"
STATIC_UPLOADS = "static/" + UPLOADS  # under content/offices/<id>/: served at /wp-content/uploads/, as before
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")


@dataclass(frozen=True)
class Upload:
    """A file of the old wp-content/uploads/: copied when at hand, else listed for copying by hand."""

    rel: str  # below wp-content/uploads/, e.g. "2019/05/foto.jpg"
    url: str  # its old absolute address, as the export names it: the file to fetch
    source: Path | None  # the file in --uploads (a real file inside that folder), when at hand
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
    """Resolves links into the old site for one import; ``warn(line, message, hint)`` reports.

    The old site's files may live on another host than its pages (a WordPress.com
    site keeps them on ``<name>.files.wordpress.com/2019/05/…``): every host an
    attachment's address names is read as the old site's file store, so a picture
    there is copied like one under ``/wp-content/uploads/``, never left hotlinked
    without a report.
    """

    def __init__(
        self, export: Export, unit_dir: Path, uploads_dir: Path | None, warn: Callable[[int, str, str], None]
    ):
        self.site_url = export.site_url
        self.blog_url = export.blog_url
        self.unit_dir, self.uploads_dir, self.warn = unit_dir, uploads_dir, warn
        self.hosts = {host(u) for u in (export.site_url, export.blog_url) if u}
        self.attachments = {i.post_id: i for i in export.items if i.post_type == "attachment"}
        self.attachment_pages = {normal(a.link): a for a in self.attachments.values() if a.link}
        self.file_hosts = {host(a.attachment_url) for a in self.attachments.values() if a.attachment_url}
        self.by_rel: dict[str, Item] = {}  # an attachment's path below uploads/, resized copies too
        for attachment in self.attachments.values():
            self.by_rel.setdefault(upload_rel(attachment), attachment)
        self.targets: dict[str, str] = {}  # old address (normalised) -> new site URL ("/berita/x/")
        self.uploads: dict[str, Upload] = {}
        self._pictures: dict[int, Picture] | None = None
        self._by_name: dict[str, list[Path]] | None = None

    def add_target(self, item: Item, url: str) -> None:
        """``item`` is published at ``url``: its permalink, GUID and ?p= address lead there."""
        kind = "page_id" if item.post_type == "page" else "p"
        shorts = {f"{base}/?{kind}={item.post_id}" for base in (self.site_url, self.blog_url) if base}
        for old in (item.link, item.guid, *sorted(shorts)):
            if old:
                self.targets.setdefault(normal(old), "/" + url)

    def relink(self, link: str, line: int) -> str:
        """Where ``link`` (as written in an old post, at ``line`` of the export) should lead now."""
        if link.startswith("//"):  # protocol-relative: the same host over https
            link = "https:" + link
        parts = urlsplit(link)
        link_host = host(link)
        old, files = link_host in self.hosts, link_host in self.file_hosts
        if link_host and not (old or files):
            return link
        if parts.scheme not in ("", "http", "https") or (not link_host and not link.startswith("/")):
            return link  # mailto:, tel:, #anchor, or relative: left as written, the build checks it
        path = unquote(parts.path)
        absolute = link if link_host else self.site_url + link
        if path.startswith("/" + UPLOADS) or (files and not old):
            rel = path.split("/" + UPLOADS, 1)[1] if path.startswith("/" + UPLOADS) else path
            upload = self.upload(rel, line, absolute.split("?", 1)[0].split("#", 1)[0])
            return "/" + UPLOADS + upload.rel if upload.local else absolute
        target = self.targets.get(normal(absolute))
        attachment = self.attachment_pages.get(normal(absolute))
        if target is None and attachment is not None and attachment.attachment_url:
            return self.relink(attachment.attachment_url, line)  # an attachment's page: the file itself
        if target is None:
            query = f"?{parts.query}" if parts.query else ""
            self.warn(
                line,
                _(
                    "a link to the old site's {path}, which this import does not bring, keeps its old address",
                    path=f"{clean_path(path)}{query}",
                ),
                _("point it at a page of the new site"),
            )
            return absolute
        return target + (f"#{parts.fragment}" if parts.fragment else "")

    def upload(self, rel: str, line: int, url: str = "") -> Upload:
        """The upload at ``rel`` below wp-content/uploads/, noted once, with where it can come from."""
        rel = clean_path(rel).lstrip("/")
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
                _("the upload {upload} has a name a static site cannot serve", upload=rel),
                _("rename the file (letters, digits, . - _) and fix the links to it"),
            )
        upload = Upload(
            rel,
            url or f"{self.site_url}/{UPLOADS}{rel}",
            self._source(rel, line) if usable else None,
            (self.unit_dir / STATIC_UPLOADS / rel).is_file(),
            usable,
            line,
        )
        self.uploads[rel] = upload
        return upload

    def _source(self, rel: str, line: int) -> Path | None:
        """The file for ``rel`` in --uploads: at its path, else the one file of its name (downloaded media).

        A link leading out of the folder (``2024/05/passwd.jpg -> /etc/passwd``) is never
        followed: it is refused by name, and the file is listed to copy by hand.
        """
        if self.uploads_dir is None:
            return None
        candidate = self.uploads_dir / rel
        if not os.path.lexists(candidate):
            found = self._named().get(PurePosixPath(rel).name, [])
            if len(found) > 1:
                self.warn(
                    line,
                    _(
                        "the upload {upload} is not in {folder} at that path, and {count} files there "
                        "have its name: {files}",
                        upload=rel,
                        folder=self.uploads_dir,
                        count=len(found),
                        files=", ".join(p.relative_to(self.uploads_dir).as_posix() for p in found),
                    ),
                    _("put the right one at {path}", path=self.uploads_dir / rel),
                )
                return None
            if not found:
                return None
            candidate = found[0]
        return self._inside(candidate)

    def _inside(self, path: Path) -> Path | None:
        """``path`` as a real file inside --uploads, or None (with a warning for a link leading out)."""
        assert self.uploads_dir is not None
        root = self.uploads_dir.resolve()
        real = path.resolve()
        if not real.is_relative_to(root):
            self.warn(
                0,
                _(
                    "{path} is a link to {target}, outside {folder}; it was not copied",
                    path=path,
                    target=real,
                    folder=self.uploads_dir,
                ),
                _("copy the real file into the uploads folder in its place"),
            )
            return None
        return real if real.is_file() else None

    def _named(self) -> dict[str, list[Path]]:
        """Every file below --uploads by name, walked without following links into other folders."""
        if self._by_name is None:
            self._by_name = {}
            assert self.uploads_dir is not None
            for folder, dirs, names in os.walk(self.uploads_dir, followlinks=False):
                dirs.sort()
                for name in sorted(names):
                    self._by_name.setdefault(name, []).append(Path(folder) / name)
        return self._by_name

    def note_media_library(self) -> None:
        """Every file of the old media library is wanted, linked from a post or not (PDFs, forms)."""
        for attachment in self.attachments.values():
            self.upload(upload_rel(attachment), attachment.line, attachment.attachment_url)

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
        """The address of ``item``'s featured image and its description, or ("", "")."""
        ident = item.meta.get("_thumbnail_id", "")
        attachment = self.attachments.get(int(ident)) if ident.isdigit() else None
        if attachment is None or not attachment.attachment_url:
            return "", ""
        url = self.relink(attachment.attachment_url, item.line)
        return url, self.library_alt(attachment) or plain(attachment.excerpt)

    def attachment_of(self, src: str, ident: int | None = None) -> Item | None:
        """The media library's entry for a picture: by its ``wp-image-N`` id, else by its file."""
        if ident is not None and ident in self.attachments:
            return self.attachments[ident]
        path = unquote(urlsplit(src).path)
        rel = path.split("/" + UPLOADS, 1)[1] if "/" + UPLOADS in path else path.lstrip("/")
        found = self.by_rel.get(rel) or self.by_rel.get(_RESIZED.sub(r"\1", rel))
        if found is None and rel.startswith(UPLOADS):
            found = self.by_rel.get(rel[len(UPLOADS) :])
        return found

    def library_alt(self, attachment: Item) -> str:
        """The alt text the media library holds, unless it is only the file's name."""
        alt = " ".join(attachment.meta.get("_wp_attachment_image_alt", "").split())
        return "" if is_file_name(alt, attachment.attachment_url) else alt

    def _picture(self, attachment: Item) -> Picture:
        url = self.relink(attachment.attachment_url, attachment.line) if attachment.attachment_url else ""
        return Picture(url, self.library_alt(attachment), plain(attachment.excerpt))


_RESIZED = re.compile(r"-\d+x\d+(\.[A-Za-z0-9]+)$")  # WordPress's resized copy: foto-300x200.jpg
_SIZE = re.compile(r"-\d+x\d+$")
_CAMERA = re.compile(r"^[\w.-]*\d{3,}[\w.-]*$")  # dsc20050727_091048_222, IMG_0513-1, 100_5478


def is_file_name(text: str, src: str = "") -> bool:
    """Whether a description is only a file's name (which describes nothing to a reader).

    WordPress fills the media library's alt text with the file's name on some
    sites, and galleries show it; a screen reader then reads "dsc two zero zero five…".
    """
    words = " ".join(text.split()).lower()
    if not words:
        return False
    if PurePosixPath(words).suffix[1:] in _EXTENSIONS:
        return True
    stem = PurePosixPath(unquote(urlsplit(src).path)).stem.lower() if src else ""
    stems = {stem, _SIZE.sub("", stem)} - {""}
    return (
        words in stems
        or words.replace(" ", "-") in stems
        or (" " not in words and bool(_CAMERA.match(words)))
    )


_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "heic"}


def clean_path(path: str) -> str:
    """A path with doubled slashes made single, as a server reads it: ``//greek/x/`` -> ``/greek/x/``."""
    return re.sub(r"/{2,}", "/", path)


def upload_rel(attachment: Item) -> str:
    """An attachment's path below wp-content/uploads/, as WordPress recorded it (year and month kept).

    ``_wp_attached_file`` where the export has it; else the address's path after
    ``/wp-content/uploads/``, or its whole path on a file host such as
    ``<site>.files.wordpress.com/2008/06/canola2.jpg`` (never the bare file name:
    that would put every year's ``foto.jpg`` in one place).
    """
    stored = attachment.meta.get("_wp_attached_file", "")
    if stored and not stored.startswith(("/", "http")):
        return clean_path(stored)
    path = clean_path(unquote(urlsplit(attachment.attachment_url).path))
    return path.split("/" + UPLOADS, 1)[1] if "/" + UPLOADS in path else path.lstrip("/")


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
