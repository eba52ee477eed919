"""Splitting the units across N parallel CI jobs by their work: `--shard I/N`.

Every unit weighs what it publishes: the shared pages (which every unit
renders) plus its own content files. The units are dealt out heaviest first,
each to the shard with the least work so far (ties: the lower shard, then the
unit id), so

- the split is the same on every machine and in every run (no clock, no
  order of files on disk, no hash seed);
- the shards' loads differ by at most one unit's weight, and with at least as
  many units as shards no shard is empty;
- it is made over the whole network, whatever other filter (``--office``,
  ``--changed-since``) narrows the list afterwards, so a unit's shard never
  depends on what else changed.

A region may span shards: a regional office's aggregate feed is made from its
units' sources, which every job parses, so it is the same in any shard (the
union of the shards equals one full build, as the tests check). Adding a unit
may move others between shards; a moved unit's first build in its new shard
is a cold one, and its published feed ids stay as they were (they are pinned
by the sources or derived from them, and the feeds guard compares against
what the host holds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.i18n import _

if TYPE_CHECKING:
    from sitegen.config.settings import Network


class ShardError(ValueError):
    """A shard written other than I/N with 1 <= I <= N."""


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    index, sep, count = text.partition("/")
    if not sep or not index.strip().isdigit() or not count.strip().isdigit():
        raise ShardError(_("{text!r}: write I/N, e.g. 2/4 for the second of four jobs", text=text))
    shard = Shard(int(index), int(count))
    if not 1 <= shard.index <= shard.count:
        raise ShardError(_("{text!r}: I must be between 1 and N", text=text))
    return shard


def unit_weights(network: Network, scopes: Iterable[str]) -> dict[str, int]:
    """Each unit's work: the shared sources plus its own (``scopes``: one per content source)."""
    counted = Counter(scopes)
    shared = counted.get("shared", 0)
    return {office_id: 1 + shared + counted.get(office_id, 0) for office_id in network.ids}


def assign(weights: dict[str, int], count: int) -> dict[str, int]:
    """Every unit's 1-based shard: heaviest first, each to the least loaded shard."""
    loads = [0] * count
    shard_of: dict[str, int] = {}
    for office_id in sorted(weights, key=lambda i: (-weights[i], i)):
        lightest = min(range(count), key=lambda n: (loads[n], n))
        loads[lightest] += weights[office_id]
        shard_of[office_id] = lightest + 1
    return shard_of


def loads(weights: dict[str, int], count: int) -> list[int]:
    """The total weight of each shard, first to last (for reports and the bench README)."""
    totals = [0] * count
    for office_id, number in assign(weights, count).items():
        totals[number - 1] += weights[office_id]
    return totals


def in_shard(weights: dict[str, int], office_ids: list[str], shard: Shard) -> list[str]:
    """The units of ``office_ids`` (order kept) that ``shard`` builds."""
    shard_of = assign(weights, shard.count)
    return [i for i in office_ids if shard_of.get(i) == shard.index]
