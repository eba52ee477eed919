"""Pagefind runs only for a unit whose pages changed, even in a fresh process."""

from __future__ import annotations

from datetime import UTC, datetime

from sitegen.build.pipeline import BuildOptions, build, load_project
from sitegen.render import search
from sitegen.sources.bodies import Bodies
from sitegen.sources.cache import Cache

NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def fresh_build(project, cache_dir, monkeypatch) -> list[str]:
    """Build as a new process would (empty memory, the persistent cache on disk); which units Pagefind indexed."""
    indexed: list[str] = []
    real = search._index

    def counting(pages, language):
        indexed.append(pages[0][1])  # the first page's HTML names its unit
        return real(pages, language)

    monkeypatch.setattr(search, "_MADE", {})
    monkeypatch.setattr(search, "_index", counting)
    bodies = Bodies(Cache(cache_dir / "cache.sqlite"))
    build(load_project(project.root, bodies=bodies), BuildOptions(out=project.out, now=NOW))
    bodies.cache.close()
    return indexed


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
