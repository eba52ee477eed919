"""Pagefind runs only for a unit whose pages changed, even in a fresh process."""

from __future__ import annotations

from datetime import UTC, datetime

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.render import search
from sitegen.sources.bodies import Bodies
from sitegen.sources.cache import Cache

NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def fresh_build(project, cache_dir, monkeypatch) -> list[str]:
    """Build as a new process would (empty memory, the persistent cache on disk); which units Pagefind indexed."""
    indexed: list[str] = []
    real = search._index

    def counting(pages, language, scratch=None):
        indexed.append(pages[0][1].read_text("utf-8") if pages else "")  # the first page names its unit
        return real(pages, language, scratch)

    monkeypatch.setattr(search, "_MADE", {})
    monkeypatch.setattr(search, "_index", counting)
    bodies = Bodies(Cache(cache_dir / "cache.sqlite"))
    build(load_project(project.root, bodies=bodies), BuildOptions(out=project.out, now=NOW))
    bodies.cache.close()
    return indexed


def published_index(out) -> dict[str, bytes]:
    """Every unit's search index as published (the spare copy of the last site left out)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.glob("*/pagefind/**/*")
        if p.is_file() and not p.relative_to(out).parts[0].startswith(".")
    }


def test_an_edit_reindexes_its_unit_only_and_the_index_equals_a_cold_one(project, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    assert len(fresh_build(project, cache_dir, monkeypatch)) == 4
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli Perbatasan\ndate: 2026-10-05 14:00\ntags: [perbatasan]\n---\nPatroli diperbarui.\n",
    )
    again = fresh_build(project, cache_dir, monkeypatch)
    assert len(again) == 1 and "Kanim Alpha" in again[0], "the regional office's pages did not change"
    assert "Patroli diperbarui" in (project.out / "wilayah" / "wilayah" / "atom.xml").read_text("utf-8"), (
        "the regional office was rebuilt (its feed shows the edit), but not re-indexed"
    )
    cached_index = (project.out / "wilayah" / "pagefind" / "pagefind-entry.json").read_bytes()
    cold = tmp_path / "cold"
    monkeypatch.setattr(search, "_MADE", {})
    build(load_project(project.root), BuildOptions(out=cold, now=NOW))
    assert (cold / "wilayah" / "pagefind" / "pagefind-entry.json").read_bytes() == cached_index


def test_a_big_units_index_is_split_into_shelves_and_an_edit_reindexes_one(project, tmp_path, monkeypatch):
    """Shelves of a few pages: the edited page's shelf alone goes through Pagefind again."""
    import json

    monkeypatch.setattr(search, "SHELF_SIZE", 3)
    cache_dir = tmp_path / "cache"
    first = fresh_build(project, cache_dir, monkeypatch)
    alpha = project.out / "alpha"
    others = json.loads((alpha / "pagefind" / "shelves.json").read_text("utf-8"))
    assert len(others) >= 2 and all(
        (alpha / "pagefind" / f / "pagefind-entry.json").is_file() for f in others
    )
    assert not any((alpha / "pagefind" / f / "pagefind-ui.js").exists() for f in others), (
        "one search interface"
    )
    assert len(first) > 4, "every shelf of every unit indexed once"

    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli Perbatasan\ndate: 2026-10-05 14:00\ntags: [perbatasan]\n---\nPatroli diperbarui.\n",
    )
    again = fresh_build(project, cache_dir, monkeypatch)
    assert len(again) == 1, "only the shelf holding the edited page"
    shelved = {
        p.relative_to(alpha).as_posix(): p.read_bytes()
        for p in (alpha / "pagefind").rglob("*")
        if p.is_file()
    }

    cold = tmp_path / "cold"
    monkeypatch.setattr(search, "_MADE", {})
    build(load_project(project.root), BuildOptions(out=cold, now=NOW))
    made = {
        p.relative_to(cold / "alpha").as_posix(): p.read_bytes()
        for p in (cold / "alpha" / "pagefind").rglob("*")
        if p.is_file()
    }
    assert shelved == made, "after the edit the index is the one a cold build makes"


def test_a_page_keeps_its_shelf_while_the_count_stays():
    paths = [f"berita/{n}/index.html" for n in range(1000)]
    shelves = search.shelve(paths)
    assert len(shelves) == search.shelf_count(1000) == 3
    assert sorted(p for shelf in shelves for p in shelf) == sorted(paths), "every page on exactly one shelf"
    assert all(200 < len(shelf) < 450 for shelf in shelves), "shelves about even"
    grown = search.shelve([*paths, "berita/baru/index.html"])
    assert all(set(old) <= set(new) for old, new in zip(shelves, grown, strict=True)), (
        "a new page moves no other"
    )


def test_unchanged_shelves_are_taken_over_unread_and_a_damaged_one_is_restored(
    project, tmp_path, monkeypatch
):
    """An edit reads no shelf's files from the cache while the site holds them; a lost file is put back."""
    monkeypatch.setattr(search, "SHELF_SIZE", 3)
    cache_dir = tmp_path / "cache"
    fresh_build(project, cache_dir, monkeypatch)
    alpha = project.out / "alpha"
    before = {p: p.read_bytes() for p in (alpha / "pagefind").rglob("*") if p.is_file()}
    read: list[str] = []
    real_lookup = Cache.lookup

    def counting(self, kind, key):
        read.append(key)
        return real_lookup(self, kind, key)

    monkeypatch.setattr(Cache, "lookup", counting)
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli Perbatasan\ndate: 2026-10-05 14:00\ntags: [perbatasan]\n---\nPatroli diperbarui.\n",
    )
    assert len(fresh_build(project, cache_dir, monkeypatch)) == 1
    assert "index" not in read, "every unchanged shelf stood intact in the site: none was read"

    lost = next(p for p in sorted(before) if "/2/" in p.as_posix() and p.suffix == ".pf_fragment")
    kept_bytes = lost.read_bytes()
    lost.unlink()
    assert fresh_build(project, cache_dir, monkeypatch) == [], "the index is repaired without Pagefind"
    assert "index" in read, "the damaged shelf's files came from the cache"
    assert lost.read_bytes() == kept_bytes, "the lost index file is back, as it was"


def test_pagefind_s_own_files_are_cached_once_and_a_lost_site_gets_every_shelf_back(
    project, tmp_path, monkeypatch
):
    """Pagefind's scripts and engine (alike in every index) are kept once, not once per shelf."""
    import shutil
    import sqlite3

    monkeypatch.setattr(search, "SHELF_SIZE", 3)
    cache_dir = tmp_path / "cache"
    fresh_build(project, cache_dir, monkeypatch)
    made = {p: p.read_bytes() for p in project.out.rglob("pagefind/**/*") if p.is_file()}
    own = {p.name for p in made if search.same_in_every_index(p.as_posix())}
    assert {"pagefind.js", "pagefind-worker.js", "pagefind-ui.js"} <= own
    with sqlite3.connect(cache_dir / "cache.sqlite") as db:
        kept = db.execute("SELECT count(*) FROM entries WHERE kind = 'search-file'").fetchone()[0]
        shelves = db.execute("SELECT count(*) FROM entries WHERE key = 'index'").fetchone()[0]
    assert shelves > 4 and kept == len({made[p] for p in made if p.name in own}), "each once, by its bytes"

    for unit in list(project.out.iterdir()):
        if not unit.name.startswith("."):
            shutil.rmtree(unit)  # the site is lost; the cache is kept (CI restores it)
    assert fresh_build(project, cache_dir, monkeypatch) == [], (
        "every shelf from the cache, none from Pagefind"
    )
    assert {p: p.read_bytes() for p in project.out.rglob("pagefind/**/*") if p.is_file()} == made


def test_a_change_search_never_reads_runs_no_pagefind_and_the_index_stays_a_cold_builds(
    project, tmp_path, monkeypatch
):
    """A footer edited in the theme changes every page's file, and no page as Pagefind reads it."""
    cache_dir = tmp_path / "cache"
    fresh_build(project, cache_dir, monkeypatch)
    footer = project.root / "themes" / "default" / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text("utf-8").replace("</footer>", "<p>Buka Sabtu.</p></footer>"), "utf-8")
    assert fresh_build(project, cache_dir, monkeypatch) == [], "no unit re-indexed"
    assert "Buka Sabtu." in (project.out / "alpha" / "index.html").read_text("utf-8"), "the pages were remade"
    kept = published_index(project.out)

    cold = tmp_path / "cold"
    monkeypatch.setattr(search, "_MADE", {})
    build(load_project(project.root), BuildOptions(out=cold, now=NOW))
    assert kept == published_index(cold), "the index kept is the one Pagefind makes of the new pages"


def test_search_reads_of_a_shipped_page_its_main_text_title_and_language_and_indexes_it_alike(
    shipped, tmp_path
):
    """The views of a shipped unit, indexed by Pagefind, give the very index its pages give."""
    unit = shipped / "pontianak"
    pages = [
        (p.parent.relative_to(unit).as_posix() + "/", p)
        for p in sorted(unit.rglob("index.html"))
        if b"data-pagefind-body" in p.read_bytes()
        and p.parent.name != "cari"  # the search page is not searched
    ]
    views = tmp_path / "views"
    for url, page in pages:
        view = search.search_view(page.read_bytes())
        assert len(view) < len(page.read_bytes()) / 2, f"{url}: the default theme's page is mostly chrome"
        (views / url).mkdir(parents=True, exist_ok=True)
        (views / url / "index.html").write_bytes(view)
    from_views = search._index([(url, views / url / "index.html") for url, _page in pages], "id")
    assert from_views == search._index(pages, "id")


PAGE = (
    b'<!doctype html><html lang="id"><head><title>Paspor \xc2\xb7 Kanim</title>'
    b'<link rel="stylesheet" href="/static/site.css"></head><body><header><img src="/logo.svg" alt="">'
    b'<nav><a href="/">Beranda</a></nav></header><main id="isi" data-pagefind-body><h1>Paspor</h1>'
    b"<div><p>Syarat paspor.</p></div></main><footer><p>Telp. 0561</p></footer></body></html>"
)


def test_a_page_s_view_is_its_title_language_and_searched_element():
    assert search.search_view(PAGE) == (
        b'<html lang="id">\n<title>Paspor \xc2\xb7 Kanim</title>\n'
        b'<main id="isi" data-pagefind-body><h1>Paspor</h1><div><p>Syarat paspor.</p></div></main>'
    )
    for outside in (b"0561", b"site.css", b"Beranda", b"logo.svg"):
        changed = PAGE.replace(outside, b"other")
        assert search.view_digest(changed) == search.view_digest(PAGE), outside
    for inside in (b"Syarat", b"<h1>Paspor", b"Kanim", b'lang="id"'):
        changed = PAGE.replace(inside, inside.upper() + b"x")
        assert search.view_digest(changed) != search.view_digest(PAGE), inside


def test_a_view_is_the_whole_page_where_pagefind_may_read_beyond_the_searched_element():
    nested = PAGE.replace(b"<main", b"<div class='x'").replace(b"</main>", b"<div>b</div></div>")
    assert search.search_view(nested).endswith(b"<div>b</div></div>"), "nested elements of its kind counted"
    for why, page in {
        "an h1 outside (the result's title)": PAGE.replace(b"<nav>", b"<h1>Kanim</h1><nav>"),
        "a picture after it (the result's image)": PAGE.replace(b"<p>Telp", b'<img src="/x.jpg"><p>Telp'),
        "Pagefind's own attributes outside": PAGE.replace(b"<footer>", b'<footer data-pagefind-meta="x:y">'),
        "two searched elements": PAGE.replace(b"<footer>", b"<footer data-pagefind-body>"),
        "an element never closed": PAGE.replace(b"</main>", b""),
        "a script inside": PAGE.replace(b"<div>", b'<div><script>"</main>"</script>'),
        "no searched element": PAGE.replace(b" data-pagefind-body", b""),
    }.items():
        assert search.search_view(page) == page, why
