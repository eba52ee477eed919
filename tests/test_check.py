"""`sitegen check`: every problem in one run, nothing written, exit 1 on errors only (or warnings with --strict)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"


def check(project, *args):
    return CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW, *args])


def real_data(project) -> None:
    """Replace the fixture's placeholder-looking unit data with plausible real-looking values."""
    offices = project.read("offices.yaml").replace(".example.go.id/", ".imigrasi.go.id/")
    offices = offices.replace("Jl. Contoh No.", "Jl. Merdeka No.").replace(
        "(0561) 000000 — contoh", "(0561) 765432"
    )
    offices = offices.replace("    base_url:", "    contacts: {email: humas@uji.go.id}\n    base_url:")
    offices = offices.replace(
        "    contacts: {email: humas@uji.go.id}\n    base_url: https://alpha", "    base_url: https://alpha"
    )
    project.write("offices.yaml", offices)


def test_clean_content_passes_and_nothing_is_written(project):
    real_data(project)
    result = check(project)
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output
    assert not project.out.exists()


def test_example_data_fails_strict_and_names_each_placeholder(project):
    result = check(project, "--strict")
    assert result.exit_code == 1
    assert (
        "offices.yaml:16: warning: unit alpha: base_url 'https://alpha.example.go.id/' looks like a placeholder"
        in result.output
    )
    assert (
        "warning: unit alpha: contacts.phone '(0561) 000000 — contoh' looks like a placeholder"
        in result.output
    )
    assert "warning: unit bravo: readers have no real way to reach it" in result.output


def test_errors_a_build_would_find_are_all_reported_in_one_run(project):
    project.write("content/shared/layanan/a.md", "---\ntitle: A\n---\n[x](/layanan/tidak-ada/)\n")
    project.write("content/offices/alpha/berita/b.md", "---\ntitle: B\ndate: besok\n---\nx\n")
    project.write("content/offices/alpha/berita/c.md", "---\ntitle: C\ndate: 2024-02-31\n---\nx\n")
    project.write("content/shared/profil/d.md", "---\ntitle: D\n---\n{{ office.alamat_tidak_ada }}\n")
    project.write("content/offices/bravo/berita/e.md", "---\ntitle: E\n---\nx\n")
    result = check(project)
    assert result.exit_code == 1
    out = result.output
    assert "content/offices/alpha/berita/b.md:3: 'date': cannot read date 'besok'" in out
    assert "content/offices/alpha/berita/c.md:3: 'date': '2024-02-31': that day does not exist" in out
    assert "content/offices/bravo/berita/e.md:2: missing date" in out
    assert (
        "content/shared/profil/d.md:4: {{ office.alamat_tidak_ada }}: unknown name 'alamat_tidak_ada'" in out
    )
    units = "[units alpha, bravo, rudenim, wilayah]"
    assert f"content/shared/layanan/a.md:4: broken link /layanan/tidak-ada/ {units}" in out
    assert "5 errors" in out  # each problem once per file, whatever number of units meet it


def test_a_link_into_another_units_site_is_checked(project):
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli\ndate: 2026-10-05 14:00\n---\n"
        "[ada](https://bravo.example.go.id/berita/wbk/) dan [tidak](https://bravo.example.go.id/berita/hilang/)\n",
    )
    result = check(project)
    assert result.exit_code == 1
    assert (
        "link to https://bravo.example.go.id/berita/hilang/, which unit bravo does not publish [unit alpha]"
        in result.output
    )
    assert "berita/wbk/" not in result.output


def test_aliases_count_as_pages_for_links(project):
    project.write(
        "content/shared/layanan/biaya-paspor.md",
        "---\ntitle: Biaya\nservices: [paspor]\naliases: [/tarif/]\n---\nx\n",
    )
    project.write(
        "content/offices/alpha/berita/2026-10-05-patroli.md",
        "---\ntitle: Patroli\ndate: 2026-10-05 14:00\n---\n[tarif](/tarif/)\n",
    )
    assert check(project).exit_code == 0


def test_an_expired_announcement_is_a_note_and_strict_still_passes(project):
    """An archive of expired notices is the normal state: information, not a warning."""
    real_data(project)
    result = check(project, "--now", "2027-01-05T00:00:00+07:00")
    assert result.exit_code == 0
    assert (
        "content/offices/alpha/pengumuman/2026-11-18-libur.md:4: note: announcement expired on "
        "2027-01-02 23:59 [unit alpha]"
    ) in result.output
    assert "0 errors, 0 warnings, 1 note" in result.output
    assert check(project, "--now", "2027-01-05T00:00:00+07:00", "--strict").exit_code == 0


def test_the_advice_for_an_expired_announcement_is_what_the_published_address_guard_accepts(project):
    """Deleting a published announcement fails the next build; gone: (or a later expires:) does not."""
    later = "2027-01-05T00:00:00+07:00"
    notice = "content/offices/alpha/pengumuman/2026-11-18-libur.md"
    result = check(project, "--now", later)
    assert (
        "(it stays published in the archive, as announcements do; if it still applies, move its expires "
        'date; to take it down, keep the file and add gone: "why it was withdrawn" (deleting the file would '
        "break its published address))"
    ) in result.output
    build = ["build", "--root", str(project.root), "--now", later, "-q"]
    assert CliRunner().invoke(main, build).exit_code == 0
    text = project.read(notice)
    (project.root / notice).unlink()
    assert CliRunner().invoke(main, build).exit_code == 1
    project.write(notice, text.replace("title: Libur Natal\n", 'title: Libur Natal\ngone: "Sudah lewat"\n'))
    assert CliRunner().invoke(main, build).exit_code == 0


def test_slips_a_build_publishes_without_a_word_are_warnings_at_their_lines(project):
    """A file name's date that differs from date:, a second <h1>, a title search results cut off,
    a tag the network's topics do not list: each named where it is written, failing --strict."""
    real_data(project)
    topics = (
        "  topics: {paspor: Paspor, sosialisasi: Sosialisasi, perbatasan: Perbatasan, zona-integritas: ZI}\n"
    )
    project.write("offices.yaml", project.read("offices.yaml").replace("units:\n", topics + "units:\n", 1))
    project.write(
        "content/offices/alpha/berita/2026-09-24-razia.md",
        "---\ntitle: Razia\ndate: 2026-10-01 10:00\ntags: [pasport, paspor]\n---\n# Razia\n\nIsi.\n",
    )
    long_title = "Pengumuman " + "sangat panjang " * 8 + "sekali"
    project.write(
        "content/shared/layanan/x.md", f"---\ntitle: {long_title}\n---\nIsi.\n\nJudul\n=====\n\n## Baik\n"
    )
    result = check(project)
    assert result.exit_code == 0, result.output
    razia = "content/offices/alpha/berita/2026-09-24-razia.md"
    assert (
        f"{razia}:3: warning: the file name says 2026-09-24 but date: says 2026-10-01; lists and feeds follow "
        "date: (correct whichever is wrong: rename 2026-09-24-razia.md to 2026-10-01-razia.md (its address "
        "stays the same), or date:)"
    ) in result.output
    assert (
        f"{razia}:4: warning: tag 'pasport' is not one of the network's topics (network.topics in offices.yaml) "
        "(did you mean 'paspor'? or add pasport to network.topics in offices.yaml (the web editor offers only "
        "the topics listed there))"
    ) in result.output
    assert (
        f"{razia}:6: warning: a first-level heading in the text: the title is already the page's heading, so "
        "it would have two (write it as a second-level heading, with ## (<h2> in HTML))"
    ) in result.output
    assert "content/shared/layanan/x.md:6: warning: a first-level heading in the text" in result.output
    assert (
        f"content/shared/layanan/x.md:2: warning: the title is {len(long_title)} characters long: search "
        "results and feeds show about 120 at most (shorten it to 120 characters or fewer; put the rest in "
        "summary: or the text)"
    ) in result.output
    assert "0 errors, 5 warnings" in result.output
    assert check(project, "--strict").exit_code == 1


def test_a_script_handler_or_script_link_the_page_leaves_out_is_a_warning_at_its_line(project):
    """The editor sees it in the file; readers never get it. An example in a code block is shown, not removed."""
    real_data(project)
    project.write(
        "content/shared/layanan/x.md",
        "---\ntitle: X\n---\nIsi.\n\n<script>hitung()</script>\n\n"
        '<img src="/static/logo.svg" alt="Logo" onerror="curi()">\n\n[Daftar](javascript:daftar())\n\n'
        "    <script>contoh()</script>\n",
    )
    project.write("content/shared/layanan/y.md", "---\ntitle: Y\n---\nKode: `<script>` tidak dijalankan.\n")
    result = check(project)
    removed = [line for line in result.output.splitlines() if "left out of the published page" in line]
    assert [line.split(": warning: ")[0] for line in removed] == [
        "content/shared/layanan/x.md:6",
        "content/shared/layanan/x.md:8",
        "content/shared/layanan/x.md:10",
    ]
    assert [line.split(": warning: ")[1].split(" ", 1)[0] for line in removed] == [
        "<script>",
        "onerror=",
        "javascript:",
    ]


def test_coverage_comes_with_json_output(project):
    import json

    result = check(project, "--format", "json", "--coverage")
    report = json.loads(result.output)
    assert report["coverage"]["layanan/pas-lintas-batas.md"]["alpha"] == "+"
    assert report["coverage"]["layanan/pas-lintas-batas.md"]["bravo"] == "-services"


def test_a_shared_page_no_unit_publishes_is_a_warning(project):
    project.write(
        "content/shared/layanan/kosong.md",
        "---\ntitle: Kosong\nkinds: [kanwil]\nservices: [paspor]\n---\nx\n",
    )
    result = check(project)
    assert "content/shared/layanan/kosong.md:1: warning: no unit publishes this shared page" in result.output


def test_missing_translations_and_english_at_indonesian_addresses_are_warnings(project):
    """A unit declaring English should have every foreigner page in English, as NAME.en.md."""
    project.write(
        "offices.yaml",
        project.read("offices.yaml").replace(
            "    services: [paspor, izin-tinggal, plb]",
            "    languages: [id, en]\n    services: [paspor, izin-tinggal, plb]",
        ),
    )
    project.write(
        "content/shared/layanan/wna/itas.md",
        "---\ntitle: Izin Tinggal Terbatas\nservices: [izin-tinggal]\n---\nx\n",
    )
    project.write(
        "content/shared/layanan/wna/ikt.md",
        "---\ntitle: Izin Kunjungan\nservices: [izin-tinggal]\n---\nx\n",
    )
    project.write(
        "content/shared/layanan/wna/ikt.en.md",
        "---\ntitle: Visit Permit\nservices: [izin-tinggal]\n---\nx\n",
    )
    project.write(
        "content/shared/layanan/wna/itk.md",
        "---\ntitle: Visit Stay Permit\nlang: en\noffices: [alpha]\nservices: [izin-tinggal]\n---\nx\n",
    )
    result = check(project)
    assert (
        "layanan/wna/itas.md:1: warning: foreigner-facing page has no English translation [unit alpha]"
        in result.output
    )
    assert "ikt.md:1: warning: foreigner-facing page has no English translation" not in result.output
    assert "layanan/wna/itk.md:3: warning: a page in 'en' at an address of the id site" in result.output


def test_json_for_machines(project):
    project.write("content/shared/layanan/a.md", "---\ntitel: A\n---\nx\n")
    result = check(project, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["errors"] == 2
    assert {
        "path": "content/shared/layanan/a.md",
        "line": 2,
        "severity": "error",
        "code": "unknown-key",
        "message": "unknown front matter key 'titel'",
        "hint": "did you mean 'title'? Keys of your own go under params:",
        "units": [],
        "key": "titel",
    } in report["problems"]


def test_coverage_shows_who_publishes_what(project):
    result = check(project, "--coverage")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split() for line in lines if " = " in line and line.split()[0].isdigit()] == [
        ["1", "=", "alpha"],
        ["2", "=", "bravo"],
        ["3", "=", "rudenim"],
        ["4", "=", "wilayah"],
    ]
    row = next(line for line in lines if line.startswith("layanan/paspor-baru.md"))
    assert row.split()[1:] == ["+", "own", "-s", "-s"]


def test_a_future_page_that_would_clash_fails_now_not_on_its_date(project):
    project.write(
        "content/offices/alpha/pengumuman/2027-11-18-libur.md",
        "---\ntitle: Libur Natal 2027\ndate: 2027-11-18 08:00\n---\nTutup.\n",
    )
    result = check(project)
    assert result.exit_code == 1
    assert (
        "content/offices/alpha/pengumuman/2027-11-18-libur.md:1: on 2027-11-18 08:00 this page will claim "
        "/pengumuman/libur/, which offices/alpha/pengumuman/2026-11-18-libur.md already has"
    ) in result.output


def test_a_dated_tagged_shared_page_and_a_missing_image_blame_the_file_that_caused_them(project):
    project.write(
        "content/shared/layanan/biaya-paspor.md",
        "---\ntitle: Biaya\ndate: 2026-01-15\ntags: [zona-integritas]\n---\nx\n",
    )
    project.write(
        "content/offices/alpha/berita/2026-11-01-foto.md",
        "---\ntitle: Foto\ndate: 2026-11-01\nimage: /static/img/tidak-ada.jpg\n---\nx\n",
    )
    result = check(project)
    assert "template" not in result.output
    assert (
        "content/offices/alpha/berita/2026-11-01-foto.md:4: image /static/img/tidak-ada.jpg is not a file"
        in result.output
    )
    assert "1 error," in result.output


def test_the_coverage_table_fits_a_terminal_and_says_why_a_page_is_not_published(project):
    result = check(project, "--coverage")
    lines = result.stdout.splitlines()
    table = lines[next(i for i, line in enumerate(lines) if line.startswith("Who publishes")) :]
    assert max(len(line) for line in table) <= 100
    assert "-s services:" in result.output
    row = next(line for line in lines if line.startswith("layanan/pas-lintas-batas.md"))
    assert row.split()[1:] == ["+", "-s", "-s", "-s"]  # only alpha offers PLB
