"""`sitegen check` shows an editor their own problems first.

Errors are always listed. Warnings and notes are listed for what changed since
the last commit (outside git: all of them); every other kind is one summary
line ("3 placeholder-looking values in offices.yaml — `--all` to list").
PATHS and --office narrow the report; --strict still fails on every warning in
scope; --format json gives each problem a stable code.
"""

from __future__ import annotations

import json
import re
import subprocess

from click.testing import CliRunner

from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"
EMPTY_PAGE = "---\ntitle: Jadwal Layanan\n---\n## Jadwal\n"  # nothing for a reader but a heading


def check(project, *args):
    return CliRunner().invoke(main, ["check", "--root", str(project.root), "--now", NOW, *args])


def git(project, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Humas", "-c", "user.email=humas@uji.go.id", *args],
        cwd=project.root,
        check=True,
        capture_output=True,
    )


def committed(project):
    """The fixture as the last commit of a git repository, nothing changed since."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "awal")
    return project


def warning_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": warning: " in line]


def summary(output: str) -> dict[str, int]:
    """{label: count} of the lines '<count> <label> — `--all` to list'."""
    found = re.findall(r"^(\d+) (.+) — `--all` to list$", output, re.M)
    return {label: int(count) for count, label in found}


def test_outside_git_every_warning_is_listed_and_nothing_summarised(project):
    result = check(project)
    assert "looks like a placeholder" in result.output
    assert summary(result.output) == {}


def test_in_git_the_editors_new_page_is_listed_and_the_example_data_summarised(project):
    committed(project)
    project.write("content/offices/alpha/layanan/jadwal.md", EMPTY_PAGE)
    result = check(project)
    assert result.exit_code == 0
    assert warning_lines(result.output) == [
        "content/offices/alpha/layanan/jadwal.md:2: warning: the page has no text yet: readers find an "
        "empty promise (write the page, keep draft: true until it is ready, or remove the links to it)"
    ]
    everything = check(project, "--all").output
    placeholders = sum("looks like a placeholder" in line for line in warning_lines(everything))
    no_contact = sum("readers have no real way to reach it" in line for line in warning_lines(everything))
    assert placeholders and no_contact
    assert summary(result.output) == {
        "placeholder-looking values in offices.yaml": placeholders,
        "units without a real contact": no_contact,
    }


def test_a_modified_and_an_untracked_file_both_count_as_changed(project):
    committed(project)
    project.write("content/shared/layanan/pas-lintas-batas.md", "---\ntitle: Pas Lintas Batas\n---\n## PLB\n")
    project.write("content/offices/bravo/layanan/jadwal.md", EMPTY_PAGE)
    listed = "\n".join(warning_lines(check(project).output))
    assert "content/shared/layanan/pas-lintas-batas.md:2: warning: the page has no text yet" in listed
    assert "content/offices/bravo/layanan/jadwal.md:2: warning: the page has no text yet" in listed


def test_errors_are_listed_even_in_files_not_changed_since_the_last_commit(project):
    project.write("content/offices/alpha/berita/2026-11-20-a.md", "---\ntitle: A\ndate: besok\n---\nx\n")
    committed(project)
    result = check(project)
    assert result.exit_code == 1
    assert "content/offices/alpha/berita/2026-11-20-a.md:3: 'date': cannot read date 'besok'" in result.output


def test_in_offices_yaml_only_the_warnings_of_changed_lines_are_listed(project):
    committed(project)
    offices = project.read("offices.yaml").replace("Jl. Contoh No. 2, Bravo", "Jl. Contoh No. 3, Bravo")
    project.write("offices.yaml", offices)
    listed = warning_lines(check(project).output)
    assert listed == [
        "offices.yaml:30: warning: unit bravo: address 'Jl. Contoh No. 3, Bravo' looks like a placeholder "
        "(put the real value in offices.yaml)"
    ]


def test_all_lists_every_warning_as_before(project):
    committed(project)
    result = check(project, "--all")
    assert summary(result.output) == {}
    assert "offices.yaml:16: warning: unit alpha: base_url 'https://alpha.example.go.id/' looks like a " in (
        result.output
    )


def test_strict_fails_on_summarised_warnings_too(project):
    committed(project)
    result = check(project, "--strict")
    assert warning_lines(result.output) == []
    assert summary(result.output)
    assert result.exit_code == 1


def test_office_narrows_to_the_units_files_and_the_shared_pages_it_publishes(project):
    project.write("content/offices/alpha/berita/2026-11-20-a.md", "---\ntitle: A\ndate: besok\n---\nx\n")
    project.write("content/offices/bravo/berita/2026-11-20-b.md", "---\ntitle: B\ndate: lusa\n---\nx\n")
    # only alpha offers plb: the shared page is alpha's concern, not bravo's
    project.write(
        "content/shared/layanan/pas-lintas-batas.md", "---\ntitle: PLB\nservices: [plb]\n---\n## PLB\n"
    )
    alpha = check(project, "--office", "alpha").output
    assert "2026-11-20-a.md:3" in alpha
    assert "2026-11-20-b.md" not in alpha
    assert "pas-lintas-batas.md:2: warning: the page has no text yet" in alpha
    assert "unit alpha:" in alpha and "unit bravo:" not in alpha
    bravo = check(project, "--office", "bravo").output
    assert "2026-11-20-b.md:3" in bravo and "2026-11-20-a.md" not in bravo
    assert "pas-lintas-batas.md" not in bravo
    both = check(project, "--office", "alpha", "--office", "bravo").output
    assert "2026-11-20-a.md:3" in both and "2026-11-20-b.md:3" in both


def test_paths_narrow_the_report_to_those_files_and_folders(project):
    project.write("content/offices/alpha/berita/2026-11-20-a.md", "---\ntitle: A\ndate: besok\n---\nx\n")
    project.write("content/offices/bravo/berita/2026-11-20-b.md", "---\ntitle: B\ndate: lusa\n---\nx\n")
    result = check(project, str(project.root / "content/offices/alpha"))
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if re.match(r"^\S+:\d*:? ", line)]
    assert problems and all(line.startswith("content/offices/alpha/") for line in problems)
    one_file = check(project, str(project.root / "content/offices/bravo/berita/2026-11-20-b.md")).output
    problems = [line for line in one_file.splitlines() if re.match(r"^\S+:\d*:? ", line)]
    assert [line.split(":")[:2] for line in problems] == [
        ["content/offices/bravo/berita/2026-11-20-b.md", "3"]
    ]


def test_a_path_narrowed_away_from_every_error_exits_0(project):
    project.write("content/offices/bravo/berita/2026-11-20-b.md", "---\ntitle: B\ndate: lusa\n---\nx\n")
    assert check(project, str(project.root / "content/offices/alpha")).exit_code == 0


def test_an_unknown_office_or_a_missing_path_is_a_usage_error(project):
    unknown = check(project, "--office", "alfa")
    assert unknown.exit_code == 2
    assert "unknown unit id 'alfa' in --office (did you mean 'alpha'?" in unknown.output
    missing = check(project, str(project.root / "content/tidak-ada"))
    assert missing.exit_code == 2
    assert "no such file or folder" in missing.output


def test_json_gives_every_problem_a_stable_code(project):
    project.write("content/offices/alpha/berita/2026-11-20-a.md", "---\ntitle: A\ndate: 2062-11-20\n---\nx\n")
    project.write("content/offices/alpha/berita/2026-11-21-b.md", "---\ntitle: B\ndate: besok\n---\nx\n")
    project.write("content/offices/alpha/layanan/jadwal.md", EMPTY_PAGE)
    report = json.loads(check(project, "--format", "json").stdout)
    codes = {(p["path"].rsplit("/", 1)[-1], p["code"]) for p in report["problems"]}
    assert ("2026-11-20-a.md", "date-far-future") in codes
    assert ("2026-11-21-b.md", "date-unreadable") in codes
    assert ("jadwal.md", "empty-page") in codes
    assert ("offices.yaml", "placeholder-value") in codes
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", p["code"]) for p in report["problems"])


def test_every_hint_carries_a_code_of_the_table():
    """A problem's code travels with it from where it is raised; no message text is read back."""
    from datetime import UTC, datetime

    from sitegen import hints
    from sitegen.codes import CODES
    from sitegen.errors import Problem

    now = datetime(2026, 11, 24, tzinfo=UTC)
    said = [
        hints.misnamed_markdown("a.MD"),
        hints.translation_without_original("content/x.md", "en"),
        hints.translation_original_unpublished("shared/x.md", "alpha"),
        hints.date_far_future("date", "2062-11-20", datetime(2062, 11, 20, tzinfo=UTC), now),
        hints.date_far_future("date", "2027-12-30", datetime(2027, 12, 30, tzinfo=UTC), now),
        hints.expires_before_date(now, now),
        hints.yes_no_word("draft", "tidak"),
        hints.zone_in_date("date", "2026-11-20 20:39 WIB", "WIB"),
        hints.unknown_unit("alpah", "offices", ("alpha",)),
        hints.word_html("Mso classes"),
        hints.yaml_tab(4, 1),
    ]
    for one in said:
        assert one is not None
        assert one.code in CODES, one.code
        assert Problem("x.md", 1, one.message, code=one.code).kind == one.code
    assert Problem("x.md", 1, "a message no table knows").kind == "content-error"
