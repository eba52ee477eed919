"""offices.yaml: the network and its units, validated in one place.

Every key is declared once, in ``OFFICES`` (type, limits, default, meaning in
English and Indonesian); the reader below, the list of known keys, the JSON
Schema (``sitegen schema offices``) and the documentation's table derive from
it. A key whose value needs more than its declared type says has its reader in
``_UNIT_READERS``. Unknown keys are errors, because a typo such as ``timezon:``
that passed silently would publish a site in the wrong zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, time, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitegen.config import schema, yaml_lines
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
CONTACTS = ("phone", "whatsapp", "email", "press_phone", "press_email")
# External services pages link to (network defaults, a unit may override each): the name readers see
# and what the service is for. Pages reach them as office.links.<name>, never as typed addresses.
LINKS = {
    "m_paspor": (
        "M-Paspor",
        "The M-Paspor application where passport applicants register.",
        "Aplikasi M-Paspor tempat pemohon paspor mendaftar.",
    ),
    "portal": ("Portal imigrasi nasional", "The national immigration portal.", "Portal imigrasi nasional."),
    "evisa": ("e-Visa", "The national e-visa portal.", "Portal e-Visa nasional."),
    "lapor": (
        "SP4N-LAPOR!",
        "SP4N-LAPOR!, the national public-service complaints system.",
        "SP4N-LAPOR!, sistem pengaduan pelayanan publik nasional.",
    ),
    "wbs": (
        "Whistleblowing System",
        "Where misconduct by officers is reported (whistleblowing system).",
        "Tempat melaporkan pelanggaran oleh petugas (whistleblowing system).",
    ),
    "gratifikasi": (
        "Pelaporan gratifikasi",
        "Where gratification is reported.",
        "Tempat melaporkan gratifikasi.",
    ),
    "skm": (
        "Survei kepuasan masyarakat",
        "The public satisfaction survey (SKM) form.",
        "Formulir survei kepuasan masyarakat (SKM).",
    ),
}
INTEGRITY_ZONES = ("WBK", "WBBM")
SERVICE_POINT_KINDS = ("ULP", "MPP", "lainnya")
COORDINATES_PATTERN = r"^$|^\s*-?[0-9]{1,2}(?:\.[0-9]+)?\s*,\s*-?[0-9]{1,3}(?:\.[0-9]+)?\s*$"
_COORDINATES = re.compile(COORDINATES_PATTERN)
SLUG = re.compile(schema.SLUG_PATTERN)
# network.editor: where the web editor (sitegen.cms) commits; editors: who reviews a unit's changes
EDITOR_KEYS = ("backend", "repo", "branch", "base_url", "app_id", "api_root", "workflow")
EDITOR_BACKENDS = ("github", "gitlab", "gitea")
_REPO = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")
EDITOR_PATTERN = r"^(?:@[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*|[^@\s]+@[^@\s]+\.[^@\s]+)$"
_EDITOR = re.compile(EDITOR_PATTERN)
_RANGE = re.compile(r"^(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})$")

# Characters no published address holds (sitegen.config.readers.url_problem says which one).
_SAFE_URL = r"(?![\s\S]*[\x00-\x20\x7f\"'<>\\^`{|}])"
_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?"
_EMAIL_BODY = schema.EMAIL_PATTERN[1:-1]


_HTTPS_LINK = rf"^(?:$|{_SAFE_URL}{schema.any_case('https://')}{_HOST}(?:[/?#][\s\S]*)?)$"


def _links_key(en: str, id_: str) -> Key:
    """``links:``, the same keys in network (the defaults) and in a unit (its overrides)."""
    return Key(
        "links",
        "mapping",
        en,
        id_,
        keys=tuple(
            Key(name, "text", what, apa, pattern=_HTTPS_LINK, limits="an https:// address")
            for name, (_, what, apa) in LINKS.items()
        ),
    )


def _social_pattern(domains: tuple[str, ...]) -> str:
    """An https:// address of an account (a path after the host) on one of the platform's own domains."""
    hosts = "|".join(schema.any_case(d) for d in domains)
    https = schema.any_case("https://")
    return rf"^(?:$|{_SAFE_URL}{https}(?:[A-Za-z0-9-]+\.)*(?:{hosts})(?::[0-9]+)?/+[^/?#])"


# The contract of offices.yaml, declared once: the reader below, `sitegen schema offices`
# (JSON Schema) and the documentation's table of keys are all derived from it.
# the sections every unit publishes, as the menu shows them unless offices.yaml says otherwise
DEFAULT_MENU = (
    ("berita", "Berita"),
    ("pengumuman", "Pengumuman"),
    ("layanan", "Layanan"),
    ("informasi-publik", "Informasi Publik"),
    ("profil", "Profil"),
)

_UNIT = schema.Key(
    "unit",
    "mapping",
    "One unit: a Kanim, a Rudenim or a Kanwil, and everything its site says about it.",
    "Satu unit: Kanim, Rudenim atau Kanwil, dan semua yang ditampilkan situsnya tentang unit itu.",
    keys=(
        Key(
            "id",
            "text",
            "The unit's id: its folder under content/offices/ and its name in commands.",
            "Kode unit: nama foldernya di content/offices/ dan namanya dalam perintah.",
            required=True,
            pattern=schema.SLUG_PATTERN,
            example="pontianak",
            limits="lowercase letters, digits and hyphens; unique",
        ),
        Key(
            "name",
            "text",
            "The unit's full official name.",
            "Nama resmi lengkap unit.",
            required=True,
            example="Kantor Imigrasi Kelas I TPI Pontianak",
        ),
        Key(
            "short_name",
            "text",
            "The short name used in headings and feeds.",
            "Nama singkat untuk judul dan feed.",
            required=True,
            example="Kanim Pontianak",
        ),
        Key(
            "kind",
            "text",
            "What the unit is: an immigration office, a detention centre or a regional office.",
            "Jenis unit: kantor imigrasi, rumah detensi atau kantor wilayah.",
            required=True,
            enum=KINDS,
        ),
        Key(
            "class",
            "mapping",
            "The office's class and the date it was seen to hold it.",
            "Kelas kantor dan tanggal kelas itu tercatat.",
            attribute="office_class",
            keys=(
                Key("name", "text", "The class as written officially.", "Nama kelas.", example="Kelas I TPI"),
                Key(
                    "as_of",
                    "date",
                    "The earliest date this class was observed.",
                    "Tanggal paling awal kelas ini tercatat.",
                    pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                    example="2023-01-01",
                    limits="a date on the calendar",
                ),
                Key(
                    "decree",
                    "text",
                    'The decision that set the class; without it no "since" date is shown.',
                    'Keputusan yang menetapkan kelas; tanpa ini tanggal "sejak" tidak ditampilkan.',
                ),
            ),
        ),
        Key(
            "parent",
            "text",
            "The id of the unit above this one (its regional office).",
            "Kode unit di atasnya (kantor wilayahnya).",
            pattern=schema.SLUG_PATTERN,
            example="kanwil-kalbar",
            limits="the id of another unit",
        ),
        Key(
            "base_url",
            "text",
            "The address of the unit's site.",
            "Alamat situs unit.",
            required=True,
            pattern=rf"^{_SAFE_URL}{schema.any_case('http')}[sS]?://{_HOST}(?:/[^?#]*)?$",
            example="https://pontianak.imigrasi.go.id/",
            limits="an absolute http(s) address without ? or #",
        ),
        Key(
            "timezone",
            "text",
            "The unit's time zone (IANA name): dates in its pages are read in it.",
            "Zona waktu unit (nama IANA): tanggal di halamannya dibaca dalam zona ini.",
            required=True,
            pattern=r"^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*$",
            example="Asia/Pontianak",
            limits="a zone that exists: Asia/Jakarta or Asia/Pontianak (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)",
        ),
        Key(
            "languages",
            "list",
            "The languages the unit publishes in, the first its main one.",
            "Bahasa yang dipakai situs unit, yang pertama bahasa utamanya.",
            default=["id"],
            example=["id", "en"],
        ),
        Key("address", "text", "The unit's street address.", "Alamat kantor unit."),
        Key(
            "contacts",
            "mapping",
            "How readers reach the unit.",
            "Cara pembaca menghubungi unit.",
            keys=(
                Key("phone", "text", "Telephone number.", "Nomor telepon."),
                Key("whatsapp", "text", "WhatsApp number.", "Nomor WhatsApp."),
                Key(
                    "email",
                    "text",
                    "E-mail address (shown as a mailto: link).",
                    "Alamat e-mail (ditampilkan sebagai tautan mailto:).",
                    pattern=f"^$|{schema.EMAIL_PATTERN}",
                    example="kanim.pontianak@imigrasi.go.id",
                ),
                Key(
                    "press_phone",
                    "text",
                    "The press contact's telephone number.",
                    "Nomor telepon kontak pers.",
                ),
                Key(
                    "press_email",
                    "text",
                    "The press contact's e-mail address.",
                    "Alamat e-mail kontak pers.",
                    pattern=f"^$|{schema.EMAIL_PATTERN}",
                    example="humas.pontianak@imigrasi.go.id",
                ),
            ),
        ),
        Key(
            "locality",
            "text",
            "The city or regency of the address (addressLocality in structured data).",
            "Kota atau kabupaten alamat kantor (addressLocality pada data terstruktur).",
            example="Kota Pontianak",
        ),
        Key(
            "postal_code",
            "text",
            "The postal code of the address.",
            "Kode pos alamat kantor.",
            pattern=r"^$|^[0-9]{5}$",
            example="78111",
            limits="five digits",
        ),
        Key(
            "coordinates",
            "text",
            "Where the office is, as latitude, longitude: the map link points there.",
            "Letak kantor sebagai lintang, bujur: tautan peta menunjuk ke sana.",
            pattern=COORDINATES_PATTERN,
            example="-0.0263, 109.3425",
            limits="latitude -90 to 90, longitude -180 to 180",
        ),
        Key(
            "head",
            "mapping",
            "Who heads the unit, as the organisation page shows it.",
            "Pimpinan unit, sebagaimana ditampilkan di halaman struktur organisasi.",
            keys=(
                Key("name", "text", "The head of office's name.", "Nama kepala kantor."),
                Key(
                    "position",
                    "text",
                    "The head of office's position.",
                    "Jabatan kepala kantor.",
                    example="Kepala Kantor",
                ),
            ),
        ),
        Key(
            "integrity_zone",
            "mapping",
            "The unit's integrity-zone title (Zona Integritas), if it holds one.",
            "Predikat Zona Integritas unit, bila sudah diraih.",
            keys=(
                Key("status", "text", "The title held.", "Predikat yang diraih.", enum=INTEGRITY_ZONES),
                Key(
                    "year",
                    "integer",
                    "The year it was awarded.",
                    "Tahun predikat diberikan.",
                    minimum=2000,
                    example=2024,
                ),
            ),
        ),
        Key(
            "service_points",
            "list",
            "Places outside the office where the unit serves (ULP, MPP).",
            "Tempat layanan unit di luar kantor (ULP, MPP).",
            item=Key(
                "service_point",
                "mapping",
                "One service point.",
                "Satu tempat layanan.",
                keys=(
                    Key("name", "text", "Its name.", "Namanya.", required=True, example="ULP Kubu Raya"),
                    Key(
                        "kind",
                        "text",
                        "What it is: a service unit (ULP) or a public service mall (MPP).",
                        "Jenisnya: unit layanan paspor (ULP) atau mal pelayanan publik (MPP).",
                        enum=SERVICE_POINT_KINDS,
                    ),
                    Key("address", "text", "Its address.", "Alamatnya."),
                    Key(
                        "hours",
                        "text",
                        "When it serves, as written for readers.",
                        "Jam layanannya, sebagaimana ditulis untuk pembaca.",
                    ),
                ),
            ),
        ),
        _links_key(
            "Addresses of external services for this unit, overriding network.links.",
            "Alamat layanan luar untuk unit ini, menggantikan network.links.",
        ),
        Key(
            "hours",
            "mapping",
            "Opening hours per weekday; a day left out is closed.",
            "Jam layanan per hari; hari yang tidak ditulis berarti tutup.",
            keys=tuple(
                Key(
                    day,
                    "text",
                    f"Hours on {day}: ranges separated by commas, or tutup.",
                    f"Jam layanan hari {day}: rentang waktu dipisah koma, atau tutup.",
                    pattern=schema.HOURS_PATTERN,
                    nullable=True,
                    example="08.00-11.30, 13.30-16.30",
                )
                for day in WEEKDAYS
            ),
        ),
        Key(
            "coverage",
            "list",
            "The regencies and cities the unit serves.",
            "Kabupaten dan kota wilayah kerja unit.",
            example=["Kota Pontianak", "Kabupaten Kubu Raya"],
        ),
        Key(
            "entry_points",
            "list",
            "The border crossings, ports and airports the unit staffs.",
            "Tempat pemeriksaan imigrasi (bandara, pelabuhan, PLBN) unit.",
            example=["Bandar Udara Supadio"],
        ),
        Key(
            "social",
            "mapping",
            "The unit's official social media accounts: each an https:// address of an account on that platform's own domain.",
            "Akun media sosial resmi unit: masing-masing alamat https:// sebuah akun di domain platform itu sendiri.",
            keys=tuple(
                Key(
                    platform,
                    "text",
                    f"The unit's {name} account.",
                    f"Akun {name} unit.",
                    pattern=_social_pattern(domains),
                    example=f"https://www.{domains[0]}/akun-resmi",
                    limits=f"on {' or '.join(domains)}",
                )
                for platform, (name, domains) in SOCIAL_PLATFORMS.items()
            ),
        ),
        Key(
            "services",
            "list",
            "The services the unit offers; shared pages may be narrowed to them.",
            "Layanan yang diberikan unit; halaman bersama dapat dibatasi menurut layanan.",
            enum=SERVICES,
        ),
        Key(
            "theme",
            "text",
            "The folder of themes/ whose templates the site uses.",
            "Folder di themes/ yang templatnya dipakai situs.",
            default="default",
            pattern=schema.SLUG_PATTERN,
        ),
        Key(
            "accent",
            "text",
            "The unit's colour: masthead, headings and links.",
            "Warna unit: kepala halaman, judul dan tautan.",
            pattern=schema.HEX_COLOUR,
            example="#0b3d6e",
            limits="dark enough for white text (contrast at least 4.5:1)",
        ),
        Key(
            "logo",
            "text",
            "Site path of the unit's logo.",
            "Path logo unit di situsnya.",
            pattern=schema.SITE_PATH,
            example="/static/logo.png",
            limits="the file must exist",
        ),
        Key(
            "banner",
            "text",
            "Site path of the home page's banner picture.",
            "Path gambar spanduk halaman beranda.",
            pattern=schema.SITE_PATH,
            example="/static/banner.jpg",
            limits="the file must exist",
        ),
        Key(
            "trusted_html",
            "boolean",
            "The unit's pages keep raw HTML as written, unchecked.",
            "HTML di halaman unit dipakai apa adanya, tanpa diperiksa.",
            default=False,
        ),
        Key(
            "trusted_static",
            "flag-or-list",
            "Files of the unit's static/ folder published unchecked: true for all, or a list of paths inside it.",
            "Berkas di folder static/ unit yang diterbitkan tanpa diperiksa: true untuk semua, atau daftar path di dalamnya.",
            default=False,
            example=["js/peta.js"],
        ),
        Key(
            "unverified",
            "list",
            "Keys whose values are examples, not the unit's official data; pages say so.",
            "Kunci yang nilainya masih contoh, bukan data resmi unit; halaman menandainya.",
            example=["address", "contacts"],
        ),
        Key(
            "params",
            "free",
            "Keys of your own, for your templates.",
            "Kunci tambahan Anda sendiri, untuk templat.",
        ),
        Key(
            "editors",
            "list",
            "Git host accounts or groups (or e-mail addresses) who review the unit's changes (CODEOWNERS).",
            "Akun atau grup di host git (atau alamat e-mail) yang memeriksa perubahan unit (CODEOWNERS).",
            pattern=EDITOR_PATTERN,
            example=["@humas-sambas"],
        ),
    ),
)
UNIT = schema.with_enum_of_keys(_UNIT, "unverified")

OFFICES = Key(
    "offices.yaml",
    "mapping",
    "The network and its units.",
    "Jaringan unit dan daftar unitnya.",
    keys=(
        Key(
            "network",
            "mapping",
            "Settings of the whole network.",
            "Pengaturan seluruh jaringan.",
            keys=(
                Key(
                    "name",
                    "text",
                    "The units this repository publishes.",
                    "Nama kumpulan unit yang diterbitkan repositori ini.",
                    example="Kantor Imigrasi di Kalimantan Barat",
                ),
                Key(
                    "organisation",
                    "text",
                    "The parent body.",
                    "Instansi induk.",
                    example="Kementerian Imigrasi dan Pemasyarakatan",
                ),
                Key(
                    "directorate",
                    "text",
                    "The directorate general.",
                    "Direktorat jenderal.",
                    example="Direktorat Jenderal Imigrasi",
                ),
                Key(
                    "default_language",
                    "text",
                    "The language of pages that do not name one.",
                    "Bahasa halaman yang tidak menyebut bahasanya.",
                    default="id",
                ),
                Key(
                    "feeds",
                    "mapping",
                    "Settings of the feeds.",
                    "Pengaturan feed.",
                    keys=(
                        Key(
                            "items",
                            "integer",
                            "How many items a feed carries.",
                            "Jumlah entri dalam satu feed.",
                            default=20,
                            minimum=1,
                        ),
                        Key(
                            "id_authority",
                            "text",
                            "The authority part of every feed id (tag: URI); never change it once published.",
                            "Bagian otoritas setiap id feed (URI tag:); jangan diubah setelah terbit.",
                            default="sitegen.invalid,2026",
                            example="imigrasi.go.id,2026",
                        ),
                    ),
                ),
                Key(
                    "list",
                    "mapping",
                    "Settings of paginated lists.",
                    "Pengaturan daftar berhalaman.",
                    keys=(
                        Key(
                            "page_size",
                            "integer",
                            "Items per page of news, announcement and topic lists.",
                            "Jumlah entri per halaman daftar berita, pengumuman dan topik.",
                            default=10,
                            minimum=1,
                        ),
                    ),
                ),
                Key(
                    "security_contact",
                    "text",
                    "Where security problems are reported (security.txt): an e-mail address or an https:// page.",
                    "Tempat melaporkan masalah keamanan (security.txt): alamat e-mail atau halaman https://.",
                    pattern=(rf"^(?:(?:mailto:)?{_EMAIL_BODY}|{_SAFE_URL}https://{_HOST}(?:[/?#][\s\S]*)?)$"),
                    example="keamanan@imigrasi.go.id",
                ),
                Key(
                    "topics",
                    "table",
                    'Each tag\'s name on pages and feeds (otherwise "layanan-publik" reads "Layanan publik").',
                    'Nama setiap tag di halaman dan feed (jika tidak, "layanan-publik" tertulis "Layanan publik").',
                    pattern=schema.SLUG_PATTERN,
                    item=Key("topic", "text", "The topic's name.", "Nama topik.", pattern=schema.NOT_BLANK),
                    example={"plb": "Pas Lintas Batas (PLB)"},
                ),
                Key(
                    "menu",
                    "table",
                    "The main menu of every site in the default language: each section's folder and its label, in order.",
                    "Menu utama setiap situs dalam bahasa utama: folder setiap bagian dan labelnya, berurutan.",
                    default=dict(DEFAULT_MENU),
                    pattern=schema.SLUG_PATTERN,
                    item=Key("label", "text", "The label readers see.", "Label yang dilihat pembaca.", pattern=schema.NOT_BLANK),
                    example={"berita": "Berita", "layanan": "Layanan"},
                ),
                _links_key(
                    "Addresses of the external services every unit's pages link to (M-Paspor, SP4N-LAPOR!, …).",
                    "Alamat layanan luar yang ditautkan halaman setiap unit (M-Paspor, SP4N-LAPOR!, …).",
                ),
                Key(
                    "editor",
                    "mapping",
                    "Where the web editor commits (see docs/web-editor.md).",
                    "Tempat editor web menyimpan perubahan (lihat docs/web-editor.md).",
                    keys=tuple(
                        Key(name, "text", f"The web editor's {name}.", f"Pengaturan {name} editor web.")
                        for name in EDITOR_KEYS
                    ),
                    limits="backend one of github, gitlab, gitea; repo owner/name",
                ),
            ),
        ),
        Key(
            "units",
            "list",
            "Every unit, in the order the network lists them.",
            "Semua unit, dalam urutan daftar jaringan.",
            required=True,
            item=UNIT,
        ),
    ),
)
NETWORK = OFFICES.key("network")
NETWORK_KEYS = NETWORK.names
FEED_KEYS = NETWORK.key("feeds").names
LIST_KEYS = NETWORK.key("list").names
UNIT_KEYS = UNIT.names
REQUIRED_UNIT_KEYS = UNIT.required_names
_FEED_ITEMS = NETWORK.key("feeds").key("items").default


def json_schema() -> dict[str, Any]:
    """offices.yaml's JSON Schema (draft 2020-12), as `sitegen schema offices` prints it."""
    return schema.document(OFFICES, "offices.yaml: the units of a network and their settings")


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
            _("check the file's permissions"),
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
