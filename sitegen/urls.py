"""Every output path and URL is computed here, and checked here.

Pages have pretty URLs (``berita/<slug>/``) written as ``.../index.html``.
Inside a site every link is relative and names the file, so the same output
works at a domain root, under a sub-path, and opened as plain files. Feeds
and canonical links use absolute URLs from the unit's ``base_url``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sitegen.i18n import _

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_UNSAFE = re.compile(r"[^a-z0-9]+")
BUNDLE_INDEX = "index.md"  # the text of a page bundle (a folder holding the page and its pictures)
SAFE_PATH = re.compile(r"^(?:\.well-known/)?(?:[A-Za-z0-9_][A-Za-z0-9._-]*/)*[A-Za-z0-9_][A-Za-z0-9._-]*$")


class UnsafePath(ValueError):
    """A computed output path that would leave the site or is not a plain name."""


@lru_cache(maxsize=1 << 14)
def slugify(text: str) -> str:
    """ "Layanan Paspor Elektronik!" -> "layanan-paspor-elektronik".

    Kept per text: a unit's tags are slugged several times for each of its thousands of pages.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", ascii_text.lower()).strip("-") or "halaman"


def is_bundle(key: str) -> bool:
    """A page bundle's text: ``<section>/…/<folder>/index.md``, its pictures lying beside it."""
    return key.count("/") >= 2 and key.rpartition("/")[2] == BUNDLE_INDEX


def page_url(key: str, slug: str = "") -> str:
    """The site-relative URL of a content key: "layanan/wni/paspor-baru.md" -> "layanan/wni/paspor-baru/".

    A bundle is named by its folder, as a plain file by its name:
    "berita/2026-11-01-judul/index.md" -> "berita/judul/", like "berita/2026-11-01-judul.md".
    Keys are POSIX paths relative to their scope; plain string work, since every page
    of a unit of 20,000 asks.
    """
    if is_bundle(key):
        key = key.rpartition("/")[0] + ".md"
    parent, _, name = key.rpartition("/")
    if name == "_index.md":
        return f"{parent}/" if parent else ""
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name
    name = slug or slugify(_DATE_PREFIX.sub("", stem))
    return f"{parent}/{name}/" if parent else f"{name}/"


def file_for(url: str) -> str:
    """The output file that serves a pretty URL: "berita/" -> "berita/index.html"."""
    if url == "" or url.endswith("/"):
        return check(url + "index.html")
    return check(url)


def check(path: str) -> str:
    """Refuse output paths that could escape the site: absolute, '..', odd characters."""
    if not SAFE_PATH.match(path) or any(part in ("..", ".") for part in path.split("/")):
        raise UnsafePath(_("unsafe output path {path!r}", path=path))
    return path


@lru_cache(maxsize=1 << 16)
def relative(from_file: str, to_file: str) -> str:
    """A link from one output file to another, relative, naming the target file.

    Both are clean site paths (checked by :func:`check`), so plain string work
    gives what ``posixpath.relpath`` would, many times faster.
    """
    from_dirs = from_file.split("/")[:-1]
    to_parts = to_file.split("/")
    shared = 0
    while shared < len(from_dirs) and shared < len(to_parts) - 1 and from_dirs[shared] == to_parts[shared]:
        shared += 1
    return "../" * (len(from_dirs) - shared) + "/".join(to_parts[shared:])


def absolute(base_url: str, url: str) -> str:
    """An absolute URL for a site-relative pretty URL."""
    return base_url.rstrip("/") + "/" + url.lstrip("/")


def alias_url(alias: str) -> str:
    """Normalise an alias as editors write it ("/berita/lama/" or "berita/lama") to a URL."""
    cleaned = alias.strip().strip("/")
    if not cleaned:
        raise UnsafePath(_("empty alias"))
    last = cleaned.rsplit("/", 1)[-1]
    return cleaned if "." in last else cleaned + "/"


# Lists, archives and the files every site carries. Each is a site-relative URL
# ("berita/page/2/"); ``file_for`` turns it into the file that serves it.
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
NOT_FOUND = "404.html"
SECURITY_TXT = ".well-known/security.txt"
SEARCH = "cari/"
OFFICIAL_SITES = "situs-resmi/"


def list_page_url(base: str, number: int) -> str:
    """Page ``number`` of a paginated list at ``base`` ("berita/"): the first is the list's own URL."""
    return base if number <= 1 else f"{base}page/{number}/"


def archive_url(section: str, year: int | None = None, month: int | None = None) -> str:
    """A section's archive: "berita/arsip/", "berita/arsip/2026/", "berita/arsip/2026/11/"."""
    url = f"{section}/arsip/"
    if year is not None:
        url += f"{year:04d}/"
        if month is not None:
            url += f"{month:02d}/"
    return url


def picture_path(folder: str, name: str, digest: str, width: int, ext: str) -> str:
    """A published picture: ("berita/pameran/", "Foto 1", …, 480, "jpg") -> "berita/pameran/foto-1-480.1a2b3c4d5e.jpg".

    The original's digest is in the name, so hosts may let browsers keep a picture for a
    year: a replaced photo gets a new name. The width tells the sizes of one picture apart.
    """
    parts = [slugify(part) for part in folder.split("/") if part]
    return check("/".join([*parts, f"{slugify(name)}-{width}.{digest[:10]}.{ext}"]))


def json_feed_path(atom_path: str) -> str:
    """The JSON Feed beside an Atom feed: "berita/atom.xml" -> "berita/feed.json"."""
    folder = atom_path.rpartition("/")[0]
    return f"{folder}/feed.json" if folder else "feed.json"
