"""The controlled list of statuses of legal force (tình trạng hiệu lực).

`tinh_trang_hieu_luc` is one of STATUSES, written as staff read it ("còn hiệu lực").
Each has a CSS slug for the banner and, when it says something definite, the
schema.org LegalForceStatus (https://schema.org/legislationLegalForce). "Chưa xác
định" is what the archive says when nothing is known: it never guesses "còn hiệu lực".
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import name_key


@dataclass(frozen=True)
class Status:
    name: str                 # as written in front matter: "hết hiệu lực một phần"
    slug: str                 # CSS class and URL part: "het-hieu-luc-mot-phan"
    legal_force: str | None   # schema.org LegalForceStatus, None when unknown

    @property
    def label(self) -> str:
        """"Hết hiệu lực một phần": as shown at the start of a line."""
        return self.name[:1].upper() + self.name[1:]


IN_FORCE, NOT_IN_FORCE, PARTLY, NOT_YET, SUSPENDED, UNKNOWN = (
    "còn hiệu lực", "hết hiệu lực", "hết hiệu lực một phần", "chưa có hiệu lực", "ngưng hiệu lực", "chưa xác định")
STATUSES: tuple[Status, ...] = (
    Status(IN_FORCE, "con-hieu-luc", "InForce"),
    Status(NOT_IN_FORCE, "het-hieu-luc", "NotInForce"),
    Status(PARTLY, "het-hieu-luc-mot-phan", "PartiallyInForce"),
    Status(NOT_YET, "chua-co-hieu-luc", "NotInForce"),
    Status(SUSPENDED, "ngung-hieu-luc", "NotInForce"),
    Status(UNKNOWN, "chua-xac-dinh", None),
)
STATUS_BY_NAME = {s.name: s for s in STATUSES}
STATUS_NAMES = tuple(STATUS_BY_NAME)
_BY_KEY = {name_key(s.name): s for s in STATUSES}
# vbpl.vn writes "hết hiệu lực toàn bộ"; it is our "hết hiệu lực".
_BY_KEY[name_key("hết hiệu lực toàn bộ")] = STATUS_BY_NAME[NOT_IN_FORCE]


def status_of(value) -> Status | None:
    """The listed status a value names, whatever its case and tone placement ("Còn hiệu lực",
    "ngưng hiệu lực"); None for anything else."""
    return _BY_KEY.get(name_key(value)) if isinstance(value, str) and value.strip() else None
