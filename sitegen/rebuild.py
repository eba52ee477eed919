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
from functools import cache
from pathlib import Path

from .cache import SALT
from .config import Office
from .model import Site
from .templates import Theme


@cache
def code_digest() -> str:
    """sitegen's own source, so a changed generator never reuses old output."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def theme_digest(theme: Theme) -> str:
    digest = hashlib.sha256()
    for path in theme.files():
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def fingerprint(
    site: Site, models: Callable[[Office], Site], theme: str, offices_yaml: bytes, drafts: bool
) -> str:
    network = site.network
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        digest.update(repr(parts).encode())

    add(SALT, code_digest(), theme, hashlib.sha256(offices_yaml).hexdigest(), drafts)
    add([(o.id, o.base_url) for o in network.offices])
    for page in sorted(site.pages, key=lambda p: p.path):
        add(page.path, page.source.digest if page.source else page.title, page.in_force(site.now))
    add(sorted((url, page.path) for url, page in site.aliases.items()))
    for office in network.offices:
        unit = models(office)
        if site.office.kind == "kanwil" and (office.parent == site.office.id or office.id == site.office.id):
            add(office.id, [(p.path, p.source.digest) for p in unit.news + unit.announcements if p.source])
        # the network's OPML lists every unit's feeds, one per tag with dated items
        add(office.id, [tag for tag, pages in unit.tags.items() if any(p.date for p in pages)])
    return digest.hexdigest()
