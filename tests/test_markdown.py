"""The Markdown sitegen reads: only the extensions the content needs, with the same HTML as the full set."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.sources.content_files import discover
from sitegen.sources.front_matter import split
from sitegen.sources.markdown import (
    BLOCK_NEEDS,
    EXTENSION_CONFIGS,
    EXTENSIONS,
    FULL_SET,
    NEEDS,
    QuickInline,
    QuickToc,
    converter,
    left_out_syntax,
    level_one_headings,
    to_html,
)

REPO = Path(__file__).resolve().parent.parent
SHIPPED = discover(REPO / "content")


def _body(path: Path) -> str:
    return split(path.read_text(encoding="utf-8"))[1]


def test_the_shipped_content_is_there_to_compare():
    assert len(SHIPPED) > 50


@pytest.mark.parametrize("path", SHIPPED, ids=[p.relative_to(REPO / "content").as_posix() for p in SHIPPED])
def test_every_shipped_page_converts_exactly_as_with_the_full_extension_set(path):
    full = markdown.Markdown(extensions=FULL_SET, extension_configs=EXTENSION_CONFIGS)
    body = _body(path)
    assert to_html(body) == full.convert(body)


INLINE_RICH = [
    "Tarif `Rp350.000`, *penting*, **sangat**, _miring_, __tebal__ dan ***keduanya***.",
    "\\*bukan miring\\*, \\`bukan kode\\`, \\[bukan tautan\\] dan \\\\`kode`.",
    "``a ` b`` dan `*tidak miring*` dan ` [bukan](tautan) `.",
    '[Paspor](/layanan/paspor/ "Judul") dan [acuan][1] dan [acuan] dan [*miring* `kode`](/x/).\n\n'
    "[1]: https://imigrasi.go.id\n[acuan]: /acuan/",
    "![foto](/img/a.jpg) ![alt][gambar] [![alt](/a.jpg)](/b/) !bukan [gambar]\n\n[gambar]: /img/b.jpg",
    "<https://imigrasi.go.id> dan <humas@imigrasi.go.id> dan a < b > c dan 1 <2 dan <bukan tag",
    '<span>teks *tebal*</span> <b>[a](/x/)</b> <!-- komentar --> <a href="/x/">[a]</a>',
    "&amp; &copy; &#169; &#xA9; & bukan &entitas dan AT&T",
    "baris satu  \nbaris dua \nbaris tiga\\\nempat",
    "Dasar hukum[^1] dan [^2].\n\n[^1]: PP 45/2024 *pasal* 3.\n[^2]: `UU` 6/2011.",
    "snake_case_name, 2 * 3 * 4, a*b*c, _a_b_, *a **b** c*, **a *b* c**, * bukan *",
    "## Judul *miring* dan `kode` & [tautan](/x/)\n\n| Layanan | *Tarif* |\n|---|---|\n| `P` | [a](/b/) |",
    "1. *satu* [a](/a/)\n2. dua  \n   lanjutan <i>x</i>\n\n- &lt;tag&gt; \\_x\\_",
]


BLOCK_RICH = [
    "| Layanan | Tarif |\n|---|---:|\n| Paspor | Rp350.000 |",
    "Layanan | Tarif\n--- | ---\nPaspor | Rp350.000",
    "| satu kolom |\n| --- |\n| isi |",
    "bukan | tabel\nkarena baris kedua bukan pemisah",
    "# Judul\nteks\n## Sub #\n###### enam ######\n#tanpa spasi\n\nteks # bukan judul",
    "Judul Setext\n===\n\nSub\n---\n\nteks - dengan - tanda\n- - -\n* * *\n___\n\na -- b --- c",
    "satu\n\n* * *\n\ndua\n\n___\n\ntiga\n\n***",
    "> kutipan\n> > bersarang\n>\n> - daftar di kutipan\n\nteks > bukan kutipan\n   > kutipan menjorok",
    "Dasar hukum[^1].\n\n[^1]: PP 45/2024.\n    lanjutan catatan\n[^dua]: kedua\n\nteks [^ bukan]: catatan",
    '[a]: /acuan/\n[b]: https://imigrasi.go.id "Judul"\n  [c]:\n  /lanjut/\n\nteks [a] dan [b] dan [c]: bukan',
    "1. satu\n2. dua\n\n    kode di daftar | dengan pipa\n\n- a\n    - b # pagar\n\n3) bukan",
    "[TOC]\n\n# Satu\n\n## Dua\n\n# Satu",
    "Sebelum\n\n  [TOC]  \n\n## Judul\n\n    [TOC]\n\n`[TOC]` dan [TOC] di tengah",
    "## [TOC]\n\n> [TOC]\n\n- [TOC]",
    '<div markdown="1">\n# bukan\n</div>\n\n<table><tr><td>|</td></tr></table>\n\n# Judul <b>tebal</b>',
]


def _stock() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


@pytest.mark.parametrize("text", INLINE_RICH + BLOCK_RICH)
def test_the_quick_steps_write_what_the_stock_ones_do(text):
    assert converter().convert(text) == _stock().convert(text)


# texts drawn at random from the marks each quick step looks for, among plain words
RANDOM_TEXTS = {
    "inline patterns": (
        list("`\\[]()!<>&;*_^@:/#") + ["  \n"],
        ["https://imigrasi.go.id", "amp", "#169", "\n"],
        2009,
    ),
    "block processors": (
        ["|", "#", "-", "_", "*", ">", "[^1]:", "[a]:", "[^1]", "[a]", ":", "=", "1.", "    ", "[TOC]"],
        ["/x/", "\n", "\n", "\n\n"],
        2508,
    ),
}


@pytest.mark.parametrize("marks, words, seed", RANDOM_TEXTS.values(), ids=list(RANDOM_TEXTS))
def test_the_quick_steps_agree_on_random_text_made_of_their_marks(marks, words, seed):
    import random

    words = [*words, "paspor", "visa", "a@b.id", "x", " ", " ", "\n"]
    rng = random.Random(seed)
    stock, quick = _stock(), converter()
    for _ in range(500):
        text = "".join(rng.choice(marks if rng.random() < 0.4 else words) for _ in range(rng.randint(1, 50)))
        assert quick.reset().convert(text) == stock.reset().convert(text), text


def test_the_converter_uses_the_quick_inline_step_for_every_pattern_it_knows():
    md = converter()
    assert isinstance(md.treeprocessors["inline"], QuickInline)
    names = {name for name in NEEDS if name in md.inlinePatterns}
    assert names == set(NEEDS) - {"footnote"} | ({"footnote"} if "footnotes" in EXTENSIONS else set())
    assert "em_strong" in md.inlinePatterns  # emphasis, the one pattern left: its delimiters are its needs
    assert len(md.inlinePatterns) == len(names) + 1


def test_the_converter_uses_the_quick_block_and_toc_steps():
    md = converter()
    assert isinstance(md.treeprocessors["toc"], QuickToc)
    assert set(BLOCK_NEEDS) <= set(md.parser.blockprocessors._data)
    for name in BLOCK_NEEDS:
        assert md.parser.blockprocessors[name].test.__name__.startswith("quick_test"), name


def test_a_page_that_asks_for_a_table_of_contents_gets_it():
    html = converter().convert("[TOC]\n\n# Satu\n\n## Dua")
    assert '<div class="toc">' in html and 'href="#dua"' in html


def test_the_extensions_kept_are_the_ones_the_content_uses():
    assert EXTENSIONS == ["tables", "footnotes", "sane_lists", "toc"]
    html = to_html(
        "## Biaya\n\n| Layanan | Tarif |\n|---|---|\n| Paspor | Rp350.000 |\n\n"
        "Dasar hukum[^1].\n\n1. Satu\n2. Dua\n\n[^1]: PP 45/2024.\n"
    )
    assert '<h2 id="biaya">Biaya</h2>' in html
    assert "<table>" in html and "<td>Rp350.000</td>" in html
    assert 'class="footnote"' in html
    assert "<ol>" in html


@pytest.mark.parametrize(
    "line, what",
    [
        ("```", "fenced code block"),
        ("~~~python", "fenced code block"),
        (": sebuah definisi", "definition list"),
        ("*[ITAS]: Izin Tinggal Terbatas", "abbreviation"),
        ("## Judul {: #biaya}", "attribute list"),
        ("Paragraf {.penting}", "attribute list"),
        ('<div markdown="1">', "Markdown inside HTML"),
    ],
)
def test_syntax_of_a_left_out_extension_is_found(line, what):
    found = left_out_syntax(f"Paragraf biasa.\n\n{line}\n")
    assert [(n, w) for n, w, _ in found if what in w] == [(2, found[0][1])]


@pytest.mark.parametrize(
    "text",
    [
        "Alamat: {{ office.address }}",
        "Biaya: Rp350.000 (catatan: lihat di bawah)",
        "{% if office.kind == 'kanwil' %}Kanwil{% endif %}",
        "    kode yang diindentasi",
    ],
)
def test_ordinary_text_is_not_mistaken_for_it(text):
    assert left_out_syntax(text) == []


def test_check_names_the_file_and_line_written_for_a_left_out_extension(project):
    path = "content/offices/alpha/berita/2026-10-01-sosialisasi.md"
    project.write(path, project.read(path) + "\n```\nkode\n```\n")
    result = CliRunner().invoke(
        main, ["check", "--root", str(project.root), "--now", "2026-11-24T12:00:00+07:00"]
    )
    lines = [line for line in result.output.splitlines() if "fenced code block" in line]
    assert len(lines) == 2  # the opening and the closing fence
    assert lines[0].startswith(f"{path}:10:") and "indent the lines by four spaces" in lines[0]


def test_the_lines_that_make_a_first_level_heading_are_the_ones_the_converter_makes_h1_of():
    text = "#paspor\n## Dua\n\nJudul\n=====\n\n    # kode\n\n=====\n<h1>HTML</h1>\n"
    assert level_one_headings(text) == [0, 3, 9]
    assert to_html(text).count("<h1") == 3
