"""vanban.archive.catalog: front matter parsed once, validated, duplicates found."""
import pytest

from _archive_pages import page
from vanban.archive.catalog import build_catalog, split_front_matter
from vanban.symbols import symbol_key


def problems_of(text: str, src: str = "van-ban/2021/a.md"):
    return build_catalog([(src, text)]).problems[src]


@pytest.mark.parametrize("text, key, fragment", [
    ("---\ntitle: Công văn\nso_ky_hieu: 154-CV/TU\nloai_van_ban: [Công văn\n---\nx", "loai_van_ban", "YAML"),
    ("---\ntitle: \"không đóng ngoặc\nso_ky_hieu: 1-CV/TU\n---\nx", "title", "YAML"),
    (page(co_quan_ban_hanh=...), "co_quan_ban_hanh", "thiếu khóa bắt buộc"),
    (page(loai_van_ban="Công văm"), "loai_van_ban", "không thuộc danh mục"),
    (page(ngay_ban_hanh="2021-02-30"), "ngay_ban_hanh", "không phải ngày hợp lệ"),
    ("Không có phần khai báo đầu trang.", "front matter", "thiếu phần khai báo"),
])
def test_errors_name_the_key(text, key, fragment):
    errors = [p for p in problems_of(text) if p.severity == "error"]
    assert errors and errors[0].key == key and fragment in errors[0].message
    assert "van-ban/2021/a.md" in errors[0].format("van-ban/2021/a.md")


def test_impossible_date_is_not_a_yaml_crash():
    meta, _, problem = split_front_matter(page(ngay_ban_hanh="2021-02-30"))
    assert problem is None and meta["ngay_ban_hanh"] == "2021-02-30"


def test_review_flags_are_warnings_only():
    problems = problems_of(page(nguoi_ky=None, can_xac_minh=["nguoi_ky"]))
    assert [p.severity for p in problems] == ["warning"]


@pytest.mark.parametrize("second, duplicate", [
    (page(co_quan_ban_hanh="Tỉnh uỷ Hà Nam", so_ky_hieu="154 - CV/TU"), True),   # same body, other spelling
    (page(co_quan_ban_hanh="Tỉnh ủy Khánh Hòa"), False),                         # 154-CV/TU of another province
    (page(ngay_ban_hanh="2022-01-05"), False),                                   # same number, next year
])
def test_duplicates(second, duplicate):
    catalog = build_catalog([("van-ban/2021/a.md", page()), ("van-ban/2021/b.md", second)])
    found = [p for p in catalog.problems["van-ban/2021/b.md"] if "trùng" in p.message]
    assert bool(found) is duplicate
    if duplicate:
        assert found[0].key == "so_ky_hieu" and "van-ban/2021/a.md" in found[0].message


@pytest.mark.parametrize("src, is_record", [
    ("van-ban/2021/a.md", True), ("huong-dan/mau-van-ban.md", False), ("index.md", False),
])
def test_only_pages_under_van_ban_are_documents(src, is_record):
    assert bool(build_catalog([(src, page())]).records) is is_record


def test_record_fields_are_normalised():
    record = build_catalog([("van-ban/x.md", page(so_ky_hieu="Số 154 - CV/TU", loai_van_ban="công văn"))]).records[0]
    assert (record.so_ky_hieu, record.loai_van_ban, record.year, record.province) == \
        ("154-CV/TU", "Công văn", 2021, "Hà Nam")


def test_pages_given_unread_are_read_in_order_and_keep_only_their_citations():
    read = []

    def reader(src, text):
        return lambda: read.append(src) or text
    cites = page("Thực hiện Công văn số 761-CV/TU ngày 25/8/2021 của Ban Thường vụ Tỉnh ủy.", so_ky_hieu="239-CV/HU")
    pages = [("van-ban/2021/b.md", reader("b", cites)), ("index.md", reader("index", "# Trang chủ")),
             ("van-ban/2021/a.md", reader("a", page()))]
    catalog = build_catalog(iter(pages))
    assert read == ["index", "a", "b"]   # each page once, in order: hand-written pages by the same loader
    record = catalog.records[1]
    assert record.body == "" and [m.key for m in record.mentions.mentions] == [symbol_key("761-CV/TU")]


def test_a_refused_page_is_not_also_normalised():
    """An NFD page whose front matter is then refused: once a crash of hooks/archive.py (found by
    tests/test_site_fuzz.py), which gave MkDocs the NFC text of a page it had removed."""
    import unicodedata
    text = unicodedata.normalize("NFD", page(co_quan_ban_hanh="Tỉnh ủy \x07 Hà Nam"))
    catalog = build_catalog([("van-ban/2021/a.md", text)])
    assert catalog.unreadable == ["van-ban/2021/a.md"] and catalog.normalised == {}
