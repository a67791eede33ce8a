""".docx files read block by block: paragraphs, tables cell by cell, the header's columns.

Office files put the header in a two-column table (issuer and Số on the left, the national
motto, place and date on the right) and the signature in another (Nơi nhận | signer). The
reader keeps those cells apart (parsing/layout.py). Text inside content controls (w:sdt) is
read; a text box's text is read once (Word stores it twice, for new and old readers).
"""
from __future__ import annotations

import io
import zipfile

from .layout import Layout, Table, from_blocks
from .readers import EncodingProblem, checked_layout, untab

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What a .docx may unpack to: real documents hold a few MB of XML; a "zip bomb" holds gigabytes.
MAX_XML_BYTES = 40 * 1024 * 1024


def _check_size(data: bytes) -> None:
    """Refuse, before anything is decompressed, a .docx whose XML would unpack beyond MAX_XML_BYTES.
    (zipfile never inflates past the size an entry declares, so the declared sizes bound the work.)"""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(i.file_size for i in archive.infolist() if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise EncodingProblem(f"tệp .docx hỏng hoặc không phải Word ({exc})") from exc
    if size > MAX_XML_BYTES:
        raise EncodingProblem(f"tệp .docx giải nén ra {size // (1024 * 1024)} MB XML, quá giới hạn "
                              f"{MAX_XML_BYTES // (1024 * 1024)} MB: tệp hỏng hoặc là 'zip bomb'. "
                              "Cách sửa: mở bằng Word và lưu lại, hoặc gửi bản PDF")


def read_docx_layout(data: bytes) -> Layout:
    _check_size(data)
    try:
        import docx  # python-docx
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise EncodingProblem(f"tệp .docx hỏng hoặc không phải Word ({exc})") from exc
    blocks, tables = [], []
    for block in _blocks(document.element.body):
        tables.append(isinstance(block, _TableBlock))
        blocks.append(block.rows if isinstance(block, _TableBlock) else block + [""])
    layout = from_blocks(blocks, tables)
    # Text typed in .VnTime fonts is TCVN3 mojibake inside the .docx: convert or refuse it like a .txt.
    return checked_layout(layout)


class _TableBlock:
    def __init__(self, rows: Table):
        self.rows = rows


def _name(node) -> str:
    return node.tag[len(_W):] if isinstance(node.tag, str) and node.tag.startswith(_W) else ""


def _blocks(container):
    """Paragraphs (as lines) and tables of a body or cell, in order; content controls are opened."""
    for child in container.iterchildren():
        name = _name(child)
        if name == "p":
            yield from _paragraph_blocks(child)
        elif name == "tbl":
            yield _TableBlock([_row(tr) for tr in child.iterchildren(f"{_W}tr")])
        elif name in ("sdt", "customXml", "sdtContent", "ins", "smartTag"):
            inner = child.find(f"{_W}sdtContent") if name == "sdt" else child
            if inner is not None:
                yield from _blocks(inner)


def _row(tr) -> list[list[str]]:
    cells = []
    for tc in tr.iter(f"{_W}tc"):
        if tc.getparent() is not tr and _name(tc.getparent()) not in ("sdtContent", "customXml"):
            continue  # a nested table's cell belongs to that table
        lines = []
        for block in _blocks(tc):
            if isinstance(block, _TableBlock):
                lines += [line for row in block.rows for cell in row for line in cell]
            else:
                lines += block
        cells.append(lines)
    return cells


def _paragraph_blocks(paragraph):
    """One paragraph's lines, then the lines of any text box anchored in it."""
    parts, boxes = [], []
    stack = list(reversed(list(paragraph)))
    while stack:
        node = stack.pop()
        name = _name(node)
        if node.tag == _MC_FALLBACK or name in ("delText", "instrText", "pPr", "rPr"):
            continue
        if name == "txbxContent":
            boxes.append(node)
            continue
        if name == "t":
            parts.append(node.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        stack.extend(reversed(list(node)))
    yield [untab(line) for line in "".join(parts).split("\n")]
    for box in boxes:
        yield from _blocks(box)
