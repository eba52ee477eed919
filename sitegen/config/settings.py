"""What offices.yaml yields: the ``Network`` and its ``Office`` units, as frozen dataclasses.

Everything after reading works on these values only, never on the YAML: the
readers (sitegen.config.offices and the modules it calls) have already checked
every key, so a page, a feed or the web editor can rely on each field as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, tzinfo
from pathlib import Path
from typing import Any

from sitegen.config.offices_keys import DEFAULT_MENU
from sitegen.dates import zone
from sitegen.urls import slugify


@dataclass(frozen=True)
class OfficeClass:
    """The office's class (Kelas I TPI) and since when; the date is shown only with its decree."""

    name: str
    as_of: date | None
    decree: str = ""  # the decision that set the class; without it no "since" date is shown


@dataclass(frozen=True)
class Hours:
    """Opening hours per weekday; an empty tuple means closed that day."""

    days: tuple[tuple[str, tuple[tuple[time, time], ...]], ...]

    def on(self, weekday: str) -> tuple[tuple[time, time], ...]:
        """The ranges of one weekday ("senin"); none when closed or not written."""
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
    """One unit (Kanim, Rudenim or Kanwil) and everything its site says about it.

    Pairs are tuples rather than dicts, so that a frozen unit stays hashable and compares
    by value; the accessors below read them by key.
    """

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
        """The unit's zone, in which every date of its pages is read."""
        return zone(self.timezone)

    def contact(self, key: str) -> str:
        """One contact (phone, email, ...), or "" when the unit gives none: templates test it plainly."""
        return dict(self.contacts).get(key, "")

    def link(self, name: str) -> str:
        """The address of an external service (LINKS) for this unit, or "" when none is configured."""
        return dict(self.links).get(name, "")

    def head_of(self, key: str) -> str:
        """The head of office's name or position, or "" when offices.yaml does not say."""
        return dict(self.head).get(key, "")

    def zone_of(self, key: str) -> str:
        """The integrity-zone status or year, or "" when the unit holds no title."""
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
        """The unit with this id; KeyError for an id offices.yaml does not have."""
        for office in self.offices:
            if office.id == office_id:
                return office
        raise KeyError(office_id)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every unit's id, in file order: the folders content/offices/ may hold."""
        return tuple(o.id for o in self.offices)

    def children(self, office_id: str) -> tuple[Office, ...]:
        """The units whose parent is this one (a Kanwil's offices)."""
        return tuple(o for o in self.offices if o.parent == office_id)
