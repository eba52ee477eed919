"""Units render on several processes with exactly the result of one process."""

from __future__ import annotations

from click.testing import CliRunner

from sitegen.build import workers
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


def test_a_big_unit_is_split_across_the_workers_but_an_edit_of_one_item_forks_nobody(
    project, tmp_path, monkeypatch
):
    for n in range(300):
        project.write(
            f"content/offices/alpha/berita/2026-09-{1 + n % 28:02d}-kabar-{n:03d}.md",
            f"---\ntitle: Kabar {n}\ndate: 2026-09-{1 + n % 28:02d} 09:{n % 60:02d}\n---\nIsi kabar {n}.\n",
        )
    pools: list[tuple[object, ...]] = []
    real = workers.process_pool

    def counted(*args, **kwargs):
        pools.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(workers, "process_pool", counted)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    out = tmp_path / "out"
    alpha_only = ["--office", "alpha"]
    cold = CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--out", str(out), "--now", NOW, "-j", "2", *alpha_only]
    )
    assert cold.exit_code == 0, cold.output
    assert len(pools) == 1, "a cold build of one big unit renders it on both workers"

    project.write(
        "content/offices/alpha/berita/2026-09-01-kabar-000.md",
        "---\ntitle: Kabar 0\ndate: 2026-09-01 09:00\n---\nIsi kabar yang disunting.\n",
    )
    edit = CliRunner().invoke(
        main, ["build", "--root", str(project.root), "--out", str(out), "--now", NOW, "-j", "2", *alpha_only]
    )
    assert edit.exit_code == 0, edit.output
    assert len(pools) == 1, "the few files an edit leaves to make are made without starting workers"
    assert "Isi kabar yang disunting." in (out / "alpha/berita/kabar-000/index.html").read_text(
        encoding="utf-8"
    )


def test_a_big_units_files_are_dealt_into_shares_each_made_once_the_dearer_ones_spread():
    """A plan keeps its dearer files (feeds, lists) together: dealt out, every share holds some."""
    planned = list(range(103))
    parts = workers.split([103, 10], 2)
    assert parts == [2 * workers.SLICES, 1], "only the unit with more than its share is split"
    shares = [workers.chunk(planned, k, parts[0]) for k in range(parts[0])]
    assert sorted(f for share in shares for f in share) == planned
    assert max(map(len, shares)) - min(map(len, shares)) <= 1
    dearer = set(planned[-20:])
    assert all(dearer & set(share) for share in shares)
