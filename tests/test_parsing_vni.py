"""VNI-Windows -> Unicode (vanban/parsing/vni.py), cross-checked against a second table."""
from __future__ import annotations

import unicodedata

import pytest

from conftest import SEEDS
from vanban.convert import convert_bytes
from vanban.parsing.readers import EncodingProblem, decode_bytes
from vanban.parsing.vni import VNI, NotVni, decode_vni

# The second, independent source: the VNI layout of lamdao/xvnkb (vni.h). Each row is one
# vowel in the order none, sắc, huyền, hỏi, ngã, nặng; the last row is đ.
XVNKB_ROWS = (
    ("a", "A AÙ AØ AÛ AÕ AÏ"), ("â", "AÂ AÁ AÀ AÅ AÃ AÄ"), ("ă", "AÊ AÉ AÈ AÚ AÜ AË"),
    ("e", "E EÙ EØ EÛ EÕ EÏ"), ("ê", "EÂ EÁ EÀ EÅ EÃ EÄ"),
    ("o", "O OÙ OØ OÛ OÕ OÏ"), ("ô", "OÂ OÁ OÀ OÅ OÃ OÄ"), ("ơ", "Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ"),
    ("u", "U UÙ UØ UÛ UÕ UÏ"), ("ư", "Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ"),
    ("i", "I Í Ì Æ Ó Ò"), ("y", "Y YÙ YØ YÛ YÕ Î"), ("đ", "Ñ"),
)
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _second_table() -> dict[str, str]:
    """Unicode letter -> VNI spelling, composed from the xvnkb layout, both cases."""
    table = {}
    for vowel, spellings in XVNKB_ROWS:
        for tone, vni in zip(TONES, spellings.split()):
            letter = unicodedata.normalize("NFC", vowel + tone)
            table[letter.upper()] = vni
            table[letter] = vni.lower()
    return {letter: vni for letter, vni in table.items() if not letter.isascii()}


def test_table_agrees_with_second_source():
    second = _second_table()
    assert len(second) == len(VNI) == 134
    assert {vni: letter for letter, vni in second.items()} == VNI


def _to_vni(text: str) -> str:
    """Encode with the second source only, so the round trip checks our table against it."""
    second = _second_table()
    return "".join(second.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


SEED = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("snippet", [
    "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "V/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
    "Thường trực Tỉnh ủy yêu cầu; “khẩn trương” – được, ưu tiên, người, ỵ, Ỹ",
])
def test_decodes_real_phrases(snippet):
    assert decode_vni(_to_vni(snippet)) == snippet


@pytest.mark.parametrize("encode", [
    lambda text: _to_vni(text).encode("cp1252"),     # a VNI-Times file: Windows-1252 bytes
    lambda text: _to_vni(text).encode("utf-8"),      # its mojibake saved again as UTF-8 ("Coäng hoøa")
])
def test_converts_a_whole_seed(encode):
    assert decode_bytes(encode(SEED)) == unicodedata.normalize("NFC", SEED)


def test_seed_in_vni_converts_to_the_same_page():
    data = _to_vni(SEED).encode("cp1252")
    assert convert_bytes(data, "x.txt").metadata == convert_bytes(SEED.encode(), "x.txt").metadata


@pytest.mark.parametrize("text", ["Coäng hoøa ç", "Ω", "ùa"])  # no VNI spelling explains ç, Ω, a lone ù
def test_unknown_character_is_not_guessed(text):
    with pytest.raises(NotVni):
        decode_vni(text)


def test_unclean_vni_is_refused_as_before():
    text = (_to_vni("Cộng hòa xã hội chủ nghĩa Việt Nam, ") + "Ωç ") * 30
    with pytest.raises(EncodingProblem, match="VNI.*không chuyển mã"):
        decode_bytes(text.encode("utf-8"))
