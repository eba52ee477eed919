"""The preview shows a saved page at once, then rebuilds: a tab reloads once, and the end equals a cold build."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, datetime

import pytest

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.serve import builder as builder_module
from sitegen.serve import saved as saved_module
from sitegen.serve.builder import PreviewBuilder
from sitegen.serve.livereload import EVERY_PAGE, Generation

from .conftest import copy_of_repository
from .helpers import tree

NEWS = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
NEWS_PAGE = "/alpha/berita/sosialisasi/"
EPOCH = "1795500000"  # 2026-11-24, so the preview and the cold build agree on "now"


class Recording(Generation):
    """A generation that remembers which pages each bump announced."""

    def __init__(self) -> None:
        super().__init__()
        self.announced: list[set[str] | None] = []

    def bump(self, problems, pages=EVERY_PAGE) -> None:
        self.announced.append(None if pages is None else set(pages))
        super().bump(problems, pages)


@pytest.fixture
def preview(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    builder = PreviewBuilder(project.root, Recording())
    builder.rebuild()
    assert builder.generation.problems == []
    yield builder
    builder.close()


def save(project, rel: str, old: str, new: str) -> set[str]:
    text = project.read(rel)
    assert old in text, f"{rel} no longer says {old!r}"
    (project.root / rel).write_text(text.replace(old, new), encoding="utf-8")
    return {rel}


def test_a_saved_page_is_put_in_place_and_announced_before_the_units_are_rebuilt(project, preview):
    preview.generation.announced.clear()
    preview.rebuild(save(project, NEWS, "Isi berita.", "Isi berita yang diperbaiki."))
    first, last = preview.generation.announced
    assert first == {NEWS_PAGE}, "the saved page alone, first"
    page = preview.site_root / "alpha/berita/sosialisasi/index.html"
    assert "Isi berita yang diperbaiki." in page.read_text(encoding="utf-8")
    # the rebuild that follows made the same page, so its tab is not reloaded a second time;
    # what else the save changed (the unit's feeds, its regional office's feed) is announced then
    assert NEWS_PAGE not in last
    assert {"/alpha/rss.xml", "/alpha/atom.xml", "/wilayah/wilayah/rss.xml"} <= last
    assert not any(key.startswith("/bravo/") for key in last), "a unit the save does not touch"


def test_a_body_edit_is_shown_from_the_last_builds_model_whatever_the_units_size(
    project, preview, monkeypatch
):
    """Only a changed front matter needs the unit's model made anew (the lists show it); a body
    edit is rendered in the model the last build left, so its first look costs the page alone."""

    def no_new_model(*_args, **_kwargs):
        raise AssertionError("a body edit made the unit's model anew")

    monkeypatch.setattr(saved_module, "Models", no_new_model)
    kept = {
        unit: site.by_url["berita/sosialisasi/"].body
        for unit, site in preview._sites.items()
        if unit == "alpha"
    }
    preview.generation.announced.clear()
    preview.rebuild(save(project, NEWS, "Isi berita.", "Isi berita yang diperbaiki."))
    first, last = preview.generation.announced
    assert first == {NEWS_PAGE}
    assert NEWS_PAGE not in last, "the page shown alone is the one the rebuild made"
    page = preview.site_root / "alpha/berita/sosialisasi/index.html"
    assert "Isi berita yang diperbaiki." in page.read_text(encoding="utf-8")
    assert "Isi berita." in kept["alpha"] and "yang diperbaiki" not in kept["alpha"]


def test_a_saved_page_leaves_the_kept_model_as_the_build_made_it(project):
    build(load_project(project.root), BuildOptions(out=project.root / "out"))
    kept_project = load_project(project.root)
    result = build(kept_project, BuildOptions(out=project.root / "out"))
    page = result.sites["alpha"].by_url["berita/sosialisasi/"]
    body, source = page.body, page.source
    changed = save(project, NEWS, "Isi berita.", "Isi berita yang diperbaiki.")
    now = datetime.now(tz=UTC)
    shown = saved_module.show_saved(kept_project, changed, project.root / "out", now, result.sites)
    assert shown is not None and set(shown) == {NEWS_PAGE}
    assert (page.body, page.source) == (body, source), "the next save starts from the build's own model"


def test_a_translations_text_edit_is_shown_from_the_kept_models_of_the_units_publishing_it(
    tmp_path, monkeypatch
):
    """A shared English page: shown in every unit that publishes English, from the kept models,
    and in no other unit (they never had it as a page)."""
    root = copy_of_repository(tmp_path / "repo")
    rel = "content/shared/layanan/wna/e-visa.en.md"
    kept_project = load_project(root)
    result = build(kept_project, BuildOptions(out=tmp_path / "out", index_search=False))
    english = {unit for unit, site in result.sites.items() if "en/layanan/wna/e-visa/" in site.by_url}
    assert english and english != set(result.sites), "the shipped network has units with and without English"
    (root / rel).write_text(
        (root / rel).read_text(encoding="utf-8") + "\nA sentence added.\n", encoding="utf-8"
    )
    monkeypatch.setattr(saved_module, "Models", None)  # called, it fails: no unit's model is made anew
    shown = saved_module.show_saved(kept_project, {rel}, tmp_path / "out", datetime.now(tz=UTC), result.sites)
    assert shown is not None
    assert {key.split("/")[1] for key in shown} == english
    page = tmp_path / "out" / sorted(english)[0] / "en/layanan/wna/e-visa/index.html"
    assert "A sentence added." in page.read_text(encoding="utf-8")


def test_a_title_change_reaches_every_list_in_the_rebuild(project, preview):
    preview.generation.announced.clear()
    preview.rebuild(save(project, NEWS, "title: Sosialisasi Paspor", "title: Sosialisasi Paspor Elektronik"))
    first, last = preview.generation.announced
    assert first == {NEWS_PAGE}
    assert {"/alpha/", "/alpha/berita/"} <= last
    assert "Sosialisasi Paspor Elektronik" in (preview.site_root / "alpha/berita/index.html").read_text()


def test_a_page_that_moves_waits_for_the_rebuild(project, preview):
    preview.generation.announced.clear()
    preview.rebuild(
        save(project, NEWS, "title: Sosialisasi Paspor", "slug: sosialisasi-baru\ntitle: Sosialisasi Paspor")
    )
    assert len(preview.generation.announced) == 1, "nothing to show before the rebuild records the new URL"
    assert {"/alpha/berita/sosialisasi-baru/", NEWS_PAGE} <= preview.generation.announced[0]


def test_a_save_with_a_mistake_is_never_shown_alone(project, preview):
    preview.generation.announced.clear()
    preview.rebuild(save(project, NEWS, "date: 2026-10-01 09:30", "date: 1 Oktober"))
    assert preview.generation.announced == [EVERY_PAGE], "straight to the overlay on every tab"
    assert "date" in str(preview.generation.problems[0])


def test_a_tab_waits_only_for_generations_that_changed_its_page():
    generation = Generation()
    generation.bump([])
    since = generation.number
    generation.bump([], {"/alpha/berita/sosialisasi/"})
    assert generation.wait(since, 0, "/bravo/") == since, "another page changed: keep waiting"
    assert generation.wait(since, 0, "/alpha/berita/sosialisasi/index.html") == generation.number
    assert generation.wait(since, 0, "/alpha/berita/sosialisasi/") == generation.number
    assert generation.wait(since, 0, None) == generation.number, "a caller naming no page hears every change"
    generation.bump([], EVERY_PAGE)
    assert generation.wait(since, 0, "/bravo/") == generation.number
    assert generation.wait(generation.number + 5, 0, "/bravo/") == generation.number, "from another server"


def test_random_saves_in_the_preview_always_end_as_a_cold_build(project, preview, tmp_path, monkeypatch):
    """A fixed-seed walk through saves of every kind; after each, the preview holds a cold build's bytes.

    (Only the search index may lag: the preview re-indexes when the editor pauses.)
    """
    # This editor never pauses: the re-indexing that follows a pause (tests/test_serve.py) would
    # otherwise start while a slow machine still reads the preview's folder, swapping units and
    # emptying .sitegen/trash under the walk (FileNotFoundError, or a unit missing mid-swap).
    monkeypatch.setattr(builder_module, "REINDEX_AFTER", 3600.0)
    rng = random.Random(20261125)
    counter = iter(range(1000))

    def edit_any(p) -> set[str]:
        path = rng.choice(sorted((p.root / "content").rglob("*.md")))
        path.write_text(path.read_text(encoding="utf-8") + f"\nTambahan {next(counter)}.\n", encoding="utf-8")
        return {path.relative_to(p.root).as_posix()}

    def retitle_any(p) -> set[str]:
        path = rng.choice(sorted((p.root / "content").rglob("*.md")))
        text = path.read_text(encoding="utf-8")
        if "\ntitle: " not in text:
            return edit_any(p)
        path.write_text(text.replace("\ntitle: ", f"\ntitle: Baru {next(counter)} ", 1), encoding="utf-8")
        return {path.relative_to(p.root).as_posix()}

    def add_news(p) -> set[str]:
        n = next(counter)
        rel = f"content/offices/{rng.choice(['alpha', 'bravo'])}/berita/2026-09-{n % 28 + 1:02d}-acak-{n}.md"
        p.write(rel, f"---\ntitle: Acak {n}\ndate: 2026-09-{n % 28 + 1:02d} 10:{n % 60:02d}\n---\nIsi {n}.\n")
        return {rel}

    def delete_news(p) -> set[str]:
        files = sorted((p.root / "content/offices").rglob("berita/*.md"))
        gone = rng.choice(files)
        gone.unlink()
        return {gone.relative_to(p.root).as_posix()}

    def two_saves(p) -> set[str]:
        return edit_any(p) | retitle_any(p)

    def edit_template(p) -> set[str]:
        rel = "themes/default/templates/article.html"
        p.write(rel, p.read(rel).replace('<p class="meta"', f'<p data-n="{next(counter)}" class="meta"', 1))
        return {rel}

    kinds = [edit_any, edit_any, retitle_any, add_news, delete_news, two_saves, edit_template]
    for step in range(14):
        edit = rng.choice(kinds)
        preview.generation.announced.clear()
        preview.rebuild(edit(project))
        assert preview.generation.problems == [], (step, edit.__name__)
        if len(preview.generation.announced) == 2:  # shown alone first: exactly as the rebuild then made it
            first, last = preview.generation.announced
            assert first and not first & (last or set()), (step, edit.__name__)
        cold = tmp_path / "cold"
        shutil.rmtree(cold, ignore_errors=True)
        build(load_project(project.root), BuildOptions(out=cold))
        assert _without_search(tree(preview.site_root)) == _without_search(tree(cold)), (step, edit.__name__)


def _without_search(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in files.items() if "/pagefind/" not in path}
