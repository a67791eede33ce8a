"""The signer's name on a scan where the seal and the signature hide it from Tesseract.

On Government scans the seal overlaps the first letters of the name and the signature crosses it:
Tesseract reads "“hsNyUyên Hòa Bình", "X.N ¬ : ven Hòa Bình". The second recogniser (PP-OCR,
vanban/second_reader.py) finds the lines of the signature column and reads them without marks
("Nguyen Hoa Binh", "guyen Bon"). Neither alone is a witness; a name is taken only when
- the second recogniser's line under the title, centred under it as a signature block is, reads as
  a person's name: 2-5 capitalised words, each a Vietnamese syllable (parsing/syllables.py), the
  first a surname of the closed list, or its end when the seal hid one or two of its letters
  ("guyen" is only Nguyễn's end);
- and Tesseract's own reading of the column ends with the same given names up to marks ("Hòa
  Bình" for "Hoa Binh"): two recognisers trained on different data agree. The given names take
  Tesseract's marks, the surname the list's spelling.
Else the name printed in the document's own text (a Nơi nhận list, a committee list) that the
reading spells, up to marks, is taken. A name so read stays flagged with how it was read: the
marks of a given name are Tesseract's, which can be wrong ("Bồn" for Bốn).
"""
from __future__ import annotations

import re

from .lines import COMMONEST_SURNAME, SURNAMES, quick_fold
from .scan import ColumnLine
from .syllables import is_name_word, is_person_name, is_syllable

_WORD_RE = re.compile(r"[^\W\d_]+")
_MIN_TAIL = 4        # letters of a surname the seal left, at least ("guyen")
_MAX_HIDDEN = 2      # letters of a surname the seal may hide


def _key(word: str) -> str:
    return quick_fold(word).lower()


def _is_title(line: ColumnLine) -> bool:
    """A title line in capitals ("KT. THU TUONG", "HIEU TRUONG", "TM. UY BAN NHAN DAN")."""
    words = _WORD_RE.findall(line.text)
    return len("".join(words)) >= 5 and all(word.isupper() for word in words)


def _name_line(column: list[ColumnLine]) -> list[str] | None:
    """The words of the lowest line under the first title line that is centred under it, when it
    holds 2-5 words; None without a title or such a line."""
    title = next((line for line in column if _is_title(line)), None)
    if title is None:
        return None
    left, _, right, bottom = title.box
    below = [line for line in column if line.box[1] >= bottom and left <= (line.box[0] + line.box[2]) / 2 <= right]
    for line in reversed(below):
        words = line.text.strip(" *.,:;-_'\"").split()
        if any(word[:1].isupper() for word in words):
            return words if 2 <= len(words) <= 5 and all(w.isalpha() for w in words) else None
    return None


def _surname(read: str, tesseract: str | None) -> str | None:
    """The surname's spelling: the key either reader gives, else the one surname that ends with the
    letters the second reader saw when the seal hid one or two ("guyen")."""
    for word in (read, tesseract):
        if word and is_syllable(word) and _key(word) in SURNAMES:
            return COMMONEST_SURNAME[_key(word)]
    tail = _key(read)
    ends = {key for key in SURNAMES if len(tail) >= _MIN_TAIL and key.endswith(tail) and len(key) - len(tail) <= _MAX_HIDDEN}
    return COMMONEST_SURNAME[ends.pop()] if len(ends) == 1 else None


def _tesseract_tail(given: list[str], tesseract: list[str]) -> tuple[list[str], str | None] | None:
    """Tesseract's words for the given names, from the lowest column line that ends with them up to
    marks, and the word before them (the surname as Tesseract read it); None when no line does."""
    keys = [_key(word) for word in given]
    for line in reversed(tesseract):
        words = _WORD_RE.findall(line)
        if len(words) >= len(keys) and [_key(w) for w in words[-len(keys):]] == keys:
            return words[-len(keys):], (words[-len(keys) - 1] if len(words) > len(keys) else None)
    return None


def _printed(read: list[str], printed: list[str]) -> str | None:
    """The one name printed in the text that is the reading up to marks."""
    key = " ".join(_key(word) for word in read)
    found = {name for name in printed if " ".join(_key(w) for w in name.split()) == key}
    return found.pop() if len(found) == 1 else None


def second_signer(column: list[ColumnLine], tesseract: list[str], printed: list[str] = ()) -> tuple[str, str] | None:
    """(name, why it is flagged) from the second recogniser's reading of the signature column
    (`column`), confirmed by Tesseract's (`tesseract`, its lines) or by a name printed in the text;
    None when they do not confirm it."""
    read = _name_line(column)
    if read is None or not all(is_name_word(word) for word in read[1:]):
        return None
    shown = " ".join(read)
    if (name := _printed(read, printed)) is not None:
        return name, f"tên người ký đọc bằng bộ nhận dạng thứ hai (PP-OCR): '{shown}', khớp với tên in trong văn bản"
    tail = _tesseract_tail(read[1:], tesseract)
    surname = _surname(read[0], tail[1] if tail else None) if tail else None
    if surname is None:
        return None
    name = [surname, *(word.title() if word.isupper() else word for word in tail[0])]
    if not is_person_name(name):
        return None
    return " ".join(name), (f"tên người ký bị dấu hoặc chữ ký che: PP-OCR đọc '{shown}', Tesseract đọc '{' '.join(tail[0])}'; "
                  f"dấu của họ theo danh sách họ, dấu của tên theo Tesseract")
