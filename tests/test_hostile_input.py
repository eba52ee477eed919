"""Inputs of any shape give a site or a located problem: never a traceback, a hang or a read outside.

Each case is an editor's slip or a hostile tester's attempt, reproduced exactly.
"""

from __future__ import annotations

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


def test_content_linked_from_outside_the_repository_is_not_published(project, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Rahasia\n---\nisi rahasia\n")
    (project.root / "content/shared/layanan/rahasia.md").symlink_to(secret)
    outside = tmp_path / "folder"
    outside.mkdir()
    (outside / "x.md").write_text("---\ntitle: Luar\n---\nluar\n")
    (project.root / "content/shared/luar").symlink_to(outside, target_is_directory=True)
    result = build(project)
    assert result.exit_code == 0, result.output
    assert (
        "content/shared/layanan/rahasia.md: warning: skipped a link that leads outside content/"
        in result.output
    )
    assert "content/shared/luar: warning: skipped a linked folder" in result.output
    assert not any("isi rahasia" in p.read_text(errors="ignore") for p in project.out.rglob("*.html"))


def test_a_theme_file_linked_from_outside_is_not_published(project, tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0")
    (project.root / "themes/default/static/passwd").symlink_to(secret)
    assert build(project).exit_code == 0
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
    ],
    ids=["\\x01 in a name", "U+FFFF in a name"],
)
def test_a_character_no_feed_can_carry_in_offices_yaml_is_located(project, old, new, expected):
    project.write("offices.yaml", project.read("offices.yaml").replace(old, new, 1))
    for result in (check(project), build(project)):
        assert_located(result, "offices.yaml:")
        assert "invisible control character" in result.output and expected in result.output
        assert "XML compatible" not in result.output


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
