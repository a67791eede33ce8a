"""Official capitalisation of agency names and titles written in capitals.

"BAN THƯỜNG VỤ TỈNH ỦY" -> "Ban Thường vụ Tỉnh ủy". Known phrases are matched
without diacritics, which also repairs OCR tone errors ("ĐẢNG ỦY KHÔI" -> "Đảng ủy Khối").
"""
from __future__ import annotations

import re

from ..agencies import PROVINCES
from ..text import collapse_spaces, fold, sentence_case
from .lines import quick_fold

_PHRASES = (
    "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Ban Thường vụ", "Thường trực",
    "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy", "Quận ủy", "Đảng ủy Khối", "Đảng ủy", "Đảng bộ",
    "Cơ quan và Doanh nghiệp", "Trung ương", "Tổng Bí thư", "Phó Bí thư", "Bí thư",
    "Phó Chủ tịch", "Chủ tịch", "Ủy ban nhân dân", "Hội đồng nhân dân", "Mặt trận Tổ quốc",
    "Văn phòng Chính phủ", "Văn phòng Trung ương Đảng", "Văn phòng", "Chính phủ", "Phó Thủ tướng", "Thủ tướng",
    "Bộ trưởng", "Thứ trưởng", "Tổng cục trưởng", "Phó Tổng cục trưởng", "Cục trưởng", "Phó Cục trưởng",
    "Tổng cục Thuế", "Cục Thuế", "Tổng cục", "Bộ Tài chính", "Bộ Y tế", "Bộ Công Thương",
    "Giám đốc", "Phó Giám đốc", "Chủ nhiệm", "Phó Chủ nhiệm", "Chánh Văn phòng", "Phó Chánh Văn phòng",
    "Trưởng ban", "Phó Trưởng ban", "Ban Chỉ đạo", "Bảo hiểm xã hội", "Thành phố", "Ngân hàng Nhà nước",
    "Quốc hội", "Ủy ban Thường vụ Quốc hội", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Dân vận", "Ban Kinh tế",
    "Ủy ban Kiểm tra", "Sở Y tế", "Tổng Liên đoàn Lao động Việt Nam", "Việt Nam",
) + PROVINCES
# Longest first so "Phó Bí thư" wins over "Bí thư".
_BY_FOLD = sorted(((fold(p).lower().split(), p) for p in _PHRASES), key=lambda fp: -len(fp[0]))
_MARKER_RE = re.compile(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|TM|KT|TL)\s*", re.IGNORECASE)


def _apply_phrases(words: list[str]) -> list[str]:
    folded = [quick_fold(w).lower().strip(",.;:") for w in words]
    out, i = [], 0
    while i < len(words):
        for key, proper in _BY_FOLD:
            n = len(key)
            if folded[i : i + n] == key:
                tail = re.sub(r"^.*?([,.;:]*)$", r"\1", words[i + n - 1])
                out.extend((proper + tail).split())
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


def official_case(text: str) -> str:
    """Capitalise an all-caps name the official way; mixed-case text is kept as written."""
    text = collapse_spaces(text)
    marker = ""
    match = _MARKER_RE.match(text)
    if match and (match.group(1).endswith((".", "/")) or "/" in match.group(1)):
        marker, text = match.group(1).upper(), text[match.end():]
    if not text:
        return marker.strip()
    if any(ch.islower() for ch in text):
        return (marker + " " + text).strip()
    words = sentence_case(text).split()
    cased = " ".join(_apply_phrases(words))
    cased = cased[:1].upper() + cased[1:]
    return (marker + " " + cased).strip()
