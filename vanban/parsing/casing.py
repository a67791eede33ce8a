"""Official capitalisation of agency names and titles written in capitals.

"BAN THƯỜNG VỤ TỈNH ỦY" -> "Ban Thường vụ Tỉnh ủy". Known phrases are matched
without diacritics, which also repairs OCR tone errors ("ĐẢNG ỦY KHÔI" -> "Đảng ủy Khối").
"""
from __future__ import annotations

import functools
import re

from ..agencies import PROVINCES
from ..text import collapse_spaces, fold, sentence_case
from .lines import SURNAMES, quick_fold

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
    "Ban Tuyên giáo và Dân vận", "Ban Thường trực", "Liên đoàn Lao động", "Ủy ban bầu cử", "Tiểu ban",
    "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Ban Quản lý", "Ban Nội chính", "Ban Chính sách, chiến lược", "Mặt trận Tổ quốc Việt Nam", "Trường Đại học",
    "Đại học", "Cao đẳng", "Học viện", "Trung tâm Chính trị", "Bộ Chỉ huy Quân sự", "Công an",
) + PROVINCES
# Words after these are a place's or a body's own name, each word capitalised ("xã Đắk Hòa", "Trường Đại học Tây Đô").
_PROPER_AFTER = {("xa",), ("phuong",), ("huyen",), ("quan",), ("thi", "tran"), ("thi", "xa"), ("tinh",),
                 ("thanh", "pho"), ("dai", "hoc"), ("cao", "dang"), ("bao",), ("tap", "chi")}
_NOT_PROPER = {"va", "ve", "cua", "tinh", "huyen", "xa", "phuong", "quan", "thi", "thanh"}


def _index_phrases() -> dict[str, list[tuple[list[str], str]]]:
    """Folded phrases by their first word; longest first so "Phó Bí thư" wins over "Bí thư"."""
    index: dict[str, list[tuple[list[str], str]]] = {}
    for key, proper in sorted(((fold(p).lower().split(), p) for p in _PHRASES), key=lambda kp: -len(kp[0])):
        index.setdefault(key[0], []).append((key, proper))
    return index


_BY_FIRST_WORD = _index_phrases()
_MARKER_RE = re.compile(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|TM|KT|TL)\s*", re.IGNORECASE)


def _apply_phrases(words: list[str]) -> list[str]:
    folded = [quick_fold(w).lower().strip(",.;:") for w in words]
    out, i = [], 0
    while i < len(words):
        for key, proper in _BY_FIRST_WORD.get(folded[i], ()):
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


_PLACE_WORDS = {"tinh", "thanh", "huyen", "quan", "tp", "tp."}


def _capitalise_domain(words: list[str]) -> list[str]:
    """ "Bộ xây dựng" -> "Bộ Xây dựng", "Sở giáo dục và đào tạo" -> "Sở Giáo dục và Đào tạo":
    a ministry's or department's field starts with a capital, as does each field joined by "và", "," or "-"."""
    if len(words) < 2 or quick_fold(words[0]).lower() not in ("bo", "so", "phong") or quick_fold(words[1]).lower().strip(",.;:") == "truong":
        return words  # not "Bộ trưởng"
    out, capital = words[:1], True
    for word in words[1:]:
        if quick_fold(word).lower() in _PLACE_WORDS:
            capital = False
            out.append(word)
            out.extend(words[len(out):])
            break
        out.append(word[:1].upper() + word[1:] if capital else word)
        capital = word in ("và", "-", "–") or word.endswith(",")
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
    words = [o if _keeps_capitals(o) and o.strip(".").lower() not in ("tp", "tx") else w
             for w, o in zip(sentence_case(text).split(), text.split())]  # UBND, MTTQ stay; "tp." is a place word
    words = _proper_names(_capitalise_domain(_apply_phrases(words)))
    cased = " ".join(words)
    cased = cased[:1].upper() + cased[1:]
    return (marker + " " + cased).strip()


def _proper_names(words: list[str]) -> list[str]:
    """Capitalise the words of a name after a place word or a school's or paper's head words:
    "Ủy ban nhân dân xã đắk hòa" -> "Ủy ban nhân dân xã Đắk Hòa"."""
    out, proper = list(words), False
    folded = [quick_fold(w).lower().strip(",.;:()") for w in words]
    for i, key in enumerate(folded):
        following = folded[i + 1] if i + 1 < len(folded) else ""
        if following in ("uy", "hoi"):  # "Huyện ủy" (a body; its place follows it), "xã hội" (a word)
            proper = False
        elif key == "uy" and i > 0 and (folded[i - 1],) in _PROPER_AFTER:
            proper = True
            continue
        elif (key,) in _PROPER_AFTER and (key, following) not in _PROPER_AFTER \
                or i > 0 and (folded[i - 1], key) in _PROPER_AFTER:
            proper = True
            continue
        if proper and key not in _NOT_PROPER and (out[i][:1].islower() or _name_in_capitals(out[i], key)):
            out[i] = _name_case(out[i])
        elif key in _NOT_PROPER:
            proper = False
    return out


def _name_case(word: str) -> str:
    """ "đắk" -> "Đắk", "KRÔNG" -> "Krông", "n'jang" -> "N'Jang" (a letter after an apostrophe opens a syllable)."""
    return re.sub(r"(?:^|(?<=['’]))\w", lambda m: m[0].upper(), word.lower())


def _name_in_capitals(word: str, key: str) -> bool:
    """A place's word left in capitals because it is no Vietnamese syllable ("KRÔNG", "DRÔ", "N'JANG"),
    not an abbreviation (those have no vowel, or are the register's: UBND, TAND)."""
    return (len(word) > 1 and word.isupper() and bool(re.search(r"[aeiouy]", key))
            and word.strip(",.;:()") not in _abbreviations())


@functools.lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from ..register import register
    return frozenset(register().abbreviations) | {"UBND", "HĐND", "TAND", "CAND", "UBKT", "ĐUK", "TƯ"}


# One Vietnamese syllable, folded: initial consonant(s), vowel cluster, final consonant(s).
# The clusters of place and person names of Tây Nguyên's peoples count too ("Krông", "Drô", "Glong", "Jút", "Kpă").
_SYLLABLE_RE = re.compile(r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|kr|dr|gl|gr|bl|br|pr|pl|kl|kb|bk|kp|[bcdghklmnpqrstvxjwfz])?"
                          r"[aeiouy]{1,3}(ng|nh|ch|[cmnptk])?$")
_APOSTROPHE_RE = re.compile(r"(?:^|(?<=-))[a-z]['’]")   # "n'jang", "h'lan": the opener before the syllable


def _keeps_capitals(word: str) -> bool:
    """Symbols and abbreviations stay as written ("377-QĐ/TW", "COVID-19", "UBND"): a word
    with a digit, or a piece that is not a Vietnamese syllable."""
    if any(ch.isdigit() for ch in word):
        return True
    pieces = re.split(r"[-/–]", quick_fold(word).lower().strip(",.;:()\"“”'"))
    return any(p.isalpha() and not _SYLLABLE_RE.match(p) for p in pieces)


def subject_case(text: str) -> str:
    """Sentence case for an all-caps subject, keeping symbols and abbreviations in capitals."""
    text = collapse_spaces(text)
    cased = sentence_case(text)
    if cased == text:
        return text
    words = [o if _keeps_capitals(o) else w for w, o in zip(cased.split(), text.split())]
    text = " ".join(_person_names(_apply_phrases(words)))  # "Thủ tướng Chính phủ", "Khánh Hòa"
    return re.sub(r"^V/V\b", "V/v", text[:1].upper() + text[1:])


# A person's name follows these titles: "Phó Thủ tướng Chính phủ Mai Văn Chính", "đồng chí Lê Văn A".
_TITLE_ENDS = {"bi thu", "chinh phu", "thu tuong", "bo truong", "chu tich", "dong chi", "giam doc"}
_NAME_STOP = {"tai", "ve", "voi", "va", "trong", "doi", "cho", "khi", "ngay", "nam", "den", "o", "cua", "lam", "chu", "da"}


def _person_names(words: list[str]) -> list[str]:
    """Capitalise a name written after a title: a lower-case surname (a capital one began a known
    phrase, "đồng chí Tổng Bí thư"), then up to 3 words before a function word."""
    out = list(words)
    folded = [quick_fold(w).lower().strip(",.;:") for w in words]
    for i in range(2, len(out)):
        if f"{folded[i - 2]} {folded[i - 1]}" not in _TITLE_ENDS or folded[i] not in SURNAMES or not out[i][:1].islower():
            continue
        for j in range(i, min(i + 4, len(out))):
            if j > i and folded[j] in _NAME_STOP:
                break
            out[j] = out[j][:1].upper() + out[j][1:]
    return out


# Toneless spellings that no Vietnamese syllable has: a stop final needs a tone mark
# ("cyc", "quoc"), and iê/yê/uô/uê need their circumflex ("kiem", "thue").
_NEEDS_MARKS_RE = re.compile(r"(c|ch|p|t)$|^(ngh|ng|gh|kh|nh|ph|th|tr|ch|[bcdghklmnprstvx])?(ie|ye|uo|ue)")


_SHORT_FORMS = {"tp", "tx", "tt", "kt", "tl", "tm", "q"}


def _plausible_word(token: str) -> bool:
    word = token.strip(",.;:()")
    if token in ("-", "–"):
        return True  # joins two fields of a name ("Phòng Tài chính - Kế hoạch")
    if (not word or word.isdigit() or "/" in word or (len(word) >= 2 and word.isupper() and word.isalpha())
            or word.lower() in _SHORT_FORMS):
        return True  # numbers, markers ("T/M", "KT."), abbreviations ("UBND", "ĐVHC", "tp.")
    folded = _APOSTROPHE_RE.sub("", quick_fold(word).lower())
    if not folded.replace("-", "").isalpha():
        return False  # OCR debris: "“bo", "—=—", "©"
    if not all(_SYLLABLE_RE.match(p) for p in folded.split("-") if p):
        return False  # "chínhphủ", "vietnam", "hol"
    return not (word.isascii() and _NEEDS_MARKS_RE.search(folded))


def plausible_name(text: str | None) -> bool:
    """False for names garbled by OCR ("Bộ Tài chính tong cyc thue", "Thủ tướng chínhphủ")."""
    return bool(text) and all(_plausible_word(t) for t in text.split())
