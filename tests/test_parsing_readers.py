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
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam ".encode("utf-8") * 30, "TCVN3"),
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
