"""A published address never breaks: pages and feeds published last keep answering.

A rename, a deletion or a narrowing that would leave a published page or feed
answering 404 fails the build (and `sitegen check`) with the address and the
fix; `sitegen mv` moves a page and keeps its address; `gone:` withdraws a page
with a notice at its old address.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from sitegen.cli import main

from .helpers import tree

NOW = "2026-11-24T09:00:00+07:00"
NEWS = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
RENAMED = "content/offices/alpha/berita/2026-10-01-sosialisasi-paspor-sekolah.md"


def run(project, *args: str):
    return CliRunner().invoke(main, [args[0], "--root", str(project.root), *args[1:]])


def build(project, *args: str):
    return run(project, "build", "--now", NOW, "-q", *args)


def check(project, *args: str):
    return run(project, "check", "--now", NOW, *args)


def published_then(project, change) -> tuple[object, dict[str, bytes]]:
    """Build, let ``change`` edit the content, build again: (second result, output before it)."""
    first = build(project)
    assert first.exit_code == 0, first.output
    before = tree(project.out)
    change()
    return build(project), before


def rename(project, old: str = NEWS, new: str = RENAMED) -> None:
    (project.root / old).rename(project.root / new)


def test_a_renamed_news_item_fails_the_build_naming_its_old_address_and_the_alias_line(project):
    result, before = published_then(project, lambda: rename(project))
    assert result.exit_code == 1
    assert (
        f"{RENAMED}:2: /berita/sosialisasi/ was published and is gone [unit alpha] "
        "(it lives at /berita/sosialisasi-paspor-sekolah/ now: add `aliases: [/berita/sosialisasi/]`"
    ) in result.output
    assert "nothing was written" in result.output
    assert tree(project.out) == before


def test_a_page_with_aliases_gets_the_whole_line_to_write(project):
    text = project.read(NEWS).replace("tags:", "aliases: [/2019/05/sosialisasi/]\ntags:")
    project.write(NEWS, text)

    def change():
        rename(project)

    result, _ = published_then(project, change)
    assert f"{RENAMED}:6: /berita/sosialisasi/ was published and is gone" in result.output
    assert "`aliases: [/2019/05/sosialisasi/, /berita/sosialisasi/]`" in result.output


def test_a_renamed_page_without_a_feed_id_is_found_by_its_title(project):
    old, new = "content/shared/layanan/pas-lintas-batas.md", "content/shared/layanan/plb.md"
    result, _ = published_then(project, lambda: rename(project, old, new))
    assert result.exit_code == 1
    assert (
        f"{new}:2: /layanan/pas-lintas-batas/ was published and is gone [unit alpha] "
        "(it lives at /layanan/plb/ now: add `aliases: [/layanan/pas-lintas-batas/]`"
    ) in result.output


def test_sitegen_mv_moves_the_page_and_its_old_address_redirects(project):
    assert build(project).exit_code == 0
    original = project.read(NEWS)
    moved = run(project, "mv", NEWS, RENAMED)
    assert moved.exit_code == 0, moved.output
    assert f"moved {NEWS} -> {RENAMED}" in moved.output
    assert "/berita/sosialisasi/ now redirects to /berita/sosialisasi-paspor-sekolah/" in moved.output
    assert not (project.root / NEWS).exists()
    # one line added before the closing ---, every other byte as it was
    head, _, rest = original.partition("\n---\n")
    assert project.read(RENAMED) == head + "\naliases: [/berita/sosialisasi/]\n---\n" + rest
    result = build(project)
    assert result.exit_code == 0, result.output
    redirect = (project.out / "alpha/berita/sosialisasi/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../sosialisasi-paspor-sekolah/"' in redirect
    assert (project.out / "alpha/berita/sosialisasi-paspor-sekolah/index.html").is_file()


def test_mv_adds_to_the_aliases_already_there_and_keeps_comments(project):
    flow = (
        "---\ntitle: Paspor Baru  # judul resmi\naliases: [/lama/]   # dari situs lama\n"
        "services: [paspor]\n---\nIsi.\n"
    )
    block = "---\n# halaman layanan\ntitle: Biaya Paspor\naliases:\n  - /biaya/\n  # catatan\nweight: 2\n---\nIsi.\n"
    project.write("content/shared/layanan/paspor-baru.md", flow)
    project.write("content/shared/layanan/biaya-paspor.md", block)
    project.write(
        "content/shared/layanan/paspor-baru.md".replace("paspor-baru", "x"), "---\ntitle: X\n---\nx\n"
    )
    assert (
        run(
            project, "mv", "content/shared/layanan/paspor-baru.md", "content/shared/layanan/paspor.md"
        ).exit_code
        == 0
    )
    assert (
        run(
            project, "mv", "content/shared/layanan/biaya-paspor.md", "content/shared/layanan/biaya.md"
        ).exit_code
        == 0
    )
    assert project.read("content/shared/layanan/paspor.md") == flow.replace(
        "[/lama/]", "[/lama/, /layanan/paspor-baru/]"
    )
    assert project.read("content/shared/layanan/biaya.md") == block.replace(
        "  - /biaya/\n", "  - /biaya/\n  - /layanan/biaya-paspor/\n"
    )


def test_mv_refuses_to_overwrite_or_to_leave_content(project):
    other = "content/offices/alpha/berita/2026-10-05-patroli.md"
    before = project.read(NEWS)
    refused = run(project, "mv", NEWS, other)
    assert refused.exit_code == 2
    assert "already exists; sitegen mv never overwrites" in refused.output
    outside = run(project, "mv", NEWS, "notes/sosialisasi.md")
    assert outside.exit_code == 2
    assert "is outside content/" in outside.output
    into_static = run(project, "mv", NEWS, "content/offices/alpha/static/x.md")
    assert into_static.exit_code == 2
    assert project.read(NEWS) == before and project.read(other).startswith("---\ntitle: Patroli")


def test_mv_moves_a_page_bundle_and_a_shared_page_keeps_its_address_on_every_unit(project):
    bundle = "content/offices/alpha/berita/2026-11-01-pameran"
    project.write(f"{bundle}/index.md", "---\ntitle: Pameran\ndate: 2026-11-01 10:00\n---\nPameran.\n")
    assert build(project).exit_code == 0
    moved = run(project, "mv", bundle, "content/offices/alpha/berita/2026-11-01-pameran-paspor")
    assert moved.exit_code == 0, moved.output
    assert "aliases: [/berita/pameran/]" in project.read(
        "content/offices/alpha/berita/2026-11-01-pameran-paspor/index.md"
    )
    shared = run(
        project,
        "mv",
        "content/shared/informasi-publik/permohonan.md",
        "content/shared/informasi-publik/permohonan-informasi.md",
    )
    assert shared.exit_code == 0, shared.output
    assert build(project).exit_code == 0
    for unit in ("alpha", "bravo", "rudenim", "wilayah"):
        old = project.out / unit / "informasi-publik/permohonan/index.html"
        assert 'permohonan-informasi/"' in old.read_text(encoding="utf-8")


def test_a_withdrawn_page_says_so_at_its_address_and_is_listed_nowhere(project):
    def withdraw():
        text = project.read(NEWS).replace("tags:", 'gone: "Kegiatan dibatalkan oleh panitia."\ntags:')
        project.write(NEWS, text)

    result, _ = published_then(project, withdraw)
    assert result.exit_code == 0, result.output
    site = project.out / "alpha"
    page = (site / "berita/sosialisasi/index.html").read_text(encoding="utf-8")
    assert "Konten dicabut" in page and "Kegiatan dibatalkan oleh panitia." in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'href="../">Ke bagian Berita</a>' in page
    for listing in ("berita/index.html", "rss.xml", "atom.xml", "feed.json", "berita/rss.xml", "sitemap.xml"):
        assert "berita/sosialisasi/" not in (site / listing).read_text(encoding="utf-8"), listing
    assert not (site / "tag/sosialisasi").exists()  # its topic goes with it, without an error


def test_a_deleted_page_fails_naming_its_file_and_both_fixes(project):
    result, _ = published_then(project, lambda: (project.root / NEWS).unlink())
    assert result.exit_code == 1
    assert f"{NEWS}: /berita/sosialisasi/ was published and is gone [unit alpha]" in result.output
    assert "add /berita/sosialisasi/ to aliases: of the page that replaces it" in result.output
    assert 'gone: "why it was withdrawn"' in result.output


def test_a_feed_that_vanished_is_an_error(project):
    patroli = "content/offices/alpha/berita/2026-10-05-patroli.md"

    def retag():
        project.write(patroli, project.read(patroli).replace("[perbatasan]", "[patroli]"))

    result, _ = published_then(project, retag)
    assert result.exit_code == 1
    assert (
        "/tag/perbatasan/ was published and is gone, with its feeds /tag/perbatasan/atom.xml, "
        "/tag/perbatasan/feed.json, /tag/perbatasan/rss.xml [unit alpha]"
    ) in result.output
    assert "keep the tag on one" in result.output


def test_a_shared_page_narrowed_away_from_a_unit_needs_a_decision_there(project):
    shared = "content/shared/layanan/biaya-paspor.md"

    def narrow():
        project.write(
            shared, project.read(shared).replace("services:", "exclude_offices: [bravo]\nservices:")
        )

    result, _ = published_then(project, narrow)
    assert result.exit_code == 1
    assert (
        f"{shared}:3: /layanan/biaya-paspor/ was published and is gone: exclude_offices: narrows this page "
        "away [unit bravo] (to withdraw it from unit bravo, write content/offices/bravo/layanan/biaya-paspor.md"
    ) in result.output
    project.write(
        "content/offices/bravo/layanan/biaya-paspor.md",
        '---\ntitle: Biaya Paspor\ngone: "Lihat tarif di Kanim Alpha."\n---\n',
    )
    assert build(project).exit_code == 0
    withdrawn = (project.out / "bravo/layanan/biaya-paspor/index.html").read_text(encoding="utf-8")
    assert "Lihat tarif di Kanim Alpha." in withdrawn


def test_an_expired_announcement_stays_published_and_is_no_issue(project):
    assert build(project).exit_code == 0
    later = run(project, "build", "--now", "2027-02-01T09:00:00+07:00", "-q")
    assert later.exit_code == 0, later.output
    assert (project.out / "alpha/pengumuman/libur/index.html").is_file()


def test_a_first_build_checks_nothing(project):
    rename(project)
    assert build(project).exit_code == 0


def test_against_a_deployed_copy_of_manifests_and_feeds(project, tmp_path: Path):
    assert build(project).exit_code == 0
    deployed = tmp_path / "deployed"  # what .ci/deployed fetches: manifests and feeds, no pages
    for path in project.out.rglob("*"):
        rel = path.relative_to(project.out)
        if path.is_file() and (
            rel.parts[0] == ".sitegen"
            and path.suffix == ".json"
            and len(rel.parts) == 2
            or path.name.endswith((".xml", "feed.json"))
        ):
            (deployed / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, deployed / rel)
    assert "files" in json.loads((deployed / ".sitegen/alpha.json").read_text(encoding="utf-8"))
    shutil.rmtree(project.out)  # a fresh CI build: no output of its own
    rename(project)
    result = build(project, "--against", str(deployed))
    assert result.exit_code == 1
    assert "`aliases: [/berita/sosialisasi/]`" in result.output
    assert not project.out.exists() or not any((project.out / "alpha").glob("**/*.html"))
    checked = check(project, "--against", str(deployed))
    assert checked.exit_code == 1
    assert "`aliases: [/berita/sosialisasi/]`" in checked.output


def test_check_reports_what_the_build_would(project):
    patroli = "content/offices/alpha/berita/2026-10-05-patroli.md"

    def change():
        rename(project)
        (project.root / patroli).unlink()

    result, _ = published_then(project, change)
    failed = sorted(line for line in result.output.splitlines() if "was published" in line)
    assert len(failed) == 3  # the renamed item, the deleted one, and the deleted one's topic
    checked = check(project)
    assert checked.exit_code == 1
    assert sorted(line for line in checked.output.splitlines() if "was published" in line) == failed


def test_gone_needs_its_reason(project):
    project.write(NEWS, project.read(NEWS).replace("tags:", 'gone: ""\ntags:'))
    result = build(project)
    assert result.exit_code == 1
    assert f"{NEWS}:6: 'gone' needs the reason readers will see" in result.output


def test_a_withdrawn_item_leaving_the_feeds_passes_the_feeds_guard(project, tmp_path: Path):
    assert build(project).exit_code == 0
    old = tmp_path / "old"
    shutil.copytree(project.out, old)
    project.write(NEWS, project.read(NEWS).replace("tags:", 'gone: "Dibatalkan."\ntags:'))
    assert build(project).exit_code == 0
    guard = CliRunner().invoke(main, ["feeds", "diff", str(old), str(project.out)])
    assert guard.exit_code == 0, guard.output


PATROLI = "content/offices/alpha/berita/2026-10-05-patroli.md"  # the only item tagged perbatasan


def test_a_resolved_deletion_takes_the_topics_only_it_kept_alive(project):
    def delete_with_alias():
        (project.root / PATROLI).unlink()
        project.write(NEWS, project.read(NEWS).replace("tags:", "aliases: [/berita/patroli/]\ntags:"))

    result, _ = published_then(project, delete_with_alias)
    assert result.exit_code == 0, result.output
    site = project.out / "alpha"
    assert not (site / "tag/perbatasan").exists()  # readers of the topic have the section instead
    assert 'url=../sosialisasi/"' in (site / "berita/patroli/index.html").read_text(encoding="utf-8")


def test_a_resolved_deletion_takes_its_topic_against_a_deployed_copy_too(project, tmp_path: Path):
    assert build(project).exit_code == 0
    deployed = tmp_path / "deployed"  # manifests and feeds only: the topic's items are read from its feed
    shutil.copytree(project.out, deployed, ignore=shutil.ignore_patterns("*.html", "local"))
    assert not (deployed / "alpha/tag/perbatasan/index.html").exists()
    (project.root / PATROLI).unlink()
    project.write(NEWS, project.read(NEWS).replace("tags:", "aliases: [/berita/patroli/]\ntags:"))
    result = build(project, "--against", str(deployed))
    assert result.exit_code == 0, result.output


def test_a_topic_another_item_was_untagged_from_still_fails(project):
    other = "content/offices/alpha/berita/2026-10-06-patroli-lanjutan.md"
    project.write(
        other, "---\ntitle: Patroli Lanjutan\ndate: 2026-10-06 14:00\ntags: [perbatasan]\n---\nLagi.\n"
    )

    def withdraw_one_untag_the_other():
        project.write(PATROLI, project.read(PATROLI).replace("tags:", 'gone: "Jadwal berubah."\ntags:'))
        project.write(other, project.read(other).replace("[perbatasan]", "[patroli]"))

    result, before = published_then(project, withdraw_one_untag_the_other)
    assert result.exit_code == 1
    assert "/tag/perbatasan/ was published and is gone, with its feeds" in result.output
    assert "keep the tag on one" in result.output
    assert tree(project.out) == before


def test_a_renamed_item_that_dropped_its_tag_still_fails_for_its_topic(project):
    new = "content/offices/alpha/berita/2026-10-05-patroli-perbatasan.md"

    def move_and_untag():
        moved = run(project, "mv", PATROLI, new)
        assert moved.exit_code == 0, moved.output
        project.write(new, project.read(new).replace("tags: [perbatasan]\n", ""))

    result, _ = published_then(project, move_and_untag)
    assert result.exit_code == 1
    assert "/tag/perbatasan/ was published and is gone" in result.output
    assert "/berita/patroli/ was published" not in result.output  # the move itself is resolved


def test_the_list_of_topics_goes_with_the_last_topic_when_that_went_resolved(project):
    wbk = "content/offices/bravo/berita/2026-09-01-wbk.md"  # bravo's only item with a topic

    def withdraw():
        project.write(wbk, project.read(wbk).replace("tags:", 'gone: "Acara ditunda."\ntags:'))

    result, _ = published_then(project, withdraw)
    assert result.exit_code == 0, result.output
    assert not (project.out / "bravo/tag").exists()


def test_the_list_of_topics_emptied_for_no_resolved_reason_fails_with_it(project):
    wbk = "content/offices/bravo/berita/2026-09-01-wbk.md"

    def untag():
        project.write(wbk, project.read(wbk).replace("tags: [zona-integritas]\n", ""))

    result, _ = published_then(project, untag)
    assert result.exit_code == 1
    assert "/tag/zona-integritas/ was published and is gone, with its feeds" in result.output
    assert "/tag/ was published and is gone [unit bravo] (the list of topics goes" in result.output


def test_a_page_that_fails_to_read_is_reported_once_not_also_as_a_gone_address(project):
    """The editor's typo is the one cause: its page, its topics and its feeds do not look deleted."""
    assert build(project).exit_code == 0
    news = project.root / NEWS
    news.write_text(
        news.read_text(encoding="utf-8").replace("date: ", "date: 2026-13-45 #", 1), encoding="utf-8"
    )
    result = check(project)
    assert result.exit_code == 1
    assert "that day does not exist" in result.output
    assert "was published and is gone" not in result.output
    news.write_text(
        news.read_text(encoding="utf-8").replace("date: 2026-13-45 #", "date: ", 1), encoding="utf-8"
    )
    rename(project)
    assert "was published and is gone" in check(project).output  # once it reads, the address is checked again
