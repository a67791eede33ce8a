"""vanban.search.text: the folded copy the index reads and the query folding spec."""
import datetime as dt
import json
import unicodedata

import pytest

from tests.conftest import FIXTURES
from vanban.search.text import (
    canonical_tones, date_words, distinct_words, escape, excerpt_source, fold_query, html_text,
    index_words, iso_date, phrase_words, search_key, split_query, symbol_words,
)

FOLD_CASES = json.loads((FIXTURES / "search_fold_cases.json").read_text(encoding="utf-8"))
KEY_CASES = json.loads((FIXTURES / "search_key_cases.json").read_text(encoding="utf-8"))


def case_input(case: dict) -> str:
    return unicodedata.normalize("NFD", case["input"]) if case.get("nfd") else case["input"]


@pytest.mark.parametrize("case", FOLD_CASES, ids=lambda c: c["input"] or "empty")
def test_fold_query_shared_table(case):
    # tests/browser/test_search.py runs the same table through search.js foldQuery.
    assert fold_query(case_input(case)) == case["folded"]


def test_nfd_table_entries_really_are_nfd():
    nfd = [c for c in FOLD_CASES if c.get("nfd")]
    assert nfd and all(case_input(c) != c["input"] for c in nfd)


@pytest.mark.parametrize("text, expected", [
    ("Tỉnh uỷ Khánh Hoà", "Tỉnh ủy Khánh Hòa"),
    ("Tỉnh ủy Khánh Hòa", "Tỉnh ủy Khánh Hòa"),
    ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
    (unicodedata.normalize("NFD", "Uỷ ban"), "Ủy ban"),
    ("sức khoẻ", "sức khỏe"),
    ("quý, quỳ", "quý, quỳ"),          # qu + y: the tone stays on y
    ("hoàn thành, thuyền", "hoàn thành, thuyền"),  # closed syllables do not move
    ("Kết luận, của, mùa, thuở", "Kết luận, của, mùa, thuở"),  # ua, uơ are not glides
])
def test_canonical_tones(text, expected):
    assert canonical_tones(text) == expected


@pytest.mark.parametrize("case", KEY_CASES, ids=lambda c: c["input"] or "empty")
def test_search_key_shared_table(case):
    # tests/browser/test_search.py runs the same table through search-engine.js searchKey.
    assert search_key(case["input"]) == case["key"]


@pytest.mark.parametrize("symbol, expected", [
    ("223/CĐ-TTg", ["223", "cd", "ttg", "223cdttg"]),
    ("Số 154 - CV/TU", ["154", "cv", "tu", "154cvtu"]),            # normalised first
    ("07-KL/TW", ["07", "kl", "tw", "7", "7kltw"]),                # "7-KL/TW" finds it too
    ("44/2021/ND-CP", ["44", "2021", "nd", "cp", "442021ndcp"]),   # plain D read as Đ, folded back
    ("không số", ["khong", "so"]),                                 # no number: its words, no joined key
])
def test_symbol_words(symbol, expected):
    assert symbol_words(symbol) == expected


def test_index_words_are_folded_split_and_once_each():
    assert index_words("Trương Công Thái, Thủ tướng Chính phủ; thái") == [
        "truong", "cong", "thai", "thu", "tuong", "chinh", "phu"]
    assert index_words(None) == [] and index_words(2021) == ["2021"]
    # inner punctuation: the parts, and the word joined as Pagefind indexes running text
    assert index_words("V/v phòng, chống Covid-19") == ["v", "vv", "phong", "chong", "covid", "19", "covid19"]


@pytest.mark.parametrize("value, expected", [
    (dt.date(2021, 4, 28), "2021-04-28"),
    (dt.datetime(2021, 8, 26, 16, 38), "2021-08-26"),
    ("2021-07-25", "2021-07-25"),
    ("2021-02-30", None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_date_words():
    assert date_words("2021-04-08") == ["842021", "8042021", "2021"]   # 8/4/2021 and 08/04/2021
    assert date_words(None) == []


@pytest.mark.parametrize("text, expected", [
    # each word once, first spelling kept, edge punctuation dropped, đ words also folded
    ("Đinh Văn Thiệu, Phó Chủ tịch UBND tỉnh; đồng chí Đinh Văn Thiệu",
     ["Đinh", "dinh", "Văn", "Thiệu", "Phó", "Chủ", "tịch", "UBND", "tỉnh", "đồng", "dong", "chí"]),
    (unicodedata.normalize("NFD", "Nghị định nghị ĐỊNH"), ["Nghị", "định", "dinh"]),
    ("Chỉ thị số 16/CT-TTg, (Covid-19) chỉ thị", ["Chỉ", "thị", "số", "16/CT-TTg", "Covid-19"]),
    ("— … 5K", ["5K"]),
])
def test_distinct_words(text, expected):
    assert distinct_words(text) == expected


@pytest.mark.parametrize("text, limit, expected", [
    ("Đồng chí Đinh Văn Thiệu", 100, "Đồng chí Đinh Văn Thiệu"),
    ("Đồng chí Đinh Văn Thiệu", 12, "Đồng chí …"),
    (unicodedata.normalize("NFD", "Nghị  định\n số"), 100, "Nghị định số"),
])
def test_excerpt_source_cuts_at_a_word(text, limit, expected):
    assert excerpt_source(text, limit) == expected


def test_html_text_reads_only_visible_text():
    fragment = "<h1>Kết luận</h1><p>Đồng chí <b>Đinh Văn Thiệu</b> &amp; UBND</p><script>var x='Đinh'</script>"
    assert html_text(fragment) == "Kết luận Đồng chí Đinh Văn Thiệu & UBND"


def test_html_text_skips_marked_blocks_however_nested():
    fragment = ('<div class="kho-meta"><dl><dt>Số</dt><dd>154-CV/TU<br></dd></dl><img src=x></div>'
                '<p>Thân<br>bài</p><div class="x kho-relations"><div><h2>Dẫn chiếu</h2></div></div><p>hết</p>')
    assert html_text(fragment, ("kho-meta", "kho-relations")) == "Thân bài hết"


def test_escape_neutralises_markup():
    assert escape('<img src=x onerror="alert(1)">') == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"


PHRASE_CASES = json.loads((FIXTURES / "search_phrase_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", PHRASE_CASES, ids=lambda c: c["input"] or "empty")
def test_split_query_shared_table(case):
    # tests/browser/test_search.py runs the same table through search.js splitQuery.
    assert split_query(case["input"]) == (case["text"], case["phrases"])


@pytest.mark.parametrize("text, words", [
    ("bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND", "bau cu dai bieu quoc hoi khoa xv va dai bieu hdnd"),
    ("Tỉnh uỷ Khánh Hoà; phòng, chống dịch", "tinh uy khanh hoa phong chong dich"),
    ("Số 154 - CV/TU", "so 154 cv tu"),
])
def test_phrase_words_folds_and_drops_punctuation(text, words):
    assert phrase_words(text) == words
