"""A build with nothing to do knows it from sizes and times alone, and says what the last build said.

Anything that could change the output (a file's time or size, a deleted output file, an option, the
messages' language, the clock passing the next change or the end of the day) means an ordinary build.
"""

from __future__ import annotations

import os
import time

import pytest
from click.testing import CliRunner

from sitegen.build import pipeline, stamp
from sitegen.cli import main

NOW = "2026-11-24T12:00:00+07:00"
LATER_SAME_DAY = "2026-11-24T20:00:00+07:00"  # 13:00 UTC: before the end of the build's UTC day
NEXT_DAY = "2026-11-25T08:00:00+07:00"  # 01:00 UTC on the next day


def settle(project) -> None:
    """Age every input by a minute, as files are that were not saved a moment ago."""
    past = time.time() - 60
    for folder in (project.root / "content", project.root / "themes"):
        for path in folder.rglob("*"):
            os.utime(path, (past, past))
    os.utime(project.root / "offices.yaml", (past, past))


def run(project, *args: str, lang: str = "en"):
    result = CliRunner().invoke(main, ["--lang", lang, "build", "--root", str(project.root), *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def built(project):
    settle(project)
    run(project, "--now", NOW)
    assert (project.out / stamp.FILE).is_file()
    return project


@pytest.fixture
def no_ordinary_build(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("an ordinary build ran")

    monkeypatch.setattr(pipeline, "build", refuse)


def ordinary_builds(monkeypatch) -> list[int]:
    """Counts ordinary builds from now on (they still run)."""
    ran: list[int] = []
    real = pipeline.build

    def counting(*args, **kwargs):
        ran.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "build", counting)
    return ran


def _files(out):
    return {
        p: (p.stat().st_mtime_ns, p.read_bytes())
        for p in out.rglob("*")
        if p.is_file() and p.name != "stamp.json"
    }


def test_nothing_changed_reads_nothing_writes_nothing_and_says_the_same(built, no_ordinary_build):
    before = _files(built.out)
    first_messages = run(built, "--now", NOW, "-q").output
    again = run(built, "--now", LATER_SAME_DAY)
    assert _files(built.out) == before
    assert "0 written" in again.output and "0 removed" in again.output
    assert run(built, "--now", NOW, "-q").output == first_messages


def test_the_warnings_of_the_last_build_are_said_again(built, monkeypatch):
    built.write(
        "content/offices/alpha/berita/2026-09-01-rapat.md",
        "---\ntitle: Rapat\ndate: 2026-09-01 09:00\nsample: true\n---\nRapat.\n",
    )
    settle(built)
    ran = ordinary_builds(monkeypatch)
    first = run(built, "--now", NOW, "-q").output
    second = run(built, "--now", NOW, "-q").output
    assert len(ran) == 1, "the second build took the stamp"
    assert first == second


@pytest.mark.parametrize(
    "change",
    [
        "an edit keeping the size",
        "a new file",
        "a deleted output file",
        "a touched theme file",
        "offices.yaml touched",
    ],
)
def test_any_change_of_input_or_output_means_an_ordinary_build(built, monkeypatch, change):
    rel = "content/offices/alpha/berita/2026-10-05-patroli.md"
    if change == "an edit keeping the size":
        text = built.read(rel)
        built.write(rel, text.replace("Patroli", "Petroli", 1))
        assert len(built.read(rel)) == len(text)
    elif change == "a new file":
        built.write(
            "content/offices/alpha/berita/2026-10-06-baru.md",
            "---\ntitle: Baru\ndate: 2026-10-06 09:00\n---\nBaru.\n",
        )
    elif change == "a deleted output file":
        (built.out / "alpha" / "index.html").unlink()
    elif change == "a touched theme file":
        os.utime(next((built.root / "themes").rglob("*.html")))
    else:
        os.utime(built.root / "offices.yaml")
    ran = ordinary_builds(monkeypatch)
    run(built, "--now", NOW)
    assert ran == [1]
    assert (built.out / "alpha" / "index.html").is_file()
    if change == "an edit keeping the size":
        assert "Petroli" in (built.out / "alpha" / "berita" / "patroli" / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("--now", NEXT_DAY),  # past the end of the build's UTC day
        ("--now", "2026-11-24T11:00:00+07:00"),  # before the last build's moment
        ("--now", NOW, "--drafts"),
        ("--now", NOW, "--base-url", "alpha=https://alpha.example.go.id/baru/"),
    ],
)
def test_another_moment_or_option_means_an_ordinary_build(built, monkeypatch, args):
    ran = ordinary_builds(monkeypatch)
    run(built, *args)
    assert ran == [1]


def test_another_release_of_a_library_that_shapes_the_output_means_an_ordinary_build(
    built, monkeypatch, tmp_path
):
    """Markdown or Jinja upgraded can change every page: its metadata folder names the release."""
    import sys

    (tmp_path / "markdown-99.0.dist-info").mkdir()
    (tmp_path / "unrelated_tool-1.0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path)])
    assert "markdown-99.0.dist-info" in stamp._libraries()
    assert "unrelated_tool-1.0.dist-info" not in stamp._libraries()
    ran = ordinary_builds(monkeypatch)
    run(built, "--now", NOW)
    assert ran == [1]


def test_another_language_means_an_ordinary_build_speaking_it(built, monkeypatch):
    ran = ordinary_builds(monkeypatch)
    said = run(built, "--now", NOW, lang="id").output
    assert ran == [1] and "situs" in said


def test_the_announcement_expiring_ends_the_stamp(project, monkeypatch):
    settle(project)
    run(project, "--now", "2027-01-02T12:00:00+07:00")
    kept = stamp.load(project.out)
    assert kept is not None and kept.until == "2027-01-02T23:59:00+07:00", (
        "the expiry comes before the day ends"
    )
    ran = ordinary_builds(monkeypatch)
    run(project, "--now", "2027-01-02T23:58:00+07:00")
    assert ran == [], "still in force: nothing to do"
    run(project, "--now", "2027-01-02T23:59:30+07:00")
    assert ran == [1], "expired: the lists change"


def test_a_file_saved_a_moment_before_the_build_leaves_no_stamp(project):
    settle(project)
    project.write(
        "content/offices/alpha/berita/2026-10-07-kini.md",
        "---\ntitle: Kini\ndate: 2026-10-07 09:00\n---\nKini.\n",
    )
    run(project, "--now", NOW)
    assert not (project.out / stamp.FILE).exists(), (
        "a second change within the same tick could keep size and time"
    )


def test_a_failed_build_leaves_no_stamp_and_the_fixed_content_builds(built):
    built.write(
        "content/offices/alpha/berita/2026-10-08-rusak.md",
        "---\ntitle: Rusak\ndate: 2026-13-45\n---\nRusak.\n",
    )
    settle(built)
    failed = CliRunner().invoke(main, ["--lang", "en", "build", "--root", str(built.root), "--now", NOW])
    assert failed.exit_code == 1
    assert not (built.out / stamp.FILE).exists()
    (built.root / "content/offices/alpha/berita/2026-10-08-rusak.md").unlink()
    run(built, "--now", NOW)
    assert (built.out / stamp.FILE).exists()


@pytest.mark.parametrize("flag", [("--verify",), ("--no-cache",)])
def test_verify_and_no_cache_always_build(built, monkeypatch, flag):
    ran = ordinary_builds(monkeypatch)
    run(built, "--now", NOW, *flag)
    assert ran == [1]
