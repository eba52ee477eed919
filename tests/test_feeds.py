"""Feeds readers can trust: valid, complete, absolute, stable, dated in the unit's zone."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from xml.etree import ElementTree as ET

import feedparser
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.cli import main

from .conftest import Fixture
from .helpers import tree

NOW = "2026-11-24T12:00:00+07:00"
ATOM = "{http://www.w3.org/2005/Atom}"


def build(project, *args: str, now: str = NOW):
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", now, *args])
    assert result.exit_code == 0, result.output
    return result


def parse(project, rel: str):
    feed = feedparser.parse((project.out / rel).read_bytes())
    assert not feed.bozo, (rel, feed.get("bozo_exception"))
    return feed


def all_feeds(project):
    return sorted(p.relative_to(project.out).as_posix() for p in project.out.rglob("*.xml"))


def test_every_unit_publishes_rss_and_atom_for_site_sections_and_tags(project):
    build(project)
    feeds = all_feeds(project)
    for unit in ("alpha", "bravo", "rudenim", "wilayah"):
        for rel in (
            "rss.xml",
            "atom.xml",
            "berita/rss.xml",
            "berita/atom.xml",
            "pengumuman/rss.xml",
            "pengumuman/atom.xml",
        ):
            assert f"{unit}/{rel}" in feeds
    assert "alpha/tag/paspor/rss.xml" in feeds and "alpha/tag/paspor/atom.xml" in feeds
    for rel in feeds:
        parse(project, rel)


def test_items_are_news_and_announcements_newest_first_with_full_content_and_summary(project):
    build(project)
    for rel in ("alpha/rss.xml", "alpha/atom.xml"):
        feed = parse(project, rel)
        assert [e.title for e in feed.entries] == ["Libur Natal", "Patroli Perbatasan", "Sosialisasi Paspor"]
        entry = feed.entries[2]
        assert entry.content[0].value == "<p>Isi berita.</p>"
        assert entry.summary == "Isi berita."
        assert entry.author == "Humas Alpha"
        # a topic once, by its slug, named as pages name it: RSS carries the name, Atom the slug and the name
        names = ["Kegiatan", "Paspor", "Sosialisasi"]
        if rel.endswith("rss.xml"):
            assert [t.term for t in entry.tags] == names
        else:
            assert [t.term for t in entry.tags] == ["kegiatan", "paspor", "sosialisasi"]
            assert [t.label for t in entry.tags] == names


def test_an_example_item_says_so_in_every_feed_format(project):
    """A reader who only sees the feed (a title list, a journalist's reader) never takes a sample for news."""
    project.write(
        "content/offices/alpha/berita/2026-10-02-contoh.md",
        "---\ntitle: Kegiatan Contoh\ndate: 2026-10-02 09:30\nsample: true\n---\nIsi contoh.\n",
    )
    build(project)
    note = "Contoh isi. Teks ini hanya contoh tata letak, bukan berita atau pengumuman resmi."
    for rel in ("alpha/rss.xml", "alpha/atom.xml", "wilayah/wilayah/rss.xml"):
        feed = parse(project, rel)
        sample = next(e for e in feed.entries if "Kegiatan Contoh" in e.title)
        assert "[Contoh] Kegiatan Contoh" in sample.title
        assert sample.content[0].value.startswith(f"<p><strong>{note}</strong></p>")
        assert sample.summary == f"{note} Isi contoh."
        real = next(e for e in feed.entries if "Sosialisasi Paspor" in e.title)
        assert "Contoh" not in real.title and note not in real.content[0].value
    items = json.loads((project.out / "alpha/feed.json").read_bytes())["items"]
    sample_item = next(i for i in items if "Kegiatan Contoh" in i["title"])
    assert sample_item["title"] == "[Contoh] Kegiatan Contoh"
    assert sample_item["summary"].startswith(note)


def test_every_url_in_a_feed_is_absolute(project):
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli\ndate: 2026-10-05 14:00\nimage: /static/site.css\n---\n"
        "Lihat [biaya](/layanan/biaya-paspor/) dan [berita](../sosialisasi/).[^1]\n\n[^1]: Catatan.\n",
    )
    build(project)
    entry = parse(project, "alpha/atom.xml").entries[1]
    html = entry.content[0].value
    assert 'href="https://alpha.example.go.id/layanan/biaya-paspor/"' in html
    assert 'href="https://alpha.example.go.id/berita/sosialisasi/"' in html
    # a footnote leads to the page's own address, not to the feed's (where a reader would resolve it)
    assert 'href="https://alpha.example.go.id/berita/patroli/#fn:1"' in html
    assert 'href="#' not in html
    assert entry.link == "https://alpha.example.go.id/berita/patroli/"
    assert [link.href for link in entry.links if link.rel == "enclosure"] == [
        "https://alpha.example.go.id/static/site.css"
    ]
    rss = parse(project, "alpha/rss.xml")
    assert rss.feed.link == "https://alpha.example.go.id/"
    for e in rss.entries:
        assert e.link.startswith("https://alpha.example.go.id/")


def test_times_carry_the_units_own_offset(project):
    build(project)

    def raw(rel, tag):
        return [el.text for el in ET.parse(project.out / rel).iter(tag)]

    assert raw("alpha/atom.xml", f"{ATOM}published")[1] == "2026-10-05T14:00:00+07:00"
    assert raw("bravo/atom.xml", f"{ATOM}published") == ["2026-09-01T10:00:00+08:00"]
    assert raw("rudenim/atom.xml", f"{ATOM}published") == ["2026-08-01T10:00:00+09:00"]
    # the first pubDate is the channel's, the newest item's date
    assert raw("alpha/rss.xml", "pubDate")[2] == "Mon, 05 Oct 2026 14:00:00 +0700"
    assert raw("bravo/rss.xml", "pubDate")[1] == "Tue, 01 Sep 2026 10:00:00 +0800"
    assert raw("rudenim/rss.xml", "pubDate")[1] == "Sat, 01 Aug 2026 10:00:00 +0900"


def test_the_feed_date_is_the_newest_items_date_never_the_build_time(project):
    build(project)
    feed = parse(project, "alpha/atom.xml")
    assert feed.feed.updated == "2026-11-18T08:00:00+07:00"
    rss = ET.parse(project.out / "alpha/rss.xml")
    assert rss.find("channel/lastBuildDate").text == "Wed, 18 Nov 2026 08:00:00 +0700"


def test_an_unchanged_site_yields_byte_identical_feeds_at_another_time(project, tmp_path):
    build(project)
    first = {k: v for k, v in tree(project.out).items() if k.endswith((".xml", ".opml"))}
    build(project, "--out", str(tmp_path / "later"), now="2026-11-30T12:00:00+07:00")
    later = {k: v for k, v in tree(tmp_path / "later").items() if k.endswith((".xml", ".opml"))}
    assert later == first


def mv(project, old: str, new: str) -> None:
    """Move a page as an editor does: `sitegen mv` keeps its old address (aliases:)."""
    moved = CliRunner().invoke(main, ["mv", "--root", str(project.root), old, new])
    assert moved.exit_code == 0, moved.output


def ids(project, rel="alpha/atom.xml"):
    return {e.link: e.id for e in parse(project, rel).entries}


def test_ids_are_unique_and_survive_renaming_the_file_and_changing_title_and_slug(project):
    build(project)
    before = ids(project)
    assert len(set(before.values())) == len(before)
    # moved as an editor moves a page, keeping its old address (aliases:), then retitled and re-slugged
    new = "content/offices/alpha/berita/2026-10-01-sosialisasi-paspor-elektronik.md"
    mv(project, "content/offices/alpha/berita/2026-10-01-sosialisasi.md", new)
    project.write(
        new,
        project.read(new).replace(
            "title: Sosialisasi Paspor", "title: Sosialisasi Paspor Elektronik\nslug: sosialisasi-e-paspor"
        ),
    )
    build(project)
    after = ids(project)
    assert (
        after["https://alpha.example.go.id/berita/sosialisasi-e-paspor/"]
        == before["https://alpha.example.go.id/berita/sosialisasi/"]
    )


def test_a_pinned_id_is_used_as_written(project):
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli\ndate: 2026-10-05 14:00\nid: wp-1234\n---\nx\n",
    )
    build(project)
    assert ids(project)["https://alpha.example.go.id/berita/patroli/"] == "tag:uji.example,2026:alpha/wp-1234"


def test_shared_news_gets_a_distinct_id_per_unit(project):
    for unit in ("alpha", "bravo"):
        project.write(
            f"content/offices/{unit}/berita/2026-11-01-edaran.md",
            "---\ntitle: Edaran\ndate: 2026-11-01T09:00:00+07:00\n---\nSama.\n",
        )
    build(project)
    assert (
        ids(project, "alpha/atom.xml")["https://alpha.example.go.id/berita/edaran/"]
        != ids(project, "bravo/atom.xml")["https://bravo.example.go.id/berita/edaran/"]
    )


def ids_by_title(project, unit: str = "alpha") -> dict[str, str]:
    return {e.title: e.id for e in parse(project, f"{unit}/berita/atom.xml").entries}


def test_two_items_at_the_same_moment_are_told_apart_and_the_first_keeps_its_id(project):
    assert build(project).exit_code == 0
    first = ids_by_title(project)["Patroli Perbatasan"]
    project.write(  # sorts before the first item's file: it still must not take its id
        "content/offices/alpha/berita/2026-10-05-lain.md",
        "---\ntitle: Lain\ndate: 2026-10-05 14:00\n---\nx\n",
    )
    result = build(project)
    assert result.exit_code == 0, result.output
    ids = ids_by_title(project)
    assert ids["Patroli Perbatasan"] == first
    assert ids["Lain"] == first + "-2026-10-05-lain"


def test_two_date_only_items_on_one_day_build_in_a_fresh_folder(project):
    for name in ("pagi", "siang"):
        project.write(
            f"content/offices/alpha/berita/2026-11-10-{name}.md",
            f"---\ntitle: {name}\ndate: 2026-11-10\n---\nx\n",
        )
    result = build(project)
    assert result.exit_code == 0, result.output
    ids = ids_by_title(project)
    assert ids["pagi"] == "tag:uji.example,2026:alpha/berita/20261109T170000Z"
    assert ids["siang"] == ids["pagi"] + "-2026-11-10-siang"


def test_renaming_a_file_keeps_its_id(project):
    assert build(project).exit_code == 0
    before = ids_by_title(project)["Patroli Perbatasan"]
    old = "content/offices/alpha/berita/2026-10-05-patroli.md"
    mv(project, old, old.replace("patroli.md", "patroli-perbatasan-darat.md"))
    assert build(project).exit_code == 0
    assert ids_by_title(project)["Patroli Perbatasan"] == before


def test_correcting_a_published_items_time_warns_that_its_id_changes_and_how_to_keep_it(project):
    assert build(project).exit_code == 0
    before = ids_by_title(project)["Patroli Perbatasan"]
    path = "content/offices/alpha/berita/2026-10-05-patroli.md"
    project.write(path, project.read(path).replace("2026-10-05 14:00", "2026-10-05 15:00"))
    result = build(project)
    assert f"{path}:3: warning: the item's feed id changes from {before} to " in result.output
    assert f"(to keep it, add a line id: {before})" in result.output
    project.write(
        path, project.read(path).replace("date: 2026-10-05 15:00", f"date: 2026-10-05 15:00\nid: {before}")
    )
    result = build(project)
    assert ids_by_title(project)["Patroli Perbatasan"] == before
    assert "feed id changes" not in result.output


def test_two_items_pinning_one_id_warn_and_still_build(project):
    for name in ("a", "b"):
        project.write(
            f"content/offices/alpha/berita/2026-11-0{'12'[name == 'b']}-{name}.md",
            f"---\ntitle: {name}\ndate: 2026-11-0{'12'[name == 'b']} 09:00\nid: wbk-2026\n---\nx\n",
        )
    result = build(project)
    assert result.exit_code == 0, result.output
    assert (
        "2026-11-02-b.md:4: warning: feed id tag:uji.example,2026:alpha/wbk-2026 is pinned by"
        in result.output
    )
    assert len(set(ids_by_title(project).values())) == len(ids_by_title(project))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    days=st.lists(
        st.tuples(st.integers(1, 3), st.sampled_from(["", " 09:00", " 09:00"])), min_size=1, max_size=6
    ),
    newcomer=st.tuples(st.integers(1, 3), st.sampled_from(["", " 09:00"]), st.sampled_from(["0", "m", "z"])),
)
def test_any_dates_build_and_adding_an_item_never_moves_another_id(tmp_path_factory, days, newcomer):
    """Property: arbitrary, even equal, dates always build; a newcomer never changes an id seen before."""
    project = Fixture(tmp_path_factory.mktemp("p") / "repo")
    for n, (day, time) in enumerate(days):
        project.write(
            f"content/offices/bravo/berita/2026-09-0{day}-kabar-{n}.md",
            f"---\ntitle: Kabar {n}\ndate: 2026-09-0{day}{time}\n---\nx\n",
        )
    assert build(project).exit_code == 0
    before = ids_by_title(project, "bravo")
    day, time, prefix = newcomer
    project.write(
        f"content/offices/bravo/berita/2026-09-0{day}-{prefix}-baru.md",
        f"---\ntitle: Baru\ndate: 2026-09-0{day}{time}\n---\nx\n",
    )
    assert build(project).exit_code == 0
    after = ids_by_title(project, "bravo")
    assert {t: after[t] for t in before} == before
    assert len(set(after.values())) == len(after)


def test_a_future_item_waits_until_a_build_at_or_after_its_time(project):
    project.write(
        "content/offices/alpha/berita/2026-12-01-nanti.md",
        "---\ntitle: Nanti\ndate: 2026-12-01 09:00\n---\nx\n",
    )
    result = build(project)
    assert "Nanti" not in [e.title for e in parse(project, "alpha/rss.xml").entries]
    assert not (project.out / "alpha/berita/nanti").exists()
    assert "Nanti" not in (project.out / "alpha/berita/index.html").read_text()
    assert "next change: 2026-12-01T09:00:00+07:00" in result.output
    build(project, now="2026-12-01T09:00:00+07:00")
    assert parse(project, "alpha/rss.xml").entries[0].title == "Nanti"


def test_an_expired_announcement_leaves_the_in_force_list_but_keeps_page_and_archive(project):
    build(project, now="2027-01-03T00:00:00+07:00")
    assert "Pengumuman yang berlaku" not in (project.out / "alpha/index.html").read_text()
    assert "Tidak berlaku lagi sejak" in (project.out / "alpha/pengumuman/libur/index.html").read_text()
    assert "Libur Natal" in (project.out / "alpha/pengumuman/index.html").read_text()


def test_source_date_epoch_fixes_now(project, monkeypatch):
    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(datetime.fromisoformat("2026-10-02T00:00:00+07:00").timestamp()))
    )
    result = CliRunner().invoke(main, ["build", "--root", str(project.root)])
    assert result.exit_code == 0
    assert [e.title for e in parse(project, "alpha/rss.xml").entries] == ["Sosialisasi Paspor"]


def test_the_regional_office_aggregates_every_units_items_naming_the_unit(project):
    build(project)
    feed = parse(project, "wilayah/wilayah/atom.xml")
    units = {e.link.split("//")[1].split(".")[0] for e in feed.entries}
    assert units == {"alpha", "bravo", "rudenim", "wilayah"}
    titles = [e.title for e in feed.entries]
    assert "[Kanim Bravo] Pencanangan WBK" in titles
    # the same item keeps the same id in the unit's feed and in the regional one
    assert {e.id for e in feed.entries} >= set(ids(project, "bravo/atom.xml").values())


def test_the_opml_lists_every_feed_of_every_unit_once_grouped_by_unit(project):
    build(project)
    root = ET.parse(project.out / "alpha/feeds.opml").getroot()
    groups = root.find("body").findall("outline")
    assert [g.get("text") for g in groups] == [
        "Kantor Imigrasi Kelas I TPI Alpha",
        "Kantor Imigrasi Kelas II Non TPI Bravo",
        "Rumah Detensi Imigrasi Charlie",
        "Kantor Wilayah Uji",
    ]
    listed = [o.get("xmlUrl") for g in groups for o in g.findall("outline")]
    built = {
        f"https://{rel.split('/', 1)[0]}.example.go.id/{rel.split('/', 1)[1]}"
        for rel in all_feeds(project)
        if rel.endswith("rss.xml")
    }
    assert sorted(listed) == sorted(built)  # each feed once (its RSS version): no duplicate items on import


def test_every_page_announces_its_units_feeds_and_its_sections_feeds(project):
    build(project)
    home = (project.out / "alpha/index.html").read_text()
    assert '<link rel="alternate" type="application/rss+xml"' in home and 'href="rss.xml"' in home
    article = (project.out / "alpha/berita/sosialisasi/index.html").read_text()
    assert 'href="../atom.xml"' in article and 'href="../../atom.xml"' in article
    assert (
        "Dengan berlangganan, Anda mendapat kabar" in (project.out / "alpha/langganan/index.html").read_text()
    )


def test_a_feed_holds_the_configured_number_of_items(project):
    project.write("offices.yaml", project.read("offices.yaml").replace("items: 20", "items: 2"))
    build(project)
    assert len(parse(project, "alpha/rss.xml").entries) == 2


def test_feeds_diff_accepts_a_normal_update(project, tmp_path):
    build(project)
    shutil.copytree(project.out, tmp_path / "old")
    project.write(
        "content/offices/alpha/berita/2026-11-20-baru.md",
        "---\ntitle: Baru\ndate: 2026-11-20 10:00\n---\nx\n",
    )
    build(project)
    result = CliRunner().invoke(main, ["feeds", "diff", str(tmp_path / "old"), str(project.out)])
    assert result.exit_code == 0, result.output


def test_feeds_diff_fails_when_an_id_changes_or_a_date_moves(project, tmp_path):
    build(project)
    shutil.copytree(project.out, tmp_path / "old")
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli\ndate: 2026-10-05 15:00\nid: berita/20261005T070000Z\ntags: [perbatasan]\n---\nx\n",
    )
    project.write(  # each keeps its topic: only its id or date is the change under test
        "content/offices/bravo/berita/2026-09-01-wbk.md",
        "---\ntitle: WBK\ndate: 2026-09-01 10:00\nid: wbk\ntags: [zona-integritas]\n---\nx\n",
    )
    project.write(
        "content/offices/rudenim/berita/2026-08-01-deportasi.md",
        "---\ntitle: Deportasi\ndate: 2026-08-01 11:00\n---\nx\n",
    )
    build(project)
    result = CliRunner().invoke(main, ["feeds", "diff", str(tmp_path / "old"), str(project.out)])
    assert result.exit_code == 1
    out = result.output
    # the id was pinned to the old one, so only the date moved
    assert "alpha/rss.xml: https://alpha.example.go.id/berita/patroli/ published date moved" in out
    assert "alpha/rss.xml: https://alpha.example.go.id/berita/patroli/ changed its id" not in out
    assert "bravo/rss.xml: https://bravo.example.go.id/berita/wbk/ changed its id" in out
    # an automatic id follows the published time: moving it changes the id, and the fix is named
    assert (
        "rudenim/atom.xml: https://rudenim.example.go.id/berita/deportasi/ changed its id from "
        "tag:uji.example,2026:rudenim/berita/20260801T010000Z to tag:uji.example,2026:rudenim/berita/20260801T020000Z; "
        "its published date moved"
    ) in out
    assert "add 'id: tag:uji.example,2026:rudenim/berita/20260801T010000Z' to its front matter" in out


def test_feeds_diff_fails_when_an_item_vanishes_but_not_when_its_page_was_removed(project, tmp_path):
    build(project)
    shutil.copytree(project.out, tmp_path / "old")
    # removed as an editor removes a page: its address redirects to another item (aliases:)
    (project.root / "content/offices/alpha/berita/2026-10-05-patroli.md").unlink()
    news = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
    project.write(news, project.read(news).replace("tags:", "aliases: [/berita/patroli/]\ntags:"))
    build(project)
    runner = CliRunner()
    assert runner.invoke(main, ["feeds", "diff", str(tmp_path / "old"), str(project.out)]).exit_code == 0
    # a regression that drops an item whose page is still published
    rss = project.out / "alpha/rss.xml"
    tree = ET.parse(rss)
    channel = tree.getroot().find("channel")
    channel.remove([i for i in channel.findall("item") if i.findtext("title") == "Sosialisasi Paspor"][0])
    tree.write(rss)
    result = runner.invoke(main, ["feeds", "diff", str(tmp_path / "old"), str(project.out)])
    assert result.exit_code == 1
    assert "alpha/rss.xml: https://alpha.example.go.id/berita/sosialisasi/ vanished" in result.output


def test_feeds_diff_guards_section_feeds_json_feeds_and_a_feed_that_went(project, tmp_path):
    """An item lost from a section's feed or a JSON Feed, or a whole feed gone, while the unit stands."""
    build(project)
    shutil.copytree(project.out, tmp_path / "old")
    section = project.out / "alpha/berita/atom.xml"  # its own link is the list, …/berita/
    tree = ET.parse(section)
    lost = [
        e
        for e in tree.getroot().findall(f"{ATOM}entry")
        if e.findtext(f"{ATOM}title") == "Sosialisasi Paspor"
    ]
    tree.getroot().remove(lost[0])
    tree.write(section)
    listing = project.out / "alpha/feed.json"
    data = json.loads(listing.read_bytes())
    data["items"] = [i for i in data["items"] if i["title"] != "Sosialisasi Paspor"]
    listing.write_text(json.dumps(data))
    (project.out / "bravo/pengumuman/feed.json").unlink()
    result = CliRunner().invoke(main, ["feeds", "diff", str(tmp_path / "old"), str(project.out)])
    assert result.exit_code == 1
    out = result.output
    assert "alpha/berita/atom.xml: https://alpha.example.go.id/berita/sosialisasi/ vanished" in out
    assert "alpha/feed.json: https://alpha.example.go.id/berita/sosialisasi/ vanished" in out
    assert "bravo/pengumuman/feed.json: the feed is gone from the new output" in out
    assert "alpha/rss.xml" not in out, "only the feeds that changed are named"


def test_feed_details_that_validators_check(project):
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli\ndate: 2026-10-05 14:00\nimage: https://alpha.example.go.id/foto.jpg\n"
        "summary: Ringkas & jelas <b>\n---\nIsi.\n",
    )
    build(project)
    rss = ET.parse(project.out / "alpha/rss.xml").getroot()
    channel = rss.find("channel")
    assert (
        channel.find("{http://www.w3.org/2005/Atom}link").get("href") == "https://alpha.example.go.id/rss.xml"
    )
    item = [i for i in channel.findall("item") if i.findtext("title") == "Patroli"][0]
    # a plain-text summary stays text inside RSS's HTML description
    assert item.findtext("description") == "Ringkas &amp; jelas &lt;b&gt;"
    assert item.find("guid").get("isPermaLink") == "false"
    # the image needs no byte length in media:content, and stands alone (no media:group)
    media = item.find("{http://search.yahoo.com/mrss/}content")
    assert media is not None and media.get("url") == "https://alpha.example.go.id/foto.jpg"
    assert item.find("{http://search.yahoo.com/mrss/}group") is None
    assert item.find("author") is None and item.findtext("{http://purl.org/dc/elements/1.1/}creator")
    atom = ET.parse(project.out / "alpha/atom.xml").getroot()
    entry = [e for e in atom.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Patroli"][0]
    assert [(link.get("rel"), link.get("href")) for link in entry.findall(f"{ATOM}link")] == [
        ("alternate", "https://alpha.example.go.id/berita/patroli/"),
        ("enclosure", "https://alpha.example.go.id/foto.jpg"),
    ]
    assert entry.find(f"{ATOM}content").get("type") == "html"


def test_an_empty_feed_is_still_valid_and_plausibly_dated(project):
    build(project)
    feed = parse(project, "rudenim/pengumuman/atom.xml")
    assert feed.entries == [] and feed.feed.updated == "2026-08-01T10:00:00+09:00"
