"""What a reader knows of a document's layout, handed to extraction with its text.

Every reader gives the text in reading order. A reader that sees the layout adds what
the lines alone lose: the two columns of the header (NĐ 30/2020/NĐ-CP Phụ lục I,
HD 36-HD/VPTW) and witnesses found outside the document's own lines, such as the
number and date an e-signing system stamped on a PDF or the fields of a CMS file's
front matter. A witness is never trusted as the document's own line: fields taken
from one are flagged for review (can_xac_minh).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .masthead import split_motto


@dataclass(frozen=True)
class Witness:
    value: str
    note: str                       # where it was read, for the review note ("dấu ký số của tệp PDF")


@dataclass
class Layout:
    text: str                                           # every line, in reading order
    left: list[str] = field(default_factory=list)       # header, left: cơ quan chủ quản, cơ quan ban hành, Số, V/v
    right: list[str] = field(default_factory=list)      # header, right: quốc hiệu, địa danh and ngày
    witnesses: dict[str, Witness] = field(default_factory=dict)   # schema key -> value read outside the lines
    fields: dict[str, str] = field(default_factory=dict)  # metadata the publisher gave (a CMS file's front matter)
    ocr: bool | None = None                             # True: read by OCR from page images
    scan: object = None                                 # page_layout.ScanLayout of a scan OCR'd here: words, confidences

    @property
    def has_columns(self) -> bool:
        return bool(self.left and self.right)


def as_layout(text_or_layout: str | Layout) -> Layout:
    return text_or_layout if isinstance(text_or_layout, Layout) else Layout(text_or_layout)


# Rules and ornaments under the names: "-------", "_____", "*", "o0o".
_ORNAMENT_RE = re.compile(r"^[\s\-_=*.~–—o0O]*$")


def is_ornament(line: str) -> bool:
    return bool(_ORNAMENT_RE.match(line)) and not line.strip().isdigit()


# A block of a document as a reader finds it: a paragraph's lines, or a table's rows of cells of lines.
Table = list[list[list[str]]]
_HEADER_BLOCKS = 12   # the header table is among the first blocks (after a logo, a "Mẫu số" line)


def from_blocks(blocks: list[list[str] | Table], tables: list[bool]) -> Layout:
    """The layout of a document read block by block (.docx, Word HTML). tables[i] says whether
    blocks[i] is a table. A table is read row by row, cell by cell, a blank line between cells,
    so a signature table gives its Nơi nhận cell and its signer cell apart. The first table
    whose row holds the national motto gives the header's columns."""
    lines: list[str] = []
    columns = None
    for i, (block, is_table) in enumerate(zip(blocks, tables)):
        if not is_table:
            lines += block
            continue
        if columns is None and i < _HEADER_BLOCKS:
            columns = header_columns(block)
        for row in block:
            for cell in row:
                if any(line.strip() for line in cell):
                    lines += [*cell, ""]
        lines.append("")
    left, right = columns or ([], [])
    return Layout("\n".join(lines), left, right)


def header_columns(rows: Table) -> tuple[list[str], list[str]] | None:
    """The header's columns from a table's rows: the side that holds the national motto (or
    "ĐẢNG CỘNG SẢN VIỆT NAM") is the right one; rows before the motto's are not the header's."""
    left, right, swapped = [], [], None
    for row in rows:
        if len(row) != 2:
            continue
        first, second = row
        if swapped is None:
            if not (_holds_motto(second) or _holds_motto(first)):
                continue
            swapped = not _holds_motto(second)
        if swapped:
            first, second = second, first
        left += [line.strip() for line in first if line.strip()]
        right += [line.strip() for line in second if line.strip()]
    return (left, right) if left and right else None


def _holds_motto(lines: list[str]) -> bool:
    tail = None
    for line in lines:
        _, motto, tail = split_motto(line, tail)
        if motto:
            return True
    return False


# ---- text laid out with spaces (a PDF's text layer in layout mode, pdftotext -layout) ---------
_GAP_RE = re.compile(r"\S+(?: {1,2}\S+)*")       # a run of words; 3 spaces or more part two runs
_HEADER_LINES = 16                                 # the header fits in the first lines of page one
_SIDE_SLACK = 10                                   # a right-column line may start this far left of the motto


def _segments(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _GAP_RE.finditer(line)]


def _split(lines: list[str], boundary: int) -> tuple[list[str], list[str]]:
    """Each line's runs of words to the left or right column: a run that starts at the boundary
    or after another run on its line is the right column's; runs of one side on one line join."""
    left, right = [], []
    for line in lines:
        sides: dict[bool, list[str]] = {False: [], True: []}
        for k, (x, words) in enumerate(_segments(line)):
            sides[x >= boundary or (k > 0 and bool(sides[False]) and x >= boundary - _SIDE_SLACK)].append(words)
        if sides[False]:
            left.append(" ".join(sides[False]))
        if sides[True]:
            right.append(" ".join(sides[True]))
    return left, right


def _motto_at(lines: list[str]) -> tuple[int, int] | None:
    """(line index, column) of the motto's first run, when it stands right of another run or far from the margin."""
    for i, line in enumerate(lines[:_HEADER_LINES]):
        for x, words in _segments(line):
            _, motto, _ = split_motto(words, None)
            if motto and x >= 20 and not words.startswith(("Độc", "ĐỘC")):
                return i, x
    return None


_DATE_LINE_RE = re.compile(r"ngày\s+(?:\d|[._…]|\s{2})", re.IGNORECASE)
_NUMBER_LINE_RE = re.compile(r"\b(?:Số|SỐ)\b")


def _header_end(lines: list[str], start: int, boundary: int) -> int:
    """Where the header's two columns end: at a blank line after the place-and-date line (or the Số
    line); at a line that runs across the gutter (the body, a subject set full width); and, once
    the date is read, at any line but the left column's V/v going on at the margin (the heading,
    "Kính gửi", the body: a PDF's layout text has no blank line where the paragraphs follow closely)."""
    seen = dated = False
    for i in range(start, min(len(lines), start + _HEADER_LINES)):
        runs = _segments(lines[i])
        if not runs:
            if seen:
                return i
            continue
        if any(x < boundary - _SIDE_SLACK and x + len(words) > boundary + _SIDE_SLACK for x, words in runs):
            return i
        if dated and not _left_column_goes_on(runs, boundary):
            return i
        dated = dated or any(_DATE_LINE_RE.search(w) for x, w in runs if x >= boundary - _SIDE_SLACK)
        seen = seen or dated or bool(_NUMBER_LINE_RE.search(lines[i]))
    return min(len(lines), start + _HEADER_LINES)


def _left_column_goes_on(runs: list[tuple[int, str]], boundary: int) -> bool:
    """Below the date line only the left column's subject (V/v) may go on: one run inside that
    column, neither the addressee nor a heading in capitals."""
    if len(runs) != 1:
        return False
    x, words = runs[0]
    return x + len(words) < boundary - _SIDE_SLACK and not words.upper() == words and \
        not re.match(r"Kính\s+gửi", words, re.IGNORECASE)


_NOI_NHAN_RE = re.compile(r"^\s*N[ơo]i\s+nh[ậa]n\s*:?", re.IGNORECASE)


def from_spaced_text(text: str) -> Layout:
    """A text whose columns were kept with spaces: the header's and the signature's columns are
    read one after the other instead of line by line across, and the header's are kept."""
    lines = text.split("\n")
    found = _motto_at(lines)
    if found is None:
        return Layout(text)
    top, boundary = 0, found[1] - _SIDE_SLACK
    end = _header_end(lines, top, found[1])
    left, right = _split(lines[top:end], boundary)
    out = left + [""] + right + [""] + _signature_columns(lines[end:])
    return Layout("\n".join(out), left, right)


def _signature_columns(lines: list[str]) -> list[str]:
    """The Nơi nhận list and the signer's column beside it, one after the other."""
    at = next((i for i in range(len(lines) - 1, max(-1, len(lines) - 80), -1) if _NOI_NHAN_RE.match(lines[i])), None)
    if at is None:
        return lines
    segments = _segments(lines[at])
    right_x = next((x for x, _ in segments[1:] if x >= 30), None)
    if right_x is None:
        right_x = next((x for line in lines[at + 1:at + 6] for x, _ in _segments(line)[1:] if x >= 30), None)
    if right_x is None:
        return lines
    left, right = _split(lines[at:], right_x - _SIDE_SLACK)
    return lines[:at] + left + [""] + right
