"""VNI-Windows, the pre-Unicode encoding of the VNI-Times fonts, to Unicode.

VNI writes a Vietnamese letter as its base letter plus one or two "mark" bytes
(ộ = o + ä, ắ = a + é), a few letters as one byte (đ = ñ, ơ = ô, ư = ö, ĩ = ó).
It reaches us as raw Windows-1252 bytes or as the UTF-8 mojibake of that
reading ("Coäng hoøa xaõ hoäi"). A conversion is kept only when every letter
maps; otherwise the caller refuses the file as before.

Table source: the VNI list of duydev/vietnamese-conversion (MIT licence,
src/charsets.ts). tests/test_parsing_vni.py cross-checks it against a second,
independent table, the VNI layout of lamdao/xvnkb (vni.h).
"""
from __future__ import annotations

# Lower-case Unicode letter -> its VNI spelling (as Windows-1252 characters).
# Upper case is derived: both sides upper-cased ("ắ" "aé" -> "Ắ" "AÉ").
_LOWER = (
    "à aø á aù ả aû ã aõ ạ aï â aâ ầ aà ấ aá ẩ aå ẫ aã ậ aä ă aê ằ aè ắ aé ẳ aú ẵ aü ặ aë "
    "è eø é eù ẻ eû ẽ eõ ẹ eï ê eâ ề eà ế eá ể eå ễ eã ệ eä "
    "ì ì í í ỉ æ ĩ ó ị ò "
    "ò oø ó où ỏ oû õ oõ ọ oï ô oâ ồ oà ố oá ổ oå ỗ oã ộ oä ơ ô ờ ôø ớ ôù ở ôû ỡ ôõ ợ ôï "
    "ù uø ú uù ủ uû ũ uõ ụ uï ư ö ừ öø ứ öù ử öû ữ öõ ự öï "
    "ỳ yø ý yù ỷ yû ỹ yõ ỵ î đ ñ"
)
_PAIRS = _LOWER.split()
VNI: dict[str, str] = {}
for _uni, _vni in zip(_PAIRS[::2], _PAIRS[1::2]):
    VNI[_vni] = _uni
    VNI[_vni.upper()] = _uni.upper()
_LONGEST = max(len(k) for k in VNI)

# Windows-1252 punctuation a VNI file may hold besides letters.
_PUNCTUATION = frozenset("“”‘’–—…•°«»§©®·\xa0")


class NotVni(ValueError):
    """A character that VNI does not define in that place."""


def decode_vni(text: str) -> str:
    """VNI text, as Windows-1252 characters ("Coäng hoøa"), -> Unicode ("Cộng hòa").

    The longest spelling wins, so "ôù" is ớ and a lone "ô" is ơ. Raises NotVni on a
    non-ASCII character that no spelling explains.
    """
    out, i, n = [], 0, len(text)
    while i < n:
        for size in range(min(_LONGEST, n - i), 0, -1):
            letter = VNI.get(text[i:i + size])
            if letter is not None:
                out.append(letter)
                i += size
                break
        else:
            ch = text[i]
            if ch >= "\x80" and ch not in _PUNCTUATION:
                raise NotVni(f"'{ch}'")
            out.append(ch)
            i += 1
    return "".join(out)


def decode_vni_bytes(data: bytes) -> str:
    """Raw VNI bytes (Windows-1252) -> Unicode; NotVni for a byte outside the table."""
    try:
        return decode_vni(data.decode("cp1252"))
    except UnicodeDecodeError as exc:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined
        raise NotVni(f"byte 0x{data[exc.start]:02X}") from None
