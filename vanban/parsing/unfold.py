"""A header that a scrape flattened into a few long lines, put back on the lines of the official layout.

NĐ 30/2020/NĐ-CP Phụ lục I (and HD 36-HD/VPTW) gives each part of the header its own line: the
Số line, the V/v subject under it, the place-and-date line, the type heading, the subject, the
authority line ("BỘ TRƯỞNG BỘ TƯ PHÁP"), Kính gửi, then the body. Legal portals' text exports join
them: "Số: 778/TCHQ-GSQL V/v xử lý …", "Hà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ …",
"Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH … ỦY BAN NHÂN DÂN TỈNH
KON TUM". The joins are found by that grammar, so the header parser reads the lines as printed.
Only the header is touched: lines from the masthead until the body opens, and only where a join
is certain (the date written out in full after a place name, a "V/v" after the number …).
"""
from __future__ import annotations

import re

from ..doctypes import TYPE_NAMES
from .header import AUTHORITY_TITLES
from .lines import SO_LINE_RE, is_upper, quick_fold
from .masthead import split_motto

_MOTTO_WITHIN = 15        # a portal's title lines may come before the masthead
_HEADER_LINES = 12        # the masthead, Số, date, heading, subject, authority and Kính gửi fit in these
# The date of issue as the place-and-date line writes it; the place is what precedes the comma.
_DATE_RE = re.compile(r",\s*ngày\s+\d{1,2}\s*(?:tháng\s+\d{1,2}\s+năm\s+|[/.\-]\s*\d{1,2}\s*[/.\-]\s*)(?:19|20)\d\d\b")
_KINH_GUI_RE = re.compile(r"\s(?=(?:Đồng\s+)?K[íi]nh\s+g[ửu]i\s*:)")
_VV_RE = re.compile(r"\s(?=(?:V/[vV]|Về việc|VỀ VIỆC)\s)")
# Words of a place name that are not capitalised: "Thành phố Huế", "Thị xã Sơn Tây", "Bà Rịa - Vũng Tàu".
_PLACE_SMALL_WORDS = frozenset(("TP.", "Tp.", "-", "phố", "xã", "trấn"))
# The motto's first line and its second (on folded capitals, which keep the line's length).
_MOTTO_START_RE = re.compile(r"CONG HOA XA HOI CHU NGHIA VIET NAM|DANG CONG SAN VIET NAM")
_MOTTO_WORDS_RE = re.compile(r"(?<=VIET NAM )\s*DOC LAP\b")
# The motto's last words, then what a scrape glued after it ("Nghị quyết số:", "Số: 12/…").
_MOTTO_END_RE = re.compile(r"^(?P<motto>.*?(?:HẠNH PHÚC|Hạnh phúc)[\s\-–—_=*]*)(?P<rest>[^\s\-–—_=*].*)$")
# After a Kính gửi list, the body's first words ("Phúc đáp Công văn số …", "Căn cứ …").
_BODY_AFTER_ADDRESSEE_RE = re.compile(r"\s(?=(?:Phúc đáp|Trả lời|Căn cứ|Thực hiện|Tiếp theo|Theo (?:đề nghị|báo cáo|"
                                      r"phản ánh|quy định|chỉ đạo)|Ngày \d)\s)")
_BODY_OPENER_RE = re.compile(r"^(?:Căn cứ|Điều \d|Nơi nhận|Chương [IVX\d])")
# The authority line under a decision's subject (thẩm quyền ban hành): a head of body's title
# and the body's name. A deputy ("PHÓ CHỦ TỊCH") or "CỦA CHỦ TỊCH …" is part of the subject.
_AUTHORITY_RE = re.compile(rf"(?<!PHÓ )(?<!CÁC )(?<!CỦA )(?<!VÀ )\b{AUTHORITY_TITLES}(?:\s+\S+){{0,8}}$")
_TYPES = sorted((quick_fold(t).upper() for t in TYPE_NAMES), key=len, reverse=True)


def unfold_header(lines: list[str]) -> list[str]:
    """lines with the header's joined lines cut apart; the body's lines untouched. A text without
    the national motto (or "ĐẢNG CỘNG SẢN VIỆT NAM") near its top has no such header."""
    start = _masthead(lines)
    if start is None:
        return lines
    out, agency, dated, seen = lines[:start], [], False, 0
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if seen >= _HEADER_LINES or (dated and _BODY_OPENER_RE.match(line)):
            return out + lines[i:]
        seen += bool(line)
        pieces = _split(line, agency, dated)
        for piece in pieces:
            dated = dated or bool(_DATE_RE.search(piece))
            name, _, _ = split_motto(piece, None)
            if not dated and name and is_upper(name) and not SO_LINE_RE.match(name):
                agency.append(quick_fold(name.strip(" -_*")).upper())
        out += pieces if len(pieces) > 1 else [lines[i]]
    return out


def _masthead(lines: list[str]) -> int | None:
    """The index of the masthead's first line: the motto's line, or the issuer's name just above it."""
    for i, line in enumerate(lines[:_MOTTO_WITHIN]):
        if split_motto(line, None)[1]:
            return i - 1 if i and is_upper(lines[i - 1].strip(" -_*")) else i
    return None


def _split(line: str, agency: list[str], dated: bool) -> list[str]:
    if motto := _MOTTO_START_RE.search(quick_fold(line).upper()):
        if motto.start() > 0:  # "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN ------- CỘNG HÒA XÃ HỘI …"
            return [line[:motto.start()].rstrip(), *_split(line[motto.start():], agency, dated)]
        if words := _MOTTO_WORDS_RE.search(quick_fold(line).upper()):  # "… VIỆT NAM Độc lập - Tự do …"
            return [line[:words.start()].rstrip(), *_split(line[words.start():], agency, dated)]
    if match := _MOTTO_END_RE.match(line):
        return [match["motto"].rstrip(), *_split(match["rest"], agency, dated)]
    if not dated and (found := _place_and_date(line)):
        before, date, after = found
        head = _split(before, agency, dated) if before else []
        return head + [date] + (_after_date(after, agency) if after else [])
    if match := _KINH_GUI_RE.search(line):
        return [*_split(line[:match.start()], agency, dated), *_addressee(line[match.end():])]
    if SO_LINE_RE.match(line) and (match := _VV_RE.search(line)):
        return [line[:match.start()], line[match.end():]]
    return [line]


def _place_and_date(line: str) -> tuple[str, str, str] | None:
    """(text before the place, "Place, ngày …", text after the date) when the line holds the date
    line after a place written in capitalised words ("Hà Nội", "TP. Hồ Chí Minh", "Kon Tum")."""
    match = _DATE_RE.search(line)
    if not match:
        return None
    words = line[:match.start()].split(" ")
    k = len(words)
    while k > 0 and len(words) - k < 5 and _place_word(words[k - 1]):
        k -= 1
    if k == len(words):
        return None
    before, place = " ".join(words[:k]).strip(), " ".join(words[k:])
    return before, f"{place}{match.group()}", line[match.end():].strip(" .")


def _place_word(word: str) -> bool:
    return word in _PLACE_SMALL_WORDS or (word[:1].isupper() and word[1:] == word[1:].lower() and word.isalpha())


def _addressee(text: str) -> list[str]:
    match = _BODY_AFTER_ADDRESSEE_RE.search(text)
    return [text[:match.start()], text[match.end():]] if match else [text]


def _after_date(text: str, agency: list[str]) -> list[str]:
    """What followed the date: a Kính gửi, or the type heading, its subject in capitals, the authority
    line, and the body's first words ("NGHỊ QUYẾT TIẾP TỤC … QUỐC HỘI Căn cứ …")."""
    if _KINH_GUI_RE.match(f" {text}"):
        return _addressee(text)
    key = quick_fold(text).upper()
    doc_type = next((t for t in _TYPES if key.startswith(t) and key[len(t):len(t) + 1] in (" ", "")), None)
    if doc_type is None:
        return [text]
    heading, rest = text[:len(doc_type)], text[len(doc_type):].strip()
    words = rest.split(" ")
    if not rest or words[0] != words[0].upper():
        return [heading, rest] if rest else [heading]   # a subject in ordinary case: "Về việc …"
    k = next((j for j, w in enumerate(words) if w != w.upper() and j > 0), len(words))
    capitals, body = " ".join(words[:k]), " ".join(words[k:])
    return [heading, *_authority(capitals, agency), *([body] if body else [])]


def _authority(capitals: str, agency: list[str]) -> list[str]:
    """The subject in capitals, and the authority line at its end (the masthead's name again, or a
    head of body's title with the body's name) on a line of its own."""
    key = quick_fold(capitals).upper()
    cuts = [len(capitals) - len(name) for name in agency if key.endswith(" " + name)]
    if match := _AUTHORITY_RE.search(capitals):
        cuts.append(match.start())
    cut = min((c for c in cuts if c > 0), default=None)
    if cut is None:
        return [capitals] if capitals else []
    return [capitals[:cut].rstrip(), capitals[cut:]]
