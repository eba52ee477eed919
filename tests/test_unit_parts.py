"""A unit part (the footer with its contact block) is rendered once per unit and language.

It is the same on every page of a unit in one language, so every page shows the one
rendering; it sees the unit, never a page, and a body it shows counts as read by every
page that shows it, so an edit to that body still makes those pages again.
"""

import re
import shutil
from pathlib import Path

import jinja2

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.errors import BuildFailed

REPO = Path(__file__).resolve().parents[1]


def _project(tmp_path: Path, footer: str | None = None) -> Path:
    for name in ("content", "themes"):
        shutil.copytree(REPO / name, tmp_path / name)
    yaml = (REPO / "offices.yaml").read_text(encoding="utf-8")
    (tmp_path / "offices.yaml").write_text(
        yaml.replace("  - id: sambas\n", "  - id: sambas\n    theme: baru\n", 1), encoding="utf-8"
    )
    own = tmp_path / "themes" / "baru" / "templates" / "partials"
    own.mkdir(parents=True)
    if footer is not None:
        (own / "footer.html").write_text(footer, encoding="utf-8")
    return tmp_path


def _build(root: Path) -> None:
    build(load_project(root), BuildOptions(out=root / "public", office_ids=("sambas",)))


def _pages(root: Path) -> dict[str, str]:
    site = root / "public" / "sambas"
    found = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    return {path: text for path, text in found.items() if 'id="isi"' in text}  # redirects have no frame


def test_the_footer_is_rendered_once_per_language_and_shown_on_every_page(tmp_path, monkeypatch):
    root = _project(tmp_path)
    rendered: list[str] = []
    original = jinja2.Template.render

    def counting(self, *args, **kwargs):
        rendered.append(self.name or "")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counting)
    _build(root)
    pages = _pages(root)
    footers = {path: text[text.index('<footer class="footer">') :] for path, text in pages.items()}
    languages = {"en" if path.startswith("en/") else "id" for path in footers}
    assert len(footers) > 40 and languages == {"id", "en"}
    assert rendered.count("partials/footer.html") == len(languages)
    # the same footer everywhere, its links made relative to each page
    unlinked = {
        re.sub(r'href="[^"]*"', "", text) for path, text in footers.items() if not path.startswith("en/")
    }
    assert len(unlinked) == 1
    assert all('aria-labelledby="kontak-sambas"' in text for text in footers.values())


def test_a_part_that_asks_for_the_page_fails_the_build_once_at_its_file_and_line(tmp_path):
    root = _project(tmp_path, "<footer>{{ page.title }}</footer>\n")
    try:
        _build(root)
    except BuildFailed as failed:
        said = [(p.path, p.line, p.message) for p in failed.problems]
    else:
        raise AssertionError("a part that shows the page built")
    assert [(path, line) for path, line, _message in said] == [
        ("themes/baru/templates/partials/footer.html", 1)
    ]
    assert "'page' is undefined" in said[0][2]


def test_a_body_a_part_shows_is_read_by_every_page_so_editing_it_makes_them_again(tmp_path):
    footer = '<footer class="footer">{{ site.by_url["profil/dasar-hukum/"].body }}</footer>\n'
    root = _project(tmp_path, footer)
    _build(root)
    source = root / "content" / "shared" / "profil" / "dasar-hukum.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nKalimat tambahan di kaki.\n", encoding="utf-8")
    _build(root)
    pages = {path: text for path, text in _pages(root).items() if not path.startswith("en/")}
    assert len(pages) > 40
    assert all("Kalimat tambahan di kaki." in text for text in pages.values())
