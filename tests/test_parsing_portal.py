"""vanban.parsing.portal: the legal portal's metadata table and news summary, witnesses of the header fields."""
import pytest

from vanban.parsing.portal import summary_subject


@pytest.mark.parametrize("raw,subject", [
    # 17899/BTC-VP has no subject line of its own: the portal's summary gives it.
    ("## Lịch tập huấn nghiệp vụ thuế\n**Ngày 18/11/2025, Bộ Tài chính đã ban hành Công văn 17899/BTC-VP về việc bồi "
     "dưỡng, tập huấn nghiệp vụ thuế cho công chức, viên chức cấp xã****Lịch tập huấn nghiệp vụ thuế **",
     "Về việc bồi dưỡng, tập huấn nghiệp vụ thuế cho công chức, viên chức cấp xã"),
    ("**Ngày 3/12/2025, Thủ tướng Chính phủ ban hành Quyết định 2639/QĐ-TTg về việc bổ sung có mục tiêu (đợt 2).****Bổ",
     "Về việc bổ sung có mục tiêu (đợt 2)"),
    # 10988/BNV-CQĐP: the summary says what it does, not "về việc": no subject from it.
    ("**Ngày 21/11/2025, Bộ Nội vụ đã ban hành Công văn 10988/BNV-CQĐP tuyên truyền chủ trương.****Thông tin **", None),
])
def test_the_portal_summary_witnesses_the_subject(raw, subject):
    assert summary_subject(raw) == subject
