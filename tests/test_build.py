"""Building: one complete, self-contained site per unit from shared and own content."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from sitegen.cli import main

from .helpers import broken_links, published

NOW = "2026-11-24T12:00:00+07:00"


def build(project, *args: str):
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW, *args])
    assert result.exit_code == 0, result.output
    return result


def page(project, rel: str) -> str:
    return (project.out / rel).read_text(encoding="utf-8")


def test_every_unit_gets_its_own_site(project):
    build(project)
    for unit in ("alpha", "bravo", "rudenim", "wilayah"):
        for rel in (
            "index.html",
            "berita/index.html",
            "pengumuman/index.html",
            "layanan/index.html",
            "informasi-publik/index.html",
            "profil/index.html",
            "langganan/index.html",
            "static/site.css",
            "rss.xml",
            "atom.xml",
            "feeds.opml",
        ):
            assert (project.out / unit / rel).is_file(), f"{unit}/{rel}"


def test_shared_pages_are_filled_with_each_units_own_data(project):
    build(project)
    assert "Datang ke Kantor Imigrasi Kelas I TPI Alpha di Jl. Contoh No. 1, Alpha." in page(
        project, "alpha/layanan/paspor-baru/index.html"
    )
    assert "Dijawab dalam 10 hari kerja oleh Rudenim Charlie." in page(
        project, "rudenim/informasi-publik/permohonan/index.html"
    )


def test_narrowing_decides_who_publishes_a_shared_page(project):
    build(project)
    # passport pages: units offering passports only
    assert (project.out / "alpha/layanan/biaya-paspor/index.html").exists()
    assert not (project.out / "rudenim/layanan/biaya-paspor/index.html").exists()
    assert not (project.out / "wilayah/layanan/biaya-paspor/index.html").exists()
    # border-pass page: border units only; detention pages: the Rudenim only
    assert (project.out / "alpha/layanan/pas-lintas-batas/index.html").exists()
    assert not (project.out / "bravo/layanan/pas-lintas-batas/index.html").exists()
    assert (project.out / "rudenim/layanan/kunjungan-deteni/index.html").exists()
    assert not (project.out / "alpha/layanan/kunjungan-deteni/index.html").exists()


def test_offices_and_exclude_offices_narrow_by_id(project):
    project.write(
        "content/shared/layanan/khusus.md",
        "---\ntitle: Khusus\noffices: [alpha, bravo]\nexclude_offices: [bravo]\n---\nx\n",
    )
    build(project)
    assert [
        u
        for u in ("alpha", "bravo", "rudenim", "wilayah")
        if (project.out / u / "layanan/khusus/index.html").exists()
    ] == ["alpha"]


def test_a_unit_file_at_the_same_path_replaces_the_shared_page_for_that_unit_only(project):
    build(project)
    assert "Khusus Bravo." in page(project, "bravo/layanan/paspor-baru/index.html")
    assert "Khusus Bravo." not in page(project, "alpha/layanan/paspor-baru/index.html")


def test_news_belongs_to_its_unit_only(project):
    build(project)
    assert (project.out / "alpha/berita/sosialisasi/index.html").exists()
    assert not (project.out / "bravo/berita/sosialisasi/index.html").exists()
    assert "Sosialisasi Paspor" not in page(project, "bravo/berita/index.html")


def test_dates_and_times_read_as_indonesian_readers_expect_in_the_units_zone(project):
    build(project)
    article = page(project, "alpha/berita/sosialisasi/index.html")
    assert "Kamis, 1 Oktober 2026, 09.30 WIB" in article
    assert 'datetime="2026-10-01T09:30:00+07:00"' in article
    assert "Selasa, 1 September 2026, 10.00 WITA" in page(project, "bravo/berita/wbk/index.html")
    assert "Sabtu, 1 Agustus 2026, 10.00 WIT" in page(project, "rudenim/berita/deportasi/index.html")


def test_every_page_names_its_publisher_and_links_to_the_regional_office(project):
    build(project)
    for rel in ("alpha/index.html", "alpha/layanan/paspor-baru/index.html", "bravo/berita/wbk/index.html"):
        html = page(project, rel)
        # every fixture unit still has example data ("Jl. Contoh"), so none may call itself official
        assert "Contoh situs <strong>Kantor Imigrasi" in html and "Situs resmi <strong>" not in html
        assert "<strong>Data contoh.</strong>" in html
        assert '<a href="https://wilayah.example.go.id/">Kantor Wilayah Uji</a>' in html


def test_a_unit_with_real_data_calls_its_site_official_and_shows_no_example_notice(project):
    offices = project.read("offices.yaml").replace("Jl. Contoh No. 2, Bravo", "Jl. Merdeka No. 2, Bravo")
    offices = offices.replace("https://bravo.example.go.id/", "https://bravo.imigrasi.go.id/")
    project.write(
        "offices.yaml",
        offices.replace(
            "    services: [paspor, izin-tinggal]\n",
            "    services: [paspor, izin-tinggal]\n    contacts: {email: humas@bravo.go.id}\n",
            1,
        ),
    )
    build(project)
    html = page(project, "bravo/index.html")
    assert "Situs resmi <strong>Kantor Imigrasi Kelas II Non TPI Bravo" in html
    assert "Data contoh." not in html


def test_the_home_page_shows_news_announcements_in_force_services_and_contacts(project):
    build(project)
    home = page(project, "alpha/index.html")
    assert "Pengumuman yang berlaku" in home and "Libur Natal" in home
    assert home.index("Patroli Perbatasan") < home.index("Sosialisasi Paspor")  # newest first
    assert 'href="layanan/paspor-baru/"' in home
    assert "Senin–Kamis 08.00–16.00 WIB; Jumat 08.00–16.30 WIB; Sabtu–Minggu tutup" in home


def test_the_profile_page_is_built_from_offices_yaml(project):
    build(project)
    profile = page(project, "alpha/profil/index.html")
    # as_of alone is when the class was seen, not decided: no "since" date without the decree
    assert "Kelas I TPI</dd>" in profile and "sejak 1 Januari 2023" not in profile
    assert "<li>Kota Alpha</li>" in profile and "WIB (UTC+7)" in profile
    assert '<th scope="row">Jumat</th><td>08.00–16.30 WIB</td>' in profile


def test_links_are_relative_and_end_at_a_pages_folder_so_a_site_works_at_a_root_and_under_a_sub_path(project):
    build(project)
    for unit in ("alpha", "bravo", "rudenim", "wilayah"):
        assert broken_links(project.out / unit) == []
    html = page(project, "alpha/layanan/paspor-baru/index.html")
    assert 'href="../biaya-paspor/"' in html and "index.html" not in html  # the address a reader copies
    assert re.search(r'href="\.\./\.\./static/site\.[0-9a-f]{10}\.css"', html)  # fingerprinted, relative


def test_pretty_urls_and_absolute_canonical_links(project):
    build(project)
    html = page(project, "alpha/berita/sosialisasi/index.html")
    assert '<link rel="canonical" href="https://alpha.example.go.id/berita/sosialisasi/">' in html


def test_two_builds_give_byte_identical_output_manifests_included(project, tmp_path):
    """What is uploaded is reproducible: this machine's file times stay in .sitegen/local/."""
    build(project)
    first = published(project.out)
    assert ".sitegen/alpha.json" in first
    time.sleep(0.01)  # other modification times
    build(project, "--out", str(tmp_path / "again"))
    assert published(tmp_path / "again") == first


def test_a_rebuild_with_nothing_changed_writes_nothing(project):
    build(project)
    result = build(project)
    assert " 0 written," in result.output and " 0 removed" in result.output


def test_a_deleted_page_disappears_from_the_output(project):
    build(project)
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()
    # a published address keeps answering (sitegen.build.addresses): the item's redirects; its topic,
    # which only it kept alive, goes with it
    news = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
    project.write(news, project.read(news).replace("tags:", "aliases: [/berita/patroli/]\ntags:"))
    result = build(project)
    assert "Halaman dipindahkan" in page(project, "alpha/berita/patroli/index.html")
    assert not (project.out / "alpha/tag/perbatasan").exists()
    assert "Patroli" not in page(project, "alpha/berita/index.html")
    assert " removed" in result.output and " 0 removed" not in result.output


def test_office_option_builds_only_the_named_units(project):
    build(project, "--office", "bravo", "--office", "rudenim")
    assert sorted(p.name for p in project.out.iterdir() if not p.name.startswith(".")) == ["bravo", "rudenim"]


def test_base_url_option_moves_a_unit_without_changing_feed_ids(project):
    build(project)
    atom = page(project, "alpha/atom.xml")
    build(
        project,
        "--base-url",
        "alpha=https://staging.example.org/alpha/",
        "--out",
        str(project.root / "public2"),
    )
    moved = (project.root / "public2/alpha/atom.xml").read_text()
    assert "https://staging.example.org/alpha/berita/sosialisasi/" in moved
    ids = [line for line in atom.splitlines() if "<id>" in line]
    assert ids == [line for line in moved.splitlines() if "<id>" in line]


def test_drafts_are_left_out_unless_asked_for(project):
    project.write("content/shared/layanan/rancangan.md", "---\ntitle: Rancangan\ndraft: true\n---\nx\n")
    build(project)
    assert not (project.out / "alpha/layanan/rancangan").exists()
    build(project, "--drafts")
    assert (project.out / "alpha/layanan/rancangan/index.html").exists()


def test_aliases_become_redirects_to_the_new_address(project):
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli\ndate: 2026-10-05 14:00\naliases: [/berita/patroli-lama/]\n---\nx\n",
    )
    build(project)
    html = page(project, "alpha/berita/patroli-lama/index.html")
    assert "url=../patroli/" in html


def test_a_unit_theme_overrides_some_templates_and_falls_back_to_default(project):
    project.write(
        "themes/merah/templates/page.html",
        '{% extends "default/page.html" %}{% block content %}<p class="merah">M</p>{{ super() }}{% endblock %}',
    )
    project.write("themes/merah/static/site.css", "body { color: red }")
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace(
            "    services: [paspor, izin-tinggal]\n",
            "    services: [paspor, izin-tinggal]\n    theme: merah\n",
        ),
    )
    build(project)
    assert '<p class="merah">M</p>' in page(project, "bravo/layanan/paspor-baru/index.html")
    assert '<p class="merah">' not in page(project, "alpha/layanan/paspor-baru/index.html")
    assert page(project, "bravo/static/site.css") == "body { color: red }"
    assert "Berita terbaru" in page(project, "bravo/index.html")  # home.html from default


def test_a_theme_without_a_folder_or_linked_from_outside_is_an_error_at_its_unit(project, tmp_path):
    offices = project.read("offices.yaml")
    project.write(
        "offices.yaml",
        offices.replace(
            "    services: [paspor, izin-tinggal]\n",
            "    services: [paspor, izin-tinggal]\n    theme: merahh\n",
        ),
    )
    result = CliRunner().invoke(main, ["build", "--root", str(project.root)])
    assert result.exit_code == 1
    assert (
        "unit 'bravo' names theme 'merahh', which has no folder themes/merahh/ (create it or use theme: default)"
        in result.output
    )
    (tmp_path / "elsewhere").mkdir()
    (project.root / "themes/merahh").symlink_to(tmp_path / "elsewhere")
    result = CliRunner().invoke(main, ["build", "--root", str(project.root)])
    assert result.exit_code == 1
    assert "names theme 'merahh', but themes/merahh is a link to a folder outside themes/" in result.output
    assert not (project.out / "bravo").exists()


def test_offices_lists_the_units(project):
    result = CliRunner().invoke(main, ["offices", "--root", str(project.root)])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == [
        "alpha",
        "bravo",
        "rudenim",
        "wilayah",
    ]


def test_usage_errors_exit_2(project):
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--root", str(project.root), "--office", "zulu"]).exit_code == 2
    assert runner.invoke(main, ["build", "--root", str(project.root), "--base-url", "alpha"]).exit_code == 2
    assert runner.invoke(main, ["build", "--root", str(project.root), "--now", "kemarin"]).exit_code == 2
    assert runner.invoke(main, ["nonsense"]).exit_code == 2


def test_python_dash_m_sitegen_works_and_shows_progress(project):
    result = subprocess.run(
        [sys.executable, "-m", "sitegen", "build", "--root", str(project.root), "--now", NOW],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "[1/4] alpha" in result.stderr and "[4/4] wilayah" in result.stderr


@pytest.mark.parametrize(("unit", "zone"), [("alpha", "WIB"), ("bravo", "WITA"), ("rudenim", "WIT")])
def test_a_time_written_with_an_offset_reads_in_the_units_zone(project, unit, zone):
    project.write(
        f"content/offices/{unit}/berita/2018-06-28-malam.md",
        "---\ntitle: Malam\ndate: 2018-06-28T20:39:37+07:00\n---\nx\n",
    )
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 0, result.output
    page = (project.out / unit / "berita/malam/index.html").read_text()
    local = {"WIB": "20.39", "WITA": "21.39", "WIT": "22.39"}[zone]
    assert f"{local} {zone}" in page and "+0700" not in page
