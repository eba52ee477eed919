"""Pictures with news: found in a page's text and front matter, checked, published at a few widths.

Where a picture may lie (the contract editors rely on):
  ``![Petugas melayani pemohon](foto.jpg)``     beside the Markdown file: in a page bundle
                                                (``berita/2026-11-01-judul/index.md`` + ``foto.jpg``)
  ``![…](/img/foto.jpg)``                       the unit's ``content/offices/<id>/static/img/foto.jpg``,
                                                else the network's ``content/shared/static/img/foto.jpg``
  ``image: foto.jpg`` + ``image_alt: …``         the item's own picture, found the same way

Every picture needs a description (its ``alt`` text): readers who cannot see it
hear it, and a news photo is never mere decoration. A picture that is missing,
not a picture, too large, or undescribed is a located error. Each one found is
replaced by an ``<img>`` offering every width (:mod:`sitegen.sources.photos`) with
``srcset``, ``width``/``height`` (no layout shift while it loads) and lazy
loading. Addresses with a scheme (``https://…``) and root paths that are no
content picture (a theme's ``/static/…``) are left as written, for the link
checker. The item's picture (``image:``, else the first in the text) is what
feeds, previews and JSON-LD show.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Union
from urllib.parse import unquote

from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.sources.layout import STATIC
from sitegen.sources.photos import FORMATS, ImageError, Original, Resizer
from sitegen.sources.source import Source
from sitegen.urls import UnsafePath, absolute, page_url, picture_path

if TYPE_CHECKING:  # the model holds pictures; pictures only read the model's pages
    from sitegen.structure.site import Page, Site

Found = Union["Picture", None, Literal[False]]  # a picture; None: not one of ours; False: reported

SIZES = "(min-width: 60rem) 58rem, 100vw"  # as wide as the text column (site.css .wrap), else the screen
KEPT_ATTRIBUTES = ("title", "class", "id", "lang", "dir")  # an editor's own, kept on the new tag
ALT_EXAMPLE = "Petugas melayani pemohon"
_IMG = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


@dataclass(frozen=True)
class Variant:
    """One published width of a picture."""

    path: str  # in the unit's site, e.g. "berita/pameran/foto-480.1a2b3c4d5e.jpg"
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """A picture a page publishes: its original, its description and its widths, narrowest first."""

    original: Original
    alt: str
    variants: tuple[Variant, ...]
    resizer: Resizer = field(compare=False, repr=False)

    @property
    def largest(self) -> Variant:
        return self.variants[-1]

    def data(self, variant: Variant) -> bytes:
        return self.resizer.data(self.original, variant.width)

    @property
    def length(self) -> int:
        """The byte length of the largest width: what a feed's enclosure announces."""
        return self.resizer.length(self.original, self.largest.width)

    def tag(self, lazy: bool = True, kept: str = "") -> str:
        """The ``<img>`` offering every width; its site-root links are made relative with the page's."""
        top = self.largest
        srcset = ", ".join(f"/{v.path} {v.width}w" for v in self.variants)
        loading = ' loading="lazy"' if lazy else ""
        return (
            f'<img src="/{top.path}" srcset="{srcset}" sizes="{SIZES}" width="{top.width}" '
            f'height="{top.height}" alt="{html.escape(self.alt)}"{kept}{loading} decoding="async">'
        )


@dataclass(frozen=True)
class Card:
    """The picture that goes with a page when it is shared or read in a feed, with what is known of it."""

    url: str  # absolute
    mime: str
    alt: str = ""
    width: int | None = None
    height: int | None = None
    length: int | None = None  # bytes, when sitegen publishes the file itself


def card(page: Page, base_url: str) -> Card | None:
    """The page's picture for previews, feeds and JSON-LD: one it publishes, else ``image:`` as written."""
    picture = page.picture
    if picture is not None:
        top = picture.largest
        url = absolute(base_url, top.path)
        return Card(url, picture.original.mime, picture.alt, top.width, top.height, picture.length)
    if not page.image:
        return None
    url = page.image if "://" in page.image else absolute(base_url, page.image)
    alt = page.source.meta.image_alt if page.source else ""
    return Card(url, _mime_of(url), alt)


def _mime_of(url: str) -> str:
    ext = url.rsplit(".", 1)[-1].lower()
    known = {ext: mime for mime, ext in FORMATS.values()} | {"jpeg": "image/jpeg", "gif": "image/gif"}
    return known.get(ext, "image/svg+xml" if ext == "svg" else "image/jpeg")


def published(site: Site) -> dict[str, tuple[Picture, Variant]]:
    """Every picture file of a unit's site, by path, once however many pages show it."""
    files: dict[str, tuple[Picture, Variant]] = {}
    for page in sorted(site.pages, key=lambda p: p.path):
        for picture in page.pictures:
            for variant in picture.variants:
                files.setdefault(variant.path, (picture, variant))
    return dict(sorted(files.items()))


@dataclass(frozen=True)
class Placed:
    """A page's body with its pictures in place, the item's picture, and every picture it publishes."""

    body: str
    picture: Picture | None = None
    pictures: tuple[Picture, ...] = ()


class Pictures:
    """Finds and checks the pictures of every page of a build; one per build (originals read once)."""

    def __init__(self, content_dir: Path, resizer: Resizer, problems: Problems):
        self.content_dir, self.resizer, self.problems = content_dir, resizer, problems
        self._inside = content_dir.resolve()

    def place(self, source: Source, office_id: str, url: str, body: str) -> Placed:
        """Put every picture of ``body`` in place for the page at ``url`` of unit ``office_id``."""
        if source.lang:  # a translation shows its original's pictures, from the original's folder
            url = page_url(source.original_key)
        found: list[Picture] = []

        def replace(match: re.Match[str]) -> str:
            attrs = _attributes(match.group(0))
            src = attrs.get("src", "")
            if not src:
                return match.group(0)  # nothing to load (the sanitizer took an unsafe address)
            if not attrs.get("alt", "").strip():
                line, raw = _line_of(source, src)
                hint = (
                    _('add a description to the tag: <img alt="{alt}" src="{src}">', alt=ALT_EXAMPLE, src=src)
                    if raw
                    else _("add a description in the brackets: ![{alt}]({src})", alt=ALT_EXAMPLE, src=src)
                )
                self.problems.error(
                    source.path,
                    line,
                    _("picture {src} has no description for readers who cannot see it", src=src),
                    hint,
                    "picture-undescribed",
                )
                self._locate(source, office_id, url, src, line)  # a missing file too, in the same run
                return ""
            picture = self._picture(
                source, office_id, url, src, attrs["alt"].strip(), _line_of(source, src)[0]
            )
            if picture is False:
                return ""  # reported; the build fails, so the page is never written
            if picture is None:
                return match.group(0)
            found.append(picture)
            kept = "".join(
                f' {name}="{html.escape(attrs[name])}"' for name in KEPT_ATTRIBUTES if attrs.get(name)
            )
            return picture.tag(kept=kept)

        if "<img" in body:
            body = _IMG.sub(replace, body)
        lead = None
        meta = source.meta
        if meta.image:
            lead = self._picture(source, office_id, url, meta.image, meta.image_alt, meta.line_of("image"))
            if lead and not meta.image_alt:
                self.problems.error(
                    source.path,
                    meta.line_of("image"),
                    _("picture {src} has no description for readers who cannot see it", src=meta.image),
                    _("add a line image_alt: {alt}", alt=ALT_EXAMPLE),
                    "picture-undescribed",
                    key="image",
                )
        lead = lead or None
        if lead is None and not meta.image and found:
            lead = found[0]
        pictures = tuple(dict.fromkeys([*([lead] if lead else []), *found]))
        return Placed(body, lead, pictures)

    def _picture(self, source: Source, office_id: str, url: str, src: str, alt: str, line: int) -> Found:
        """The picture ``src`` names, or None to leave it as written, or False once reported."""
        located = self._locate(source, office_id, url, src, line)
        if located is None or located is False:
            return located
        path, folder = located
        try:
            original = self.resizer.original(path)
        except ImageError as exc:
            self.problems.error(
                source.path,
                line,
                _("picture {src}: {problem}", src=src, problem=exc.message),
                exc.hint,
                exc.code,
            )
            return False
        name = Path(unquote(src.split("?")[0].split("#")[0])).stem
        try:
            variants = tuple(
                Variant(
                    picture_path(folder, name, original.digest, w, original.ext), w, original.height_at(w)
                )
                for w in original.widths()
            )
        except UnsafePath:
            self.problems.error(
                source.path,
                line,
                _("picture {src} has a name that cannot be an address", src=src),
                _("use letters, digits and -"),
                "picture-unusable",
            )
            return False
        return Picture(original, alt, variants, self.resizer)

    def _locate(
        self, source: Source, office_id: str, url: str, src: str, line: int
    ) -> tuple[Path, str] | None | Literal[False]:
        """The file ``src`` names and the site folder its widths go to; None: not ours; False: reported."""
        if _SCHEME.match(src) or src.startswith("#"):
            return None
        rel = unquote(re.split(r"[?#]", src, maxsplit=1)[0])
        if rel.startswith("/"):
            rel = posixpath.normpath(rel.lstrip("/"))
            if rel.startswith(".."):
                return None  # leaves the site: the link checker says so
            for folder in (
                self.content_dir / "offices" / office_id / STATIC,
                self.content_dir / "shared" / STATIC,
            ):
                path = folder / rel
                if self._linked(path, source, src, line):
                    return False
                if path.is_file() and self._inside in path.resolve().parents:
                    return path, posixpath.dirname(rel)
            return None  # a theme's file, or nothing: checked with every other link
        clean = posixpath.normpath(rel)
        here = source.path.parent
        if clean.startswith("..") or posixpath.isabs(clean):
            self.problems.error(
                source.path,
                line,
                _("picture {src} lies outside the page's folder", src=src),
                _("put the picture beside the page, or under static/ and write /img/… "),
                "picture-outside-folder",
            )
            return False
        path = here / clean
        if self._linked(path, source, src, line):
            return False
        if not path.is_file() or self._inside not in path.resolve().parents:
            self.problems.error(
                source.path,
                line,
                _("picture {src} not found: there is no {path}", src=src, path=self.problems.rel(path)),
                _("check the file name (capitals count), or put the picture beside the page"),
                "picture-not-found",
            )
            return False
        return path, url + posixpath.dirname(clean)

    def _linked(self, path: Path, source: Source, src: str, line: int) -> bool:
        """Whether ``path`` or a folder on its way from content/ is a link (reported: never followed)."""
        try:
            parts = path.relative_to(self.content_dir).parts
        except ValueError:
            return False
        step = self.content_dir
        for part in parts:
            step = step / part
            if step.is_symlink():
                self.problems.error(
                    source.path,
                    line,
                    _(
                        "picture {src}: {path} is a link; sitegen never follows links",
                        src=src,
                        path=self.problems.rel(step),
                    ),
                    _("replace the link with a copy of the picture"),
                    "picture-unusable",
                )
                return True
        return False


def undescribed(html_text: str) -> list[str]:
    """The address of every ``<img>`` in ``html_text`` without a description (the build refuses these)."""
    found = []
    for match in _IMG.finditer(html_text):
        attrs = _attributes(match.group(0))
        if attrs.get("src") and not attrs.get("alt", "").strip():
            found.append(attrs["src"])
    return found


def _attributes(tag: str) -> dict[str, str]:
    """An ``<img>`` tag's attributes, their values unescaped; the first of a repeated name counts."""
    inner = tag[4:-1].rstrip("/")
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(inner):
        name = match.group(1).lower()
        value = next((g for g in match.groups()[1:] if g is not None), "")
        found.setdefault(name, html.unescape(value))
    return found


def _line_of(source: Source, src: str) -> tuple[int, bool]:
    """The line of the body naming ``src`` (an undescribed one first), and whether it is written as HTML."""
    body = source.body
    undescribed = re.search(r"!\[\s*\]\(\s*<?" + re.escape(src), body)
    at = undescribed.start() if undescribed else body.find(src)
    if at < 0:
        return source.body_line, False
    line_start = body.rfind("\n", 0, at) + 1
    return source.body_line + body.count("\n", 0, at), "<img" in body[line_start:at].lower()
