"""offices.yaml: the network and its units, validated in one place.

Every option a unit may set is declared here with its validator. Unknown keys
are errors, because a typo such as ``timezon:`` that passed silently would
publish a site in the wrong zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time, tzinfo
from pathlib import Path
from typing import Any

from sitegen.config import yaml_lines
from sitegen.config.readers import EMAIL, Validator, accent, site_file, social_accounts, url_problem
from sitegen.config.yaml_lines import LineDict, LineList
from sitegen.dates import DateFormatError, zone
from sitegen.errors import Problems
from sitegen.urls import slugify

KINDS = ("kanim", "rudenim", "kanwil")
SERVICES = ("paspor", "izin-tinggal", "plb", "detensi")
WEEKDAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
# official social media accounts: the platform's name for readers, and the domains its addresses are on
SOCIAL_PLATFORMS = {
    "facebook": ("Facebook", ("facebook.com", "fb.com")),
    "instagram": ("Instagram", ("instagram.com",)),
    "x": ("X", ("x.com", "twitter.com")),
    "tiktok": ("TikTok", ("tiktok.com",)),
    "youtube": ("YouTube", ("youtube.com", "youtu.be")),
}
SOCIAL = tuple(SOCIAL_PLATFORMS)
CONTACTS = ("phone", "whatsapp", "email")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RANGE = re.compile(r"^(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})$")

NETWORK_KEYS = (
    "name",
    "organisation",
    "directorate",
    "default_language",
    "feeds",
    "list",
    "security_contact",
    "topics",
    "editor",
)
# network.editor: where the web editor (sitegen.cms) commits; editors: who reviews a unit's changes
EDITOR_KEYS = ("backend", "repo", "branch", "base_url", "app_id", "api_root", "workflow")
EDITOR_BACKENDS = ("github", "gitlab", "gitea")
_REPO = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")
_EDITOR = re.compile(r"^(?:@[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*|[^@\s]+@[^@\s]+\.[^@\s]+)$")
FEED_KEYS = ("items", "id_authority")
LIST_KEYS = ("page_size",)
UNIT_KEYS = (
    "id",
    "name",
    "short_name",
    "kind",
    "class",
    "parent",
    "base_url",
    "timezone",
    "languages",
    "address",
    "contacts",
    "hours",
    "coverage",
    "entry_points",
    "social",
    "services",
    "theme",
    "accent",
    "logo",
    "banner",
    "trusted_html",
    "trusted_static",
    "unverified",
    "params",
    "editors",
)
REQUIRED_UNIT_KEYS = ("id", "name", "short_name", "kind", "base_url", "timezone")


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
    lines: dict[str, int] = field(default_factory=dict, hash=False, compare=False)  # key -> offices.yaml line
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    line: int = 0

    @property
    def tz(self) -> tzinfo:
        return zone(self.timezone)

    def contact(self, key: str) -> str:
        return dict(self.contacts).get(key, "")


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
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.error(
            path, 0, "offices.yaml not found", "run sitegen from the repository root or pass --config"
        )
        return None
    except UnicodeDecodeError as exc:
        problems.error(path, 1, f"not UTF-8 text ({exc.reason})", "save the file as UTF-8")
        return None
    except OSError as exc:
        problems.error(path, 0, f"cannot be read ({exc.strerror})", "check the file's permissions")
        return None
    try:
        data = yaml_lines.load(text)
    except yaml_lines.YamlError as exc:
        problems.error(path, exc.line, f"invalid YAML: {exc.message}", "check indentation and quoting")
        return None
    if not isinstance(data, LineDict):
        problems.error(path, 1, "offices.yaml must be a mapping with 'network' and 'units'")
        return None
    for line, key, char in yaml_lines.unpublishable(data):
        problems.error(
            path,
            line,
            f"invisible control character {char} in {key}",
            "delete it: no web page or feed can carry it (\\x.. and \\u.. escapes included)",
        )
    v = Validator(path, problems)
    v.keys(data, ("network", "units"), "top level")
    net = data.get("network") or LineDict()
    if not isinstance(net, LineDict):
        v.err(data.line_of("network"), "'network' must be a mapping")
        net = LineDict()
    v.keys(net, NETWORK_KEYS, "network")
    feeds = net.get("feeds") or LineDict()
    if isinstance(feeds, LineDict):
        v.keys(feeds, FEED_KEYS, "network.feeds")
    listing = net.get("list") or LineDict()
    if isinstance(listing, LineDict):
        v.keys(listing, LIST_KEYS, "network.list")
    else:
        v.err(net.line_of("list"), "'list' must be a mapping", "write list: {page_size: 10}")
        listing = LineDict()
    security_contact = _security_contact(v, net)
    units = data.get("units")
    if not isinstance(units, LineList) or not units:
        v.err(data.line_of("units"), "'units' must be a non-empty list of units", "add at least one unit")
        units = LineList()
    offices = [o for o in (_office(v, u, units.line_of(i)) for i, u in enumerate(units)) if o]
    _check_links(v, offices)
    network = Network(
        name=v.text(net, "name", "network"),
        organisation=v.text(net, "organisation", "network"),
        directorate=v.text(net, "directorate", "network"),
        default_language=v.text(net, "default_language", "network") or "id",
        feed_items=v.integer(feeds, "items", 20) if isinstance(feeds, LineDict) else 20,
        id_authority=(v.text(feeds, "id_authority", "network.feeds") if isinstance(feeds, LineDict) else "")
        or "sitegen.invalid,2026",
        offices=tuple(offices),
        path=path,
        page_size=v.integer(listing, "page_size", 10),
        security_contact=security_contact,
        topics=_topics(v, net),
        editor=_editor(v, net),
    )
    return None if len(problems.errors) > before else network


def _topics(v: Validator, net: LineDict) -> tuple[tuple[str, str], ...]:
    """network.topics: the name of each topic as readers see it ("plb: Pas Lintas Batas (PLB)")."""
    raw = net.get("topics")
    if raw is None:
        return ()
    if not isinstance(raw, LineDict):
        v.err(net.line_of("topics"), "'topics' must be a mapping of tag to name", "write topics: {plb: PLB}")
        return ()
    named = []
    for tag, name in raw.items():
        if not isinstance(tag, str) or not SLUG.match(tag):
            v.err(
                raw.line_of(tag),
                f"topic {tag!r} is not written as tags are",
                "use lowercase words joined by hyphens, as in tags: [layanan-publik]",
            )
        elif not isinstance(name, str) or not name.strip():
            v.err(raw.line_of(tag), f"topic {tag!r} needs a name", f"write {tag}: Its name on pages")
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
        v.err(raw.line_of("backend"), "editor.backend must name the git host", f"use one of: {', '.join(EDITOR_BACKENDS)}")
    if not _REPO.match(pairs.get("repo", "")):
        v.err(raw.line_of("repo"), "editor.repo must name the repository", "write repo: owner/name")
    for key in ("base_url", "api_root"):
        if key in pairs and url_problem(pairs[key], ("https",), query=False):
            v.err(raw.line_of(key), f"editor.{key} {pairs[key]!r} is not an https:// address")
    if pairs.get("workflow", "true").lower() not in ("true", "false"):
        v.err(raw.line_of("workflow"), "editor.workflow must be true or false", "write workflow: true")
    return tuple(pairs.items())


def _editors(v: Validator, raw: LineDict) -> tuple[str, ...]:
    """A unit's editors: git host accounts or groups (@humas-sambas, @org/team) or e-mail addresses."""
    names = v.strings(raw, "editors")
    for name in names:
        if not _EDITOR.match(name):
            v.err(
                raw.line_of("editors"),
                f"editor {name!r} is neither an account or group (@name, @org/team) nor an e-mail address",
                "write editors: ['@humas-sambas', '@imigrasi/kanim-sambas']",
            )
    return tuple(n for n in names if _EDITOR.match(n))


def _contacts(v: Validator, raw: LineDict) -> tuple[tuple[str, str], ...]:
    """Telephone, WhatsApp and e-mail; the e-mail address becomes a mailto: link, so it is checked."""
    pairs = v.pairs(raw, "contacts", CONTACTS)
    value = raw.get("contacts")
    kept = []
    for key, text in pairs:
        if key == "email" and not EMAIL.match(text):
            line = value.line_of(key) if isinstance(value, LineDict) else raw.line_of("contacts")
            v.err(
                line,
                f"contacts.email {text!r} is not an e-mail address",
                "write only the address, e.g. kanim.pontianak@imigrasi.go.id (no spaces, no ?, no mailto:)",
            )
            continue
        kept.append((key, text))
    return tuple(kept)


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
            f"security_contact {value!r} is neither an e-mail address nor an https:// address",
            "write e.g. security_contact: keamanan@imigrasi.go.id",
        )
        return ""
    return value


def _check_links(v: Validator, offices: list[Office]) -> None:
    seen: dict[str, Office] = {}
    for office in offices:
        if office.id in seen:
            v.err(
                office.line,
                f"duplicate unit id {office.id!r} (first at line {seen[office.id].line})",
                "every unit needs its own id",
            )
        seen.setdefault(office.id, office)
    for office in offices:
        if office.parent and office.parent not in seen:
            v.err(
                office.line,
                f"unit {office.id!r} names unknown parent {office.parent!r}",
                f"use one of: {', '.join(sorted(seen))}",
            )


def _office(v: Validator, raw: Any, line: int) -> Office | None:
    if not isinstance(raw, LineDict):
        v.err(line, "each unit must be a mapping of keys (id, name, ...)")
        return None
    v.keys(raw, UNIT_KEYS, "a unit")
    where = f"unit {raw.get('id', '?')!r}"
    for key in REQUIRED_UNIT_KEYS:
        if not raw.get(key):
            v.err(raw.line, f"{where} has no {key!r}", f"add '{key}:' to the unit")
    office_id = str(raw.get("id") or "")
    if office_id and not SLUG.match(office_id):
        v.err(
            raw.line_of("id"),
            f"unit id {office_id!r} is not a slug",
            "use lowercase letters, digits and hyphens",
        )
    kind = str(raw.get("kind") or "")
    if kind and kind not in KINDS:
        v.err(raw.line_of("kind"), f"unknown kind {kind!r}", f"use one of: {', '.join(KINDS)}")
    tz_name = str(raw.get("timezone") or "")
    if tz_name:
        try:
            zone(tz_name)
        except DateFormatError:
            v.err(
                raw.line_of("timezone"),
                f"unknown time zone {tz_name!r}",
                "use an IANA name such as Asia/Pontianak (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)",
            )
    base_url = str(raw.get("base_url") or "")
    if base_url:
        problem = url_problem(base_url, ("http", "https"), query=False)
        if problem:
            v.err(
                raw.line_of("base_url"),
                f"base_url {base_url!r} is not an absolute http(s) URL"
                + ("" if problem.startswith("is not") else f": it {problem}"),
                "write it like https://pontianak.imigrasi.go.id/",
            )
        elif not base_url.endswith("/"):
            base_url += "/"
    services = v.choices(raw, "services", SERVICES)
    return Office(
        id=office_id,
        name=v.text(raw, "name", where),
        short_name=v.text(raw, "short_name", where),
        kind=kind,
        base_url=base_url,
        timezone=tz_name,
        office_class=_office_class(v, raw),
        parent=v.text(raw, "parent", where) or None,
        languages=tuple(v.strings(raw, "languages")) or ("id",),
        address=v.text(raw, "address", where),
        contacts=_contacts(v, raw),
        hours=_hours(v, raw),
        coverage=tuple(v.strings(raw, "coverage")),
        entry_points=tuple(v.strings(raw, "entry_points")),
        social=social_accounts(v, raw, {k: domains for k, (_, domains) in SOCIAL_PLATFORMS.items()}),
        services=tuple(services),
        theme=_theme(v, raw, where),
        accent=accent(v, raw, where),
        logo=site_file(v, raw, "logo", where),
        banner=site_file(v, raw, "banner", where),
        trusted_html=_flag(v, raw, "trusted_html"),
        trusted_static=_trusted_static(v, raw),
        unverified=tuple(v.choices(raw, "unverified", UNIT_KEYS)),
        editors=_editors(v, raw),
        lines=dict(raw.key_lines),
        params=_params(v, raw),
        line=raw.line,
    )


def _office_class(v: Validator, raw: LineDict) -> OfficeClass | None:
    value = raw.get("class")
    if value is None:
        return None
    if not isinstance(value, LineDict):
        v.err(
            raw.line_of("class"), "'class' must be a mapping", "write name: Kelas I TPI and as_of: 2024-01-01"
        )
        return None
    v.keys(value, ("name", "as_of", "decree"), "class")
    as_of = None
    if value.get("as_of"):
        try:
            as_of = date.fromisoformat(str(value["as_of"]))
        except ValueError:
            v.err(
                value.line_of("as_of"), f"cannot read as_of date {value['as_of']!r}", "write it as 2024-01-01"
            )
    return OfficeClass(str(value.get("name") or ""), as_of, str(value.get("decree") or ""))


def _hours(v: Validator, raw: LineDict) -> Hours:
    value = raw.get("hours")
    if value is None:
        return Hours(())
    if not isinstance(value, LineDict):
        v.err(raw.line_of("hours"), "'hours' must map weekdays to times", "write e.g. senin: 08.00-16.00")
        return Hours(())
    v.keys(value, WEEKDAYS, "hours")
    days: list[tuple[str, tuple[tuple[time, time], ...]]] = []
    for day in WEEKDAYS:
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
                    f"cannot read hours {part.strip()!r} for {day}",
                    "write 08.00-16.00, several ranges separated by commas, or tutup",
                )
                break
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            try:
                ranges.append((time(h1, m1), time(h2, m2)))
            except ValueError:
                v.err(
                    value.line_of(day),
                    f"impossible time in {part.strip()!r}",
                    "hours run 00-23, minutes 00-59",
                )
        days.append((day, tuple(ranges)))
    return Hours(tuple(days))


def _theme(v: Validator, raw: LineDict, where: str) -> str:
    """A theme is a folder of themes/ named plainly, never a path that could lead elsewhere."""
    name = v.text(raw, "theme", where) or "default"
    if not SLUG.match(name):
        v.err(
            raw.line_of("theme"),
            f"theme {name!r} is not the name of a folder in themes/",
            "write a plain name such as theme: default",
        )
        return "default"
    return name


def _params(v: Validator, raw: LineDict) -> dict[str, Any]:
    value = raw.get("params")
    if value is None:
        return {}
    if not isinstance(value, dict):
        v.err(raw.line_of("params"), "'params' must be a mapping", "indent your own keys under params:")
        return {}
    return dict(value)


def _trusted_static(v: Validator, raw: LineDict) -> tuple[str, ...]:
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
        "'trusted_static' must be true or a list of files inside the unit's static/ folder",
        "write trusted_static: [js/peta.js]",
    )
    return ()


def _flag(v: Validator, raw: LineDict, key: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        v.err(raw.line_of(key), f"{key!r} must be true or false", f"write {key}: true")
        return False
    return value
