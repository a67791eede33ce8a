"""Domain model: one directive (VanBan) and the documents it cites (Citation)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .relation_types import DEFAULT as MENTION
from .schema import CITATION_KEYS, FIELDS
from .text import without_controls


# Keys no raw text carries: the page's address and its original file are written when the
# page is placed (scripts/convert.py); old addresses and the status of legal force by staff
# (the build derives a status for pages that do not say: vanban/archive/status.py).
NOT_FROM_TEXT = ("slug", "duong_dan_cu", "ban_goc", "tinh_trang_hieu_luc", "ngay_co_hieu_luc", "ngay_het_hieu_luc")


@dataclass
class Citation:
    so_ky_hieu: str | None
    loai_van_ban: str | None = None
    ngay: str | None = None          # ISO date
    co_quan: str | None = None
    nguyen_van: str = ""             # the raw phrase as written
    quan_he: str = MENTION           # relation type (vanban/relation_types.py), read from its clause
    mot_phan: bool = False           # the relation touches part of it ("bãi bỏ khoản 7 Điều 11 …")

    def to_dict(self) -> dict:
        data = {key: getattr(self, key) for key in CITATION_KEYS if key != "mot_phan"}
        return data | {"mot_phan": True} if self.mot_phan else data


@dataclass
class VanBan:
    title: str | None = None
    so_ky_hieu: str | None = None
    loai_van_ban: str | None = None
    trich_yeu: str | None = None
    co_quan_ban_hanh: str | None = None
    ma_co_quan: str | None = None       # register id of the issuer (vanban/data/co_quan.yaml)
    dia_danh: str | None = None
    ngay_ban_hanh: str | None = None
    nguoi_ky: str | None = None
    chuc_vu: str | None = None
    kinh_gui: list[str] = field(default_factory=list)
    noi_nhan: list[str] = field(default_factory=list)
    van_ban_dan_chieu: list[Citation] = field(default_factory=list)
    ban_sao: dict | None = None
    so_den: dict | None = None
    nguon: str | None = None
    ngay_dang: str | None = None
    nguon_ocr: bool = False          # read by OCR from a scan; written only when true
    can_xac_minh: list[str] = field(default_factory=list)
    ly_do_xac_minh: dict[str, str] = field(default_factory=dict)  # key -> why it is flagged; written when any

    def flag(self, key: str, reason: str | None = None) -> None:
        """Mark a field for staff review (inferred, or not found in the text), with why when it helps."""
        if key not in self.can_xac_minh:
            self.can_xac_minh.append(key)
        if reason:
            self.ly_do_xac_minh[key] = reason

    def to_front_matter(self) -> dict:
        """Schema keys in FIELDS order; flags sorted in the same order for stable output."""
        order = [f.key for f in FIELDS]
        data = {}
        for key in order:
            if key in NOT_FROM_TEXT:
                continue
            value = getattr(self, key)
            if key == "van_ban_dan_chieu":
                value = [c.to_dict() for c in value]
            elif key in ("nguon_ocr", "ly_do_xac_minh") and not value:
                continue
            elif key == "can_xac_minh":
                value = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
            data[key] = value
        return without_controls(data)   # the loader refuses a page that holds them
