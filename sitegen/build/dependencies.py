"""Which files of a unit must be made again: every template-made file with the inputs that made it.

A unit's files are made from two kinds of input. The *skeleton* is everything a
template can see apart from page bodies: sitegen's code, the theme, offices.yaml,
the network's shared part, and every page's front matter, address, dates, tags,
pictures and place in the tree (which is what lists, tag pages, archives and
navigation show). The *bodies* are each page's HTML. A template notes every page
whose body it reads while it renders (:func:`sitegen.render.pages.render`), so a
file's record is exactly ``[key, pages read]``, where the key digests the skeleton
and those pages' bodies.

A build then makes again only the files whose key changed: an edited body
re-renders the pages that show it (its own page, a section's pages with its
intro) and nothing else; any change of the skeleton (a title, a date, a new
item, a tag, a setting, a template) re-renders the unit's template files, which
is always correct. A feed names the items whose bodies it shows
(:class:`sitegen.render.made.Made`) and is kept the same way; the regional feed,
the OPML, the sitemap and copied files are made every time. Records live in the output's local, unpublished state
(``.sitegen/local/<id>.pages.json``, see :mod:`sitegen.build.output`).
"""

from __future__ import annotations

import hashlib
from dataclasses import fields
from functools import cache
from operator import attrgetter

from sitegen.render.pages import UNTRACED  # a body sitegen cannot follow: the file is made every time
from sitegen.sources.cache import code_digest, salt
from sitegen.structure.pictures import published
from sitegen.structure.site import Page, Site

Record = tuple[str, tuple[str, ...]]  # (key, paths of the pages whose body the file shows)
_TREE = ("children", "subsections", "items")  # links to other pages, digested by their paths
_SKIPPED = {"body", "source", "translations", "sort_key", *_TREE}
_OUTLINED = tuple(f.name for f in fields(Page) if f.name not in _SKIPPED)  # found once, not per page
_OUTLINE = attrgetter(*_OUTLINED)  # their values in one call (the names are the same for every page)


def skeleton(site: Site, unit_stamp: str) -> str:
    """Everything a template of ``site`` can see except the pages' bodies.

    ``unit_stamp`` digests what the unit's fingerprint holds besides its pages
    (code, theme, offices.yaml, drafts, the network's shared part).
    """
    digest = hashlib.sha256(repr((salt(), code_digest(), unit_stamp)).encode())

    def add(*parts: object) -> None:
        digest.update(repr(parts).encode())

    add(repr(site.office), site.next_change)
    for page in sorted(site.pages, key=lambda p: p.path):
        add(*_outline(page, site))
    add(sorted((url, page.path) for url, page in site.aliases.items()))
    add(sorted(site.tags), [(t, [p.path for p in ps]) for t, ps in sorted(site.tags.items())])
    add(sorted((rel, str(path)) for rel, path in site.static.items()))
    add(sorted((rel, picture.original.digest) for rel, (picture, _) in published(site).items()))
    return digest.hexdigest()


def _outline(page: Page, site: Site) -> tuple[object, ...]:
    """A page as lists and navigation see it: every field but its body, with links as paths."""
    own = _OUTLINE(page)
    tree = tuple([p.path for p in getattr(page, name)] for name in _TREE)
    translations = sorted((lang, p.path) for lang, p in page.translations.items())
    source = (page.source.rel, repr(page.source.meta)) if page.source else None
    return own, tree, translations, source, page.in_force(site.now)


class Bodies:
    """The digest of each page's body in one site, computed when first asked for."""

    def __init__(self, site: Site):
        self._pages = {p.path: p for p in site.pages}
        self.digest = cache(self._digest)

    def _digest(self, path: str) -> str | None:
        page = self._pages.get(path)
        return None if page is None else hashlib.sha256(page.body.encode("utf-8")).hexdigest()


def key(frame: str, bodies: Bodies, reads: tuple[str, ...]) -> str | None:
    """The key of a file that read ``reads`` in a unit with skeleton ``frame``; None: not traceable."""
    if UNTRACED in reads:
        return None
    digests = [bodies.digest(path) for path in reads]
    if None in digests:
        return None  # a page it showed is gone: the file is made again
    return hashlib.sha256(repr((frame, list(zip(reads, digests, strict=True)))).encode()).hexdigest()


def is_current(record: Record | None, frame: str, bodies: Bodies) -> bool:
    """Would making the file again give what the record's build made? (Only then is it kept.)"""
    if record is None:
        return False
    recorded, reads = record
    return key(frame, bodies, reads) == recorded
