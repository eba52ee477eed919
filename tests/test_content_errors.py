"""Bad content: every problem reported in one run as path:line: message (hint), exit 1, no traceback,
and the sites that were there stay as they were."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.project import load_project
from sitegen.cli import main
from sitegen.errors import BuildFailed

NOW = "2026-11-24T12:00:00+07:00"


def run(project, *args):
    return CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW, *args])


def problems_of(project) -> list[str]:
    try:
        build(load_project(project.root), BuildOptions(now=datetime(2026, 11, 24, tzinfo=UTC)))
    except BuildFailed as exc:
        return [str(p) for p in exc.problems]
    return []


def test_broken_yaml_in_front_matter_names_file_and_line(project):
    project.write(
        "content/offices/alpha/berita/x.md", "---\ntitle: Rapat: evaluasi\ndate: 2026-10-01\n---\nIsi\n"
    )
    (problem,) = problems_of(project)
    assert problem.startswith("content/offices/alpha/berita/x.md:2: front matter is not valid YAML")
    assert "quote a title" in problem


def test_a_missing_title_is_an_error(project):
    project.write("content/shared/layanan/x.md", "---\nsummary: tanpa judul\n---\nIsi\n")
    assert problems_of(project) == [
        "content/shared/layanan/x.md:2: missing title (add a line like 'title: Paspor Baru')"
    ]


def test_an_empty_title_is_said_to_be_empty_not_missing(project):
    project.write("content/shared/layanan/x.md", '---\ntitle: ""\n---\nIsi\n')
    assert problems_of(project) == [
        "content/shared/layanan/x.md:2: title is empty (write it after the colon, e.g. 'title: Paspor Baru')"
    ]


def test_a_date_problem_that_shows_the_form_gets_another_hint(project):
    project.write("content/offices/alpha/berita/x.md", "---\ntitle: X\ndate: 20 November 2026\n---\nIsi\n")
    (problem,) = problems_of(project)
    assert problem.count("2024-12-01 09:30") == 1, problem


def test_an_unparseable_date_names_the_line_and_the_accepted_forms(project):
    project.write("content/offices/alpha/berita/x.md", "---\ntitle: X\ndate: 31/12/2026\n---\nIsi\n")
    (problem,) = problems_of(project)
    assert problem.startswith("content/offices/alpha/berita/x.md:3: 'date': cannot read date '31/12/2026'")


def test_news_without_a_date_is_an_error(project):
    project.write("content/offices/alpha/berita/x.md", "---\ntitle: X\n---\nIsi\n")
    (problem,) = problems_of(project)
    assert "missing date" in problem


def test_an_unknown_unit_in_offices_is_an_error(project):
    project.write("content/shared/layanan/x.md", "---\ntitle: X\noffices: [alpha, pontianak]\n---\nIsi\n")
    (problem,) = problems_of(project)
    assert problem.startswith("content/shared/layanan/x.md:3: unknown unit id 'pontianak' in offices")
    assert "alpha, bravo, rudenim, wilayah" in problem


def test_a_page_in_a_misspelled_section_folder_is_an_error_that_names_the_section_meant(project):
    """A typo in a folder name would otherwise publish a new section on every unit given the file."""
    project.write("content/shared/layanann/x.md", "---\ntitle: X\n---\nIsi\n")
    project.write(
        "content/offices/alpha/beritaa/2026-10-09-y.md", "---\ntitle: Y\ndate: 2026-10-09\n---\nY\n"
    )
    project.write("content/shared/lain-lain/z.md", "---\ntitle: Z\n---\nZ\n")
    result = run(project)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "content/offices/alpha/beritaa/2026-10-09-y.md:1: folder beritaa/ is not a section of the sites, so its "
        "pages would be published as a new section (did you mean berita/? move the file into "
        "content/offices/alpha/berita/)"
    ) in result.output
    assert "content/shared/layanann/x.md:1: folder layanann/ " in result.output
    assert "(did you mean layanan/? move the file into content/shared/layanan/)" in result.output
    assert (
        "content/shared/lain-lain/z.md:1: folder lain-lain/ is not a section of the sites, so its pages would "
        "be published as a new section (move the file into one of the sections of content/shared/: berita, "
        "pengumuman, layanan, informasi-publik, profil, langganan)"
    ) in result.output
    assert "3 errors; nothing was written." in result.output
    assert not (project.out / "alpha").exists()


def test_every_section_the_sites_have_and_the_top_of_a_scope_hold_pages(project):
    for folder in ("shared", "offices/alpha"):
        project.write(f"content/{folder}/langganan/_index.md", "---\ntitle: Langganan\n---\nIkuti kami.\n")
        project.write(f"content/{folder}/informasi-publik/x.md", "---\ntitle: X\n---\nIsi\n")
        project.write(f"content/{folder}/profil/y.md", "---\ntitle: Y\n---\nIsi\n")
    project.write("content/offices/alpha/_index.md", "---\ntitle: Beranda Alpha\n---\nSelamat datang.\n")
    assert problems_of(project) == []


def test_a_lang_the_page_cannot_be_published_in_is_an_error_at_its_lang_line(project):
    """Not a broken topic link at an output path, nor a traceback for a language nobody knows."""
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace(
            "    services: [paspor, izin-tinggal, plb]",
            "    languages: [id, en]\n    services: [paspor, izin-tinggal, plb]",
        ),
    )
    news = "---\ntitle: Razia\nlang: en\ndate: 2026-10-09 10:00\ntags: [perbatasan]\n---\nIsi\n"
    project.write("content/offices/alpha/berita/2026-10-09-razia.md", news)
    project.write("content/offices/bravo/layanan/jadwal.md", "---\ntitle: Schedule\nlang: en\n---\nIsi\n")
    project.write("content/offices/alpha/layanan/jam.md", "---\ntitle: Hours\nlang: EN\n---\nIsi\n")
    project.write("content/shared/layanan/x.md", "---\ntitle: X\nlang: xx\nkinds: [rudenim]\n---\nIsi\n")
    result = run(project)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "content/offices/alpha/berita/2026-10-09-razia.md:3: lang: en: news and announcements are published "
        "in the site's own language (id) [unit alpha] (remove the lang line, and write the item in the "
        "site's own language)"
    ) in result.output
    assert (
        "content/offices/bravo/layanan/jadwal.md:3: lang: en is not a language of this site (id) [unit bravo] "
        "(remove the lang line (the page is then in id); a page in English is a translation, NAME.en.md "
        "beside the page it translates, for the units whose languages: in offices.yaml name en)"
    ) in result.output
    assert (
        "content/offices/alpha/layanan/jam.md:3: lang: EN is not a language of this site (id, en) [unit alpha] "
        "(did you mean lang: en? (or remove the lang line))"
    ) in result.output
    assert "content/shared/layanan/x.md:3: lang: xx is not a language of this site (id) [unit rudenim]" in (
        result.output
    )
    assert "index.html" not in result.output
    assert "4 errors; nothing was written." in result.output


def test_an_unknown_front_matter_key_suggests_the_right_one(project):
    project.write("content/shared/layanan/x.md", "---\ntitle: X\ntag: [a]\n---\nIsi\n")
    (problem,) = problems_of(project)
    assert "x.md:3: unknown front matter key 'tag' (did you mean 'tags'?" in problem


def test_two_pages_claiming_the_same_url_are_an_error(project):
    project.write(
        "content/offices/alpha/berita/2026-10-02-sosialisasi.md", "---\ntitle: Y\ndate: 2026-10-02\n---\nY\n"
    )
    (problem,) = problems_of(project)
    assert "URL /berita/sosialisasi/ is claimed by both" in problem
    assert "2026-10-01-sosialisasi.md" in problem and "2026-10-02-sosialisasi.md" in problem


def test_an_unknown_office_variable_names_file_line_and_unit(project):
    project.write("content/shared/layanan/x.md", "---\ntitle: X\n---\nSatu\n\nAlamat: {{ office.adress }}\n")
    problems = problems_of(project)
    assert problems, "an unknown name must fail the build"
    assert problems == [
        "content/shared/layanan/x.md:6: {{ office.adress }}: unknown name 'adress' "
        "[units alpha, bravo, rudenim, wilayah] (" + problems[0].split(" (", 1)[1]
    ], "one message for the file, naming every unit, in the editor's words"
    assert "SimpleNamespace" not in problems[0] and "office.address" in problems[0]


def test_an_office_variable_in_a_title_is_refused_at_its_line_since_only_the_body_fills_it_in(project):
    # readers saw "Jam Layanan {{ office.short_name }}" as written, in the title and the feeds
    project.write(
        "content/shared/layanan/jam.md",
        "---\ntitle: Jam Layanan {{ office.short_name }}\nsummary: Jam {% if true %}buka{% endif %}\n---\nIsi\n",
    )
    assert problems_of(project) == [
        "content/shared/layanan/jam.md:2: 'title' cannot hold {{ }} or {% %}: they are filled in only in the "
        "page's text (write it in words (e.g. 'title: Jam dan Lokasi Layanan'); {{ office.name }} works below "
        "the front matter)",
        "content/shared/layanan/jam.md:3: 'summary' cannot hold {{ }} or {% %}: they are filled in only in the "
        "page's text (write it in words (e.g. 'title: Jam dan Lokasi Layanan'); {{ office.name }} works below "
        "the front matter)",
    ]


def test_content_cannot_reach_beyond_office_data(project):
    project.write("content/shared/layanan/x.md", "---\ntitle: X\n---\n{{ office.__class__.__mro__ }}\n")
    assert any("x.md:4:" in p for p in problems_of(project))


def test_a_file_that_is_not_utf8_is_an_error(project):
    path = project.root / "content/shared/layanan/x.md"
    path.write_bytes("---\ntitle: Biaya\n---\nRp350.000 \u2014 ".encode() + b"caf\xe9\n")
    (problem,) = problems_of(project)
    assert problem.startswith("content/shared/layanan/x.md:4: not UTF-8 text")
    assert "save the file as UTF-8" in problem


def test_a_broken_internal_link_is_an_error_with_its_line(project):
    project.write(
        "content/shared/informasi-publik/x.md", "---\ntitle: X\n---\nLihat\n[biaya](/layanan/biaya/).\n"
    )
    problems = problems_of(project)
    assert problems and all(
        p.startswith("content/shared/informasi-publik/x.md:5: broken link /layanan/biaya/") for p in problems
    )


def test_a_broken_address_written_twice_is_reported_at_each_line_that_writes_it(project):
    # the picture's line came first and hid the link's: fixing one left the other unreported
    project.write(
        "content/shared/informasi-publik/x.md",
        "---\ntitle: X\n---\n![Foto](/img/tidak-ada.jpg)\n\nUnduh [foto](/img/tidak-ada.jpg).\n"
        "Bukan alamat yang sama: [lain](/img/tidak-ada.jpg.zip)\n",
    )
    lines = {p.split(": ", 1)[0] for p in problems_of(project) if "/img/tidak-ada.jpg " in p + " "}
    assert lines == {"content/shared/informasi-publik/x.md:4", "content/shared/informasi-publik/x.md:6"}


def test_a_page_refused_for_a_mistake_is_the_one_error_not_every_link_to_it(project):
    # the links work once the page is fixed: reporting them too sent editors to the wrong file
    project.write("content/shared/layanan/x.md", "---\ntitle: X\nweight: sepuluh\n---\nIsi\n")
    project.write("content/shared/informasi-publik/y.md", "---\ntitle: Y\n---\nLihat [x](/layanan/x/).\n")
    project.write(
        "content/shared/informasi-publik/w.md",
        "---\ntitle: W\n---\n[x](/layanan/x/) [salah](/layanan/tidak-ada/)\n",
    )
    problems = problems_of(project)
    assert [p.split(": ", 1)[0] for p in problems if "layanan/x" in p] == ["content/shared/layanan/x.md:3"]
    assert any(
        p.startswith("content/shared/informasi-publik/w.md:4: broken link /layanan/tidak-ada/")
        for p in problems
    )


def test_a_units_own_refused_page_explains_broken_links_in_that_unit_only(project):
    project.write("content/offices/alpha/layanan/x.md", "---\ntitle: X\nweight: sepuluh\n---\nIsi\n")
    project.write("content/shared/informasi-publik/y.md", "---\ntitle: Y\n---\nLihat [x](/layanan/x/).\n")
    broken = [p for p in problems_of(project) if "broken link /layanan/x/" in p]
    assert broken and all("alpha" not in p.rsplit("[", 1)[1] for p in broken)


def test_a_link_to_a_page_the_unit_does_not_publish_is_an_error_for_that_unit_only(project):
    # the fee page is for units offering passports; the Rudenim does not publish it
    project.write(
        "content/shared/informasi-publik/x.md", "---\ntitle: X\n---\n[biaya](/layanan/biaya-paspor/)\n"
    )
    problems = problems_of(project)
    assert [p.rsplit("[", 1)[1].split("]")[0] for p in problems] == ["units rudenim, wilayah"]


def test_every_error_is_reported_in_one_run_and_the_cli_exits_1_without_traceback(project):
    project.write("content/shared/layanan/a.md", "---\nsummary: x\n---\nIsi\n")
    project.write("content/offices/alpha/berita/b.md", "---\ntitle: B\ndate: kemarin\n---\nIsi\n")
    project.write("content/shared/layanan/c.md", "---\ntitle: C\nkinds: [kantor]\n---\nIsi\n")
    result = run(project)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("content/")]
    assert [line.split(":")[0] for line in lines] == [
        "content/offices/alpha/berita/b.md",
        "content/shared/layanan/a.md",
        "content/shared/layanan/c.md",
    ]
    assert "3 errors; nothing was written." in result.output


def test_a_failed_build_leaves_the_earlier_sites_in_place(project):
    assert run(project).exit_code == 0
    before = (project.out / "alpha/layanan/paspor-baru/index.html").read_bytes()
    project.write(
        "content/shared/layanan/paspor-baru.md", "---\ntitle: Paspor Baru\n---\nBaru {{ office.nama }}\n"
    )
    assert run(project).exit_code == 1
    assert (project.out / "alpha/layanan/paspor-baru/index.html").read_bytes() == before
    assert not (project.out / ".sitegen/staging").exists()


def test_a_bad_offices_yaml_fails_before_any_content_is_read(project):
    project.write(
        "offices.yaml", project.read("offices.yaml").replace("kind: kanwil", "kind: kanwil\n    colour: red")
    )
    result = run(project)
    assert result.exit_code == 1
    assert "offices.yaml:" in result.output and "unknown key 'colour'" in result.output


def test_a_quote_left_open_in_front_matter_is_reported_at_the_line_it_opens(project):
    project.write(
        "content/offices/alpha/berita/x.md",
        '---\ntitle: "Jadwal pelayanan\ndate: 2026-10-01\n---\nIsi\n',
    )
    assert problems_of(project) == [
        'content/offices/alpha/berita/x.md:2: front matter is not valid YAML: the quote " that opens this '
        'value is not closed on this line (add the closing " at the end of the value, or remove the opening one)'
    ]


def test_a_quote_left_open_and_closed_lines_later_is_reported_though_yaml_reads_it(project):
    # the quote ending the summary closes the title's: YAML reads one long title, the summary is lost
    project.write(
        "content/offices/alpha/berita/x.md",
        '---\ntitle: "Jadwal pelayanan\nsummary: Jadwal baru"\ndate: 2026-10-01\n---\nIsi\n',
    )
    assert problems_of(project) == [
        'content/offices/alpha/berita/x.md:2: front matter is not valid YAML: the quote " that opens this '
        'value is not closed on this line (add the closing " at the end of the value, or remove the opening one)'
    ]


def test_a_title_quoted_over_two_lines_is_still_one_title(project):
    project.write(
        "content/offices/alpha/berita/x.md",
        '---\ntitle: "Jadwal pelayanan\n  paspor di hari libur"\ndate: 2026-10-01\n---\nIsi\n',
    )
    assert problems_of(project) == []


def test_a_front_matter_key_written_twice_is_reported_at_its_second_line_naming_the_first(project):
    project.write(
        "content/offices/alpha/berita/x.md",
        "---\ntitle: Jadwal\ndate: 2026-10-01\ntitle: Jadwal pelayanan\n---\nIsi\n",
    )
    assert problems_of(project) == [
        "content/offices/alpha/berita/x.md:4: front matter is not valid YAML: the key 'title' is written twice "
        "(first at line 2) (keep one 'title:' line and delete the other; if this one belongs to another part, "
        "indent it like that part's keys)"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Satu\n\n{% if office.name %}\nHalo\n\nDua\n",
            "x.md:6: {% if %} is never closed [units alpha, bravo, rudenim, wilayah] "
            "(write {% endif %} where the text it governs ends)",
        ),
        (
            "Satu\n\nAlamat: {{ office.address }\n",
            "x.md:6: a {{ is not closed with }} [units alpha, bravo, rudenim, wilayah] "
            "(write two braces after the name, e.g. {{ office.name }})",
        ),
        (
            "{% for p in office.entry_points %}\n{{ p }}\n{% endif %}\n",
            "x.md:6: {% endif %} while the {% for %} before it is still open",
        ),
        ("Satu\n{% endif %}\n", "x.md:5: {% endif %} without a {% if … %} before it"),
        ("Satu\n{% tampilkan office.name %}\n", "x.md:5: unknown tag {% tampilkan %}"),
    ],
)
def test_a_slip_in_the_braces_of_a_shared_page_is_named_at_its_line_without_jinjas_words(
    project, body, expected
):
    project.write("content/shared/layanan/x.md", "---\ntitle: X\n---\n" + body)
    (problem,) = problems_of(project)
    assert expected in problem
    assert "Jinja" not in problem and "Encountered" not in problem


def test_an_unclosed_if_in_a_theme_template_is_named_in_words_not_jinjas(project):
    page = project.read("themes/default/templates/page.html")
    project.write(
        "themes/default/templates/page.html", page.replace("<article>", "<article>{% if page.title %}", 1)
    )
    # one slip, one message naming the units met: not one per page made with the template
    (problem,) = problems_of(project)
    assert problem.startswith("themes/default/templates/page.html:")
    assert "template error: {% endblock %} while the {% if %} before it is still open" in problem
    assert "[units alpha, bravo, rudenim, wilayah]" in problem
    assert problem.endswith("(close it first with {% endif %}, or remove this {% endblock %})")
