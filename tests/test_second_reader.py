"""The second recogniser on real pixels (vanban/second_reader.py through vanban/ocr.py's crops).

A header is drawn here with Pillow in DejaVu Sans (Debian fonts-dejavu-core), the own number and
the day in a larger size, as a pen writes them into the printed form; the words' boxes are given
as Tesseract would report them. No handwriting font exists to draw real handwriting: the
acceptance rules are tested on recorded readings in test_parsing_scan.py.
"""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from _pdfs import FONT
from vanban import ocr, second_reader
from vanban.parsing.page_layout import TsvWord
from vanban.parsing.scan import ScanLayout, second_date, second_number, typed_codes
from vanban.parsing.scan_signer import second_signer

pytestmark = pytest.mark.skipif(second_reader.missing() is not None, reason=str(second_reader.missing()))


def _header(number: str, day: str) -> tuple[Image.Image, list[TsvWord]]:
    """An A4 page at 300 dpi with a Government decision's header, and its words with their boxes."""
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    words: list[TsvWord] = []

    def write(text: str, x: int, y: int, line: int, size: int = 44) -> None:
        font = ImageFont.truetype(str(FONT), size)
        for word in text.split():
            left, top, right, bottom = draw.textbbox((x, y), word, font=font)
            draw.text((x, y), word, font=font, fill=0)
            words.append(TsvWord(word, 95.0, left, top, right - left, bottom - top, (1, line), (1, line, 1)))
            x = right + size // 3

    write("THỦ TƯỚNG CHÍNH PHỦ", 330, 220, 1)
    write("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1080, 220, 2)
    write("Độc lập - Tự do - Hạnh phúc", 1300, 290, 3)
    write("Số:", 450, 400, 4)
    write(number, 560, 392, 4, size=58)
    write("/QĐ-TTg", 700, 400, 4)
    write("Hà Nội, ngày", 1220, 400, 5)
    write(day, 1560, 392, 5, size=58)
    write("tháng 9 năm 2024", 1660, 400, 5)
    return page, words


def test_the_recogniser_reads_the_number_and_date_lines_on_every_crop():
    page, words = _header("981", "14")
    second = ocr._second_read(page, words).lines
    assert set(second) == {"so", "ngay"} and all(len(reads) == len(ocr.SECOND_MARGINS) for reads in second.values())
    layout = ScanLayout(second=second)
    assert second_number(layout, typed_codes("Số: 384 /QĐ-TTg"), None) == "981"
    assert second_date(layout, 2024, None, 9) == (14, 9)


def test_read_lines_gives_each_characters_score():
    page, words = _header("115", "29")
    [read] = second_reader.read_lines([page.crop((430, 370, 1000, 480))])
    assert "115" in read.text and len(read.scores) == len(read.text) and all(0 <= s <= 1 for s in read.scores)


def test_read_column_finds_the_signature_blocks_lines_top_to_bottom():
    """A signature column drawn in DejaVu Sans: the title, room for the seal and signature, the name."""
    column = Image.new("L", (1240, 1100), 255)
    draw = ImageDraw.Draw(column)
    for text, y in (("KT. BỘ TRƯỞNG", 100), ("THỨ TRƯỞNG", 170), ("Nguyễn Văn Thắng", 650)):
        font = ImageFont.truetype(str(FONT), 50)
        width = draw.textlength(text, font=font)
        draw.text(((1240 - width) / 2, y), text, font=font, fill=0)
    lines = second_reader.read_column(column)
    assert [line.box[1] for line in lines] == sorted(line.box[1] for line in lines)
    assert lines[0].text.startswith("KT. BO") and lines[-1].text == "Nguyen Van Thang", [line.text for line in lines]
    assert second_signer(lines, ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "* Ng#yên Văn Thắng"])[0] == "Nguyễn Văn Thắng"
