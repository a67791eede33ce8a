"""The register of relation phrases (vanban/parsing/relation.py), on real clauses.

Each row is a clause from the corpus or the seeds (short excerpts; one from the sample archive), the
document's own type, the number cited, and the relation its clause names. The traps are
rows too: another document's history ("… được sửa đổi, bổ sung bởi Luật số …"), a law
quoted in a letter ("Luật này thay thế …"), a future or other document ("Nghị định thay
thế …"), brackets describing a document, and nouns ("theo hướng dẫn tại …").
"""
from __future__ import annotations

import pytest

from vanban.parsing.citations import find_citations, mentions
from vanban.parsing.effective import effective_from
from vanban.relation_types import RELATION_KEYS

CASES = [
    # -- căn cứ: opens its clause
    ("Quyết định", "Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20 tháng 4 năm 2023 của Chính phủ quy định chức năng",
     "14/2023/NĐ-CP", "can_cu", False),
    ("Nghị quyết", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi "
                   "Luật số 87/2025/QH15;", "64/2025/QH15", "can_cu", False),
    # the trap: the amendment is another document's history, not what this one does
    ("Nghị quyết", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi "
                   "Luật số 87/2025/QH15;", "87/2025/QH15", "dan_chieu", False),
    ("Quyết định", "Căn cứ Nghị định số 13/2010/NĐ-CP ngày 27/2/2010 của Chính phủ về sửa đổi, bổ sung một số "
                   "điều của Nghị định số 67/2007/NĐ-CP ngày 13/4/2007 của Chính phủ;", "67/2007/NĐ-CP", "dan_chieu", False),
    ("Công văn", "Căn cứ quy định tại Điều 6 và khoản 7, Điều 7 Nghị định số 96/2018/NĐ-CP ngày 30/6/2018",
     "96/2018/NĐ-CP", "can_cu", False),
    ("Quyết định", "Căn cứ Nghị định số 83/2014/NĐ-CP của Chính phủ về kinh doanh xăng dầu được sửa đổi, bổ sung "
                   "bởi Nghị định số 95/2021/NĐ-CP và Nghị định số 80/2023/NĐ-CP;", "95/2021/NĐ-CP", "dan_chieu", False),
    ("Công văn", "(Cơ quan thuế căn cứ quy định tại Nghị định số 129/2013/NĐ-CP và Nghị định số 125/2020/NĐ-CP",
     "129/2013/NĐ-CP", "dan_chieu", False),
    # -- thực hiện
    ("Công văn", "Thực hiện Công văn số 761-CV/TU, ngày 25/8/2021 của Ban Thường vụ Tỉnh ủy về việc tiếp tục",
     "761-CV/TU", "thuc_hien", False),
    ("Công văn", "Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025 và Kết luận số 221-KL/TW, ngày 28/11/2025 của "
                 "Bộ Chính trị", "221-KL/TW", "thuc_hien", False),
    ("Công văn", "chỉ đạo các cơ quan, đơn vị: Thực hiện nghiêm Thông báo số 81/TB-VPCP ngày 26/4/2021",
     "81/TB-VPCP", "thuc_hien", False),
    ("Thông báo", "và Nghị quyết số 140/NQ-CP ngày 17 tháng 5 năm 2025 của Chính phủ thực hiện Nghị quyết số "
                  "66-NQ/TW (sau đây gọi là", "66-NQ/TW", "dan_chieu", False),
    ("Công điện", "PHỤ LỤC I TỔNG HỢP KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT SỐ 66/NQ-CP NGÀY 26 THÁNG 3 NĂM 2025",
     "66/NQ-CP", "dan_chieu", False),
    # -- thay thế
    ("Công văn", "Công văn này thay thế Công văn số 3428/TTKSBT-KHNV ngày 05/8/2021 của Trung tâm",
     "3428/TTKSBT-KHNV", "thay_the", False),
    ("Công văn", "Công văn này có hiệu lực kể từ ngày ký ban hành và thay thế Công văn số 4674/BYT-MT ngày 31/8/2020 "
                 "của Bộ Y tế", "4674/BYT-MT", "thay_the", False),
    ("Quyết định", "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 1704/QĐ-CT "
                   "ngày 15/10/2007 của Chủ tịch UBND tỉnh", "1704/QĐ-CT", "thay_the", False),
    ("Quy định", "Điều 20. Quy định này thay thế Quy định số 270-QĐ/TW, ngày 06/12/2014 của Ban Bí thư về Phông lưu trữ",
     "270-QĐ/TW", "thay_the", False),
    ("Hướng dẫn", "Hướng dẫn này, các phụ lục 1, 2A, 2B, 3A, 3B kèm theo có hiệu lực từ ngày ký và thay thế các "
                  "Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022, Hướng dẫn số 21-HD/BTCTW ngày 20/9/2022",
     "21-HD/BTCTW", "thay_the", False),
    ("Nghị quyết", "Điều 3. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành và thay thế gạch đầu dòng thứ "
                   "tư điểm a mục 3 phần II Nghị quyết số 11/NQ-CP ngày 30 tháng 01 năm 2022", "11/NQ-CP", "thay_the", True),
    # a law quoted in a letter: "Luật này" is not the letter
    ("Công văn", "có hiệu lực thi hành từ ngày 01/01/2015. Luật này thay thế Luật Hải quan số 29/2001/QH10 năm 2001",
     "29/2001/QH10", "dan_chieu", False),
    # another document, or one still to be made
    ("Công văn", "tăng cường hiệu lực quản lý nhà nước trong lĩnh vực này và Nghị định thay thế Nghị định số "
                 "24/2018/NĐ-CP ngày 27/02/2018", "24/2018/NĐ-CP", "dan_chieu", False),
    ("Kế hoạch", "Triển khai thực hiện khi có sửa đổi hoặc ban hành mới Quyết định thay thế Quyết định số "
                 "118/2008/QĐ-TTg ngày 27/8/2008", "118/2008/QĐ-TTg", "dan_chieu", False),
    ("Công văn", "về tiêu chuẩn của đơn vị hành chính (thay thế Nghị quyết số 1211/2016/UBTVQH13 ngày 25/5/2016)",
     "1211/2016/UBTVQH13", "dan_chieu", False),
    # -- bãi bỏ
    ("Nghị quyết", "Điều 1. Bãi bỏ toàn bộ Nghị quyết số 30/2013/NQ-HĐND ngày 06 tháng 12 năm 2013 của Hội đồng nhân dân",
     "30/2013/NQ-HĐND", "bai_bo", False),
    ("Nghị quyết", "Nghị quyết này có hiệu lực thi hành từ ngày 28 tháng 11 năm 2025. Bãi bỏ Nghị quyết số "
                   "15/2024/NQ-HĐND ngày 16 tháng 7 năm 2024", "15/2024/NQ-HĐND", "bai_bo", False),
    ("Thông tư", "Điều 1. Bãi bỏ một phần khoản 2 Điều 1 của Thông tư số 18/2025/TT-BCT ngày 13 tháng 3 năm 2025",
     "18/2025/TT-BCT", "bai_bo", True),
    ("Công văn", "nhưng không thực hiện được do thiếu cơ sở pháp lý nên Thông tư số 66/2019/TT-BTC đã bãi bỏ. Nay Luật",
     "66/2019/TT-BTC", "dan_chieu", False),
    ("Nghị quyết", "đề nghị Hội đồng nhân dân Thành phố ban hành Nghị quyết bãi bỏ Nghị quyết số 30/2013/NQ-HĐND",
     "30/2013/NQ-HĐND", "dan_chieu", False),
    # -- sửa đổi, bổ sung: only when this document does it
    ("Công văn", "Thông tư số 06/2017/TT-BTC ngày 20/01/2017 của Bộ Tài chính sửa đổi, bổ sung khoản 1 Điều 34a "
                 "Thông tư số 156/2013/TT-BTC ngày 06/11/2013", "156/2013/TT-BTC", "dan_chieu", False),
    ("Quyết định", "Điều 1. Sửa đổi, bổ sung một số điều của Quyết định số 381/QĐ-BTC ngày 26 tháng 02 năm 2025",
     "381/QĐ-BTC", "sua_doi", True),
    ("Quyết định", "Nghị định số 95/2023/NĐ-CP ngày 29/12/2023 của Chính phủ được sửa đổi tại Nghị định số "
                   "124/2025/NĐ-CP ngày 11/6/2025", "124/2025/NĐ-CP", "dan_chieu", False),
    ("Công văn", "Trước đây: Căn cứ pháp lý để giải quyết hồ sơ đăng ký thuế điện tử là Thông tư số 110/2015/TT-BTC",
     "110/2015/TT-BTC", "dan_chieu", False),   # "căn cứ pháp lý … là": a noun, what the basis was
    # -- hướng dẫn (no clause of the corpus has this document guiding a numbered one: the sample page's)
    ("Hướng dẫn", "Hướng dẫn thực hiện Chỉ thị số 04-CT/TU, ngày 01/8/2021 của Ban Thường vụ Tỉnh ủy như sau.",
     "04-CT/TU", "huong_dan", False),
    ("Công văn", "Luật Quản lý thuế số 38/2019/QH14; hướng dẫn tại Công văn số 828/TCT-KK", "828/TCT-KK",
     "dan_chieu", False),
    ("Công văn", "được thực hiện theo hướng dẫn công văn số 585/TTKSBT-BTN ngày 22 tháng 02 năm 2021", "585/TTKSBT-BTN",
     "dan_chieu", False),
    ("Quyết định", "Căn cứ Thông tư số 89-TC/TCT ngày 09/11/1993 của Bộ Tài chính hướng dẫn thi hành Nghị định số "
                   "74/CP ngày 25/10/1993", "74/CP", "dan_chieu", False),
]


@pytest.mark.parametrize("own_type, clause, number, expected, partial", CASES,
                         ids=[f"{c[2]}-{c[3]}" for c in CASES])
def test_relation_of_a_real_clause(own_type, clause, number, expected, partial):
    found = {c.so_ky_hieu.replace(" ", ""): c for c in find_citations(clause, own_type=own_type)}
    assert number in found, sorted(found)
    assert (found[number].quan_he, found[number].mot_phan) == (expected, partial)


def test_every_value_is_listed():
    assert {c[3] for c in CASES} == set(RELATION_KEYS)


def test_an_unknown_own_type_reads_only_van_ban_nay():
    clause = "Công văn này thay thế Công văn số 18380/BTC-CST ngày 26/11/2025."
    assert find_citations(clause, own_type="Công văn")[0].quan_he == "thay_the"
    assert find_citations(clause)[0].quan_he == "dan_chieu"
    assert find_citations("Văn bản này thay thế Công văn số 18380/BTC-CST.")[0].quan_he == "thay_the"


def test_a_later_typed_mention_wins_over_an_earlier_plain_one():
    text = ("Công văn số 761-CV/TU đã nêu rõ yêu cầu. Thực hiện Công văn số 761-CV/TU, ngày 25/8/2021 của "
            "Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy yêu cầu.")
    [citation] = find_citations(text, own_type="Công văn")
    assert citation.quan_he == "thuc_hien"
    assert [m.citation.quan_he for m in mentions(text, own_type="Công văn")] == ["dan_chieu", "thuc_hien"]


def test_a_list_is_followed_only_as_far_as_its_phrase_is_read():
    listed = "Căn cứ " + "".join(f"Nghị định số {n}/2021/NĐ-CP, " for n in range(1, 40))
    kinds = [m.citation.quan_he for m in mentions(listed, own_type="Quyết định")]
    assert kinds[:5] == ["can_cu"] * 5 and kinds[-1] == "dan_chieu"   # 300 characters back, no further


EFFECT_CASES = [
    ("Chỉ thị", "Chỉ thị này có hiệu lực kể từ ngày ký.", None, True),
    ("Công văn", "Công văn này có hiệu lực kể từ ngày ký ban hành và thay thế Công văn số 4674/BYT-MT", None, True),
    ("Quyết định", "1. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2024 và thay thế", "2024-08-01", False),
    ("Nghị quyết", "1. Nghị quyết này có hiệu lực thi hành từ ngày 01 tháng 4 năm 2022, trừ", "2022-04-01", False),
    ("Quyết định", "1. Quyết định này có hiệu lực từ ngày 01 tháng 10 năm 2021.", "2021-10-01", False),
]


@pytest.mark.parametrize("own_type, clause, date, on_signing", EFFECT_CASES)
def test_effective_date_of_a_real_clause(own_type, clause, date, on_signing):
    found = effective_from(clause, own_type)
    assert (found.date, found.on_signing) == (date, on_signing)
    assert found.phrase.startswith("có hiệu lực")


@pytest.mark.parametrize("own_type, clause", [
    ("Công văn", "Luật Quản lý thuế số 38/2019/QH14 có hiệu lực kể từ ngày 01/7/2020."),  # another document
    ("Công văn", "Luật này có hiệu lực thi hành từ ngày 01/01/2015."),                   # a law quoted in a letter
    ("Quyết định", "Quyết định này có hiệu lực sau 45 ngày kể từ ngày ký."),             # counted days: never guessed
    ("Quyết định", "Kể từ ngày Quy định này có hiệu lực thi hành:"),
])
def test_no_effective_date_is_guessed(own_type, clause):
    assert effective_from(clause, own_type) is None
