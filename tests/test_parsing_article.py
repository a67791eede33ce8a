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
