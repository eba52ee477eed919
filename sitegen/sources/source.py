"""Content sources: every Markdown file under content/, read and parsed once.

Where a file lies decides what it is (:mod:`sitegen.sources.layout`); which
files are read is :mod:`sitegen.sources.content_files`. A Source knows nothing about units beyond their ids; which unit publishes
what is decided in :mod:`sitegen.structure.model`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitegen import hints
from sitegen.config.offices_keys import KINDS, SERVICES
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.sources.cache import Cache
from sitegen.sources.content_files import discover, report_unreadable
from sitegen.sources.front_matter import FrontMatter, FrontMatterError, parse, split
from sitegen.sources.layout import INDEX, SECTIONS, is_dated, place_of, section_of, translation_of

MAX_CHARS = 5_000_000  # a page is read on phones; anything longer is a mistake or an attack
# no web page or feed may carry these (DEL and C1, U+0080-U+009F, XML allows but nobody means)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
PLACEHOLDER = "Tulis isi halaman di sini."  # what `sitegen new` starts a page with


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
    text = data.decode("utf-8-sig")
    return text.replace("\r\n", "\n") if "\r" in text else text  # a scan, not a copy of every file


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
