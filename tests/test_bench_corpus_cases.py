"""scripts/benchmarks/corpus_cases.py: the judged query set any archive makes from its own pages,
here the sample archive (its seeds and staff pages) and the site built from it."""
from __future__ import annotations

import pytest

from conftest import sample_docs
from scripts.benchmarks.corpus_cases import all_cases

SEED_003 = "/van-ban/2021/cong-van-154-cv-tu/"          # 154-CV/TU, Đinh Thị Lụa
CV_05 = {"/van-ban/2021/cong-van-05-cv-tu-2020-trang-mau/", "/van-ban/2021/cong-van-05-cv-tu-2021-trang-mau/"}


@pytest.fixture(scope="module")
def cases(built_site) -> dict[str, dict]:
    return {c["query"]: c for c in all_cases(sample_docs(), built_site)}


@pytest.mark.parametrize("query, relevant", [
    ("154-CV/TU", {SEED_003}), ("154 cv tu", {SEED_003}), ("cong van 154", {SEED_003}),
    ("CV 154", {SEED_003}), ("số 154", {SEED_003}),
    ("05-CV/TU", CV_05),        # two documents hold the same number: both are right
])
def test_a_number_in_each_spelling_is_right_for_the_documents_that_hold_it(cases, query, relevant):
    assert cases[query]["kind"] == "number" and set(cases[query]["relevant"]) == relevant


def test_a_signer_is_right_for_the_documents_they_signed(cases):
    assert cases["dinh thi lua"] == {"query": "dinh thi lua", "kind": "signer", "relevant": [SEED_003]}


def test_subject_windows_skip_v_v_and_name_every_trich_yeu_that_holds_them(cases):
    # 154-CV/TU: "V/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19"
    assert set(cases["tiep tuc tang cuong"]["relevant"]) >= {SEED_003}
    assert not any(q.startswith(("v ", "vv ")) for q, c in cases.items() if c["kind"] == "subject")


def test_a_number_cited_but_not_held_wants_its_card_written_and_by_type(cases):
    assert cases["16/CT-TTg"] == {"query": "16/CT-TTg", "kind": "missing", "card": ["/chua-co/16-ct-ttg/"]}
    assert cases["Chỉ thị 16"]["card"] == ["/chua-co/16-ct-ttg/"]
    assert sum(c["kind"] == "nonsense" for c in cases.values()) >= 5
