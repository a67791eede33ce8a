"""Vietnamese text helpers: NFC at the boundary, comparison keys, ASCII folding."""
from __future__ import annotations

import functools
import re
import unicodedata

# The five tone marks. Their placement inside a syllable varies between
# "old" and "new" styles (hòa / hoà, ủy / uỷ), so comparison keys move them.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# Characters with no Unicode decomposition that readers still type as ASCII.
_ASCII_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"})


def nfc(text: str) -> str:
    """Return text in NFC, with the look-alikes Vietnamese never means mapped to its letters: U+00D0
    (Icelandic eth) to Đ, and ƣ/Ƣ (U+01A3/U+01A2, which PDF fonts give for ư/Ư: "Trƣờng") to ư/Ư."""
    if _LOOKALIKE_RE.search(text):   # rare; str.translate with a table walks every character in Python
        text = text.translate(_LOOKALIKES)
    return unicodedata.normalize("NFC", text)


_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "ƣ": "ư", "Ƣ": "Ư"})
_LOOKALIKE_RE = re.compile("[\u00d0\u00f0ƣƢ]")


def collapse_spaces(text: str) -> str:
    """One space between words (str.split() splits on exactly the characters regex \\s matches)."""
    return " ".join(text.split())


def _word_key(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in TONE_MARKS)
    base = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tones


@functools.lru_cache(maxsize=1 << 15)  # pure, and the same names and numbers recur in every document
def name_key(text: str) -> str:
    """Key that equates Vietnamese names up to case, spacing and tone placement.

    "Tỉnh ủy Khánh Hòa" and "Tỉnh uỷ Khánh Hoà" give the same key; "Hoa" and
    "Hòa" do not.
    """
    text = nfc(text).casefold()
    return " ".join(_word_key(w) for w in _WORD_RE.findall(text))


def fold(text: str) -> str:
    """ASCII-fold Vietnamese: strip every diacritic and map đ to d ("Định" -> "Dinh")."""
    decomposed = unicodedata.normalize("NFD", nfc(text).translate(_ASCII_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def vietnamese_order(text: str) -> tuple[str, str]:
    """Sort key close to Vietnamese dictionary order: Đ sorts with D, tones after the base."""
    return (fold(text).casefold(), name_key(text))


# What a page's front matter may not hold (tab and line feed are text): C0 and C1 controls, DEL,
# surrogates and noncharacters. YAML refuses most of them, and its escapes ("\x80") let them in.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                        "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
                        "\U000efffe\U000effff\U0010fffe\U0010ffff]")


def without_controls(value):
    """A value (text, or lists and dicts of them) without CONTROL_RE characters: what the converter
    writes into a page's front matter from input text, which may hold any character."""
    if isinstance(value, str):
        return CONTROL_RE.sub("", value)
    if isinstance(value, list):
        return [without_controls(item) for item in value]
    if isinstance(value, dict):
        return {without_controls(key): without_controls(item) for key, item in value.items()}
    return value


def visible(text: str) -> str:
    """Text safe to print on a terminal: every character that is not printable (control
    characters and escape sequences, bidi overrides, invisible marks) as its escape, \\x1b."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug: lower case, hyphens, never empty, never a path separator."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or "van-ban"


def sentence_case(text: str) -> str:
    """Turn an all-caps heading into sentence case ("CHỈ THỊ" -> "Chỉ thị").

    Text that already has lower-case letters is returned unchanged, because it
    carries the author's own capitalisation.
    """
    text = collapse_spaces(text)
    if any(ch.islower() for ch in text):
        return text
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance between a and b, or limit + 1 once it is sure to exceed limit (names
    are compared with hundreds of others; most are far and stop after a row or two)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)
