"""E-signed PDFs: the number and date the signing system stamped, as witnesses.

A document signed with a digital certificate is typed with its number and date blank
("Số:      /STC-VP", "ngày    tháng 01 năm 2026"); the văn thư's system stamps them when it
issues the document, as text on the page ("Số: 2003/CĐ-VPCP … Ngày: 12/01/2026 … Thời gian
ký: …") or as an annotation or form field. Those values are witnesses, not the document's
own lines: extraction uses them only where the header leaves a blank, and flags them.
A signing time ("Thời gian ký: 12.01.2026 10:15:22 +07:00") is never the date of issue.
"""
from __future__ import annotations

import re

from ..dates import find_dates, iso
from ..symbols import find_symbols
from .layout import Witness

# Words of a signature stamp: the number and date near them are the stamp's.
_STAMP_WORDS_RE = re.compile(r"Thời gian ký|Ký bởi|Người ký|Được ký bởi|Signed by|Ký số|Chữ ký số", re.IGNORECASE)
_SIGNING_TIME_RE = re.compile(r"(?:Thời gian ký|Ngày ký|Signing time|Date)\s*:?[^\n]{0,40}", re.IGNORECASE)
_STAMP_DATE_RE = re.compile(r"Ngày(?: ban hành)?\s*:\s*", re.IGNORECASE)
_NEAR = 6   # lines around the stamp's words that belong to the stamp


def _stamp_texts(text: str, annotations: list[str]) -> list[str]:
    lines = text.split("\n")
    found = list(annotations)
    for i, line in enumerate(lines):
        if _STAMP_WORDS_RE.search(line):
            found.append("\n".join(lines[max(0, i - _NEAR):i + _NEAR + 1]))
    return found


def stamp_witnesses(text: str, annotations: list[str]) -> dict[str, Witness]:
    """Number and date an e-signing stamp gives (keys so_ky_hieu, ngay_ban_hanh)."""
    witnesses: dict[str, Witness] = {}
    for stamp in _stamp_texts(text, annotations):
        note = "chữ trong dấu ký số" if stamp not in annotations else "chú thích (annotation) của tệp PDF"
        symbol = next((s for m, s in find_symbols(stamp) if _after_so(stamp, m.start())), None)
        if symbol and "so_ky_hieu" not in witnesses:
            witnesses["so_ky_hieu"] = Witness(str(symbol), note)
        unstamped = _SIGNING_TIME_RE.sub(" ", stamp)  # the signing time is never the date of issue
        for match, parts in find_dates(unstamped):
            labelled = _STAMP_DATE_RE.search(unstamped[max(0, match.start() - 16):match.end()])
            if parts[0] and labelled and "ngay_ban_hanh" not in witnesses:
                witnesses["ngay_ban_hanh"] = Witness(iso(*parts), note)
    return witnesses


# "Thời gian ký: 16.09.2024 16:29:07 +07:00", as a PDF's text layer or OCR gives it ("13. 09.2024").
_SIGNED_AT_RE = re.compile(r"Th[ờơo]i\s*gian\s*k[ýy]\s*:?\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*((?:19|20)\d\d)",
                           re.IGNORECASE)


def signing_date(text: str) -> str | None:
    """The earliest e-signing time's date in text, ISO, or None: never the date of issue, but its
    upper bound (a document is signed on or after the day it is dated)."""
    dates = [iso(int(m[3]), int(m[2]), int(m[1])) for m in _SIGNED_AT_RE.finditer(text or "")]
    return min((d for d in dates if d), default=None)


def _after_so(text: str, at: int) -> bool:
    """The symbol follows a "Số:" label (a stamp's own number, not a citation in its text)."""
    return bool(re.search(r"(?:Số|SỐ|So|Số hiệu)\s*:?\s*$", text[max(0, at - 12):at]))


_BLANK_NUMBER_RE = re.compile(r"(?:Số|SỐ)\s*:?\s*(?:[._…]+\s*)?(?P<tail>[/-][^\s]+)")


def blank_number_tail(symbol_line: str | None) -> str | None:
    """ "/STC-VP" of a number line typed blank for the stamp ("Số:      /STC-VP"), else None."""
    match = _BLANK_NUMBER_RE.search(symbol_line or "")
    return match["tail"] if match else None


def fits_blank(symbol: str, tail: str | None) -> bool:
    """The stamped number completes the blank line: its codes are the typed ones."""
    if not tail:
        return True
    key = re.sub(r"[^A-Z0-9Đ]", "", tail.upper())
    return re.sub(r"[^A-Z0-9Đ]", "", symbol.upper()).endswith(key)
