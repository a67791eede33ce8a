"""A staff page as a file: name, size, encoding and emptiness, before its YAML is read."""
from __future__ import annotations

import unicodedata

import pytest

from _text import windows_1258
from vanban.archive.pagefile import MAX_PAGE_BYTES, name_problem, read_page
from vanban.schema import validate

PAGE = "---\ntitle: Công văn 154-CV/TU\nco_quan_ban_hanh: Tỉnh ủy Hà Nam\n---\n\nKính gửi: Các huyện ủy.\n"


@pytest.mark.parametrize("src_uri, bad", [
    ("van-ban/2021/cong-van-154-cv-tu.md", False),
    ("van-ban/khong-ro-nam/chi_thi_01.md", False),
    ("van-ban/2021/..\\..\\index.md", True),          # Windows separators climbing out
    ("van-ban/2021/../index.md", True),
    ("van-ban/2021/Công văn 154.md", True),           # spaces and diacritics end up %-encoded in the URL
    ("van-ban/2021/cong-van.markdown.md", True),
    ("van-ban/2021/.nhap.md", True),
])
def test_page_names_are_plain_ascii_segments(src_uri, bad):
    assert (name_problem(src_uri) is not None) == bad


@pytest.mark.parametrize("slug, bad", [
    ("cong-van-154-cv-tu", False), ("../../index", True), ("/etc/passwd", True), ("a\\..\\b", True),
    ("..", True), ("x\x00", True),
])
def test_a_slug_never_climbs_out_of_its_folder(slug, bad):
    """The schema's slug rule (vanban/schema.py SLUG_PATTERN) is the one path-safety check."""
    assert any(p.key == "slug" and p.severity == "error" for p in validate({"slug": slug})) == bad


@pytest.mark.parametrize("content, readable, message", [
    (PAGE.encode("utf-8"), True, None),
    (b"\xef\xbb\xbf" + PAGE.encode("utf-8"), True, None),                      # Notepad's BOM
    (unicodedata.normalize("NFD", PAGE).encode("utf-8"), True, None),          # accepted, made NFC
    (windows_1258(PAGE), False, "mã cũ Windows-1258 (byte 0xF4 ở dòng 2)"),
    (b"", False, "tệp rỗng"),
    (b"\n \r\n\t", False, "tệp rỗng"),
    (b"x" * (MAX_PAGE_BYTES + 1), False, "trang quá lớn"),
    ("---\ntitle: \udcff\n---\n", True, None),   # a lone surrogate (from a broken decoder) is counted, not fatal
])
def test_read_page(content, readable, message):
    text, problems = read_page("van-ban/2021/trang.md", content)
    assert (text is not None) == readable
    assert [p.message for p in problems if message and message in p.message] or not message, problems
    if text is not None:
        assert unicodedata.is_normalized("NFC", text) and not text.startswith("\ufeff")
        assert problems == []


def test_an_unreadable_windows_1258_line_is_shown_as_staff_typed_it():
    _, [problem] = read_page("van-ban/2021/trang.md", windows_1258(PAGE))
    assert problem.key == "tệp" and problem.value == "title: Công văn 154-CV/TU"
