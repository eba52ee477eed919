"""The theme's interface text goes through Jinja's i18n extension, all of it, into complete catalogs.

Templates are written in Indonesian inside ``_("…")``, ``ngettext(…)`` or
``{% trans %}``; ``themes/default/locales/messages.pot`` is extracted from them
(README: "Translating the theme") and every catalog translates each of its texts.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from jinja2 import nodes

from sitegen.render.templates import Theme

REPO = Path(__file__).resolve().parent.parent
THEME = REPO / "themes" / "default"
POT = THEME / "locales" / "messages.pot"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "gettext_in": (2,)}
HOLE = "\x00"  # where a template prints a value: never text of its own
LETTER = re.compile(r"[^\W\d_]")
READ_ALOUD = {"alt", "title", "aria-label", "placeholder", "label"}  # attributes people see or hear


def extracted() -> set[str | tuple[str, ...]]:
    return {
        message
        for _name, _line, message, _comments, _context in extract_from_dir(
            THEME,
            method_map=[("templates/**.html", "jinja2")],
            keywords=KEYWORDS,
            options_map={"templates/**.html": {"trimmed": "false"}},
        )
    }


def catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def printed(template: nodes.Template) -> str:
    """The template's literal output in order, each printed value replaced by HOLE."""
    parts = []
    for output in template.find_all(nodes.Output):
        for node in output.nodes:
            parts.append(node.data if isinstance(node, nodes.TemplateData) else HOLE)
    return "".join(parts)


class _Visible(HTMLParser):
    """Text a reader sees (or a screen reader speaks) that holds letters of its own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.hidden = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.hidden += 1
        if tag in ("link", "meta"):
            return  # the head's feed links are named by their feeds' titles, published in Indonesian
        for name, value in attrs:
            if name in READ_ALOUD and value and LETTER.search(value.replace(HOLE, "")):
                self.found.append(f"{name}={value.replace(HOLE, '…')!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and LETTER.search(data.replace(HOLE, "")):
            self.found.append(repr(data.strip().replace(HOLE, "…")))


def visible_text(source: str) -> list[str]:
    parser = _Visible()
    parser.feed(printed(Theme(REPO / "themes", "default").env.parse(source)))
    parser.close()
    return parser.found


@pytest.mark.parametrize(
    "template", sorted(p.relative_to(THEME).as_posix() for p in (THEME / "templates").rglob("*.html"))
)
def test_no_template_shows_text_outside_a_translation_call(template):
    assert visible_text((THEME / template).read_text(encoding="utf-8")) == []


def test_the_check_sees_text_outside_translation_in_data_and_read_aloud_attributes():
    source = '<nav aria-label="Menu">{{ _("Beranda") }} <a href="/">Arsip</a> {{ x }}: {% trans %}Topik{% endtrans %}</nav>'
    assert visible_text(source) == ["aria-label='Menu'", "'Arsip'"]
    assert visible_text('<p>{{ _("Halaman %(n)s", n=n) }} · {{ page.title }}</p>') == []


def test_the_committed_pot_is_what_the_templates_hold():
    """After changing a template, extract the .pot again (README: "Translating the theme")."""
    assert {m.id for m in catalog(POT) if m.id} == extracted()


@pytest.mark.parametrize(
    "po", sorted(p.relative_to(THEME).as_posix() for p in THEME.glob("locales/*/LC_MESSAGES/*.po"))
)
def test_every_catalog_translates_every_text_of_the_pot(po):
    translations = catalog(THEME / po)
    missing = []
    for message in catalog(POT):
        if not message.id:
            continue
        entry = translations.get(message.id)
        strings = entry.string if entry is not None else ""
        strings = strings if isinstance(strings, (tuple, list)) else (strings,)
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(message.id)
    assert missing == []


PLURAL_PO = """msgid ""
msgstr ""
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "%(num)s halaman"
msgid_plural "%(num)s halaman"
msgstr[0] "%(num)s page"
msgstr[1] "%(num)s pages"

msgid "Beranda"
msgstr "Start"
"""


def test_pages_choose_plural_forms_and_a_theme_overrides_default_s_words(tmp_path):
    """ngettext with plural forms in the page's language; a theme's own catalog wins over default's."""
    themes = tmp_path / "themes"
    shutil.copytree(THEME, themes / "default")
    own = themes / "uji" / "locales" / "en" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "messages.po").write_text(PLURAL_PO, encoding="utf-8")
    env = Theme(themes, "uji").env
    plural = env.from_string('{{ ngettext("%(num)s halaman", "%(num)s halaman", n) }}')
    assert [plural.render(lang="en", n=n) for n in (1, 3)] == ["1 page", "3 pages"]
    assert plural.render(lang="id", n=3) == "3 halaman"
    assert env.from_string('{{ _("Beranda") }}').render(lang="en") == "Start"
    assert env.from_string('{{ _("Alamat") }}').render(lang="en") == "Address"  # default's catalog
    assert env.from_string('{{ _("Kontak %(name)s", name="<b>") }}').render(lang="id") == "Kontak &lt;b&gt;"


def test_an_interface_text_remembered_for_one_language_is_never_shown_in_another():
    """Each text is looked up once per language and kept; the page's language still decides."""
    env = Theme(REPO / "themes", "default").env
    search = env.from_string('{{ _("Cari") }}')
    shown = [search.render(lang=lang) for lang in ("en", "id", "en", "id")]
    assert shown == ["Search", "Cari", "Search", "Cari"]
    published = env.from_string('{{ _("Diterbitkan oleh %(name)s.", name=who) }}')
    assert published.render(lang="en", who="Kantor <A>") == "Published by the Kantor &lt;A&gt;."
    assert published.render(lang="en", who="Kantor B") == "Published by the Kantor B."  # values never kept
    assert env.from_string("{% trans %}Cari{% endtrans %}").render(lang="en") == "Search"


def test_an_interface_text_is_formatted_like_jinja_s_own_new_style_gettext():
    """Always a format string (%% is one %), markup where the template escapes, plain text where not."""
    env = Theme(REPO / "themes", "default").env
    assert env.from_string('{{ _("100%% gratis") }}').render(lang="id") == "100% gratis"
    escaped = env.from_string('{{ _("a & b") }}|{{ _("a & b") ~ "<" }}').render(lang="id")
    assert escaped == "a & b|a & b&lt;"  # the text is markup; what is joined to it is escaped
    env.autoescape = False
    assert (
        env.from_string('{{ _("a & b")|e }}').render(lang="id") == "a &amp; b"
    )  # plain text: escaped when asked
