"""`sitegen new`: a correctly placed page with complete front matter, never overwriting."""

from __future__ import annotations

from datetime import UTC, datetime

from click.testing import CliRunner

from sitegen.cli import main
from sitegen.site import build, load_project

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


def test_the_new_page_builds_as_it_is(project):
    new(project, "berita", "Berita Baru: Uji", "--office", "alpha", "--now", "2026-11-24T02:31:00+00:00")
    new(project, "pengumuman", "Pengumuman Baru", "--office", "alpha")
    result = build(load_project(project.root), project.out, now=datetime(2026, 11, 25, tzinfo=UTC))
    assert result.stats["alpha"].written
    assert "Berita Baru: Uji" in (project.out / "alpha/berita/index.html").read_text()


def test_the_pinned_id_is_the_one_the_item_would_get_anyway(project):
    new(project, "berita", "Berita Baru", "--office", "alpha")
    pinned = build(load_project(project.root), None, now=datetime(2026, 11, 25, tzinfo=UTC))
    assert pinned.stats == {}  # a check, nothing written
    path = project.root / "content/offices/alpha/berita/2026-11-24-berita-baru.md"
    text = path.read_text()
    unpinned = "\n".join(line for line in text.splitlines() if not line.startswith("id: ")) + "\n"
    feeds = {}
    for name, body in (("pinned", text), ("unpinned", unpinned)):
        path.write_text(body)
        out = project.root / name
        build(load_project(project.root), out, now=datetime(2026, 11, 25, tzinfo=UTC))
        feeds[name] = (out / "alpha/atom.xml").read_text()
    assert feeds["pinned"] == feeds["unpinned"]


def test_it_refuses_to_overwrite_an_existing_file(project):
    assert new(project, "berita", "Sama", "--office", "alpha").exit_code == 0
    path = project.root / "content/offices/alpha/berita/2026-11-24-sama.md"
    path.write_text("---\ntitle: Sama\ndate: 2026-11-24\n---\nTulisan editor.\n")
    result = new(project, "berita", "Sama", "--office", "alpha")
    assert result.exit_code == 1 and "already exists" in result.output
    assert "Tulisan editor." in path.read_text()


def test_usage_errors_exit_2(project):
    assert new(project, "berita", "X", "--office", "zulu").exit_code == 2
    assert new(project, "berita", "X").exit_code == 2
    assert new(project, "berita", "X", "--office", "alpha", "--shared").exit_code == 2


def test_news_needs_a_unit(project):
    result = new(project, "berita", "X", "--shared")
    assert result.exit_code == 1 and "--office" in result.output
