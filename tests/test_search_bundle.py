"""vanban.search.bundle, .cbor and .chunks: finishing Pagefind's output, and hooks/search_index.write_index."""
import datetime as dt
import importlib.util
import json

import pytest

from tests.conftest import ROOT
from vanban.search import bundle as pagefind_bundle
from vanban.search.bundle import page_id, read_packed
from vanban.search.cbor import BundleError, cbor_decode, cbor_encode
from vanban.search.chunks import chunk_ranges, PageList, weights_kept, LocationReader, split_chunks
from vanban.search.pairs import phrase_pages
from vanban.search.record import SearchDoc

_spec = importlib.util.spec_from_file_location("search_index", ROOT / "hooks" / "search_index.py")
search_index = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_index)


@pytest.mark.parametrize("value, encoded", [
    (0, b"\x00"), (23, b"\x17"), (24, b"\x18\x18"), (500, b"\x19\x01\xf4"), (70000, b"\x1a\x00\x01\x11\x70"),
    (-25, b"\x38\x18"), (-1, b"\x20"),             # Pagefind's weight marks are negative ints
    ("đinh", b"\x65\xc4\x91inh"), ("", b"\x60"),
    ([], b"\x80"), ([1, [-25, 9], []], b"\x83\x01\x82\x38\x18\x09\x80"),
])
def test_cbor_subset_matches_minicbor(value, encoded):
    assert cbor_encode(value) == encoded
    assert cbor_decode(encoded) == value


def test_cbor_rejects_what_pagefind_never_writes():
    with pytest.raises(BundleError):
        cbor_decode(b"\xa1\x01\x02")  # a map
    with pytest.raises(BundleError):
        cbor_decode(b"\x01\x02")      # trailing bytes


@pytest.mark.parametrize("number, expected", [(0, "0_t"), (35, "z_t"), (36, "10_t"), (9999, "7pr_t")])
def test_page_ids_count_in_base_36(number, expected):
    assert page_id(number, "t") == expected


@pytest.mark.parametrize("locations, meta_locations, kept", [
    ([-25, 7], [], ([-25, 0], [])),
    ([-25, 3, 40, -241, 50, 51], [-1, 2], ([-241, 0, -25, 0], [-1, 0])),   # heaviest first, once each
    ([-9, 5, -25, 9, -9, 12], [], ([-25, 0, -9, 0], [])),                  # a compound's parts: their own weight
    ([500, 70000], [-241], ([-25, 0], [])),    # positions before any mark: the body's weight; a mark alone: nothing
    ([-25], [], ([], [])), ([], [], ([], [])),
])
def test_weights_kept_once_each_positions_zero(locations, meta_locations, kept):
    encoded = cbor_encode(locations) + cbor_encode(meta_locations)
    assert weights_kept(encoded) == cbor_encode(kept[0]) + cbor_encode(kept[1])


def test_weights_kept_rejects_a_list_longer_than_its_count():
    with pytest.raises(BundleError):
        weights_kept(b"\x81\x01\x02\x80")


def test_renumbering_keeps_deltas_sorted_and_drops_positions():
    # old pages 0, 2, 3 become 2, 0, 1: deltas recomputed in the new order
    pages = [[0, [-25, 7], []], [2, [-25, 3, 400], [-1, 2]], [1, [-241, 5], []]]
    reader = LocationReader()
    reader.new_number = [2, 9, 0, 1]
    read, end = reader.page_list(cbor_encode(pages) + b"\x80", 0)
    assert end == len(cbor_encode(pages))
    merged = PageList()
    merged.extend(read)
    assert cbor_decode(merged.cbor()) == [[0, [-25, 0], [-1, 0]], [1, [-241, 0], []], [1, [-25, 0], []]]


def test_batches_append_in_page_order_and_may_not_overlap():
    merged = PageList()
    merged.extend([(0, b"\x80\x80"), (30, b"\x80\x80")])
    merged.extend([(31, b"\x80\x80")])
    assert cbor_decode(merged.cbor()) == [[0, [], []], [30, [], []], [1, [], []]]
    with pytest.raises(BundleError):
        merged.extend([(5, b"\x80\x80")])


def test_page_list_counts_what_it_reads():
    reader = LocationReader()
    reader.new_number = [0, 1]
    with pytest.raises(BundleError):  # says 2 entries, holds 1
        reader.page_list(b"\x82" + cbor_encode([0, [1], []]), 0)


def test_chunk_ranges_are_pagefinds_distinguishing_prefixes():
    # Pagefind 1.5's chunk_meta: a "to" is only shortened if it stays >= its "from"
    # (checked against all 173 chunks of a real 10,000-page Pagefind index)
    def chunks(*groups):
        return [[(w, b"") for w in group] for group in groups]
    assert chunk_ranges(chunks(["apple"], ["apricot", "banana"], ["peach"])) == [
        ["apple", "apple"], ["apr", "b"], ["p", "peach"]]
    assert chunk_ranges(chunks(["cat", "cath"], ["cathartic"])) == [["cat", "cath"], ["catha", "cathartic"]]


def test_split_closes_a_chunk_once_it_reaches_the_target():
    words = [(w, cbor_encode(word)) for w, word in [
        ("a", ["a", [[0, [-25, 0], []]] * 5, []]), ("b", ["b", [], []]), ("c", ["c", [], []])]]
    assert [[w for w, _ in c] for c in split_chunks(words, len(words[0][1]))] == [["a"], ["b", "c"]]
    assert [[w for w, _ in c] for c in split_chunks(words, 10_000)] == [["a", "b", "c"]]


DOCS = [
    SearchDoc("van-ban/2019/a/", {"title": "Chỉ thị 5-CT/TU", "so_ky_hieu": "5-CT/TU", "loai_van_ban": "Chỉ thị",
                                  "co_quan_ban_hanh": "Tỉnh ủy Hà Nam", "ngay_ban_hanh": dt.date(2019, 3, 1)},
              "Chỉ thị về công tác phòng chống bão lụt, giao đồng chí Đinh Văn Thiệu chỉ đạo."),
    SearchDoc("van-ban/2021/b/", {"title": "Công văn 154-CV/TU", "so_ky_hieu": "154-CV/TU",
                                  "loai_van_ban": "Công văn", "co_quan_ban_hanh": "Tỉnh uỷ Hà Nam",
                                  "ngay_ban_hanh": dt.date(2021, 4, 28), "nguoi_ky": "Đinh Thị Lụa"},
              "Thực hiện Chỉ thị số 16/CT-TTg, tăng cường phòng, chống dịch Covid-19."),
    SearchDoc("van-ban/khong-ro-nam/c/", {"title": "Kết luận", "loai_van_ban": "Kết luận"},
              "Kết luận của Thường trực về chuyển đổi số."),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    search_index.write_index(site, DOCS)
    return site / "pagefind"


def search_file(bundle, name="kho-search.json"):
    return json.loads((bundle / name).read_text(encoding="utf-8"))


def test_page_k_is_the_kth_newest_document(bundle):
    meta = search_file(bundle)
    urls = [json.loads(read_packed(bundle / "fragment" / f"{page_id(k, meta['tag'])}.pf_fragment"))["url"]
            for k in range(3)]
    assert urls == ["/van-ban/2021/b/", "/van-ban/2019/a/", "/van-ban/khong-ro-nam/c/"]
    facets = {f["name"]: f for f in search_file(bundle, "kho-facets.json")["facets"]}
    def values(name):
        return [facets[name]["values"][ord(c) - 0x30] for c in facets[name]["codes"]]
    assert values("nam") == ["2021", "2019", "Không rõ năm"]
    assert values("co_quan_ban_hanh") == ["Tỉnh ủy Hà Nam", "Tỉnh ủy Hà Nam", "Không rõ cơ quan"]
    assert facets["co_quan_ban_hanh"]["values"][0] == "Tỉnh ủy Hà Nam"  # "uỷ" and "ủy": one body, most used first
    assert facets["co_quan_ban_hanh"]["groups"][facets["co_quan_ban_hanh"]["group_of"][0]] == "Cấp tỉnh"


def test_search_file_gives_chunks_and_fields_and_the_facets_file_dates(bundle):
    meta = search_file(bundle)
    assert meta["documents"] == meta["pages"] == 3
    assert meta["fields"] == {"so_ky_hieu": 240, "nguoi_ky": 216, "trich_yeu": 168, "thong_tin": 72, "dan_chieu": 48}
    assert all((bundle / "index" / f"{name}.pf_index").is_file() for _, _, name in meta["chunks"])
    facets = search_file(bundle, "kho-facets.json")
    # 2021-04-28, then 2019-03-01: 789 days earlier; the undated one is not counted
    assert facets["dates"] == {"newest": "2021-04-28", "dated": 2, "steps": chr(0x30 + 789)}
    assert [f["name"] for f in facets["facets"]] == ["loai_van_ban", "co_quan_ban_hanh", "nam", "hieu_luc"]


def test_the_pair_index_finds_a_phrase_in_the_whole_text_and_the_fields(bundle):
    pairs = search_file(bundle)["pairs"]
    assert pairs["shards"] == 1 and (bundle / "pairs" / pairs["tag"] / "0.pf_pairs").is_file()
    assert phrase_pages(bundle, pairs, "phòng, chống dịch") == {0}
    assert phrase_pages(bundle, pairs, "Đinh Thị Lụa") == {0}          # the signer's field
    assert phrase_pages(bundle, pairs, "dinh van thieu chi dao") == {1}
    assert phrase_pages(bundle, pairs, "chống bão phòng") == set()


def test_fragments_show_the_visible_text_and_fields(bundle):
    tag = search_file(bundle)["tag"]
    fragment = json.loads(read_packed(bundle / "fragment" / f"{page_id(0, tag)}.pf_fragment"))
    assert fragment["content"] == DOCS[1].text
    assert fragment["meta"]["so_ky_hieu"] == "154-CV/TU" and fragment["meta"]["ngay"] == "2021-04-28"


def test_index_points_each_word_at_the_renumbered_page_without_positions(bundle):
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = cbor_decode(read_packed(bundle / f"pagefind.{entry['languages']['vi']['hash']}.pf_meta"))
    assert meta[3] == [] and meta[4] == [] and not list((bundle / "filter").glob("*"))
    words = {}
    for _, _, chunk_hash in meta[2]:
        for word in cbor_decode(read_packed(bundle / "index" / f"{chunk_hash}.pf_index"))[0]:
            words[word[0]] = word
    thieu = words["thieu"][2]  # "Thiệu" is a diacritic variant of the folded key
    assert thieu[0][0] == "thiệu" and [p[0] for p in thieu[0][1]] == [1]  # page 1: the 2019 directive
    assert [p[0] for p in words["dinh"][1]] == [0, 1]  # folded đ copy in both dated records
    assert all(loc <= 0 for w in words.values() for p in w[1] for loc in p[1])
    # One mark per weight, heaviest first: "154" is page 0's number (240) and in its title (168);
    # Pagefind also split the joined "154cvtu" of the number and title blocks into parts of half
    # their weight (120, 84: no field's weight, so the browser counts them as body).
    assert words["154"][1][0][1] == [-241, 0, -169, 0, -121, 0, -85, 0]
    assert words["lua"][1] == [[0, [-217, 0], []]]  # Đinh Thị Lụa signed page 0: the signer's weight (216)



def test_two_runs_write_the_same_bytes(bundle, tmp_path):
    search_index.write_index(tmp_path, DOCS)
    again = tmp_path / "pagefind"
    first = {p.relative_to(bundle): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []


def test_batches_merge_into_the_bundle_one_index_gives(bundle, tmp_path, monkeypatch):
    monkeypatch.setattr(pagefind_bundle, "BATCH_BYTES", 1)  # one record per Pagefind batch
    search_index.write_index(tmp_path, DOCS)
    batched = tmp_path / "pagefind"
    first = {p.relative_to(bundle): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    second = {p.relative_to(batched): p.read_bytes() for p in batched.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []
