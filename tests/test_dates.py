"""Dates as Indonesian editors write them: a time with a dot (09.30) is half past nine."""

from datetime import datetime, timedelta, timezone

import pytest

from sitegen.dates import parse_datetime

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
