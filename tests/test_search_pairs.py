"""vanban.search.pairs: the adjacent-word-pair index a quoted phrase is checked against."""
import gzip
import json
from array import array

import pytest

from tests.conftest import FIXTURES
from vanban.search import pairs
from vanban.search.cbor import BundleError
from vanban.search.pairs import (
    decode_shard, encode_shard, pair_hash, pair_hashes, phrase_pages, shard_of, text_words, write_pairs,
)
from vanban.search.text import phrase_words

PAIR_CASES = json.loads((FIXTURES / "search_pair_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", PAIR_CASES, ids=lambda c: c["input"][:30])
def test_words_and_hashes_match_the_shared_table(case):
    # tests/browser/test_search.py runs the same table through search-engine.js.
    words = text_words(case["input"])
    assert words == case["words"] == phrase_words(case["input"]).split()
    assert [pair_hash(a, b) for a, b in zip(words, words[1:])] == case["hashes"]


@pytest.mark.parametrize("texts, held, not_held", [
    # Punctuation and line breaks split words exactly as phrase_words does; pairs run across them.
    (["tăng cường phòng, chống dịch Covid-19"], [("phong", "chong"), ("chong", "dich"), ("covid", "19")],
     [("phong", "dich")]),
    (["Ban Thường vụ Tỉnh\nuỷ Hà Nam"], [("tinh", "uy"), ("ha", "nam")], [("ban", "vu")]),
    # đ is folded like the rest of search: "Đinh Thị Lụa" and "Dinh Thi Lua" are one pair list.
    (["đồng chí Đinh Thị Lụa"], [("dong", "chi"), ("chi", "dinh"), ("dinh", "thi")], [("đinh", "thi")]),
    # No pair spans two texts (body, title, trích yếu, signer).
    (["chuyển đổi số", "Hà Nam"], [("doi", "so"), ("ha", "nam")], [("so", "ha")]),
    (["V/v chuẩn bị bầu cử"], [("v", "v"), ("v", "chuan"), ("bau", "cu")], [("vv", "chuan")]),
])
def test_pair_hashes_hold_the_adjacent_words_of_each_text(texts, held, not_held):
    hashes = set(pair_hashes(texts))
    assert {pair_hash(*p) for p in held} <= hashes
    assert not {pair_hash(*p) for p in not_held} & hashes
    assert list(pair_hashes(texts)) == sorted(hashes)   # sorted and distinct: the writer bisects them


def test_a_one_word_text_has_no_pair():
    assert len(pair_hashes(["Covid", "", "  "])) == 0


def test_shard_format_round_trips_and_a_cut_shard_is_an_error():
    entries = [(5, [0, 3, 9999]), (300, [7]), (2**32 - 1, [2, 200_000])]
    payload = encode_shard(entries)
    assert payload[:4] == b"\x05\x03\x00\x03"   # hash 5, 3 pages: 0, +3, …
    assert decode_shard(payload) == dict(entries)
    with pytest.raises(BundleError):
        decode_shard(payload[:-1])


def test_shards_split_the_hash_range_in_order():
    shards = 7
    firsts = [pairs._first_hash(k, shards) for k in range(shards + 1)]
    assert firsts[0] == 0 and firsts[-1] == 2**32
    for k in range(shards):
        assert shard_of(firsts[k], shards) == k and shard_of(firsts[k + 1] - 1, shards) == k


DOCS = [   # page k: its texts
    ["Thực hiện Chỉ thị số 16/CT-TTg, tăng cường phòng, chống dịch Covid-19.", "Công văn 154-CV/TU"],
    ["Kết luận của Thường trực về chuyển đổi số; phòng chống bão lụt.", "Kết luận", "Đinh Thị Lụa"],
    ["Chống dịch là việc của mỗi người; phòng bệnh hơn chữa bệnh."],   # both words, never adjacent
]


def written(folder, docs, monkeypatch=None, shards=None, **settings):
    for name, value in settings.items():
        monkeypatch.setattr(pairs, name, value)
    hashes = [pair_hashes(texts) for texts in docs]
    return write_pairs(folder, lambda: iter(hashes), sum(map(len, hashes)), shards)


@pytest.mark.parametrize("phrase, pages", [
    ("phòng, chống dịch", {0}),
    ("phong chong", {0, 1}),
    ("chống dịch", {0, 2}),
    ("đinh thị lụa", {1}),              # the signer's field, đ folded
    ("dịch phòng", set()),              # both words in pages 0 and 2, never in this order
    ("chuyển đổi số phòng", {1}),       # across a ";": punctuation is not a word
])
def test_phrase_pages_are_the_pages_holding_every_pair(tmp_path, phrase, pages):
    meta = written(tmp_path, DOCS)
    assert phrase_pages(tmp_path, meta, phrase) == pages


def test_a_hash_collision_adds_a_page_and_drops_none(tmp_path):
    # CRC-32 of these two pairs is the same (2022800961): each finds both documents.
    assert pair_hash("ba45", "hop") == pair_hash("di25", "trach")
    meta = written(tmp_path, [["họp ba45 hop"], ["di25 trach nhiệm"]])
    assert phrase_pages(tmp_path, meta, "ba45 hop") == {0, 1} == phrase_pages(tmp_path, meta, "di25 trach")


def test_streaming_by_groups_writes_what_one_pass_writes(tmp_path, monkeypatch):
    many = DOCS * 40
    one = written(tmp_path / "one", many, shards=9)
    grouped = written(tmp_path / "grouped", many, monkeypatch, shards=9, GROUP_POSTINGS=50)
    assert one == grouped
    files = sorted(p.name for p in (tmp_path / "one" / "pairs" / one["tag"]).iterdir())
    assert files == sorted(f"{k}.pf_pairs" for k in range(one["shards"]))
    for name in files:
        first = (tmp_path / "one" / "pairs" / one["tag"] / name).read_bytes()
        assert first == (tmp_path / "grouped" / "pairs" / grouped["tag"] / name).read_bytes()
        shard = int(name.split(".")[0])
        assert all(shard_of(h, one["shards"]) == shard for h in decode_shard(gzip.decompress(first)))
    assert phrase_pages(tmp_path / "grouped", grouped, "phòng, chống dịch") == set(range(0, 120, 3))


@pytest.mark.parametrize("target", [120, 250, 500])
def test_shards_are_sized_to_about_their_target_gzipped(tmp_path, monkeypatch, target):
    many = [[f"{text} số {k}" for text in texts] for k in range(60) for texts in DOCS]
    meta = written(tmp_path, many, monkeypatch, SHARD_BYTES=target)
    sizes = [p.stat().st_size for p in (tmp_path / "pairs" / meta["tag"]).iterdir()]
    assert len(sizes) == meta["shards"] > 1
    assert 0.6 * target < sum(sizes) / len(sizes) < 1.6 * target, sizes


def test_the_tag_changes_with_any_text(tmp_path):
    first = written(tmp_path / "a", DOCS)
    second = written(tmp_path / "b", DOCS[:2] + [["Chống dịch là việc của mọi người."]])
    assert first["tag"] != second["tag"] and first["shards"] == second["shards"] == 1


def test_hashes_are_32_bit_unsigned_as_the_spool_stores_them():
    assert array("I").itemsize == 4
    assert all(0 <= h < 2**32 for h in pair_hashes([DOCS[0][0]]))
