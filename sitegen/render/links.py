"""Internal links: resolved against the unit's output, checked, made relative.

Editors and templates write site-root links (``/layanan/wni/biaya-paspor/``).
Here each one is checked against the files the unit's site will contain and
rewritten as a relative link, so the site works under any sub-path. A link to a
page ends at its folder (``../biaya-paspor/``, never ``…/index.html``): what a
reader copies from the address bar is then the page's canonical address, and
every web server (and ``sitegen serve``) answers a folder with its index.html.
A link to nothing is reported, never shipped.

The 404 page is the exception: a host serves it at whatever address was
missing (``/a/b/c``), where a relative link would lead nowhere, so its links
are written from the site root (``/berita/arsip/``) instead.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Container
from functools import lru_cache

from sitegen.urls import relative

# href="…" or src="…" inside a tag, never in text (where an escaped quote could look like one)
_ATTR = re.compile(r'(<[a-zA-Z][^<>]*?\s(?:href|src|action)=")([^"]*)(")')
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")
# srcset="a.jpg 480w, b.jpg 960w" inside an <img> tag: each address in it is a link too
_SRCSET = re.compile(r'(<img\b[^<>]*?\ssrcset=")([^"]*)(")', re.I)


def target_file(link: str, from_file: str) -> str | None:
    """The output file an internal link points at, or None for external links."""
    if link.startswith("/") and not link.startswith("//"):
        return _root_target(link)  # the common case, the same from every page
    if not link or _EXTERNAL.match(link):
        return None
    path = re.split(r"[?#]", link, maxsplit=1)[0]
    if path.startswith("/"):
        resolved = path.lstrip("/")
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), path))
        if path.endswith("/") and resolved != ".":
            resolved += "/"
        resolved = "" if resolved == "." else resolved
    if resolved.startswith("../") or resolved == "..":
        return "../"  # leaves the site: never a valid internal target
    return _file_of(resolved)


@lru_cache(maxsize=1 << 14)
def _root_target(link: str) -> str:
    """A site-root link's target file; cached, since every page repeats the same menu links."""
    return _file_of(re.split(r"[?#]", link, maxsplit=1)[0].lstrip("/"))


def _file_of(path: str) -> str:
    """The file behind a site path: folders (with or without a final slash) serve their index.html."""
    if path == "" or path.endswith("/"):
        return path + "index.html"
    if "." not in path.rsplit("/", 1)[-1]:
        return path + "/index.html"
    return path


def closest(link: str, from_file: str, existing: Container[str] | set[str]) -> str | None:
    """The address of the site most like a broken ``link`` ("/layanan/wni/biaya-paspor/"), if one is close.

    Only pages (folders with an index.html) and files of the same kind are offered, so a
    mistyped page is matched to a page, never to a picture.
    """
    target = target_file(link, from_file)
    if target is None or not isinstance(existing, (set, frozenset, dict, list, tuple)):
        return None
    page = target.endswith("/index.html")
    wanted = target[: -len("index.html")] if page else target
    if page:
        candidates = [f[: -len("index.html")] for f in existing if f.endswith("/index.html")]
    else:
        kind = posixpath.splitext(target)[1]
        candidates = [f for f in existing if posixpath.splitext(f)[1] == kind]
    close = difflib.get_close_matches(wanted, sorted(candidates), n=1, cutoff=0.75)
    return "/" + close[0] if close else None


def clean(link: str) -> str:
    """A link to a page without its file name: "../berita/index.html" -> "../berita/", "index.html" -> "./"."""
    if link == "index.html":
        return "./"
    if link.endswith("/index.html"):
        return link[: -len("index.html")]
    return link


def rewrite(
    html: str, from_file: str, existing: Container[str], from_root: bool = False
) -> tuple[str, list[str]]:
    """Make every internal link relative (or, ``from_root``, absolute from the site root).

    Returns the new HTML and the links that lead nowhere.
    """
    broken: list[str] = []

    def fix(link: str) -> str:
        target = target_file(link, from_file)
        if target is None:
            return link
        if target not in existing:
            broken.append(link)
            return link
        rest = link[len(re.split(r"[?#]", link, maxsplit=1)[0]) :]
        if from_root:
            return "/" + clean(target).removeprefix("./") + rest
        return clean(relative(from_file, target)) + rest

    return _relink(html, fix), broken


def absolutize(html: str, from_file: str, base_url: str) -> str:
    """Make every internal link absolute (for feeds, read far from the site).

    A link within the page (``#fn:1``, a footnote) leads to the page's own address with it:
    a feed reader would resolve it against the feed's address instead.
    """
    base = base_url.rstrip("/") + "/"
    here = base + (from_file[: -len("index.html")] if from_file.endswith("index.html") else from_file)

    def fix(link: str) -> str:
        if link.startswith("#") and len(link) > 1:
            return here + link
        target = target_file(link, from_file)
        if target is None or target.startswith("../"):
            return link
        rest = link[len(re.split(r"[?#]", link, maxsplit=1)[0]) :]
        pretty = target[: -len("index.html")] if target.endswith("index.html") else target
        return base + pretty + rest

    return _relink(html, fix)


def _relink(html: str, fix: Callable[[str], str]) -> str:
    """Apply ``fix`` to every href and src, and to every address of an image's srcset (widths kept)."""

    def attribute(match: re.Match[str]) -> str:
        return match.group(1) + fix(match.group(2)) + match.group(3)

    def candidates(match: re.Match[str]) -> str:
        rewritten = []
        for candidate in match.group(2).split(","):
            link, space, descriptor = candidate.strip().partition(" ")
            rewritten.append(fix(link) + space + descriptor)
        return match.group(1) + ", ".join(rewritten) + match.group(3)

    html = _ATTR.sub(attribute, html)
    return _SRCSET.sub(candidates, html) if "srcset=" in html else html
