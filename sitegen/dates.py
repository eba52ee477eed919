"""Reading dates from editors and writing them the way Indonesian readers expect.

Reading: a date without an offset is wall-clock time in the unit's own zone
(an editor in Pontianak writes ``2024-12-01 09:30`` and means 09.30 WIB).
Writing: "Senin, 28 Desember 2021", "18.41 WIB", "Rp350.000" via Babel's
CLDR data, not hand-written tables.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import get_month_names, get_timezone_name
from babel.numbers import format_decimal

from sitegen.i18n import _

LOCALE = "id"

_FORMS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H.%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
)
_OFFSET = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")


class DateFormatError(ValueError):
    """A date an editor wrote that we cannot read."""


@cache
def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; raises ``DateFormatError`` for unknown names."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):  # 'Asia' is a folder of zones
        raise DateFormatError(_("unknown time zone {name!r}", name=name)) from None


_DOTTED_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2})\.(\d{2})(?=$|[^\d:.])")


def parse_datetime(value: object, tz: tzinfo, end_of_day: bool = False) -> datetime:
    """Read an editor's date into an aware datetime.

    ``2024-12-01`` means the start of that day in ``tz`` (or its last minute when
    ``end_of_day``: an announcement that "expires 2024-12-31" is in force all that
    day). An explicit offset (``+07:00``, ``Z``) is kept as written.
    """
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return _from_date(value, tz, end_of_day)
    if not isinstance(value, str) or not value.strip():
        raise DateFormatError(_("expected a date like 2024-12-01 or 2024-12-01 09:30"))
    # "09.30" is how Indonesians write a time; the ISO parser would read ".30" as a fraction of a second
    text = _DOTTED_TIME.sub(r"\1:\2", value.strip())
    if _OFFSET.search(text):
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            pass
    else:
        try:  # the common forms, read by the fast ISO parser
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = None
        if parsed is not None and len(text) > 10:
            return parsed.replace(tzinfo=tz)
        for form in _FORMS:
            try:
                parsed = datetime.strptime(text, form)
            except ValueError:
                continue
            if form == "%Y-%m-%d":
                return _from_date(parsed.date(), tz, end_of_day)
            return parsed.replace(tzinfo=tz)
    shape = _DAY.match(text)
    if shape:
        year, month, day = (int(x) for x in shape.groups())
        try:
            date(year, month, day)
        except ValueError:
            raise DateFormatError(
                _(
                    "{text!r}: that day does not exist (month {month} has no day {day})",
                    text=text,
                    month=month,
                    day=day,
                )
                if 1 <= month <= 12
                else _(
                    "{text!r}: that day does not exist (there is no month {month})", text=text, month=month
                )
            ) from None
    raise DateFormatError(
        _(
            "cannot read date {text!r}; write it as 2024-12-01, 2024-12-01 09:30 or 2024-12-01T09:30:00+07:00",
            text=text,
        )
    )


_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b")
_ZONE_WORD = re.compile(r"\d\s*(WIB|WITA|WIT)\.?$", re.I)


def zone_word(text: str) -> str:
    """ "WIB" in "2026-11-20 20:39 WIB" (or WITA, WIT); "" when the text names no Indonesian zone.

    Editors write the zone as they would on a letter; sitegen takes it from the unit
    instead, so the word is reported with that fix rather than as an unreadable date.
    """
    found = _ZONE_WORD.search(text.strip())
    return found.group(1) if found else ""


# How editors write a day on a letter: "05/11/2025", "5-11-2025", "20 November 2026", "20 Des 2026",
# maybe followed by a time "09.00" or "09:00" (day first, as in Indonesia)
_LETTER_DAY = re.compile(
    r"^(?P<day>\d{1,2})(?:[/.-](?P<month>\d{1,2})[/.-]| +(?P<name>[A-Za-z]+)\.? +)(?P<year>\d{4})"
    r"(?:,? +(?:pukul +|jam +)?(?P<hour>\d{1,2})[.:](?P<minute>\d{2}))?$",
    re.I,
)


@cache
def _month_numbers() -> dict[str, int]:
    """Month names an editor may write, Indonesian or English, full or short, lowercased: number."""
    numbers: dict[str, int] = {}
    for lang in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=lang).items():
                numbers[name.lower().rstrip(".")] = number
    return numbers


def as_written_for_sitegen(text: str) -> str | None:
    """The date ``text`` means, in a form :func:`parse_datetime` reads; None when that is not clear.

    "2026-11-20 20:39" stays as it is; "05/11/2025 09.00" becomes "2025-11-05 09:00" and
    "20 November 2026" becomes "2026-11-20", so a hint can give the exact line to write.
    """
    text = text.strip()
    try:
        parse_datetime(text, UTC)
        return text
    except DateFormatError:
        pass
    found = _LETTER_DAY.match(text)
    if found is None:
        return None
    month = int(found["month"]) if found["month"] else _month_numbers().get(found["name"].lower())
    if month is None:
        return None
    written = f"{int(found['year']):04d}-{month:02d}-{int(found['day']):02d}"
    if found["hour"]:
        written += f" {int(found['hour']):02d}:{found['minute']}"
    try:
        parse_datetime(written, UTC)
    except DateFormatError:
        return None
    return written


def _from_date(day: date, tz: tzinfo, end_of_day: bool) -> datetime:
    moment = datetime.combine(day, time(0, 0), tzinfo=tz)
    return moment + timedelta(days=1, seconds=-1) if end_of_day else moment


def long_date(moment: datetime | date, lang: str = LOCALE) -> str:
    """ "Senin, 28 Desember 2021"; in English "Tuesday, 28 December 2021"."""
    return _day_text(moment, getattr(moment, "tzinfo", None), True, lang)


def short_date(moment: datetime | date, lang: str = LOCALE) -> str:
    """ "28 Desember 2021"; in English "28 December 2021"."""
    return _day_text(moment, getattr(moment, "tzinfo", None), False, lang)


@lru_cache(maxsize=8192)
def _day_text(moment: datetime | date, zone: tzinfo | None, weekday: bool, lang: str) -> str:
    """What Babel's ``format_date`` writes for "EEEE, d MMMM y" (``weekday``) or "d MMMM y".

    Once per moment: every list shows the same dates on page after page. ``zone`` is
    part of the key because one instant in two zones makes equal datetimes, and the day
    shown is the zone's own. The names come from Babel's data; putting them together
    here rather than in ``format_date`` (which reads the pattern and the locale on every
    call) was a twentieth of rendering an article.
    """
    days, months = _calendar(lang)
    day = moment.date() if isinstance(moment, datetime) else moment
    text = f"{day.day} {months[day.month]} {day.year}"
    return f"{days[day.weekday()]}, {text}" if weekday else text


@cache
def _calendar(lang: str) -> tuple[dict[int, str], dict[int, str]]:
    """A language's day names (Monday is 0) and month names (January is 1), as dates show them."""
    locale = Locale.parse(lang)
    return dict(locale.days["format"]["wide"]), dict(locale.months["format"]["wide"])


def clock(moment: datetime, lang: str = LOCALE) -> str:
    """ "18.41 WIB" ("18:41 WIB" in English): the time in the moment's own zone.

    The zone keeps its Indonesian abbreviation in every language: it is what
    the office's signs, letters and phone calls say.
    """
    return _clock_text(moment, moment.tzinfo, lang)


@lru_cache(maxsize=8192)
def _clock_text(moment: datetime, zone: tzinfo | None, lang: str) -> str:
    """:func:`clock`, once per moment and zone (see :func:`_day_text`)."""
    local = moment.astimezone(zone) if zone is not None else moment
    mark = "." if lang == LOCALE else ":"  # Babel's "HH.mm" and "HH:mm"
    return f"{local.hour:02d}{mark}{local.minute:02d} " + zone_abbr(zone, moment)


def zone_abbr(tz: tzinfo | None, at: datetime | None = None) -> str:
    """WIB, WITA or WIT for Indonesian zones; CLDR's short name elsewhere."""
    if tz is None:
        return ""
    local = (at or datetime(2024, 1, 1, tzinfo=tz)).astimezone(tz)
    key = (tz, local.year, local.utcoffset())  # a name holds for a zone's offset within a year
    name = _ZONE_NAMES.get(key)
    if name is None:
        name = _ZONE_NAMES[key] = get_timezone_name(local, "short", locale=LOCALE)
    return name


_ZONE_NAMES: dict[tuple[tzinfo, int, timedelta | None], str] = {}


def rupiah(amount: int | float) -> str:
    """ "Rp350.000": no space, dots for thousands, no cents."""
    return "Rp" + format_decimal(int(round(amount)), locale=LOCALE)


def utc_offset(tz: tzinfo) -> str:
    """ "UTC+7" (or "UTC+5.30"): how readers abroad place a unit's zone."""
    offset = datetime(2024, 1, 1, tzinfo=tz).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f".{rest:02d}" if rest else "")


def build_now(now: datetime | None = None) -> datetime:
    """The build's notion of now: given, or SOURCE_DATE_EPOCH, or the clock."""
    if now is not None:
        return now
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC)
