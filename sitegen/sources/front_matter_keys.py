"""Front matter declared: every key of a page's YAML block once, with its type and limits.

``FRONT_MATTER`` says what a page may hold, in English and Indonesian; the parser
(sitegen.sources.front_matter), the JSON Schema (``sitegen schema front-matter``), the
documentation's table of keys and the web editor's fields are all derived from it.
"""

from __future__ import annotations

import re
from typing import Any

from sitegen.config import schema
from sitegen.config.offices_keys import KINDS, LANGUAGES, SERVICES
from sitegen.config.schema import Key

_DAY = r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
_HH = r"(?:[01][0-9]|2[0-3])"
_H = r"(?:[01]?[0-9]|2[0-3])"
_MM = r"[0-5][0-9]"
# The dates sitegen.dates.parse_datetime reads: a day, a day and a time in the unit's zone (09:30,
# 09.30, with seconds), or a time with its offset (2026-11-18T08:00:00+07:00).
DATE_PATTERN = (
    rf"^{_DAY}(?:[ T]{_HH}:{_MM}(?::{_MM}(?:\.[0-9]+)?)?(?:Z|[+-]{_HH}:?{_MM})"
    rf"|[ T]{_H}:{_MM}(?::{_MM}(?:\.[0-9]+)?)?| {_H}\.{_MM})?$"
)
# What ``image:`` may not be: an address that runs a script or carries data (sitegen.sources.sanitize).
_SCHEMES = "|".join(schema.any_case(s) for s in ("javascript", "vbscript", "data", "file"))
IMAGE_PATTERN = rf"^(?!\s*(?:{_SCHEMES})\s*:)"
# A source a reader can open: an http(s) address with a host and no space, or a path of the unit's site.
SOURCE_URL_PATTERN = r"^(?:/(?!/)|https?://[^/\s]+(?![\s\S]* ))"


def _date(name: str, en: str, id_: str, example: str) -> Key:
    return Key(
        name,
        "datetime",
        en,
        id_,
        pattern=DATE_PATTERN,
        example=example,
        limits="a day on the calendar, no zone word (WIB): the unit's zone applies",
    )


def _list(name: str, en: str, id_: str, **kw: Any) -> Key:
    return Key(name, "list", en, id_, one_as_list=True, **kw)


def _flag(name: str, en: str, id_: str) -> Key:
    return Key(name, "boolean", en, id_, default=False)


# The contract of front matter, declared once: the parser (sitegen.sources.front_matter),
# `sitegen schema front-matter` (JSON Schema) and the documentation's table of keys derive from it.
FRONT_MATTER = Key(
    "front matter",
    "mapping",
    "The YAML block at the top of a page: its title, dates and where it is published.",
    "Blok YAML di awal halaman: judul, tanggal dan di mana halaman diterbitkan.",
    keys=(
        Key(
            "title",
            "text",
            "The page's title.",
            "Judul halaman.",
            required=True,
            pattern=schema.WORDS,
            example="Paspor Baru",
        ),
        Key(
            "summary",
            "text",
            "One sentence that sums the page up.",
            "Satu kalimat ringkasan.",
            pattern=schema.NO_TEMPLATE,
        ),
        Key(
            "category",
            "text",
            "The page's category.",
            "Kategori halaman.",
            pattern=schema.NO_TEMPLATE,
            example="Layanan",
        ),
        Key(
            "author",
            "text",
            "Who wrote it.",
            "Penulis.",
            pattern=schema.NO_TEMPLATE,
            example="Humas Kanim Pontianak",
        ),
        Key(
            "slug",
            "text",
            "The last part of the URL (default: the file name without its date).",
            "Bagian akhir URL (bawaan: nama berkas tanpa tanggal).",
            pattern=schema.SLUG_PATTERN,
            example="layanan-libur-natal",
            limits="not in a translation (NAME.en.md)",
        ),
        Key(
            "image",
            "text",
            "The item's picture: a file beside the page, a path of the site or an https:// address.",
            "Gambar utama: berkas di samping halaman, path situs, atau alamat https://.",
            pattern=IMAGE_PATTERN,
            example="foto.jpg",
            limits="needs image_alt; the file must exist",
        ),
        Key(
            "image_alt",
            "text",
            "What the picture in image: shows, for readers who cannot see it.",
            "Keterangan isi gambar pada image:, untuk pembaca yang tidak dapat melihatnya.",
            pattern=schema.NO_TEMPLATE,
            example="Petugas melayani pemohon di loket paspor",
        ),
        Key(
            "lang",
            "text",
            "The page's language, if not the file name's (NAME.en.md).",
            "Bahasa halaman, jika tidak ditentukan nama berkas (NAMA.en.md).",
            enum=tuple(LANGUAGES),
            example="en",
            limits="one of the unit's languages, never on news or announcements; in a translation, the file name's",
        ),
        Key(
            "id",
            "text",
            "Pins the item's feed id.",
            "Mengunci id entri di feed.",
            pattern=schema.NO_TEMPLATE,
            example="berita/20261118T010000Z",
            limits="unique",
        ),
        Key(
            "source",
            "text",
            'What the page\'s facts were checked against, shown as "Sumber: …".',
            'Dasar yang dipakai memeriksa isi halaman, ditampilkan sebagai "Sumber: …".',
            pattern=schema.NO_TEMPLATE,
            example="Peraturan Pemerintah Nomor 45 Tahun 2024",
        ),
        Key(
            "source_url",
            "text",
            "Where readers can read that source: a web address or a path of the site.",
            "Tempat pembaca membaca sumber itu: alamat web atau path situs.",
            pattern=SOURCE_URL_PATTERN,
            example="/profil/dasar-hukum/",
        ),
        Key(
            "gone",
            "text",
            "Withdrawn: why, told to readers at its old address; listed nowhere.",
            "Dicabut: alasannya, ditampilkan kepada pembaca di alamat lamanya; tidak tercantum di daftar mana pun.",
            pattern=schema.WORDS,
            example="Dicabut karena jadwal berubah",
        ),
        _date(
            "date",
            "When it was published, in the unit's zone; required for news and announcements.",
            "Waktu terbit, dalam zona waktu unit; wajib untuk berita dan pengumuman.",
            "2026-11-18 08:00",
        ),
        _date("updated", "When the page was edited.", "Waktu halaman diubah.", "2026-11-19 10:00"),
        _date(
            "expires",
            "Announcements: in force until the end of that day.",
            "Pengumuman: berlaku sampai akhir hari itu.",
            "2027-01-02",
        ),
        _date(
            "verified",
            "When the facts were last checked (fee and requirement pages).",
            "Kapan isi terakhir diperiksa (halaman biaya dan persyaratan).",
            "2026-11-01",
        ),
        _list("tags", "The item's topics.", "Topik entri.", example=["paspor", "libur-nasional"]),
        _list(
            "aliases",
            "Old addresses that redirect here.",
            "Alamat lama yang dialihkan ke sini.",
            example=["/berita/judul-lama/"],
        ),
        _list(
            "offices",
            "Shared pages: only these units publish it.",
            "Halaman bersama: hanya unit ini yang menerbitkannya.",
            pattern=schema.SLUG_PATTERN,
            example=["pontianak"],
            limits="ids of units in offices.yaml",
        ),
        _list(
            "exclude_offices",
            "Shared pages: these units do not publish it.",
            "Halaman bersama: unit ini tidak menerbitkannya.",
            pattern=schema.SLUG_PATTERN,
            example=["sambas"],
            limits="ids of units in offices.yaml",
        ),
        _list(
            "kinds",
            "Shared pages: only units of these kinds publish it.",
            "Halaman bersama: hanya unit dengan jenis ini yang menerbitkannya.",
            enum=KINDS,
        ),
        _list(
            "services",
            "Shared pages: only units offering one of these services publish it.",
            "Halaman bersama: hanya unit yang memberi salah satu layanan ini yang menerbitkannya.",
            enum=SERVICES,
        ),
        _flag("draft", "Not published yet.", "Belum diterbitkan."),
        _flag(
            "trusted_html",
            "Raw HTML kept as written, unchecked (check warns).",
            "HTML dipakai apa adanya, tanpa diperiksa (check memberi peringatan).",
        ),
        _flag(
            "sample",
            "An example text shipped to show the layout, flagged until replaced.",
            "Teks contoh untuk memperlihatkan tata letak, ditandai sampai diganti.",
        ),
        _flag(
            "pinned",
            "Shown before newer items on its list and the home page.",
            "Ditampilkan sebelum entri yang lebih baru di daftarnya dan di beranda.",
        ),
        Key(
            "weight",
            "integer",
            "Order inside a section, lower first.",
            "Urutan di dalam bagian, yang lebih kecil lebih dulu.",
            default=0,
            example=10,
        ),
        Key(
            "params",
            "free",
            "Keys of your own, for your templates.",
            "Kunci tambahan Anda sendiri, untuk templat.",
        ),
    ),
    shows={
        # a picture needs its description (checked where the picture is placed: sitegen.structure.pictures)
        "dependentSchemas": {
            "image": {"required": ["image_alt"], "properties": {"image_alt": {"pattern": schema.NOT_BLANK}}}
        }
    },
)
SLUG = re.compile(schema.SLUG_PATTERN)
KNOWN_KEYS = FRONT_MATTER.names
TEXT_KEYS = tuple(k.name for k in FRONT_MATTER.keys if k.type == "text")
DATE_KEYS = tuple(k.name for k in FRONT_MATTER.keys if k.type == "datetime")
LIST_KEYS = tuple(k.name for k in FRONT_MATTER.keys if k.type == "list")
BOOL_KEYS = tuple(k.name for k in FRONT_MATTER.keys if k.type == "boolean")


def json_schema(dated_sections: tuple[str, ...]) -> dict[str, Any]:
    """Front matter's JSON Schema (draft 2020-12), as `sitegen schema front-matter` prints it.

    The document describes any page; ``#/$defs/dated`` adds what pages of ``dated_sections``
    (news and announcements) need as well: their date.
    """
    return schema.document(
        FRONT_MATTER,
        "Front matter of a sitegen page",
        dated={
            "description": "A news item or announcement: a page with its date.",
            "x-description-id": "Berita atau pengumuman: halaman dengan tanggalnya.",
            "x-sections": list(dated_sections),
            "$ref": "#",
            "required": ["title", "date"],
        },
    )
