"""A unit's own files (``content/offices/<id>/static/``), held to the same trust as its pages.

A file there is published at the unit's site root, on the unit's own origin:
an HTML page or an SVG picture holding ``<script>`` would run there with every
right the site has, and a photo would carry the place it was taken. So each
file is published by what it is:

- HTML (``.html``, ``.htm``): sanitized with the pages' allow-list and framed as
  a document carrying the sites' Content-Security-Policy; a file without any
  markup (a search engine's verification file) is kept as it is. What the
  sanitizer removed that could act (a script, an ``on…=`` handler) is named in
  a warning, so ``sitegen check --strict`` stops it.
- SVG: only drawing is kept (no script, handler, ``foreignObject`` or reference
  outside the picture); a file that is not well-formed SVG is an error.
- XML: published as it is when it is plain data (``BingSiteAuth.xml``); one a
  browser would show as a page (XHTML or SVG inside, a stylesheet) is an error.
- Scripts and what a browser runs like one (``.js``, ``.xsl``, ``.xhtml``…):
  an error, naming the file.
- Photos (JPEG, PNG, WebP): camera data removed without re-encoding
  (:func:`sitegen.sources.photos.strip_metadata`); TIFF and HEIC, which cannot be
  stripped here, are an error asking for a JPEG.

``trusted_static`` on the unit in ``offices.yaml`` opts out: ``true`` for every
file of the unit, or a list of paths inside ``static/`` (``[js/peta.js]``).
Such files are published as written, and every build and check warns about
each one, like ``trusted_html``.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from sitegen import csp
from sitegen.errors import Problems
from sitegen.sources import sanitize
from sitegen.sources.photos import ImageError, has_location, strip_metadata

ALL = "*"  # trusted_static: true
HTML = (".html", ".htm")
SVG = (".svg",)
XML = (".xml",)
PHOTOS = (".jpg", ".jpeg", ".png", ".webp")
UNSTRIPPABLE = (".tif", ".tiff", ".heic", ".heif")  # camera formats carrying location we cannot remove
RUNNABLE = (  # what a browser runs, or renders as a page able to run script
    ".js",
    ".mjs",
    ".cjs",
    ".xsl",
    ".xslt",
    ".xhtml",
    ".xht",
    ".shtml",
    ".svgz",
    ".swf",
    ".wasm",
)
CHECKED = (*HTML, *SVG, *XML, *PHOTOS)
_PAGE_NAMESPACES = ("http://www.w3.org/1999/xhtml", sanitize.SVG, "http://www.w3.org/1998/Math/MathML")


class Refused(ValueError):
    """A static file that cannot be published as it is, with what to do."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


def is_trusted(rel: str, trusted: tuple[str, ...]) -> bool:
    """Whether the unit vouches for its file ``rel`` (a path inside static/)."""
    return ALL in trusted or rel in trusted


def publish(path: Path, rel: str) -> tuple[bytes, list[str]]:
    """The bytes to publish for the static file ``rel`` at ``path``, and what was removed from it.

    Raises Refused for a file that may not be published without ``trusted_static``.
    """
    ext = posixpath.splitext(rel.lower())[1]
    if ext in RUNNABLE:
        raise Refused(
            f"a {ext} file runs as script on the unit's site, so it is not published",
            f"remove it, or if a reviewer vouches for it, list it in the unit's trusted_static: [{rel}]",
        )
    if ext in UNSTRIPPABLE:
        raise Refused(
            f"a {ext} file may carry the place a photo was taken, which sitegen cannot remove from it",
            "save it as JPEG (photos) or PNG, or put it in a PDF",
        )
    if ext not in CHECKED:
        return path.read_bytes(), []  # a document, a font, a stylesheet: nothing a browser runs
    data = path.read_bytes()
    if ext in HTML:
        return _html(data)
    if ext in SVG:
        try:
            return sanitize.clean_svg(data)
        except sanitize.SvgError as exc:
            raise Refused(str(exc), "export it again as plain SVG from the drawing program") from None
    if ext in XML:
        _plain_xml(data)
        return data, []
    try:
        return strip_metadata(data), []
    except ImageError as exc:
        raise Refused(exc.message, exc.hint) from None


def _html(data: bytes) -> tuple[bytes, list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused("the HTML file is not UTF-8 text", "save it as UTF-8 in your editor") from None
    if "<" not in text:
        return data, []  # no markup at all (a verification file): nothing can act
    return sanitize.clean_document(text, csp.POLICY).encode("utf-8"), sanitize.active_html(text)


def _plain_xml(data: bytes) -> None:
    """Refuse XML a browser would render as a page: entities, a stylesheet, XHTML/SVG/MathML inside."""
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered or b"<?xml-stylesheet" in lowered:
        raise Refused(
            "the XML file declares a document type or a stylesheet, so a browser would show it as a page",
            "publish plain data only, or write the text as a page",
        )
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise Refused(f"the XML file is not well-formed ({exc})", "check the file") from None
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(
            tuple(f"{{{ns}}}" for ns in _PAGE_NAMESPACES)
        ):
            raise Refused(
                "the XML file holds web page or SVG markup, which a browser would run",
                "write the text as a page, or the picture as an .svg file",
            )


_VERDICTS: dict[tuple[str, str, int, int], list[str] | Refused] = {}  # a preview reloads often: read once


def check(path: Path, rel: str, trusted: tuple[str, ...], unit: str, problems: Problems) -> bool:
    """Report what publishing ``rel`` means; False when it cannot be published."""
    if is_trusted(rel, trusted):
        problems.warning(
            path,
            0,
            f"published unchecked, as written (trusted_static of unit {unit})",
            "remove it from trusted_static unless a reviewer vouches for every line of it",
        )
        return True
    ext = posixpath.splitext(rel.lower())[1]
    if ext not in (*CHECKED, *RUNNABLE, *UNSTRIPPABLE):
        return True
    stat = path.stat()
    key = (str(path), rel, stat.st_mtime_ns, stat.st_size)
    verdict = _VERDICTS.get(key)
    if verdict is None:
        try:
            verdict = publish(path, rel)[1]
        except Refused as exc:
            verdict = exc
        _VERDICTS[key] = verdict
    if isinstance(verdict, Refused):
        problems.error(path, 0, verdict.message, verdict.hint)
        return False
    removed = verdict
    if removed:
        problems.warning(
            path,
            0,
            f"published without {', '.join(removed)}: files in static/ are checked like pages",
            f"remove it from the file, or if a reviewer vouches for it, list it in trusted_static: [{rel}]",
        )
    return True


def reader(path: Path, rel: str, trusted: tuple[str, ...]) -> Callable[[], bytes]:
    """What the renderer calls for the file's published bytes (checked when the project was loaded)."""
    if is_trusted(rel, trusted):
        return path.read_bytes
    return lambda: publish(path, rel)[0]


PICTURES = (*PHOTOS, *UNSTRIPPABLE)


def location_warnings(content_dir: Path, problems: Problems) -> None:
    """Warn about every photo in the repository that records where it was taken.

    Published copies never carry it (resized or stripped), but the repository
    keeps the original, and with it the place staff were: the history of a
    public repository is public too.
    """
    for here, dirs, files in os.walk(content_dir):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(here, d))
        )
        for name in sorted(files):
            path = Path(here, name)
            if not name.lower().endswith(PICTURES) or path.is_symlink():
                continue
            try:
                located = has_location(path.read_bytes())
            except OSError:
                continue  # the build names an unreadable file
            if located:
                problems.warning(
                    path,
                    0,
                    "the photo records where it was taken (GPS); the sites publish it without, "
                    "but the repository keeps the original",
                    "remove the location before committing (exiftool -gps:all= FILE, or turn off "
                    "location in the camera app)",
                )
