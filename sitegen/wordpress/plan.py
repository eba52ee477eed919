"""What an import will write: each item's file, front matter, body and old addresses; nothing is written here.

Decisions, in one place:

- Published and scheduled posts become news (``berita/<date>-<slug>.md``), published
  pages become pages of the unit (``<pages section>/<parent>/<slug>.md``, ``profil`` by default).
- Drafts and posts pending review are imported with ``draft: true``: the text is kept,
  nothing is published until an editor deletes that line. Private posts are skipped:
  their authors meant them for logged-in staff, and a repository is easily public.
  Trashed items, revisions, menus and other types are skipped and counted.
- The old GUID is pinned as ``id:`` (a value with a colon is used verbatim as the feed
  id), so a feed reader that knew the old feed sees no item twice.
- The old permalink's path becomes an ``aliases`` entry, so the old address redirects.
- Dates are the post's UTC time shown in the unit's zone, with its offset.
- The first category other than WordPress's default becomes ``category``; further
  categories and the tags become ``tags``.
- Links into the old site are pointed at the new pages and at copied uploads
  (:mod:`.old_links`); an upload not at hand, or a page not imported, keeps its old
  absolute address and is reported.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitegen.config.settings import Office
from sitegen.errors import Problems
from sitegen.hints import FAR_FUTURE_DAYS
from sitegen.i18n import N_, _, ngettext
from sitegen.sources.layout import SECTIONS
from sitegen.urls import UnsafePath, alias_url, file_for, page_url, slugify
from sitegen.wordpress.convert import Converted, convert
from sitegen.wordpress.old_links import OldSite, Upload, clean_path, host, plain
from sitegen.wordpress.record import Record
from sitegen.wordpress.wxr import Export, Item

DRAFT_STATUSES = ("draft", "pending")
PUBLISHED_STATUSES = ("publish", "future")
SKIP_REASONS = {
    "private": N_("private on the old site (meant for logged-in staff); not imported"),
    "trash": N_("in the old site's trash; not imported"),
    "auto-draft": N_("an empty automatic draft; not imported"),
}
# lists every site makes itself: an old page at one of these addresses cannot redirect from it
RESERVED = (*SECTIONS, "tag", "cari", "situs-resmi", "en")
DEFAULT_CATEGORIES = ("uncategorized", "uncategorised", "tak-berkategori")
_NO_DATE = "0000-00-00 00:00:00"
PROTECTED_BODY = "Teks halaman ini dilindungi kata sandi di situs lama dan tidak diimpor.\n"


@dataclass(frozen=True)
class Entry:
    """One file to write: a post or a page."""

    key: str  # the record's key: the old GUID
    item: Item
    rel: str  # below content/offices/<id>/
    url: str  # on the new site
    text: str
    draft: bool
    held: str = ""  # why a published item comes in as a draft ("" when it does not)


@dataclass
class Plan:
    entries: list[Entry] = field(default_factory=list)
    uploads: dict[str, Upload] = field(default_factory=dict)
    skipped: list[tuple[Item, str]] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)  # other post types, by type
    comments: int = 0
    html_blocks: int = 0
    protected: list[Item] = field(default_factory=list)  # password-protected: drafts without their text
    undescribed: list[tuple[Item, str]] = field(default_factory=list)  # drafts until described: (item, what)


class Planner:
    """Plans one export for one unit; reports what needs attention into ``problems``."""

    def __init__(
        self,
        export: Export,
        office: Office,
        unit_dir: Path,
        record: Record,
        uploads_dir: Path | None,
        pages_section: str,
        problems: Problems,
        now: datetime | None = None,
    ):
        self.export, self.office, self.unit_dir, self.record = export, office, unit_dir, record
        # the moment of the import: a post the old site scheduled further ahead than the build
        # accepts (a year: sitegen.hints) comes in as a draft, so the import still builds
        self.now = now or datetime.now(UTC)
        self.uploads_dir, self.pages_section, self.problems = uploads_dir, pages_section, problems
        self.plan = Plan()
        self.old = OldSite(export, unit_dir, uploads_dir, self._attention)
        self.pages = {i.post_id: i for i in export.items if i.post_type == "page"}
        self.taken: dict[str, str] = {}  # new site URL -> the file (under the unit) that has it
        self.aliased: set[str] = set()
        self.shared_urls: set[str] | None = None
        self.keys: dict[int, str] = {}  # post id -> the record's key and pinned id: the old GUID

    # -- public -------------------------------------------------------------------------------

    def run(self) -> Plan:
        chosen = self._select()
        placed = self._place(chosen)
        for item, _rel, url, draft in placed:
            if not draft:
                self.old.add_target(item, url)
        self.old.note_media_library()
        for item, rel, url, draft in placed:
            text, held = self._text(item, url, draft)
            entry = Entry(self._key(item), item, rel, url, text, draft or bool(held), held)
            self.plan.entries.append(entry)
        self.plan.uploads = self.old.uploads
        return self.plan

    # -- choosing and placing -------------------------------------------------------------------

    def _select(self) -> list[tuple[Item, bool]]:
        chosen = []
        seen: dict[str, Item] = {}
        for item in self.export.items:
            if item.post_type == "attachment":
                continue
            if item.post_type not in ("post", "page"):
                self.plan.ignored[item.post_type or "(no type)"] += 1
                continue
            self.plan.comments += item.comments
            if item.status in PUBLISHED_STATUSES or item.status in DRAFT_STATUSES:
                if item.password:  # readers needed a password: never published, its text never copied
                    self.plan.protected.append(item)
                chosen.append((item, item.status in DRAFT_STATUSES or bool(item.password)))
                self.keys[item.post_id] = self._choose_key(item, seen)
            else:
                known = SKIP_REASONS.get(item.status)
                reason = _(known) if known else _("status {status!r}; not imported", status=item.status)
                self.plan.skipped.append((item, reason))
        return chosen

    def _place(self, chosen: list[tuple[Item, bool]]) -> list[tuple[Item, str, str, bool]]:
        """A file and URL for each item: its recorded file first, then new ones oldest first."""
        own = {entry["path"] for entry in self.record.items.values()}
        taken = self.taken
        for path in sorted(self.unit_dir.rglob("*.md")) if self.unit_dir.is_dir() else []:
            rel = path.relative_to(self.unit_dir).as_posix()
            if rel.startswith("static/") or rel in own:
                continue
            taken[page_url(rel)] = rel
        placed: list[tuple[Item, str, str, bool]] = []
        fresh: list[tuple[Item, bool]] = []
        for item, draft in chosen:
            recorded = self.record.path_of(self._key(item))
            if recorded is None:
                fresh.append((item, draft))
                continue
            placed.append((item, recorded, page_url(recorded), draft))
            taken[page_url(recorded)] = recorded
        fresh.sort(key=lambda pair: (pair[0].post_type != "page", self._moment(pair[0]), pair[0].post_id))
        for item, draft in fresh:
            rel = self._free_name(item, taken)
            taken[page_url(rel)] = rel
            placed.append((item, rel, page_url(rel), draft))
        return sorted(placed, key=lambda p: p[1])

    def _free_name(self, item: Item, taken: dict[str, str]) -> str:
        slug = _slug(item) or _slug_of(_title(item)) or f"{item.post_type}-{item.post_id}"
        if item.post_type == "page":
            chain = self._ancestors(item)
            section = self.pages_section.rsplit("/", 1)[-1]
            if chain and chain[0] == section:  # the old site's own "Profil" page: the section itself
                chain = chain[1:]
            elif not chain and slug == section:
                return self._section_index(item, taken)
            folder = "/".join([self.pages_section, *chain])
            prefix = ""
        else:
            folder, prefix = "berita", f"{self._moment(item):%Y-%m-%d}-"
        year = f"{self._moment(item):%Y}"
        for n, candidate in enumerate(
            [slug, f"{slug}-{year}", *(f"{slug}-{year}-{k}" for k in range(2, 1000))]
        ):
            rel = f"{folder}/{prefix}{candidate}.md"
            if page_url(rel) not in taken and not (self.unit_dir / rel).exists():
                shared = self.unit_dir.parent.parent / "shared" / rel
                if shared.exists():
                    self._attention(
                        item.line,
                        _(
                            "this page goes to {path}, which replaces the shared page for {unit}",
                            path=rel,
                            unit=self.office.id,
                        ),
                        _("if the shared page says the same, delete the imported one"),
                    )
                if n:
                    self._attention(
                        item.line,
                        _(
                            "/{wished} is taken, so this item gets /{given}",
                            wished=page_url(f"{folder}/{slug}.md"),
                            given=page_url(rel),
                        ),
                    )
                return rel
        raise AssertionError("no free name")  # a thousand items with one slug and year cannot happen

    def _section_index(self, item: Item, taken: dict[str, str]) -> str:
        """The old site's page named like the section ("Profil" into profil/) is the section's page."""
        rel = f"{self.pages_section}/_index.md"
        if page_url(rel) in taken or (self.unit_dir / rel).exists():
            rel = f"{self.pages_section}/{self.pages_section.rsplit('/', 1)[-1]}-{item.post_id}.md"
            self._attention(
                item.line, _("the section's own page is taken, so this page goes to {path}", path=rel)
            )
        elif (self.unit_dir.parent.parent / "shared" / rel).exists():
            self._attention(
                item.line,
                _(
                    "this page goes to {path}, which replaces the shared page for {unit}",
                    path=rel,
                    unit=self.office.id,
                ),
                _("if the shared page says the same, delete the imported one"),
            )
        return rel

    def _ancestors(self, item: Item) -> list[str]:
        chain: list[str] = []
        seen = {item.post_id}
        parent = self.pages.get(item.parent)
        while parent is not None and parent.post_id not in seen:
            seen.add(parent.post_id)
            chain.insert(0, _slug(parent) or _slug_of(_title(parent)) or f"page-{parent.post_id}")
            parent = self.pages.get(parent.parent)
        return chain

    # -- one file ---------------------------------------------------------------------------------

    def _text(self, item: Item, url: str, draft: bool) -> tuple[str, str]:
        """The file's text, and why a published item is held back as a draft ("" if it is not).

        The front matter's lines are gathered in the order an editor reads them; each part
        reports what needs attention as it is made, so the report follows the file.
        """
        title = self._title_or_date(item)
        converted = self._body(item)
        moment = self._moment(item)
        lines = ["---", f"title: {_yaml(title)}", *self._dates(item, moment)]
        if item.post_type == "post":
            lines += self._byline(item)
        summary = "" if item.password else plain(item.excerpt)
        if summary:
            lines.append(f"summary: {_yaml(summary)}")
        featured, described = self._featured(item)
        lines += featured
        undescribed = list(converted.undescribed) if described else ["image", *converted.undescribed]
        lines += self._placing(item, url)
        draft_line, held = self._draft_line(item, draft, moment, undescribed)
        if draft_line:
            lines.append(draft_line)
        lines += ["---", ""]
        return "\n".join(lines) + converted.markdown, held

    def _title_or_date(self, item: Item) -> str:
        """The item's title; an untitled one is named by its date (a page needs a title) and reported."""
        title = _title(item)
        if not title:
            title = f"Tanpa judul ({self._moment(item):%Y-%m-%d})"
            self._attention(
                item.line, _("the item has no title; it was given one from its date"), _("write a title")
            )
        return title

    def _body(self, item: Item) -> Converted:
        """The item's text in Markdown, its notes reported at their lines; none for a protected item."""
        if item.password:
            converted = Converted(PROTECTED_BODY)
            self._attention(
                item.line,
                _("password-protected on the old site; imported as a draft without its text or summary"),
                _(
                    "if it may be public, copy its text from the old site and delete draft: true; else delete the file"
                ),
            )
        else:
            converted = convert(
                item.content,
                lambda link, offset: self.old.relink(link, item.line_in_content(offset)),
                self.old.pictures(),
                lambda: self.old.own_pictures(item),
                self._describe,
            )
        self.plan.html_blocks += converted.html_blocks
        for note in converted.notes:
            self._attention(item.line_in_content(note.offset), note.message, note.hint)
        return converted

    def _dates(self, item: Item, moment: datetime) -> list[str]:
        """A post's date, and ``updated`` when the item changed a minute or more after it appeared."""
        lines = []
        if item.post_type == "post":
            lines.append(f"date: {moment.isoformat()}")
        modified = _utc(item.modified_gmt) or _local(item.modified, self.office)
        if modified and (modified - moment).total_seconds() >= 60:
            lines.append(f"updated: {modified.astimezone(self.office.tz).isoformat()}")
        return lines

    def _byline(self, item: Item) -> list[str]:
        """A post's author, category and tags (further categories become tags; WordPress's default is none)."""
        lines = []
        author = self.export.authors.get(item.creator, item.creator)
        if author:
            lines.append(f"author: {_yaml(author)}")
        categories = [t for t in item.terms if t.domain == "category" and t.slug not in DEFAULT_CATEGORIES]
        tags = [t.name for t in categories[1:]] + [t.name for t in item.terms if t.domain == "post_tag"]
        if categories:
            lines.append(f"category: {_yaml(categories[0].name)}")
        tags = _one_per_topic(tags)
        if tags:
            lines.append(f"tags: {_yaml(tags)}")
        return lines

    def _featured(self, item: Item) -> tuple[list[str], bool]:
        """The featured picture's lines, and whether it is described (True when there is none).

        A featured picture without alt text holds the item back: it is reported here.
        """
        image, alt = self.old.featured(item)
        if not image:
            return [], True
        if alt:
            return [f"image: {_yaml(image)}", f"image_alt: {_yaml(alt)}"], True
        self._attention(
            item.line,
            _(
                "the featured picture {image} has no description (alt text) in the media library; "
                "the item comes in as a draft until it has one",
                image=image,
            ),
            _("add a line image_alt: Petugas melayani pemohon, then delete draft: true"),
        )
        return [f"image: {_yaml(image)}"], False

    def _placing(self, item: Item, url: str) -> list[str]:
        """Where the item stands among others: its menu order, pin, lasting feed id and old address."""
        lines = []
        if item.post_type == "page" and item.menu_order:
            lines.append(f"weight: {item.menu_order}")
        if item.post_type == "post" and item.sticky and not item.password:
            lines.append(
                "pinned: true  # " + _("sticky on the old site: shown first on the news list and home")
            )
        if item.post_type == "post" and item.guid:
            lines.append(f"id: {_yaml(self._key(item))}")
        alias = "" if item.password else self._alias(item, url)
        if alias:
            lines.append(f"aliases: {_yaml([alias])}")
        return lines

    def _draft_line(
        self, item: Item, draft: bool, moment: datetime, undescribed: list[str]
    ) -> tuple[str, str]:
        """The ``draft: true`` line with its reason ("" for none), and why a published item is held ("").

        The first reason that applies is the one given: protected, a draft on the old site,
        scheduled too far ahead, pictures to describe.
        """
        if item.password:
            return "draft: true  # " + _("password-protected on the old site; its text was not imported"), ""
        if draft:
            return (
                "draft: true  # "
                + _("{status} on the old site; delete this line to publish", status=item.status),
                "",
            )
        if item.post_type == "post" and moment > self.now + timedelta(days=FAR_FUTURE_DAYS):
            return self._held_far_ahead(item, moment)
        if undescribed:
            return self._held_undescribed(item, undescribed)
        return "", ""

    def _held_far_ahead(self, item: Item, moment: datetime) -> tuple[str, str]:
        """A post scheduled beyond what the build accepts: a draft, reported, until its date is checked."""
        held = _("scheduled for {date} on the old site, more than a year ahead", date=f"{moment:%Y-%m-%d}")
        self._attention(
            item.line,
            _("{held}; imported as a draft", held=held),
            _("check the date, then delete draft: true"),
        )
        return "draft: true  # " + _("{held}: check the date, then delete this line", held=held), held

    def _held_undescribed(self, item: Item, undescribed: list[str]) -> tuple[str, str]:
        """A published item with pictures lacking alt text: a draft naming them, listed in the report."""
        names = ["image_alt" if u == "image" else u.split("?")[0].rsplit("/", 1)[-1] for u in undescribed]
        names = list(dict.fromkeys(names))
        held = ngettext(
            "describe {count} picture first: {names}",
            "describe {count} pictures first: {names}",
            len(names),
            names=", ".join(names),
        )
        self.plan.undescribed.append((item, held))
        return "draft: true  # " + _("{held} (alt text); then delete this line", held=held), held

    def _describe(self, src: str, ident: int | None) -> str:
        attachment = self.old.attachment_of(src, ident)
        return self.old.library_alt(attachment) if attachment is not None else ""

    def _key(self, item: Item) -> str:
        return self.keys[item.post_id]

    def _choose_key(self, item: Item, seen: dict[str, Item]) -> str:
        """The item's lasting identity: its GUID (the id old feeds gave it), unique in the export."""
        key = self._guid(item)
        if key in seen:
            other = key
            key = f"{self.export.blog_url}/?p={item.post_id}"
            self._attention(
                item.line,
                _(
                    "the GUID {guid} is also the item's at line {line}; this one gets {key}",
                    guid=other,
                    line=seen[other].line,
                    key=key,
                ),
            )
        seen[key] = item
        return key

    def _guid(self, item: Item) -> str:
        guid = item.guid
        if guid and ":" not in guid:  # a GUID without a scheme would be read as a local id
            guid = f"{self.export.blog_url}/{guid.lstrip('/')}"
        return guid or f"{self.export.blog_url}/?p={item.post_id}"

    def _moment(self, item: Item) -> datetime:
        moment = _utc(item.date_gmt) or _local(item.date, self.office)
        return (moment or datetime(1970, 1, 1, tzinfo=UTC)).astimezone(self.office.tz)

    def _alias(self, item: Item, url: str) -> str:
        """The old permalink's path, if it is one a static site can answer (no ?p=123)."""
        parts = urlsplit(item.link)
        if (
            not item.link
            or parts.query
            or host(item.link) not in self.old.hosts
            or item.status in DRAFT_STATUSES
        ):
            return ""
        path = clean_path(unquote(parts.path))
        try:
            alias = alias_url(path)
            file_for(alias)
        except UnsafePath:
            if path.strip("/"):
                self._attention(
                    item.line,
                    _(
                        "the old address {path} cannot be kept as a redirect (only letters, digits, . - _ "
                        "work on a static host)",
                        path=path,
                    ),
                    _("ask the web server to redirect it"),
                )
            return ""
        if alias == url:
            return ""
        if (
            alias in self.taken
            or alias in self.aliased
            or alias.rstrip("/") in RESERVED
            or alias in self._shared()
        ):
            self._attention(
                item.line,
                _(
                    "the old address /{alias} is an address of the new site; it does not redirect here",
                    alias=alias,
                ),
                _("link to the new address where the old one was used"),
            )
            return ""
        self.aliased.add(alias)
        return "/" + alias

    def _shared(self) -> set[str]:
        """The addresses of shared pages (a unit publishes most of them): never an alias."""
        if self.shared_urls is None:
            shared = self.unit_dir.parent.parent / "shared"
            paths = sorted(shared.rglob("*.md")) if shared.is_dir() else []
            self.shared_urls = {page_url(p.relative_to(shared).as_posix()) for p in paths}
        return self.shared_urls

    def _attention(self, line: int, message: str, hint: str = "") -> None:
        self.problems.warning(self.export.path, line, message, hint, "import")


def _slug(item: Item) -> str:
    return _slug_of(unquote(item.slug)) if item.slug and not item.slug.endswith("__trashed") else ""


def _slug_of(text: str) -> str:
    """A slug from the words' letters, Greek and Cyrillic ones written in Latin, or "".

    The new sites' addresses are Latin letters, digits and ``-`` (``slugify``); a title
    in another script keeps its words by transliteration ("Επίπεδο 2" -> "epipedo-2")
    rather than shrinking to its digits ("2"). A slug of digits alone is refused (""):
    it says nothing and collides.
    """
    slug = slugify(transliterate(text))
    if slug == "halaman" and "halaman" not in text.lower():
        return ""
    return "" if slug.replace("-", "").isdigit() else slug


def _pairs(letters: str, latin: str) -> dict[str, str]:
    return dict(zip(letters, latin.split(" "), strict=True))


# ISO 843 (Greek, simplified) and a common Cyrillic romanisation: enough for a readable slug
_LATIN = {
    **_pairs("αβγδεζηθικλμνξοπρσςτυφχψω", "a b g d e z i th i k l m n x o p r s s t y f ch ps o"),
    **_pairs("άέήίόύώϊϋΐΰ", "a e i i o y o i y i y"),
    **_pairs(
        "абвгдеёжзийклмнопрстуфхцчшщыэюяіїєґ",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch y e yu ya i i ie g",
    ),
    "ъ": "",
    "ь": "",
}


def transliterate(text: str) -> str:
    """Greek and Cyrillic letters in Latin ones; everything else as it was."""
    return "".join(_LATIN.get(c, _LATIN.get(c.lower(), c)) for c in text)


def _one_per_topic(tags: list[str]) -> list[str]:
    """Tags as one topic each, whatever their case or spacing (``Paspor``, ``paspor``, `` PASPOR``): the first kept."""
    seen: set[str] = set()
    kept = []
    for tag in tags:
        name = " ".join(tag.split())
        key = slugify(name)
        if name and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def _title(item: Item) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", item.title)).split())


def _utc(text: str) -> datetime | None:
    if not text or text == _NO_DATE:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _local(text: str, office: Office) -> datetime | None:
    moment = _utc(text)
    return moment.replace(tzinfo=office.tz) if moment else None


def _yaml(value: str | list[str]) -> str:
    """A YAML value that reads back exactly (JSON's strings and lists are YAML)."""
    return json.dumps(value, ensure_ascii=False)
