"""The per-unit site model made: which pages a unit publishes, at which URLs, with which dates.

Built from parsed sources without touching the disk, into the plain objects of
sitegen.structure.site. Templates grow on that model; renderers and feeds read it;
nothing here renders or writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath

from sitegen import hints
from sitegen.config.settings import Network, Office
from sitegen.dates import DateFormatError, parse_datetime
from sitegen.errors import Problems
from sitegen.i18n import _
from sitegen.sources.front_matter import FrontMatter
from sitegen.sources.layout import SECTIONS
from sitegen.sources.office_vars import OfficeVarError
from sitegen.sources.source import Source
from sitegen.structure import feed_ids
from sitegen.structure.pictures import Placed
from sitegen.structure.site import Page, Site
from sitegen.urls import UnsafePath, alias_url, file_for, page_url, slugify

SECTION_TITLES = {
    "": "Beranda",
    "berita": "Berita",
    "pengumuman": "Pengumuman",
    "layanan": "Layanan",
    "informasi-publik": "Informasi Publik",
    "profil": "Profil",
    "langganan": "Langganan",
}
PlacePictures = Callable[[Source, str, str, str], Placed]  # (source, unit id, page URL, body) -> placed
# Titles of sections a translation tree gets without an _index.<lang>.md of its own.
TRANSLATED_TITLES = {
    "en": {
        "": "Home",
        "layanan": "Services",
        "layanan/wna": "Services for Foreign Nationals",
        "layanan/wni": "Services for Indonesian Citizens",
        "informasi-publik": "Public Information",
        "profil": "About Us",
    },
}


def publishes(office: Office, source: Source, overridden: set[str]) -> bool:
    """Does ``office`` publish ``source``? Its own files always; shared ones as narrowed."""
    if source.lang and source.lang not in office.languages:
        return False  # a translation goes only to units that publish its language
    if source.scope == office.id:
        return True
    if not source.is_shared or source.key in overridden:
        return False
    meta = source.meta
    if meta.offices and office.id not in meta.offices:
        return False
    if office.id in meta.exclude_offices:
        return False
    if meta.kinds and office.kind not in meta.kinds:
        return False
    return not (meta.services and not set(meta.services) & set(office.services))


def build_site(
    office: Office,
    network: Network,
    sources: list[Source],
    render_body: Callable[[Source, Office], str],
    now: datetime,
    problems: Problems,
    drafts: bool = False,
    static: dict[str, Path] | None = None,
    known_ids: dict[str, str] | None = None,
    pictures: PlacePictures | None = None,
) -> Site:
    """Assemble the unit's pages: choose sources, compute URLs and dates, fill bodies (pictures placed)."""
    overridden = {s.key for s in sources if s.scope == office.id}
    pages: list[Page] = []
    upcoming: list[datetime] = []
    waiting: list[Page] = []  # future-dated: not published yet, but checked now
    for source in sources:
        if not publishes(office, source, overridden) or (source.meta.draft and not drafts):
            continue
        page = page_of(office, network, source, render_body, problems, pictures)
        if page is None or not _dates_plausible(page, now, problems):
            continue
        if page.date and page.date > now and source.dated:
            upcoming.append(page.date)  # future-dated news waits for a build at or after its date
            waiting.append(page)
            continue
        if page.expires and page.expires > now:
            upcoming.append(page.expires)
        pages.append(page)
    orphans = _place_translations(pages, network.default_language)
    if orphans:
        _report_orphans(orphans, sources, office, problems)
        left_out = {id(page) for page in orphans}
        pages = [page for page in pages if id(page) not in left_out]
    by_url: dict[str, Page] = {}
    pages = [page for page in pages if _claim(by_url, page.url, page, problems)]
    _check_waiting(waiting, by_url, problems)
    translated = tuple(lang for lang in office.languages if lang != network.default_language)
    _synthesise_sections(by_url, pages, translated)
    _link_translations(pages, network.default_language)
    aliases = _aliases(pages, by_url, problems)
    _link_children(pages, by_url)
    tags = _topics_of(pages, network.default_language)
    _assign_feed_ids(office, pages, known_ids or {}, problems)
    next_change = min(upcoming, default=None)
    return Site(
        office, network, now, pages, by_url, dict(sorted(tags.items())), aliases, next_change, static or {}
    )


def _aliases(pages: list[Page], by_url: dict[str, Page], problems: Problems) -> dict[str, Page]:
    """The old addresses pages keep answering at (``aliases:``), each a usable path no page has."""
    aliases: dict[str, Page] = {}
    for page in pages:
        for alias in page.aliases:
            try:
                url = alias_url(alias)
                file_for(url)
            except UnsafePath:
                problems.error(
                    page.read_from.path,
                    page.read_from.meta.line_of("aliases"),
                    _("alias {alias!r} is not a usable path", alias=alias),
                    _("write aliases like /berita/judul-lama/"),
                    "alias-unusable",
                    key="aliases",
                )
                continue
            if url in by_url or url in aliases:
                other = by_url.get(url) or aliases[url]
                problems.error(
                    page.read_from.path,
                    page.read_from.meta.line_of("aliases"),
                    _(
                        "alias {alias!r} claims a URL already used by {other}",
                        alias=alias,
                        other=_where(other),
                    ),
                    _("remove the alias"),
                    "alias-clash",
                    key="aliases",
                )
                continue
            aliases[url] = page
    return aliases


def _topics_of(pages: list[Page], default_language: str) -> dict[str, list[Page]]:
    """The site's topics by slug, each with its pages in order; every page's tags spelt as its topic is.

    One topic per slug: "Paspor" and "paspor" are one (see _topics), labelled with the spelling
    most pages use (ties: the first in sorted order). A withdrawn page is in none.
    """
    tags: dict[str, list[Page]] = {}
    spellings: dict[str, Counter[str]] = {}
    for page in pages:
        if page.lang != default_language:
            continue  # topics gather the site's own language; a translation is reached by its switch
        for tag in () if page.gone else page.tags:
            tags.setdefault(slugify(tag), []).append(page)
            spellings.setdefault(slugify(tag), Counter())[tag] += 1
    label = {slug: min(c, key=lambda t: (-c[t], t)) for slug, c in spellings.items()}
    for page in pages:
        page.tags = tuple(label.get(slugify(t), t) for t in page.tags)
    for tagged in tags.values():
        tagged.sort(key=lambda p: p.sort_key)
    return tags


def page_of(
    office: Office,
    network: Network,
    source: Source,
    render_body: Callable[[Source, Office], str],
    problems: Problems,
    pictures: PlacePictures | None = None,
) -> Page | None:
    """One source's page in ``office``'s site as :func:`build_site` first makes it, before the
    site's tree, topics and feed ids are filled in; None, reported, when it cannot be made.

    The preview makes a saved page this way too, to show an edited body at once.
    """
    meta = source.meta
    if meta.gone and source.is_index:
        problems.error(
            source.path,
            meta.line_of("gone"),
            _("a section's own page cannot be withdrawn with gone:"),
            _("withdraw its pages one by one, or redirect the section with aliases: on another page"),
            "gone-on-section",
            key="gone",
        )
        return None
    try:
        url = url_of(source.key, meta)
        path = file_for(url)
    except UnsafePath as exc:
        problems.error(
            source.path,
            meta.line_of("slug"),
            str(exc),
            _("use a slug of lowercase letters, digits and hyphens"),
            "slug-unusable",
            key="slug",
        )
        return None
    dates = _dates(source, office, problems)
    if dates is None:
        return None
    try:
        body = render_body(source, office)
    except OfficeVarError as exc:
        problems.error(source.path, exc.line, exc.message, exc.hint, "office-variable", units=(office.id,))
        return None
    placed = pictures(source, office.id, url, body) if pictures else Placed(body)
    feed_id = _feed_id(source, dates["date"], network, office) if source.dated else ""
    return Page(
        source=source,
        url=url,
        path=path,
        title=meta.title,
        section=source.section,
        body=placed.body,
        summary=meta.summary,
        date=dates["date"],
        updated=dates["updated"],
        expires=dates["expires"],
        verified=dates["verified"],
        source_name=meta.source,
        source_url=meta.source_url,
        tags=_topics(meta.tags),
        pinned=meta.pinned,
        category=meta.category,
        author=meta.author,
        image=meta.image,
        lang=_language(source, office, network, problems),
        weight=meta.weight,
        aliases=meta.aliases,
        is_index=source.is_index,
        feed_id=feed_id,
        picture=placed.picture,
        pictures=placed.pictures,
        gone=meta.gone,
    )


def _language(source: Source, office: Office, network: Network, problems: Problems) -> str:
    """The page's language: its file name's, else its lang: where the unit publishes that, else the site's.

    A lang: the unit has no pages in would give the page an interface nobody made (an unknown
    one stops the render outright), and news in another language would link topics its site
    never makes: each is an error at the lang: line, and the page is read as the site's own.
    """
    default, written = network.default_language, source.meta.lang
    if source.lang or not written or written == default:
        return source.lang or default
    languages = tuple(dict.fromkeys((default, *office.languages)))
    if source.dated:
        said = hints.lang_on_news(written, default)
    elif written not in languages:
        said = hints.lang_not_published(written, languages)
    else:
        return written
    line = source.meta.line_of("lang")
    problems.error(source.path, line, said.message, said.hint, said.code, units=(office.id,), key="lang")
    return default


def _dates(source: Source, office: Office, problems: Problems) -> dict[str, datetime | None] | None:
    """The page's dates in the unit's own zone (None, reported, when one cannot be read).

    A time written with an offset is shown in the unit's own zone: "20.39 WIB", not "+0700";
    ``expires:`` without a time lasts to the end of its day.
    """
    meta, dates = source.meta, {}
    for key in ("date", "updated", "expires", "verified"):
        value = getattr(meta, key)
        try:
            moment = parse_datetime(value, office.tz, end_of_day=key == "expires") if value else None
            dates[key] = moment.astimezone(office.tz) if moment else None
        except DateFormatError as exc:
            problems.error(source.path, meta.line_of(key), str(exc), code="date-unreadable", key=key)
            return None
    return dates


def _feed_id(source: Source, date: datetime | None, network: Network, office: Office) -> str:
    """A dated item's id in every feed, for good: a tag URI of the unit and the item's first date
    (or the ``id:`` its file pins); "" without a date."""
    meta = source.meta
    if date is None:
        return ""
    if ":" in meta.id:  # a full id pinned verbatim, e.g. an old GUID kept after a migration
        return meta.id
    local = meta.id or f"{source.section}/{date.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    return f"tag:{network.id_authority}:{office.id}/{local}"


def url_of(key: str, meta: FrontMatter) -> str:
    """The URL a source at ``key`` (within its scope) is published at; ``sitegen mv`` asks here too."""
    return page_url(key, meta.slug and slugify(meta.slug))


def translated_url(lang: str, original_url: str) -> str:
    """A translation lives at its original's URL under its language: "layanan/x/" -> "en/layanan/x/"."""
    return f"{lang}/{original_url}"


def _topics(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """A page's tags, one per topic: tags differing only in case or spacing are one, the first kept."""
    seen: dict[str, str] = {}
    for tag in tags:
        name = " ".join(str(tag).split())
        if name:
            seen.setdefault(slugify(name), name)
    return tuple(seen.values())


def _where(page: Page) -> str:
    return page.source.rel if page.source else _("the generated page /{url}", url=page.url)


def _claim(by_url: dict[str, Page], url: str, page: Page, problems: Problems) -> bool:
    """Give ``url`` to ``page`` unless another page has it (then report, and leave the page out)."""
    if url in by_url:
        first = by_url[url]
        problems.error(
            page.read_from.path,
            page.read_from.meta.line_of("slug"),
            _(
                "URL /{url} is claimed by both {first} and {second}",
                url=url,
                first=_where(first),
                second=page.read_from.rel,
            ),
            _("give one of them another file name or slug"),
            "url-clash",
        )
        return False
    by_url[url] = page
    return True


def _check_waiting(waiting: list[Page], by_url: dict[str, Page], problems: Problems) -> None:
    """A page that waits for its date must not clash when it comes: say so now, not then."""
    claimed = dict(by_url)
    for page in sorted(waiting, key=lambda p: (p.date, p.read_from.rel)):
        other = claimed.get(page.url)
        if other is not None:
            problems.error(
                page.read_from.path,
                page.read_from.meta.line_of("slug"),
                _(
                    "on {date} this page will claim /{url}, which {other} already has",
                    date=f"{page.date:%Y-%m-%d %H:%M}",
                    url=page.url,
                    other=_where(other),
                ),
                _("give it another file name or slug, e.g. with the year in it"),
                "url-clash",
            )
        else:
            claimed[page.url] = page


def _dates_plausible(page: Page, now: datetime, problems: Problems) -> bool:
    """A year typo or an announcement expiring before it appears: an error, not a silent schedule."""
    source = page.source
    if source is None or page.date is None:
        return True
    meta = source.meta
    if page.date > now + timedelta(days=hints.FAR_FUTURE_DAYS):
        said = hints.date_far_future("date", meta.date or "", page.date, now)
        problems.error(source.path, meta.line_of("date"), said.message, said.hint, said.code, key="date")
        return False
    if page.expires is not None and page.expires < page.date:
        said = hints.expires_before_date(page.expires, page.date)
        problems.error(
            source.path, meta.line_of("expires"), said.message, said.hint, said.code, key="expires"
        )
        return False
    return True


def _report_orphans(orphans: list[Page], sources: list[Source], office: Office, problems: Problems) -> None:
    """A translation whose original the unit does not publish: missing altogether, or narrowed away."""
    keys = {(s.scope, s.key) for s in sources}
    for page in orphans:
        source = page.read_from
        expected = source.original_key
        if (source.scope, expected) in keys or ("shared", expected) in keys:
            folder = "shared" if ("shared", expected) in keys else f"offices/{source.scope}"
            said = hints.translation_original_unpublished(f"{folder}/{expected}", office.id)
        else:
            said = hints.translation_without_original(
                problems.rel(source.path.with_name(PurePosixPath(expected).name)), source.lang
            )
        problems.error(source.path, 0, said.message, said.hint, said.code, units=said.units)


def _place_translations(pages: list[Page], default_language: str) -> list[Page]:
    """A translation lives at its original's URL under its language: "layanan/x/" -> "en/layanan/x/".

    The original may have a slug; the translation follows it, so the pair stays a pair.
    Returns the translations whose original the unit does not publish (never placed).
    """
    orphans = []
    originals = {(p.source.scope, p.source.key): p for p in pages if p.source and p.lang == default_language}
    shared = {p.source.key: p for p in pages if p.source and p.lang == default_language}
    for page in pages:
        if page.source is None or not page.source.lang or page.lang == default_language:
            continue
        key = page.source.original_key
        original = originals.get((page.source.scope, key)) or shared.get(key)
        if original is None:
            orphans.append(page)
            continue
        page.url = translated_url(page.lang, original.url)
        page.path = file_for(page.url)
    return orphans


def _synthesise_sections(by_url: dict[str, Page], pages: list[Page], translated: tuple[str, ...]) -> None:
    """Every folder with pages gets an index page, even without an _index.md; each language a home."""
    needed = {""} | set(SECTIONS) | set(translated)
    for page in pages:
        parts = [part for part in page.url.split("/") if part]  # strings: every page passes
        for depth in range(1, len(parts)):
            needed.add("/".join(parts[:depth]))
    for folder in sorted(needed):
        url = f"{folder}/" if folder else ""
        if url not in by_url:
            head, _, rest = folder.partition("/")
            lang = head if head in translated else ""
            inner = rest if lang else folder  # the folder within its language tree
            name = inner.rsplit("/", 1)[-1]
            titles = TRANSLATED_TITLES.get(lang, {}) if lang else SECTION_TITLES
            page = Page(
                None,
                url,
                file_for(url),
                titles.get(inner, name.replace("-", " ").title()),
                inner.split("/")[0] if inner else "",
                is_index=True,
            )
            if lang:
                page.lang = lang
            by_url[url] = page
            pages.append(page)


def _link_translations(pages: list[Page], default_language: str) -> None:
    """Pages with the same URL in the site's own language are one page in several languages."""
    groups: dict[str, list[Page]] = {}
    for page in pages:
        groups.setdefault(page.original_url, []).append(page)
    for group in groups.values():
        if len(group) > 1:
            for page in group:
                page.translations = {p.lang: p for p in group if p is not page}


def _link_children(pages: list[Page], by_url: dict[str, Page]) -> None:
    for page in pages:
        if page.url == "" or page.gone:
            continue  # a withdrawn page is reached at its old address only, never from a list
        above = page.url.rstrip("/").rpartition("/")[0]  # "berita/x/": "berita"
        parent = by_url.get(f"{above}/" if above else "")
        if parent is not None and parent is not page and parent.lang == page.lang:
            parent.children.append(page)
    for page in pages:
        page.children.sort(key=lambda p: (not p.is_index, not p.pinned, p.sort_key))
        page.subsections = [c for c in page.children if c.is_index]
        page.items = [c for c in page.children if not c.is_index]


def _assign_feed_ids(office: Office, pages: list[Page], known: dict[str, str], problems: Problems) -> None:
    dated = [p for p in pages if p.feed_id]
    claims = []
    for page in dated:
        source = page.read_from
        claims.append(
            feed_ids.Claim(
                source.rel,
                page.feed_id,
                bool(source.meta.id),
                source.path,
                source.meta.line_of("id" if source.meta.id else "date"),
            )
        )
    ids = feed_ids.assign(claims, known, problems)
    for page in dated:
        page.feed_id = ids[page.read_from.rel]
