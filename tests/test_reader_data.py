"""What readers can use: contacts, links to national services, the pages kanim sites publish, English.

Every fact comes from offices.yaml (or is written "belum diisi"); a value that is
not one (coordinates off the globe, a link that is not https) is a located error
when offices.yaml is read; an empty value is never shown.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"
ALPHA_SERVICES = "    services: [paspor, izin-tinggal, plb]\n"


def with_alpha(project, extra: str, network: str = "") -> None:
    """Alpha's unit in offices.yaml with ``extra`` keys (indented as unit keys); ``network`` keys likewise."""
    text = project.read("offices.yaml").replace(ALPHA_SERVICES, ALPHA_SERVICES + extra)
    if network:
        text = text.replace("  default_language: id\n", "  default_language: id\n" + network)
    project.write("offices.yaml", text)


def build(project):
    return CliRunner().invoke(main, ["build", "--root", str(project.root), "--out", str(project.out)])


def check(project, *args: str):
    return CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW, *args])


def page(project, unit: str, url: str = "") -> str:
    return (project.out / unit / url / "index.html").read_text(encoding="utf-8")


def organisation(html: str) -> dict:
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "GovernmentOrganization":
            return data
    raise AssertionError("no organisation JSON-LD")


def contact_block(html: str) -> str:
    return re.search(r'<section class="contact".*?</section>', html, re.S).group()


FULL_CONTACT = """\
    contacts:
      phone: "(0561) 000000 — contoh"
      email: humas.alpha@example.go.id
      press_email: pers.alpha@example.go.id
    locality: Kota Alpha
    postal_code: "78111"
    coordinates: -0.0263, 109.3425
    social:
      instagram: https://www.instagram.com/kanim.alpha.contoh
"""


@pytest.fixture
def full_contact(project) -> str:
    """Alpha's home page, built with every contact key offices.yaml knows in place of its telephone."""
    text = project.read("offices.yaml").replace(
        '    contacts: {phone: "(0561) 000000 — contoh"}\n', FULL_CONTACT
    )
    project.write("offices.yaml", text)
    assert build(project).exit_code == 0
    return page(project, "alpha")


# --- offices.yaml: every new value is checked where it is written ---


def line_of(project, text: str) -> int:
    return next(n for n, line in enumerate(project.read("offices.yaml").splitlines(), 1) if text in line)


def refused(project, at: str) -> tuple[str, int]:
    """Build, which must fail: what it said, and the line of offices.yaml holding ``at``."""
    result = build(project)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    return result.output, line_of(project, at)


def test_coordinates_off_the_globe_are_an_error_at_their_line(project):
    with_alpha(project, "    coordinates: -91.5, 109.3\n")
    output, line = refused(project, "coordinates:")
    assert f"offices.yaml:{line}: coordinates '-91.5, 109.3' are off the globe" in output


def test_coordinates_that_are_not_numbers_are_an_error_at_their_line(project):
    with_alpha(project, "    coordinates: dekat pasar\n")
    output, line = refused(project, "coordinates:")
    assert f"offices.yaml:{line}: coordinates 'dekat pasar' are not latitude, longitude" in output


def test_a_link_that_is_not_https_is_an_error_at_its_line(project):
    with_alpha(project, "    links:\n      m_paspor: javascript:alert(1)\n")
    output, line = refused(project, "m_paspor:")
    assert f"offices.yaml:{line}: units[alpha].links.m_paspor 'javascript:alert(1)'" in output


def test_a_network_link_over_http_is_an_error_at_its_line(project):
    with_alpha(project, "", network="  links:\n    lapor: http://lapor.example/\n")
    output, line = refused(project, "lapor:")
    assert f"offices.yaml:{line}: network.links.lapor 'http://lapor.example/'" in output


def test_an_unknown_link_name_is_refused_with_the_closest_known_one(project):
    with_alpha(project, "    links:\n      mpaspor: https://mpaspor.example.go.id/\n")
    result = build(project)
    assert result.exit_code != 0
    assert "unknown key 'mpaspor' in links (did you mean 'm_paspor'?)" in result.output


def test_a_press_email_that_is_not_an_address_and_a_postal_code_of_four_digits_are_errors(project):
    text = project.read("offices.yaml").replace(
        '    contacts: {phone: "(0561) 000000 — contoh"}',
        "    contacts: {press_email: pers alpha}\n    postal_code: '7811'",
    )
    project.write("offices.yaml", text)
    result = build(project)
    assert result.exit_code != 0
    assert "contacts.press_email 'pers alpha' is not an e-mail address" in result.output
    assert "postal_code '7811' is not five digits" in result.output


# --- the contact block and JSON-LD ---


def test_the_contact_block_shows_email_press_social_and_a_map_at_the_coordinates(full_contact):
    block = contact_block(full_contact)
    assert '<a href="mailto:humas.alpha@example.go.id">humas.alpha@example.go.id</a>' in block
    assert "<dt>Kontak pers</dt>" in block and 'href="mailto:pers.alpha@example.go.id"' in block
    assert (
        '<dt>Media sosial</dt><dd><a href="https://www.instagram.com/kanim.alpha.contoh">Instagram</a>'
        in block
    )
    assert (
        'href="https://www.openstreetmap.org/?mlat=-0.0263&amp;mlon=109.3425#map=17/-0.0263/109.3425"'
        in block
    )
    assert "78111" in block
    assert "<iframe" not in block


def test_empty_contacts_are_not_shown(project):
    with_alpha(project, "    social: {}\n")
    text = project.read("offices.yaml").replace(
        '    contacts: {phone: "(0561) 000000 — contoh"}',
        '    contacts: {phone: "(0561) 000000 — contoh", email: "", press_email: ""}',
    )
    project.write("offices.yaml", text)
    assert build(project).exit_code == 0
    block = contact_block(page(project, "alpha"))
    for absent in ("Surel", "Kontak pers", "Media sosial", "WhatsApp", "mailto:"):
        assert absent not in block, absent
    assert re.search(r"<dd>\s*</dd>", block) is None


def test_an_example_address_gets_no_map_search(project):
    with_alpha(project, "    unverified: [address]\n")
    assert build(project).exit_code == 0
    assert "openstreetmap" not in contact_block(page(project, "alpha"))


def test_the_organisation_json_ld_carries_email_locality_postal_code_coordinates_and_press(full_contact):
    data = organisation(full_contact)
    assert data["email"] == "humas.alpha@example.go.id"
    assert data["address"]["addressLocality"] == "Kota Alpha"
    assert data["address"]["postalCode"] == "78111"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": -0.0263, "longitude": 109.3425}
    assert data["contactPoint"][0]["email"] == "pers.alpha@example.go.id"
    assert data["sameAs"] == ["https://www.instagram.com/kanim.alpha.contoh"]


def test_the_organisation_json_ld_leaves_out_what_offices_yaml_does_not_say(project):
    assert build(project).exit_code == 0
    data = organisation(page(project, "bravo"))
    for absent in ("email", "geo", "contactPoint", "sameAs", "logo"):
        assert absent not in data, absent
    assert "postalCode" not in data["address"] and "addressLocality" not in data["address"]


def test_a_value_with_markup_is_escaped_in_the_contact_block_and_the_json_ld(project):
    with_alpha(project, "    locality: </script><b>Alpha</b>\n")
    assert build(project).exit_code == 0
    html = page(project, "alpha")
    assert "<b>Alpha</b>" not in html
    assert organisation(html)["address"]["addressLocality"] == "</script><b>Alpha</b>"


def test_an_announcement_has_item_json_ld_with_its_end_date_and_publisher_logo(project):
    project.write("content/offices/alpha/static/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>')
    with_alpha(project, "    logo: /logo.svg\n")
    assert build(project).exit_code == 0
    html = page(project, "alpha", "pengumuman/libur")
    items = [
        json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    item = next(d for d in items if d.get("@type") == "Article")
    assert item["publisher"]["logo"]["url"] == "https://alpha.example.go.id/logo.svg"
    assert "datePublished" in item


# --- links to national services come from offices.yaml ---


def test_the_complaints_page_links_sp4n_lapor_from_offices_yaml_and_a_unit_override_wins(project):
    project.write(
        "content/shared/informasi-publik/pengaduan.md",
        "---\ntitle: Pengaduan\n---\n"
        "Laporkan melalui SP4N-LAPOR!{% if office.links.lapor %}: <{{ office.links.lapor }}>{% endif %}.\n",
    )
    with_alpha(
        project,
        "    links:\n      lapor: https://lapor.alpha.example.go.id/\n",
        network="  links:\n    lapor: https://lapor.example.go.id/\n",
    )
    result = build(project)
    assert result.exit_code == 0, result.output
    assert 'href="https://lapor.alpha.example.go.id/"' in page(project, "alpha", "informasi-publik/pengaduan")
    bravo = page(project, "bravo", "informasi-publik/pengaduan")
    assert 'href="https://lapor.example.go.id/"' in bravo and "lapor.alpha" not in bravo


# --- the shipped pages: what kanim sites publish, with "belum diisi" where unknown ---

PUBLISHED_PAGES = {
    "profil/struktur-organisasi": "Kepala Kantor",
    "profil/zona-integritas": "Predikat",
    "informasi-publik/survei-kepuasan-masyarakat": "Nilai indeks (IKM)",
    "informasi-publik/whistleblowing": "gratifikasi",
    "informasi-publik/statistik-layanan": "Periode",
    "layanan/tempat-layanan": "Tempat layanan di luar kantor",
    "layanan/wna/pelaporan-orang-asing": "APOA",
}


def test_every_kanim_publishes_the_pages_real_kanim_sites_carry_saying_what_is_not_known(shipped):
    for url, said in PUBLISHED_PAGES.items():
        html = (shipped / "sambas" / url / "index.html").read_text(encoding="utf-8")
        assert said in html, url
        assert "belum diisi" in html, url


def test_the_skm_page_has_a_results_table_and_invents_no_number(shipped):
    html = (shipped / "pontianak/informasi-publik/survei-kepuasan-masyarakat/index.html").read_text()
    table = re.search(r"<table>.*?</table>", html, re.S).group()
    assert "<th>Periode</th>" in table and "<td>belum diisi</td>" in table
    assert not re.search(r"<td>\s*\d", table)


def test_a_detention_unit_has_no_service_points_page_nor_foreigner_reporting(shipped):
    assert not (shipped / "rudenim-pontianak/layanan/tempat-layanan").exists()
    assert not (shipped / "rudenim-pontianak/layanan/wna/pelaporan-orang-asing").exists()
    assert (shipped / "rudenim-pontianak/profil/zona-integritas/index.html").is_file()


def test_units_publishing_english_have_contact_complaints_and_subscribe_in_english(shipped):
    for url in (
        "en/profil",
        "en/informasi-publik/pengaduan",
        "en/langganan",
        "en/layanan/wna/pelaporan-orang-asing",
    ):
        html = (shipped / "pontianak" / url / "index.html").read_text(encoding="utf-8")
        assert '<html lang="en">' in html, url
    assert not (shipped / "rudenim-pontianak/en").exists()


# --- check names the English pages still missing ---


def test_check_names_each_english_page_a_unit_publishing_english_lacks(project):
    text = project.read("offices.yaml").replace(ALPHA_SERVICES, ALPHA_SERVICES + "    languages: [id, en]\n")
    project.write("offices.yaml", text)
    result = check(project, "--all")
    line = line_of(project, "languages: [id, en]")
    assert (
        f"offices.yaml:{line}: warning: no English complaints page at /en/informasi-publik/pengaduan/ [unit alpha]"
        in result.output
    )
    assert "add content/shared/informasi-publik/pengaduan.en.md" in result.output
    # search and the not-found page are the theme's: it makes them in English (tests/test_english_theme_pages.py)
    assert "no English search page" not in result.output
    assert "[unit bravo]" not in "\n".join(x for x in result.output.splitlines() if "no English" in x)
    project.write(
        "content/shared/informasi-publik/pengaduan.md", "---\ntitle: Pengaduan\n---\nSampaikan pengaduan.\n"
    )
    project.write(
        "content/shared/informasi-publik/pengaduan.en.md", "---\ntitle: Complaints\n---\nComplain here.\n"
    )
    assert "no English complaints page" not in check(project, "--all").output


def test_a_feed_names_a_topic_once_however_its_case_is_written(project):
    project.write(
        "content/offices/alpha/berita/2026-11-20-pengawasan-pasar.md",
        "---\ntitle: Pengawasan Pasar\ndate: 2026-11-20 08:00\ncategory: Pengawasan\ntags: [pengawasan]\n---\nPatroli.\n",
    )
    text = project.read("offices.yaml").replace(
        "  default_language: id\n",
        "  default_language: id\n  topics:\n    pengawasan: Pengawasan keimigrasian\n",
    )
    project.write("offices.yaml", text)
    result = build(project)
    assert result.exit_code == 0, result.output
    atom = (project.out / "alpha/atom.xml").read_text(encoding="utf-8")
    entry = re.search(
        r"<entry>(?:(?!</entry>).)*<title>Pengawasan Pasar</title>.*?</entry>", atom, re.S
    ).group()
    assert re.findall(r"<category [^>]*>", entry) == [
        '<category term="pengawasan" label="Pengawasan keimigrasian"/>'
    ]
