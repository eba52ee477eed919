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

import re

import nh3

from . import word_html

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
