"""What the page images of a scan say beyond its text: where each header word stands, how sure
Tesseract was of it, and whether its strokes look typed or handwritten.

vanban/ocr.py measures (it alone runs programs and opens images); this module only decides.

Why: on printed forms the number and the day are often written in by hand ("Số: 981 /QĐ-TTg",
"ngày 14 tháng 9"), and Tesseract reads handwriting confidently and wrongly ("384", "44"). A
digit run of the own number or date is trusted only when it looks typed, measured against the
year of the date line, which is always typed in the same face and size:
- Tesseract's own confidence in the word is high (typed digits read at 90+; 85 leaves a margin);
- its strokes are not much wider (a felt pen's are 1.2-1.4x a typeface's on real scans; typed
  digits stay within 1.12x), and digits alone are not taller (handwriting 1.12-1.4x, typed
  within 1.05x).
An untrusted run is never published: the field is null and flagged with the reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

MIN_CONFIDENCE = 85.0
MAX_STROKE_RATIO = 1.2
MAX_HEIGHT_RATIO = 1.1


@dataclass
class Word:
    """One word Tesseract read: its text, confidence (0-100), box in pixels, and the mean width
    of its strokes in pixels (None when not measured)."""
    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    stroke: float | None = None

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


@dataclass
class ScanLayout:
    """The layout facts of a scan that extraction uses: the first page's header words, and the
    signature column read on its own (the seal and signature beside it hide it from a page read)."""
    header_words: list[Word] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


_SO_WORD_RE = re.compile(r"^S\S{0,2}(?:[:.]|$)")     # "Số:", "Số", "Só:4444/QĐ-TTg" (OCR)
_NGAY_WORD_RE = re.compile(r"^ng\w{1,2}y")            # the date line's "ngày", not a stamp's "Ngày:"
_YEAR_RE = re.compile(r"^(?:19|20)\d\d[.,]?$")
_DIGITS_RE = re.compile(r"^\d+[.,]?$")


def _typed_year(words: list[Word]) -> Word | None:
    """The year of the date line ("năm 2024"), read with confidence: the typed reference."""
    return next((w for previous, w in zip(words, words[1:])
                 if _YEAR_RE.match(w.text) and w.conf >= 90 and w.stroke and previous.text.lower().startswith("n")), None)


def _same_row(words: list[Word], word: Word) -> list[Word]:
    return [w for w in words if w is not word and w.top <= word.middle <= w.top + w.height]


def _handwritten(word: Word, words: list[Word]) -> bool:
    """Strokes wider, or digits taller, than the typed year's (else than the typed words' of its row)."""
    year = _typed_year(words)
    if year is not None and word.stroke:
        if word.stroke >= MAX_STROKE_RATIO * year.stroke:
            return True
        return bool(_DIGITS_RE.match(word.text)) and word.height >= MAX_HEIGHT_RATIO * year.height
    typed = [w.stroke for w in _same_row(words, word) if w.stroke and w.conf >= 90 and sum(c.isalpha() for c in w.text) >= 2]
    return bool(word.stroke and typed) and word.stroke >= MAX_STROKE_RATIO * median(typed)


def _words_with(words: list[Word], digits: str, after: re.Pattern) -> list[Word]:
    """The word holding the digit run `digits` among the few words after a word matching `after`,
    or the words it was read as when letter-spaced ("1 0 9 4 3"); [] when it is not there."""
    for i, word in enumerate(words):
        if not after.match(word.text):
            continue
        near = words[i:i + 5]
        for other in near:
            if re.search(rf"(?<!\d){digits}(?!\d)", other.text):
                return [other]
        for start in range(1, len(near)):
            run = []
            for other in near[start:]:
                if not other.text.isdigit() or len("".join(w.text for w in run + [other])) > len(digits):
                    break
                run.append(other)
            if len(run) > 1 and "".join(w.text for w in run) == digits:
                return run
    return []


def number_doubt(layout: ScanLayout, number: str) -> str | None:
    """Why the own number's digits cannot be trusted, or None when they look typed."""
    return _doubt(layout, _words_with(layout.header_words, number, _SO_WORD_RE), number)


def day_doubt(layout: ScanLayout, day: int, month: int) -> str | None:
    """Why the date line's day or month cannot be trusted, or None when both look typed."""
    for value in (day, month):
        found = (_words_with(layout.header_words, f"{value:02d}", _NGAY_WORD_RE)
                 or _words_with(layout.header_words, str(value), _NGAY_WORD_RE))
        if doubt := _doubt(layout, found, str(value)):
            return doubt
    return None


def _doubt(layout: ScanLayout, words: list[Word], digits: str) -> str | None:
    if not words:
        return f"không tìm thấy chữ số '{digits}' trên ảnh quét"
    for word in words:
        if word.conf < MIN_CONFIDENCE:
            return f"OCR không chắc chắn khi đọc '{word.text}' (độ tin cậy {word.conf:.0f}/100)"
        if _handwritten(word, layout.header_words):
            return f"'{word.text}' có nét như chữ viết tay, OCR thường đọc sai"
    return None


def distrust_handwriting(doc, symbol, layout: ScanLayout, confirmed: bool):
    """Null the own number and date of a scan where their digits do not look typed, flagged with
    why. A number a second witness confirmed, or took from one (the file name), stays.
    Returns the symbol kept (None when the number was dropped)."""
    if symbol and not confirmed and "so_ky_hieu" not in doc.ly_do_xac_minh:
        if doubt := number_doubt(layout, symbol.number):
            doc.so_ky_hieu, symbol = None, None
            doc.flag("so_ky_hieu", f"số ký hiệu trên bản quét không đọc chắc được: {doubt}")
    if doc.ngay_ban_hanh:
        year, month, day = (int(part) for part in doc.ngay_ban_hanh.split("-"))
        if doubt := day_doubt(layout, day, month):
            doc.ngay_ban_hanh = None
            doc.flag("ngay_ban_hanh", f"ngày ban hành trên bản quét không đọc chắc được: {doubt}")
    return symbol
