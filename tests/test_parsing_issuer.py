"""The converter names the issuer as the register does (vanban/parsing/issuer.py via extract).

Each case is the head of a real document from the corpus (portal text, OCR scans, Party and State
documents), cut to the lines that decide the issuer.
"""
import pytest

from vanban.parsing.extract import extract

# (source, header text, co_quan_ban_hanh, ma_co_quan, flagged for review)
CASES = [
    ("OCR, Party: the organ named in the title issues, BCH TW is its parent", """\
BAN CHAP HANH TRUNG UONG DANG CONG SAN VIET NAM
*
Số 77-KL/TW Hà Nội, ngày 05 tháng 6 năm 2020
KÉT LUẬN
CỦA BỘ CHÍNH TRỊ
về chủ trương khắc phục tác động của đại dịch Covid-19
để phục hồi và phát triển nền kinh tế đất nước
Tại phiên họp ngày 29/5/2020, sau khi nghe Ban cán sự đảng Chính phủ báo cáo về Đề án, Bộ Chính trị đã thảo luận và kết luận:
""", "Bộ Chính trị", "bo-chinh-tri", False),
    ("OCR: the recipient's received header above the real masthead is not the issuer", """\
CUC THUE TINH HOA BINH

BỘ TÀI CHÍNH | Chuyển:......... CỘNG |HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỎNG CỤC 'G CỤC THUÊSZ và ký hiệu HS: Độc lập - Tự do - Hạnh phúc

Số:470/TCT-TTKT Hà Nội, ngày 05 tháng 5 năm 2020
V/v thực hiện kê hoạch thanh tra,
kiêm tra thuê năm 2020.

Kính gửi: Cục Thuế các tỉnh, thành phố trực thuộc Trung ương.

Trong thời gian qua, Tổng cục Thuế nhận được một số công văn xin ý kiến của Cục Thuế tỉnh, thành phố về việc thực hiện kế hoạch.
""", "Tổng cục Thuế", "tong-cuc-thue", True),
    ("OCR: trailing motto junk is dropped", """\
BO TAI CHINH CONG HOA Í CHU NGHĨA VIET NAM
TONG CUC THUE Doc lọc Tự do - Hạnh phúc
864305 /TCT-KK. Hà Nội, ngdy, Jf tháng 4 năm 2022
V/V triển khai cung cấp thông tin
về tài khoản thanh toán của người nộp thuế.
Kính gửi:
Căn cứ quy định của Luật Quản lý thuế số 38/2019/QH14, Nghị định số 126/2020/NĐ-CP ngày 19/10/2020 của Chính phủ quy định chi tiết.
""", "Tổng cục Thuế", "tong-cuc-thue", False),  # the masthead's last line, read without marks (known_spelling)
    ("OCR: a parent glued to its child becomes the child", """\
TONG CỤC THUẾ CỘNG HOA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CỤC THUẾ TP HÀ NỘI Độc lập - Tự do - Hạnh phúc
$6:2.9992 JCTHN-KK Hà Nội, ngàytháng,ÿ năm 2021
‘VW nộp hồ sơ khai thuế trong thời gian thực hiện Chỉ thị 17/CT-UBND
Kính gửi: Người nộp thuế trên địa bản Thành phố Hà Nội
Thực hiện theo Chỉ thị số 17/CT-UBND ngày 23/7/2021 của Ủy ban nhân dân Thành phố Hà Nội về việc thực hiện giãn cách xã hội.
""", "Cục Thuế thành phố Hà Nội", "cuc-thue-tinh.ha-noi", False),
    ("OCR, State: the provincial parent gives the department its place", """\
ỦY BAN NHÂN DÂN CONG HÒA XÃ HOI CHỦ NGHIA ŸIƑÏ NAM
THANH PHO HO CHI MINH Độc lập - Tự do - Hanh phúc
SỞ Y TẾ
86:5619 SYT-NVY Thành phố Hồ Chí Minh, ngày 10 tháng 4 năm 2020
VWv triển khai hướng dẫn y tế phòng chống dịch COVID-19
Kính gửi: Các bệnh viện trên địa bàn Thành phố.
Căn cứ Công văn số 2601/VPCP-KGVX ngày 03 tháng 4 năm 2020 của Văn phòng Chính phủ về việc thực hiện.
""", "Sở Y tế thành phố Hồ Chí Minh", "so-y-te.ho-chi-minh", False),
    ("Portal table text: UBND written out, the place in capitals", """\
|
**ỦY BAN NHÂN
DÂN **
TỈNH ĐẮK LẮK
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 012/CT-UBND
|
Đắk Lắk, ngày 15 tháng 10 năm 2025
|
CHỈ THỊ
Về việc tăng cường công tác phòng, chống thiên tai năm 2025
Thực hiện Công điện số 217/CĐ-TTg ngày 10/10/2025 của Thủ tướng Chính phủ về việc chủ động ứng phó.
""", "Ủy ban nhân dân tỉnh Đắk Lắk", "ubnd.dak-lak", False),
    ("A body the register does not know is kept as written and flagged", """\
BỘ Y TẾ
VIỆN VỆ SINH DỊCH TỄ HẢI ĐẢO XA
Số: 12/VSDT-KH
Hà Nội, ngày 5 tháng 3 năm 2021
V/v phòng chống dịch
Kính gửi: Các đơn vị.
Thực hiện chỉ đạo của Bộ Y tế về việc phòng, chống dịch bệnh trong tình hình mới, Viện đề nghị các đơn vị như sau.
""", "Bộ Y tế viện vệ sinh dịch tễ hải đảo xa", None, True),  # casing as official_case gives it
]


@pytest.mark.parametrize("source,text,name,body_id,flagged", CASES, ids=[c[0] for c in CASES])
def test_issuer_from_real_headers(source, text, name, body_id, flagged):
    doc = extract(text).doc
    assert (doc.co_quan_ban_hanh, doc.ma_co_quan) == (name, body_id)
    assert ("co_quan_ban_hanh" in doc.can_xac_minh) == flagged
