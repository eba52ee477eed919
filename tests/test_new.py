"""`sitegen new`: a correctly placed page with complete front matter, never overwriting."""

from __future__ import annotations

from datetime import UTC, datetime

from click.testing import CliRunner

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.cli import main

NOW = "2026-11-24T02:30:00+00:00"


def new(project, *args):
    return CliRunner().invoke(main, ["new", "--root", str(project.root), "--now", NOW, *args])


def test_news_goes_to_the_units_folder_dated_in_its_zone_with_complete_front_matter(project):
    result = new(project, "berita", "Layanan Paspor Keliling di Kecamatan!", "--office", "bravo")
    assert result.exit_code == 0, result.output
    rel = "content/offices/bravo/berita/2026-11-24-layanan-paspor-keliling-di-kecamatan.md"
    assert result.output.strip() == rel
    text = project.read(rel)
    assert text.startswith(
        '---\ntitle: "Layanan Paspor Keliling di Kecamatan!"\ndate: 2026-11-24T10:30:00+08:00\n'
    )
    assert "author: Humas Kanim Bravo\n" in text and "tags: []\n" in text and 'summary: ""\n' in text
    # the feed id is pinned at creation, so correcting the time later keeps it
    assert "\nid: berita/20261124T023000Z\n" in text


def test_an_announcement_gets_an_expiry_line(project):
    result = new(project, "pengumuman", "Libur Nasional", "--office", "alpha")
    text = project.read(result.output.strip())
    assert "expires: 2026-12-08" in text


def test_a_shared_page_goes_to_the_shared_folder(project):
    result = new(project, "layanan/wni", "Paspor Anak", "--shared")
    assert result.output.strip() == "content/shared/layanan/wni/paspor-anak.md"


def test_a_new_page_is_a_draft_until_the_editor_publishes_it(project):
    path = new(project, "berita", "Berita Baru: Uji", "--office", "alpha").output.strip()
    new(project, "pengumuman", "Pengumuman Baru", "--office", "alpha")
    result = build(
        load_project(project.root), BuildOptions(out=project.out, now=datetime(2026, 11, 25, tzinfo=UTC))
    )
    assert result.stats["alpha"].written
    assert "Berita Baru" not in (project.out / "alpha/berita/index.html").read_text()
    assert "Tulis isi" not in (project.out / "alpha/atom.xml").read_text()
    text = project.read(path)
    project.write(path, "".join(line for line in text.splitlines(True) if not line.startswith("draft:")))
    checked = CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW])
    assert checked.exit_code == 1
    assert f"{path}:11: the page still has the text a new page starts with" in checked.output
    project.write(
        path, project.read(path).replace("Tulis isi halaman di sini.", "Isi berita yang sebenarnya.")
    )
    build(load_project(project.root), BuildOptions(out=project.out, now=datetime(2026, 11, 25, tzinfo=UTC)))
    assert "Berita Baru: Uji" in (project.out / "alpha/berita/index.html").read_text()


def test_the_pinned_id_is_the_one_the_item_would_get_anyway(project):
    new(project, "berita", "Berita Baru", "--office", "alpha")
    pinned = build(load_project(project.root), BuildOptions(now=datetime(2026, 11, 25, tzinfo=UTC)))
    assert pinned.stats == {}  # a check, nothing written
    path = project.root / "content/offices/alpha/berita/2026-11-24-berita-baru.md"
    text = path.read_text()
    unpinned = "\n".join(line for line in text.splitlines() if not line.startswith("id: ")) + "\n"
    feeds = {}
    for name, body in (("pinned", text), ("unpinned", unpinned)):
        path.write_text(body)
        out = project.root / name
        build(load_project(project.root), BuildOptions(out=out, now=datetime(2026, 11, 25, tzinfo=UTC)))
        feeds[name] = (out / "alpha/atom.xml").read_text()
    assert feeds["pinned"] == feeds["unpinned"]


def test_it_refuses_to_overwrite_an_existing_file(project):
    assert new(project, "layanan", "Sama", "--office", "alpha").exit_code == 0
    path = project.root / "content/offices/alpha/layanan/sama.md"
    path.write_text("---\ntitle: Sama\n---\nTulisan editor.\n")
    result = new(project, "layanan", "Sama", "--office", "alpha")
    assert result.exit_code == 1 and "already exists" in result.output
    assert "Tulisan editor." in path.read_text()


def test_an_unknown_section_is_refused(project):
    result = new(project, "beritaa", "Judul", "--office", "alpha")
    assert result.exit_code == 1
    assert "section 'beritaa' is not a section of the sites; use one of berita, pengumuman" in result.output
    assert not (project.root / "content/offices/alpha/beritaa").exists()


def test_a_page_that_would_replace_a_shared_one_needs_override(project):
    result = new(project, "layanan", "Paspor Baru", "--office", "alpha")
    assert result.exit_code == 1
    assert "content/shared/layanan/paspor-baru.md is a shared page" in result.output
    assert "--override" in result.output
    assert new(project, "layanan", "Paspor Baru", "--office", "alpha", "--override").exit_code == 0


def test_next_years_notice_with_this_years_title_is_refused_now(project):
    """Its URL would clash with this year's; refusing now beats a scheduled build failing later."""
    assert new(project, "pengumuman", "Layanan Libur Natal", "--office", "alpha").exit_code == 0
    later = new(
        project,
        "pengumuman",
        "Layanan Libur Natal",
        "--office",
        "alpha",
        "--now",
        "2027-11-24T02:30:00+00:00",
    )
    assert later.exit_code == 1
    assert "already publishes /pengumuman/layanan-libur-natal/" in later.output and "year" in later.output


def test_every_title_gives_a_usable_slug_or_a_clear_error(project):
    for title in ("", "!!!", "   "):
        result = new(project, "layanan", title, "--shared")
        assert result.exit_code == 1 and "the title needs letters or digits" in result.output
    first = new(project, "layanan", "Паспорт", "--shared")
    second = new(project, "layanan", "签证", "--shared", "--now", "2026-11-24T02:30:01+00:00")
    assert first.exit_code == 0 and second.exit_code == 0
    assert first.output.strip() == "content/shared/layanan/halaman-20261124-023000.md"
    assert first.output != second.output


def test_a_title_with_office_variables_is_refused_before_any_file_is_made(project):
    result = new(project, "layanan", "Jam {{ office.short_name }}", "--shared")
    assert result.exit_code == 1
    assert (
        'a title cannot hold {{ }} or {% %}; write it in words, e.g. "Jam dan Lokasi Layanan"'
        in result.output
    )
    assert not list((project.root / "content/shared/layanan").glob("jam*"))


def test_two_news_in_one_second_pin_different_ids(project):
    a = project.read(new(project, "berita", "Satu", "--office", "alpha").output.strip())
    b = project.read(new(project, "berita", "Dua", "--office", "alpha").output.strip())
    ids = [line for text in (a, b) for line in text.splitlines() if line.startswith("id: ")]
    assert ids == ["id: berita/20261124T023000Z", "id: berita/20261124T023000Z-2"]


def test_usage_errors_exit_2(project):
    assert new(project, "berita", "X", "--office", "zulu").exit_code == 2
    assert new(project, "berita", "X").exit_code == 2
    assert new(project, "berita", "X", "--office", "alpha", "--shared").exit_code == 2


def test_news_needs_a_unit(project):
    result = new(project, "berita", "X", "--shared")
    assert result.exit_code == 1 and "--office" in result.output
