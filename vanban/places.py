"""Place names below the province: the districts (đơn vị hành chính cấp huyện) of data/huyen.yaml.

A district's name gives its province ("Kim Bảng" -> Hà Nam), its spelling with diacritics
("Kim Bang" -> Kim Bảng) and, for a misspelt name, the nearest ones ("Kim Bản" -> Kim Bảng).
Names are found with name_key (case and tone placement ignored, tones kept: "Vinh" is not
"Vĩnh"); spelling and nearness compare folded names (no diacritics, đ -> d). A name that two
provinces share ("Châu Thành") gives no province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .text import edit_distance, fold, name_key, slugify

DATA = Path(__file__).parent / "data" / "huyen.yaml"
KIND_NAMES = {"huyen": "huyện", "quan": "quận", "thi-xa": "thị xã", "thanh-pho": "thành phố"}
_MAX_WORDS = 4   # the longest district names ("Ia H' Drai", "Hàm Thuận Bắc") have four words
_WORD_RE = re.compile(r"\w+(?:'\w+)?")


@dataclass(frozen=True)
class District:
    ten: str     # "Kim Bảng"
    kind: str    # huyen, quan, thi-xa, thanh-pho
    tinh: str    # province id of vanban/data/co_quan.yaml


def folded(name: str) -> str:
    """The comparison form of a place name: "Đắk Lắk" -> "dak lak"."""
    return " ".join(fold(w).lower() for w in _WORD_RE.findall(name))


def near(written: str, names, limit: int = 3) -> list[str]:
    """The names nearest to a written name that matches none of them, all at the smallest edit distance
    on the folded form: at most 1 for a name of up to six letters and 2 beyond (a letter lost or
    swapped); none for four letters or fewer, where one letter makes another real name ("Minh", "Vinh")."""
    key = folded(written)
    if len(key) <= 4:
        return []
    allowed = 1 if len(key) <= 6 else 2
    scored = sorted((edit_distance(key, folded(n), allowed), n) for n in set(names)
                    if not n.isdigit() and folded(n) != key)
    best = scored[0][0] if scored else allowed + 1
    return [n for d, n in scored if d <= allowed and d == best][:limit]   # only the nearest ones


class Districts:
    def __init__(self, data: dict):
        self.all = tuple(District(str(name), kind, province)
                         for province, kinds in data.items() for kind, names in kinds.items() for name in names)
        self._by_key: dict[str, list[District]] = {}
        self._by_fold: dict[str, list[District]] = {}
        self._by_slug: dict[str, list[District]] = {}
        for district in self.all:
            self._by_key.setdefault(name_key(district.ten), []).append(district)
            self._by_fold.setdefault(folded(district.ten), []).append(district)
            self._by_slug.setdefault(slugify(district.ten), []).append(district)

    def named(self, name: str) -> list[District]:
        """Every district of that name, written with its diacritics (tone placement and case ignored)."""
        return self._by_key.get(name_key(name), [])

    def same_letters(self, name: str) -> list[District]:
        """Every district whose name has these letters whatever the diacritics ("Kim Bang" -> Kim Bảng)."""
        return self._by_fold.get(folded(name), [])

    def by_slug(self, slug: str) -> list[District]:
        return self._by_slug.get(slug, [])

    def find(self, text: str | None) -> District | None:
        """The one district named in text ("Huyện ủy Kim Bảng", "Kim Bảng", "thị xã Kim Bảng"): the longest
        run of capitalised words that is a district's name, when that name belongs to one province only."""
        words = _WORD_RE.findall(text or "")
        best: list[District] = []
        best_length = 0
        for i, word in enumerate(words):
            if not (word[:1].isupper() or word.isdigit()):
                continue
            for length in range(min(_MAX_WORDS, len(words) - i), best_length, -1):
                found = self.named(" ".join(words[i:i + length]))
                if found:
                    best, best_length = found, length
                    break
        return best[0] if len({d.tinh for d in best}) == 1 else None

    def nearest(self, name: str, limit: int = 3) -> list[District]:
        """Districts whose names are near a name no district has ("Kim Bản" -> Kim Bảng, Hà Nam)."""
        names = near(name, (d.ten for d in self.all), limit)
        return [d for n in names for d in self._by_key[name_key(n)]][:limit]


@lru_cache(maxsize=1)
def districts() -> Districts:
    with DATA.open(encoding="utf-8") as f:
        return Districts(yaml.safe_load(f))
