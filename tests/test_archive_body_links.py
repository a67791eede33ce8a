"""vanban.archive.body_links: citations linked where they stand, never inside code or another link."""
import re

import markdown
import pytest

from _archive_pages import page
from vanban.archive.body_links import link_citations, place_links, unmarked
from vanban.archive.site import build_archive

# 239-CV/HU (seed) cites 761-CV/TU; the Hà Nam 761-CV/TU is held, Khánh Hòa issued one the same day.
CV761_HA_NAM = ("van-ban/2021/761-ha-nam.md", page(so_ky_hieu="761-CV/TU", ngay_ban_hanh="2021-08-25"))
CV761_KHANH_HOA = ("van-ban/2021/761-khanh-hoa.md", page(
    so_ky_hieu="761-CV/TU", ngay_ban_hanh="2021-08-25", co_quan_ban_hanh="Tỉnh ủy Khánh Hòa", dia_danh="Khánh Hòa"))
CITE_761 = "Thực hiện Công văn số 761-CV/TU, ngày 25/8/2021 của Ban Thường vụ Tỉnh ủy về việc tăng cường."
HA_NAM = {"co_quan_ban_hanh": "Huyện ủy Kim Bảng", "dia_danh": "Hà Nam"}
NO_PROVINCE = {"co_quan_ban_hanh": "Huyện ủy", "dia_danh": None}
CITING = "van-ban/2021/citing.md"


def linked(body: str, held=(CV761_HA_NAM, CV761_KHANH_HOA), **meta) -> str:
    meta = {"so_ky_hieu": "239-CV/HU", "ngay_ban_hanh": "2021-08-26", **HA_NAM, **meta}
    archive = build_archive(list(held) + [(CITING, page(body, **meta))])
    links = archive.relations.outgoing[CITING]
    return place_links(link_citations(body, CITING, links, archive.ambiguous), CITING, links, archive.ambiguous)


def anchors(markdown: str) -> list[tuple[str, str, str]]:
    """(href, kind, text) of every citation link."""
    return re.findall(r'<a href="([^"]+)" class="dan-chieu dan-chieu--([\w-]+)" title="[^"]*">(.*?)</a>', markdown)


@pytest.mark.parametrize("meta, held, expected", [
    # Held and resolved: the whole phrase, number and date, links to the document.
    (HA_NAM, (CV761_HA_NAM, CV761_KHANH_HOA), [("../761-ha-nam/", "co", "Công văn số 761-CV/TU, ngày 25/8/2021")]),
    # Not held in Quảng Ngãi: its "chưa có trong kho" page.
    ({"dia_danh": "Quảng Ngãi"}, (CV761_HA_NAM,),
     [("../../../chua-co/761-cv-tu-quang-ngai/", "chua-co", "Công văn số 761-CV/TU, ngày 25/8/2021")]),
    # Which province's 761-CV/TU? The page listing both.
    (NO_PROVINCE, (CV761_HA_NAM, CV761_KHANH_HOA),
     [("../../../chua-ro/761-cv-tu/", "chua-ro", "Công văn số 761-CV/TU, ngày 25/8/2021")]),
])
def test_each_status_links_where_it_stands(meta, held, expected):
    body = linked(CITE_761, held, **meta)
    assert anchors(body) == expected
    assert body.startswith("Thực hiện <a ") and "</a> của Ban Thường vụ Tỉnh ủy về việc" in body


@pytest.mark.parametrize("body, linked_texts", [
    # The page's own number is never linked; the cited one is, every time it is mentioned.
    ("Công văn số 239-CV/HU thực hiện " + CITE_761 + " Công văn 761-CV/TU nêu rõ.",
     ["Công văn số 761-CV/TU, ngày 25/8/2021", "Công văn 761-CV/TU"]),
    # Staff's own links are kept and never nested; code spans and code blocks stay code.
    ("Xem [Công văn số 761-CV/TU](../761-ha-nam.md).", []),
    ('Xem <a href="https://example.org/">Công văn số 761-CV/TU, ngày 25/8/2021</a>.', []),
    ("Ký hiệu `761-CV/TU` và ``Công văn số 761-CV/TU``.", []),
    ("```\nCông văn số 761-CV/TU, ngày 25/8/2021\n```\n", []),
    ("Nguồn https://tinhuy.example.vn/761-CV/TU/ và <https://x.vn/761-CV/TU>.", []),
    ('!!! note "Công văn số 761-CV/TU"\n    Nội dung.\n', []),
    # Emphasis around the phrase ends it: the link stays inside the <strong>.
    ("**Công văn số 761-CV/TU**, ngày 25/8/2021 của Tỉnh ủy.", ["Công văn số 761-CV/TU"]),
    # A phrase never runs across paragraphs (nor across other markup): the number alone is linked.
    ("Công văn số 761-CV/TU,\n\nngày 25/8/2021 của Tỉnh ủy.", ["761-CV/TU"]),
])
def test_what_is_linked(body, linked_texts):
    assert [text for _, _, text in anchors(linked(body))] == linked_texts


def test_nothing_cited_leaves_the_markdown_alone():
    body = "Nội dung có số 12 và ngày 25/8/2021 nhưng không dẫn chiếu văn bản nào."
    assert linked(body) == body


@pytest.mark.parametrize("body, edited", [
    (CITE_761, None),                                       # the page as relations.py read it
    ("\n\n" + CITE_761, None),                              # MkDocs drops the blank lines before the body
    (CITE_761, "Mở đầu mới. " + CITE_761),                  # edited since: its offsets are stale
])
def test_mentions_found_by_the_catalog_are_reused_only_for_the_same_text(body, edited):
    meta = {"so_ky_hieu": "239-CV/HU", "ngay_ban_hanh": "2021-08-26", **HA_NAM}
    archive = build_archive([CV761_HA_NAM, CV761_KHANH_HOA, (CITING, page(body, **meta))])
    links, known = archive.relations.outgoing[CITING], archive.by_src[CITING].mentions
    assert known.mentions  # the catalog kept where 761-CV/TU stands
    assert archive.by_src[CITING].body == ""  # and let the body go
    text = edited or body
    reused = link_citations(text, CITING, links, archive.ambiguous, known)
    assert reused.strip() == link_citations(text, CITING, links, archive.ambiguous).strip()
    placed = place_links(reused, CITING, links, archive.ambiguous)
    assert anchors(placed) == [("../761-ha-nam/", "co", "Công văn số 761-CV/TU, ngày 25/8/2021")]


def test_a_citation_in_a_heading_is_linked_and_its_contents_entry_is_plain_text():
    body = "### 1. Thực hiện Công văn số 761-CV/TU, ngày 25/8/2021\n\nNội dung."
    meta = {"so_ky_hieu": "239-CV/HU", "ngay_ban_hanh": "2021-08-26", **HA_NAM}
    archive = build_archive([CV761_HA_NAM, (CITING, page(body, **meta))])
    links = archive.relations.outgoing[CITING]
    converter = markdown.Markdown(extensions=["toc"])
    html = place_links(converter.convert(link_citations(body, CITING, links, archive.ambiguous)),
                       CITING, links, archive.ambiguous)
    assert anchors(html) == [("../761-ha-nam/", "co", "Công văn số 761-CV/TU, ngày 25/8/2021")]
    (entry,) = converter.toc_tokens
    assert unmarked(entry["name"]) == "1. Thực hiện Công văn số 761-CV/TU, ngày 25/8/2021"
    assert entry["id"] == "1-thuc-hien-cong-van-so-761-cvtu-ngay-2582021"   # as if the heading had no link
