"""The words of the checks that catch an editor's silent losses and misleading slips.

Each message lives here once, as a function returning what is wrong, how to fix
it and the problem's stable code, so that one place is wrapped when the messages
are translated. The checks themselves stay where the thing is read (sources,
front matter, the site model); they only call these.

The editors are public-relations staff writing in Indonesian: a hint names the
exact edit ("rename it to …", "write date: 2026-11-20") rather than a rule.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

from babel import Locale

from sitegen.dates import as_written_for_sitegen
from sitegen.i18n import N_, _


@dataclass(frozen=True)
class Hint:
    """One problem's words: what is wrong, how to fix it, and its code (sitegen.codes)."""

    message: str
    hint: str
    code: str
    units: tuple[str, ...] = ()  # the units it was met in, shown after the message (sitegen.errors)


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")  # compared in lowercase


def misnamed_markdown(name: str) -> Hint:
    """A page saved as "berita.MD" or "berita.markdown": sitegen reads only ".md" and would skip it."""
    stem = name[: name.rfind(".")]
    return Hint(
        _(
            "{name!r} is never published: sitegen reads only pages whose name ends in .md (lowercase)",
            name=name,
        ),
        _("rename it to {stem}.md", stem=stem),
        "markdown-extension",
    )


def translation_without_original(expected: str, lang: str) -> Hint:
    """A "jam-buka.en.md" with no "jam-buka.md": it would go out at an address of its own."""
    return Hint(
        _(
            "this is a translation ('.{lang}.md') of {expected}, which does not exist",
            lang=lang,
            expected=expected,
        ),
        _(
            "write the Indonesian page {expected} first, or rename this file without '.{lang}' "
            "if it is a page of its own",
            lang=lang,
            expected=expected,
        ),
        "translation-without-original",
    )


def translation_original_unpublished(expected: str, unit: str) -> Hint:
    """The original exists, but this unit does not publish it, while it would publish the translation."""
    return Hint(
        _("this translation would be published without its original {expected}", expected=expected),
        _("narrow both files the same way (offices:, exclude_offices:, kinds:, services:)"),
        "translation-without-original",
        (unit,),
    )


FAR_FUTURE_DAYS = 366  # news scheduled further ahead than a year is a typo in the year


def date_far_future(key: str, written: str, moment: datetime, now: datetime) -> Hint:
    """A year typo ("2062-11-20") would hold a news item back for decades without a word."""
    year = moment.year
    near = [y for y in swapped_years(year) if now.year - 1 <= y <= now.year + 1]
    if near:
        fixed = written.replace(str(year), str(near[0]), 1)
        fix = _("did you mean {year}? write {key}: {fixed}", year=near[0], key=key, fixed=fixed)
    else:
        fix = _(
            "check the year {year}; an item is scheduled at most a year ahead (today is {today})",
            year=year,
            today=f"{now:%Y-%m-%d}",
        )
    if year - now.year > 1:
        message = _(
            "{key} {written} is {years} years ahead: the item would stay unpublished until then",
            key=key,
            written=written,
            years=year - now.year,
        )
    else:
        message = _(
            "{key} {written} is more than a year ahead: the item would stay unpublished until then",
            key=key,
            written=written,
        )
    return Hint(
        message,
        fix,
        "date-far-future",
    )


def swapped_years(year: int) -> list[int]:
    """Years a slip of two digits makes of ``year`` (2062 -> 2026, 2602 ...), nearest first."""
    digits = str(year)
    found = set()
    for i, j in combinations(range(len(digits)), 2):
        chars = list(digits)
        chars[i], chars[j] = chars[j], chars[i]
        candidate = int("".join(chars))
        if candidate != year and chars[0] != "0":
            found.add(candidate)
    return sorted(found)


def expires_before_date(expires: datetime, date: datetime) -> Hint:
    """An announcement that expires before it appears would be published already expired."""
    return Hint(
        _(
            "expires {expires} is before date {date}: the announcement would be published as already expired",
            expires=f"{expires:%Y-%m-%d %H:%M}",
            date=f"{date:%Y-%m-%d %H:%M}",
        ),
        _("check both years; expires is the last day the announcement applies, on or after date"),
        "expires-before-date",
    )


# What an editor may write for a yes/no key, in Indonesian or English, and what it means.
YES_WORDS = ("ya", "iya", "yes", "true", "benar", "betul", "on", "y")
NO_WORDS = ("tidak", "no", "false", "salah", "bukan", "off", "n", "tdk", "gak", "nggak")


def yes_no_word(key: str, value: str) -> Hint | None:
    """`draft: tidak` means "not a draft": say what each word means, instead of "write draft: true"."""
    word = value.strip().lower()
    if word not in YES_WORDS and word not in NO_WORDS:
        return None
    means_yes = word in YES_WORDS
    if key == "draft":
        fix = (
            _(
                "'{value}' means publish: remove the line draft (hapus baris draft); "
                "write draft: true only to keep the page unpublished",
                value=value,
            )
            if not means_yes
            else _(
                "'{value}' means keep it unpublished: write draft: true; "
                "to publish, remove the line draft (hapus baris draft)",
                value=value,
            )
        )
    elif means_yes:
        fix = _("write {key}: true ('{value}' means yes)", key=key, value=value)
    else:
        fix = _("write {key}: false ('{value}' means no)", key=key, value=value)
    return Hint(
        _("{key!r} must be true or false, not {value!r}", key=key, value=value), fix, "not-boolean-word"
    )


# Zones an editor writes after a time, with what they stand for.
ZONE_WORDS = {"WIB": "UTC+7", "WITA": "UTC+8", "WIT": "UTC+9"}


def zone_in_date(key: str, written: str, word: str) -> Hint:
    """`date: 2026-11-20 20:39 WIB`: the zone comes from the unit, never from the text.

    The hint gives the exact value to write: the editor's own text without the zone word,
    put in a form sitegen reads when it was written another way ("05/11/2025 09.00").
    """
    without = written[: written.upper().rfind(word.upper())].rstrip()
    fixed = as_written_for_sitegen(without)
    if fixed is None:
        fix = _(
            "drop '{word}' and write the day as year-month-day, then the time, e.g. {key}: 2026-11-20 20:39; "
            "the time is read in the unit's own zone, set in its settings (timezone: in offices.yaml, "
            "e.g. Asia/Pontianak = WIB)",
            word=word,
            key=key,
        )
    else:
        fix = _(
            "write {key}: {fixed}; the time is read in the unit's own zone, set in its settings "
            "(timezone: in offices.yaml, e.g. Asia/Pontianak = WIB)",
            key=key,
            fixed=fixed,
        )
    return Hint(
        _(
            "{key!r}: {written!r} names its zone ({word}, {offset})",
            key=key,
            written=written,
            word=word,
            offset=ZONE_WORDS[word.upper()],
        ),
        fix,
        "date-zone-word",
    )


def yaml_tab(line: int, column: int) -> Hint:
    """YAML refuses tabs with "found character that cannot start any token": say "tab"."""
    return Hint(
        _(
            "a tab character at line {line}, column {column}: YAML does not allow tabs",
            line=line,
            column=column,
        ),
        _("replace the tab with spaces (two spaces per level of indentation)"),
        "yaml-tab",
    )


def picture_too_large(size: int, limit: int) -> str:
    """The message of a picture over the size limit (sitegen.sources.photos), with its size and the limit."""
    return _(
        "the picture is too large: {size} MB; at most {limit} MB",
        size=f"{size / 1024 / 1024:.0f}",
        limit=limit // 1024 // 1024,
    )


def did_you_mean(
    wrong: str, known: list[str] | tuple[str, ...] | set[str], cutoff: float = 0.6
) -> str | None:
    """The known value closest to ``wrong`` (difflib), or None when nothing is close."""
    close = difflib.get_close_matches(wrong, sorted(known), n=1, cutoff=cutoff)
    return close[0] if close else None


def unknown_unit(value: str, key: str, ids: tuple[str, ...]) -> Hint:
    """A mistyped unit id in offices: or exclude_offices:, with the id it most likely meant."""
    close = did_you_mean(value, ids)
    if close:
        fix = _("did you mean {close!r}? use one of: {ids}", close=close, ids=", ".join(ids))
    else:
        fix = _("use one of: {ids}", ids=", ".join(ids))
    return Hint(
        _("unknown unit id {value!r} in {key}", value=value, key=key),
        fix,
        "unknown-unit",
    )


def unknown_language(value: str, key: str, codes: tuple[str, ...]) -> Hint:
    """A language a site cannot be published in, with the code meant ("english" -> "en")."""
    close = language_meant(value, codes)
    if close:
        fix = _("did you mean {close!r}? use one of: {ids}", close=close, ids=", ".join(codes))
    else:
        fix = _("use one of: {ids}", ids=", ".join(codes))
    return Hint(
        _(
            "unknown language {value!r} in {key}: a site is published only in {ids}",
            value=value,
            key=key,
            ids=", ".join(codes),
        ),
        fix,
        "unknown-language",
    )


def language_meant(written: str, codes: tuple[str, ...]) -> str | None:
    """The code an editor meant by a language's name or a regional code, or None.

    Editors write the language's name ("english", "Bahasa Inggris", "Indonesia") or a
    code with its country ("en-US", "id_ID"); neither is close to "en" or "id" letter by
    letter, so each code's names in every language offered (Babel's) are compared too.
    """
    word = written.strip().lower().removeprefix("bahasa").strip()
    base = re.split(r"[-_\s]", word, maxsplit=1)[0]
    if base in codes:
        return base
    names = {code: code for code in codes}
    for code in codes:
        names.update(((Locale.parse(code).get_display_name(lang) or code).lower(), code) for lang in codes)
    close = did_you_mean(word, tuple(names))
    return names[close] if close else None


def yaml_duplicate_key(key: str, first: int) -> Hint:
    """A key written twice in one mapping: which value is meant cannot be known, so both lines are named."""
    return Hint(
        _("the key {key!r} is written twice (first at line {line})", key=key, line=first),
        _(
            "keep one '{key}:' line and delete the other; if this one belongs to another part, "
            "indent it like that part's keys",
            key=key,
        ),
        "yaml-duplicate-key",
    )


def yaml_open_quote(quote: str) -> Hint:
    """A value whose opening quote is not closed on its line: YAML reads on and stops lines later."""
    return Hint(
        _("the quote {quote} that opens this value is not closed on this line", quote=quote),
        _("add the closing {quote} at the end of the value, or remove the opening one", quote=quote),
        "yaml-invalid",
    )


def unknown_section(section: str, sections: tuple[str, ...], scope_folder: str) -> Hint:
    """A page in "beritaa/": without a word it would go out as a new section of every unit given it."""
    close = did_you_mean(section, sections)
    if close:
        fix = _(
            "did you mean {close}/? move the file into {fixed}", close=close, fixed=f"{scope_folder}{close}/"
        )
    else:
        fix = _(
            "move the file into one of the sections of {scope}: {sections}",
            scope=scope_folder,
            sections=", ".join(sections),
        )
    return Hint(
        _(
            "folder {section}/ is not a section of the sites, so its pages would be published as a new section",
            section=section,
        ),
        fix,
        "unknown-section",
    )


def lang_on_news(written: str, default: str) -> Hint:
    """`lang: en` on a news item: items go out in the site's language, with its topics and feeds."""
    return Hint(
        _(
            "lang: {written}: news and announcements are published in the site's own language ({default})",
            written=written,
            default=default,
        ),
        _("remove the lang line, and write the item in the site's own language"),
        "lang-unusable",
    )


def lang_not_published(written: str, languages: tuple[str, ...]) -> Hint:
    """`lang: xx` (or `en` where the unit has no English): the site has no pages in that language."""
    close = did_you_mean(written.strip().lower(), languages[1:])
    if close:
        fix = _("did you mean lang: {close}? (or remove the lang line)", close=close)
    else:
        fix = _(
            "remove the lang line (the page is then in {default}); a page in English is a translation, "
            "NAME.en.md beside the page it translates, for the units whose languages: in offices.yaml name en",
            default=languages[0],
        )
    return Hint(
        _(
            "lang: {written} is not a language of this site ({languages})",
            written=written,
            languages=", ".join(languages),
        ),
        fix,
        "lang-unusable",
    )


def file_date_differs(name_day: str, written_day: str, name: str, renamed: str) -> Hint:
    """`2025-09-24-foo.md` with `date: 2025-10-01`: one is a slip, and the lists follow date:."""
    return Hint(
        _(
            "the file name says {name_day} but date: says {written_day}; lists and feeds follow date:",
            name_day=name_day,
            written_day=written_day,
        ),
        _(
            "correct whichever is wrong: rename {name} to {renamed} (its address stays the same), or date:",
            name=name,
            renamed=renamed,
        ),
        "file-date-differs",
    )


def level_one_heading() -> Hint:
    """`# Judul` in a body: the theme already shows the title as the page's one <h1>."""
    return Hint(
        _("a first-level heading in the text: the title is already the page's heading, so it would have two"),
        _("write it as a second-level heading, with ## (<h2> in HTML)"),
        "heading-level-one",
    )


def title_too_long(size: int, limit: int) -> Hint:
    """A title search results and feed readers would show cut off."""
    return Hint(
        _(
            "the title is {size} characters long: search results and feeds show about {limit} at most",
            size=size,
            limit=limit,
        ),
        _("shorten it to {limit} characters or fewer; put the rest in summary: or the text", limit=limit),
        "title-too-long",
    )


def tag_not_a_topic(tag: str, slug: str, topics: tuple[str, ...]) -> Hint:
    """A tag the network does not list: a topic page of its own, and one the web editor cannot offer."""
    close = did_you_mean(slug, topics)
    if close:
        fix = _(
            "did you mean {close!r}? or add {slug} to network.topics in offices.yaml "
            "(the web editor offers only the topics listed there)",
            close=close,
            slug=slug,
        )
    else:
        fix = _(
            "use one of the topics in network.topics in offices.yaml, or add {slug} there "
            "(the web editor offers only the topics listed there)",
            slug=slug,
        )
    return Hint(
        _("tag {tag!r} is not one of the network's topics (network.topics in offices.yaml)", tag=tag),
        fix,
        "tag-not-a-topic",
    )


def word_html(what: str) -> Hint:
    """Text pasted from Word keeps its markup; the build cleans it, the editor should know."""
    return Hint(
        _("text pasted from Word or another office program ({what}); it is published cleaned", what=what),
        _(
            "paste as plain text (Ctrl+Shift+V) or rewrite the lines in Markdown; "
            "a list numbered '1.' with spaces becomes a numbered list"
        ),
        "word-html",
    )


# PyYAML's commonest complaints, in the editor's words (its own text is English and about tokens)
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", N_("a ': ' inside a value")),
    ("could not find expected ':'", N_("a line that is not 'key: value'")),
    ("found unexpected end of stream", N_("a quote that is never closed")),
    ("found unknown escape character", N_("an unknown \\ escape inside double quotes")),
    ("found invalid Unicode character escape code", N_("an unknown \\u escape inside double quotes")),
    ("found undefined alias", N_("a value starting with '*' (quote it)")),
    ("expected <block end>", N_("the indentation does not line up")),
    ("did not find expected key", N_("the indentation does not line up")),
    (
        "found character that cannot start any token",
        N_("a value starting with a character YAML reserves (quote it)"),
    ),
)


def yaml_problem(problem: str) -> str:
    """What PyYAML found, said for an editor; its own words where no better ones are known."""
    for start, said in _YAML_PROBLEMS:
        if problem.startswith(start):
            return _(said)
    return problem
