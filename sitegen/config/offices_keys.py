"""offices.yaml declared: every key once, with its type, limits, default and meaning.

``OFFICES`` says what offices.yaml may hold, in English and Indonesian; the reader
(sitegen.config.offices), the JSON Schema (``sitegen schema offices``) and the
documentation's table of keys (docs/keys.md) are all derived from it, so they cannot
disagree. The choices a key offers (kinds of unit, services, platforms, external
services) are declared here too, for the readers and the pages that name them.
"""

from __future__ import annotations

from typing import Any

from sitegen.config import schema
from sitegen.config.schema import Key

KINDS = ("kanim", "rudenim", "kanwil")
# The languages a site can be published in, each named in itself: the themes' templates are
# written in Indonesian and translated into English (themes/default/locales/en), and a page in
# any other language would show Indonesian text under that language's name.
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
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
# network.editor: where the web editor (sitegen.cms) commits; editors: who reviews a unit's changes
EDITOR_KEYS = ("backend", "repo", "branch", "base_url", "app_id", "api_root", "workflow")
EDITOR_BACKENDS = ("github", "gitlab", "gitea")
EDITOR_PATTERN = r"^(?:@[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*|[^@\s]+@[^@\s]+\.[^@\s]+)$"


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
            "The languages the unit publishes in: the network's default language first, then its translations.",
            "Bahasa yang dipakai situs unit: bahasa utama jaringan lebih dulu, lalu bahasa terjemahannya.",
            default=["id"],
            enum=tuple(LANGUAGES),
            example=["id", "en"],
            limits="the first is network.default_language; without the key, that language alone",
            shows={"uniqueItems": True},
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

# The contract of offices.yaml, declared once: the reader (sitegen.config.offices), `sitegen schema
# offices` (JSON Schema) and the documentation's table of keys are all derived from it.
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
                    enum=tuple(LANGUAGES),
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
                    item=Key(
                        "label",
                        "text",
                        "The label readers see.",
                        "Label yang dilihat pembaca.",
                        pattern=schema.NOT_BLANK,
                    ),
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


def json_schema() -> dict[str, Any]:
    """offices.yaml's JSON Schema (draft 2020-12), as `sitegen schema offices` prints it."""
    return schema.document(OFFICES, "offices.yaml: the units of a network and their settings")
