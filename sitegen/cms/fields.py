"""The web editor's form fields, derived from the front-matter contract and `sitegen new`.

Every key a field writes is one the build reads (:data:`sitegen.sources.front_matter_keys.KNOWN_KEYS`),
and every limit a field enforces is the one the build or ``sitegen new`` enforces
(title length, slug and tag patterns, a picture's description), imported from where it is
declared, so a form cannot accept what the checker refuses. Limits that span two fields
(``expires`` before ``date``, a picture in ``image:`` without ``image_alt:``) are checked by
the editor's script before saving (``themes/default/admin/sitegen-cms.js``), with the
same words.
"""

from __future__ import annotations

from typing import Any

from sitegen.cms.new_page import MAX_TITLE
from sitegen.config.schema import NO_TEMPLATE
from sitegen.config.settings import Network
from sitegen.sources.front_matter_keys import DATE_KEYS, KNOWN_KEYS, SLUG

Field = dict[str, Any]

# {{ }} and {% %} are filled in only in the text below the form: elsewhere readers would see them
_NO_TEMPLATE_SAID = "Tulis dengan kata-kata, tanpa {{ }} atau {% %} (hanya berlaku di isi halaman)."

# what a date field stores while the form is open; the script writes it in the unit's zone
DATETIME_FORMAT = "YYYY-MM-DDTHH:mm:ssZ"
DATE_FORMAT = "YYYY-MM-DD"
# the body may show no picture without a description: "![](foto.jpg)" is refused as the build refuses it
_NO_UNDESCRIBED = r"^(?![\s\S]*!\[\s*\]\()[\s\S]*$"
# a letter or digit somewhere (any character that is neither space nor ASCII punctuation), no control
# character, no {{ or {% (nothing fills them in a title), at most MAX_TITLE characters: what
# sitegen.scaffold refuses (Decap reads it without flags)
_TITLE = (
    rf"^(?![\s\S]*\{{[{{%])(?=[\s\S]*[^\s!-/:-@\[-`{{-~])[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]{{1,{MAX_TITLE}}}$"
)


def _pattern(regex: str, message: str) -> list[str]:
    return [regex, message]


def title() -> Field:
    return {
        "name": "title",
        "label": "Judul",
        "widget": "string",
        "hint": f"Paling banyak {MAX_TITLE} karakter; judul juga menjadi nama berkas dan alamat halaman.",
        "pattern": _pattern(
            _TITLE,
            f"Judul perlu huruf atau angka, tanpa {{{{ }}}} atau {{% %}}, paling banyak {MAX_TITLE} karakter.",
        ),
    }


def date(required: bool = True) -> Field:
    return {
        "name": "date",
        "label": "Tanggal dan jam terbit",
        "widget": "datetime",
        "format": DATETIME_FORMAT,
        "date_format": "DD-MM-YYYY",
        "time_format": "HH.mm",
        "default": "{{now}}",
        "required": required,
        "hint": "Waktu setempat unit ini. Berita bertanggal nanti baru tampil setelah waktu itu tiba.",
    }


def expires() -> Field:
    return {
        "name": "expires",
        "label": "Berlaku sampai",
        "widget": "datetime",
        "format": DATE_FORMAT,
        "date_format": "DD-MM-YYYY",
        "time_format": False,
        "hint": "Hari terakhir pengumuman berlaku (sampai akhir hari itu); tidak boleh sebelum tanggal terbit.",
    }


def summary() -> Field:
    return {
        "name": "summary",
        "label": "Ringkasan",
        "widget": "text",
        "required": False,
        "hint": "Satu kalimat; tampil di daftar, di umpan berita dan saat tautan dibagikan.",
        "pattern": _pattern(NO_TEMPLATE, _NO_TEMPLATE_SAID),
    }


def tags(network: Network) -> Field:
    options = [{"label": name, "value": tag} for tag, name in network.topics]
    field: Field = {
        "name": "tags",
        "label": "Topik",
        "widget": "select",
        "multiple": True,
        "required": False,
        "options": options,
        "hint": "Pilih dari topik jaringan (offices.yaml, network.topics).",
    }
    if not options:  # a network without declared topics: free words, written as tags are
        field = {
            "name": "tags",
            "label": "Topik",
            "widget": "list",
            "required": False,
            "hint": "Huruf kecil, angka dan tanda hubung, misalnya layanan-publik.",
            "field": {
                "name": "tag",
                "label": "Topik",
                "widget": "string",
                "pattern": _pattern(SLUG.pattern, "Tulis topik dengan huruf kecil, angka dan tanda hubung."),
            },
        }
    return field


def text(name: str, label: str, hint: str) -> Field:
    return {
        "name": name,
        "label": label,
        "widget": "string",
        "required": False,
        "hint": hint,
        "pattern": _pattern(NO_TEMPLATE, _NO_TEMPLATE_SAID),
    }


def draft() -> Field:
    return {
        "name": "draft",
        "label": "Simpan sebagai konsep (belum terbit)",
        "widget": "boolean",
        "default": False,
        "required": False,
        "hint": "Nyalakan bila tulisan belum boleh tampil di situs (draft: true).",
    }


def updated() -> Field:
    field = date(required=False)
    field.update(
        {"name": "updated", "label": "Diperbarui", "hint": "Isi saat isi halaman diubah setelah terbit."}
    )
    del field["default"]
    return field


def image() -> list[Field]:
    return [
        {
            "name": "image",
            "label": "Foto utama",
            "widget": "image",
            "required": False,
            "choose_url": False,
            "hint": "JPEG atau PNG dari kamera, paling besar 20 MB; situs memperkecilnya sendiri.",
        },
        {
            "name": "image_alt",
            "label": "Keterangan foto utama",
            "widget": "string",
            "required": False,
            "hint": "Wajib bila ada foto: apa yang tampak, dalam satu kalimat (bukan \u201cfoto\u201d atau nama berkas).",
            "pattern": _pattern(
                NO_TEMPLATE + r"(|\s*\S[\s\S]{3,})$",
                "Tulis keterangan foto dalam satu kalimat, tanpa {{ }} atau {% %}.",
            ),
        },
    ]


def aliases() -> Field:
    return {
        "name": "aliases",
        "label": "Alamat lama",
        "widget": "list",
        "required": False,
        "hint": "Alamat lama yang dialihkan ke halaman ini, misalnya /berita/judul-lama/.",
        "field": {
            "name": "alias",
            "label": "Alamat",
            "widget": "string",
            "pattern": _pattern(
                r"^/[^\s]*$", "Alamat lama ditulis dari akar situs, misalnya /berita/judul-lama/."
            ),
        },
    }


def body() -> Field:
    return {
        "name": "body",
        "label": "Isi",
        "widget": "markdown",
        "buttons": [
            "bold",
            "italic",
            "link",
            "heading-two",
            "heading-three",
            "quote",
            "bulleted-list",
            "numbered-list",
        ],
        "editor_components": ["image"],
        "modes": ["rich_text", "raw"],
        "hint": "Setiap foto dalam teks perlu keterangan (teks alternatif).",
        "pattern": _pattern(
            _NO_UNDESCRIBED, "Setiap foto dalam teks perlu keterangan: isi \u201cAlt Text\u201d foto itu."
        ),
    }


def dated_fields(network: Network, announcement: bool) -> list[Field]:
    """A news item's or announcement's form, in the order `sitegen new` writes its keys."""
    fields = [title(), date()]
    if announcement:
        fields.append(expires())
    fields += [
        text("author", "Penulis", "Biasanya \u201cHumas\u201d dan nama unit."),
        text("category", "Kategori", "Misalnya Layanan atau Kegiatan."),
        tags(network),
        summary(),
        draft(),
        updated(),
        *image(),
        aliases(),
        body(),
    ]
    return _checked(fields)


def page_fields(translation: bool = False) -> list[Field]:
    """A page's form (services, public information, profile)."""
    fields = [title(), summary()]
    if not translation:
        fields.append(draft())
    fields += [
        updated(),
        {**date(required=False), "name": "verified", "label": "Fakta terakhir diperiksa", "default": ""},
        text("source", "Sumber", "Peraturan atau dokumen tempat fakta halaman ini diperiksa."),
        text("source_url", "Alamat sumber", "https://\u2026 atau /alamat/di/situs/"),
        {
            "name": "weight",
            "label": "Urutan",
            "widget": "number",
            "value_type": "int",
            "required": False,
            "hint": "Angka kecil tampil lebih dulu.",
        },
        aliases(),
        body(),
    ]
    for field in fields:
        if field.get("default") == "":
            del field["default"]
    return _checked(fields)


def _checked(fields: list[Field]) -> list[Field]:
    """Every field writes a key the build reads (``body`` is the text, not a key)."""
    for field in fields:
        name = field["name"]
        assert name == "body" or name in KNOWN_KEYS, name
        if name in DATE_KEYS:
            assert field["widget"] == "datetime", name
    return fields
