"""Whether a unit's site must be rendered again: a fingerprint of everything it is made from.

A unit's output depends on its pages' sources, which of them are in force at
the build's "now", offices.yaml, the theme, sitegen's own code and, through
the regional feed and the network's OPML, a little of the other units. All of
that is hashed here (file contents, never modification times); an equal
fingerprint means rendering would give the same bytes, so the unit is skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sitegen.config.settings import Network, Office
from sitegen.render.templates import Theme
from sitegen.sources.cache import code_digest, salt
from sitegen.structure.pictures import published
from sitegen.structure.site import Site


def theme_digest(theme: Theme) -> str:
    digest = hashlib.sha256()
    for path in theme.files():
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def network_fingerprint(network: Network, models: Callable[[Office], Site]) -> str:
    """What every unit's site shares: the OPML lists every unit's feeds, one per tag with dated items."""
    digest = hashlib.sha256()
    for office in network.offices:
        unit = models(office)
        digest.update(
            repr((office.id, office.base_url, [t for t in unit.tags if unit.tag_has_feed(t)])).encode()
        )
    return digest.hexdigest()


def fingerprint(
    site: Site, models: Callable[[Office], Site], theme: str, offices_yaml: bytes, drafts: bool, shared: str
) -> str:
    """Everything ``site``'s files are made from; ``shared`` is the :func:`network_fingerprint`."""
    network = site.network
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        digest.update(repr(parts).encode())

    add(salt(), code_digest(), theme, hashlib.sha256(offices_yaml).hexdigest(), drafts, shared)
    for page in sorted(site.pages, key=lambda p: p.path):
        add(page.path, page.source.digest if page.source else page.title, page.in_force(site.now))
    add(sorted((url, page.path) for url, page in site.aliases.items()))
    add([(rel, hashlib.sha256(path.read_bytes()).hexdigest()) for rel, path in site.static.items()])
    add([(rel, picture.original.digest) for rel, (picture, _) in published(site).items()])
    if site.office.kind == "kanwil":  # the regional feed aggregates its units' items
        for office in network.offices:
            if office.parent == site.office.id or office.id == site.office.id:
                unit = models(office)
                items = unit.news + unit.announcements
                add(office.id, [(p.path, p.source.digest) for p in items if p.source])
                add([p.picture.original.digest for p in items if p.picture])  # the feed's enclosures
    return digest.hexdigest()
