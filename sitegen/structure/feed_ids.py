"""Feed item ids: unique without help, and never moved once published.

An item's id is a tag URI, ``tag:<authority>:<unit>/<section>/<UTC minute>``.
It does not depend on the title, the slug or the file name, so renaming a file
keeps it. When several items of one unit and section share a minute (editors
write date-only items every day; imported archives share minutes), one keeps
the plain id and each other gets the plain id plus ``-<its file's slug>``.

Which one keeps the plain id must never change once subscribers have seen it.
So the ids a unit's output was last built with are an input (the output's
manifest records them): an item keeps the id it was published with as long as
its file and time are the same; only items new to that output are assigned, in
the order of their file names. A build into an empty folder assigns in file
name order alone, which is what the first build into that folder recorded
too. ``sitegen feeds diff`` guards the rest.

A pinned ``id:`` (``id: wbk-2026``, or a full id with a colon) is used as
written; two items pinning one id is a warning, and the second one is told apart
by its file's slug like any other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.urls import slugify


@dataclass(frozen=True)
class Claim:
    """What one dated item asks for: its wished id and how to tell it apart."""

    key: str  # the source's path below content/, e.g. "offices/sambas/berita/2026-11-10-x.md"
    wished: str  # the pinned or time-based id
    pinned: bool
    path: Path | str = ""  # for messages
    line: int = 0  # of its id: line, or of its date: when the id comes from the time


def assign(claims: Iterable[Claim], known: dict[str, str], problems: Problems) -> dict[str, str]:
    """Source key -> feed id for every claim, unique within the unit; ``known`` is the last build's."""
    claims = sorted(claims, key=lambda c: c.key)
    taken: dict[str, Claim] = {}
    ids: dict[str, str] = {}
    # first every item that keeps what it was published with, then the rest in file-name order
    rest = []
    for claim in claims:
        recorded = known.get(claim.key)
        if recorded is not None and _still_own(claim, recorded) and recorded not in taken:
            ids[claim.key] = recorded
            taken[recorded] = claim
        else:
            rest.append(claim)
    for claim in rest:
        chosen = claim.wished
        if chosen in taken:
            other = taken[chosen]
            if claim.pinned:
                problems.warning(
                    claim.path,
                    claim.line,
                    _("feed id {id} is pinned by {other} too", id=chosen, other=other.key),
                    _("give this item an id: of its own"),
                    "feed-id-clash",
                    key="id",
                )
            chosen = _told_apart(claim, taken)
        ids[claim.key] = chosen
        taken[chosen] = claim
        _warn_if_moved(claim, known.get(claim.key), chosen, problems)
    return ids


def _warn_if_moved(claim: Claim, recorded: str | None, chosen: str, problems: Problems) -> None:
    """A published item whose id changes (its time corrected): readers would get it again as new.

    Nothing else would tell the editor before ``sitegen feeds diff`` refuses the deploy; pinning
    the old id keeps the item what subscribers already have.
    """
    if recorded is None or recorded == chosen or claim.pinned:
        return
    problems.warning(
        claim.path,
        claim.line,
        _(
            "the item's feed id changes from {old} to {new} with its time: "
            "feed readers will show it again as a new item",
            old=recorded,
            new=chosen,
        ),
        _("to keep it, add a line id: {old}", old=recorded),
        "feed-id-changed",
        key="date",
    )


def _still_own(claim: Claim, recorded: str | None) -> bool:
    """The recorded id is the item's still: the same wish, or the wish told apart by its slug."""
    if recorded is None:
        return False
    return recorded == claim.wished or recorded.startswith(claim.wished + "-")


def _told_apart(claim: Claim, taken: dict[str, Claim]) -> str:
    parts = claim.key.removesuffix("/index.md").rsplit("/", 1)  # a bundle is named by its folder
    stem = parts[-1].removesuffix(".md")
    base = f"{claim.wished}-{slugify(stem)}"
    chosen, n = base, 2
    while chosen in taken:
        chosen, n = f"{base}-{n}", n + 1
    return chosen
