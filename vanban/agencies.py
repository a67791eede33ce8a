"""Issuing bodies (cơ quan ban hành): names, levels, places and symbol codes.

One place knows the agency vocabulary: which bodies are central, provincial,
district or grassroots; the 63 provinces; the issuer codes that end a symbol.
"""
from __future__ import annotations

import re

from .text import collapse_spaces, fold, name_key, nfc

LEVELS = ("Trung ương", "Cấp tỉnh", "Cấp huyện", "Cơ sở", "Khác")

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
    "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
    "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định",
    "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế",
    "Tiền Giang", "Thành phố Hồ Chí Minh", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)
_PROVINCE_KEYS = sorted(((name_key(p), p) for p in PROVINCES), key=lambda kp: -len(kp[0]))

# Portal web addresses that name their province (bacninh.gov.vn -> Bắc Ninh).
_PROVINCE_HOSTS = {name_key(p).replace(" ", ""): p for p in PROVINCES}

# Expansions of abbreviations used in headers and citations.
_ABBREVIATIONS = (
    (r"\bUBND\b", "Ủy ban nhân dân"),
    (r"\bHĐND\b", "Hội đồng nhân dân"),
    (r"\bMTTQ\b", "Mặt trận Tổ quốc"),
    (r"\bBTV\b", "Ban Thường vụ"),
    (r"\bTW\b", "Trung ương"),
)

# Issuer codes at the end of a state symbol, for citations written without one
# ("Chỉ thị số 16 của Thủ tướng Chính phủ" -> 16/CT-TTg).
ISSUER_CODES = {
    name_key("Thủ tướng Chính phủ"): "TTg",
    name_key("Thủ tướng"): "TTg",
    name_key("Chính phủ"): "CP",
    name_key("Văn phòng Chính phủ"): "VPCP",
    name_key("Bộ Y tế"): "BYT",
}

# Keywords deciding a body's level; first match wins, so the order matters.
_LEVEL_RULES = (
    ("Cơ sở", r"\b(xã|phường|thị trấn|chi bộ|đảng ủy cơ sở)\b"),
    ("Cấp huyện", r"\b(huyện|quận|thị xã|thị ủy|huyện ủy|quận ủy)\b"),
    ("Cấp tỉnh", r"\b(tỉnh|tỉnh ủy|thành ủy|sở|khối)\b"),
    ("Trung ương", r"\b(trung ương|bộ chính trị|ban bí thư|chính phủ|thủ tướng|quốc hội|"
                   r"bộ [a-zđà-ỹ]|văn phòng chính phủ|tổng liên đoàn|ngân hàng nhà nước|"
                   r"tổng cục|ban chỉ đạo quốc gia)\b"),
)


def expand_abbreviations(text: str) -> str:
    for pattern, full in _ABBREVIATIONS:
        text = re.sub(pattern, full, text)
    return text


def find_province(text: str | None) -> str | None:
    """The province named in text, or None. Longest names first (Hà Nam, not Nam)."""
    key = f" {name_key(text or '')} "
    for province_key, province in _PROVINCE_KEYS:
        if f" {province_key} " in key:
            return province
    return None


def province_from_host(url: str | None) -> str | None:
    """"bacninh.gov.vn" -> "Bắc Ninh"."""
    match = re.search(r"([a-z]+)\.gov\.vn", (url or "").lower())
    if not match:
        return None
    wanted = match.group(1)
    for compact, province in _PROVINCE_HOSTS.items():
        if fold(compact) == wanted:
            return province
    return None


def level_of(agency: str | None) -> str:
    """Trung ương / Cấp tỉnh / Cấp huyện / Cơ sở, by the words in the name."""
    text = nfc(agency or "").lower()
    text = text.replace("uỷ", "ủy")
    for level, pattern in _LEVEL_RULES:
        if re.search(pattern, text):
            return level
    return "Khác"


def agency_key(name: str) -> str:
    """Key that groups spellings of one body (abbreviations, tone placement, case)."""
    return name_key(expand_abbreviations(collapse_spaces(nfc(name))))


def issuer_code(issuer: str | None) -> str | None:
    return ISSUER_CODES.get(name_key(issuer or ""))


# Issuer codes of central bodies. Their symbols are unique nationwide, unlike
# 761-CV/TU or 940/QĐ-UBND, which every province issues.
NATIONAL_CODES = frozenset({
    "TTg", "CP", "VPCP", "QH", "UBTVQH", "BCT", "BYT", "BCA", "BQP", "BTC", "BNV", "BTP", "BNG",
    "BGDĐT", "BKHĐT", "BTTTT", "BGTVT", "BXD", "BTNMT", "BNNPTNT", "BLĐTBXH", "BVHTTDL",
    "BKHCN", "NHNN", "TTCP", "KTNN", "TANDTC", "VKSNDTC", "BCĐQG",
})


def is_national_code(code: str) -> bool:
    """True for the issuer code of a central body: TW, BTGTW, TTg, CP, QH15..."""
    code = nfc(code)
    return code.upper().endswith("TW") or code in NATIONAL_CODES or bool(re.fullmatch(r"QH\d*", code))


# Issuer codes a symbol may end with, beyond the central ones: Party committees and
# common provincial bodies. A minimal list until the issuer register (issue 7) replaces it.
_OTHER_CODES = frozenset({
    "TW", "TU", "HU", "QU", "THU", "ĐU", "ĐUK", "BBT", "TLĐ", "UBND", "HĐND", "UBMTTQ", "TCT", "BHXH",
    "SYT", "STC", "SNV", "VP", "BTGTW", "BTCTW", "BDVTW", "UBKTTW", "VPTW",
})


def is_known_code(code: str) -> bool:
    """True for an issuer code we know: TTg, CP, TCT, TU, TLĐ, UBTVQH15... (case and Đ as written)."""
    code = nfc(code or "")
    if not code:
        return False
    return (code in NATIONAL_CODES or code in _OTHER_CODES or code in ISSUER_CODES.values()
            or bool(re.fullmatch(r"(?:UBTV)?QH\d{0,2}", code)))
