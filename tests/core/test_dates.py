"""Times are stored in UTC and shown in Vietnam's time zone, in Vietnamese formats."""

from datetime import UTC, date, datetime

from app.core.dates import WEEKDAY_DATE_PATTERN, format_vn, iso_local


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
