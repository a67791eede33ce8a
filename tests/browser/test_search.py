"""Search in headless Chromium over the built sample archive, at / and under a sub-path (issues 4 and 18)."""
from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import quote

import pytest

from tests.conftest import FIXTURES, serve
from vanban.search.pairs import shard_of

pytestmark = pytest.mark.browser

# Result URLs of the seeds, as the converter names them (docs/van-ban/<year>/<slug>.md).
SEED_001 = "/van-ban/2021/dien-thuong-truc-ban-bi-thu-2021-07-21/"     # Điện, cites "Chỉ thị số 16"
SEED_003 = "/van-ban/2021/cong-van-154-cv-tu/"                         # 154-CV/TU, Đinh Thị Lụa
SEED_004 = "/van-ban/2021/ket-luan-thuong-truc-tinh-uy-khanh-hoa-2021-07-25/"  # names Đinh Văn Thiệu
FOLD_CASES = json.loads((FIXTURES / "search_fold_cases.json").read_text(encoding="utf-8"))
KEY_CASES = json.loads((FIXTURES / "search_key_cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["", "kho-van-ban"], ids=["root", "sub-path"])
def base_url(request, built_site):
    with serve(built_site, request.param) as url:
        yield url


def site_paths(page, base_url: str, selector: str) -> list[str]:
    """Paths of the links matching selector, relative to the site root, in order."""
    prefix = re.sub(r"^https?://[^/]+", "", base_url).rstrip("/")
    hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.pathname)")
    assert all(h.startswith(prefix + "/") for h in hrefs), hrefs
    return [h[len(prefix):] for h in hrefs]


def page_results(page, base_url: str, query: str, extra: str = "&sap_xep=lien-quan") -> list[str]:
    """Result paths on the search page, by relevance unless told otherwise."""
    page.goto(f"{base_url}tim-kiem/?q={quote(query)}{extra}")
    page.wait_for_selector("#kho-tim-kiem[data-state=done]")
    return site_paths(page, base_url, ".kho-page__list .kho-result__link")


def header_results(page, base_url: str, query: str) -> list[str]:
    """Instant results of the header box on the home page."""
    page.goto(base_url)
    page.fill("[data-kho-search-input]", query)
    page.wait_for_selector("[data-kho-search-result][data-state=done]")
    return site_paths(page, base_url, "[data-kho-search-result] .kho-result__link")


def engine_call(page, expression: str, argument):
    """Evaluate `expression` (a function of the engine module `lib`, the view module `view`
    and the argument `a`) on the loaded page."""
    return page.evaluate(f"async a => {{ const m = await window.khoSearch.load(); const lib = m.lib, view = m.page;"
                         f" return ({expression}); }}", argument)


def test_fold_query_matches_the_python_table(page, base_url):
    page.goto(base_url)
    for case in FOLD_CASES:
        text = unicodedata.normalize("NFD", case["input"]) if case.get("nfd") else case["input"]
        assert engine_call(page, "lib.foldQuery(a)", text) == case["folded"], case


def test_search_key_matches_the_python_table(page, base_url):
    page.goto(base_url)
    for case in KEY_CASES:
        assert engine_call(page, "lib.searchKey(a)", case["input"]) == case["key"], case


def test_chi_thi_16_without_diacritics_finds_seeds_001_and_004(page, base_url):
    results = page_results(page, base_url, "chi thi 16")
    assert SEED_001 in results and SEED_004 in results


@pytest.mark.parametrize("query", ["154-CV/TU", "154 cv tu", "154 CV/TU", "154/CV-TU"])
def test_symbol_spellings_find_154_cv_tu_first(page, base_url, query):
    assert page_results(page, base_url, query)[0] == SEED_003
    assert header_results(page, base_url, query)[0] == SEED_003


@pytest.mark.parametrize("query", ["dinh thi lua", "Đinh Thị Lụa", "DINH THI LUA"])
def test_signer_without_diacritics_ranks_her_document_first(page, base_url, query):
    results = page_results(page, base_url, query)
    assert results[0] == SEED_003, results


@pytest.mark.parametrize("query", ["dinh van thieu", "Đinh Văn Thiệu"])
def test_name_in_the_body_without_diacritics(page, base_url, query):
    # Folded, "thieu" also matches "thiếu" (lacking) in other directives, so rank is not asserted.
    assert SEED_004 in page_results(page, base_url, query)


def test_excerpt_marks_the_hit_in_the_visible_text(page, base_url):
    results = page_results(page, base_url, "dinh van thieu")
    first = page.locator(".kho-page__list .kho-result").nth(results.index(SEED_004))
    assert "Đinh Văn Thiệu," in " ".join(first.locator("mark").all_inner_texts())
    meta = first.locator(".kho-result__meta").inner_text()
    assert "Kết luận" in meta and "25/07/2021" in meta and "Khánh Hòa" in meta
    assert "dinh van thieu" not in first.inner_text()  # the folded index words are never quoted


def test_tone_placement_does_not_change_results(page, base_url):
    new_style = page_results(page, base_url, "uỷ ban")
    old_style = page_results(page, base_url, "ủy ban")
    nfd = page_results(page, base_url, unicodedata.normalize("NFD", "ủy ban"))
    assert new_style and new_style == old_style == nfd


def test_filter_click_narrows_results(page, base_url):
    everything = page_results(page, base_url, "", extra="")
    assert len(everything) >= 5
    box = page.locator('input[data-filter="co_quan_ban_hanh"][value="Tỉnh ủy Hà Nam"]')
    count = int(box.locator("xpath=../span[@class='kho-filter__count']").inner_text())
    box.check()
    page.wait_for_selector("#kho-tim-kiem[data-state=done]")
    narrowed = site_paths(page, base_url, ".kho-page__list .kho-result__link")
    assert 0 < len(narrowed) == count < len(everything)
    assert SEED_003 in narrowed
    assert "co_quan_ban_hanh=" in page.url  # the filter is kept in the address


def test_browsing_without_query_lists_newest_first(page, base_url):
    page_results(page, base_url, "", extra="")
    dates = page.eval_on_selector_all(".kho-page__list .kho-result__meta", "els => els.map(e => e.textContent)")
    iso = ["-".join(reversed(m.group(0).split("/"))) for d in dates if (m := re.search(r"\d\d/\d\d/\d{4}", d))]
    assert len(iso) >= 3 and iso == sorted(iso, reverse=True)


def test_clicking_a_result_opens_the_document(page, base_url):
    header_results(page, base_url, "dinh thi lua")
    page.locator("[data-kho-search-result] .kho-result__link").first.click()
    page.wait_for_url(re.compile(re.escape(SEED_003) + "$"))
    assert "154-CV/TU" in page.locator("h1").first.inner_text()


def test_header_enter_goes_to_the_search_page(page, base_url):
    page.goto(base_url)
    page.fill("[data-kho-search-input]", "chi thi 16")
    page.press("[data-kho-search-input]", "Enter")
    page.wait_for_url(re.compile(r"/tim-kiem/\?q=chi\+thi\+16$"))
    page.wait_for_selector(".kho-page__list .kho-result")
    assert page.input_value(".kho-page__input") == "chi thi 16"


def test_no_index_page_or_chrome_is_searchable(page, base_url):
    # "Tỉnh ủy Hà Nam" names an agency index page and the nav; only documents may come back.
    results = page_results(page, base_url, "tinh uy ha nam")
    assert results and all(r.startswith("/van-ban/") for r in results)


PHRASE_CASES = json.loads((FIXTURES / "search_phrase_cases.json").read_text(encoding="utf-8"))
# Seed 003 (154-CV/TU) says "chuẩn bị công tác bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND".
PHRASE = '"bầu cử đại biểu Quốc hội khóa XV"'


def test_split_query_matches_the_python_table(page, base_url):
    page.goto(base_url)
    for case in PHRASE_CASES:
        split = engine_call(page, "lib.splitQuery(a)", case["input"])
        assert (split["text"], split["phrases"]) == (case["text"], case["phrases"]), case


@pytest.mark.parametrize("query", [PHRASE, '"bau cu dai bieu quoc hoi khoa xv"', "“BẦU CỬ ĐẠI BIỂU QUỐC HỘI KHOÁ XV”"])
def test_quoted_phrase_finds_the_document_that_holds_it(page, base_url, query):
    assert page_results(page, base_url, query) == [SEED_003]
    assert "Lưu ý" not in page.locator(".kho-page__summary").inner_text()  # every candidate was checked
    assert header_results(page, base_url, query) == [SEED_003]


def test_phrase_marks_its_words_in_the_excerpt(page, base_url):
    page_results(page, base_url, PHRASE)
    marked = " ".join(page.locator(".kho-page__list .kho-result mark").all_inner_texts())
    assert "Quốc hội" in marked or "Quốc" in marked


def test_same_words_in_another_order_are_not_the_phrase(page, base_url):
    # Every word is in 154-CV/TU, but never in this order: words alone find it, the phrase does not.
    assert SEED_003 in page_results(page, base_url, "Quốc hội bầu cử khóa XV")
    assert page_results(page, base_url, '"Quốc hội bầu cử khóa XV"') == []
    summary = page.locator(".kho-page__summary").inner_text()
    assert summary.startswith("Không tìm thấy") and "Lưu ý" not in summary


PAIR_CASES = json.loads((FIXTURES / "search_pair_cases.json").read_text(encoding="utf-8"))
# The Quảng Ngãi directive: its fragment stops at 9,000 characters, before "Nơi nhận".
QUANG_NGAI = "/van-ban/khong-ro-nam/chi-thi-ban-thuong-vu-tinh-uy-quang-ngai/"
DEEP = ['"Lưu Văn phòng Đảng ủy Khối"', '"cac phong thuoc VPTU"']


def test_pair_words_and_hashes_match_the_python_table(page, base_url):
    page.goto(base_url)
    for case in PAIR_CASES:
        found = engine_call(page, "(w => ({words: w, hashes: w.slice(1).map((x, i) => lib.pairHash(w[i], x))}))"
                                  "(lib.phraseWords(a).split(' '))", case["input"])
        assert found == {"words": case["words"], "hashes": case["hashes"]}, case
    hashes = [h for case in PAIR_CASES for h in case["hashes"]] + [0, 2**32 - 1]
    for shards in (1, 7, 36, 2477):
        assert engine_call(page, f"a.map(h => lib.shardOf(h, {shards}))", hashes) == [shard_of(h, shards) for h in hashes]


@pytest.mark.parametrize("query", DEEP)
def test_a_phrase_deep_in_a_long_text_is_found_with_nothing_left_unchecked(page, base_url, query):
    assert page_results(page, base_url, query) == [QUANG_NGAI]
    summary = page.locator(".kho-page__summary").inner_text()
    assert summary.startswith("Tìm thấy 1 văn bản") and "Lưu ý" not in summary, summary
    content = engine_call(page, "m.engine.fragmentsOf([...Array(m.engine.documents).keys()])"
                                ".then(ds => ds.find(d => d.url.endsWith(a)).content)", QUANG_NGAI)
    assert content.endswith(" …") and "VPTU" not in content   # the fragment alone could not tell
    assert header_results(page, base_url, query) == [QUANG_NGAI]


@pytest.mark.parametrize("query", ['"VPTU thuộc"',      # both words in the Quảng Ngãi directive, never in this order
                                   '"bãi bỏ sung"'])     # 50-QĐ/TU holds "bãi bỏ" and "bổ sung", never the three
def test_a_phrase_whose_words_are_never_adjacent_finds_nothing(page, base_url, query):
    words = query.strip('"')
    assert page_results(page, base_url, words)
    assert page_results(page, base_url, query) == []
    summary = page.locator(".kho-page__summary").inner_text()
    assert summary.startswith("Không tìm thấy") and "Lưu ý" not in summary, summary


def test_without_the_pair_index_the_fragments_are_checked_and_the_page_says_so(page, base_url):
    page.route("**/pagefind/pairs/**", lambda route: route.abort())
    assert page_results(page, base_url, PHRASE) == [SEED_003]
    assert page_results(page, base_url, DEEP[1]) == []
    summary = page.locator(".kho-page__summary").inner_text()
    assert "1 văn bản dài có đủ các từ nhưng không kiểm tra được cụm từ" in summary, summary


def test_unchecked_phrases_are_said_on_the_results_page(page, base_url):
    page.goto(base_url)
    note = engine_call(page, "view.phraseNote(a)", {"numbers": [1], "checked": 40, "total": 95, "unsure": 2})
    assert "40 trong 95" in note and "55 văn bản còn lại chưa kiểm tra" in note and "2 văn bản dài" in note
    assert engine_call(page, "view.phraseNote(a)", {"numbers": [1], "checked": 3, "total": 3, "unsure": 0}) == ""
    # Pairs counted every candidate; 2 shown ones held each pair apart and were dropped.
    pairs = {"numbers": [1] * 30, "checked": 32, "total": 32, "unsure": 0, "rejected": 2, "unconfirmed": 20}
    assert "2 văn bản có đủ các cặp" in engine_call(page, "view.phraseNote(a)", pairs)
    assert engine_call(page, "view.phraseNote(a)", dict(pairs, unconfirmed=0)) == ""
    # A cut text (bundle's " …") that lacks the phrase is "cannot tell", not "no".
    cut = {"meta": {"title": "x"}, "content": "bầu cử đại biểu … " * 3 + "…"}
    assert engine_call(page, "view.holdsPhrases(a, ['quoc hoi khoa xv'])", cut) is None
    assert engine_call(page, "view.holdsPhrases(a, ['bau cu dai bieu'])", cut) is True


def test_header_box_and_search_page_agree_on_a_phrase(page, base_url):
    # The header box stops checking once a screenful holds the phrase; with fewer
    # candidates than that it has checked them all, and counts exactly.
    on_page = page_results(page, base_url, '"phòng, chống dịch"')
    words_only = page_results(page, base_url, "phòng, chống dịch")
    assert on_page and set(on_page) <= set(words_only)
    in_header = header_results(page, base_url, '"phòng, chống dịch"')
    assert set(in_header) == set(on_page)
    meta = page.locator("[data-kho-search-result] .md-search-result__meta").inner_text()
    assert meta == f"Tìm thấy {len(on_page)} văn bản", meta
