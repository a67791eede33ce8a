"""TCVN3 (ABC), the pre-Unicode Vietnamese encoding of the .VnTime fonts, to Unicode.

TCVN3 is single-byte: each letter with its marks has one byte. It reaches us
either as raw bytes (not UTF-8) or as UTF-8 mojibake, the bytes having been
read as Windows-1252 and saved again ("Céng hoµ x· héi"). Capitals typed with
the .VnTimeH font share the lower-case codes, so they come out in lower case.
A conversion is kept only when every byte maps; otherwise the caller refuses the file.
"""
from __future__ import annotations

_LETTERS = (
    "à\xb5 ả\xb6 ã\xb7 á\xb8 ạ\xb9 ă\xa8 ằ\xbb ẳ\xbc ẵ\xbd ắ\xbe ặ\xc6 â\xa9 ầ\xc7 ẩ\xc8 ẫ\xc9 ấ\xca ậ\xcb "
    "đ\xae è\xcc ẻ\xce ẽ\xcf é\xd0 ẹ\xd1 ê\xaa ề\xd2 ể\xd3 ễ\xd4 ế\xd5 ệ\xd6 ì\xd7 ỉ\xd8 ĩ\xdc í\xdd ị\xde "
    "ò\xdf ỏ\xe1 õ\xe2 ó\xe3 ọ\xe4 ô\xab ồ\xe5 ổ\xe6 ỗ\xe7 ố\xe8 ộ\xe9 ơ\xac ờ\xea ở\xeb ỡ\xec ớ\xed ợ\xee "
    "ù\xef ủ\xf1 ũ\xf2 ú\xf3 ụ\xf4 ư\xad ừ\xf5 ử\xf6 ữ\xf7 ứ\xf8 ự\xf9 ỳ\xfa ỷ\xfb ỹ\xfc ý\xfd ỵ\xfe "
    "Ă\xa1 Â\xa2 Ê\xa3 Ô\xa4 Ơ\xa5 Ư\xa6 Đ\xa7"
)
TCVN3 = {ord(pair[1]): pair[0] for pair in _LETTERS.split()}
TCVN3[0xA0] = " "


class NotTcvn3(ValueError):
    """A byte or character that TCVN3 does not define."""


def decode_tcvn3(data: bytes) -> str:
    """Raw TCVN3 bytes -> Unicode text; NotTcvn3 for a byte outside the table."""
    out = []
    for byte in data:
        if byte < 0x80:
            out.append(chr(byte))
        elif byte in TCVN3:
            out.append(TCVN3[byte])
        else:
            raise NotTcvn3(f"byte 0x{byte:02X}")
    return "".join(out)


def repair_tcvn3(text: str) -> str:
    """UTF-8 mojibake of TCVN3 ("Céng hoµ") -> Unicode ("Cộng hoà")."""
    data = bytearray()
    for ch in text:
        try:  # the Windows-1252 reading gave these characters; get the original bytes back
            data += ch.encode("cp1252") if ord(ch) >= 0x80 else ch.encode("ascii")
        except UnicodeEncodeError:
            raise NotTcvn3(f"'{ch}'") from None
    return decode_tcvn3(bytes(data))
