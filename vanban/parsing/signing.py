"""The digital-signature stamp ("Thời gian ký: 22.09.2021 14:40") as a witness for the date.

Scans of signed PDFs often OCR the header date into garbage ("ngày,È2 tháng 9
năm 202}"). The signing time is the issue date in practice, so it fills
ngay_ban_hanh, flagged as inferred, but only when the header has a date line
and every digit that can still be read of it agrees ("ngày È2 tháng 9" with 22.09).
"""
from __future__ import annotations

import re

from ..dates import iso, make_date

_SIGNED_AT_RE = re.compile(r"(?:Thời gian ký|Ngày ký)\s*:\s*(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)", re.IGNORECASE)
_DATE_LINE_RE = re.compile(r"ng[àa]y\W{0,2}(?P<day>\S{0,3})\s*th[áa]ng\s*(?P<month>\S{0,3})\s*n[ăa]m\s*(?P<year>\S{0,5})",
                           re.IGNORECASE)


def signing_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of the stamp's signing time, when it is a real date."""
    match = _SIGNED_AT_RE.search(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    return (year, month, day) if make_date(year, month, day) else None


def _agrees(read: str, value: int, width: int) -> bool | None:
    """Compare an OCR'd field with the signing date digit by digit, right-aligned:
    "È2" agrees with 22, "£0" contradicts 22, "ê§" says nothing (None)."""
    read = read.rstrip(",.;:")[-width:].rjust(width)
    pairs = [(a, b) for a, b in zip(read, str(value).zfill(width)) if a.isdigit()]
    if not pairs:
        return None
    return all(a == b for a, b in pairs)


def date_from_signature(text: str, header_lines: list[str]) -> str | None:
    """ISO date from the signing time when a garbled header date line agrees with it."""
    signed = signing_date(text)
    if not signed:
        return None
    year, month, day = signed
    for line in header_lines:
        match = _DATE_LINE_RE.search(line)
        if not match:
            continue
        checks = [_agrees(match["day"], day, 2), _agrees(match["month"], month, 2), _agrees(match["year"], year, 4)]
        if True in checks and False not in checks:
            return iso(year, month, day)
        return None
    return None
