"""Where content lies, and what its place says: the layout editors rely on.

  content/shared/<section>/.../<name>.md   published by every unit it applies to
  content/offices/<id>/<section>/...md     that unit only; same path overrides shared
  <dir>/_index.md                          the section's own page (intro text)
  <dir>/<name>.en.md                       the English translation of <name>.md,
                                           published at /en/<the original's URL>
  content/offices/<id>/static/             files copied as they are to the unit's site root

Strings only: every file of the repository passes here on every build, and
sitegen new, the web editor and the importer read the sections from here.
"""

from __future__ import annotations

import re

from sitegen.urls import UnsafePath, file_for, page_url

DATED_SECTIONS = ("berita", "pengumuman")
# The sections editors write pages in (`sitegen new`, the web editor, the WordPress importer).
MAIN_SECTIONS = (*DATED_SECTIONS, "layanan", "informasi-publik", "profil")
# Every folder content/shared/ and content/offices/<id>/ may hold pages in: the main sections and
# the subscription page's own text (langganan/_index.md). Any other folder is a slip ("beritaa/")
# that would go out silently as a section of its own on every unit given the file.
SECTIONS = (*MAIN_SECTIONS, "langganan")
INDEX = "_index.md"
_TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")  # "e-visa.en.md"
STATIC = "static"  # content/offices/<id>/static/: files copied as they are to the unit's site root


def section_of(key: str) -> str:
    """The section a key lies in ("berita/x.md": "berita"); "" for a file at the top."""
    first, slash, _rest = key.partition("/")
    return first if slash else ""


def is_dated(key: str) -> bool:
    """News and announcements (not their section's own page) carry a date and go into feeds."""
    return section_of(key) in DATED_SECTIONS and key.rpartition("/")[2] != INDEX


def translation_of(key: str) -> tuple[str, str]:
    """Split a translation's key: "layanan/e-visa.en.md" -> ("layanan/e-visa.md", "en")."""
    folder, slash, name = key.rpartition("/")
    match = _TRANSLATION.match(name)
    if match is None:
        return key, ""
    return folder + slash + match["stem"] + ".md", match["lang"]


def page_file_of(rel: str) -> tuple[str, str] | None:
    """The scope and output file a content file would make, from its path alone, front matter unread.

    "content/shared/layanan/wni/paspor-baru.md" -> ("shared", "layanan/wni/paspor-baru/index.html").
    A file refused for a mistake makes no page; links to where it would stand are not a second
    mistake (see sitegen.build.pipeline). A ``slug:`` it may give is not known here.
    """
    placed = place_of(rel.removeprefix("content/")) if rel.startswith("content/") else None
    if placed is None or not rel.endswith(".md"):
        return None
    scope, inside = placed
    original, lang = translation_of("/".join(inside))
    url = page_url(original)
    try:
        return scope, file_for(f"{lang}/{url}" if lang else url)
    except UnsafePath:
        return None  # a name that can be no address is reported as such


def place_of(rel: str) -> tuple[str, list[str]] | None:
    """("shared" or the unit's id, the path's parts below it) for a path below content/; None elsewhere.

    Strings only: every file of the repository passes here on every build.
    """
    parts = rel.split("/")
    if parts[0] == "shared" and len(parts) > 1:
        return "shared", parts[1:]
    if parts[0] == "offices" and len(parts) > 2:
        return parts[1], parts[2:]
    return None
