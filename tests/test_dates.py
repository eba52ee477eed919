"""Dates as Indonesian editors write them: a time with a dot (09.30) is half past nine."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from sitegen.dates import clock, long_date, parse_datetime, short_date

WIB = timezone(timedelta(hours=7))


@pytest.mark.parametrize(
    "written",
    ["2026-12-01 09.30", "2026-12-01T09.30", "2026-12-01 9.30", "2026-12-01 09:30", "2026-12-01 09.30+07:00"],
)
def test_a_time_written_with_a_dot_is_hours_and_minutes(written):
    assert parse_datetime(written, WIB) == datetime(2026, 12, 1, 9, 30, tzinfo=WIB)


def test_fractions_of_a_second_after_full_seconds_are_still_read_as_such():
    assert parse_datetime("2026-12-01 09:30:15.5", WIB) == datetime(
        2026, 12, 1, 9, 30, 15, 500000, tzinfo=WIB
    )


def test_one_instant_in_two_zones_shows_each_zones_own_day_and_time_however_often_asked():
    """Dates are formatted once per moment (lists repeat them); two zones' equal instants stay apart."""
    wib = datetime(2026, 1, 1, 23, 30, tzinfo=timezone(timedelta(hours=7)))
    wita = wib.astimezone(timezone(timedelta(hours=8)))
    assert wib == wita  # equal datetimes: a cache keyed on the moment alone would mix them up
    for _ in range(2):
        assert long_date(wib) == "Kamis, 1 Januari 2026"
        assert long_date(wita) == "Jumat, 2 Januari 2026"
        assert short_date(wita, "en") == "2 January 2026"
        assert clock(wib).startswith("23.30") and clock(wita).startswith("00.30")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_day_and_time_reads_exactly_as_babel_writes_it(lang):
    """Dates and times are put together from Babel's names, and must read as Babel's own formatting."""
    from zoneinfo import ZoneInfo

    from babel.dates import format_date, format_datetime, get_timezone_name

    zones = [
        ZoneInfo("Asia/Jakarta"),
        ZoneInfo("Asia/Makassar"),
        ZoneInfo("Asia/Jayapura"),
        ZoneInfo("Europe/Berlin"),
    ]
    start = datetime(2023, 12, 31, 0, 7, tzinfo=UTC)
    for step in range(0, 3 * 366 * 24, 7):  # three years, every seventh hour: every weekday and month
        moment = (start + timedelta(hours=step)).astimezone(zones[step % len(zones)])
        assert long_date(moment, lang) == format_date(moment, "EEEE, d MMMM y", locale=lang)
        assert short_date(moment.date(), lang) == format_date(moment.date(), "d MMMM y", locale=lang)
        pattern = "HH.mm" if lang == "id" else "HH:mm"
        zone = get_timezone_name(moment, "short", locale="id")
        assert (
            clock(moment, lang)
            == format_datetime(moment, pattern, tzinfo=moment.tzinfo, locale=lang) + " " + zone
        )
