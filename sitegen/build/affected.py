"""Which units a change of files affects, for `sitegen build --changed-since`.

The answer is conservative: when a path cannot be tied to particular units
(offices.yaml, a theme, sitegen's own code, a file of an unknown kind) every
unit is affected, so a partial rebuild never leaves a unit stale for what it
publishes itself. (The network-wide OPML and the list of official sites are
refreshed by the next full build, e.g. the scheduled one.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitegen.config.settings import Network
from sitegen.sources.layout import place_of
from sitegen.sources.source import Source
from sitegen.structure.model import publishes

if TYPE_CHECKING:
    from sitegen.build.project import Project


def affected_units(changed: set[str], old: Project | None, new: Project) -> set[str]:
    """Which units a batch of changed paths (relative to the project root) can affect.

    A unit's own file affects that unit and its regional office (whose feed
    aggregates it); a shared file affects every unit that published it before
    (in ``old``) or publishes it now; offices.yaml, themes and anything unknown
    affect all. Without ``old`` every unit is affected.
    """
    network = new.network
    everyone = set(network.ids)
    if old is None:
        return everyone
    units: set[str] = set()
    for rel in changed:
        content_rel = rel.removeprefix("content/")  # Source.rel is relative to content/
        placed = place_of(content_rel) if content_rel != rel else None
        scope = placed[0] if placed is not None else None
        if scope is not None and content_rel.startswith("offices/") and scope in everyone:
            # (a unit file may start or stop overriding a shared page: still only that unit changes)
            units |= with_parents(network, scope)
        elif scope == "shared" and content_rel.startswith("shared/"):
            if not rel.endswith(".md"):
                return everyone
            for project in (old, new):
                source = next((s for s in project.sources if s.rel == content_rel), None)
                if source is not None:
                    units |= _publishers(new, source)
        else:
            return everyone
    return units


def with_parents(network: Network, office_id: str) -> set[str]:
    """The unit and every office above it (a regional feed aggregates its units' items)."""
    units = {office_id}
    office = network.office(office_id)
    while office.parent and office.parent in network.ids and office.parent not in units:
        units.add(office.parent)
        office = network.office(office.parent)
    return units


def _publishers(project: Project, source: Source) -> set[str]:
    found = set()
    for office in project.network.offices:
        overridden = {s.key for s in project.sources if s.scope == office.id}
        if publishes(office, source, overridden):
            found |= with_parents(project.network, office.id) if source.dated else {office.id}
    return found
