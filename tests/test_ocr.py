"""What vanban/ocr.py measures on page images, on images drawn in the test (no OCR run)."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from vanban import ocr
from vanban.parsing.page_layout import TsvWord


def _word(text: str, left: int, top: int, width: int = 200, height: int = 50) -> TsvWord:
    return TsvWord(text, 95.0, left, top, width, height, (1, 1), (1, 1, 1))


@pytest.mark.parametrize("pen", [3, 5, 9])
def test_stroke_width_is_the_pens(pen):
    """Digits drawn with a pen of known width: the measure finds that width (a felt pen's is wider)."""
    picture = Image.new("L", (300, 120), 255)
    draw = ImageDraw.Draw(picture)
    for x in (40, 120, 200):                      # three strokes of a "111"
        draw.line([(x, 20), (x, 100)], fill=0, width=pen)
    draw.line([(30, 60), (260, 60)], fill=0, width=pen)
    measured = ocr._stroke_width(picture, _word("111", 0, 0, 300, 120))
    assert measured == pytest.approx(pen, rel=0.25)


def test_blank_box_has_no_stroke():
    assert ocr._stroke_width(Image.new("L", (50, 50), 255), _word("", 0, 0, 50, 50)) is None


@pytest.mark.parametrize("words, anchor", [
    # the recipients' heading, on the left, opens the signature region
    ([_word("Điều", 300, 2500), _word("Nơi", 300, 2700), _word("nhận:", 420, 2700), _word("KT.", 1500, 2690)], "nhận:"),
    # OCR lost the heading ("4 vã TM. ỦY BAN"): the signing marker in the right half below the header
    ([_word("4", 300, 2700), _word("vã", 330, 2700), _word("TM.", 1400, 2700), _word("ỦY", 1500, 2700)], "TM."),
    # a marker in the header or in the left half opens nothing
    ([_word("TM.", 1400, 300), _word("KT.", 300, 2700)], None),
])
def test_signature_anchor(words, anchor):
    found = ocr._signature_anchor(words, 2480, 3508)
    assert (found.text if found else None) == anchor


def test_signature_box_is_the_right_half_below_the_anchor():
    left, top, right, bottom = ocr._signature_box(_word("nhận:", 420, 2700), Image.new("L", (2480, 3508)))
    assert (left, right) == (1240, 2480) and top < 2700 < bottom <= 3508
