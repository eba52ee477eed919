"""offices.yaml read: the network and its units, validated in one place.

Every key is declared once, in ``OFFICES`` (sitegen.config.offices_keys: type, limits,
default, meaning in English and Indonesian); the readers here apply that declaration
and build the ``Network`` and its ``Office`` units. A key whose value needs more than
its declared type says has its reader in ``_UNIT_READERS``. Unknown keys are errors,
because a typo such as ``timezon:`` that passed silently would publish a site in the
wrong zone.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, time, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitegen.config import schema, yaml_lines
from sitegen.config.offices_keys import (
    COORDINATES_PATTERN,
    DEFAULT_MENU,
    EDITOR_BACKENDS,
    EDITOR_KEYS,
    EDITOR_PATTERN,
    INTEGRITY_ZONES,
    LINKS,
    OFFICES,
    SERVICE_POINT_KINDS,
    SOCIAL_PLATFORMS,
    UNIT,
)
from sitegen.config.readers import (
    _URL_UNSAFE,
    EMAIL,
    Validator,
    accent,
    site_file,
    social_accounts,
    url_problem,
)
from sitegen.config.schema import Key
from sitegen.config.yaml_lines import LineDict, LineList
from sitegen.dates import DateFormatError, zone
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.urls import slugify

# What the readers match and accept, compiled and picked from the declaration.
_COORDINATES = re.compile(COORDINATES_PATTERN)
SLUG = re.compile(schema.SLUG_PATTERN)
_REPO = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")
_EDITOR = re.compile(EDITOR_PATTERN)
_RANGE = re.compile(r"^(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})$")

NETWORK = OFFICES.key("network")
NETWORK_KEYS = NETWORK.names
FEED_KEYS = NETWORK.key("feeds").names
LIST_KEYS = NETWORK.key("list").names
UNIT_KEYS = UNIT.names
REQUIRED_UNIT_KEYS = UNIT.required_names
_FEED_ITEMS = NETWORK.key("feeds").key("items").default


@dataclass(frozen=True)
class OfficeClass:
    name: str
    as_of: date | None
    decree: str = ""  # the decision that set the class; without it no "since" date is shown


@dataclass(frozen=True)
class Hours:
    """Opening hours per weekday; an empty tuple means closed that day."""

    days: tuple[tuple[str, tuple[tuple[time, time], ...]], ...]

    def on(self, weekday: str) -> tuple[tuple[time, time], ...]:
        return dict(self.days).get(weekday, ())


@dataclass(frozen=True)
class ServicePoint:
    """A place outside the office where the unit serves: a ULP, a desk in a public service mall (MPP)."""

    name: str
    kind: str = ""
    address: str = ""
    hours: str = ""


@dataclass(frozen=True)
class Office:
    """One unit (Kanim, Rudenim or Kanwil) and everything its site says about it."""

    id: str
    name: str
    short_name: str
    kind: str
    base_url: str
    timezone: str
    office_class: OfficeClass | None = None
    parent: str | None = None
    languages: tuple[str, ...] = ("id",)
    address: str = ""
    contacts: tuple[tuple[str, str], ...] = ()
    hours: Hours = Hours(())
    coverage: tuple[str, ...] = ()
    entry_points: tuple[str, ...] = ()
    social: tuple[tuple[str, str], ...] = ()
    services: tuple[str, ...] = ()
    theme: str = "default"
    accent: str = ""  # the unit's colour, "#0b3d6e": masthead, headings and links
    logo: str = ""  # site path of the unit's logo, "/static/logo.png"
    banner: str = ""  # site path of the home page's banner picture
    trusted_html: bool = False  # the unit's pages keep raw HTML as written (see sitegen.sources.sanitize)
    trusted_static: tuple[
        str, ...
    ] = ()  # static/ files published unchecked; ("*",) all (sitegen.sources.static_trust)
    unverified: tuple[str, ...] = ()  # keys whose values are examples, not the unit's official data
    editors: tuple[str, ...] = ()  # git host accounts or groups reviewing its changes (CODEOWNERS)
    locality: str = ""  # city or regency of the address (addressLocality)
    postal_code: str = ""
    coordinates: tuple[float, float] | None = None  # (latitude, longitude): the map link points there
    head: tuple[tuple[str, str], ...] = ()  # name, position of the head of office
    integrity_zone: tuple[tuple[str, str], ...] = ()  # status (WBK/WBBM), year
    service_points: tuple[ServicePoint, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # external services: network.links with the unit's overrides
    lines: dict[str, int] = field(default_factory=dict, hash=False, compare=False)  # key -> offices.yaml line
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    line: int = 0

    @property
    def tz(self) -> tzinfo:
        return zone(self.timezone)

    def contact(self, key: str) -> str:
        return dict(self.contacts).get(key, "")

    def link(self, name: str) -> str:
        """The address of an external service (LINKS) for this unit, or "" when none is configured."""
        return dict(self.links).get(name, "")

    def head_of(self, key: str) -> str:
        return dict(self.head).get(key, "")

    def zone_of(self, key: str) -> str:
        return dict(self.integrity_zone).get(key, "")


@dataclass(frozen=True)
class Network:
    """Network-wide settings plus the units, in file order."""

    name: str
    organisation: str
    directorate: str
    default_language: str
    feed_items: int
    id_authority: str
    offices: tuple[Office, ...]
    path: Path
    page_size: int = 10  # items per page of a paginated list (network.list.page_size)
    security_contact: str = ""  # mailto: or https: address for security reports (security.txt)
    topics: tuple[tuple[str, str], ...] = ()  # a tag as written in front matter -> its name on pages
    menu: tuple[tuple[str, str], ...] = DEFAULT_MENU  # the main menu: section folder -> label (network.menu)
    editor: tuple[tuple[str, str], ...] = ()  # the web editor's git host (network.editor; sitegen.cms)

    def topic_name(self, tag: str) -> str:
        """How readers see a topic: its name from offices.yaml, else "layanan-publik" as "Layanan publik"."""
        slug = slugify(tag)
        named = dict(self.topics).get(slug)
        if named:
            return named
        return tag if tag != slug else slug.replace("-", " ").capitalize()

    def office(self, office_id: str) -> Office:
        for office in self.offices:
            if office.id == office_id:
                return office
        raise KeyError(office_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.offices)

    def children(self, office_id: str) -> tuple[Office, ...]:
        return tuple(o for o in self.offices if o.parent == office_id)


def load_network(path: Path, problems: Problems) -> Network | None:
    """Read and validate offices.yaml; report every problem, return None if any."""
    before = len(problems.errors)
    data = _document(path, problems)
    if data is None:
        return None
    v = Validator(path, problems)
    v.keys(data, OFFICES.names, _("top level"))
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
    security_contact = _security_contact(v, net)
    units = data.get("units")
    if not isinstance(units, LineList) or not units:
        v.err(
            data.line_of("units"), _("'units' must be a non-empty list of units"), _("add at least one unit")
        )
        units = LineList()
    offices = [o for o in (_office(v, u, units.line_of(i)) for i, u in enumerate(units)) if o]
    defaults = _links(v, net, "network.links")
    offices = [replace(o, links=tuple({**dict(defaults), **dict(o.links)}.items())) for o in offices]
    _check_links(v, offices)
    network = Network(
        name=v.text(net, "name", "network"),
        organisation=v.text(net, "organisation", "network"),
        directorate=v.text(net, "directorate", "network"),
        default_language=v.text(net, "default_language", "network")
        or NETWORK.key("default_language").default,
        feed_items=v.integer(feeds, "items", _FEED_ITEMS) if isinstance(feeds, LineDict) else _FEED_ITEMS,
        id_authority=(v.text(feeds, "id_authority", "network.feeds") if isinstance(feeds, LineDict) else "")
        or NETWORK.key("feeds").key("id_authority").default,
        offices=tuple(offices),
        path=path,
        page_size=v.integer(listing, "page_size", NETWORK.key("list").key("page_size").default),
        security_contact=security_contact,
        topics=_topics(v, net),
        menu=_menu(v, net),
        editor=_editor(v, net),
    )
    return None if len(problems.errors) > before else network


def _document(path: Path, problems: Problems) -> LineDict | None:
    """offices.yaml read as YAML with its lines; None (reported) when it cannot be read at all.

    Invisible control characters are reported here too, once for the whole file, but do not
    stop the reading: every other problem is reported in the same run.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.error(
            path, 0, _("offices.yaml not found"), _("run sitegen from the repository root or pass --root")
        )
        return None
    except UnicodeDecodeError as exc:
        problems.error(
            path,
            1,
            _("not UTF-8 text ({reason})", reason=exc.reason),
            _("save the file as UTF-8"),
            "not-utf8",
        )
        return None
    except OSError as exc:
        problems.error(
            path,
            0,
            _("cannot be read ({reason})", reason=exc.strerror),
            _("use a shorter path to the repository (--root)")
            if exc.errno == errno.ENAMETOOLONG
            else _("check the file's permissions"),
            "unreadable-file",
        )
        return None
    try:
        data = yaml_lines.load(text)
    except yaml_lines.YamlError as exc:
        problems.error(
            path,
            exc.line,
            _("invalid YAML: {problem}", problem=exc.message),
            exc.hint or _("check indentation and quoting"),
            exc.code,
        )
        return None
    if not isinstance(data, LineDict):
        problems.error(path, 1, _("offices.yaml must be a mapping with 'network' and 'units'"))
        return None
    for line, key, char in yaml_lines.unpublishable(data):
        problems.error(
            path,
            line,
            _("invisible control character {char} in {key}", char=char, key=key),
            _("delete it: no web page or feed can carry it (\\x.. and \\u.. escapes included)"),
            "control-character",
        )
    return data


def _menu(v: Validator, net: LineDict) -> tuple[tuple[str, str], ...]:
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


def _topics(v: Validator, net: LineDict) -> tuple[tuple[str, str], ...]:
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


def _editor(v: Validator, net: LineDict) -> tuple[tuple[str, str], ...]:
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


def _editors(v: Validator, raw: LineDict) -> tuple[str, ...]:
    """A unit's editors: git host accounts or groups (@humas-sambas, @org/team) or e-mail addresses."""
    names = v.strings(raw, "editors")
    for name in names:
        if not _EDITOR.match(name):
            v.err(
                raw.line_of("editors"),
                _(
                    "editor {name!r} is neither an account or group (@name, @org/team) nor an e-mail address",
                    name=name,
                ),
                _("write editors: ['@humas-sambas', '@imigrasi/kanim-sambas']"),
            )
    return tuple(n for n in names if _EDITOR.match(n))


def _contacts(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[tuple[str, str], ...]:
    """Telephone, WhatsApp and e-mail; the e-mail address becomes a mailto: link, so it is checked."""
    pairs = v.pairs(raw, "contacts", key.names)
    value = raw.get("contacts")
    kept: list[tuple[str, str]] = []
    for name, text in pairs:
        if name in ("email", "press_email") and not EMAIL.match(text):
            line = value.line_of(name) if isinstance(value, LineDict) else raw.line_of("contacts")
            v.err(
                line,
                _("contacts.{key} {value!r} is not an e-mail address", key=name, value=text),
                _(
                    "write only the address, e.g. kanim.pontianak@imigrasi.go.id (no spaces, no ?, no mailto:)"
                ),
            )
            continue
        kept.append((name, text))
    return tuple(kept)


def _links(v: Validator, raw: LineDict, where: str) -> tuple[tuple[str, str], ...]:
    """External services' addresses: each an https:// address, or the page would send readers nowhere safe."""
    pairs = v.pairs(raw, "links", tuple(LINKS))
    value = raw.get("links")
    kept = []
    for name, url in pairs:
        problem = url_problem(url)
        if problem:
            line = value.line_of(name) if isinstance(value, LineDict) else raw.line_of("links")
            v.err(
                line,
                f"{where}.{name} {url!r} {problem}",
                f"write the service's address, like https://{name.replace('_', '-')}.example.go.id/",
            )
            continue
        kept.append((name, url))
    return tuple(kept)


def _coordinates(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[float, float] | None:
    """``coordinates: -0.0263, 109.3425``: latitude then longitude, each on the globe."""
    text = v.text(raw, key.name, where)
    if not text:
        return None
    hint = "write latitude, longitude in degrees, e.g. coordinates: -0.0263, 109.3425"
    if not _COORDINATES.match(text):
        v.err(raw.line_of(key.name), f"coordinates {text!r} are not latitude, longitude", hint)
        return None
    lat, lon = (float(part) for part in text.split(","))
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        v.err(
            raw.line_of(key.name),
            f"coordinates {text!r} are off the globe (latitude -90 to 90, longitude -180 to 180)",
            hint,
        )
        return None
    return (lat, lon)


def _postal_code(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    text = v.text(raw, key.name, where)
    if text and not schema.matches(key.pattern, text):
        v.err(
            raw.line_of(key.name),
            f"postal_code {text!r} is not five digits",
            'write e.g. postal_code: "78111"',
        )
        return ""
    return text


def _head(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[tuple[str, str], ...]:
    return v.pairs(raw, key.name, key.names)


def _integrity_zone(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[tuple[str, str], ...]:
    pairs = v.pairs(raw, key.name, key.names)
    value = raw.get(key.name)
    kept = []
    for name, text in pairs:
        line = value.line_of(name) if isinstance(value, LineDict) else raw.line_of(key.name)
        if name == "status" and text not in INTEGRITY_ZONES:
            v.err(
                line,
                f"integrity_zone.status {text!r} is not a title",
                f"use one of: {', '.join(INTEGRITY_ZONES)}",
            )
        elif name == "year" and not (text.isdigit() and int(text) >= 2000):
            v.err(line, f"integrity_zone.year {text!r} is not a year", "write e.g. year: 2024")
        else:
            kept.append((name, text))
    return tuple(kept)


def _service_points(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[ServicePoint, ...]:
    value = raw.get(key.name)
    if value is None:
        return ()
    item = key.item
    assert item is not None
    if not isinstance(value, LineList) or not all(isinstance(x, LineDict) for x in value):
        v.err(
            raw.line_of(key.name),
            "'service_points' must be a list of mappings",
            "write - name: ULP …, kind: ULP",
        )
        return ()
    points = []
    for point in value:
        v.keys(point, item.names, "a service point")
        name = v.text(point, "name", "a service point")
        kind = v.text(point, "kind", "a service point")
        if not name:
            v.err(point.line, "a service point has no 'name'", "add name: ULP …")
            continue
        if kind and kind not in SERVICE_POINT_KINDS:
            v.err(
                point.line_of("kind"),
                f"unknown service point kind {kind!r}",
                f"use one of: {', '.join(SERVICE_POINT_KINDS)}",
            )
            continue
        points.append(
            ServicePoint(
                name,
                kind,
                v.text(point, "address", "a service point"),
                v.text(point, "hours", "a service point"),
            )
        )
    return tuple(points)


def _security_contact(v: Validator, net: LineDict) -> str:
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


def _check_links(v: Validator, offices: list[Office]) -> None:
    seen: dict[str, Office] = {}
    for office in offices:
        if office.id in seen:
            v.err(
                office.line,
                _(
                    "duplicate unit id {unit!r} (first at line {line})",
                    unit=office.id,
                    line=seen[office.id].line,
                ),
                _("every unit needs its own id"),
                unit=office.id,
            )
        seen.setdefault(office.id, office)
    for office in offices:
        if office.parent and office.parent not in seen:
            v.err(
                office.line,
                _("unit {unit!r} names unknown parent {parent!r}", unit=office.id, parent=office.parent),
                _("use one of: {ids}", ids=", ".join(sorted(seen))),
                unit=office.id,
            )


def _office(v: Validator, raw: Any, line: int) -> Office | None:
    """One unit, read key by key as UNIT declares them: the declared type, limits and default."""
    if not isinstance(raw, LineDict):
        v.err(line, _("each unit must be a mapping of keys (id, name, ...)"))
        return None
    v.keys(raw, UNIT_KEYS, _("a unit"))
    where = _("unit {unit!r}", unit=raw.get("id", "?"))
    for key in REQUIRED_UNIT_KEYS:
        if not raw.get(key):
            v.err(
                raw.line,
                _("{where} has no {key!r}", where=where, key=key),
                _("add '{key}:' to the unit", key=key),
            )
    values = {key.field: _UNIT_READERS.get(key.name, _read)(v, raw, key, where) for key in UNIT.keys}
    return Office(**values, lines=dict(raw.key_lines), line=raw.line)


def _read(v: Validator, raw: LineDict, key: Key, where: str) -> Any:
    """A unit's key of a plain declared type: text (with its choices), a list (with its choices), a flag."""
    if key.type == "text":
        value = v.text(raw, key.name, where)
        if value and key.enum and value not in key.enum:
            v.err(
                raw.line_of(key.name),
                _("unknown {what} {value!r}", what=key.name, value=value),
                _("use one of: {ids}", ids=", ".join(key.enum)),
            )
            return ""
        return value or (key.default or "")
    if key.type == "list":
        values = v.choices(raw, key.name, key.enum) if key.enum else v.strings(raw, key.name)
        return tuple(values) or tuple(key.default or ())
    if key.type == "boolean":
        return _flag(v, raw, key.name)
    raise AssertionError(f"no reader for {key.name!r} ({key.type})")  # a declared key without one


def _unit_id(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    office_id = str(raw.get("id") or "")
    if office_id and not SLUG.match(office_id):
        v.err(
            raw.line_of("id"),
            _("unit id {unit!r} is not a slug", unit=office_id),
            _("use lowercase letters, digits and hyphens"),
        )
    return office_id


def _kind(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    kind = str(raw.get("kind") or "")
    if kind and kind not in key.enum:
        v.err(
            raw.line_of("kind"),
            _("unknown kind {value!r}", value=kind),
            _("use one of: {ids}", ids=", ".join(key.enum)),
            "unknown-kind",
        )
    return kind


def _timezone(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    tz_name = str(raw.get("timezone") or "")
    if tz_name:
        try:
            zone(tz_name)
        except DateFormatError:
            v.err(
                raw.line_of("timezone"),
                _("unknown time zone {name!r}", name=tz_name),
                _(
                    "use an IANA name such as Asia/Pontianak (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)"
                ),
            )
    return tz_name


def _not_http(url: str) -> bool:
    """No http(s) address at all (another scheme, an unreadable one): the message says it all."""
    if _URL_UNSAFE.search(url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return True
    return parts.scheme.lower() not in ("http", "https")


def _base_url(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    base_url = str(raw.get("base_url") or "")
    if base_url:
        problem = url_problem(base_url, ("http", "https"), query=False)
        if problem:
            v.err(
                raw.line_of("base_url"),
                _("base_url {value!r} is not an absolute http(s) URL", value=base_url)
                if _not_http(base_url)
                else _(
                    "base_url {value!r} is not an absolute http(s) URL: it {problem}",
                    value=base_url,
                    problem=problem,
                ),
                _("write it like https://pontianak.imigrasi.go.id/"),
            )
        elif not base_url.endswith("/"):
            base_url += "/"
    return base_url


def _parent(v: Validator, raw: LineDict, key: Key, where: str) -> str | None:
    return v.text(raw, "parent", where) or None


def _office_class(v: Validator, raw: LineDict, key: Key, where: str) -> OfficeClass | None:
    value = raw.get("class")
    if value is None:
        return None
    if not isinstance(value, LineDict):
        v.err(
            raw.line_of("class"), "'class' must be a mapping", "write name: Kelas I TPI and as_of: 2024-01-01"
        )
        return None
    v.keys(value, key.names, "class")
    as_of = None
    if value.get("as_of"):
        try:
            as_of = date.fromisoformat(str(value["as_of"]))
        except ValueError:
            v.err(
                value.line_of("as_of"),
                _("cannot read as_of date {value!r}", value=value["as_of"]),
                _("write it as 2024-01-01"),
                "date-unreadable",
            )
    return OfficeClass(str(value.get("name") or ""), as_of, str(value.get("decree") or ""))


def _hours(v: Validator, raw: LineDict, key: Key, where: str) -> Hours:
    value = raw.get("hours")
    if value is None:
        return Hours(())
    if not isinstance(value, LineDict):
        v.err(
            raw.line_of("hours"), _("'hours' must map weekdays to times"), _("write e.g. senin: 08.00-16.00")
        )
        return Hours(())
    v.keys(value, key.names, "hours")
    days: list[tuple[str, tuple[tuple[time, time], ...]]] = []
    for day in key.names:
        spec = value.get(day)
        if spec is None or str(spec).strip().lower() in ("", "tutup", "closed"):
            days.append((day, ()))
            continue
        ranges = []
        for part in str(spec).split(","):
            match = _RANGE.match(part.strip())
            if not match:
                v.err(
                    value.line_of(day),
                    _("cannot read hours {value!r} for {day}", value=part.strip(), day=day),
                    _("write 08.00-16.00, several ranges separated by commas, or tutup"),
                )
                break
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            try:
                ranges.append((time(h1, m1), time(h2, m2)))
            except ValueError:
                v.err(
                    value.line_of(day),
                    _("impossible time in {value!r}", value=part.strip()),
                    _("hours run 00-23, minutes 00-59"),
                )
        days.append((day, tuple(ranges)))
    return Hours(tuple(days))


def _theme(v: Validator, raw: LineDict, key: Key, where: str) -> str:
    """A theme is a folder of themes/ named plainly, never a path that could lead elsewhere."""
    name = v.text(raw, "theme", where) or key.default
    if not SLUG.match(name):
        v.err(
            raw.line_of("theme"),
            _("theme {name!r} is not the name of a folder in themes/", name=name),
            _("write a plain name such as theme: default"),
        )
        return str(key.default)
    return name


def _params(v: Validator, raw: LineDict, key: Key, where: str) -> dict[str, Any]:
    value = raw.get("params")
    if value is None:
        return {}
    if not isinstance(value, dict):
        v.err(
            raw.line_of("params"),
            _("'params' must be a mapping"),
            _("indent your own keys under params:"),
            "not-mapping",
        )
        return {}
    return dict(value)


def _trusted_static(v: Validator, raw: LineDict, key: Key, where: str) -> tuple[str, ...]:
    """``trusted_static: true`` (every file of the unit's static/) or a list of paths inside it."""
    value = raw.get("trusted_static", False)
    if value is True:
        return ("*",)
    if value is False:
        return ()
    if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
        return tuple(item.strip("/") for item in value)
    v.err(
        raw.line_of("trusted_static"),
        _("'trusted_static' must be true or a list of files inside the unit's static/ folder"),
        _("write trusted_static: [js/peta.js]"),
    )
    return ()


def _flag(v: Validator, raw: LineDict, key: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        v.err(
            raw.line_of(key),
            _("{key!r} must be true or false", key=key),
            _("write {key}: true", key=key),
            "not-boolean",
        )
        return False
    return value


# The keys whose value needs more than its declared type says (a slug, a zone that exists, a
# colour dark enough, an account on the platform's domain); every other key is read by _read.
_UNIT_READERS: dict[str, Callable[[Validator, LineDict, Key, str], Any]] = {
    "id": _unit_id,
    "kind": _kind,
    "class": _office_class,
    "parent": _parent,
    "base_url": _base_url,
    "timezone": _timezone,
    "contacts": _contacts,
    "hours": _hours,
    "social": lambda v, raw, key, where: social_accounts(
        v, raw, {k: domains for k, (_label, domains) in SOCIAL_PLATFORMS.items()}
    ),
    "theme": _theme,
    "accent": lambda v, raw, key, where: accent(v, raw, where),
    "logo": lambda v, raw, key, where: site_file(v, raw, key.name, where),
    "banner": lambda v, raw, key, where: site_file(v, raw, key.name, where),
    "trusted_static": _trusted_static,
    "params": _params,
    "editors": lambda v, raw, key, where: _editors(v, raw),
    "coordinates": _coordinates,
    "postal_code": _postal_code,
    "head": _head,
    "integrity_zone": _integrity_zone,
    "service_points": _service_points,
    "links": lambda v, raw, key, where: _links(v, raw, f"units[{raw.get('id', '?')}].links"),
}
