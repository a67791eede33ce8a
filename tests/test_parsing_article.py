import pytest

from vanban.parsing.article import parse_article


@pytest.mark.parametrize("lines,date", [
    (["Ngày 21/7, Thường trực Ban Bí thư có Điện gửi các tỉnh ủy về việc tăng cường phòng, chống dịch."], (None, 7, 21)),
    # a date after a cited number belongs to the citation, not to the report
    (["Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025 của Bộ Chính trị, Ban Chỉ đạo có Công văn gửi các bộ về việc sắp xếp."],
     None),
])
def test_article_date_opens_the_lead(lines, date):
    assert parse_article(lines).date == date


@pytest.mark.parametrize("lead, expected", [
    # a district or provincial portal's post on a letter: the document first, then who speaks through it
    ("(quangngai.gov.vn) - Tại Công văn số 2231/UBND-NNTN ngày 12/6/2024, Chủ tịch UBND tỉnh đã có ý kiến chỉ đạo về "
     "việc phòng, chống hạn hán trong mùa khô.", ("Công văn", "2231/UBND-NNTN", (2024, 6, 12), "UBND tỉnh", "quangngai.gov.vn")),
    # a page presenting a decision by one sentence
    ("Quyết định số 15/2005/QĐ-UB, ngày 03/02/2005 của UBND tỉnh Đắk Nông về việc thành lập Sở Tư pháp tỉnh:",
     ("Quyết định", "15/2005/QĐ-UB", (2005, 2, 3), "UBND tỉnh Đắk Nông", None)),
    ("Theo Kế hoạch số 45/KH-UBND ngày 2 tháng 3 năm 2024, UBND huyện Krông Nô yêu cầu các xã rà soát hộ nghèo.",
     ("Kế hoạch", "45/KH-UBND", (2024, 3, 2), "UBND huyện Krông Nô", None)),
    # a post about an event that names a plan in passing is about no document
    ("Lễ hội năm nay diễn ra trong 3 ngày tại quảng trường theo Kế hoạch số 55/KH-UBND ngày 25/3/2025 của UBND tỉnh.",
     (None, None, None, None, None)),
    ("Thực hiện Kế hoạch số 12/KH-UBND ngày 2/3/2024 của UBND huyện, Phòng Văn hóa và Thông tin tổ chức hội thi.",
     (None, None, None, None, None)),
    # a summary of a document whose number the post does not give names only its type
    ("Thông tư quy định rõ đối tượng áp dụng gồm:", ("Thông tư", None, None, None, None)),
])
def test_a_post_about_one_document(lead, expected):
    art = parse_article(["Tin tức", lead, "Các đơn vị triển khai thực hiện nghiêm túc."])
    assert (art.doc_type, art.symbol, art.date, art.issuer, art.nguon) == expected


def test_a_post_gives_the_document_it_is_about():
    from vanban.parsing.extract import extract
    doc = extract("(quangngai.gov.vn) - Tại Công văn số 2231/UBND-NNTN ngày 12/6/2024, Chủ tịch UBND tỉnh đã có ý kiến "
                  "chỉ đạo về việc thực hiện Công điện số 17/CĐ-TTg ngày 10/6/2024 của Thủ tướng Chính phủ.\n"
                  "Chủ tịch UBND tỉnh giao Sở Nông nghiệp chủ trì thực hiện.\nTác giả: Minh Anh\n").doc
    assert (doc.so_ky_hieu, doc.loai_van_ban, doc.ngay_ban_hanh, doc.co_quan_ban_hanh) == \
        ("2231/UBND-NNTN", "Công văn", "2024-06-12", "Ủy ban nhân dân tỉnh Quảng Ngãi")
    assert [c.so_ky_hieu for c in doc.van_ban_dan_chieu] == ["17/CĐ-TTg"]  # its own number is not a citation
