"""What the shipped sites say is true, placed where readers look for it, and plainly worded."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project

from .conftest import REPO, SHIPPED_NOW

# the units that issue the border pass (PLB); Putussibau has PLBN Badau as an entry point only
PLB_ISSUERS = ["singkawang", "sambas", "entikong"]
NOW = SHIPPED_NOW


class Sections(HTMLParser):
    """The links of a page, each with the text of the nearest heading above it."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = ""
        self.links: list[tuple[str, str]] = []  # (heading, href)
        self._in_heading = False

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3"):
            self._in_heading, self.heading = True, ""
        elif tag == "a" and not self._in_heading:
            self.links.append((self.heading.strip(), dict(attrs).get("href", "")))

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3"):
            self._in_heading = False

    def handle_data(self, data):
        if self._in_heading:
            self.heading += data


def headed_links(html: str) -> list[tuple[str, str]]:
    parser = Sections()
    parser.feed(html[html.index("<main") : html.index("</main>")])
    return parser.links


def text_files() -> list[Path]:
    """Every Markdown file and template readers' words come from (the English pages aside)."""
    files = sorted((REPO / "content").rglob("*.md")) + sorted((REPO / "themes").rglob("*.html"))
    return [f for f in files if not f.name.endswith(".en.md")]


@pytest.mark.parametrize("unit", PLB_ISSUERS)
def test_the_border_pass_is_listed_under_the_citizens_heading(shipped, unit):
    links = headed_links((shipped / unit / "layanan/index.html").read_text())
    plb = [heading for heading, href in links if "pas-lintas-batas" in href]
    assert plb == ["Layanan WNI"], plb


def test_putussibau_does_not_say_it_issues_the_border_pass(shipped):
    """PLBN Badau is its entry point, but only Singkawang, Sambas and Entikong issue PLB."""
    assert not (shipped / "putussibau/layanan/wni/pas-lintas-batas").exists()
    assert not (shipped / "putussibau/layanan/pas-lintas-batas").exists()
    for page in ("index.html", "layanan/index.html", "layanan/wni/index.html"):
        html = (shipped / "putussibau" / page).read_text()
        assert "pas-lintas-batas/" not in html, page
        assert "Putussibau menerbitkan" not in html and "Putussibau juga menerbitkan" not in html, page
    table = (shipped / "kanwil-kalbar/layanan/unit-layanan/index.html").read_text()
    assert "<td>Kabupaten Kapuas Hulu</td>\n<td>Paspor, izin tinggal</td>" in table


def test_the_border_pass_keeps_its_old_address_as_a_redirect(shipped):
    old = (shipped / "sambas/layanan/pas-lintas-batas/index.html").read_text()
    assert 'url=../wni/pas-lintas-batas/"' in old
    assert not (shipped / "pontianak/layanan/wni/pas-lintas-batas").exists()


def test_fee_pages_name_their_legal_source_and_when_they_were_verified(shipped):
    for page in ("biaya-paspor", "layanan-percepatan"):
        html = (shipped / f"pontianak/layanan/wni/{page}/index.html").read_text()
        assert '<p class="source">Sumber: Peraturan Pemerintah Nomor 45 Tahun 2024 (PP 45/2024)</p>' in html
        assert "Terakhir diverifikasi" in html


def test_pp_45_2024_is_cited_only_as_far_as_the_domain_notes_go(shipped):
    """The notes give number, year and 'in force December 2024': no title, day or link is made up."""
    html = (shipped / "pontianak/layanan/wni/biaya-paspor/index.html").read_text()
    assert "berlaku sejak <strong>Desember 2024</strong>" in html
    assert "Judul lengkap PP 45/2024, tanggal persis mulai berlakunya dan tautan ke teks resminya" in html
    for path in text_files():
        assert "tentang Jenis dan Tarif atas Jenis" not in path.read_text(), path


def test_the_lost_or_damaged_passport_charge_says_what_is_not_known(shipped):
    html = (shipped / "pontianak/layanan/wni/paspor-hilang-rusak/index.html").read_text()
    assert "Paspor pengganti dikenai PNBP paspor sesuai jenis dan masa berlakunya" in html
    assert "Biaya tambahan karena paspor hilang atau rusak, apabila dikenakan, dan besarnya" in html
    assert "biaya beban sebagaimana diatur" not in html


def test_wording_readers_flagged_is_gone_and_one_word_names_a_website():
    for path in text_files():
        text = path.read_text()
        assert "ketentuan yang baru yang berlaku" not in text, path
        assert not re.search(r"\b[Tt]andatangani", text), path
        # "situs" names a website, "halaman" a page: "laman" mixed the two
        assert not re.search(r"\b[Ll]aman\b", text), path


def test_the_footer_names_the_regional_office_as_the_one_above_the_unit(shipped):
    html = (shipped / "sambas/index.html").read_text()
    assert (
        "Diterbitkan oleh Kantor Imigrasi Kelas II TPI Sambas, di bawah "
        "Kantor Wilayah Direktorat Jenderal Imigrasi Kalimantan Barat." in html
    )
    assert ", unit Kantor Wilayah" not in html


def test_the_regional_office_links_the_site_of_each_of_its_units(shipped):
    units = yaml.safe_load((REPO / "offices.yaml").read_text())["units"]
    below = [u for u in units if u.get("parent") == "kanwil-kalbar"]
    html = (shipped / "kanwil-kalbar/index.html").read_text()
    table = (shipped / "kanwil-kalbar/layanan/unit-layanan/index.html").read_text()
    assert len(below) == 8
    for unit in below:
        assert f'<li><a href="{unit["base_url"]}">{unit["name"]}</a></li>' in html
        assert f'<td><a href="{unit["base_url"]}">{unit["name"]}</a></td>' in table
    assert "<td>Kabupaten Sambas</td>\n<td>Paspor, izin tinggal, PLB (PLBN Aruk)</td>" in table


def test_office_units_lists_a_regional_offices_units_and_is_empty_elsewhere(project):
    project.write(
        "content/shared/profil/unit.md",
        "---\ntitle: Unit\n---\nUnit: {% for unit in office.units %}[{{ unit.short_name }}]({{ unit.base_url }}) "
        "{% else %}tidak ada{% endfor %}\n",
    )
    build(load_project(project.root), BuildOptions(out=project.out))
    regional = (project.out / "wilayah/profil/unit/index.html").read_text()
    assert '<a href="https://alpha.example.go.id/">Kanim Alpha</a>' in regional
    assert '<a href="https://rudenim.example.go.id/">Rudenim Charlie</a>' in regional
    assert "Unit: tidak ada" in (project.out / "alpha/profil/unit/index.html").read_text()


def test_a_page_beside_subsections_gets_a_heading_of_its_own(project):
    """Listed under the last subsection's heading, it would seem to belong there (PLB under foreigners)."""
    project.write("content/shared/layanan/wni/_index.md", "---\ntitle: Layanan WNI\n---\nx\n")
    project.write("content/shared/layanan/wni/paspor.md", "---\ntitle: Paspor\n---\nx\n")
    build(load_project(project.root), BuildOptions(out=project.out))
    links = headed_links((project.out / "alpha/layanan/index.html").read_text())
    assert ("Layanan WNI", "wni/paspor/") in links
    assert ("Halaman lain di bagian Layanan", "pas-lintas-batas/") in links


PPID_PROMISES = ("informasi-berkala", "daftar-informasi-publik", "maklumat-pelayanan", "formulir-permohonan")


def test_the_ppid_section_links_each_page_it_promises(shipped):
    for unit in ("pontianak", "rudenim-pontianak", "kanwil-kalbar"):
        index = (shipped / unit / "informasi-publik/index.html").read_text()
        for name in PPID_PROMISES:
            assert f'href="{name}/"' in index, (unit, name)
            assert (shipped / unit / f"informasi-publik/{name}/index.html").is_file()


def test_the_maklumat_is_not_shown_as_signed_while_who_signed_it_and_when_is_unknown(shipped):
    html = (shipped / "entikong/informasi-publik/maklumat-pelayanan/index.html").read_text()
    assert "teks di atas adalah rumusan maklumat, bukan maklumat yang telah ditetapkan" in html
    for line in ("Ditetapkan di", "Tanggal penetapan", "Nama kepala Kanim Entikong yang menandatangani"):
        assert f"<li>{line}: <strong>belum diisi</strong></li>" in html


def test_check_names_every_unfilled_line_of_the_promised_ppid_pages():
    from sitegen.errors import Problems
    from sitegen.structure.unfinished import unfinished_warnings

    problems = Problems(root=REPO)
    unfinished_warnings(load_project(REPO).sources, problems)
    found = {(p.path, p.line) for p in problems.warnings if p.message.startswith("not yet filled in")}
    for name in PPID_PROMISES[:3]:
        path = f"content/shared/informasi-publik/{name}.md"
        lines = (REPO / path).read_text().splitlines()
        marked = {
            n for n, text in enumerate(lines, 1) if "belum diisi" in text.lower() and "<!--" not in text
        }
        assert marked, path
        assert {line for where, line in found if where == path} == marked, path


def test_only_units_that_issue_passports_point_periodic_information_at_passport_fees(shipped):
    assert "biaya-paspor" in (shipped / "sambas/informasi-publik/informasi-berkala/index.html").read_text()
    assert (
        "biaya-paspor"
        not in (shipped / "rudenim-pontianak/informasi-publik/informasi-berkala/index.html").read_text()
    )


def test_the_comments_editors_copy_from_the_example_pages_are_in_indonesian():
    """Editors copy an example page to start their own: its front matter speaks to them in their language."""
    comments = []
    for path in sorted((REPO / "content").rglob("*.md")):
        front = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        comments += [(path.name, line.split(" #", 1)[1]) for line in front.splitlines() if " #" in line]
    assert len(comments) > 40
    english = re.compile(r"\b(the|an|to|with|replace|example|show)\b")
    assert [(name, said) for name, said in comments if english.search(said)] == []
