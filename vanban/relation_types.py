"""The controlled list of relation types between documents (quan_he), read in both directions.

`van_ban_dan_chieu[].quan_he` is one of these keys. A relation is what the citing
document does to the cited one: "Chỉ thị này thay thế Chỉ thị số 15/CT-TTg" makes
the citing page list 15/CT-TTg under "Thay thế" and 15/CT-TTg's page list the citing
one under "Bị thay thế bởi". `dan_chieu` (a mention) is the default, and what any
wording that is not clearly one of the others stays. The phrases that name each
type are registered in vanban/parsing/relation.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import fold


@dataclass(frozen=True)
class RelationType:
    key: str          # front-matter value: "thay_the"
    name: str         # "Thay thế"
    outgoing: str     # heading on the citing page: "Thay thế"
    incoming: str     # heading on the cited page: "Bị thay thế bởi"


CAN_CU, THUC_HIEN, THAY_THE, BAI_BO, SUA_DOI, HUONG_DAN, DAN_CHIEU = (
    "can_cu", "thuc_hien", "thay_the", "bai_bo", "sua_doi", "huong_dan", "dan_chieu")
DEFAULT = DAN_CHIEU

# In the order a page lists what it cites: its bases first, plain mentions last.
RELATION_TYPES: tuple[RelationType, ...] = (
    RelationType(CAN_CU, "Căn cứ", "Văn bản căn cứ", "Là căn cứ của"),
    RelationType(THUC_HIEN, "Thực hiện", "Thực hiện", "Được thực hiện bởi"),
    RelationType(HUONG_DAN, "Hướng dẫn thi hành", "Hướng dẫn", "Được hướng dẫn bởi"),
    RelationType(THAY_THE, "Thay thế", "Thay thế", "Bị thay thế bởi"),
    RelationType(BAI_BO, "Bãi bỏ", "Bãi bỏ", "Bị bãi bỏ bởi"),
    RelationType(SUA_DOI, "Sửa đổi, bổ sung", "Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    RelationType(DAN_CHIEU, "Dẫn chiếu", "Dẫn chiếu khác", "Được dẫn chiếu bởi"),
)
RELATION_BY_KEY = {t.key: t for t in RELATION_TYPES}
RELATION_KEYS = tuple(RELATION_BY_KEY)
# What cites a page is listed by what it did to the page: what ended or changed it first.
INCOMING_ORDER = (THAY_THE, BAI_BO, SUA_DOI, HUONG_DAN, THUC_HIEN, CAN_CU, DAN_CHIEU)
# A held later document with one of these relations ends the force of the one it cites.
ENDS_FORCE = (THAY_THE, BAI_BO)


def _spellings(relation: RelationType) -> set[str]:
    return {fold(spelling).casefold().replace(" ", "_").replace(",", "")
            for spelling in (relation.key, relation.name, relation.outgoing)}


_BY_SPELLING = {spelling: t.key for t in RELATION_TYPES for spelling in _spellings(t)}


def relation_key(value) -> str | None:
    """The listed key a value means, or None: "thay_the", and what staff may type for it
    ("Thay thế", "thay the", "Sửa đổi, bổ sung") all give the key."""
    if not isinstance(value, str) or not value.strip():
        return None
    return _BY_SPELLING.get(fold(" ".join(value.split())).casefold().replace(" ", "_").replace(",", ""))
