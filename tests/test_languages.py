"""Two languages: a unit declaring ``languages: [id, en]`` publishes English translations under /en/.

A translation is ``NAME.en.md`` beside ``NAME.md``. It takes its original's URL
under ``/en/``; the two are linked both ways (``<link rel=alternate hreflang>``
and a visible switch); interface text comes from the theme's gettext catalog;
dates, times and opening hours follow the page's language.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner

from sitegen.cli import main

from .conftest import REPO
from .helpers import broken_links

ENGLISH = "    languages: [id, en]\n    services: [paspor, izin-tinggal, plb]"


def english_for_alpha(project) -> None:
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace("    services: [paspor, izin-tinggal, plb]", ENGLISH),
    )
    project.write(
        "content/shared/layanan/wna/itk.md",
        "---\ntitle: Izin Tinggal Kunjungan\nslug: izin-kunjungan\nservices: [izin-tinggal]\n"
        "verified: 2026-11-02\n---\nDatang ke {{ office.name }}. Jam layanan: {{ office.hours }}.\n",
    )
    project.write(
        "content/shared/layanan/wna/itk.en.md",
        "---\ntitle: Visit Stay Permit\nservices: [izin-tinggal]\nverified: 2026-11-02\n---\n"
        "Come to the {{ office.name }}. Opening hours: {{ office.hours }}. "
        "Areas: {{ office.coverage }}.\n",
    )


def build(project, *args: str):
    result = CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--out", str(project.out), *args]
    )
    return result


def html(project, unit: str, url: str) -> str:
    return (project.out / unit / url / "index.html").read_text(encoding="utf-8")


def alternates(page: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', page))


def test_a_translation_is_published_under_en_at_its_originals_url_by_units_declaring_english(project):
    english_for_alpha(project)
    result = build(project)
    assert result.exit_code == 0, result.output
    assert (project.out / "alpha/layanan/wna/izin-kunjungan/index.html").is_file()
    assert (project.out / "alpha/en/layanan/wna/izin-kunjungan/index.html").is_file()
    assert (project.out / "alpha/en/index.html").is_file()
    assert not (project.out / "bravo/en").exists(), "bravo does not declare English"
    assert (project.out / "bravo/layanan/wna/izin-kunjungan/index.html").is_file()
    assert broken_links(project.out / "alpha") == []


def test_a_page_and_its_translation_point_to_each_other(project):
    english_for_alpha(project)
    assert build(project).exit_code == 0
    indonesian = html(project, "alpha", "layanan/wna/izin-kunjungan")
    english = html(project, "alpha", "en/layanan/wna/izin-kunjungan")
    pair = {
        "id": "https://alpha.example.go.id/layanan/wna/izin-kunjungan/",
        "en": "https://alpha.example.go.id/en/layanan/wna/izin-kunjungan/",
        "x-default": "https://alpha.example.go.id/layanan/wna/izin-kunjungan/",
    }
    assert alternates(indonesian) == pair
    assert alternates(english) == pair
    assert '<html lang="en">' in english and '<html lang="id">' in indonesian
    assert 'href="../../../en/layanan/wna/izin-kunjungan/" hreflang="en" lang="en">English<' in indonesian
    assert (
        'href="../../../../layanan/wna/izin-kunjungan/" hreflang="id" lang="id">Bahasa Indonesia<' in english
    )


def test_a_page_without_translation_says_so_in_the_other_language_and_leads_to_its_home(project):
    english_for_alpha(project)
    assert build(project).exit_code == 0
    page = html(project, "alpha", "layanan/paspor-baru")
    assert 'hreflang="en"' in page and 'href="../../en/" hreflang="en"' in page
    # on screen "English (home page)", so the header keeps its line on a phone; the whole sentence for screen readers
    assert 'English <small aria-hidden="true">(home page)</small><span class="visually-hidden">' in page
    assert (
        "this page is not available in English"
        in page.split('class="visually-hidden">', 1)[1].split("<", 1)[0]
    )
    assert alternates(page) == {}, "no alternate is claimed where there is none"


def test_english_pages_carry_english_interface_dates_and_hours(project):
    english_for_alpha(project)
    assert build(project).exit_code == 0
    page = html(project, "alpha", "en/layanan/wna/izin-kunjungan")
    assert "Skip to content" in page and "Langsung ke isi" not in page
    assert "Last verified:" in page and "Monday, 2 November 2026" in page
    assert (
        "Opening hours: Monday–Thursday 08:00–16:00 WIB; Friday 08:00–16:30 WIB; Saturday–Sunday closed"
        in page
    )
    assert "Areas: Kota Alpha and Kabupaten Beta" in page
    for indonesian in ("Jam layanan", "Telepon", "Alamat<", "Senin", "Menu utama", "tutup"):
        assert indonesian not in page, indonesian
    original = html(project, "alpha", "layanan/wna/izin-kunjungan")
    assert "Senin, 2 November 2026" in original and "Senin–Kamis 08.00–16.00 WIB" in original


def test_the_english_home_lists_the_english_sections_and_points_to_the_indonesian_news(project):
    english_for_alpha(project)
    assert build(project).exit_code == 0
    home = html(project, "alpha", "en")
    assert "<h1>Kantor Imigrasi Kelas I TPI Alpha</h1>" in home
    assert ">Services for Foreign Nationals</a>" in home and ">Visit Stay Permit</a>" in home
    assert 'href="../berita/" hreflang="id"' in home
    assert alternates(home) == {
        "id": "https://alpha.example.go.id/",
        "en": "https://alpha.example.go.id/en/",
        "x-default": "https://alpha.example.go.id/",
    }


def test_a_translated_news_item_is_refused_with_its_file(project):
    english_for_alpha(project)
    project.write(
        "content/offices/alpha/berita/2026-10-01-sosialisasi.en.md",
        "---\ntitle: Outreach\ndate: 2026-10-01 09:30\n---\nText.\n",
    )
    result = build(project)
    assert result.exit_code == 1
    assert "content/offices/alpha/berita/2026-10-01-sosialisasi.en.md:" in result.output
    assert "news and announcements are published in one language" in result.output


def test_a_translation_takes_its_originals_address_and_cannot_set_a_slug(project):
    english_for_alpha(project)
    project.write(
        "content/shared/layanan/wna/itk.en.md",
        "---\ntitle: Visit Stay Permit\nslug: visit\nservices: [izin-tinggal]\n---\nText.\n",
    )
    result = build(project)
    assert result.exit_code == 1
    assert "content/shared/layanan/wna/itk.en.md:3: a translation takes the URL" in result.output


def test_the_file_name_decides_the_language(project):
    english_for_alpha(project)
    project.write(
        "content/shared/layanan/wna/itk.en.md",
        "---\ntitle: Visit Stay Permit\nlang: id\nservices: [izin-tinggal]\n---\nText.\n",
    )
    result = build(project)
    assert result.exit_code == 1
    assert "itk.en.md:3: lang: id contradicts the file name" in result.output


def test_every_interface_text_of_the_default_theme_has_an_english_translation():
    """A template change that adds text without adding it to the catalog fails here, naming it."""
    theme = REPO / "themes" / "default"
    with (theme / "locales/en/LC_MESSAGES/messages.po").open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    used = {
        (message, f"{name}:{line}")
        for name, line, message, _comments, _context in extract_from_dir(
            theme / "templates",
            method_map=[("**.html", "jinja2")],
            keywords={"_": None, "gettext_in": (2,)},
            options_map={"**.html": {}},
        )
    }
    missing = sorted(where + " " + repr(message) for message, where in used if message not in translated)
    assert missing == []
    assert len(used) > 20


def test_shipped_english_pages_and_their_originals_link_both_ways(shipped: Path):
    """On the shipped sites, every hreflang alternate exists and points back."""
    site = shipped / "pontianak"
    base = "https://pontianak.imigrasi.go.id/"
    pairs = 0
    for path in sorted(site.rglob("index.html")):
        page = path.read_text(encoding="utf-8")
        links = alternates(page)
        if not links:
            continue
        own = base + path.parent.relative_to(site).as_posix().removesuffix(".") + "/"
        own = own.replace("//", "/").replace("https:/", "https://")
        assert own in links.values(), path
        for lang, url in links.items():
            other = site / url.removeprefix(base) / "index.html"
            assert other.is_file(), (path, url)
            other_page = other.read_text(encoding="utf-8")
            assert f'<html lang="{"id" if lang == "x-default" else lang}">' in other_page
            assert alternates(other_page) == links, (path, other)
            pairs += 1
    assert pairs >= 2
