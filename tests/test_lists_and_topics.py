"""How lists read: announcements say whether they are in force, topics have names, not slugs."""

from __future__ import annotations

from click.testing import CliRunner

from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"


def build(project):
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])
    return result


def page(project, rel: str) -> str:
    return (project.out / rel).read_text(encoding="utf-8")


def test_announcement_lists_mark_expired_notices_and_give_the_end_of_those_in_force(project):
    project.write(
        "content/offices/alpha/pengumuman/2026-01-02-lama.md",
        "---\ntitle: Pengumuman Lama\ndate: 2026-01-02 08:00\nexpires: 2026-01-31\n---\nSelesai.\n",
    )
    assert build(project).exit_code == 0
    listing = page(project, "alpha/pengumuman/index.html")
    old = listing[listing.index("Pengumuman Lama") :]
    assert "<strong>Tidak berlaku lagi</strong> sejak" in old.split("</li>")[0]
    assert "Sabtu, 31 Januari 2026" in old.split("</li>")[0]
    current = listing[listing.index("Libur Natal") :].split("</li>")[0]
    assert "Berlaku sampai" in current and "Sabtu, 2 Januari 2027" in current
    assert "Tidak berlaku lagi" not in current
    home = page(project, "alpha/index.html")
    assert "Berlaku sampai" in home and "Pengumuman Lama" not in home


def test_the_home_page_puts_announcements_in_force_before_its_introduction(project):
    assert build(project).exit_code == 0
    home = page(project, "alpha/index.html")
    assert home.index('id="pengumuman-berlaku"') < home.index("Selamat datang")


def test_topics_are_shown_by_their_name_from_offices_yaml_or_a_readable_form_of_the_tag(project):
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace(
            "    id_authority: uji.example,2026\n",
            "    id_authority: uji.example,2026\n  topics:\n    perbatasan: Wilayah perbatasan\n",
        ),
    )
    assert build(project).exit_code == 0
    article = page(project, "alpha/berita/patroli/index.html")
    assert ">Wilayah perbatasan</a>" in article
    assert "<h1>Topik: Wilayah perbatasan</h1>" in page(project, "alpha/tag/perbatasan/index.html")
    assert "<h1>Topik: Zona integritas</h1>" in page(project, "bravo/tag/zona-integritas/index.html")
    assert "topik Wilayah perbatasan" in page(project, "alpha/tag/perbatasan/atom.xml")


def test_a_topic_name_must_be_given_for_a_tag_written_as_tags_are(project):
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace(
            "    id_authority: uji.example,2026\n",
            "    id_authority: uji.example,2026\n  topics:\n    Perbatasan Negara: X\n    paspor: ''\n",
        ),
    )
    result = build(project)
    assert result.exit_code == 1
    assert "offices.yaml:10: topic 'Perbatasan Negara' is not written as tags are" in result.output
    assert "offices.yaml:11: topic 'paspor' needs a name" in result.output
