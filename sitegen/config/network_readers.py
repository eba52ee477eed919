"""The ``network:`` section of offices.yaml: settings every unit's site shares.

Feeds, lists, the security contact, topic names, the main menu and the web
editor's git host are read here, each from its declaration in ``OFFICES``
(sitegen.config.offices_keys); sitegen.config.offices puts them into the ``Network``.
"""

from __future__ import annotations

import re

from sitegen.config.offices_keys import DEFAULT_MENU, EDITOR_BACKENDS, EDITOR_KEYS, OFFICES
from sitegen.config.readers import EMAIL, SLUG, Validator, known_language, url_problem
from sitegen.config.yaml_lines import LineDict
from sitegen.i18n import _

NETWORK = OFFICES.key("network")
NETWORK_KEYS = NETWORK.names
FEED_KEYS = NETWORK.key("feeds").names
LIST_KEYS = NETWORK.key("list").names
_FEED_ITEMS: int = NETWORK.key("feeds").key("items").default
_ID_AUTHORITY: str = NETWORK.key("feeds").key("id_authority").default
_REPO = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")


def read_sections(v: Validator, data: LineDict) -> tuple[LineDict, LineDict | None, LineDict]:
    """``network:`` and its ``feeds:`` and ``list:`` mappings, their keys checked.

    A missing section reads as an empty one, so that the defaults apply; ``feeds`` is
    None when it holds something other than a mapping (its defaults apply then too).
    """
    net = data.get("network") or LineDict()
    if not isinstance(net, LineDict):
        v.err(data.line_of("network"), _("'network' must be a mapping"))
        net = LineDict()
    v.keys(net, NETWORK_KEYS, "network")
    feeds = net.get("feeds") or LineDict()
    if isinstance(feeds, LineDict):
        v.keys(feeds, FEED_KEYS, "network.feeds")
    listing = net.get("list") or LineDict()
    if isinstance(listing, LineDict):
        v.keys(listing, LIST_KEYS, "network.list")
    else:
        v.err(net.line_of("list"), _("'list' must be a mapping"), _("write list: {page_size: 10}"))
        listing = LineDict()
    return net, feeds if isinstance(feeds, LineDict) else None, listing


def read_default_language(v: Validator, net: LineDict) -> str:
    """The language of every site's own pages: one a site can be published in."""
    code = v.text(net, "default_language", "network")
    if code and known_language(v, code, net.line_of("default_language"), "network.default_language"):
        return code
    return str(NETWORK.key("default_language").default)


def read_feed_items(v: Validator, feeds: LineDict | None) -> int:
    """network.feeds.items: how many items a feed carries."""
    return v.integer(feeds, "items", _FEED_ITEMS) if feeds is not None else _FEED_ITEMS


def read_id_authority(v: Validator, feeds: LineDict | None) -> str:
    """network.feeds.id_authority: the authority part of every feed id, the declared default if none."""
    written = v.text(feeds, "id_authority", "network.feeds") if feeds is not None else ""
    return written or _ID_AUTHORITY


def read_menu(v: Validator, net: LineDict) -> tuple[tuple[str, str], ...]:
    """network.menu: the sections the main menu links, in order, with their labels."""
    raw = net.get("menu")
    if raw is None:
        return DEFAULT_MENU
    if not isinstance(raw, LineDict) or not raw:
        v.err(
            net.line_of("menu"),
            _("'menu' must map section folders to labels"),
            _("write menu: {berita: Berita, layanan: Layanan}"),
        )
        return DEFAULT_MENU
    entries = []
    for section, label in raw.items():
        if not isinstance(section, str) or not SLUG.match(section):
            v.err(
                raw.line_of(section),
                _("menu entry {section!r} is not a section folder", section=section),
                _("use the folder's name in lowercase words joined by hyphens, as in informasi-publik"),
            )
        elif not isinstance(label, str) or not label.strip():
            v.err(
                raw.line_of(section),
                _("menu entry {section!r} has no label", section=section),
                _("write {section}: followed by the label readers see", section=section),
            )
        else:
            entries.append((section, label.strip()))
    return tuple(entries)


def read_topics(v: Validator, net: LineDict) -> tuple[tuple[str, str], ...]:
    """network.topics: the name of each topic as readers see it ("plb: Pas Lintas Batas (PLB)")."""
    raw = net.get("topics")
    if raw is None:
        return ()
    if not isinstance(raw, LineDict):
        v.err(
            net.line_of("topics"),
            _("'topics' must be a mapping of tag to name"),
            _("write topics: {plb: PLB}"),
        )
        return ()
    named = []
    for tag, name in raw.items():
        if not isinstance(tag, str) or not SLUG.match(tag):
            v.err(
                raw.line_of(tag),
                _("topic {tag!r} is not written as tags are", tag=tag),
                _("use lowercase words joined by hyphens, as in tags: [layanan-publik]"),
            )
        elif not isinstance(name, str) or not name.strip():
            v.err(
                raw.line_of(tag),
                _("topic {tag!r} needs a name", tag=tag),
                _("write {tag}: Its name on pages", tag=tag),
            )
        else:
            named.append((tag, name.strip()))
    return tuple(named)


def read_editor(v: Validator, net: LineDict) -> tuple[tuple[str, str], ...]:
    """network.editor: the git host the web editor commits to (see sitegen.cms and docs/web-editor.md)."""
    raw = net.get("editor")
    if raw is None:
        return ()
    pairs = dict(v.pairs(net, "editor", EDITOR_KEYS))
    if not isinstance(raw, LineDict):
        return ()
    if pairs.get("backend") not in EDITOR_BACKENDS:
        v.err(
            raw.line_of("backend"),
            _("editor.backend must name the git host"),
            _("use one of: {ids}", ids=", ".join(EDITOR_BACKENDS)),
        )
    if not _REPO.match(pairs.get("repo", "")):
        v.err(raw.line_of("repo"), _("editor.repo must name the repository"), _("write repo: owner/name"))
    for key in ("base_url", "api_root"):
        if key in pairs and url_problem(pairs[key], ("https",), query=False):
            v.err(
                raw.line_of(key),
                _("editor.{key} {value!r} is not an https:// address", key=key, value=pairs[key]),
            )
    if pairs.get("workflow", "true").lower() not in ("true", "false"):
        v.err(raw.line_of("workflow"), _("editor.workflow must be true or false"), _("write workflow: true"))
    return tuple(pairs.items())


def read_security_contact(v: Validator, net: LineDict) -> str:
    """Where to report a vulnerability: an e-mail address or an https page (RFC 9116 Contact)."""
    value = v.text(net, "security_contact", "network")
    if not value:
        return ""
    if "@" in value and ":" not in value:
        value = "mailto:" + value
    if value.startswith("mailto:"):
        fit = bool(EMAIL.match(value[len("mailto:") :]))
    else:
        fit = value.startswith("https://") and not url_problem(value)
    if not fit:
        v.err(
            net.line_of("security_contact"),
            _("security_contact {value!r} is neither an e-mail address nor an https:// address", value=value),
            _("write e.g. security_contact: keamanan@imigrasi.go.id"),
        )
        return ""
    return value
