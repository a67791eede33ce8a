"""vanban.archive.diagram: two levels each side, capped, escaped, missing documents marked in words."""
import re

from _archive_pages import page
from vanban.archive.diagram import (
    MAX_CHILDREN, MAX_NODES, agency_citations, agency_diagram_html, citation_tree, diagram_html,
)
from vanban.archive.site import build_archive
from conftest import sample_docs

KE_HOACH = "van-ban/2021/mau-ke-hoach-huyen-uy-kim-bang-trien-khai-154-cv-tu.md"   # staff fixture
CV154 = "van-ban/2021/cong-van-154-cv-tu.md"                                        # seed


def _sample_archive():
    docs = sample_docs()
    return build_archive([(p.relative_to(docs).as_posix(), p.read_text(encoding="utf-8"))
                          for p in sorted(docs.rglob("*.md"))])


def _shape(nodes):
    return [(n.number, n.kind, [(c.number, c.kind) for c in n.children]) for n in nodes]


def test_two_levels_on_the_sample_archive():
    archive = _sample_archive()
    cited, cited_more, citing, citing_more = citation_tree(archive.by_src[KE_HOACH], archive.relations,
                                                           archive.ambiguous)
    # 12-KH/HU cites the seed 154-CV/TU, which cites two documents the archive does not hold.
    assert _shape(cited) == [("154-CV/TU", "co", [("81/TB-VPCP", "chua-co"), ("21/NQ-CP", "chua-co")])]
    # The hostile fixture 77-TB/HU ("Thực hiện Kế hoạch số 12-KH/HU": thuc_hien) and 20-TB/HU (a mention)
    # cite it: grouped by relation, implementing documents first.
    assert _shape(citing) == [("77-TB/HU", "co", []), ("20-TB/HU", "co", [])]
    assert [n.relation for n in citing] == ["thuc_hien", "dan_chieu"]
    assert cited_more == citing_more == 0
    # From 154-CV/TU: cited by 12-KH/HU, which is cited by 20-TB/HU and 77-TB/HU (second level).
    _, _, citing, _ = citation_tree(archive.by_src[CV154], archive.relations, archive.ambiguous)
    # and by 03-CT/TU ("Căn cứ Công văn số 154-CV/TU": can_cu), which 04-CT/TU cites: grouped after it.
    assert _shape(citing) == [("12-KH/HU", "co", [("20-TB/HU", "co"), ("77-TB/HU", "co")]),
                              ("03-CT/TU", "co", [("04-CT/TU", "co")])]
    assert [n.relation for n in citing] == ["thuc_hien", "can_cu"]


def test_missing_and_undecided_say_so_in_words():
    archive = _sample_archive()
    html = diagram_html(archive.by_src["van-ban/2021/thong-bao-20-tb-hu-trang-mau.md"], archive.relations,
                        archive.ambiguous)
    assert '<a class="sddc-nut sddc-nut--chua-ro" href="../../../chua-ro/05-cv-tu/"' in html
    assert '<a class="sddc-nut sddc-nut--chua-co" href="../../../chua-co/99-cv-hu-ha-nam/"' in html
    assert html.count('<span class="sddc-trang-thai">chưa có trong kho</span>') == 1
    assert html.count('<span class="sddc-trang-thai">chưa xác định được văn bản</span>') == 1
    assert html.startswith('<figure class="so-do-dan-chieu"')


def _star(n_citing: int, n_cited_by_each: int):
    """One document cited by n_citing others, each of them cited by n_cited_by_each more."""
    centre = ("van-ban/2021/goc.md", page(so_ky_hieu="1-CT/TU"))
    cite = "Thực hiện Chỉ thị số {} của Tỉnh ủy Hà Nam."
    pages = [centre]
    for i in range(n_citing):
        pages.append((f"van-ban/2021/a{i}.md", page(cite.format("1-CT/TU"), so_ky_hieu=f"{100 + i}-CV/TU")))
        pages += [(f"van-ban/2021/a{i}-b{j}.md", page(cite.format(f"{100 + i}-CV/TU"), so_ky_hieu=f"{i}{j}-KH/TU"))
                  for j in range(n_cited_by_each)]
    archive = build_archive(pages)
    return archive, diagram_html(archive.by_src["van-ban/2021/goc.md"], archive.relations, archive.ambiguous)


def test_capped_whatever_the_archive_holds():
    small, _ = _star(MAX_NODES + 1, MAX_CHILDREN + 1)
    _, _, citing, more = citation_tree(small.by_src["van-ban/2021/goc.md"], small.relations, small.ambiguous)
    assert len(citing) == MAX_NODES and more == 1
    assert [len(n.children) for n in citing][:4] == [MAX_CHILDREN] * 4
    assert sum(len(n.children) for n in citing) == MAX_NODES
    assert citing[0].more == 1
    _, html_small = _star(MAX_NODES + 1, MAX_CHILDREN + 1)
    _, html_big = _star(3 * MAX_NODES, 2 * MAX_CHILDREN)
    nodes = lambda html: html.count('class="sddc-nut ')  # noqa: E731
    assert nodes(html_small) == nodes(html_big) == 1 + 2 * MAX_NODES
    assert "+24 khác" in html_big


def test_cycles_do_not_draw_the_document_twice():
    a = ("van-ban/2021/a.md", page("Thực hiện Công văn số 2-CV/TU của Tỉnh ủy Hà Nam.", so_ky_hieu="1-CV/TU"))
    b = ("van-ban/2021/b.md", page("Thực hiện Công văn số 1-CV/TU của Tỉnh ủy Hà Nam.", so_ky_hieu="2-CV/TU"))
    archive = build_archive([a, b])
    cited, _, citing, _ = citation_tree(archive.by_src["van-ban/2021/a.md"], archive.relations, archive.ambiguous)
    assert _shape(cited) == [("2-CV/TU", "co", [])] and _shape(citing) == [("2-CV/TU", "co", [])]


def test_every_value_is_escaped():
    evil = '<img src=x onerror="alert(1)">'
    a = ("van-ban/2021/a.md", page("Thực hiện Công văn số 2-CV/TU của Tỉnh ủy Hà Nam.", so_ky_hieu="1-CV/TU",
                                   title=evil, co_quan_ban_hanh=f"Tỉnh ủy Hà Nam {evil}"))
    b = ("van-ban/2021/b.md", page(so_ky_hieu="2-CV/TU", title=evil))
    archive = build_archive([a, b])
    html = diagram_html(archive.by_src["van-ban/2021/a.md"], archive.relations, archive.ambiguous)
    assert "<img" not in html and "&lt;img" in html
    assert not re.search(r'title="[^"]*"[^>]*alert', html)


def test_agency_overview_counts_other_bodies_and_is_capped():
    cited = ("van-ban/2021/154.md", page())   # Tỉnh ủy Hà Nam
    citing = [(f"van-ban/2021/h{i}.md", page("Thực hiện Công văn số 154-CV/TU của Tỉnh ủy; Công văn số 9-CV/TU.",
                                            so_ky_hieu=f"{i + 1}-CV/HU", co_quan_ban_hanh=f"Huyện ủy Số {i}"))
              for i in range(MAX_NODES + 3)]
    archive = build_archive([cited] + citing)
    links = agency_citations(archive.relations, archive.by_src)
    ha_nam = next(a for a in archive.agencies if a.name == "Tỉnh ủy Hà Nam")
    assert len(links[ha_nam.key].cited_by) == MAX_NODES + 3 and links[ha_nam.key].cites == {}
    html = agency_diagram_html(ha_nam, links[ha_nam.key], {a.key: a for a in archive.agencies})
    assert html.count('<a class="sddc-nut sddc-nut--co"') == MAX_NODES and "+3 khác" in html
    huyen = next(a for a in archive.agencies if a.name == "Huyện ủy Số 0")
    assert links[huyen.key].missing == 1   # 9-CV/TU is not held
    # two sentences, with the space between them (html_text collapses the note's own spaces)
    assert "nhất trước. Ngoài ra có 1 lần dẫn chiếu văn bản chưa có trong kho." in agency_diagram_html(
        huyen, links[huyen.key], {a.key: a for a in archive.agencies})
