"""Date formats found in directives, and ISO dates for front matter.

Forms: "ngày 28 tháng 4 năm 2021", "25/8/2021", "02.7.2021", "25-7-2021",
"ngày 21/7" (no year), portal stamps "26/08/2021 04:38 CH" (CH = p.m., SA = a.m.).
"""
from __future__ import annotations

import datetime as dt
import re

from .text import nfc

_DAY, _MONTH, _YEAR = r"(\d{1,2})", r"(\d{1,2})", r"((?:19|20)\d\d)"
_NUMERIC = rf"{_DAY}\s*[/.\-]\s*{_MONTH}(?:\s*[/.\-]\s*{_YEAR})?"
# "thang" and "nam": OCR drops the tone marks of the words but keeps the digits.
_WORDS = rf"(?:ngày\s*)?{_DAY}\s+th[áa]ng\s+{_MONTH}(?:\s+n[ăa]m\s+{_YEAR})?"
# "ngày 25/8/2021", "ngày 28 tháng 4 năm 2021"; a bare "21/7" needs "ngày" before it.
DATE_RE = re.compile(
    rf"ngày\s*:?\s*(?:{_NUMERIC}|{_WORDS})|{_WORDS}|(?<![\d/.])\b{_DAY}\s*[/.\-]\s*{_MONTH}\s*[/.\-]\s*{_YEAR}\b",
    re.IGNORECASE,
)
_STAMP_RE = re.compile(
    rf"{_DAY}/{_MONTH}/{_YEAR}\s+(\d{{1,2}}):(\d\d)(?:\s*(SA|CH|AM|PM))?", re.IGNORECASE
)


def make_date(year: int | None, month: int, day: int) -> dt.date | None:
    """A real calendar date, or None for 31/2 and the like."""
    try:
        return dt.date(year or 2000, month, day) if 1 <= month <= 12 else None
    except ValueError:
        return None


def _groups_to_tuple(groups: tuple) -> tuple[int | None, int, int] | None:
    # Each alternative of DATE_RE contributes one (day, month, year) triple.
    for i in range(0, len(groups), 3):
        day, month, year = groups[i : i + 3]
        if day and month:
            return (int(year) if year else None, int(month), int(day))
    return None


def find_dates(text: str):
    """Yield (match, (year|None, month, day)) for every valid date in text."""
    for match in DATE_RE.finditer(nfc(text)):
        parts = _groups_to_tuple(match.groups())
        if parts and make_date(*parts):
            yield match, parts


def parse_date(text: str) -> tuple[int | None, int, int] | None:
    """First date in text as (year or None, month, day)."""
    return next((parts for _, parts in find_dates(text)), None)


def iso(year: int | None, month: int, day: int) -> str | None:
    """ISO 8601 date, or None when the year is unknown or the date is impossible."""
    if year is None or not make_date(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# A written date's three fields, whatever OCR made of them: "ngày,È2 tháng 9 năm 202}".
_DATE_FIELDS_RE = re.compile(r"ng[àa]y(?P<day>[^\n]{0,5}?)th[áa]ng(?P<month>[^\n]{0,5}?)n[ăa]m(?P<year>\s*\S{0,6})",
                             re.IGNORECASE)


def garbled_date(text: str | None) -> bool:
    """True when a "ngày … tháng … năm …" phrase has a field that is not a clean number
    ("ngày C4 tháng 3" must not be read as the 4th): such a date is null, never guessed."""
    match = _DATE_FIELDS_RE.search(nfc(text or ""))
    if not match:
        return False
    day, month, year = (match[g].strip(" ,.;:") for g in ("day", "month", "year"))
    if not (re.fullmatch(r"\d{1,2}", day) and re.fullmatch(r"\d{1,2}", month) and re.fullmatch(r"(?:19|20)\d\d", year)):
        return True
    return make_date(int(year), int(month), int(day)) is None  # "ngày 29 tháng 44"


# Directives are dated in Vietnam (UTC+7, no daylight saving): the latest possible date is Vietnam's today.
VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")


def today_in_vietnam() -> dt.date:
    return dt.datetime.now(VIETNAM_TZ).date()


def parse_iso(value) -> dt.date | None:
    """Read a front-matter date (a str or a date YAML already parsed)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(value or "").strip())
    return make_date(int(match[1]), int(match[2]), int(match[3])) if match else None


def parse_posted_stamp(text: str) -> str | None:
    """Portal posting stamp "26/08/2021 04:38 CH" -> "2021-08-26T16:38"."""
    match = _STAMP_RE.search(nfc(text))
    if not match:
        return None
    day, month, year, hour, minute = (int(g) for g in match.groups()[:5])
    meridiem = (match.group(6) or "").upper()
    if meridiem in ("CH", "PM") and hour < 12:
        hour += 12
    if meridiem in ("SA", "AM") and hour == 12:
        hour = 0
    if not make_date(year, month, day) or hour > 23:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"
