"""OCR repair inside symbols: only towards a known type or issuer code (real misreads from scans)."""
import pytest

from vanban.symbol_repair import looks_cut
from vanban.symbols import normalize_symbol, parse_symbol


@pytest.mark.parametrize("read, expected", [
    ("406/NQ-UBTVQHI5", "406/NQ-UBTVQH15"),        # I for 1 next to a digit
    ("17/2022/UBTVQHI5", "17/2022/UBTVQH15"),
    ("914/CĐ-TTP", "914/CĐ-TTg"),                  # P for g: TTg is a known issuer in that position
    ("914/CD-TTp", "914/CĐ-TTg"),
    ("41 /CT-TTs", "41/CT-TTg"),
    ("2862/ICT-HTQT", "2862/TCT-HTQT"),            # I for T: TCT (Tổng cục Thuế)
    ("31/2021/TT-BTO", "31/2021/TT-BTC"),          # O for C: BTC (Bộ Tài chính)
    ("245/TLD", "245/TLĐ"),                        # D for Đ: TLĐ (Tổng Liên đoàn Lao động)
    ("16/CT-TTG", "16/CT-TTg"),
    # never the number's own digits: a misread 1046 stays as read (the caller flags it)
    ("4046/TCT-TTKT", "4046/TCT-TTKT"),
    ("416/NQ-CP", "416/NQ-CP"),
    # unit codes are nobody's list: kept as read
    ("2000/TCT-OLRR", "2000/TCT-OLRR"),
    ("1999/OCPH-BHXH-TCT", "1999/OCPH-BHXH-TCT"),  # QCPH (a joint rule's code) is on no list either
    ("3556/TTKSBT-KHNV", "3556/TTKSBT-KHNV"),
    # a department code in a unit position is not turned into an issuer ("TTP" after UBND)
    ("12/UBND-TTP", "12/UBND-TTP"),
    ("4085/UBND-ĐT", "4085/UBND-ĐT"),
    ("303/TTr-BNW", "303/TTr-BNV"),                # W for V: BNV (Bộ Nội vụ)
    ("1668-QĐĐ/UBKTTW", "1668-QĐ/UBKTTW"),         # a letter read twice
    ("09/QĐĐ-HĐT-ĐHTĐ", "09/QĐ-HĐT-ĐHTĐ"),
    ("252/TTY-BNV", "252/TTr-BNV"),                # the convention letter misread: a type before an issuer
    ("252/TTy-BNV", "252/TTr-BNV"),
    # a Party type and issuer written the state way is a Party symbol
    ("57/NQ-TW", "57-NQ/TW"),
    ("12/CT-TU", "12-CT/TU"),
    ("12/NQ-HĐND", "12/NQ-HĐND"),
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP"),
])
def test_repair_only_towards_known_codes(read, expected):
    assert normalize_symbol(read) == expected


@pytest.mark.parametrize("symbol, cut", [
    ("16/CT-T", True), ("3/I", True), ("125/2020/NI", True), ("28/2021/QĐ", True), ("204/2015/TT", True),
    ("16/CT-TTg", False), ("38/2019/QH14", False), ("86/2019/QH14", False), ("79-CV/TW", False), ("11-NQ/TW", False),
    ("01/TB-TĐT", False), ("2974/LS-PL", False), ("6288/BYT-MT", False), ("30/2020/NĐ-CP", False), ("245/TLĐ", False),
])
def test_looks_cut(symbol, cut):
    assert looks_cut(parse_symbol(symbol)) is cut
