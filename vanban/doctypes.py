"""The controlled list of document types (loại văn bản) and their symbol codes.

One table knows every type: its name, its code inside a số ký hiệu and its
plural URL slug. Parsing, validation and the type index pages all read it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .text import fold, name_key


@dataclass(frozen=True)
class DocType:
    name: str          # as written in front matter: "Chỉ thị"
    codes: tuple[str, ...]  # codes in a symbol: 16/CT-TTg, 07-KL/TW
    party_only: bool = False  # "TT" is Thông tri in a Party symbol, Thông tư in a state one


# Types and codes of NĐ 30/2020/NĐ-CP Phụ lục III (state) and HD 36-HD/VPTW (Party), the
# legal normative documents (Luật 80/2015/QH13) and the consolidated text (VBHN). A code that
# is also a common unit or issuer code (PC, PB, PG, TC) is left out: the heading names those types.
DOC_TYPES: tuple[DocType, ...] = (
    DocType("Chỉ thị", ("CT",)),
    DocType("Công văn", ("CV",)),
    DocType("Công điện", ("CĐ",)),
    DocType("Điện", ()),
    DocType("Kết luận", ("KL",)),
    DocType("Thông báo", ("TB",)),
    DocType("Nghị quyết", ("NQ",)),
    DocType("Nghị quyết liên tịch", ("NQLT",)),
    DocType("Quyết định", ("QĐ",)),
    DocType("Quy định", ("QĐi", "QyĐ")),
    DocType("Hướng dẫn", ("HD",)),
    DocType("Kế hoạch", ("KH",)),
    DocType("Thông tri", ("TT",), party_only=True),
    DocType("Báo cáo", ("BC",)),
    DocType("Chương trình", ("CTr",)),
    DocType("Chương trình hành động", ()),    # a Chương trình by its heading; its code is CTr
    DocType("Tờ trình", ("TTr",)),
    DocType("Phiếu trình", ()),
    DocType("Nghị định", ("NĐ",)),
    DocType("Thông tư", ("TT",)),
    DocType("Thông tư liên tịch", ("TTLT",)),
    DocType("Văn bản hợp nhất", ("VBHN",)),
    DocType("Hiến pháp", ()),
    DocType("Bộ luật", ()),
    DocType("Luật", ()),
    DocType("Pháp lệnh", ()),
    DocType("Lệnh", ()),
    DocType("Quy chế", ("QC",)),
    DocType("Đề án", ("ĐA",)),
    DocType("Phương án", ("PA",)),
    DocType("Dự án", ("DA",)),
    DocType("Quy hoạch", ("QHo",)),
    DocType("Thông cáo", ()),
    DocType("Biên bản", ("BB",)),
    DocType("Hợp đồng", ("HĐ",)),
    DocType("Bản ghi nhớ", ("GN",)),
    DocType("Bản thỏa thuận", ()),
    DocType("Giấy mời", ("GM",)),
    DocType("Giấy giới thiệu", ("GGT",)),
    DocType("Giấy ủy quyền", ("GUQ",)),
    DocType("Giấy chứng nhận", ("GCN",)),
    DocType("Giấy nghỉ phép", ("GNP",)),
    DocType("Phiếu gửi", ()),
    DocType("Phiếu chuyển", ()),
    DocType("Phiếu báo", ()),
    DocType("Bản sao", ("BS", "SY", "TS", "SL")),
)

TYPE_NAMES: tuple[str, ...] = tuple(t.name for t in DOC_TYPES)
# Types that are never addressed with "Kính gửi" (NĐ 30/2020 Phụ lục I: they are issued, not sent). An
# addressed letter whose symbol carries one of their codes is a Công văn of a unit with that code (CT: Cục Thuế).
UNADDRESSED = frozenset({"Chỉ thị", "Quyết định", "Nghị quyết", "Nghị định", "Thông tư", "Luật", "Pháp lệnh"})

_BY_KEY = {name_key(t.name): t for t in DOC_TYPES}
_BY_CODE = {(fold(code).upper(), t.party_only): t for t in DOC_TYPES for code in t.codes}


@functools.lru_cache(maxsize=1 << 15)  # pure, and the same names and numbers recur in every document
def canonical_type(text: str | None) -> str | None:
    """Return the controlled name for a type written in any case or tone style."""
    if not text:
        return None
    found = _BY_KEY.get(name_key(text))
    return found.name if found else None


def type_for_code(code: str, party: bool = False) -> str | None:
    """Type named by a symbol code: "CT" -> "Chỉ thị". Codes compare without Đ."""
    key = fold(code).upper()
    found = (party and _BY_CODE.get((key, True))) or _BY_CODE.get((key, False))
    return found.name if found else None


def code_for_type(name: str) -> str | None:
    """Primary symbol code of a type: "Chỉ thị" -> "CT"."""
    found = _BY_KEY.get(name_key(name))
    return found.codes[0] if found and found.codes else None


def consolidated(symbol) -> str | None:
    """ "Văn bản hợp nhất" for a consolidated text (01/VBHN-BTC), whose heading names the type it
    consolidates ("THÔNG TƯ"): its own type is the symbol's."""
    return "Văn bản hợp nhất" if symbol and symbol.doc_type == "Văn bản hợp nhất" else None
