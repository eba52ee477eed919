"""Units render on several processes with exactly the result of one process."""

from __future__ import annotations

from click.testing import CliRunner

from sitegen.cli import main

from .helpers import tree

NOW = "2026-11-24T12:00:00+07:00"


def build(project, out, jobs: int):
    return CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--out", str(out), "--now", NOW, "-j", str(jobs)]
    )


def published(out) -> dict[str, bytes]:
    return {rel: data for rel, data in tree(out).items() if not rel.startswith(".sitegen/")}


def test_two_processes_write_byte_for_byte_what_one_process_writes(project, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert build(project, one, 1).exit_code == 0
    assert build(project, two, 2).exit_code == 0
    assert published(one) == published(two)
    assert len(published(one)) > 100


def test_a_problem_found_while_rendering_in_a_worker_is_reported_with_its_file_and_line(project, tmp_path):
    project.write(
        "content/offices/bravo/berita/2026-09-02-rusak.md",
        "---\ntitle: Rusak\ndate: 2026-09-02 10:00\n---\nLihat [ini](/tidak-ada/).\n",
    )
    result = build(project, tmp_path / "out", 2)
    assert result.exit_code == 1
    assert (
        "content/offices/bravo/berita/2026-09-02-rusak.md:5: broken link /tidak-ada/ [unit bravo]"
        in result.output
    )
    assert not (tmp_path / "out" / "bravo").exists(), "a failed build publishes nothing"
