"""Front matter: the YAML block at the top of every Markdown file.

The keys are declared here once, in ``FRONT_MATTER``, with their types and limits; the
parser's checks and the JSON Schema are derived from it. Anything else is an error
(unless it sits under ``params:``), so ``titel:`` or ``tag:`` is caught at
build time instead of silently doing nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

import frontmatter

from sitegen import hints
from sitegen.config import schema, yaml_lines
from sitegen.config.offices import KINDS, SERVICES
from sitegen.config.schema import Key
from sitegen.config.yaml_lines import LineDict
from sitegen.dates import DateFormatError, parse_datetime, zone_word

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


# The contract of front matter, declared once: the parser below, `sitegen schema front-matter`
# (JSON Schema) and the documentation's table of keys are all derived from it.
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
            pattern=schema.NOT_BLANK,
            example="Paspor Baru",
        ),
        Key("summary", "text", "One sentence that sums the page up.", "Satu kalimat ringkasan."),
        Key("category", "text", "The page's category.", "Kategori halaman.", example="Layanan"),
        Key("author", "text", "Who wrote it.", "Penulis.", example="Humas Kanim Pontianak"),
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
            example="Petugas melayani pemohon di loket paspor",
        ),
        Key(
            "lang",
            "text",
            "The page's language, if not the file name's (NAME.en.md).",
            "Bahasa halaman, jika tidak ditentukan nama berkas (NAMA.en.md).",
            example="en",
            limits="in a translation, the file name's",
        ),
        Key(
            "id",
            "text",
            "Pins the item's feed id.",
            "Mengunci id entri di feed.",
            example="berita/20261118T010000Z",
            limits="unique",
        ),
        Key(
            "source",
            "text",
            'What the page\'s facts were checked against, shown as "Sumber: …".',
            'Dasar yang dipakai memeriksa isi halaman, ditampilkan sebagai "Sumber: …".',
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
            pattern=schema.NOT_BLANK,
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
# When a value does not match its key's declared pattern: what the editor reads (line, value -> message, hint).
_MISMATCH: dict[str, Callable[[str], tuple[str, str]]] = {
    "image": lambda value: (
        "'image' must be a web address or a path",
        "write image: foto.jpg (a file beside the page) or image: https://…",
    ),
    "source_url": lambda value: (
        f"'source_url' {value!r} is neither a web address nor a path of the site",
        "write source_url: https://… (the official text) or /profil/dasar-hukum/",
    ),
    "gone": lambda value: ("'gone' needs the reason readers will see", 'write gone: "Dicabut karena …"'),
    "slug": lambda value: (f"slug {value!r} is not usable", "use lowercase letters, digits and hyphens"),
}


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


@dataclass(frozen=True)
class FrontMatter:
    """Validated front matter. Dates stay text: each unit reads them in its own zone."""

    title: str
    date: str | None = None
    updated: str | None = None
    expires: str | None = None
    verified: str | None = None
    summary: str = ""
    category: str = ""
    author: str = ""
    slug: str = ""
    image: str = ""
    image_alt: str = ""  # what the picture in ``image:`` shows, for readers who cannot see it
    lang: str = ""
    id: str = ""
    source: str = ""  # what the page's facts were checked against ("PP 45/2024"), shown as "Sumber: …"
    source_url: str = ""  # where a reader finds that source: a web address or a path of the site
    gone: str = ""  # withdrawn: why, told to readers at its old address (see sitegen.build.addresses)
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    exclude_offices: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    draft: bool = False
    trusted_html: bool = False  # raw HTML kept as written (see sitegen.sources.sanitize)
    sample: bool = False  # an example text shipped to show the layout, flagged until replaced
    pinned: bool = False  # shown before newer items on its list and the home page (WordPress's "sticky")
    weight: int = 0
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    lines: dict[str, int] = field(default_factory=dict, hash=False, compare=False)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


class FrontMatterError(Exception):
    """One or more problems, each as (line, message, hint)."""

    def __init__(self, problems: list[tuple[int, str, str]]):
        super().__init__("; ".join(m for _, m, _ in problems))
        self.problems = problems


def split(text: str) -> tuple[str, str, int, int]:
    """Split a file into (yaml, body, yaml's first line, body's first line).

    Raises FrontMatterError for the commonest slip: an opening '---' with no closing one.
    """
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return "", text, 0, 1
    try:
        raw, body = handler.split(text)
    except ValueError:
        raise FrontMatterError(
            [(1, "the front matter is never closed", "add a line with only '---' after the last key")]
        ) from None
    yaml_first = text.count("\n", 0, text.find(raw)) + 1
    body_first = text.count("\n", 0, len(text) - len(body)) + 1 if body else text.count("\n") + 1
    return raw, body, yaml_first, body_first


def parse(raw: str, first_line: int, required_date: bool) -> FrontMatter:
    """Validate the YAML text of a front matter block; raise FrontMatterError listing every problem."""
    if first_line == 0:
        raise FrontMatterError(
            [(1, "no front matter", "start the file with a '---' line, 'title: ...' and '---'")]
        )
    try:
        data = yaml_lines.load(raw, first_line=first_line) if raw.strip() else LineDict()
    except yaml_lines.YamlError as exc:
        raise FrontMatterError(
            [
                (
                    exc.line,
                    f"front matter is not valid YAML: {exc.message}",
                    exc.hint or "check indentation, colons and quotes; quote a title that contains ': '",
                )
            ]
        ) from None
    if not isinstance(data, LineDict):
        raise FrontMatterError(
            [(first_line, "front matter must be 'key: value' lines", "e.g. title: Paspor Baru")]
        )
    problems: list[tuple[int, str, str]] = [
        (
            line,
            f"invisible control character {char} in {key!r}",
            "delete it: no web page or feed can carry it (\\x.. and \\u.. escapes included)",
        )
        for line, key, char in yaml_lines.unpublishable(data)
    ]
    values: dict[str, Any] = {}
    refused: set[str] = set()  # keys already reported, so "missing title" is not said twice
    for key, value in data.items():
        line = data.line_of(key)
        declared = FRONT_MATTER.get(key)
        before = len(problems)
        if declared is None:
            problems.append((line, f"unknown front matter key {key!r}", _suggest(key)))
        elif declared.type == "text":
            if value is None or isinstance(value, (dict, list, bool)):
                # YAML reads yes/no/on/off as true/false: a title "yes" would print as "True"
                problems.append((line, f"{key!r} must be text", f'write {key}: ... (quote it: "{value}")'))
            else:
                values[key] = str(value).strip()
                if (
                    declared.pattern
                    and key in _MISMATCH
                    and not schema.matches(declared.pattern, values[key])
                ):
                    problems.append((line, *_MISMATCH[key](values[key])))
        elif declared.type == "datetime":
            text = str(value).strip() if value is not None else ""
            word = zone_word(text)
            if word:
                said = hints.zone_in_date(key, text, word)
                problems.append((line, said.message, said.hint))
                refused.add(key)
                continue
            try:
                parse_datetime(text, UTC)
            except DateFormatError as exc:
                problems.append((line, f"{key!r}: {exc}", "dates look like 2024-12-01 or 2024-12-01 09:30"))
            else:
                values[key] = text
        elif declared.type == "list":
            if isinstance(value, str) and "," in value:
                # "tags: paspor, visa" reads as one tag named "paspor, visa"
                problems.append(
                    (line, f"{key!r} looks like several values in one", f"write {key}: [{value}]")
                )
                refused.add(key)
                continue
            items = [value] if isinstance(value, str) else value
            bad = not isinstance(items, list)
            if bad or any(isinstance(x, (dict, list, bool)) or x is None for x in items):
                problems.append((line, f"{key!r} must be a list", f"write {key}: [a, b]"))
            else:
                values[key] = tuple(str(x).strip() for x in items)
        elif declared.type == "boolean":
            slip = hints.yes_no_word(key, value) if isinstance(value, str) else None
            if slip is not None:
                problems.append((line, slip.message, slip.hint))
            elif not isinstance(value, bool):
                problems.append((line, f"{key!r} must be true or false", f"write {key}: true"))
            else:
                values[key] = value
        elif declared.type == "integer":
            if not isinstance(value, int) or isinstance(value, bool):
                problems.append((line, "'weight' must be a whole number", "write weight: 10"))
            else:
                values[key] = value
        elif declared.type == "free":
            if not isinstance(value, dict):
                problems.append((line, "'params' must be a mapping", "indent your own keys under params:"))
            else:
                values[key] = dict(value)
        if len(problems) > before:
            refused.add(key)
    for required in FRONT_MATTER.keys:
        if required.required and not values.get(required.name) and required.name not in refused:
            fix = f"add a line like '{required.name}: {required.example}'"
            problems.append((data.line or first_line, f"missing {required.name}", fix))
    if required_date and "date" not in values and "date" not in refused:
        problems.append(
            (data.line or first_line, "missing date", "news and announcements need 'date: 2024-12-01 09:30'")
        )
    if problems:
        raise FrontMatterError(problems)
    return FrontMatter(lines=dict(data.key_lines), **values)


def _suggest(key: str) -> str:
    close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}? Keys of your own go under params:"
    return "put keys of your own under params:"
