"""Line classifiers shared by the block parsers (header, signature, copy block)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import find_dates, iso
from ..symbols import find_symbols
from ..text import collapse_spaces, fold

# fold() for NFC text as one str.translate: the same mapping, computed once.
_FOLD_TABLE = {cp: fold(chr(cp)) for cp in range(0xC0, 0x1EFA) if fold(chr(cp)) != chr(cp)}


@lru_cache(maxsize=1 << 12)  # each line is folded by several classifiers in turn
def quick_fold(text: str) -> str:
    """fold() for NFC text, fast enough to run on every line."""
    return text.translate(_FOLD_TABLE)


_SURNAME_LIST = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Lâm Mai "
    "Trịnh Lương Tạ Đào Hà Cao Lưu Tô Châu Thái Triệu Kiều Quách Vương Phùng Lại Chu Đàm Tống "
    "Nông Giang Từ Lò Hứa Khổng Thân Mạc Tăng Nghiêm Âu Bạch Diệp Doãn Hầu Khúc Lạc Lục Ông Quan "
    "Tôn Trương Lã Kim Thạch Triệu Văn Y Ksor Rơ Danh Sơn Nguyên Phí Khuất Ninh Tiêu Hoàng "
    # Surnames and name openers of ethnic minorities, frequent among commune and district officials:
    # H'Mông, Thái, Tày, Nùng (north); Ê Đê, Gia Rai, M'Nông, Cơ Ho (Tây Nguyên: "Y Thanh", "H'Lan", "K'Điệp").
    "Giàng Sùng Thào Vàng Mùa Lầu Cầm Lường Tòng Quàng Vi Bế Sầm Lù Chẩu Điểu Siu Kpă Rah Liêng Ka"
).split()
# Ê Đê and Cơ Ho given-name openers written with an apostrophe: "H'Lan Niê", "H' Lan Niê", "K'Điệp".
_APOSTROPHE_OPENER_RE = re.compile(r"^[HhKk]['’]")
SURNAMES = frozenset(fold(s).lower() for s in _SURNAME_LIST)
# The one spelling of each surname, for names OCR read without their marks ("Dang", "Trân", "Lé").
# Keys two surnames share (Nguyễn, Nguyên) have none.
SURNAME_SPELLING = {key: s for s in _SURNAME_LIST
                    if len({n for n in _SURNAME_LIST if fold(n).lower() == (key := fold(s).lower())}) == 1}
# The commonest surname of each key (the list runs from the commonest): "nguyen" is Nguyễn, not
# Nguyên. Only for a name a second reader confirmed and that stays flagged (parsing/scan_signer.py).
COMMONEST_SURNAME: dict[str, str] = {}
for _surname in _SURNAME_LIST:
    COMMONEST_SURNAME.setdefault(fold(_surname).lower(), _surname)
_ROLE_WORDS = ("bi thu", "chu tich", "truong", "thu tuong", "giam doc", "chu nhiem", "uy vien",
               "chanh van phong", "tong thu ky", "pho ", "thu ky")
SIG_MARKER_RE = re.compile(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|THỪA LỆNH|THỪA ỦY QUYỀN|THỪA UỶ QUYỀN)\s*")
# "Số" as written and as OCR reads it ("Sé:", "$6:"): every number-line pattern starts with it.
SO_WORD = r"(?i:số|sô|sồ|só|sé|s6|\$6|so)"
SO_LINE_RE = re.compile(rf"^(?:Nghị quyết\s+)?{SO_WORD}\s*[:.]?\s*(?=[\d/])(?P<rest>.*)$")
ITEM_RE = re.compile(r"^\s*[-–+~•]\s*")
PLACE_DATE_RE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][^,\d:;]{1,40}?)\s*,?\s*(?:ngày|ngay)\b", re.IGNORECASE)
NOI_NHAN_RE = re.compile(r"^\s*N[ơoóờ]i\s+nh[ậaâấầạ]n\s*:?\s*", re.IGNORECASE)  # OCR: "Noi nhân"


def is_upper(line: str) -> bool:
    """Written in capitals: has cased letters and no lower-case one."""
    return len(line.strip()) >= 2 and line == line.upper() and line != line.lower()


_ORG_WORDS = frozenset(("uy", "ban", "tinh", "huyen", "cuc", "khoi", "bo", "so"))
# Words of capital headings that start with a surname-like word ("TỔ CHỨC THỰC HIỆN", "ĐẢNG CỘNG SẢN",
# "HÀ NỘI", "VĂN PHÒNG"); compared with tone marks, so names such as "Hiền" still pass.
_NOT_NAME_WORDS = frozenset(("chức", "thực", "hiện", "cộng", "sản", "nội", "phòng"))


def is_name(line: str) -> bool:
    """A signer's name: 2-5 capitalised words starting with a Vietnamese surname."""
    words = collapse_spaces(line).strip(" .,").split()
    if not 2 <= len(words) <= 5 or not (quick_fold(words[0]).lower() in SURNAMES or _APOSTROPHE_OPENER_RE.match(words[0])):
        return False
    if any(quick_fold(w).lower() in _ORG_WORDS or w.lower() in _NOT_NAME_WORDS for w in words):
        return False
    return all(w[:1].isupper() and (w.replace("-", "").isalpha() or _APOSTROPHE_OPENER_RE.match(w)) for w in words)


def is_role(line: str) -> bool:
    """A signer's title line: "PHÓ BÍ THƯ", "KT. BỘ TRƯỞNG", "T/M BAN THƯỜNG VỤ"."""
    text = collapse_spaces(line)
    if SIG_MARKER_RE.match(text):
        return len(text.split()) <= 10
    key = quick_fold(text).lower()
    return is_upper(text) and len(text.split()) <= 8 and any(w in key for w in _ROLE_WORDS)


def first_symbol(text: str):
    return next((sym for _, sym in find_symbols(text)), None)


def place_date(line: str) -> tuple[str | None, str | None] | None:
    """ "Hà Nam, ngày 28 tháng 4 năm 2021" -> ("Hà Nam", "2021-04-28"); None if not such a line."""
    match = PLACE_DATE_RE.search(line)
    if not match:
        return None
    found = next(find_dates(line[match.start("place"):]), None)
    if not found or len(line[match.start("place") + found[0].end():].split()) > 2:
        return None
    if match.start("place") + found[0].start() > match.end():
        return None  # the date is not the one "ngày" opens ("Ngày Nam kỳ khởi nghĩa (23/11/1940)")
    date = found[1]
    place = collapse_spaces(match.group("place")).strip(" ,.")
    place = re.sub(r"^(TP\.|Tp\.|T\.P\s)\s*", "Thành phố ", place)
    if len(place.split()) > 6 or place and not (place.split()[-1][:1].isupper() or place[-1].isdigit()):
        return None   # a place is a name ("Hà Nội", "Quận 1"); "… Luật Cán bộ, công chức ngày 24 tháng 6" is not
    return place or None, iso(*date) if date else None


def list_items(lines: list[str]) -> list[str]:
    """Lines of a "- item" list (continuation lines joined) -> cleaned items."""
    items: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if ITEM_RE.match(line) or not items:
            items.append(ITEM_RE.sub("", line))
        else:
            items[-1] += " " + line.strip()
    cleaned = [collapse_spaces(re.sub(r"[{}]", "", i)).strip(" ,;.") for i in items]
    return [i for i in cleaned if i]
