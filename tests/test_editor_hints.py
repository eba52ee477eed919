"""An editor's slip is never lost in silence, and its hint says the edit that fixes it.

Each specification writes what an Indonesian public-relations editor really
writes (a file saved as .MD, `draft: tidak`, `20:39 WIB`, a year typed 2062,
Word markup pasted in) and reads the line `sitegen check` prints for it.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.hints import swapped_years
from sitegen.sources import word_html

NOW = "2026-11-24T12:00:00+07:00"


def check(project, *args):
    return CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW, *args])


def build(project):
    return CliRunner().invoke(main, ["build", "--root", str(project.root), "--now", NOW])


def news(date: str, extra: str = "") -> str:
    return f"---\ntitle: Sosialisasi Paspor\ndate: {date}\n{extra}---\nIsi berita.\n"


def lines_about(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if name in line]


def test_a_page_saved_as_MD_or_markdown_is_refused_with_the_name_to_rename_it_to(project):
    for name in ("2026-11-20-a.MD", "2026-11-20-b.markdown", "2026-11-20-c.Md"):
        project.write(f"content/offices/alpha/berita/{name}", news("2026-11-20 09:00"))
    result = check(project)
    assert result.exit_code == 1
    for name, fixed in (
        ("2026-11-20-a.MD", "2026-11-20-a.md"),
        ("2026-11-20-b.markdown", "2026-11-20-b.md"),
        ("2026-11-20-c.Md", "2026-11-20-c.md"),
    ):
        assert (
            f"content/offices/alpha/berita/{name}: '{name}' is never published: sitegen reads only pages "
            f"whose name ends in .md (lowercase) (rename it to {fixed})"
        ) in result.output


def test_other_files_beside_pages_are_not_taken_for_misnamed_pages(project):
    project.write("content/offices/alpha/berita/catatan.txt", "notes")
    project.write("content/offices/alpha/berita/.2026-11-20-a.md.swp", "backup")
    assert "is never published" not in check(project).output


def test_a_translation_without_its_original_is_an_error_naming_the_expected_original(project):
    offices = project.read("offices.yaml").replace(
        "    services: [paspor, izin-tinggal, plb]\n",
        "    services: [paspor, izin-tinggal, plb]\n    languages: [id, en]\n",
        1,
    )
    project.write("offices.yaml", offices)
    project.write("content/offices/alpha/layanan/jam-buka.en.md", "---\ntitle: Opening hours\n---\nText.\n")
    result = check(project)
    assert result.exit_code == 1
    assert (
        "content/offices/alpha/layanan/jam-buka.en.md: this is a translation ('.en.md') of "
        "content/offices/alpha/layanan/jam-buka.md, which does not exist (write the Indonesian page "
        "content/offices/alpha/layanan/jam-buka.md first, or rename this file without '.en'"
    ) in result.output
    assert build(project).exit_code == 1  # never published at /en/layanan/jam-buka-en/
    assert not (project.out / "alpha" / "en" / "layanan" / "jam-buka-en").exists()


def test_a_year_typed_with_two_digits_swapped_is_an_error_that_names_the_year_meant(project):
    project.write("content/offices/alpha/berita/2026-11-20-typo.md", news("2062-11-20 09:00"))
    result = check(project)
    assert result.exit_code == 1
    assert (
        "content/offices/alpha/berita/2026-11-20-typo.md:3: date 2062-11-20 09:00 is 36 years ahead: "
        "the item would stay unpublished until then (did you mean 2026? write date: 2026-11-20 09:00)"
    ) in result.output


def test_a_date_far_ahead_without_a_likely_slip_still_names_its_year(project):
    project.write("content/offices/alpha/berita/2026-11-20-far.md", news("2031-01-05"))
    result = check(project)
    assert result.exit_code == 1
    assert "date 2031-01-05 is 5 years ahead" in result.output
    assert "(check the year 2031; an item is scheduled at most a year ahead (today is 2026-11-24))" in (
        result.output
    )


def test_an_item_scheduled_within_a_year_is_not_questioned(project):
    project.write("content/offices/alpha/berita/2027-06-01-nanti.md", news("2027-06-01 09:00"))
    assert "ahead" not in check(project).output


def test_swapped_years_are_the_years_one_slip_of_two_digits_makes():
    assert 2026 in swapped_years(2062)
    assert 2026 in swapped_years(2206)
    assert 2062 not in swapped_years(2062)


def test_an_announcement_expiring_before_its_date_is_an_error_not_a_note(project):
    project.write(
        "content/offices/alpha/pengumuman/2026-11-20-libur.md",
        news("2026-11-20 09:00", "expires: 2025-11-30\n"),
    )
    result = check(project, "--strict")
    assert result.exit_code == 1
    assert (
        "content/offices/alpha/pengumuman/2026-11-20-libur.md:4: expires 2025-11-30 23:59 is before date "
        "2026-11-20 09:00: the announcement would be published as already expired (check both years; "
        "expires is the last day the announcement applies, on or after date)"
    ) in result.output
    assert "note: announcement expired" not in "\n".join(lines_about(result.output, "libur.md"))


def test_draft_tidak_is_answered_in_the_editors_words(project):
    project.write("content/offices/alpha/berita/2026-11-20-a.md", news("2026-11-20 09:00", "draft: tidak\n"))
    project.write("content/offices/alpha/berita/2026-11-21-b.md", news("2026-11-21 09:00", "draft: ya\n"))
    result = check(project)
    assert result.exit_code == 1
    assert (
        "2026-11-20-a.md:4: 'draft' must be true or false, not 'tidak' ('tidak' means publish: remove the "
        "line draft (hapus baris draft); write draft: true only to keep the page unpublished)"
    ) in result.output
    assert (
        "2026-11-21-b.md:4: 'draft' must be true or false, not 'ya' ('ya' means keep it unpublished: "
        "write draft: true; to publish, remove the line draft (hapus baris draft))"
    ) in result.output
    assert "write draft: true)" not in "\n".join(lines_about(result.output, "2026-11-20-a.md"))


def test_iya_is_read_as_the_yes_it_means(project):
    project.write("content/offices/alpha/berita/2026-11-21-b.md", news("2026-11-21 09:00", "pinned: iya\n"))
    result = check(project)
    assert (
        "2026-11-21-b.md:4: 'pinned' must be true or false, not 'iya' (write pinned: true ('iya' means yes))"
    ) in result.output


def test_draft_no_and_yes_are_read_as_yaml_reads_them_false_and_true(project):
    project.write("content/offices/alpha/berita/2026-11-20-a.md", news("2026-11-20 09:00", "draft: no\n"))
    project.write("content/offices/alpha/berita/2026-11-21-b.md", news("2026-11-21 09:00", "draft: yes\n"))
    project.write("content/offices/alpha/berita/2026-11-22-c.md", news("2026-11-22 09:00", 'draft: "no"\n'))
    result = check(project)
    assert lines_about(result.output, "2026-11-20-a.md") == []
    assert lines_about(result.output, "2026-11-21-b.md") == []
    assert "not 'no' ('no' means publish: remove the line draft" in result.output


def test_a_zone_written_in_a_date_is_to_be_dropped_the_units_zone_is_used(project):
    project.write("content/offices/alpha/berita/2026-11-20-a.md", news("2026-11-20 20:39 WIB"))
    project.write("content/offices/bravo/berita/2026-11-20-b.md", news("2026-11-20 20:39 WITA"))
    result = check(project)
    assert result.exit_code == 1
    assert (
        "2026-11-20-a.md:3: 'date': '2026-11-20 20:39 WIB' names its zone (WIB, UTC+7) (write "
        "date: 2026-11-20 20:39; the time is read in the unit's own zone, set in its settings (timezone: in "
        "offices.yaml"
    ) in result.output
    assert "names its zone (WITA, UTC+8) (write date: 2026-11-20 20:39;" in result.output


def test_the_fix_for_a_zone_in_a_date_written_as_on_a_letter_is_a_value_sitegen_reads(project):
    """Dropping 'WIB' from "05/11/2025 09.00 WIB" would leave a date sitegen cannot read either."""
    project.write("content/offices/alpha/berita/2025-11-05-a.md", news("05/11/2025 09.00 WIB"))
    project.write("content/offices/alpha/berita/2026-11-20-b.md", news("20 November 2026 20.39 WIB"))
    project.write("content/offices/alpha/berita/2026-11-21-c.md", news("besok 09.00 WIB"))
    result = check(project)
    assert (
        "'05/11/2025 09.00 WIB' names its zone (WIB, UTC+7) (write date: 2025-11-05 09:00;" in result.output
    )
    assert "'20 November 2026 20.39 WIB' names its zone (WIB, UTC+7) (write date: 2026-11-20 20:39;" in (
        result.output
    )
    assert (
        "'besok 09.00 WIB' names its zone (WIB, UTC+7) (drop 'WIB' and write the day as year-month-day, "
        "then the time, e.g. date: 2026-11-20 20:39;"
    ) in result.output


def test_a_tab_in_front_matter_is_called_a_tab_with_its_line_and_column(project):
    project.write(
        "content/offices/alpha/berita/2026-11-20-a.md",
        "---\ntitle: Sosialisasi\ndate: 2026-11-20\n\tsummary: Ringkas\n---\nIsi.\n",
    )
    result = check(project)
    assert result.exit_code == 1
    assert (
        "2026-11-20-a.md:4: front matter is not valid YAML: a tab character at line 4, column 1: YAML does "
        "not allow tabs (replace the tab with spaces (two spaces per level of indentation))"
    ) in result.output
    assert "cannot start any token" not in result.output


def test_every_line_of_front_matter_with_a_tab_is_reported_at_its_own_line(project):
    project.write(
        "content/offices/alpha/berita/2026-11-20-a.md",
        "---\ntitle: Sosialisasi\n\tdate: 2026-11-20\nimage_alt: Petugas\n\tsummary: Ringkas\n---\nIsi.\n",
    )
    result = check(project)
    assert result.exit_code == 1
    tabs = [line for line in lines_about(result.output, "2026-11-20-a.md") if "tab character" in line]
    assert [line.split(": front matter")[0].rsplit("/", 1)[-1] for line in tabs] == [
        "2026-11-20-a.md:3",
        "2026-11-20-a.md:5",
    ]
    assert "a tab character at line 5, column 1: YAML does not allow tabs" in tabs[1]


def offices_with_a_tab(project) -> int:
    """offices.yaml with one key of unit bravo indented by a tab instead of four spaces; its line."""
    path = project.root / "offices.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    timezone: Asia/Makassar", "\ttimezone: Asia/Makassar"
    )
    path.write_text(text, encoding="utf-8")
    return text.splitlines().index("\ttimezone: Asia/Makassar") + 1


def test_a_tab_in_offices_yaml_does_not_stop_check_from_checking_the_content(project):
    line = offices_with_a_tab(project)
    project.write("content/offices/alpha/berita/2026-11-20-a.md", news("2026-11-20 20:39 WIB"))
    result = check(project)
    assert result.exit_code == 1
    assert (
        f"offices.yaml:{line}: invalid YAML: a tab character at line {line}, column 1: YAML does not allow tabs"
    ) in result.output
    assert "2026-11-20-a.md:3: 'date': '2026-11-20 20:39 WIB' names its zone (WIB, UTC+7)" in result.output


def test_a_tab_in_offices_yaml_still_stops_a_build_before_it_writes_anything(project):
    line = offices_with_a_tab(project)
    result = build(project)
    assert result.exit_code != 0
    assert f"offices.yaml:{line}: invalid YAML: a tab character at line {line}" in result.output
    assert not (project.root / "public").exists()


def test_a_picture_over_the_size_limit_is_named_too_large_once_with_its_size(project):
    folder = "content/offices/alpha/berita/2026-11-20-foto"
    project.write(
        f"{folder}/index.md",
        news("2026-11-20 09:00", "image: foto.jpg\nimage_alt: Petugas melayani pemohon\n"),
    )
    (project.root / folder / "foto.jpg").write_bytes(b"\0" * (27 * 1024 * 1024))
    result = check(project)
    assert result.exit_code == 1
    lines = lines_about(result.output, "2026-11-20-foto/index.md")
    assert lines == [
        f"{folder}/index.md:4: picture foto.jpg: the picture is too large: 27 MB; at most 20 MB "
        "(make it smaller in a photo editor (2000 pixels wide is plenty))"
    ]


def test_a_broken_link_suggests_the_closest_address_of_the_unit(project):
    project.write(
        "content/offices/alpha/berita/2026-11-20-a.md",
        news("2026-11-20 09:00") + "\nLihat [biaya](/layanan/biaya-paspor-baru/).\n",
    )
    result = check(project)
    assert result.exit_code == 1
    assert (
        "2026-11-20-a.md:7: broken link /layanan/biaya-paspor-baru/ [unit alpha] "
        "(did you mean /layanan/biaya-paspor/? link to a page this unit publishes"
    ) in result.output


def test_a_mistyped_unit_id_is_one_error_at_its_line_not_broken_links_in_other_units(project):
    project.write(
        "content/shared/layanan/biaya-paspor.md",
        "---\ntitle: Biaya Paspor\nservices: [paspor]\noffices: [alpah, bravo]\nverified: 2026-11-01\n"
        "source: PP 45/2024\n---\n| Jenis | Biaya |\n|---|---|\n| Elektronik | Rp950.000 |\n",
    )
    result = check(project)
    assert result.exit_code == 1
    errors = [
        line
        for line in result.output.splitlines()
        if ": warning: " not in line
        and ": note: " not in line
        and " error, " not in line
        and " errors, " not in line
    ]
    assert errors == [
        "content/shared/layanan/biaya-paspor.md:4: unknown unit id 'alpah' in offices (did you mean 'alpha'? "
        "use one of: alpha, bravo, rudenim, wilayah)"
    ]
    assert "broken link" not in result.output


def test_word_markup_is_published_as_plain_html_and_named_at_its_line(project):
    project.write(
        "content/offices/alpha/berita/2026-11-20-word.md",
        news("2026-11-20 09:00")
        + "\nPersyaratan:\n\n"
        + '<p class="MsoNormal" style="margin-left:18.0pt;mso-list:l0 level1 lfo1">'
        + '<span style="mso-list:Ignore">1.<span style="font:7.0pt">&nbsp;&nbsp;&nbsp; </span></span>'
        + "Paspor biasa<o:p></o:p></p>\n"
        + '<p class="MsoNormal" style="mso-list:l0 level1 lfo1">2.&nbsp;&nbsp;&nbsp; KTP<o:p></o:p></p>\n',
    )
    result = check(project)
    assert (
        "content/offices/alpha/berita/2026-11-20-word.md:9: warning: text pasted from Word or another office "
        "program (Mso classes, Word styles, <o:p> tags, list numbers typed with spaces); it is published "
        "cleaned (paste as plain text (Ctrl+Shift+V)"
    ) in result.output
    assert build(project).exit_code == 0
    page = (project.out / "alpha" / "berita" / "word" / "index.html").read_text(encoding="utf-8")
    assert "<ol><li>Paspor biasa</li><li>KTP</li></ol>" in page
    for left in ("Mso", 'style=""', "mso-", "o:p", "&nbsp;&nbsp;"):
        assert left not in page


def test_word_cleaning_keeps_hand_written_html_as_it_is():
    written = '<p class="lead">Tahun 2026.&nbsp;Selesai.</p><td style="text-align: right">1</td>'
    assert word_html.clean(written) == written


def test_word_cleaning_keeps_the_first_number_and_turns_bullets_into_a_list():
    pasted = (
        '<p class="MsoListParagraph">3.&nbsp;&nbsp; Tiga</p>\n<p class="MsoListParagraph">4.&nbsp;&nbsp; Empat</p>'
        '\n<p class="MsoListParagraph">·&nbsp;&nbsp;&nbsp; Titik</p>\n<p>Akhir</p>'
    )
    assert word_html.clean(pasted) == (
        '<ol start="3"><li>Tiga</li><li>Empat</li></ol><ul><li>Titik</li></ul>\n<p>Akhir</p>'
    )


def test_word_table_cells_lose_their_empty_and_word_styles_but_keep_alignment():
    pasted = (
        '<table class="MsoTableGrid"><tr><td style="" class="MsoNormal">a</td>'
        '<td style="text-align: right">b</td><td style="width:50pt;mso-yfti-firstrow:yes">c</td></tr></table>'
    )
    assert word_html.clean(pasted) == (
        '<table><tr><td>a</td><td style="text-align: right">b</td><td>c</td></tr></table>'
    )


@pytest.mark.parametrize(
    "text",
    [
        "<p>Paspor biasa untuk WNI, tanpa jejak Word.</p>",
        '<p class="MSONORMAL">a</p>',
        '<p style="MSO-list:l0">a</p>',
        "<O:P></O:P>",
        "<!--[IF gte mso 9]><![endif]-->",
        "1.&NBSP;&nbsp; Satu",
        "2.\xa0\xa0 Dua",
        "3.&#160;&#160; Tiga",
        "<p class=m\u017fo-x>\u0131 \u0130</p>",  # letters the case-blind match takes for s and i
        "<!--[\u0130f x]>",
        "Tahun 2026.&nbsp;Selesai.",
    ],
)
def test_the_quick_look_for_word_traces_agrees_with_the_full_search(text):
    assert word_html.has_traces(text) == (word_html.traces(text) is not None)
