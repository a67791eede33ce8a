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
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam ".encode("latin-1") * 30, "VNI"),
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
