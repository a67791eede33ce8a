"""Fuzzing the archive: any value YAML can hold, under any key, never crashes the build.

Staff type front matter by hand: `can_xac_minh: 5`, `ban_sao: [x]`, `ngay: [1]`. Whatever
the values, the catalog, the schema, relations, index pages, the document page and the
search record are built without an exception, and every problem is one formatted line with a fix.
Profiles: tests/_fuzz.py (KHO_FUZZ=long for more).
"""
from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import _fuzz  # noqa: F401  (profiles: default or KHO_FUZZ=long)
from vanban.archive.site import build_archive
from vanban.search.record import SearchDoc, build_records
from vanban.schema import CITATION_KEYS, FIELDS

# The real values of seed 003 (Công văn 154-CV/TU of Tỉnh ủy Hà Nam), so that many cases look almost right.
REAL = ["154-CV/TU", "Công văn", "Tỉnh ủy Hà Nam", "2021-04-28", "28/4/2021", "Hà Nam", "ngay_ban_hanh",
        "so_ky_hieu", "81/TB-VPCP", "Văn phòng Chính phủ", "T/M BAN THƯỜNG VỤ", "Các huyện ủy", "sao y", ""]
SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
           | st.sampled_from(REAL) | st.dates())   # MkDocs's own YAML reading turns 2021-04-28 into a date
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(CITATION_KEYS + ("so", "hinh_thuc", "dia_danh")) | st.text(max_size=4), inner, max_size=4),
    max_leaves=8)
KEYS = [f.key for f in FIELDS] + ["slug"]
GOOD = {"title": "Công văn 154-CV/TU", "so_ky_hieu": "154-CV/TU", "loai_van_ban": "Công văn",
        "trich_yeu": "V/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
        "co_quan_ban_hanh": "Tỉnh ủy Hà Nam", "ngay_ban_hanh": "2021-04-28"}
BODY = "\nThực hiện Thông báo số 81/TB-VPCP ngày 26/4/2021 của Văn phòng Chính phủ.\n"


def page(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + BODY


def check_archive(meta: dict) -> None:
    pages = [("van-ban/2021/trang.md", page({**GOOD, **meta})), ("van-ban/2021/khac.md", page(GOOD | {
        "so_ky_hieu": "81/TB-VPCP", "co_quan_ban_hanh": "Văn phòng Chính phủ", "loai_van_ban": "Thông báo"}))]
    archive = build_archive(pages)
    for src_uri, problems in archive.catalog.problems.items():
        for problem in problems:
            assert "Cách sửa: " in problem.format(src_uri)
    archive.generated_pages()
    for src_uri, text in pages:
        body = archive.document_markdown(src_uri, text.split("---\n", 2)[2]) or ""
        archive.document_html(src_uri, body)   # the metadata panel and relations around it
    build_records([SearchDoc("van-ban/2021/trang/", {**GOOD, **meta}, BODY)])   # what hooks/search_index.py does


# Values that once crashed the build, each fixed in the named module.
REGRESSIONS = [
    {"can_xac_minh": [{"a": 1}]},     # vanban/schema.py: a map inside the flag list (unhashable)
    {"can_xac_minh": 5},              # vanban/schema.py: not a list at all
    {"so_ky_hieu": 154},              # vanban/search/text.py, record.py: a number, not text
]


@pytest.mark.parametrize("meta", REGRESSIONS, ids=[repr(m) for m in REGRESSIONS])
def test_found_values_stay_fixed(meta):
    check_archive(meta)


@given(st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6))
def test_any_front_matter_value_builds(meta):
    check_archive(meta)
