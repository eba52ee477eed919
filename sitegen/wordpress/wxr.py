"""A WordPress export (WXR, Tools → Export) read into plain dataclasses.

WXR is RSS 2.0 with WordPress's own elements (``wp:post_type``,
``wp:status``, ``content:encoded`` …). It is read as a stream with the
``defusedxml`` SAX parser: no entity expansion, no DTD or external
reference is followed, nothing is fetched from the network, and an export of
hundreds of megabytes never sits in memory as one tree. Every item keeps the
line it starts on and the line its content starts on, so later steps can say
``export.xml:123: …`` about what they find inside it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax import SAXException, SAXParseException, handler
from xml.sax.xmlreader import Locator

import defusedxml.sax
from defusedxml import DefusedXmlException

# WordPress has declared its elements as http://wordpress.org/export/1.0/ to …/1.2/, and as
# https://wordpress.org/export/1.2/ (WordPress.com and newer exports); its own importer reads
# whichever the file declares. Every such URI is read here as these two short names.
WP_NAMESPACE = "wp"
EXCERPT_NAMESPACE = "excerpt"
_WP_URI = re.compile(r"^https?://(?:www\.)?wordpress\.org/export/(\d+\.\d+)/(excerpt/)?$")
VERSIONS = ("1.0", "1.1", "1.2")
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"


class WxrError(Exception):
    """The file cannot be read as a WordPress export; ``line`` points into it where known."""

    def __init__(self, message: str, line: int = 0, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


@dataclass(frozen=True)
class Term:
    """A category or tag an item is filed under."""

    domain: str  # "category" or "post_tag" (other taxonomies are kept but not used)
    slug: str
    name: str


@dataclass(frozen=True)
class Item:
    """One ``<item>``: a post, a page, an attachment, a menu entry …, as WordPress stored it."""

    line: int  # where <item> starts in the export
    post_id: int
    post_type: str
    status: str
    title: str
    link: str  # the old permalink
    guid: str  # the id the old feeds gave it
    creator: str  # the author's login
    date: str  # "2019-05-12 09:30:00" in the old site's zone
    date_gmt: str  # the same moment in UTC; "0000-00-00 00:00:00" for never-published drafts
    modified: str
    modified_gmt: str
    slug: str  # wp:post_name, possibly percent-encoded
    parent: int
    menu_order: int
    content: str
    content_line: int  # where the content's text starts in the export
    excerpt: str
    attachment_url: str
    terms: tuple[Term, ...]
    meta: dict[str, str] = field(hash=False, compare=False)
    comments: int = 0
    password: str = ""  # wp:post_password: readers needed it to see the text
    sticky: bool = False  # wp:is_sticky: kept at the top of the old site's news

    def line_in_content(self, offset: int) -> int:
        """The export's line of a character of ``content``."""
        return self.content_line + self.content.count("\n", 0, offset)


@dataclass(frozen=True)
class Export:
    """The whole export: the old site's addresses, its authors, and every item in file order."""

    path: Path
    version: str
    site_url: str  # wp:base_site_url, else the channel's <link>
    blog_url: str  # wp:base_blog_url (where the posts lived, often the same)
    authors: dict[str, str]  # login -> display name
    items: tuple[Item, ...]


@dataclass
class _Node:
    name: tuple[str | None, str]
    line: int
    text: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)

    def value(self) -> str:
        return "".join(self.text)

    def child(self, uri: str, local: str) -> _Node | None:
        for node in self.children:
            if node.name == ((uri or None), local):
                return node
        return None

    def get(self, uri: str, local: str) -> str:
        node = self.child(uri, local)
        return node.value().strip() if node else ""


class _Reader(handler.ContentHandler):
    """Builds a small tree per <item> and per channel-level element, then lets it go."""

    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.stack: list[_Node] = []
        self.root: str | None = None
        self.version = ""
        self.site_url = ""
        self.blog_url = ""
        self.link = ""
        self.authors: dict[str, str] = {}
        self.items: list[Item] = []
        self.wp_uris: set[str] = set()  # the WordPress namespaces the file uses
        self.odd_uris: set[str] = set()  # namespaces that look like WordPress's but are not

    def setDocumentLocator(self, locator: Locator) -> None:  # noqa: N802 (SAX's name)
        self.locator = locator

    def startElementNS(self, name, qname, attrs) -> None:  # noqa: N802
        line = (self.locator.getLineNumber() or 0) if self.locator else 0
        if self.root is None:
            self.root = name[1]
            if name[1] != "rss":
                raise WxrError(
                    f"the file is XML, but its root is <{name[1]}>, not a WordPress export's <rss>",
                    line,
                    "give the file WordPress exported (Tools → Export → All content)",
                )
        node = _Node(self._canonical(name), line, attrs={k[1]: v for k, v in attrs.items()})
        if self.stack:
            self.stack[-1].children.append(node)
        self.stack.append(node)

    def _canonical(self, name: tuple[str | None, str]) -> tuple[str | None, str]:
        """WordPress's namespace, whichever version and scheme the file declares, as ``wp``/``excerpt``."""
        uri = name[0]
        match = _WP_URI.match(uri) if uri else None
        if uri is None or match is None:
            if uri and "wordpress.org/export" in uri:
                self.odd_uris.add(uri)
            return name
        self.wp_uris.add(uri.removesuffix("excerpt/"))
        return (EXCERPT_NAMESPACE if match.group(2) else WP_NAMESPACE, name[1])

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].text.append(content)

    def endElementNS(self, name, qname) -> None:  # noqa: N802
        node = self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        if parent is None or parent.name[1] != "channel" or parent.name[0]:
            return
        parent.children.pop()  # channel-level elements are read here and let go
        uri, local = node.name
        wp = uri == WP_NAMESPACE
        if local == "item" and not uri:
            self.items.append(_item(node))
        elif wp and local == "wxr_version":
            self.version = node.value().strip()
        elif wp and local == "base_site_url":
            self.site_url = node.value().strip()
        elif wp and local == "base_blog_url":
            self.blog_url = node.value().strip()
        elif wp and local == "author":
            login = node.get(WP_NAMESPACE, "author_login")
            if login:
                self.authors[login] = node.get(WP_NAMESPACE, "author_display_name") or login
        elif local == "link" and not uri:
            self.link = node.value().strip()


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0


def _item(node: _Node) -> Item:
    wp = WP_NAMESPACE
    content = node.child(CONTENT, "encoded")
    excerpt = node.child(EXCERPT_NAMESPACE, "encoded")
    terms = tuple(
        Term(c.attrs.get("domain", ""), c.attrs.get("nicename", ""), html.unescape(c.value().strip()))
        for c in node.children
        if c.name == (None, "category") and c.value().strip()
    )
    meta = {}
    for c in node.children:
        if c.name == (wp, "postmeta"):
            key = c.get(wp, "meta_key")
            if key:
                meta[key] = c.get(wp, "meta_value")
    comments = sum(
        1
        for c in node.children
        if c.name == (wp, "comment")
        and c.get(wp, "comment_approved") == "1"
    )
    return Item(
        line=node.line,
        post_id=_int(node.get(wp, "post_id")),
        post_type=node.get(wp, "post_type"),
        status=node.get(wp, "status"),
        title=node.get("", "title") if node.child("", "title") else "",
        link=node.get("", "link"),
        guid=node.get("", "guid"),
        creator=node.get(DC, "creator"),
        date=node.get(wp, "post_date"),
        date_gmt=node.get(wp, "post_date_gmt"),
        modified=node.get(wp, "post_modified"),
        modified_gmt=node.get(wp, "post_modified_gmt"),
        slug=node.get(wp, "post_name"),
        parent=_int(node.get(wp, "post_parent")),
        menu_order=_int(node.get(wp, "menu_order")),
        content=content.value() if content else "",
        content_line=content.line if content else node.line,
        excerpt=excerpt.value().strip() if excerpt else "",
        attachment_url=node.get(wp, "attachment_url"),
        terms=terms,
        meta=meta,
        comments=comments,
        password=node.get(wp, "post_password"),
        sticky=node.get(wp, "is_sticky") == "1",
    )


_EXPORT_HINT = "in WordPress, use Tools → Export → All content and give that file"


def _check_version(reader: _Reader) -> None:
    """Say exactly why an RSS file is not a WXR file WordPress wrote, or accept it."""
    declared = " and ".join(sorted(reader.wp_uris))
    if not reader.wp_uris and reader.odd_uris:
        raise WxrError(
            f"not a WordPress export: it declares {', '.join(sorted(reader.odd_uris))}, which is not a "
            "namespace WordPress writes (http:// or https://wordpress.org/export/1.0/ to 1.2/)",
            1,
            _EXPORT_HINT,
        )
    if not reader.wp_uris:
        raise WxrError(
            "not a WordPress export: an RSS feed without WordPress's elements "
            '(no xmlns:wp="https://wordpress.org/export/1.2/" or an earlier version)',
            1,
            "a site's feed holds only its latest posts; " + _EXPORT_HINT,
        )
    if not reader.version:
        raise WxrError(
            f"not a complete WordPress export: it uses {declared} but its <channel> has no <wp:wxr_version>",
            1,
            _EXPORT_HINT,
        )
    major, _, minor = reader.version.partition(".")
    if major != "1" or not minor.isdigit():
        raise WxrError(
            f"WXR version {reader.version!r} is not one sitegen reads ({', '.join(VERSIONS)})",
            1,
            "export the site again with a current WordPress",
        )


def read_export(path: Path) -> Export:
    """Read ``path`` as a WXR file; raise :class:`WxrError` saying what is wrong and where."""
    reader = _Reader()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(handler.feature_namespaces, True)
    parser.setFeature(handler.feature_external_ges, False)
    parser.setContentHandler(reader)
    try:
        with path.open("rb") as stream:
            parser.parse(stream)
    except WxrError:
        raise
    except SAXParseException as exc:
        if (exc.getLineNumber(), exc.getColumnNumber()) == (1, 0):
            raise WxrError(
                "not an XML file", 1, "give the .xml file WordPress exported (Tools → Export → All content)"
            ) from None
        raise WxrError(
            f"not well-formed XML: {exc.getMessage()}",
            exc.getLineNumber() or 0,
            "export the site again (Tools → Export → All content); a cut-off download ends like this",
        ) from None
    except DefusedXmlException as exc:
        line = reader.locator.getLineNumber() if reader.locator else 0
        raise WxrError(
            f"the file declares XML entities or external references ({type(exc).__name__}), "
            "which a WordPress export never does; it was not read",
            line or 0,
            "use the file WordPress wrote, unchanged",
        ) from None
    except SAXException as exc:
        raise WxrError(f"not readable as XML: {exc.getMessage()}") from None
    except UnicodeDecodeError as exc:
        raise WxrError(f"not readable as text: {exc}") from None
    _check_version(reader)
    return Export(
        path=path,
        version=reader.version,
        site_url=(reader.site_url or reader.link).rstrip("/"),
        blog_url=(reader.blog_url or reader.site_url or reader.link).rstrip("/"),
        authors=reader.authors,
        items=tuple(reader.items),
    )
