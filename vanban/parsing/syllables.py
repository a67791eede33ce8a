"""Whether a word is a Vietnamese syllable as the orthography writes it, read without its marks.

A second recogniser (vanban/second_reader.py) reads a scan's signer without Vietnamese marks
("Nguyen Hoa Binh"), and a seal or a signature over the name makes it read debris that looks
like letters ("haanr", "Grin Qong Luan"). A name is plausible only when every word is a syllable
the spelling rules allow: an onset, a vowel nucleus (with its glide), an ending consonant that
vowel may take, and the c/k, g/gh, ng/ngh choices before e, i, y. This is the grammar of the
script, not a list of names, so it holds for any signer; the minority names written otherwise
("Ksor", "H'Lan") do not pass and stay with the other rules.
"""
from __future__ import annotations

import re

from ..text import fold

_ONSET = r"ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx]"
# Nuclei, folded (ê, ơ, ư… lose their marks), that end the syllable or take an ending consonant.
_OPEN = ("a e i o u y ai ao au ay eo eu ia iu oa oe oi ua ue ui uu uy uo "
         "oai oay oeo uay uya uyu ieu yeu uoi uou").split()
_CLOSED = "a e i o u y ie ye ua uo oa oe ue uy uye oo".split()   # ua: "Xuân"; y: "Quỳnh"
_ENDINGS = "c ch m n ng nh p t".split()
_PALATAL = ("ch", "nh")                       # after a, ê, i, oa, uê, uy only: "sách", "Minh", "Huỳnh"
_PALATAL_AFTER = ("a", "e", "i", "y", "oa", "ue", "uy")
_VELAR = ("c", "ng")                          # never after i or y ("inh", "ich" instead); iê takes them: "việc"
_RHYMES = frozenset(_OPEN) | {n + e for n in _CLOSED for e in _ENDINGS
                              if (e not in _PALATAL or n in _PALATAL_AFTER)
                              and not (e in _VELAR and n in ("i", "y", "uy"))}
_SYLLABLE_RE = re.compile(rf"^(?P<onset>{_ONSET})?(?P<rhyme>[aeiouy]+[a-z]*)$")
_FRONT = ("e", "i", "y")


def is_syllable(word: str) -> bool:
    """word is one Vietnamese syllable (marks and case do not matter): "Nguyễn", "Binh", "Khuyến";
    not "haanr", "Grin", "Qong", "guyer", "kan" (k before a), "ghe"'s "ge"."""
    text = fold(word).lower()
    match = _SYLLABLE_RE.match(text)
    if not match:
        return False
    onset, rhyme = match["onset"] or "", match["rhyme"]
    if onset == "gi" and rhyme not in _RHYMES:
        onset, rhyme = "g", "i" + rhyme      # "gìn" is g + in
    if rhyme not in _RHYMES or (onset == "qu" and rhyme.startswith("u")):
        return False
    front = rhyme.startswith(_FRONT)
    if onset in ("c", "g", "ng") and front:
        return onset == "g" and rhyme.startswith("i")     # "gì", "gìn": g before i is gi's
    return not (onset in ("k", "gh", "ngh") and not front)


def is_name_word(word: str) -> bool:
    """A capitalised Vietnamese syllable: "Bình", "Hoa"; not "HOA", "hoa", "Qong"."""
    return word[:1].isupper() and word[1:].islower() and is_syllable(word)


def is_person_name(words: list[str]) -> bool:
    """2-5 words, each a capitalised Vietnamese syllable ("Nguyen Hoa Binh", "Lê Thị Thu Hà")."""
    return 2 <= len(words) <= 5 and all(is_name_word(w) for w in words)
