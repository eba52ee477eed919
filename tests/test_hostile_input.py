"""Inputs of any shape give a site or a located problem: never a traceback, a hang or a read outside.

Each case is an editor's slip or a hostile tester's attempt, reproduced exactly.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from sitegen.cli import main

from .helpers import tree

NOW = "2026-11-24T12:00:00+07:00"
NEWS = "content/offices/bravo/berita/2026-11-01-uji.md"
SHARED = "content/shared/layanan/uji.md"


def check(project):
    return CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW])


def build(project):
    return CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])


def assert_located(result, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert expected in result.output, result.output


BODY_CASES = {
    "unclosed front matter": (
        b"---\ntitle: Uji\ndate: 2026-11-01\nIsi.\n",
        ":1: the front matter is never closed",
    ),
    "NUL byte": (
        b"---\ntitle: Uji\ndate: 2026-11-01\n---\nIsi \x00 lagi.\n",
        ":5: invisible control character U+0000",
    ),
    "form feed": (
        b"---\ntitle: Uji\ndate: 2026-11-01\n---\nA\n\x0c\n",
        ":6: invisible control character U+000C",
    ),
    "ESC": (
        b"---\ntitle: Uji\ndate: 2026-11-01\n---\n\x1b[31mmerah\n",
        ":5: invisible control character U+001B",
    ),
    "invalid UTF-8": (b"---\ntitle: Uji\ndate: 2026-11-01\n---\nCaf\xe9\n", ":5: not UTF-8 text"),
    "impossible day": (
        b"---\ntitle: Uji\ndate: 2024-02-31\n---\nx\n",
        ":3: 'date': '2024-02-31': that day does not exist",
    ),
    "YAML yes as title": (b"---\ntitle: yes\ndate: 2026-11-01\n---\nx\n", ":2: 'title' must be text"),
    "comma-separated tags": (
        b"---\ntitle: Uji\ndate: 2026-11-01\ntags: paspor, visa\n---\nx\n",
        ":4: 'tags' looks like several values in one (write tags: [paspor, visa])",
    ),
    "slug leaving the site": (
        b"---\ntitle: Uji\ndate: 2026-11-01\nslug: ../../etc\n---\nx\n",
        ":4: slug '../../etc' is not usable",
    ),
}


@pytest.mark.parametrize("case", BODY_CASES, ids=list(BODY_CASES))
def test_a_broken_news_file_is_a_located_error(project, case):
    data, expected = BODY_CASES[case]
    (project.root / NEWS).parent.mkdir(parents=True, exist_ok=True)
    (project.root / NEWS).write_bytes(data)
    assert_located(check(project), NEWS + expected)
    assert_located(build(project), NEWS + expected)
    assert tree(project.out) == {}  # nothing published (only sitegen's own lock folder)


@pytest.mark.parametrize(
    "data",
    [b"", b"\xef\xbb\xbf---\r\ntitle: Uji\r\ndate: 2026-11-01\r\n---\r\nIsi dengan BOM dan CRLF.\r\n"],
    ids=["empty file", "BOM and CRLF"],
)
def test_odd_but_harmless_files_build_or_say_what_is_missing(project, data):
    (project.root / NEWS).write_bytes(data)
    result = build(project)
    if data:
        assert result.exit_code == 0, result.output
        assert "Isi dengan BOM dan CRLF." in (project.out / "bravo/berita/uji/index.html").read_text()
    else:
        assert_located(result, NEWS + ":1: no front matter")


def test_a_huge_body_is_refused_quickly_with_the_limit(project):
    (project.root / NEWS).write_text("---\ntitle: Uji\ndate: 2026-11-01\n---\n" + "kata " * 2_100_000)
    assert_located(
        check(project), NEWS + ":1: the file is 10 million characters long; pages stop at 5 million"
    )


SANDBOX_CASES = {
    "{{ 1/0 }}": "division by zero",
    "{% for i in range(10**9) %}x{% endfor %}": "range of 1000000000 numbers; at most 100000",
    "{{ 'a' * 10**9 }}": "repeating text 1000000000 times makes more than 100000 characters",
    "{{ 9**(9**10) }}": "is too large a number",
    "{{ lipsum }}": "unknown name 'lipsum'",
    "{{ namespace }}": "unknown name 'namespace'",
    "{{ self }}": "names a group of values, not one",
    "{{ office }}": "names a group of values, not one",
    "{{ office.alamat_tidak_ada }}": "unknown name 'alamat_tidak_ada'",
    "{{ office.__class__.__mro__ }}": "not allowed in content",
    "{{ office.name.upper() }}": "not allowed in content",
    "{{ '%999999999s' % 'a' }}": "'%' formatting is not available",
}


@pytest.mark.parametrize("code", SANDBOX_CASES, ids=list(SANDBOX_CASES))
def test_the_sandbox_refuses_escapes_and_unbounded_work_with_a_clear_error(project, code):
    project.write(SHARED, f"---\ntitle: Uji\n---\n{code}\n")
    result = check(project)
    assert_located(result, f"{SHARED}:4: ")
    assert SANDBOX_CASES[code] in result.output
    assert "[units alpha, bravo, rudenim, wilayah]" in result.output  # once for the file, naming its units
    assert "0x" not in result.output and "object at" not in result.output


def test_the_sandbox_still_does_what_editors_need(project):
    project.write(
        SHARED,
        "---\ntitle: Uji\n---\n{{ office.name|upper }} {% if 'plb' in office.services %}PLB{% endif %} "
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ office.coverage }}\n",
    )
    assert build(project).exit_code == 0
    page = (project.out / "alpha/layanan/uji/index.html").read_text()
    assert "KANTOR IMIGRASI KELAS I TPI ALPHA PLB 012 Kota Alpha dan Kabupaten Beta" in page


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("timezone: Asia/Makassar", "timezone: Asia", "unknown time zone 'Asia'"),
        (
            "    services: [paspor, izin-tinggal]\n",
            "    services: [paspor, izin-tinggal]\n    params: [1, 2]\n",
            "'params' must be a mapping",
        ),
        (
            "    services: [paspor, izin-tinggal]\n",
            "    services: [paspor, izin-tinggal]\n    theme: /tmp/x\n",
            "theme '/tmp/x' is not the name of a folder in themes/",
        ),
    ],
    ids=["zone folder", "params list", "theme path"],
)
def test_offices_yaml_slips_are_located(project, old, new, expected):
    project.write("offices.yaml", project.read("offices.yaml").replace(old, new, 1))
    assert_located(build(project), "offices.yaml:")
    assert expected in build(project).output


LINK = "sitegen publishes files of the repository only and never follows links"


def test_content_linked_from_outside_the_repository_is_refused_with_each_link_named(project, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Rahasia\n---\nisi rahasia\n")
    (project.root / "content/shared/layanan/rahasia.md").symlink_to(secret)
    outside = tmp_path / "folder"
    outside.mkdir()
    (outside / "x.md").write_text("---\ntitle: Luar\n---\nluar\n")
    (project.root / "content/shared/luar").symlink_to(outside, target_is_directory=True)
    result = build(project)
    assert_located(result, f"content/shared/layanan/rahasia.md: this is a link (to {secret}); {LINK}")
    assert f"content/shared/luar: this is a link (to {outside}); {LINK}" in result.output
    assert "(replace the link with a copy of the file or folder itself)" in result.output
    assert tree(project.out) == {}


def test_a_link_inside_content_is_refused_too_wherever_it_leads(project):
    (project.root / "content/shared/layanan/salinan.md").symlink_to(
        project.root / "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
    )
    assert_located(build(project), "content/shared/layanan/salinan.md: this is a link")


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_link_in_a_units_static_folder_is_refused(project, tmp_path, kind):
    secret = tmp_path / "rahasia"
    if kind == "file":
        secret.write_text("root:x:0:0")
    else:
        secret.mkdir()
        (secret / "passwd").write_text("root:x:0:0")
    static = project.root / "content/offices/alpha/static"
    static.mkdir(parents=True)
    (static / "unduhan").symlink_to(secret)
    assert_located(
        check(project), f"content/offices/alpha/static/unduhan: this is a link (to {secret}); {LINK}"
    )
    assert_located(build(project), "content/offices/alpha/static/unduhan: this is a link")
    assert not any("root:x" in p.read_text(errors="ignore") for p in project.out.rglob("*") if p.is_file())


def test_a_linked_picture_in_shared_static_is_refused_where_a_page_shows_it(project, tmp_path):
    from PIL import Image

    Image.new("RGB", (20, 10)).save(tmp_path / "foto.jpg")
    folder = project.root / "content/shared/static/img"
    folder.mkdir(parents=True)
    (folder / "foto.jpg").symlink_to(tmp_path / "foto.jpg")
    project.write(SHARED, "---\ntitle: Uji\n---\n![Petugas di loket](/img/foto.jpg)\n")
    assert_located(
        build(project), f"{SHARED}:4: picture /img/foto.jpg: content/shared/static/img/foto.jpg is a link"
    )


def test_a_theme_file_linked_from_outside_is_refused(project, tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0")
    (project.root / "themes/default/static/passwd").symlink_to(secret)
    assert_located(build(project), f"themes/default/static/passwd: this is a link (to {secret}); {LINK}")
    assert not list(project.out.rglob("passwd"))


def test_ten_thousand_files_in_one_section_build(project):
    folder = project.root / "content/offices/bravo/berita"
    for n in range(10_000):
        (folder / f"2025-01-01-kabar-{n}.md").write_text(
            f"---\ntitle: Kabar {n}\ndate: 2025-01-01 00:00\nid: kabar-{n}\n---\nIsi {n}.\n"
        )
    result = CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW])
    assert result.exit_code == 0, result.output[-2000:]


# --- Issue #22, part B: characters no feed can carry, settings that become URLs -----------------
# (kept together at the end of the file)

XML_CASES = {
    "title \\x01 as a YAML escape": (
        '---\ntitle: "Uji\\x01"\ndate: 2026-11-01\n---\nx\n',
        ":2: invisible control character U+0001 in 'title'",
    ),
    "summary \\x0b": (
        '---\ntitle: Uji\ndate: 2026-11-01\nsummary: "a\\vb"\n---\nx\n',
        ":4: invisible control character U+000B in 'summary'",
    ),
    "NUL in image": (
        '---\ntitle: Uji\ndate: 2026-11-01\nimage: "foto\\0.jpg"\n---\nx\n',
        ":4: invisible control character U+0000 in 'image'",
    ),
    "a tag": (
        '---\ntitle: Uji\ndate: 2026-11-01\ntags:\n  - ok\n  - "x\\x1f"\n---\nx\n',
        ":6: invisible control character U+001F in 'tags[1]'",
    ),
    "a param": (
        '---\ntitle: Uji\ndate: 2026-11-01\nparams:\n  catatan: "\\uFFFE"\n---\nx\n',
        ":5: invisible control character U+FFFE in 'params.catatan'",
    ),
    "U+FFFE in the body": (
        "---\ntitle: Uji\ndate: 2026-11-01\n---\nsatu\ndua \ufffe\n",
        ":6: invisible control character U+FFFE",
    ),
    "U+FFFF in the body": (
        "---\ntitle: Uji\ndate: 2026-11-01\n---\n\uffff\n",
        ":5: invisible control character U+FFFF",
    ),
    # C1 controls, the traces of text decoded with the wrong code page: XML takes them, readers never mean them
    "C1 U+0085 in a title": (
        '---\ntitle: "x\\x85y"\ndate: 2026-11-01\n---\nx\n',
        ":2: invisible control character U+0085 in 'title'",
    ),
    "C1 U+009B in a summary": (
        '---\ntitle: Uji\ndate: 2026-11-01\nsummary: "s\\x9bt"\n---\nx\n',
        ":4: invisible control character U+009B in 'summary'",
    ),
    "C1 U+0080 in the body": (
        "---\ntitle: Uji\ndate: 2026-11-01\n---\nsatu\ndua \x80\n",
        ":6: invisible control character U+0080",
    ),
}


@pytest.mark.parametrize("case", XML_CASES, ids=list(XML_CASES))
def test_a_character_no_feed_can_carry_is_a_located_error_in_every_field(project, case):
    text, expected = XML_CASES[case]
    (project.root / NEWS).write_text(text, encoding="utf-8")
    for result in (check(project), build(project)):
        assert_located(result, NEWS + expected)
        assert "XML compatible" not in result.output
    assert tree(project.out) == {}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("name: Kantor Imigrasi Kelas II Non TPI Bravo", 'name: "Kantor\\x01 Bravo"', "in units[1].name"),
        ("name: Kantor Imigrasi Kelas II Non TPI Bravo", 'name: "Kantor \\uFFFF"', "U+FFFF in units[1].name"),
        (
            "name: Kantor Imigrasi Kelas II Non TPI Bravo",
            'name: "Kantor \\x9b Bravo"',
            "U+009B in units[1].name",
        ),
    ],
    ids=["\\x01 in a name", "U+FFFF in a name", "C1 U+009B in a name"],
)
def test_a_character_no_feed_can_carry_in_offices_yaml_is_located(project, old, new, expected):
    project.write("offices.yaml", project.read("offices.yaml").replace(old, new, 1))
    for result in (check(project), build(project)):
        assert_located(result, "offices.yaml:")
        assert "invisible control character" in result.output and expected in result.output
        assert "XML compatible" not in result.output


def test_a_raw_control_character_in_offices_yaml_is_named_at_its_own_line(project):
    project.write("offices.yaml", project.read("offices.yaml") + "#\x01\n")
    written = project.read("offices.yaml")
    last = written[: written.index("\x01")].count("\n") + 1
    result = check(project)
    assert_located(result, f"offices.yaml:{last}: invalid YAML: invisible control character U+0001")


def test_yaml_slips_are_said_in_the_editors_words(project):
    (project.root / NEWS).write_text("---\ntitle: Paspor: syarat baru\ndate: 2026-11-01\n---\nx\n")
    result = check(project)
    assert_located(result, f"{NEWS}:2: front matter is not valid YAML: a ': ' inside a value")
    assert "mapping values" not in result.output and "quote a title that contains ': '" in result.output


SANDBOX_PAGE_CASES = {
    "nested loops": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "replace": "{{ ('a' * 50000)|replace('a', 'b' * 2000) }}",
    "join": "{{ range(100000)|join('x' * 1000) }}",
    "~": "{% set a = 'a' * 60000 %}{{ a ~ a }}",
    "squaring": "{% set x = 7 %}" + "{% set x = x * x %}" * 22 + "{{ x }}",
    "range|string": "{{ range|string }}",
    "office|string": "{{ office|string }}",
}


@pytest.mark.parametrize("code", SANDBOX_PAGE_CASES.values(), ids=list(SANDBOX_PAGE_CASES))
def test_a_shared_page_beyond_the_sandbox_limits_is_located_and_prints_nothing_of_python(project, code):
    project.write(SHARED, f"---\ntitle: Uji\n---\n{code}\n")
    result = check(project)
    assert_located(result, f"{SHARED}:4: ")
    assert (
        "0x" not in result.output and "namespace(" not in result.output and "<function" not in result.output
    )


SANDBOX_WORDS = {  # what the editor reads: their words and numbers, never Python's or Jinja's
    "{{ office|attr('__class__') }}": ("there is no filter 'attr' in content", "No filter named"),
    "{{ 1 is mapping }}": ("there is no test 'mapping' in content", "No test named"),
    "{{ -office }}": ("these values do not go together", "SimpleNamespace"),
    "{% set x = 3 %}" + "{% set x = x * x %}" * 11 + "{{ x ** 2 }}": (
        "a number of 978 digits ** 2",
        "13942147270623679146",
    ),
}


@pytest.mark.parametrize(
    "code", SANDBOX_WORDS, ids=["unknown filter", "unknown test", "a sign on a group", "a huge number"]
)
def test_a_sandbox_refusal_speaks_the_editors_words(project, code):
    said, never = SANDBOX_WORDS[code]
    project.write(SHARED, f"---\ntitle: Uji\n---\n{code}\n")
    result = check(project)
    assert_located(result, f"{SHARED}:4: ")
    assert said in result.output and never not in result.output
    message = next(line for line in result.output.splitlines() if line.startswith(SHARED))
    assert len(message.split(" [unit")[0]) < 200, message


def test_a_power_within_the_documented_size_is_worked_out(project):
    project.write(SHARED, "---\ntitle: Uji\n---\n{{ (2 ** 3000) % 1000 }}\n")
    assert build(project).exit_code == 0
    assert "376" in (project.out / "alpha/layanan/uji/index.html").read_text()


SETTING_CASES = {
    "base_url with markup": (
        "    base_url: https://alpha.example.go.id/\n",
        "    base_url: 'https://alpha.example.go.id/\"><script>alert(1)</script>'\n",
        "base_url",
    ),
    "e-mail with ?bcc=": (
        '    contacts: {phone: "(0561) 000000 — contoh"}\n',
        "    contacts: {email: 'a@imigrasi.go.id?bcc=b@example.com'}\n",
        "contacts.email",
    ),
    "social javascript:": (
        "    services: [paspor, izin-tinggal, plb]\n",
        "    services: [paspor, izin-tinggal, plb]\n    social: {x: 'javascript:alert(1)'}\n",
        "social.x",
    ),
    "security_contact with a header": (
        "network:\n",
        "network:\n  security_contact: 'mailto:a@imigrasi.go.id?bcc=b@example.com'\n",
        "security_contact",
    ),
}


@pytest.mark.parametrize("case", SETTING_CASES, ids=list(SETTING_CASES))
def test_a_setting_that_would_publish_a_hostile_address_is_located(project, case):
    old, new, key = SETTING_CASES[case]
    text = project.read("offices.yaml")
    assert old in text
    project.write("offices.yaml", text.replace(old, new, 1))
    result = build(project)
    assert_located(result, "offices.yaml:")
    assert key in result.output
    assert tree(project.out) == {}


# --- a unit's static/ folder: published on the unit's own origin, so held to the pages' trust ---

STATIC = "content/offices/alpha/static"
SCRIPTED_PAGE = (
    '<!DOCTYPE html><html lang="id"><head><title>Pengumuman Penting</title>'
    "<script>fetch('/steal?c='+document.cookie)</script></head>"
    '<body onload="alert(1)"><h1>Pengumuman</h1><p>Loket tutup.</p>'
    '<p onmouseover="alert(2)">Buka lagi Senin.</p><a href="javascript:alert(3)">klik</a></body></html>'
)
SCRIPTED_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
    '<script>alert(2)</script><rect width="10" height="10" fill="#0b3d6e"/></svg>'
)


def _executable(text: str) -> list[str]:
    lowered = text.lower()
    return [m for m in ("<script", "onload=", "onmouseover=", "javascript:") if m in lowered]


def test_an_html_file_with_script_in_static_is_published_sanitized_and_named(project):
    project.write(f"{STATIC}/pengumuman-penting.html", SCRIPTED_PAGE)
    result = check(project)
    assert result.exit_code == 0, result.output
    assert (
        f"{STATIC}/pengumuman-penting.html: warning: published without <script>, onload=, onmouseover=, "
        "javascript: address: files in static/ are checked like pages"
    ) in result.output
    assert build(project).exit_code == 0
    page = (project.out / "alpha/pengumuman-penting.html").read_text()
    assert _executable(page) == []
    assert "<h1>Pengumuman</h1>" in page and "<p>Loket tutup.</p>" in page
    assert "<title>Pengumuman Penting</title>" in page and '<html lang="id">' in page
    assert "Content-Security-Policy" in page


def test_an_svg_logo_with_script_in_static_keeps_its_drawing_only(project):
    project.write(f"{STATIC}/logo.svg", SCRIPTED_SVG)
    result = check(project)
    assert f"{STATIC}/logo.svg: warning: published without onload=, <script>" in result.output
    assert build(project).exit_code == 0
    svg = (project.out / "alpha/logo.svg").read_text()
    assert _executable(svg) == []
    assert '<rect width="10" height="10" fill="#0b3d6e" />' in svg


@pytest.mark.parametrize("name", ["js/peta.js", "tema.xsl", "halaman.xhtml"])
def test_a_script_in_static_is_refused_with_the_file_named(project, name):
    project.write(f"{STATIC}/{name}", "alert(1)")
    ext = name.rsplit(".", 1)[1]
    expected = f"{STATIC}/{name}: a .{ext} file runs as script on the unit's site, so it is not published"
    assert_located(check(project), expected)
    assert_located(build(project), f"list it in the unit's trusted_static: [{name}]")
    assert tree(project.out) == {}


def test_an_svg_that_is_no_svg_is_refused_with_the_file_named(project):
    project.write(f"{STATIC}/logo.svg", '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>')
    assert_located(build(project), f"{STATIC}/logo.svg: the SVG file declares XML entities")


def test_xml_a_browser_would_show_as_a_page_is_refused_plain_data_is_kept(project):
    bing = '<?xml version="1.0"?>\n<users><user>0123456789ABCDEF</user></users>\n'
    project.write(f"{STATIC}/BingSiteAuth.xml", bing)
    assert build(project).exit_code == 0
    assert (project.out / "alpha/BingSiteAuth.xml").read_text() == bing
    project.write(
        f"{STATIC}/x.xml",
        '<x><html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html></x>',
    )
    assert_located(build(project), f"{STATIC}/x.xml: the XML file holds web page or SVG markup")


def test_trusted_static_publishes_as_written_and_every_check_says_so(project):
    project.write(f"{STATIC}/js/peta.js", "console.log('peta');\n")
    project.write(f"{STATIC}/pengumuman-penting.html", SCRIPTED_PAGE)
    offices = project.read("offices.yaml").replace(
        "    services: [paspor, izin-tinggal, plb]\n",
        "    services: [paspor, izin-tinggal, plb]\n    trusted_static: [js/peta.js]\n",
        1,
    )
    project.write("offices.yaml", offices)
    result = check(project)
    assert result.exit_code == 0, result.output
    assert (
        f"{STATIC}/js/peta.js: warning: published unchecked, as written (trusted_static of unit alpha)"
        in result.output
    )
    assert build(project).exit_code == 0
    assert (project.out / "alpha/js/peta.js").read_text() == "console.log('peta');\n"
    assert _executable((project.out / "alpha/pengumuman-penting.html").read_text()) == []  # not listed
    project.write("offices.yaml", offices.replace("trusted_static: [js/peta.js]", "trusted_static: true"))
    assert build(project).exit_code == 0
    assert (project.out / "alpha/pengumuman-penting.html").read_text() == SCRIPTED_PAGE


def test_trusted_static_of_another_shape_is_a_located_error(project):
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace(
            "    services: [paspor, izin-tinggal, plb]\n",
            "    services: [paspor, izin-tinggal, plb]\n    trusted_static: ya\n",
            1,
        ),
    )
    assert_located(check(project), "offices.yaml:23: 'trusted_static' must be true or a list of files")


def _photo_with_location() -> bytes:
    from io import BytesIO

    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone on its side
    exif[0x010F] = "KameraUji"
    exif[0xA431] = "SN-0042-RAHASIA"  # the camera's serial number
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (0.0, 1.0, 30.0), 3: "E", 4: (109.0, 20.0, 15.0)})
    out = BytesIO()
    Image.new("RGB", (64, 32), (180, 40, 40)).save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def test_an_original_photo_in_static_is_published_without_location_or_serial(project):
    from io import BytesIO

    from PIL import Image

    original = _photo_with_location()
    path = project.root / STATIC / "img/kegiatan.jpg"
    path.parent.mkdir(parents=True)
    path.write_bytes(original)
    project.write(SHARED, "---\ntitle: Uji\noffices: [alpha]\n---\n![Petugas di loket](/img/kegiatan.jpg)\n")
    result = check(project)
    assert f"{STATIC}/img/kegiatan.jpg: warning: the photo records where it was taken (GPS)" in result.output
    assert build(project).exit_code == 0
    published = (project.out / "alpha/img/kegiatan.jpg").read_bytes()
    assert b"SN-0042-RAHASIA" not in published and b"KameraUji" not in published
    with Image.open(BytesIO(published)) as image:
        exif = image.getexif()
        assert exif.get_ifd(0x8825) == {}
        assert dict(exif) == {0x0112: 6}  # still shown upright
        image.load()
    for resized in (project.out / "alpha/img").glob("kegiatan-*.jpg"):
        assert b"SN-0042-RAHASIA" not in resized.read_bytes()
    first = published
    (project.out / "alpha/img/kegiatan.jpg").unlink()
    assert build(project).exit_code == 0
    assert (project.out / "alpha/img/kegiatan.jpg").read_bytes() == first  # same bytes every build


def test_a_photo_with_location_in_a_page_bundle_is_named_by_check(project):
    bundle = project.root / "content/offices/bravo/berita/2026-11-01-kunjungan"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text("---\ntitle: Kunjungan\ndate: 2026-11-01\n---\n![Tamu](foto.jpg)\n")
    (bundle / "foto.jpg").write_bytes(_photo_with_location())
    result = check(project)
    assert (
        "content/offices/bravo/berita/2026-11-01-kunjungan/foto.jpg: warning: the photo records where it "
        "was taken (GPS)"
    ) in result.output


def test_a_decompression_bomb_is_named_as_such(project):
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    # 100,000 × 100,000 pixels declared in a file of a few hundred bytes
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )
    (project.root / "content/offices/bravo/berita/bom.png").write_bytes(bomb)
    project.write(NEWS, "---\ntitle: Uji\ndate: 2026-11-01\nimage: bom.png\nimage_alt: Bom\n---\nx\n")
    result = build(project)
    assert_located(result, f"{NEWS}:4: picture bom.png: the file declares a picture of more than")
    assert "refused as a decompression bomb" in result.output


# --- unreadable files and folders: an error naming them, never a silent gap ---

PR_CAPBSET_DROP = 24
READ_OVERRIDES = (1, 2)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH: what lets root read a chmod 000 file


def _without_root_read_rights() -> None:
    """In the child, before it runs sitegen: give up root's right to read any file, so chmod counts.

    Tests run as root in CI; an editor never does. Dropping these capabilities from
    the bounding set makes the kernel check file modes for this process as for anyone.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in READ_OVERRIDES:
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _as_ordinary_user(project, *args: str) -> subprocess.CompletedProcess:
    """Run sitegen in a process for which an unreadable file is unreadable, root or not."""
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args, "--root", str(project.root), "--now", NOW],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_without_root_read_rights if os.geteuid() == 0 else None,
    )


def test_the_child_really_cannot_read_a_chmod_000_file(project):
    secret = project.write("rahasia.txt", "x")
    secret.chmod(0)
    probe = f"open({str(secret)!r}).read()"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        preexec_fn=_without_root_read_rights if os.geteuid() == 0 else None,
    )
    assert "PermissionError" in result.stderr


@pytest.mark.parametrize("what", ["folder", "file"])
def test_an_unreadable_section_is_an_error_not_a_silent_gap(project, what):
    folder = project.root / "content/offices/alpha/berita"
    target = folder if what == "folder" else folder / "2026-10-01-sosialisasi.md"
    target.chmod(0)
    try:
        for command in ("check", "build"):
            result = _as_ordinary_user(project, command)
            output = result.stdout + result.stderr
            assert result.returncode == 1, output
            assert "Traceback" not in output
            rel = target.relative_to(project.root).as_posix()
            assert f"{rel}: the {what} cannot be read (Permission denied)" in output
    finally:
        target.chmod(0o755)
    assert not (project.out / "alpha").exists()


def test_an_unreadable_static_file_is_an_error(project):
    path = project.write(f"{STATIC}/unduhan/formulir.pdf", "%PDF-1.4")
    path.chmod(0)
    try:
        result = _as_ordinary_user(project, "build")
    finally:
        path.chmod(0o644)
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        f"{STATIC}/unduhan/formulir.pdf: the file cannot be read (Permission denied)"
        in result.stderr + result.stdout
    )
