"""`--shard I/N`: the units split across N CI jobs, the same way every time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.build.shards import Shard, ShardError, assign, in_shard, loads, parse_shard, unit_weights
from sitegen.cli import main
from sitegen.config.offices import load_network
from sitegen.errors import Problems

NOW = "2026-11-24T12:00:00+07:00"


def unit(office_id: str, kind: str = "kanim", parent: str | None = None) -> str:
    lines = [
        f"  - id: {office_id}",
        f"    name: Kantor {office_id.title()}",
        f"    short_name: {office_id.title()}",
        f"    kind: {kind}",
        f"    base_url: https://{office_id}.example.go.id/",
        "    timezone: Asia/Jakarta",
    ]
    if parent:
        lines.append(f"    parent: {parent}")
    return "\n".join(lines) + "\n"


def add_units(project, *entries: str) -> None:
    project.write("offices.yaml", project.read("offices.yaml") + "".join(entries))


def network(project):
    found = load_network(project.root / "offices.yaml", Problems(project.root))
    assert found is not None
    return found


@pytest.fixture
def national(project):
    """The fixture's region plus five more regions of three units each."""
    for n in range(1, 6):
        add_units(
            project,
            unit(f"kanwil-{n}", "kanwil"),
            unit(f"kota-{n}a", parent=f"kanwil-{n}"),
            unit(f"kota-{n}b", parent=f"kanwil-{n}"),
        )
    return project


def shard_lists(project, count: int) -> list[list[str]]:
    lists = []
    for index in range(1, count + 1):
        result = CliRunner().invoke(
            main, ["units", "--root", str(project.root), "--shard", f"{index}/{count}"]
        )
        assert result.exit_code == 0, result.output
        lists.append(json.loads(result.stdout))
    return lists


def test_shards_cover_every_unit_exactly_once(national):
    ids = list(network(national).ids)
    for count in (1, 2, 3, 4, 7):
        lists = shard_lists(national, count)
        assert sorted(u for shard in lists for u in shard) == sorted(ids)
    assert shard_lists(national, 1) == [ids]


def weights_of(project) -> dict[str, int]:
    """The weights as counted from the files: "shared" or the unit id of each Markdown source."""
    content = project.root / "content"
    scopes = []
    for path in content.rglob("*.md"):
        parts = path.relative_to(content).parts
        scopes.append("shared" if parts[0] == "shared" else parts[1])
    return unit_weights(network(project), scopes)


def test_every_shard_gets_work_when_there_are_enough_units(national):
    for count in (2, 3, 4, 7):
        assert all(shard_lists(national, count)), count


def test_the_shards_loads_differ_by_at_most_one_unit(national):
    """Heaviest unit first, each to the least loaded shard: no shard waits on two units another lacks."""
    weights = weights_of(national)
    heaviest = max(weights.values())
    for count in (2, 3, 4):
        totals = loads(weights, count)
        assert max(totals) - min(totals) <= heaviest, (count, totals)


def test_a_unit_with_more_content_weighs_more(national):
    before = weights_of(national)["kota-1a"]
    for n in range(5):
        national.write(
            f"content/offices/kota-1a/berita/2026-11-0{n + 1}-kabar-{n}.md",
            f"---\ntitle: Kabar {n}\ndate: 2026-11-0{n + 1} 09:00\n---\nIsi.\n",
        )
    assert weights_of(national)["kota-1a"] == before + 5


def test_the_split_is_made_over_the_whole_network_whatever_else_narrows_it(national):
    """A unit's shard does not depend on which other units --office or --changed-since chose."""
    weights = weights_of(national)
    whole = assign(weights, 3)
    for unit_id, number in whole.items():
        assert in_shard(weights, [unit_id], Shard(number, 3)) == [unit_id]


def test_a_region_may_span_shards(national):
    net = network(national)
    lists = shard_lists(national, 4)
    spans = [
        r
        for r in net.ids
        if net.office(r).kind == "kanwil"
        and len({i for i, shard in enumerate(lists) for u in shard if u == r or net.office(u).parent == r})
        > 1
    ]
    assert spans, "with balance by work some region's units land in several shards"


def test_shards_are_written_i_of_n():
    assert parse_shard("2/4") == Shard(2, 4) and str(Shard(2, 4)) == "2/4"
    for wrong in ("0/4", "5/4", "2", "a/b", "2/0", "-1/3"):
        with pytest.raises(ShardError):
            parse_shard(wrong)


def test_a_wrong_shard_is_a_usage_error(project):
    result = CliRunner().invoke(main, ["build", "--root", str(project.root), "--shard", "3/2"])
    assert result.exit_code == 2 and "I must be between 1 and N" in result.output
    assert not project.out.exists()


def test_sharded_builds_give_the_same_sites_as_one_build(national, tmp_path: Path):
    """Each job builds its shard into its own output; together they equal a full build, byte for byte."""
    net = network(national)
    full = tmp_path / "full"
    result = CliRunner().invoke(
        main, ["build", "--root", str(national.root), "--now", NOW, "--out", str(full)]
    )
    assert result.exit_code == 0, result.output
    count = 3
    for index in range(1, count + 1):
        out = tmp_path / f"shard-{index}"
        args = [
            "build",
            "--root",
            str(national.root),
            "--now",
            NOW,
            "--out",
            str(out),
            "--shard",
            f"{index}/{count}",
        ]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        expected = in_shard(weights_of(national), list(net.ids), Shard(index, count))
        assert f"units to build (shard {index}/{count}): {', '.join(expected) or 'none'}" in result.stderr
        for office_id in expected:
            for path in sorted((full / office_id).rglob("*")):
                if path.is_file():
                    rel = path.relative_to(full)
                    assert (out / rel).read_bytes() == path.read_bytes(), rel
        built = {p.name for p in out.iterdir() if not p.name.startswith(".")} if out.exists() else set()
        assert built == set(expected)


def test_a_shard_build_unpublishes_a_unit_removed_from_offices_yaml(national, tmp_path: Path):
    net = network(national)
    target = next(i for i in net.ids if i.startswith("kota-"))
    shard = next(
        n for n in range(1, 4) if target in in_shard(weights_of(national), list(net.ids), Shard(n, 3))
    )
    out = tmp_path / "out"
    args = ["build", "--root", str(national.root), "--now", NOW, "--out", str(out), "--shard", f"{shard}/3"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert (out / target / "index.html").exists()
    text = national.read("offices.yaml")
    start = text.index(f"  - id: {target}\n")
    end = text.find("  - id:", start + 1)
    national.write("offices.yaml", text[:start] + (text[end:] if end != -1 else ""))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"removed unit {target}" in result.stderr
    assert not (out / target).exists()
