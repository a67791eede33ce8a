"""The issuer register (danh mục cơ quan ban hành): every body the archive knows, read from data/co_quan.yaml.

A body has a stable id, a canonical name, a kind, a level, a parent, aliases, the issuer codes of its
symbols and dates of validity. Bodies that every province has (Ủy ban nhân dân, Tỉnh ủy, Sở Y tế…) are
templates: "ubnd.dak-lak" is the Ủy ban nhân dân of Đắk Lắk, built when a name needs it.

`resolve(name)` reads a name as written by a portal, a masthead or OCR and finds the body:
    "UBND tỉnh Đắk Lắk"                      -> ubnd.dak-lak   "Ủy ban nhân dân tỉnh Đắk Lắk"
    "Bộ Tài chính cong hoa í"               -> bo-tai-chinh   (trailing junk dropped)
    "Tổng cục Thuế Cục Thuế tp Hà Nội"      -> cuc-thue-tinh.ha-noi (a parent glued before its child)
Names are compared folded (no diacritics, đ -> d, any case), so OCR that lost its tones still matches.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .places import District, districts
from .text import collapse_spaces, fold, nfc, slugify

DATA = Path(__file__).parent / "data" / "co_quan.yaml"
LEVELS = ("Trung ương", "Cấp tỉnh", "Cấp huyện", "Cơ sở", "Khác")
_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")   # "N'Jang", "H'Mông": one word
_PLACE_WORDS = (("tinh",), ("thanh", "pho"))
_DISTRICT_NAME_WORDS = 3   # "Huyện ủy Kim Bảng": the place's name after the stem, at most this many words


@dataclass(frozen=True)
class Province:
    id: str
    ten: str                       # "Đắk Lắk"
    thanh_pho: bool = False        # centrally-run city
    den: dt.date | None = None     # last day, for provinces merged on 2025-07-01
    nhap_vao: str | None = None    # merged into
    ten_khac: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """ "tỉnh Đắk Lắk", "thành phố Hà Nội": how a body's name carries its place."""
        return f"{'thành phố' if self.thanh_pho else 'tỉnh'} {self.ten}"

    @property
    def title(self) -> str:
        return f"{'Thành phố' if self.thanh_pho else 'Tỉnh'} {self.ten}"


@dataclass(frozen=True)
class Body:
    id: str
    ten: str
    loai: str                       # kind id: dang, dan-cu, hanh-chinh, ...
    cap: str                        # level id: trung-uong, tinh, huyen, xa
    cha: str | None = None          # parent id
    bi_danh: tuple[str, ...] = ()
    ma: tuple[str, ...] = ()
    tu: dt.date | None = None
    den: dt.date | None = None
    ke_thua: str | None = None
    tinh: str | None = None         # province id of a provincial or district body
    mau: str | None = None          # template id the body was built from

    @property
    def level(self) -> str:
        return register().levels[self.cap]

    @property
    def kind(self) -> str:
        return register().kinds[self.loai]

    def valid_on(self, day: dt.date | None) -> bool:
        return day is None or ((self.tu is None or self.tu <= day) and (self.den is None or day <= self.den))


@dataclass(frozen=True)
class Template:
    id: str
    ten: str
    loai: str
    cap: str
    cha: str | None = None
    ten_thanh_pho: str | None = None
    bi_danh: tuple[str, ...] = ()
    ma: tuple[str, ...] = ()
    tu: dt.date | None = None
    den: dt.date | None = None
    district: bool = False


@dataclass
class Resolution:
    """What a written name means. body is None when the register does not know it."""
    text: str
    body: Body | None = None
    template: Template | None = None   # a known kind of body whose place is missing ("Tỉnh ủy")
    place: Province | None = None      # the name is only a place ("Thành phố Hồ Chí Minh")
    junk: str = ""                     # trailing words dropped ("cong hoa í"), never the start of a body's name


@dataclass
class _Match:
    end: int
    body: Body | None = None
    template: Template | None = None
    place: Province | None = None


def _tuple(value) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


@lru_cache(maxsize=8)
def _abbreviation_re(shorts: tuple[str, ...]) -> re.Pattern:
    """One pattern for every abbreviation, longest first: the register's words() runs on every
    name of every document, and a pattern per abbreviation per call was most of its cost."""
    alternatives = "|".join(re.escape(s) for s in sorted(shorts, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def words(text: str, abbreviations: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """(the words as written, their folded keys) after expanding abbreviations (UBND -> Ủy ban nhân dân)."""
    text = nfc(text or "")
    if abbreviations:
        text = _abbreviation_re(tuple(abbreviations)).sub(lambda m: abbreviations[m[0]], text)
    tokens = _WORD_RE.findall(text.replace("_", " "))
    return tokens, [_word_key(t) for t in tokens]


@lru_cache(maxsize=1 << 16)  # a few thousand distinct words make every name
def _word_key(token: str) -> str:
    return fold(token).lower()


class Register:
    def __init__(self, data: dict):
        self.levels: dict[str, str] = data["cap"]
        self.kinds: dict[str, str] = data["loai"]
        self.abbreviations: dict[str, str] = data["viet_tat"]
        self.openers = sorted((tuple(words(w)[1]) for w in data["tu_mo_dau"]), key=len, reverse=True)
        self.provinces: dict[str, Province] = {}
        for p in data["tinh"]:
            self.provinces[p["id"]] = Province(p["id"], p["ten"], bool(p.get("thanh_pho")), p.get("den"),
                                               p.get("nhap_vao"), _tuple(p.get("ten_khac")))
        self.bodies: dict[str, Body] = {}
        for b in data["co_quan"]:
            self.bodies[b["id"]] = Body(b["id"], b["ten"], b["loai"], b["cap"], b.get("cha"), _tuple(b.get("bi_danh")),
                                        _tuple(b.get("ma")), b.get("tu"), b.get("den"), b.get("ke_thua"))
        self.templates: dict[str, Template] = {}
        for t in data["mau_tinh"]:
            self.templates[t["id"]] = Template(t["id"], t["ten"], t["loai"], "tinh", t.get("cha"), t.get("ten_thanh_pho"),
                                               _tuple(t.get("bi_danh")), _tuple(t.get("ma")), t.get("tu"), t.get("den"))
        for s in data["so"]:
            names = [s["ten"], *s.get("ten_khac", [])]
            self.templates[s["id"]] = Template(s["id"], f"Sở {s['ten']} {{tinh}}", "hanh-chinh", "tinh", ".ubnd",
                                               bi_danh=tuple(f"Sở {n}" for n in names), ma=_tuple(s.get("ma")))
        for s in data.get("phong", ()):
            names = [s["ten"], *s.get("ten_khac", [])]
            self.templates[s["id"]] = Template(s["id"], f"Phòng {s['ten']} huyện {{ten}}", "hanh-chinh", "huyen", "ubnd",
                                               bi_danh=tuple(f"Phòng {n} huyện" for n in names), district=True)
        for t in data["mau_huyen"]:
            self.templates[t["id"]] = Template(t["id"], t["ten"], t["loai"], t["cap"], t.get("cha_tinh"),
                                               bi_danh=_tuple(t.get("bi_danh")), ma=_tuple(t.get("ma")), district=True)
        self._built: dict[str, Body] = {}
        self._index()

    # ---- indexes -------------------------------------------------------------------------------------
    def key(self, text: str) -> tuple[str, ...]:
        return tuple(words(text, self.abbreviations)[1])

    def _index(self) -> None:
        self.fixed: dict[tuple[str, ...], str] = {}
        self.stems: dict[tuple[str, ...], str] = {}
        self.places: dict[tuple[str, ...], str] = {}
        self.compact: dict[str, str] = {}
        for body in self.bodies.values():
            for name in (body.ten, *body.bi_danh):
                self.fixed.setdefault(self.key(name), body.id)
                self.compact.setdefault("".join(self.key(name)), body.id)
        for template in self.templates.values():
            for name in template.bi_danh:
                self.stems.setdefault(self.key(name), template.id)
        for province in self.provinces.values():
            for name in (province.ten, *province.ten_khac):
                self.places[self.key(name)] = province.id
        local = {c for t in self.templates.values() for c in t.ma}
        self._codes = frozenset({c for b in self.bodies.values() for c in b.ma} | local)
        self._national_codes = frozenset({c for b in self.bodies.values() if b.cap == "trung-uong" for c in b.ma} - local)
        self._longest = max(map(len, (*self.fixed, *self.stems, *self.places)))

    # ---- bodies --------------------------------------------------------------------------------------
    def get(self, body_id: str | None) -> Body | None:
        if not body_id:
            return None
        if body_id in self.bodies:
            return self.bodies[body_id]
        if body_id not in self._built:
            template_id, _, rest = body_id.partition(".")
            template = self.templates.get(template_id)
            if template is None or not rest:
                return None
            if template.district:
                known = _one_place(districts().by_slug(rest))
                if known:
                    return self._district(template, known.ten)
                # Not in data/huyen.yaml: the place's diacritics are lost, so callers name it as written.
                return Body(body_id, template.ten.format(ten=rest.replace("-", " ").title()), template.loai,
                            template.cap, ma=template.ma, mau=template.id)
            elif rest in self.provinces:
                body = self.instantiate(template, self.provinces[rest])
            else:
                return None
            self._built[body_id] = body
        return self._built[body_id]

    def instantiate(self, template: Template, province: Province) -> Body:
        pattern = template.ten_thanh_pho if province.thanh_pho and template.ten_thanh_pho else template.ten
        name = pattern.format(tinh=province.display, ten=province.ten)
        parent = template.cha
        if parent and parent.startswith("."):
            parent = f"{parent[1:]}.{province.id}"
        body = Body(f"{template.id}.{province.id}", name, template.loai, "tinh", parent, ma=template.ma,
                    tu=template.tu, den=template.den or province.den, tinh=province.id, mau=template.id)
        self._built.setdefault(body.id, body)
        return self._built[body.id]

    def _district(self, template: Template, place: str) -> Body:
        """A district or commune body: its id is the template and the place's name ("huyen-uy.kim-bang"),
        since district names repeat across provinces only rarely and the 2025 reform ended the districts.
        A place of data/huyen.yaml is spelt as there and gives the body its province ("Kim Bang" -> Kim Bảng,
        Hà Nam); a name two provinces share ("Châu Thành") gives none."""
        body_id = f"{template.id}.{slugify(place)}"
        known = _one_place(districts().named(place) or districts().same_letters(place))
        body = Body(body_id, template.ten.format(ten=known.ten if known else place), template.loai, template.cap,
                    ma=template.ma, mau=template.id, tinh=known.tinh if known and _one_province(known) else None)
        self._built.setdefault(body_id, body)
        return self._built[body_id]

    def is_district(self, body: Body | None) -> bool:
        return bool(body and body.mau and self.templates[body.mau].district)

    def parent(self, body: Body | None) -> Body | None:
        return self.get(body.cha) if body else None

    def ancestors(self, body: Body) -> list[Body]:
        chain, seen = [], {body.id}
        while (body := self.parent(body)) and body.id not in seen:
            chain.append(body)
            seen.add(body.id)
        return chain

    def province_of(self, body: Body | None) -> Province | None:
        return self.provinces.get(body.tinh) if body and body.tinh else None

    def successor(self, province: Province) -> Province:
        """The province an old one merged into on 2025-07-01 (itself when it kept its name)."""
        return self.provinces[province.nhap_vao] if province.nhap_vao else province

    def merged_into(self, province: Province) -> list[Province]:
        """The old provinces that merged into this one."""
        return [p for p in self.provinces.values() if p.nhap_vao == province.id]

    def codes(self) -> frozenset[str]:
        return self._codes

    def national_codes(self) -> frozenset[str]:
        """Codes of central bodies that no provincial body shares: their symbols are unique nationwide."""
        return self._national_codes

    def by_code(self, code: str) -> Body | Template | None:
        for body in self.bodies.values():
            if code in body.ma:
                return body
        return next((t for t in self.templates.values() if code in t.ma), None)

    # ---- reading names -------------------------------------------------------------------------------
    def _place_at(self, keys: list[str], i: int) -> tuple[int, Province] | None:
        for prefix in _PLACE_WORDS:
            if tuple(keys[i:i + len(prefix)]) == prefix:
                i += len(prefix)
                break
        for length in range(min(5, len(keys) - i), 0, -1):
            found = self.places.get(tuple(keys[i:i + length]))
            if found:
                return i + length, self.provinces[found]
        return None

    def _match_at(self, tokens: list[str], keys: list[str], i: int, province: Province | None) -> _Match | None:
        """The longest reading of the words from i: a fixed body, a template with or without its place, a place."""
        best: _Match | None = None

        def offer(match: _Match) -> None:
            nonlocal best
            if best is None or match.end > best.end or (match.end == best.end and best.body is None and match.body):
                best = match

        for length in range(min(self._longest, len(keys) - i), 0, -1):
            phrase = tuple(keys[i:i + length])
            if phrase in self.fixed:
                offer(_Match(i + length, self.get(self.fixed[phrase])))
            template = self.templates.get(self.stems.get(phrase, ""))
            if template is None:
                continue
            if template.district:
                name = self._district_name(tokens, i + length)
                if name:
                    offer(_Match(i + length + len(name), self._district(template, " ".join(name))))
                else:
                    offer(_Match(i + length, template=template))
                continue
            place = self._place_at(keys, i + length)
            if place:
                offer(_Match(place[0], self.instantiate(template, place[1])))
            else:
                offer(_Match(i + length, template=template))
        place = self._place_at(keys, i)
        if place:
            offer(_Match(place[0], place=place[1]))
        return best

    def _district_name(self, tokens: list[str], i: int) -> list[str]:
        name = []
        for token in tokens[i:i + _DISTRICT_NAME_WORDS]:
            if not (token[:1].isupper() or token.isdigit()):
                break
            name.append(token)
        return name

    def resolve(self, text: str | None, province: str | None = None) -> Resolution:
        """Read a name. province (id or name) completes a template written without its place ("Tỉnh ủy")."""
        result = Resolution(collapse_spaces(nfc(text or "")))
        tokens, keys = words(result.text, self.abbreviations)
        if not keys:
            return result
        context = self.find_province(province) if province else None
        match = self._match_at(tokens, keys, 0, context)
        if match is None:
            found = self.compact.get("".join(keys))  # OCR glued the words: "THỦ TƯỚNG CHÍNHPHỦ"
            if found:
                result.body = self.get(found)
            return result
        while match.end < len(keys):
            glued = self._child_after(match, tokens, keys, context)
            if glued is None:
                break
            match = glued
        if match.body is None and match.template and (context or match.place):
            match.body = self._complete(match.template, context or match.place)
        if self._opens_body(keys[match.end:]):
            return result  # "Bộ Y tế Viện ...": an unknown child of a known body, kept as written
        result.body, result.template, result.place = match.body, match.template, match.place
        if match.body:
            result.template, result.place = None, None
        result.junk = " ".join(tokens[match.end:])
        return result

    def _opens_body(self, rest: list[str]) -> bool:
        return len(rest) >= 2 and any(tuple(rest[:len(o)]) == o for o in self.openers)

    def _complete(self, template: Template, province: Province) -> Body | None:
        if template.district:
            return None  # a district body needs its own name, not the province's
        return self.instantiate(template, province)

    def _child_after(self, match: _Match, tokens, keys, context) -> _Match | None:
        """The next name when it is a child of this one ("Bộ Tài chính Tổng cục Thuế", "UBND tp X Sở Y tế")."""
        owner = match.body
        if owner is None and match.place:
            nxt = self._match_at(tokens, keys, match.end, match.place)
            if nxt and nxt.template and not nxt.body:
                nxt.body = self._complete(nxt.template, match.place)
            return nxt if nxt and nxt.body and nxt.body.tinh == match.place.id else None
        if owner is None:
            return None
        nxt = self._match_at(tokens, keys, match.end, self.province_of(owner) or context)
        if nxt is None:
            return None
        if nxt.body is None and nxt.template and (self.province_of(owner) or context):
            nxt.body = self._complete(nxt.template, self.province_of(owner) or context)
        if nxt.body and owner.id in {a.id for a in self.ancestors(nxt.body)}:
            return nxt
        return None

    @lru_cache(maxsize=1 << 14)  # asked for the issuer and each citation's context of every document
    def find_province(self, text: str | None) -> Province | None:
        """The province named in text (an id, or a name anywhere in it); longest names first."""
        if not text:
            return None
        if text in self.provinces:
            return self.provinces[text]
        _, keys = words(text, self.abbreviations)
        best = None
        for i in range(len(keys)):
            for length in range(min(5, len(keys) - i), 0, -1):
                found = self.places.get(tuple(keys[i:i + length]))
                if found and (best is None or length > best[0]):
                    best = (length, self.provinces[found])
                    break
        return best[1] if best else None

    @lru_cache(maxsize=1 << 14)  # the same unknown name recurs on every page of its body
    def suggest(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """Canonical names nearest to an unknown name, for "Có phải: …?" messages. A name that names its
        province is compared with that province's bodies and the central ones only: difflib over every
        body of every province took ~50 ms a name, most of a 1,000-document build."""
        key = " ".join(words(text, self.abbreviations)[1])
        province = self.find_province(text)
        names = self._names_near(province.id if province else None)
        return tuple(names[k] for k in difflib.get_close_matches(key, names, n=limit, cutoff=0.75))

    @lru_cache(maxsize=None)
    def _names_near(self, province_id: str | None) -> dict[str, str]:
        """Comparison key -> canonical name: the central bodies and those of one province (None: every province)."""
        provinces = [self.provinces[province_id]] if province_id else list(self.provinces.values())
        bodies = [b for b in self.bodies.values() if province_id is None or b.tinh in (None, province_id)]
        bodies += [self.instantiate(t, p) for t in self.templates.values() if not t.district for p in provinces]
        return {" ".join(self.key(b.ten)): b.ten for b in bodies}

    def nearest(self, text: str, cutoff: float = 0.9) -> Body | None:
        """The fixed body an OCR-damaged name most likely is ("ỦY BAN THƯỜNG VỤ QUOC HOL"), or None."""
        key = "".join(words(text, self.abbreviations)[1])
        close = difflib.get_close_matches(key, self.compact, n=1, cutoff=cutoff)
        return self.get(self.compact[close[0]]) if close else None


def _one_place(found: list[District]) -> District | None:
    """The district a name means, when every district of that name is spelt the same way."""
    return found[0] if found and len({d.ten for d in found}) == 1 else None


def _one_province(district: District) -> bool:
    return len({d.tinh for d in districts().named(district.ten)}) == 1


@lru_cache(maxsize=1)
def register() -> Register:
    with DATA.open(encoding="utf-8") as f:
        return Register(yaml.safe_load(f))


def resolve(text, province: str | None = None) -> Resolution:
    """register().resolve, cached: the site asks about the same few hundred names for every document.
    A value that is not text (a staff page's `co_quan_ban_hanh: [..]`, reported by the schema) names no body."""
    return _resolve(text if isinstance(text, str) else None, province)


@lru_cache(maxsize=1 << 16)
def _resolve(text: str | None, province: str | None) -> Resolution:
    return register().resolve(text, province)


def body(body_id: str | None) -> Body | None:
    return register().get(body_id)
