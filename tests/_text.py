"""Test helpers for text in the encodings staff and portals really produce."""
from __future__ import annotations

import unicodedata

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: â, ơ, ư... precomposed, the five tone marks as combining characters."""
    def split_tone(ch: str) -> str:
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONE_MARKS))
        return base + "".join(c for c in nfd if c in TONE_MARKS)
    return "".join(split_tone(ch) for ch in text).encode("cp1258")
