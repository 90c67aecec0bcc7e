"""Time: stored in UTC, shown in Asia/Ho_Chi_Minh in Vietnamese formats."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_datetime as babel_format_datetime

LOCAL_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DATETIME_PATTERN = "HH:mm dd/MM/yyyy"
WEEKDAY_DATE_PATTERN = "EEEE, dd/MM/yyyy"
DATE_PATTERN = "dd/MM/yyyy"
# Dates readers and staff type: `<input type=date>` sends 2026-11-24; people type 24/11/2026.
INPUT_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
MIN_YEAR, MAX_YEAR = 1970, 2999  # beyond these, shifting a day to UTC overflows or means nothing


def utcnow() -> datetime:
    """The current time as an aware UTC datetime: never compare naive and aware values."""
    return datetime.now(UTC)


def today_local() -> date:
    """Today's date in Vietnam (campaign status and the masthead follow local days)."""
    return datetime.now(LOCAL_ZONE).date()


def as_utc(value: datetime) -> datetime:
    """Treat a naive datetime as UTC (SQLite drops the zone) and convert aware ones to UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def local_to_utc(day: date, at: time) -> datetime:
    """A wall-clock time in Vietnam as UTC."""
    return datetime.combine(day, at, tzinfo=LOCAL_ZONE).astimezone(UTC)


def to_local(value: datetime) -> datetime:
    return as_utc(value).astimezone(LOCAL_ZONE)


# The all-digit patterns, as strftime formats: Babel took 40 µs a date, and a home page shows 30 dates.
NUMERIC_PATTERNS = {DATETIME_PATTERN: "%H:%M %d/%m/%Y", DATE_PATTERN: "%d/%m/%Y"}


def format_vn(value: datetime | date | None, pattern: str = DATETIME_PATTERN) -> str:
    """Format in Vietnamese, in Vietnam's time zone: `09:47 10/08/2022`, `Thứ Tư, 10/08/2022`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if pattern in NUMERIC_PATTERNS:
            return to_local(value).strftime(NUMERIC_PATTERNS[pattern])
        return babel_format_datetime(as_utc(value), pattern, tzinfo=LOCAL_ZONE, locale="vi")
    return babel_format_datetime(
        datetime.combine(value, time(12), tzinfo=LOCAL_ZONE), pattern, tzinfo=LOCAL_ZONE, locale="vi"
    )


def iso_local(value: datetime) -> str:
    """ISO 8601 with Vietnam's offset, for `<time datetime>` and structured data."""
    return to_local(value).isoformat(timespec="seconds")


def parse_date(value: str | None) -> date | None:
    """A date from `<input type=date>` (2026-11-24) or typed the Vietnamese way (24/11/2026), else None."""
    for pattern in INPUT_DATE_FORMATS:
        try:
            parsed = datetime.strptime((value or "").strip(), pattern).date()
        except ValueError:
            continue
        return parsed if MIN_YEAR <= parsed.year <= MAX_YEAR else None
    return None
