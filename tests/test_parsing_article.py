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


@pytest.mark.parametrize("text, expected", [
    # the date after the document's own number is its date; "Chủ tịch UBND" speaks for the committee
    ("Triển khai phòng chống thiên tai\nUBND huyện Krông Nô vừa ban hành Kế hoạch số 45/KH-UBND ngày 12/3/2024 về phòng, "
     "chống thiên tai năm 2024.\nTheo đó, các xã tổ chức rà soát.",
     ("45/KH-UBND", "2024-03-12", "Kế hoạch", "Ủy ban nhân dân huyện Krông Nô")),
    ("Tăng cường phòng cháy rừng\nNgày 05/01/2024, Chủ tịch UBND huyện Đắk Song đã ký ban hành Công văn số 12/UBND-NN về "
     "việc tăng cường công tác phòng cháy, chữa cháy rừng.\nTheo đó, yêu cầu các xã thực hiện.",
     ("12/UBND-NN", "2024-01-05", "Công văn", "Ủy ban nhân dân huyện Đắk Song")),
    ("Huyện ủy ban hành Nghị quyết\nBan Thường vụ Huyện ủy Tuy Đức vừa ban hành Nghị quyết số 10-NQ/HU ngày 15/8/2023 về "
     "phát triển nông nghiệp ứng dụng công nghệ cao.\nNghị quyết đề ra mục tiêu.",
     ("10-NQ/HU", "2023-08-15", "Nghị quyết", "Ban Thường vụ Huyện ủy Tuy Đức")),
    ("Hướng dẫn tiêm chủng\nSở Y tế tỉnh Đắk Nông đã ban hành Hướng dẫn số 15/HD-SYT ngày 2/2/2024 hướng dẫn tiêm chủng "
     "mở rộng.\nTheo đó, các trạm y tế thực hiện.", ("15/HD-SYT", "2024-02-02", "Hướng dẫn", "Sở Y tế tỉnh Đắk Nông")),
])
def test_a_news_post_gives_the_document_it_reports(text, expected):
    from vanban.parsing.extract import extract
    doc = extract(text).doc
    assert (doc.so_ky_hieu, doc.ngay_ban_hanh, doc.loai_van_ban, doc.co_quan_ban_hanh) == expected
    assert doc.van_ban_dan_chieu == []
