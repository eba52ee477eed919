"""Splitting the units across N parallel CI jobs: `--shard I/N`.

A unit goes to shard ``sha256(region) mod N + 1``, where its region is the
topmost office above it (a regional office is its own region; a unit without
a parent is its own region). So:

- the split is the same on every machine and in every run (no clock, no order);
- adding or removing a unit never moves any other unit to another shard, and
  adding a region never moves another region (only changing N reshuffles);
- a regional office is built in the same job as its units, so its regional
  feed is made from the very feed ids its units' own manifests hold.

The price is balance by region rather than by unit: with few regions some
shards are small or empty (an empty shard builds nothing and succeeds).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .config import Network


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
        raise ShardError(f"{text!r}: write I/N, e.g. 2/4 for the second of four jobs")
    shard = Shard(int(index), int(count))
    if not 1 <= shard.index <= shard.count:
        raise ShardError(f"{text!r}: I must be between 1 and N")
    return shard


def region(network: Network, office_id: str) -> str:
    """The topmost office above ``office_id`` (itself when it has none)."""
    seen = {office_id}
    office = network.office(office_id)
    while office.parent and office.parent in network.ids and office.parent not in seen:
        seen.add(office.parent)
        office = network.office(office.parent)
    return office.id


def shard_number(network: Network, office_id: str, count: int) -> int:
    """The 1-based shard of ``office_id`` among ``count``."""
    digest = hashlib.sha256(region(network, office_id).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(network: Network, office_ids: list[str], shard: Shard) -> list[str]:
    """The units of ``office_ids`` (order kept) that ``shard`` builds."""
    return [i for i in office_ids if shard_number(network, i, shard.count) == shard.index]
