"""Times are stored in UTC and shown in Vietnam's time zone, in Vietnamese formats."""

from datetime import UTC, date, datetime, timedelta

import pytest
from babel.dates import format_datetime

from app.core.dates import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    LOCAL_ZONE,
    WEEKDAY_DATE_PATTERN,
    format_vn,
    iso_local,
)


def test_article_time_is_shown_in_vietnam_time():
    assert format_vn(datetime(2022, 8, 10, 2, 47, tzinfo=UTC)) == "09:47 10/08/2022"


def test_naive_values_from_sqlite_are_read_as_utc():
    assert format_vn(datetime(2022, 8, 10, 2, 47)) == "09:47 10/08/2022"


def test_weekday_and_date_are_vietnamese():
    assert format_vn(datetime(2022, 8, 10, 2, 47, tzinfo=UTC), WEEKDAY_DATE_PATTERN) == "Thứ Tư, 10/08/2022"


def test_late_utc_evening_is_the_next_day_in_vietnam():
    assert format_vn(datetime(2026, 12, 31, 18, 30, tzinfo=UTC)) == "01:30 01/01/2027"


def test_dates_without_time_and_missing_values():
    assert format_vn(date(2026, 3, 26), "dd/MM/yyyy") == "26/03/2026"
    assert format_vn(None) == ""


def test_machine_readable_time_carries_the_vietnam_offset():
    assert iso_local(datetime(2022, 8, 10, 2, 47, tzinfo=UTC)) == "2022-08-10T09:47:00+07:00"


@pytest.mark.parametrize("pattern", [DATETIME_PATTERN, DATE_PATTERN])
def test_all_digit_dates_read_exactly_as_babel_writes_them_across_the_years(pattern):
    """format_vn writes the all-digit patterns itself (Babel was the slowest part of a list page)."""
    moments = [datetime(1970, 1, 1, tzinfo=UTC) + timedelta(hours=n * 7919.37) for n in range(1200)]

    for moment in moments:
        expected = format_datetime(moment, pattern, tzinfo=LOCAL_ZONE, locale="vi")
        assert format_vn(moment, pattern) == expected
        assert format_vn(moment.replace(tzinfo=None), pattern) == expected  # SQLite's naive UTC
