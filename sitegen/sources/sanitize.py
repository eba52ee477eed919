"""Editors' HTML, made safe: an allow-list of what news and service pages need.

Markdown lets an editor write raw HTML, and editors are many: an account can
be phished, a snippet copied from anywhere. Every rendered body therefore goes
through nh3 (the Rust ammonia sanitizer) with an allow-list: text structure,
tables, figures, images, links, code, definition lists, footnotes, and video
embeds from a few hosts only. Scripts, event handlers (``onerror=``), styles
other than table alignment, forms, and ``javascript:``/``data:`` URLs are
removed. A unit (offices.yaml ``trusted_html: true``) or a page (front matter
``trusted_html: true``) may opt out for markup it vouches for; ``sitegen check``
warns wherever that is so.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import nh3

from sitegen.sources import word_html

TAGS = {
    *[
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
    ],
    *[
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "iframe",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
    ],
    *[
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    ],
}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes", "decoding"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "col": {"span"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "details": {"open"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
EMBED_HOSTS = (  # video players that may be embedded; every other iframe is removed
    "https://www.youtube-nocookie.com/embed/",
    "https://www.youtube.com/embed/",
    "https://player.vimeo.com/video/",
)
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.S)
_UNSAFE_URL = re.compile(r"^\s*(?:javascript|vbscript|data|file)\s*:", re.I)


def _filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "iframe" and attr == "src":
        return value if value.startswith(EMBED_HOSTS) else None
    if attr == "srcset" and any(_UNSAFE_URL.match(c) for c in value.split(",")):
        return None  # nh3 checks src against the schemes allowed, not the addresses of a srcset
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style"},
    attributes=ATTRIBUTES,
    attribute_filter=_filter,
    link_rel=None,
    url_schemes=URL_SCHEMES,
    filter_style_properties={"text-align"},
)


def clean(html: str) -> str:
    """The fragment with everything outside the allow-list removed."""
    return _EMPTY_IFRAME.sub("", _CLEANER.clean(word_html.clean(html)))


def safe_url(url: str) -> bool:
    """A URL an editor may give in front matter (``image:``): no script or data scheme."""
    return not _UNSAFE_URL.match(url)


# --- whole files a unit publishes from its static/ folder (see sitegen.sources.static_trust) ---

_DOCUMENT_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style", "title", "noscript", "template"},
    attributes=ATTRIBUTES,
    attribute_filter=_filter,
    link_rel=None,
    url_schemes=URL_SCHEMES,
    filter_style_properties={"text-align"},
)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_LANG = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)", re.I)


class _Active(HTMLParser):
    """Names what in an HTML document the allow-list removes, for the editor's message."""

    KEPT = TAGS | {"html", "head", "body", "title", "meta", "!doctype"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[str] = []

    def _note(self, what: str) -> None:
        if what not in self.removed:
            self.removed.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.KEPT:
            self._note(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self._note(f"{name}=")
            elif value and _UNSAFE_URL.match(value):
                self._note(f"{value.split(':')[0].strip().lower()}: address")


def active_html(text: str) -> list[str]:
    """What in an HTML document the sanitizer takes out that could act: scripts, handlers, frames, forms."""
    finder = _Active()
    finder.feed(text)
    finder.close()
    return finder.removed


def clean_document(text: str, policy: str) -> str:
    """A whole HTML document, sanitized like a page body and framed again as a document.

    The body keeps what pages may hold; the head keeps only the title and the
    document's language, and gains a charset and the sites' Content-Security-Policy.
    """
    title = _TITLE.search(text)
    lang = _LANG.search(text)
    body = _DOCUMENT_CLEANER.clean(text)
    body = _EMPTY_IFRAME.sub("", body).strip()
    head = (
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n'
        f"<title>{html.escape(html.unescape(title.group(1)).strip()) if title else ''}</title>\n"
    )
    opening = f'<html lang="{lang.group(1)}">' if lang else "<html>"
    return f"<!DOCTYPE html>\n{opening}\n<head>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
SVG_TAGS = _words(
    "svg g defs title desc symbol use path rect circle ellipse line polyline polygon text tspan textPath "
    "linearGradient radialGradient stop clipPath mask pattern marker image style switch "
    "filter feBlend feColorMatrix feComponentTransfer feComposite feFlood feGaussianBlur feMerge "
    "feMergeNode feMorphology feOffset feDropShadow feFuncR feFuncG feFuncB feFuncA"
)
SVG_ATTRIBUTES = _words(
    "id class style lang transform viewBox preserveAspectRatio width height x y x1 y1 x2 y2 cx cy r rx ry "
    "d points pathLength fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin "
    "stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity color display visibility "
    "clip-path clip-rule clipPathUnits mask maskUnits maskContentUnits filter filterUnits primitiveUnits "
    "gradientUnits gradientTransform spreadMethod fx fy fr offset stop-color stop-opacity patternUnits "
    "patternContentUnits patternTransform markerWidth markerHeight markerUnits refX refY orient "
    "marker-start marker-mid marker-end font-family font-size font-weight font-style text-anchor "
    "dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing text-decoration "
    "dx dy rotate textLength lengthAdjust startOffset in in2 result stdDeviation mode operator k1 k2 k3 k4 "
    "values type tableValues slope intercept amplitude exponent flood-color flood-opacity radius "
    "version baseProfile role aria-label aria-hidden focusable overflow mix-blend-mode isolation "
    "shape-rendering text-rendering image-rendering color-interpolation color-interpolation-filters "
    "vector-effect paint-order requiredFeatures systemLanguage"
)
_LOCAL_REF = re.compile(r"^#[\w.:-]*$")
_PICTURE_DATA = re.compile(r"^data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$")
_CSS_DANGER = re.compile(r"@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.I)
_CSS_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.I)
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*>", re.I)


class SvgError(ValueError):
    """An SVG file that cannot be sanitized (not XML, or declaring entities)."""


def _safe_css(css: str) -> bool:
    return not _CSS_DANGER.search(css) and all(u.startswith("#") for u in _CSS_URL.findall(css))


def clean_svg(data: bytes) -> tuple[bytes, list[str]]:
    """An SVG file with only drawing left: no script, handler, foreign content or outside reference.

    Returns the cleaned bytes and what was removed (for the editor's message).
    Raises SvgError for a file that is not well-formed XML or declares entities.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SvgError("the SVG file is not UTF-8 text") from None
    if "<!ENTITY" in text.upper():
        raise SvgError("the SVG file declares XML entities")
    text = _DOCTYPE.sub("", text)
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise SvgError(f"the SVG file is not well-formed XML ({exc})") from None
    if root.tag != f"{{{SVG}}}svg":
        raise SvgError("the file's outermost element is not an SVG <svg>")
    removed: list[str] = []

    def note(what: str) -> None:
        if what not in removed:
            removed.append(what)

    def walk(element: ElementTree.Element) -> None:
        for child in list(element):
            ns, _, name = child.tag.rpartition("}")
            if ns.lstrip("{") != SVG or name not in SVG_TAGS:
                if ns.lstrip("{") == SVG and name == "a":
                    child.tag = f"{{{SVG}}}g"  # a link becomes a plain group: its drawing stays
                    note("<a>")
                else:
                    element.remove(child)
                    note(f"<{name}>")
                    continue
            if name == "style" and not _safe_css(child.text or ""):
                element.remove(child)
                note("<style> loading from outside")
                continue
            clean_attributes(child)
            walk(child)

    def clean_attributes(element: ElementTree.Element) -> None:
        for key in list(element.attrib):
            value = element.attrib[key]
            ns, _, name = key.rpartition("}")
            ns = ns.lstrip("{")
            if name == "href" and ns in ("", XLINK):
                keep = bool(_LOCAL_REF.match(value.strip())) or (
                    element.tag == f"{{{SVG}}}image" and bool(_PICTURE_DATA.match(value.strip()))
                )
            elif ns == "http://www.w3.org/XML/1998/namespace":
                keep = name in ("space", "lang")
            elif ns:
                keep = False  # an editor's own data (inkscape:, sodipodi:): nothing a reader needs
            elif name == "style":
                keep = _safe_css(value)
            else:  # fill="url(#verlauf)" is drawing; url(https://…) would fetch from outside
                keep = name in SVG_ATTRIBUTES and ("url(" not in value.lower() or _safe_css(value))
            if not keep:
                del element.attrib[key]
                if name.lower().startswith("on"):
                    note(f"{name}=")
                elif name == "href" or "url(" in value.lower():
                    note("a reference outside the picture")

    clean_attributes(root)
    walk(root)
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", XLINK)
    out = ElementTree.tostring(root, encoding="unicode", short_empty_elements=True)
    return out.encode("utf-8") + b"\n", removed
