"""The web editor writes the files a git user would: specified by running its own script in Node.js."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from sitegen.cms.admin import admin_files
from sitegen.cms.fields import dated_fields, page_fields
from sitegen.cms.new_page import MAX_SLUG, MAX_TITLE
from sitegen.config.offices import load_network
from sitegen.errors import Problems
from sitegen.scaffold import MAX_SLUG as SCAFFOLD_SLUG
from sitegen.scaffold import MAX_TITLE as SCAFFOLD_TITLE
from sitegen.scaffold import plan_page
from sitegen.sources.source import PLACEHOLDER
from sitegen.urls import slugify

ROOT = Path(__file__).resolve().parents[1]
HARNESS = Path(__file__).with_name("cms_harness.js")
DRAFT_LINE = re.compile(r"^draft: true.*\n", re.M)


@pytest.fixture(scope="module")
def network():
    return load_network(ROOT / "offices.yaml", Problems(ROOT))


@pytest.fixture(scope="module")
def editor(network):
    """Calls into the editor's script as the Sambas editor's page configures it."""
    page = dict(admin_files(network, network.office("sambas"), ROOT / "themes"))["admin/index.html"].decode()
    settings = json.loads(re.search(r'id="sitegen-cms">(.*?)</script>', page).group(1))

    def run(*calls: dict) -> list[dict]:
        done = subprocess.run(
            ["node", str(HARNESS)],
            input=json.dumps({"settings": settings, "calls": list(calls)}),
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout)

    return run


def git_user(network, section: str, title: str, moment: str, body: str) -> tuple[str, str]:
    """`sitegen new`, then the text written over the placeholder and the draft line deleted."""
    page = plan_page(
        Path("/nonexistent"),
        network,
        section,
        title,
        network.office("sambas"),
        datetime.fromisoformat(moment),
    )
    text = DRAFT_LINE.sub("", page.text).replace(PLACEHOLDER + "\n", body)
    return page.path.name, text


def test_every_shipped_page_opened_and_saved_unchanged_is_byte_identical(editor):
    files = sorted((ROOT / "content").rglob("*.md"))
    results = editor(*({"op": "roundtrip", "text": f.read_text(encoding="utf-8")} for f in files))
    changed = [
        str(f.relative_to(ROOT))
        for f, r in zip(files, results, strict=True)
        if r.get("text") != f.read_text(encoding="utf-8")
    ]
    assert changed == []


@pytest.mark.parametrize(
    ("section", "extra"),
    [("berita", {}), ("pengumuman", {"expires": "2026-12-02"})],
)
def test_a_new_item_is_what_sitegen_new_and_the_same_text_give(editor, network, section, extra):
    title, moment, body = (
        "Sosialisasi Paspor di Sekolah",
        "2026-11-18T08:00:00+07:00",
        "Petugas datang ke sekolah.\n",
    )
    # an untouched topic picker gives "", as Decap's select does
    data = {"title": title, "date": moment, "body": body, "draft": False, "summary": "", "tags": "", **extra}
    (made,) = editor({"op": "new", "collection": section, "data": data})
    name, expected = git_user(network, section, title, moment, body)
    assert made["name"] + ".md" == name
    assert made["text"] == expected


def test_a_date_picked_in_another_zone_is_written_in_the_units_zone(editor, network):
    (made,) = editor(
        {
            "op": "new",
            "collection": "berita",
            "data": {"title": "Paspor", "date": "2026-11-18T03:00:00+02:00", "body": "x"},
        }
    )
    assert "date: 2026-11-18T08:00:00+07:00\n" in made["text"]
    assert "id: berita/20261118T010000Z\n" in made["text"]


def test_editing_an_expiry_changes_that_line_only(editor):
    path = ROOT / "content/offices/sambas/pengumuman/2026-11-18-layanan-libur-natal-tahun-baru.md"
    before = path.read_text(encoding="utf-8")
    (after,) = editor({"op": "edit", "text": before, "changes": {"expires": "2027-01-05"}})
    changed = [(a, b) for a, b in zip(before.splitlines(), after["text"].splitlines(), strict=True) if a != b]
    assert changed == [("expires: 2027-01-02 23:59", "expires: 2027-01-05")]


def test_a_changed_line_of_an_existing_announcement_keeps_its_own_comment_and_gains_none(editor):
    # the browser saves with the kind of page set (as beforeSave does): `sitegen new`'s comments are for
    # new files only, and a git user's own comment after a value stays when the value changes
    before = (
        "---\ntitle: Libur\ndate: 2026-11-18 09:20\nexpires: 2027-01-02 23:59\n"
        "category: Layanan   # as the office names it\n---\n\nTeks.\n"
    )
    (after,) = editor(
        {
            "op": "edit",
            "text": before,
            "changes": {"_jenis": "pengumuman", "expires": "2027-01-05", "category": "Kegiatan"},
        }
    )
    assert after["text"] == before.replace("2027-01-02 23:59", "2027-01-05").replace(
        "category: Layanan", "category: Kegiatan"
    )


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({"expires": "2026-11-01"}, "sebelum tanggal terbit"),
        ({"expires": "2026-12-01", "image": "/img/pengumuman/loket.jpg"}, "Foto utama perlu keterangan"),
        ({"expires": "2026-12-01", "body": "![](/img/pengumuman/loket.jpg)"}, "perlu keterangan"),
    ],
)
def test_the_form_refuses_what_the_checker_refuses_in_indonesian(editor, data, said):
    base = {"title": "Libur", "date": "2026-11-18T08:00:00+07:00", "body": "Teks."}
    (result,) = editor({"op": "new", "collection": "pengumuman", "data": {**base, **data}})
    assert "text" not in result
    assert said in result["error"]


def test_an_english_translation_is_named_after_the_page_it_translates(editor):
    (made,) = editor(
        {
            "op": "new",
            "collection": "bersama-layanan-wni-en",
            "data": {"title": "Passport fees", "_asli": "biaya-paspor", "body": "Fees."},
        }
    )
    assert made["name"] == "biaya-paspor"
    assert (
        made["text"] == '---\ntitle: "Passport fees"\nsummary: ""\n---\n\nFees.\n'
    )  # as `sitegen new` starts a page


@pytest.mark.parametrize(
    ("reason", "prevented"),
    [
        ({"type": "ENTRY_PERSIST_FAILURE", "error": "Failed to persist entry"}, True),
        ({"type": "ENTRY_DELETE_FAILURE"}, False),
        ("TypeError: x is undefined", False),
    ],
)
def test_only_a_refused_save_shown_in_decaps_notice_is_no_page_error(editor, reason, prevented):
    (result,) = editor({"op": "rejection", "reason": reason})
    assert result == {"prevented": prevented}


@pytest.mark.parametrize(
    "title",
    [
        "Layanan Paspor Elektronik!",
        "Sosialisasi  di  Sekolah — 2026",
        "Café ﬃ Ñandú",
        "Rp350.000 untuk 5 tahun",
        "halaman",
    ],
)
def test_file_names_are_slugged_as_sitegen_does(editor, title):
    (made,) = editor({"op": "slugify", "text": title})
    assert made["slug"] == slugify(title)


def test_the_limits_are_sitegen_news(network):
    assert (MAX_TITLE, MAX_SLUG) == (SCAFFOLD_TITLE, SCAFFOLD_SLUG)


def test_the_editors_comments_speak_the_language_sitegen_new_speaks(network):
    """Indonesian by default: a file from the web editor and one from `sitegen new` carry the same comments."""
    from sitegen import i18n
    from sitegen.cms.config import scaffold_shape

    before = i18n.current()
    try:
        for lang in ("id", "en"):
            i18n.use(lang)
            page = plan_page(
                Path("/nonexistent"),
                network,
                "pengumuman",
                "Libur Nasional",
                network.office("sambas"),
                datetime.fromisoformat("2026-11-18T08:00:00+07:00"),
            )
            comments = scaffold_shape(network.office("sambas"))["pengumuman"]["comments"]
            lines = {line.split(":", 1)[0]: line for line in page.text.splitlines()}
            assert lines["expires"].endswith(comments["expires"])
            assert lines["draft"].endswith(comments["draft"])
            assert ("hapus baris ini" in comments["draft"]) == (lang == "id")
    finally:
        i18n.use(before)


@pytest.mark.parametrize("name", ["summary", "author", "category", "source", "image_alt"])
def test_the_web_editors_text_fields_refuse_office_variables_and_take_words(network, name):
    fields = {f["name"]: f for f in dated_fields(network, announcement=False) + page_fields()}
    regex = fields[name]["pattern"][0]
    assert not re.search(regex, "Humas {{ office.short_name }}")
    assert re.search(regex, "Humas Kanim Pontianak, bagian informasi")
