"""Content sources: every Markdown file under content/, read and parsed once.

Layout (the contract editors rely on):
  content/shared/<section>/.../<name>.md   published by every unit it applies to
  content/offices/<id>/<section>/...md     that unit only; same path overrides shared
  <dir>/_index.md                          the section's own page (intro text)
  <dir>/<name>.en.md                       the English translation of <name>.md,
                                           published at /en/<the original's URL>

A Source knows nothing about units beyond their ids; which unit publishes
what is decided in :mod:`sitegen.structure.model`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitegen import hints
from sitegen.config.offices_keys import KINDS, SERVICES
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.sources import static_trust
from sitegen.sources.cache import Cache
from sitegen.sources.front_matter import FrontMatter, FrontMatterError, parse, split
from sitegen.urls import BUNDLE_INDEX, UnsafePath, check, file_for, is_bundle, page_url

DATED_SECTIONS = ("berita", "pengumuman")
# The sections editors write pages in (`sitegen new`, the web editor, the WordPress importer).
MAIN_SECTIONS = (*DATED_SECTIONS, "layanan", "informasi-publik", "profil")
# Every folder content/shared/ and content/offices/<id>/ may hold pages in: the main sections and
# the subscription page's own text (langganan/_index.md). Any other folder is a slip ("beritaa/")
# that would go out silently as a section of its own on every unit given the file.
SECTIONS = (*MAIN_SECTIONS, "langganan")
INDEX = "_index.md"
MAX_CHARS = 5_000_000  # a page is read on phones; anything longer is a mistake or an attack
# no web page or feed may carry these (DEL and C1, U+0080-U+009F, XML allows but nobody means)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
PLACEHOLDER = "Tulis isi halaman di sini."  # what `sitegen new` starts a page with
_TRANSLATION = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")  # "e-visa.en.md"
STATIC = "static"  # content/offices/<id>/static/: files copied as they are to the unit's site root


@dataclass(frozen=True)
class Source:
    """One Markdown file: where it lies, what it says, and a digest of its bytes."""

    path: Path
    rel: str  # relative to content/, POSIX, e.g. "shared/layanan/wni/paspor-baru.md"
    scope: str  # "shared" or a unit id
    key: str  # path within its scope, e.g. "layanan/wni/paspor-baru.md"
    meta: FrontMatter
    body: str
    body_line: int
    digest: str

    # what the file's place says, worked out once when it is read (every page asks, often):
    # the language its file name declares ("e-visa.en.md": "en"; "" for the site's own),
    # the key of the page it translates (its own key otherwise), its section and kind
    lang: str = field(init=False)
    original_key: str = field(init=False)
    section: str = field(init=False)
    is_index: bool = field(init=False)
    dated: bool = field(init=False)

    def __post_init__(self) -> None:
        original, lang = translation_of(self.key)
        for name, value in (
            ("lang", lang),
            ("original_key", original),
            ("section", section_of(original)),
            ("is_index", original.rpartition("/")[2] == INDEX),
            ("dated", is_dated(original)),
        ):
            object.__setattr__(self, name, value)  # frozen: set once, here

    @property
    def is_shared(self) -> bool:
        return self.scope == "shared"


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


def discover(content_dir: Path, problems: Problems | None = None) -> list[Path]:
    """Every .md file under content/, sorted, skipping hidden files and editor backups.

    Content comes from the repository only: a link (to a file or a folder, wherever
    it leads) is never followed but reported as an error naming it, and so is a
    folder that cannot be read: a section must never vanish from the sites unsaid.
    """
    if not content_dir.is_dir():
        return []
    found: list[Path] = []
    # content/shared/static/ and content/offices/<id>/static/ hold files to copy, never pages
    shared, offices = f"{content_dir}/shared", content_dir / "offices"
    folders = [str(content_dir)]
    while folders:  # scandir, not os.walk: a link is known from the folder's listing, no lstat per file
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if problems is not None:
                report_unreadable(Path(exc.filename or folder), exc, problems)
            continue
        here = Path(folder)
        for entry in entries:
            if entry.is_symlink() and not entry.name.startswith((".", "#")) and problems is not None:
                report_link(here / entry.name, problems)
        entries = [e for e in entries if not e.name.startswith((".", "#")) and not e.is_symlink()]
        dirs = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
        files = [e.name for e in entries if not e.is_dir(follow_symlinks=False)]
        if folder == shared or here.parent == offices:
            dirs = [d for d in dirs if d != STATIC]  # static_files() reads them
        if BUNDLE_INDEX in files and is_bundle(_key_of(here.relative_to(content_dir), BUNDLE_INDEX)):
            files = _bundle_files(here, files, problems)
            dirs = []  # a bundle's subfolders hold its pictures, never pages
        for name in files:
            if not name.endswith(".md"):
                _refuse_misnamed(here / name, problems)
                continue
            found.append(Path(f"{folder}/{name}"))
        folders.extend(f"{folder}/{d}" for d in reversed(dirs))
    return sorted(found, key=str)


def _refuse_misnamed(path: Path, problems: Problems | None) -> None:
    """A page saved as "x.MD" or "x.markdown" is not read: say so, rather than never publishing it."""
    name = path.name
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    if problems is not None and suffix in hints.MARKDOWN_SUFFIXES:  # hidden files never reach here
        said = hints.misnamed_markdown(name)
        problems.error(path, 0, said.message, said.hint, said.code)


def report_links(folder: Path, problems: Problems) -> None:
    """Every link inside ``folder`` (themes/) as an error: its files come from the repository only."""
    if not folder.is_dir():
        return

    def unreadable(exc: OSError) -> None:
        if exc.filename:
            report_unreadable(Path(exc.filename), exc, problems)

    for here, dirs, files in os.walk(folder, onerror=unreadable):
        for name in sorted([*dirs, *files]):
            if os.path.islink(os.path.join(here, name)):
                report_link(Path(here, name), problems)
        dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(here, d)))


def report_link(path: Path, problems: Problems) -> None:
    """A link in content/, static/ or themes/: never followed, wherever it leads."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    problems.error(
        path,
        0,
        _(
            "this is a link (to {target}); sitegen publishes files of the repository only and never follows links",
            target=target,
        ),
        _("replace the link with a copy of the file or folder itself"),
        "linked-file",
    )


def report_unreadable(path: Path, exc: OSError, problems: Problems) -> None:
    """A file or folder the build cannot read: an error, never a silent gap in the sites."""
    reason = exc.strerror or exc
    problems.error(
        path,
        0,
        _("the folder cannot be read ({reason}), so nothing in it would be published", reason=reason)
        if path.is_dir()
        else _("the file cannot be read ({reason}), so nothing in it would be published", reason=reason),
        _(
            "give the user running sitegen permission to read it (chmod -R u+rX, or a+rX for CI), "
            "or delete it if it should go"
        ),
        "unreadable-file",
    )


def _key_of(folder: Path, name: str) -> str:
    """The key a file in ``folder`` (relative to content/) has within its scope."""
    parts = folder.parts
    scope = 2 if parts[:1] == ("offices",) else 1
    return "/".join((*parts[scope:], name))


def _bundle_files(here: Path, files: list[str], problems: Problems | None) -> list[str]:
    """A page bundle holds one page, index.md, and its translations (index.en.md); other Markdown is named."""
    kept = []
    for name in sorted(files):
        translation = _TRANSLATION.match(name)
        if name == BUNDLE_INDEX or (translation and translation["stem"] == "index"):
            kept.append(name)
        elif name.endswith(".md") and not name.startswith((".", "#")) and problems:
            problems.warning(
                here / name,
                0,
                _(
                    "{folder}/ is a page bundle (it has {index}), so this file is not published",
                    folder=here.name,
                    index=BUNDLE_INDEX,
                ),
                _("move it out of the folder to make it a page of its own"),
                "bundle-extra-file",
            )
    return kept


def read_source(
    path: Path, content_dir: Path, office_ids: tuple[str, ...], problems: Problems, cache: Cache | None = None
) -> Source | None:
    """Read and validate one file; report its problems and return None if it has any."""
    full, inside = str(path), f"{content_dir}/"
    rel = full[len(inside) :] if full.startswith(inside) else path.relative_to(content_dir).as_posix()
    placed = _placed(path, rel, office_ids, problems)
    if placed is None:
        return None
    scope, key = placed
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None  # removed while the build was reading (an editor saving by rename): it is gone
    except OSError as exc:
        report_unreadable(path, exc, problems)
        return None
    digest = hashlib.sha256(data).hexdigest()
    original, lang = translation_of(key)
    dated = is_dated(original)
    if dated and lang:
        problems.error(
            path,
            0,
            _(
                "news and announcements are published in one language; '.{lang}.md' makes this a translation",
                lang=lang,
            ),
            _("rename it without '.{lang}', or write the text as a page under layanan/", lang=lang),
            "translation-of-news",
        )
        return None
    parsed = _parsed(path, data, f"{digest}:{int(dated)}", dated, problems, cache)
    if parsed is None or not _consistent(path, parsed, lang, problems):
        return None
    meta, body, body_line = parsed
    if not _check_narrowing(path, meta, scope, office_ids, problems):
        return None
    meta = _known_units_only(meta, office_ids)
    return Source(path, rel, scope, key, meta, body, body_line, digest)


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


def _placed(path: Path, rel: str, office_ids: tuple[str, ...], problems: Problems) -> tuple[str, str] | None:
    """The file's scope ("shared" or a unit's id) and key within it, from where it lies in content/."""
    placed = place_of(rel)
    if placed is None:
        problems.error(
            path,
            0,
            _("Markdown outside content/shared/ and content/offices/<id>/"),
            _("move it into content/shared/<section>/ or content/offices/<id>/<section>/"),
            "markdown-outside-content",
        )
        return None
    scope, inside = placed
    if rel.startswith("offices/") and scope not in office_ids:
        problems.error(
            path,
            0,
            _("folder offices/{scope}/ names no unit in offices.yaml", scope=scope),
            _("rename it to one of: {ids}", ids=", ".join(office_ids)),
            "unknown-unit",
        )
        return None
    return _in_section(path, rel, scope, inside, problems)


def _in_section(
    path: Path, rel: str, scope: str, inside: list[str], problems: Problems
) -> tuple[str, str] | None:
    """(scope, key) for a file at the top of its scope or in one of the SECTIONS; None, reported, otherwise."""
    if len(inside) == 1 or inside[0] in SECTIONS:
        return scope, "/".join(inside)
    section = inside[0]
    fixed = rel[: len(rel) - len("/".join(inside))]  # "offices/sambas/"
    said = hints.unknown_section(section, SECTIONS, f"content/{fixed}")
    problems.error(path, 1, said.message, said.hint, said.code)
    return None


def _parsed(
    path: Path, data: bytes, cache_key: str, dated: bool, problems: Problems, cache: Cache | None
) -> tuple[FrontMatter, str, int] | None:
    """(front matter, body, body's first line): from the cache when these bytes were read before."""
    cached = cache.get("source", cache_key) if cache is not None else None
    if cached is not None and isinstance(cached[1], int):
        body = _tail(data, cached[1])
        if body is not None:  # None: a damaged entry
            return cached[0], body, cached[2]
    parsed = _parse(path, data, dated, problems)
    if parsed is not None and cache is not None:
        meta, body, body_line = parsed
        # the body is the end of the file's text: kept as its length, the text is at hand
        # when the entry is read, and decoding it from JSON was a third of reading a source
        kept = len(body) if _text(data).endswith(body) else body
        cache.put("source", cache_key, (meta, kept, body_line))
    return parsed


def _consistent(path: Path, parsed: tuple[FrontMatter, str, int], lang: str, problems: Problems) -> bool:
    """No starter text left in a published page, and a translation that agrees with its file name."""
    meta, body, body_line = parsed
    if not meta.draft and PLACEHOLDER in body:
        problems.error(
            path,
            body_line + body[: body.index(PLACEHOLDER)].count("\n"),
            _("the page still has the text a new page starts with"),
            _("write the page, or keep draft: true until it is ready"),
            "starter-text-left",
        )
        return False
    if lang and meta.lang and meta.lang != lang:
        problems.error(
            path,
            meta.line_of("lang"),
            _(
                "lang: {written} contradicts the file name, which says '.{lang}.md'",
                written=meta.lang,
                lang=lang,
            ),
            _("remove the lang line: the file name decides"),
            "translation-lang-contradicts",
            key="lang",
        )
        return False
    if lang and meta.slug:
        problems.error(
            path,
            meta.line_of("slug"),
            _("a translation takes the URL of the page it translates, under /{lang}/", lang=lang),
            _("remove the slug line (give the original a slug instead)"),
            "translation-slug",
            key="slug",
        )
        return False
    return True


def _known_units_only(meta: FrontMatter, ids: tuple[str, ...]) -> FrontMatter:
    """After a mistyped unit id (already an error), narrow by unit as if it were not written.

    The build fails on that one error; keeping the page in every unit meanwhile spares
    the editor a broken-link error in each unit that links to it: one cause, one message.
    """
    if all(v in ids for v in (*meta.offices, *meta.exclude_offices)):
        return meta
    offices = meta.offices if all(v in ids for v in meta.offices) else ()
    return replace(meta, offices=offices, exclude_offices=tuple(v for v in meta.exclude_offices if v in ids))


def _text(data: bytes) -> str:
    """A file's text as sitegen reads it (see :func:`_parse`)."""
    return data.decode("utf-8-sig").replace("\r\n", "\n")


def _tail(data: bytes, length: int) -> str | None:
    """The last ``length`` characters of a file's text (a cached source's body); None if it has none."""
    try:
        text = _text(data)
    except UnicodeDecodeError:
        return None
    return text[len(text) - length :] if 0 <= length <= len(text) else None


def _parse(path: Path, data: bytes, dated: bool, problems: Problems) -> tuple[FrontMatter, str, int] | None:
    """Decode and split a file and validate its front matter; report problems and return None on any."""
    try:
        text = _text(data)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.error(
            path,
            line,
            _(
                "not UTF-8 text (byte 0x{byte:02x} at offset {offset})",
                byte=data[exc.start],
                offset=exc.start,
            ),
            _("save the file as UTF-8 in your editor"),
            "not-utf8",
        )
        return None
    if len(text) > MAX_CHARS:
        problems.error(
            path,
            1,
            _(
                "the file is {size} million characters long; pages stop at {limit} million",
                size=len(text) // 1_000_000,
                limit=MAX_CHARS // 1_000_000,
            ),
            _("split it into several pages, or link to a document instead"),
            "file-too-long",
        )
        return None
    control = _CONTROL.search(text)
    if control:
        problems.error(
            path,
            text.count("\n", 0, control.start()) + 1,
            _("invisible control character U+{code:04X} in the text", code=ord(control.group())),
            _("delete it (it often comes from copying out of a PDF or a word processor)"),
            "control-character",
        )
        return None
    try:
        raw, body, yaml_line, body_line = split(text)
        meta = parse(raw, yaml_line, required_date=dated)
    except FrontMatterError as exc:
        for said in exc.problems:
            problems.error(path, said.line, said.message, said.hint, said.code, key=said.key)
        return None
    return meta, body, body_line


def _check_narrowing(
    path: Path, meta: FrontMatter, scope: str, ids: tuple[str, ...], problems: Problems
) -> bool:
    ok = True
    for key, allowed in (
        ("offices", ids),
        ("exclude_offices", ids),
        ("kinds", KINDS),
        ("services", SERVICES),
    ):
        for value in getattr(meta, key):
            if value not in allowed and key.endswith("offices"):
                said = hints.unknown_unit(value, key, ids)
                problems.error(path, meta.line_of(key), said.message, said.hint, said.code, key=key)
            elif value not in allowed:
                problems.error(
                    path,
                    meta.line_of(key),
                    _("unknown kind {value!r} in {key}", value=value, key=key)
                    if key == "kinds"
                    else _("unknown service {value!r} in {key}", value=value, key=key),
                    _("use one of: {ids}", ids=", ".join(allowed)),
                    "unknown-kind" if key == "kinds" else "unknown-service",
                    key=key,
                )
                ok = False
    if scope != "shared":
        for key in ("offices", "exclude_offices"):
            if getattr(meta, key):
                problems.warning(
                    path,
                    meta.line_of(key),
                    _("{key!r} has no effect on a unit's own page", key=key),
                    _("only shared pages are narrowed by unit"),
                    "narrowing-on-own-page",
                    key=key,
                )
    return ok


def load_sources(
    content_dir: Path,
    office_ids: tuple[str, ...],
    problems: Problems,
    cache: Cache | None = None,
    on_source: Callable[[Source], None] | None = None,
) -> list[Source]:
    """Read every content file once, collecting every problem; ``on_source`` sees each one read."""
    sources = []
    for path in discover(content_dir, problems):
        source = read_source(path, content_dir, office_ids, problems, cache)
        if source is not None:
            sources.append(source)
            if on_source is not None:
                on_source(source)
    return sources


def static_files(
    content_dir: Path, office_id: str, problems: Problems, trusted: tuple[str, ...] = ()
) -> dict[str, Path]:
    """A unit's own files (search-engine verification, downloads): site path -> file.

    Only regular files of the repository are taken: a link is an error, and so is a
    file or folder that cannot be read. Each file is checked by what it is
    (:mod:`sitegen.sources.static_trust`: HTML and SVG sanitized, scripts refused unless
    the unit's ``trusted_static`` names them, photos stripped of camera data).
    """
    folder = content_dir / "offices" / office_id / STATIC
    if folder.is_symlink():
        report_link(folder, problems)
        return {}
    if not folder.is_dir():
        return {}
    found: dict[str, Path] = {}

    def unreadable(exc: OSError) -> None:
        if exc.filename:
            report_unreadable(Path(exc.filename), exc, problems)

    for here, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted([*dirs, *files]):
            if not name.startswith(".") and os.path.islink(os.path.join(here, name)):
                report_link(Path(here, name), problems)
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(here, d))]
        for name in sorted(files):
            path = Path(here, name)
            rel = path.relative_to(folder).as_posix()
            if name.startswith(".") or path.is_symlink():
                continue
            if not os.access(path, os.R_OK):
                report_unreadable(path, PermissionError(13, "Permission denied"), problems)
                continue
            try:
                site_path = check(rel)
            except UnsafePath:
                problems.error(
                    path,
                    0,
                    _("{rel!r} is not a usable file name on a website", rel=rel),
                    _("use letters, digits, - and _"),
                    "static-file-name",
                )
                continue
            try:
                ok = static_trust.check(path, rel, trusted, office_id, problems)
            except OSError as exc:
                report_unreadable(path, exc, problems)
                continue
            if ok:
                found[site_path] = path
    return dict(sorted(found.items()))
