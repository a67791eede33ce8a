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
An untrusted run is never published on Tesseract's word: the field is null and flagged with the
reason, unless a second, independent recogniser (vanban/second_reader.py, PaddleOCR's PP-OCR)
reads the same digits on several crops of the line and they pass every check of the grammar
(`second_number`, `second_date`). A value so taken stays flagged, saying where it came from.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from statistics import median

from ..dates import make_date, today_in_vietnam
from ..symbols import Symbol, parse_symbol, symbol_key
from ..text import name_key
from .infer import issuer_from_symbol
from .page_layout import TsvWord

MIN_CONFIDENCE = 85.0
MAX_STROKE_RATIO = 1.2
MAX_HEIGHT_RATIO = 1.1


@dataclass(frozen=True)
class LineRead:
    """What the second recogniser read on one crop of a header line: its text (without Vietnamese
    marks: "So: 981 /QD-TTg", "ngay 14 thang 9 nam 2024") and each character's score (0-1)."""
    text: str
    scores: tuple[float, ...]


@dataclass(frozen=True)
class ColumnLine:
    """A text line the second recogniser found and read in the signature column (its crop from
    vanban/ocr.py): the text without marks ("Nguyen Hoa Binh"), its score (0-1) and its box in
    the crop's pixels (left, top, right, bottom)."""
    text: str
    score: float
    box: tuple[int, int, int, int]


@dataclass
class ScanLayout:
    """The layout facts of a scan that extraction uses: the first page's header words, the
    signature column read on its own (the seal and signature beside it hide it from a page read),
    the second recogniser's readings of the number line ("so") and the date line ("ngay"), each
    line cropped with a few margins (None: the recogniser is not installed; `second_missing` says
    why), the signature column's lines as the second recogniser found and read them, top to bottom
    (parsing/scan_signer.py), and the date an e-signing stamp gives ("Thời gian ký: 16.09.2024"), ISO."""
    header_words: list[TsvWord] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    second: dict[str, list[LineRead]] | None = None
    second_missing: str | None = None
    signed: str | None = None
    second_signature: list[ColumnLine] = field(default_factory=list)


_SO_WORD_RE = re.compile(r"^S\S{0,2}(?:[:.]|$)")     # "Số:", "Số", "Só:4444/QĐ-TTg" (OCR)
_NGAY_WORD_RE = re.compile(r"^ng\w{1,2}y")            # the date line's "ngày", not a stamp's "Ngày:"
_YEAR_RE = re.compile(r"^(?:19|20)\d\d[.,]?$")
_DIGITS_RE = re.compile(r"^\d+[.,]?$")


def _typed_year(words: list[TsvWord]) -> TsvWord | None:
    """The year of the date line ("năm 2024"), read with confidence: the typed reference."""
    return next((w for previous, w in zip(words, words[1:])
                 if _YEAR_RE.match(w.text) and w.conf >= 90 and w.stroke and previous.text.lower().startswith("n")), None)


def _same_row(words: list[TsvWord], word: TsvWord) -> list[TsvWord]:
    return [w for w in words if w is not word and w.top <= word.middle <= w.top + w.height]


def _handwritten(word: TsvWord, words: list[TsvWord]) -> bool:
    """Strokes wider, or digits taller, than the typed year's (else than the typed words' of its row)."""
    year = _typed_year(words)
    if year is not None and word.stroke:
        if word.stroke >= MAX_STROKE_RATIO * year.stroke:
            return True
        return bool(_DIGITS_RE.match(word.text)) and word.height >= MAX_HEIGHT_RATIO * year.height
    typed = [w.stroke for w in _same_row(words, word) if w.stroke and w.conf >= 90 and sum(c.isalpha() for c in w.text) >= 2]
    return bool(word.stroke and typed) and word.stroke >= MAX_STROKE_RATIO * median(typed)


def _words_with(words: list[TsvWord], digits: str, after: re.Pattern) -> list[TsvWord]:
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


def _doubt(layout: ScanLayout, words: list[TsvWord], digits: str) -> str | None:
    if not words:
        return f"không tìm thấy chữ số '{digits}' trên ảnh quét"
    for word in words:
        if word.conf < MIN_CONFIDENCE:
            return f"OCR không chắc chắn khi đọc '{word.text}' (độ tin cậy {word.conf:.0f}/100)"
        if _handwritten(word, layout.header_words):
            return f"'{word.text}' có nét như chữ viết tay, OCR thường đọc sai"
    return None


def distrust_handwriting(doc, symbol, layout: ScanLayout, confirmed: bool, number_line: str | None = None):
    """Null the own number and date of a scan where their digits do not look typed, flagged with
    why, unless the second recogniser reads them beyond doubt (then taken, flagged with where they
    came from); a number or date Tesseract garbled is looked for the same way. A number a second
    witness confirmed, or took from one (the file name), stays. number_line: the header's "Số:"
    line as Tesseract read it. Returns the symbol kept or taken (None when there is none)."""
    if not confirmed and "so_ky_hieu" not in doc.ly_do_xac_minh:
        doubt = number_doubt(layout, symbol.number) if symbol else None
        if doubt or not doc.so_ky_hieu:
            symbol = _number_witness(doc, symbol, layout, number_line, doubt)
    if doc.ngay_ban_hanh:
        year, month, day = (int(part) for part in doc.ngay_ban_hanh.split("-"))
        if doubt := day_doubt(layout, day, month):
            doc.ngay_ban_hanh = None
            _date_witness(doc, layout, doubt)
    elif "ngay_ban_hanh" not in doc.ly_do_xac_minh:
        _date_witness(doc, layout, None)
    return symbol


def _number_witness(doc, symbol, layout: ScanLayout, number_line: str | None, doubt: str | None):
    typed = symbol or typed_codes(number_line)
    own = None if typed else own_codes(layout, doc)
    typed = typed or own
    found = second_number(layout, typed, _tesseract_digits(layout.header_words, _SO_WORD_RE, _SLASH_RE)) if typed else None
    if found:
        taken = Symbol(found, typed.year, typed.codes, typed.party)
        doc.so_ky_hieu = str(taken)
        codes = "; mã ký hiệu cũng do PP-OCR đọc, đúng mã loại văn bản và cơ quan ban hành" if own else ""
        doc.flag("so_ky_hieu", f"số viết tay, đọc bằng bộ nhận dạng thứ hai (PP-OCR) trên nhiều lần cắt dòng: {found}; "
                               + (f"Tesseract: {doubt}" if doubt else "Tesseract không đọc được số") + codes)
        return taken
    if doubt:
        doc.so_ky_hieu = None
        doc.flag("so_ky_hieu", f"số ký hiệu trên bản quét không đọc chắc được: {doubt}{_no_second(layout)}")
    elif number_line and layout.second is None and layout.second_missing:
        doc.flag("so_ky_hieu", f"số ký hiệu trên bản quét không đọc được{_no_second(layout)}")
    return None if doubt else symbol


def _date_witness(doc, layout: ScanLayout, doubt: str | None) -> None:
    words = layout.header_words
    year = next((int(w.text[:4]) for previous, w in zip(words, words[1:])
                 if _YEAR_RE.match(w.text) and previous.text.lower().startswith("n")), None)   # "năm 2024"
    cited = max((c.ngay for c in doc.van_ban_dan_chieu if c.ngay), default=None)
    found = second_date(layout, year, _tesseract_digits(words, _NGAY_WORD_RE, _THANG_WORD_RE),
                        _tesseract_digits(words, _THANG_WORD_RE, _NAM_WORD_RE),
                        not_before=dt.date.fromisoformat(cited) if cited else None) if year else None
    if found:
        day, month = found
        doc.ngay_ban_hanh = f"{year}-{month:02d}-{day:02d}"
        signed = f", trước thời gian ký số {layout.signed}" if layout.signed else ""
        signed += f", không trước văn bản nó dẫn (ngày {cited})" if cited else ""
        letters = date_letters(layout)
        shapes = f" (chữ đọc như chữ số cùng hình: {', '.join(letters)})" if letters else ""
        doc.flag("ngay_ban_hanh", f"ngày viết tay, đọc bằng bộ nhận dạng thứ hai (PP-OCR) trên nhiều lần cắt dòng: "
                                  f"ngày {day} tháng {month}{shapes}{signed}; "
                                  + (f"Tesseract: {doubt}" if doubt else "Tesseract không đọc được ngày"))
    elif doubt:
        doc.flag("ngay_ban_hanh", f"ngày ban hành trên bản quét không đọc chắc được: {doubt}{_no_second(layout)}")
    elif layout.second is None and layout.second_missing and year:
        doc.flag("ngay_ban_hanh", f"ngày ban hành trên bản quét không đọc được{_no_second(layout)}")


def _no_second(layout: ScanLayout) -> str:
    return f"; bộ nhận dạng thứ hai không chạy: {layout.second_missing}" if layout.second is None and layout.second_missing else ""


# The second recogniser's readings (vanban/second_reader.py). A value is taken only when every
# check holds: every reading of the line's crops shows the line's grammar (the codes Tesseract
# read as typed, "ngay … thang … nam <the year Tesseract read>"), with digits only where digits
# belong, the same digits in all, each scoring at least MIN_SCORE (in a date, letters of a digit's
# shape are digits and a doubtful character is no witness against confident crops: DIGIT_SHAPES,
# `_agreed_places`); Tesseract's own reading, where it is plausible (digits read with confidence
# where the grammar puts them), agrees; a date is a real one, not in the future, not before a
# document it cites, and not after nor long before the e-signing time. The recogniser's score
# alone does not separate right from wrong (wrong handwritten digits score 0.95-1.0 on real
# scans), so it is a floor; the agreement of differently cropped readings is the test (a wrong
# reading of handwriting changes with the crop: "981"/"984", "4444"/"444", "n8"/"8" for 18).
MIN_SCORE = 0.5
MIN_CODE_LIKENESS = 0.8   # the recogniser reads Đ as B ("QB-TTg"): one letter in five may differ
SIGNING_WINDOW = dt.timedelta(days=14)   # an issue date at most this long before the e-signing time

_SECOND_NUMBER_RE = re.compile(r"S\w{0,2}\s*[:;.：]?\s*(?P<digits>\d(?: ?\d)*)\s*(?P<sep>[/-])(?P<rest>.*)")
_SECOND_DATE_RE = re.compile(r"ng\w{0,2}y\s*(?P<day>\S+?)\s*th\w{1,3}g\s*(?P<month>\S+?)\s*n\w{1,2}m\s*(?P<year>\d{4})")
_THANG_WORD_RE = re.compile(r"^th\w{1,3}ng$")
_NAM_WORD_RE = re.compile(r"^n\w{1,2}m$")
_SLASH_RE = re.compile(r"^[/-]")
_TAIL_RE = re.compile(r"[/-]\s*(?:(?:19|20)\d\d\s*/\s*)?[^\W\d_]")
_DOUBTFUL = object()


def typed_codes(number_line: str | None) -> Symbol | None:
    """The typed part of a "Số:" line whose digits OCR garbled ("Số: Z@o/QĐ-TTg Hà Nội, …" gives
    the codes QĐ, TTg; "Số: 2 † /2026/TT-BCT" the year 2026 and TT, BCT), as a Symbol numbered 1."""
    match = _TAIL_RE.search(number_line or "")
    return parse_symbol("1" + number_line[match.start():]) if match else None


def own_codes(layout: ScanLayout, doc) -> Symbol | None:
    """The codes the second recogniser reads after the digits, the same on every crop of the number
    line, when they are the document's own: its type's code and its issuer's, as the header gave
    them (a Quyết định of the Thủ tướng Chính phủ is …/QĐ-TTg), as a Symbol numbered 1. For a line
    whose codes Tesseract lost ("Số970QĐ1pẹ _ Hà Nội"); None otherwise."""
    shown = []
    for read in (layout.second or {}).get("so", []):
        match = _SECOND_NUMBER_RE.search(read.text)
        shown.append(parse_symbol("1" + match["sep"] + match["rest"]) if match else None)
    if len(shown) < 2 or None in shown or len({str(symbol) for symbol in shown}) > 1:
        return None
    symbol, issuer = shown[0], issuer_from_symbol(shown[0])
    if not (symbol.doc_type and issuer and doc.loai_van_ban and doc.co_quan_ban_hanh):
        return None
    return symbol if symbol.doc_type == doc.loai_van_ban and name_key(issuer) == name_key(doc.co_quan_ban_hanh) else None


def _same_tail(shown: Symbol, typed: Symbol) -> bool:
    """The year and codes the recogniser shows are those Tesseract read as typed (its letters
    without marks, one in five misread at most)."""
    codes = ("".join(symbol_key(code) for code in symbol.codes) for symbol in (shown, typed))
    return shown.year == typed.year and SequenceMatcher(None, *codes).ratio() >= MIN_CODE_LIKENESS


def _score(read: LineRead, start: int, end: int) -> float:
    """The lowest score of the characters read.text[start:end] (0 when the scores do not fit the text)."""
    scores = read.scores[start:end] if len(read.scores) == len(read.text) else ()
    return min(scores, default=0.0)


def _agreed(votes: list):
    """The value every reading gives (two at least); None when one gives another, is doubtful
    (_DOUBTFUL) or shows not the line's grammar (None)."""
    if len(votes) < 2 or any(vote is None or vote is _DOUBTFUL or vote != votes[0] for vote in votes):
        return None
    return votes[0]


def _tesseract_digits(words: list[TsvWord], anchor: re.Pattern, then: re.Pattern) -> int | None:
    """Tesseract's plausible reading, which the second recogniser must not contradict: digits read
    with confidence between a word matching anchor and one matching then ("Số: 384 /QĐ-TTg",
    "ngày 44 tháng", "tháng 9 năm"), or glued to the next ("384/QĐ-TTg"). None otherwise: "Số: 2 †
    /2026/TT-BCT" is no reading of 21."""
    for word, digits, following in zip(words, words[1:], words[2:] + [None]):
        if not anchor.match(word.text) or not (match := re.match(r"(\d{1,5})(.*)", digits.text)):
            continue
        rest = match[2] or (following.text if following else "")
        if then.match(rest) and digits.conf >= MIN_CONFIDENCE:
            return int(match[1])
    return None


def second_number(layout: ScanLayout, typed: Symbol, tesseract: int | None) -> str | None:
    """The own number's digits the second recogniser reads on the number line, or None."""
    votes = []
    for read in (layout.second or {}).get("so", []):
        match = _SECOND_NUMBER_RE.search(read.text)
        shown = parse_symbol("1" + match["sep"] + match["rest"]) if match else None
        if shown is None or not _same_tail(shown, typed):
            votes.append(None)   # not the codes Tesseract read as typed: not the number line, or misread
            continue
        digits = match["digits"].replace(" ", "")
        sure = len(digits) <= 5 and not digits.startswith("0") and _score(read, *match.span("digits")) >= MIN_SCORE
        votes.append(digits if sure else _DOUBTFUL)
    found = _agreed(votes)
    return None if found is None or (tesseract is not None and tesseract != int(found)) else found


# Letters the second recogniser reads for handwritten digits, whose shape they share: a 1 as t, l, I,
# i, |, / or !; a 0 as O, o or D; a 9 as g or q; an open-topped 4 as H; a 5 as S; an 8 as B. Read as
# digits only in the day's and month's places of the date line, where nothing but digits belongs, and
# only when the crops then agree (`_agreed_places`); never in the number, whose codes are letters.
DIGIT_SHAPES = {**dict.fromkeys("tlIi|/!", "1"), **dict.fromkeys("OoD", "0"), **dict.fromkeys("gq", "9"),
                "H": "4", "S": "5", "B": "8"}


def _as_digits(text: str) -> str | None:
    """The day's or month's reading with letters of a digit's shape read as that digit; None when
    a character is neither ("n8": the n is no digit, maybe a 1, maybe a stroke of "ngày")."""
    digits = "".join(DIGIT_SHAPES.get(char, char) for char in text)
    return digits if digits.isdigit() else None


def _agreed_places(readings: list[tuple[str, tuple[float, ...]]]) -> int | None:
    """The number the readings of a day or month give, place by place, or None. The readings are as
    long; at each place the readings that score at least MIN_SCORE give one digit, and either every
    reading gives it, or two at least do and the others score below MIN_SCORE there (a doubtful
    stroke is no witness against: "86" whose 8 scores 0.36 beside two confident "26"; a confident
    other digit is). A reading of which no character scores MIN_SCORE is no reading."""
    if len(readings) < 2 or len({len(digits) for digits, _ in readings}) > 1:
        return None
    if not any(score >= MIN_SCORE for _, scores in readings for score in scores):
        return None
    value = ""
    for place in range(len(readings[0][0])):
        given = [digits[place] for digits, _ in readings]
        sure = {digits[place] for digits, scores in readings if scores[place] >= MIN_SCORE}
        if len(set(given)) == 1:
            value += given[0]
        elif len(sure) == 1 and given.count(digit := sure.pop()) >= 2:
            value += digit
        else:
            return None
    return int(value)


def _date_places(read: LineRead, year: int) -> tuple[tuple[str, tuple[float, ...]], ...] | None:
    """The day's and month's digits of one crop's reading ("ngay t1 thang 10 nam 2024" gives "11",
    "10"), each with its characters' scores; None when the reading shows not the line's grammar."""
    match = _SECOND_DATE_RE.search(read.text)
    if not match or int(match["year"]) != year or len(read.scores) != len(read.text):
        return None
    places = []
    for name in ("day", "month"):
        digits = _as_digits(match[name])
        if digits is None or len(digits) > 2:
            return None
        places.append((digits, read.scores[match.start(name):match.end(name)]))
    return tuple(places)


def date_letters(layout: ScanLayout) -> list[str]:
    """The letters read as digits in the date line's day and month ("t→1"), for the reason."""
    found = set()
    for read in (layout.second or {}).get("ngay", []):
        if match := _SECOND_DATE_RE.search(read.text):
            found.update(f"{char}→{DIGIT_SHAPES[char]}" for char in match["day"] + match["month"] if char in DIGIT_SHAPES)
    return sorted(found)


def second_date(layout: ScanLayout, year: int, tesseract_day: int | None, tesseract_month: int | None,
                today: dt.date | None = None, not_before: dt.date | None = None) -> tuple[int, int] | None:
    """(day, month) of the date line "ngày D tháng M năm <year>" as the second recogniser reads it, or None.
    not_before: the latest date of a document this one cites (it is dated on or after it)."""
    places = [_date_places(read, year) for read in (layout.second or {}).get("ngay", [])]
    if not places or None in places:
        return None
    day, month = (_agreed_places([reading[slot] for reading in places]) for slot in (0, 1))
    if day is None or month is None:
        return None
    date = make_date(year, month, day)
    if date is None or date > (today or today_in_vietnam()) or (not_before and date < not_before):
        return None
    if (tesseract_day is not None and 1 <= tesseract_day <= 31 and tesseract_day != day) or \
            (tesseract_month is not None and 1 <= tesseract_month <= 12 and tesseract_month != month):
        return None   # Tesseract read other plausible digits: two witnesses disagree
    if layout.signed:
        signed = dt.date.fromisoformat(layout.signed)
        if not signed - SIGNING_WINDOW <= date <= signed:
            return None
    return day, month
