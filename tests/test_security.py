"""No editor, and no stolen editor account, can put executable markup on a site or in a feed.

Every classic XSS payload goes through every field an editor or a unit's
settings control; afterwards no output file holds a script element, an event
handler attribute or a script URL, whatever its format (HTML, RSS, Atom, OPML).
"""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from lxml import etree

from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"
PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src="/static/site.css" alt="Foto" onerror="alert(1)">',  # described: an undescribed picture is an error
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">klik</a>',
    '<iframe src="https://evil.example/"></iframe>',
    "<body onload=alert(1)>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "[klik](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '<a href=" &#106;avascript:alert(1)">entitas</a>',
]


SEARCH_SCRIPT = re.compile(
    r"^\.\./static/search\.[0-9a-f]{10}\.js$"
)  # the theme's own search starter, on /cari/


class Executable(HTMLParser):
    """Collects what a browser would run: script elements, on* handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_data(self, data):
        if self.lasttag == "script" and data.strip():
            json.loads(data)  # a JSON-LD block stays one JSON value: no payload broke out of it

    def handle_starttag(self, tag, attrs):
        theirs = ("type", "application/ld+json") in attrs or any(
            n == "src" and SEARCH_SCRIPT.match(v or "") for n, v in attrs
        )
        if tag == "script" and not theirs:
            self.found.append("<script>")  # a JSON-LD block is data, never run (its text is checked below)
        if tag == "iframe" and not any(
            n == "src" and (v or "").startswith("https://www.youtube-nocookie.com/") for n, v in attrs
        ):
            self.found.append("<iframe>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}=")
            url = name in (
                "href",
                "src",
                "action",
                "formaction",
                "poster",
                "srcset",
                "xlink:href",
                "background",
            )
            if url and value and re.match(r"\s*(javascript|vbscript|data):", value, re.I):
                self.found.append(f"{name}={value}")


def executable_markup(text: str) -> list[str]:
    parser = Executable()
    parser.feed(text)
    return parser.found


HTML_ELEMENTS = ("description", "encoded")  # RSS description, content:encoded
URL_KEYS = ("href", "url", "src", "xmlUrl", "htmlUrl", "external_url", "image", "banner_image")


def embedded_html(path, text: str) -> list[str]:
    """The HTML a feed reader renders from a feed: HTML-typed elements of XML, content_html of JSON.

    Titles, names and tags in feeds are plain text by the formats' definition; they are
    checked where they land in HTML pages.
    """
    if path.suffix in (".xml", ".opml"):
        root = etree.fromstring(text.encode("utf-8"))
        found = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            local = etree.QName(el).localname
            if local in HTML_ELEMENTS or el.get("type") in ("html", "xhtml"):
                found.append("".join(el.itertext()))
            found += [f'<a href="{escape(v)}">' for k, v in el.attrib.items() if k in URL_KEYS]
        return found
    if path.suffix == ".json":
        feed = json.loads(text)
        items = feed.get("items", []) if isinstance(feed, dict) else []
        return [item.get("content_html", "") for item in items] + [
            f'<a href="{escape(item[k])}">' for item in items for k in URL_KEYS if k in item
        ]
    return []


def executable_anywhere(path, text: str) -> list[str]:
    """What a browser or a feed reader would run from this output file."""
    found = executable_markup(text)
    for html in embedded_html(path, text):
        found += executable_markup(html)
    return found


def build(project):
    return CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])


def every_output(project):
    for path in sorted(project.out.rglob("*")):
        if path.is_file() and ".sitegen" not in path.parts:
            yield path, path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_in_any_field_leaves_nothing_executable_anywhere(project, payload):
    quoted = json.dumps(payload)  # a YAML-safe string holding the payload as written
    project.write(
        "content/offices/alpha/berita/2026-11-01-serangan.md",
        f"---\ntitle: {quoted}\ndate: 2026-11-01 09:00\nsummary: {quoted}\nauthor: {quoted}\n"
        f"category: {quoted}\ntags: [{quoted}]\n---\n{payload}\n\nTeks {payload} di tengah.\n",
    )
    project.write(
        "content/shared/layanan/serangan.md", f"---\ntitle: Uji\n---\n{payload}\n\n{{{{ office.address }}}}\n"
    )
    offices = project.read("offices.yaml").replace("Jl. Contoh No. 1, Alpha", quoted)
    project.write("offices.yaml", offices.replace("name: Jaringan Uji", f"name: {quoted}"))
    result = build(project)
    assert result.exit_code == 0, result.output  # published, and made harmless
    found = {
        str(p.relative_to(project.out)): bad
        for p, text in every_output(project)
        if (bad := executable_anywhere(p, text))
    }
    assert found == {}


def test_an_unsafe_image_address_is_refused_with_its_line(project):
    project.write(
        "content/offices/alpha/berita/2026-11-01-foto.md",
        "---\ntitle: Foto\ndate: 2026-11-01 09:00\nimage: javascript:alert(1)\n---\nx\n",
    )
    result = build(project)
    assert result.exit_code == 1
    assert (
        "content/offices/alpha/berita/2026-11-01-foto.md:4: 'image' must be a web address or a path"
        in result.output
    )


def test_what_news_needs_survives_the_sanitizer(project):
    body = (
        "| Jenis | Biaya |\n|:---|---:|\n| Paspor | Rp350.000 |\n\n"
        '<figure><img src="/static/site.css" alt="Foto"><figcaption>Keterangan</figcaption></figure>\n\n'
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>\n\n'
        "<dl><dt>Istilah</dt><dd>Penjelasan</dd></dl>\n\n"
        '<abbr title="Pas Lintas Batas">PLB</abbr> dan [tautan](https://imigrasi.go.id/).\n'
    )
    project.write(
        "content/offices/alpha/berita/2026-11-01-lengkap.md",
        f"---\ntitle: L\ndate: 2026-11-01 09:00\n---\n{body}",
    )
    assert build(project).exit_code == 0
    page = (project.out / "alpha/berita/lengkap/index.html").read_text()
    for kept in (
        'style="text-align:left"',
        "<figcaption>Keterangan</figcaption>",
        "youtube-nocookie.com/embed/abc",
        "<dd>Penjelasan</dd>",
        '<abbr title="Pas Lintas Batas">PLB</abbr>',
        'href="https://imigrasi.go.id/"',
    ):
        assert kept in page


def test_trusted_html_keeps_markup_and_check_warns(project):
    project.write(
        "content/offices/alpha/berita/2026-11-01-widget.md",
        '---\ntitle: W\ndate: 2026-11-01 09:00\ntrusted_html: true\n---\n<form action="/cari/"><input name=q></form>\n',
    )
    assert build(project).exit_code == 0
    assert "<form" in (project.out / "alpha/berita/widget/index.html").read_text()
    result = CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW])
    assert "2026-11-01-widget.md:4: warning: raw HTML in this page is published unchecked" in result.output


@pytest.mark.parametrize(
    "payload", ["javascript:alert(1)", '/"><script>alert(1)</script>/', "/x/<img src=x onerror=alert(1)>/"]
)
def test_an_alias_carrying_markup_or_a_script_url_is_refused_with_its_line(project, payload):
    """Aliases become redirect pages; one that is not a plain path never reaches the output."""
    project.write(
        "content/offices/alpha/berita/2026-11-01-alias.md",
        f"---\ntitle: Uji\ndate: 2026-11-01 09:00\naliases: [{json.dumps(payload)}]\n---\nx\n",
    )
    result = build(project)
    assert result.exit_code == 1, result.output
    assert "content/offices/alpha/berita/2026-11-01-alias.md:4: alias" in result.output
    assert "is not a usable path" in result.output
    assert not any(executable_markup(text) for _, text in every_output(project))


def test_the_prepared_body_kept_in_the_cache_is_already_sanitized():
    """What the cache stores (the pickled state) carries no script, yet office values still fill in."""
    import pickle

    from sitegen.sources.office_vars import prepare

    plain = prepare("<script>alert(1)</script>\n\nIsi <b onclick=alert(1)>tebal</b>.\n", 5)
    stored = pickle.dumps(plain.__getstate__()).decode("latin-1")
    assert "alert" not in stored and "<b>tebal</b>" in plain.html
    with_values = prepare("<script>alert(1)</script>\n\nKantor {{ office.name }}.\n", 5)
    assert with_values.kind == "expressions"
    assert not any("script" in part for part in with_values.parts)
    assert "trusted" not in stored or plain.trusted is False


def test_an_office_value_inside_an_attribute_is_sanitized_with_the_page(project):
    """`<a href="{{ network.name }}">` with a name of `javascript:alert(1)` publishes no script URL."""
    project.write(
        "content/shared/layanan/tautan.md",
        '---\ntitle: Uji\n---\n<a href="{{ network.name }}">kantor</a> dan {{ network.name }}\n',
    )
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace("name: Jaringan Uji", 'name: "javascript:alert(1)"', 1),
    )
    result = build(project)
    assert result.exit_code == 0, result.output
    page = (project.out / "alpha/layanan/tautan/index.html").read_text()
    assert "kantor</a>" in page and "dan javascript:alert(1)" in page
    assert executable_markup(page) == []


def test_a_broken_link_made_by_an_office_value_names_the_content_file(project):
    """A link built from `{{ office.name }}` is blamed on the page's line, not on a template."""
    project.write(
        "content/shared/layanan/tautan.md",
        '---\ntitle: Uji\n---\nPembuka {{ office.name }}.\n\n<a href="{{ office.short_name }}">kantor</a>\n',
    )
    result = build(project)
    assert result.exit_code == 1, result.output
    assert "content/shared/layanan/tautan.md:6: broken link Kanim Alpha [unit alpha]" in result.output
    assert "a template links" not in result.output


# --- whole files from a unit's static/ folder (sitegen.sources.static_trust) ---

SVG_PAYLOADS = {
    "script element": '<script>alert(1)</script><rect width="4" height="4"/>',
    "handler": '<rect width="4" height="4" onclick="alert(1)"/>',
    "link": '<a href="javascript:alert(1)"><rect width="4" height="4"/></a>',
    "foreign HTML": '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml" onload="alert(1)"/></foreignObject>',
    "animation setting a link": '<a><set attributeName="href" to="javascript:alert(1)"/><rect width="4" height="4"/></a>',
    "outside picture": '<use href="https://evil.example/x.svg#a"/><rect width="4" height="4"/>',
    "outside style": '<style>@import url(https://evil.example/x.css);</style><rect width="4" height="4"/>',
    "outside paint": '<rect width="4" height="4" fill="url(https://evil.example/x.svg#g)"/>',
    "XHTML script": '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script><rect width="4" height="4"/>',
}


@pytest.mark.parametrize("payload", SVG_PAYLOADS.values(), ids=list(SVG_PAYLOADS))
def test_an_svg_keeps_its_drawing_and_nothing_that_acts_or_fetches(payload):
    from sitegen.sources.sanitize import clean_svg

    data = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">{payload}</svg>'.encode()
    cleaned, removed = clean_svg(data)
    text = cleaned.decode()
    assert removed
    for marker in ("script", "alert", "javascript", "evil.example", "onclick", "onload", "foreignObject"):
        assert marker not in text
    assert '<rect width="4" height="4"' in text or "<use" not in text
    etree.fromstring(cleaned)  # still well-formed XML


def test_an_ordinary_logo_passes_the_svg_sanitizer_unchanged_in_meaning():
    from sitegen.sources.sanitize import clean_svg

    logo = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
        b"<title>Logo</title><style>.a{fill:#0b3d6e}</style>"
        b'<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
        b'<circle class="a" cx="5" cy="5" r="4" fill="url(#g)"/><use xlink:href="#g"/>'
        b'<text x="1" y="9" font-size="2">Imigrasi</text></svg>'
    )
    cleaned, removed = clean_svg(logo)
    assert removed == []
    root = etree.fromstring(cleaned)
    names = [etree.QName(el).localname for el in root.iter()]
    assert names == ["svg", "title", "style", "defs", "linearGradient", "stop", "circle", "use", "text"]
    assert root.find("{http://www.w3.org/2000/svg}circle").get("fill") == "url(#g)"
    assert root.find("{http://www.w3.org/2000/svg}use").get("{http://www.w3.org/1999/xlink}href") == "#g"


def test_a_search_engines_verification_file_is_published_byte_for_byte(project):
    text = "google-site-verification: google1234567890abcdef.html"
    project.write("content/offices/alpha/static/google1234567890abcdef.html", text)
    assert CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW]).exit_code == 0
    assert (project.out / "alpha/google1234567890abcdef.html").read_text() == text
