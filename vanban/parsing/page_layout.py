"""A scanned page's text in reading order, from the words Tesseract read and their boxes (its TSV).

The header band (NĐ 30/2020 Phụ lục I; HD 36 for Party documents) is two columns: the issuer
and "Số:" on the left, the motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", or "ĐẢNG CỘNG SẢN VIỆT
NAM") and "<place>, ngày … tháng … năm …" on the right. Tesseract finds lines and blocks on its
own: a two-line issuer beside a one-line motto, a line slightly off the baseline, or a stamp in
the gap, and it writes a right-column word before a left-column one, or a row of one column
between two rows of the other. The band is found by its motto; its words are split at the
motto's left edge and written row by row, each row the left column's words, then the right
column's ("Số: 384 /QĐ-TTg Hà Nội, ngày 14 tháng 9 năm 2024"), the shape the header parser reads.
The rest of the page keeps Tesseract's order: lines, and a blank line between paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold

BAND_HEIGHT = 0.45      # the header band lies in the top of the page
_MARGIN = 15            # pixels: a word may start slightly left of the motto's edge


@dataclass
class TsvWord:
    """One word Tesseract read (its TSV output): text, confidence (0-100), box in pixels, where it
    stands in Tesseract's blocks, and the mean width of its strokes in pixels (None: not measured)."""
    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    paragraph: tuple[int, int] = (0, 0)    # Tesseract's (block, paragraph)
    line: tuple[int, int, int] = (0, 0, 0)  # (block, paragraph, line)
    stroke: float | None = None

    @property
    def middle(self) -> float:
        return self.top + self.height / 2


def parse_tsv(tsv: str) -> list[TsvWord]:
    """The words of `tesseract … tsv` output, in Tesseract's reading order."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            block, par, line = int(cells[2]), int(cells[3]), int(cells[4])
            box = [int(v) for v in cells[6:10]]
            conf = float(cells[10])
        except ValueError:
            continue
        words.append(TsvWord(cells[11].strip(), conf, *box, (block, par), (block, par, line)))
    return words


def _folded(word: TsvWord) -> str:
    return fold(word.text).upper().strip(" .,:;")


def _motto(words: list[TsvWord], page_height: int) -> TsvWord | None:
    """The first word of the motto ("CỘNG" of CỘNG HÒA / ĐẢNG CỘNG SẢN) in the band."""
    for i, word in enumerate(words[:-1]):
        if word.top > page_height * BAND_HEIGHT:
            break
        following = _folded(words[i + 1])
        if _folded(word) == "CONG" and following.startswith(("HOA", "SAN")):
            previous = _folded(words[i - 1]) if i and words[i - 1].line == word.line else ""
            return words[i - 1] if previous == "DANG" else word
    return None


_SO_RE = re.compile(r"^S\S{0,2}[:.]")
_DATE_WORD_RE = re.compile(r"^TH\w{0,2}NG$")       # "tháng" of the date line


def _band_bottom(words: list[TsvWord], motto: TsvWord, edge: int, page_height: int) -> int | None:
    """The bottom of the lower of the "Số:" row (left) and the date row (right), or None."""
    bottoms = []
    for word in words:
        if word.top <= motto.top or word.top > page_height * BAND_HEIGHT:
            continue
        left = word.left < edge
        if (left and _SO_RE.match(word.text)) or (not left and _DATE_WORD_RE.match(_folded(word))):
            row = [w for w in words if w.line == word.line and (w.left < edge) == left]
            bottoms.append(max(w.top + w.height for w in row))
            if len(bottoms) == 2:
                break
    return max(bottoms) if bottoms else None


def _rows(words: list[TsvWord], edge: int) -> list[str]:
    """The band's rows. Each of Tesseract's lines is cut at the column edge; a left part and a right
    part at the same height make one row, the left part first, whatever blocks Tesseract put them in."""
    parts: dict[tuple, list[TsvWord]] = {}
    for word in words:
        parts.setdefault((word.line, word.left >= edge), []).append(word)
    rows: list[dict] = []   # {"top", "bottom", False: left text, True: right text}
    for (_, right), part in sorted(parts.items(), key=lambda item: min(w.top for w in item[1])):
        top, bottom = min(w.top for w in part), max(w.top + w.height for w in part)
        middle = (top + bottom) / 2
        text = " ".join(w.text for w in sorted(part, key=lambda w: w.left))
        row = next((r for r in rows if right not in r and r["top"] <= middle <= r["bottom"]), None)
        if row is None:
            rows.append({"top": top, "bottom": bottom, right: text})
        else:
            row[right] = text
    return [" ".join(row[side] for side in (False, True) if side in row) for row in rows]


def _lines(words: list[TsvWord]) -> list[str]:
    """Tesseract's lines, with a blank line where a paragraph ends."""
    out: list[str] = []
    current, paragraph = None, None
    for word in words:
        if word.line != current:
            if paragraph is not None and word.paragraph != paragraph:
                out.append("")
            out.append(word.text)
            current, paragraph = word.line, word.paragraph
        else:
            out[-1] += " " + word.text
    return out


def header_band(words: list[TsvWord], page_width: int, page_height: int) -> tuple[int, int, int] | None:
    """(top, bottom, column edge) of a two-column header band, or None."""
    motto = _motto(words, page_height)
    if motto is None or motto.left < page_width * 0.3:
        return None   # no motto, or one centred above a one-column header
    edge = motto.left - _MARGIN
    bottom = _band_bottom(words, motto, edge, page_height)
    top = min(w.top for w in words if w.line == motto.line)
    return (top, bottom, edge) if bottom else None


def page_text(words: list[TsvWord], page_width: int, page_height: int) -> str:
    """The page in reading order, the header band as two columns (see the module's docstring)."""
    band = header_band(words, page_width, page_height)
    if band is None:
        return "\n".join(_lines(words)) + "\n"
    top, bottom, edge = band
    before = [w for w in words if w.middle < top]
    after = [w for w in words if w.middle > bottom]
    parts = [_lines(before), _rows([w for w in words if top <= w.middle <= bottom], edge), [""], _lines(after)]
    return "\n".join(line for part in parts for line in part) + "\n"


_NGAY_RE = re.compile(r"^ng\w{1,2}y")         # the date line's "ngày" (a received stamp's "Ngày:" is capitalised)
_YEAR_RE = re.compile(r"^(?:19|20)\d\d")


def field_lines(words: list[TsvWord], page_width: int, page_height: int) -> dict[str, tuple[int, int, int, int, int]]:
    """Where the header's handwritten digits are: the number line ("Số: … /QĐ-TTg", left column)
    under "so" and the date line ("ngày … tháng … năm 2024", right column) under "ngay", each as
    (left, top, right, bottom, height of its typed words), from the words Tesseract read around
    the digits. A line Tesseract found no anchor for is left out; without a motto, both are."""
    band = [w for w in words if w.top < page_height * BAND_HEIGHT]
    motto = _motto(band, page_height)
    if motto is None:
        return {}
    edge = motto.left - _MARGIN if motto.left >= page_width * 0.3 else page_width // 2
    below = [w for w in band if w.top > motto.top + motto.height // 2]
    lines = {}
    ngay = next((w for w in below if w.left >= edge and _NGAY_RE.match(w.text)), None)
    if ngay:
        row = [w for w in below if w.line == ngay.line and w.left >= ngay.left]
        year = next((w for w in row if _YEAR_RE.match(w.text)), None)
        lines["ngay"] = _line_box(row[:row.index(year) + 1] if year else row)
    so = _so_word([w for w in below if w.left < edge], ngay)
    if so:
        lines["so"] = _line_box([w for w in below if w.line == so.line and so.left <= w.left < edge])
    return lines


def _so_word(left: list[TsvWord], ngay: TsvWord | None) -> TsvWord | None:
    """The "Số" of the number line among the left column's words: of the words reading "So…" (an
    issuer "SỞ Y TẾ" reads so too), the one nearest the date's row, where NĐ 30/2020 puts the number;
    when OCR misread "Số" glued to the digits ("S6:970QĐ"), the S-word on the date's row."""
    found = [w for w in left if _folded(w).startswith("SO")]
    if ngay is None:
        return found[-1] if found else None
    near = [w for w in left if w.text.startswith("S") and abs(w.middle - ngay.middle) < ngay.height]
    return min(found, key=lambda w: abs(w.middle - ngay.middle), default=None) or next(iter(near), None)


def _line_box(row: list[TsvWord]) -> tuple[int, int, int, int, int]:
    """The box of a line's words, less a stamp's or a seal's that Tesseract read into it (taller
    than twice the typed words), and the typed words' height."""
    typed = sorted(w.height for w in row if w.conf >= 80 and sum(c.isalpha() for c in w.text) >= 2)
    height = typed[len(typed) // 2] if typed else row[0].height
    row = [w for w in row if w.height <= 2 * height] or row[:1]
    return (min(w.left for w in row), min(w.top for w in row), max(w.left + w.width for w in row),
            max(w.top + w.height for w in row), height)
