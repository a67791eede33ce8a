import pytest

from vanban.parsing.readers import EncodingProblem, decode_bytes, read_bytes

TEXT = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Thường trực Tỉnh ủy yêu cầu. " * 8


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"), b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT.encode("utf-16"), TEXT.encode("utf-16-le"),
    "".join(ch if ord(ch) < 0x100 else ch for ch in TEXT.encode("utf-8").decode("latin-1")).encode("utf-8"),
])
def test_decodes_to_nfc(data):
    assert decode_bytes(data) == TEXT


@pytest.mark.parametrize("data,word", [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam “ỗ” ".encode("utf-8") * 30, "TCVN3"),  # mixed with real Unicode
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam Ωç ".encode("utf-8") * 30, "VNI"),  # a character VNI has no place for
    (b"(cid:35)(cid:55)" * 40, "cid"),
    ("Cong hoa xa hoi chu nghia Viet Nam doc lap tu do hanh phuc ".encode() * 20, "dấu"),
])
def test_refuses_legacy_and_garbled(data, word):
    with pytest.raises(EncodingProblem, match=word):
        decode_bytes(data)


def test_html_article_only():
    page = "<nav>Trang chủ</nav><article><p>Nội dung chính.</p><p>1. Mục một &amp; hai</p></article><footer>©</footer>"
    text = read_bytes(page.encode(), "x.html")
    assert text == "Nội dung chính.\n\n1. Mục một & hai\n"


# Hand-made TCVN3 (ABC): the bytes the .VnTime fonts store for this Unicode text.
TCVN3_SAMPLE = (b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam. \xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c. "
                b"Th\xad\xeang tr\xf9c T\xd8nh \xf1y y\xaau c\xc7u c\xb8c \xae\xe5ng ch\xdd th\xf9c hi\xd6n nghi\xaam. ")
TCVN3_UNICODE = ("Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. "
                 "Thường trực Tỉnh ủy yêu cầu các đồng chí thực hiện nghiêm. ")


@pytest.mark.parametrize("data", [
    TCVN3_SAMPLE * 8,                                            # raw TCVN3 bytes (not UTF-8)
    (TCVN3_SAMPLE * 8).decode("cp1252").encode("utf-8"),         # TCVN3 read as Windows-1252, saved as UTF-8
])
def test_converts_tcvn3(data):
    assert decode_bytes(data) == TCVN3_UNICODE * 8


def _docx(build) -> bytes:
    import io

    import docx
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _tabbed(document, *cells: str) -> None:
    paragraph = document.add_paragraph(cells[0])
    for cell in cells[1:]:
        paragraph.add_run().add_tab()
        paragraph.add_run(cell)


def _header_table(document) -> None:
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text = "TỈNH ỦY HÀ NAM\n*\nSố 154-CV/TU"   # python-docx writes "\n" as a manual break (w:br)
    row.cells[1].text = "ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nam, ngày 28 tháng 4 năm 2021"


@pytest.mark.parametrize("build,lines", [
    # Word headers put the two columns side by side with a tab: each column is its own line.
    (lambda d: _tabbed(d, "Số 154-CV/TU", "Hà Nam, ngày 28 tháng 4 năm 2021"),
     ["Số 154-CV/TU", "Hà Nam, ngày 28 tháng 4 năm 2021"]),
    (lambda d: _tabbed(d, "TỈNH ỦY HÀ NAM", "", "ĐẢNG CỘNG SẢN VIỆT NAM"), ["TỈNH ỦY HÀ NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"]),
    # After a list marker a tab is a space, so the item keeps its number.
    (lambda d: _tabbed(d, "1.", "Tiếp tục lãnh đạo, chỉ đạo."), ["1. Tiếp tục lãnh đạo, chỉ đạo."]),
    (lambda d: _tabbed(d, "", "a)", "Ban Tuyên giáo Tỉnh ủy."), ["a) Ban Tuyên giáo Tỉnh ủy."]),
    (_header_table, ["TỈNH ỦY HÀ NAM", "*", "Số 154-CV/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nam, ngày 28 tháng 4 năm 2021"]),
])
def test_docx_tabs_and_breaks_separate_words(build, lines):
    assert [line for line in read_bytes(_docx(build), "x.docx").splitlines() if line] == lines


def test_docx_typed_in_vntime_is_converted_not_published_as_mojibake():
    # .VnTime fonts store TCVN3 codes as characters: the .docx holds "Céng hoµ..." as text.
    mojibake = (TCVN3_SAMPLE * 8).decode("cp1252")
    text = read_bytes(_docx(lambda d: d.add_paragraph(mojibake)), "x.docx")
    assert text.strip() == (TCVN3_UNICODE * 8).strip()


@pytest.mark.parametrize("name,data", [
    ("x.docx", lambda: _docx(lambda d: d.add_paragraph("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. " * 30))),
    ("x.html", lambda: ("<article><p>" + "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. " * 30 + "</p></article>").encode()),
])
def test_docx_and_html_in_vni_are_converted(name, data):
    assert read_bytes(data(), name).split() == "Cộng hòa xã hội chủ nghĩa Việt Nam. ".split() * 30


def test_html_in_tcvn3_mojibake_is_converted():
    page = "<article><p>" + (TCVN3_SAMPLE * 8).decode("cp1252") + "</p></article>"
    assert read_bytes(page.encode("utf-8"), "x.html").strip() == (TCVN3_UNICODE * 8).strip()


@pytest.mark.parametrize("raw, expected", [
    # PDF fonts that give the look-alike ƣ/Ƣ (U+01A3/U+01A2) for ư/Ư, with the tone on the next letter or on it
    ("KT. BỘ TRƢỞNG\nNguyễn Trƣờng Sơn", "KT. BỘ TRƯỞNG\nNguyễn Trường Sơn"),
    ("Thủ tƣớng Chính phủ, tƣ\u0300 ngày", "Thủ tướng Chính phủ, từ ngày"),
    ("\u00d0ảng ủy x\u00e3", "Đảng ủy xã"),
])
def test_look_alike_letters_become_vietnamese(raw, expected):
    assert read_bytes(raw.encode("utf-8"), "x.txt") == expected
