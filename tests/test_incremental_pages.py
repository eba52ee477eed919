"""A build after an edit renders only the files whose inputs changed, and gives a cold build's bytes.

Each template-made file records what made it (sitegen.build.dependencies): the
unit's skeleton and the bodies it showed. These specifications walk edits of
every kind through a copy of the shipped network and compare the incremental
output, file by file and manifests included, with a cold build of the same
content; and they check that an edited body re-renders the pages that show it
and nothing else.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.render import feeds, pages

from .conftest import SHIPPED_NOW, copy_of_repository
from .helpers import published

UNITS = ("pontianak", "kanwil-kalbar")  # a unit and the regional office whose feed carries its news
NEWS = "content/offices/pontianak/berita"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_of_repository(tmp_path / "repo")


def make(root: Path, out: Path) -> dict[str, bytes]:
    """Build as a fresh process would (the project read again) and return what a deploy uploads."""
    build(load_project(root), BuildOptions(out=out, now=SHIPPED_NOW, office_ids=UNITS))
    return published(out)


def rendered_paths(monkeypatch) -> list[tuple[str, str]]:
    """Record (unit, path) of every file a template renders from now on."""
    seen: list[tuple[str, str]] = []
    real = pages.render

    def spying(site, planned, *args, **kwargs):
        seen.extend((site.office.id, p.path) for p in planned if p.templated)
        return real(site, planned, *args, **kwargs)

    monkeypatch.setattr(pages, "render", spying)
    return seen


class Editor:
    """Edits of every kind an editor or a maintainer makes, chosen by a seeded random walk."""

    def __init__(self, root: Path, seed: int):
        self.root, self.rng, self.count, self.added = root, random.Random(seed), 0, []

    def _news(self) -> Path:
        return self.rng.choice(sorted((self.root / NEWS).glob("*.md")))

    def _sub(self, path: Path, pattern: str, replacement: str) -> None:
        text = path.read_text(encoding="utf-8")
        changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
        assert changed != text, f"{pattern!r} not found in {path}"
        path.write_text(changed, encoding="utf-8")

    def body(self) -> None:
        path = self.rng.choice(sorted((self.root / "content").rglob("*.md")))
        self.count += 1
        path.write_text(path.read_text("utf-8") + f"\nKalimat tambahan {self.count}.\n", encoding="utf-8")

    def title(self) -> None:
        self.count += 1
        self._sub(self._news(), r"^(title: .*)$", rf"\1 (revisi {self.count})")

    def new_item(self) -> None:
        self.count += 1
        day = self.rng.randint(1, 28)
        tag = self.rng.choice(["paspor", "sosialisasi", "layanan-baru"])
        path = self.root / NEWS / f"2026-10-{day:02d}-kabar-{self.count}.md"
        path.write_text(
            f"---\ntitle: Kabar {self.count}\ndate: 2026-10-{day:02d} 10:{self.count % 60:02d}\n"
            f"tags: [{tag}]\n---\nIsi kabar {self.count} dari {{{{ office.name }}}}.\n",
            encoding="utf-8",
        )
        self.added.append(path)

    def deleted_item(self) -> None:
        if not self.added:
            self.new_item()  # nothing links to an item the walk added: deleting it breaks no link
        self.added.pop(self.rng.randrange(len(self.added))).unlink()

    def tags(self) -> None:
        self._sub(self._news(), r"^tags: \[(.*)\]$", rf"tags: [\1, {self.rng.choice(['baru', 'paspor'])}]")

    def date(self) -> None:
        when = f"2026-{self.rng.randint(1, 10):02d}-{self.rng.randint(1, 28):02d} {self.rng.randint(7, 16):02d}:15"
        self._sub(self._news(), r"^date: .*$", f"date: {when}")

    def setting(self) -> None:
        self.count += 1
        self._sub(self.root / "offices.yaml", r'(phone: "\(0561\) 000000)', rf"\1 ext {self.count}")

    def template(self) -> None:
        self.count += 1
        name = self.rng.choice(["article.html", "partials/list.html", "base.html"])
        path = self.root / "themes/default/templates" / name
        path.write_text(
            path.read_text("utf-8") + f"{{# revisi {self.count} #}}<!-- r{self.count} -->\n", "utf-8"
        )

    KINDS = ("body", "title", "new_item", "deleted_item", "tags", "date", "setting", "template")


def test_after_every_kind_of_edit_the_incremental_output_equals_a_cold_build(root, tmp_path):
    editor = Editor(root, seed=20261202)
    out = tmp_path / "incremental"
    make(root, out)
    steps = list(Editor.KINDS) + [editor.rng.choice(Editor.KINDS) for _ in range(6)]
    editor.rng.shuffle(steps)
    for n, kind in enumerate(steps):
        getattr(editor, kind)()
        incremental = make(root, out)
        cold = make(root, tmp_path / f"cold-{n}")
        assert incremental.keys() == cold.keys(), kind
        differing = [path for path in cold if incremental[path] != cold[path]]
        assert differing == [], f"after the edit '{kind}' (step {n}) these files differ from a cold build"


def test_an_edited_body_renders_its_page_and_the_pages_that_show_it_only(root, tmp_path, monkeypatch):
    out = tmp_path / "out"
    make(root, out)
    item = root / NEWS / "2026-02-12-pencanangan-zona-integritas.md"
    item.write_text(item.read_text("utf-8") + "\nSatu kalimat baru.\n", encoding="utf-8")
    seen = rendered_paths(monkeypatch)
    make(root, out)
    assert seen == [("pontianak", "berita/pencanangan-zona-integritas/index.html")]
    assert (
        "Satu kalimat baru." in (out / "pontianak/berita/pencanangan-zona-integritas/index.html").read_text()
    )
    assert "Satu kalimat baru." in (out / "pontianak/atom.xml").read_text(), "feeds are made anew"


def test_an_edited_body_makes_again_only_the_feeds_that_carry_it(root, tmp_path, monkeypatch):
    out = tmp_path / "out"
    make(root, out)
    item = root / NEWS / "2026-02-12-pencanangan-zona-integritas.md"
    item.write_text(item.read_text("utf-8") + "\nSatu kalimat baru.\n", encoding="utf-8")
    made: list[tuple[str, str]] = []
    real = feeds.atom

    def spying(feed):
        made.append((feed.site.office.id, feed.prefix))
        return real(feed)

    monkeypatch.setattr(feeds, "atom", spying)
    make(root, out)
    own = sorted(prefix for unit, prefix in made if unit == "pontianak")
    assert own == ["", "berita/", "tag/zona-integritas/"], "the unit's feeds that list the item, no other"
    assert ("kanwil-kalbar", "wilayah/") in made, "the regional feed gathers other units: made every time"
    assert "Satu kalimat baru." in (out / "pontianak/tag/zona-integritas/atom.xml").read_text()
    assert (out / "pontianak/pengumuman/atom.xml").is_file(), "a feed kept is still published"


def test_a_new_title_renders_the_unit_again_and_a_template_edit_every_page_that_uses_it(
    root, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    make(root, out)
    item = root / NEWS / "2026-02-12-pencanangan-zona-integritas.md"
    item.write_text(item.read_text("utf-8").replace("title: Kanim", "title: Kantor"), encoding="utf-8")
    seen = rendered_paths(monkeypatch)
    make(root, out)
    assert {unit for unit, _ in seen} == {"pontianak"}, "lists, archives and neighbours show titles"
    assert ("pontianak", "tag/zona-integritas/index.html") in seen


def test_a_damaged_file_is_rendered_again_even_when_its_inputs_did_not_change(root, tmp_path, monkeypatch):
    out = tmp_path / "out"
    make(root, out)
    page = out / "pontianak/berita/pencanangan-zona-integritas/index.html"
    page.write_text("rusak", encoding="utf-8")
    seen = rendered_paths(monkeypatch)
    make(root, out)
    assert seen == [("pontianak", "berita/pencanangan-zona-integritas/index.html")]
    assert "Zona Integritas" in page.read_text()


def test_the_records_stay_out_of_what_is_published(root, tmp_path):
    out = tmp_path / "out"
    make(root, out)
    assert (out / ".sitegen/local/pontianak.pages.json").is_file()
    assert not any(".pages." in path for path in published(out))
    assert pages.UNTRACED not in (out / ".sitegen/local/pontianak.pages.json").read_text()
