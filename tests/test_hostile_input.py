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
    assert_located(check(project), f"content/offices/alpha/static/unduhan: this is a link (to {secret}); {LINK}")
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
