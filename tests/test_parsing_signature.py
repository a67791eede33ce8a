import pytest

from vanban.parsing.copyblock import parse_copy_block
from vanban.parsing.signature import column_signature, names_in, parse_signature, scan_signature

BODY = ["Nội dung.", "", "Nơi nhận:", "- Như trên,", "- Lưu VT.", "", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Đinh Thị Lụa"]


def test_signature_and_recipients():
    sig = parse_signature(BODY, len(BODY))
    assert (sig.nguoi_ky, sig.chuc_vu, sig.noi_nhan) == ("Đinh Thị Lụa", "T/M Ban Thường vụ, Phó Bí thư", ["Như trên", "Lưu VT"])
    assert 0 not in sig.taken


def test_portal_signature_order():
    lines = ["Nội dung.", "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "", "TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Hồ Đức Phớc"]
    sig = parse_signature(lines, len(lines))
    assert (sig.nguoi_ky, sig.chuc_vu) == ("Hồ Đức Phớc", "TM. Chính phủ, KT. Thủ tướng, Phó Thủ tướng")


def test_recipients_and_signature_before_an_annex_longer_than_the_text():
    """2639/QĐ-TTg: the annex's table of 34 provinces is longer than the decision itself."""
    text = ["Căn cứ Luật Tổ chức Chính phủ;", "QUYẾT ĐỊNH:", "Điều 1. Bổ sung có mục tiêu.",
            "Điều 4. Bộ trưởng các bộ chịu trách nhiệm thi hành Quyết định này./.", "",
            "Nơi nhận:", "- Như Điều 4;", "- TTg, PTTg Hồ Đức Phớc;", "- Lưu: VT, KTTH (2b).", "",
            "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Hồ Đức Phớc", "", "PHỤ LỤC", "BỔ SUNG CÓ MỤC TIÊU TỪ NGÂN SÁCH"]
    annex = [cell for n in range(1, 35) for cell in (str(n), "TUYÊN QUANG", "152.100", "")]
    lines = text + annex
    sig = parse_signature(lines, len(lines))
    assert (sig.nguoi_ky, sig.chuc_vu) == ("Hồ Đức Phớc", "KT. Thủ tướng, Phó Thủ tướng")
    assert sig.noi_nhan == ["Như Điều 4", "TTg, PTTg Hồ Đức Phớc", "Lưu: VT, KTTH (2b)"]


def test_copy_block():
    lines = BODY + ["", "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY KHÔI", "CƠ QUAN VÀ DOANH NGHIỆP TỈNH", "*", "Số 215 -BS/ĐUK",
                    "Nơi nhận:", "- Lưu Văn phòng.", "", "Sao Y bản chính", "", "Quảng Ngãi, ngày 05 tháng 7 năm 2021"]
    copy, taken, _ = parse_copy_block(lines)
    assert copy["so_ky_hieu"] == "215-BS/ĐUK" and copy["co_quan"] == "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh"
    assert (copy["dia_danh"], copy["ngay"], copy["noi_nhan"]) == ("Quảng Ngãi", "2021-07-05", ["Lưu Văn phòng"])
    assert min(taken) == len(BODY) + 1


@pytest.mark.parametrize("lines,expected", [
    # a role cut by the layout, and an OCR'd "Nơi nhân"
    (["Nội dung.", "Nơi nhân:", "- Ban Bí thư (để báo cáo),", "- Lưu Văn phòng Trung ương Đảng.", "K/T CHÁNH", "VĂN PHÒNG",
      "PHÓ CHÁNH VĂN PHÒNG", "Lê Khánh Toàn"], ("Lê Khánh Toàn", "K/T Chánh Văn phòng, Phó Chánh Văn phòng")),
    (["Nội dung.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN", "DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
      "Trương Việt Dũng"], ("Trương Việt Dũng", "TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch")),
    # an annex after the signature: the list is found far from the end, the annex adds nothing
    (["Nội dung."] * 20 + ["Nơi nhận:", "- Như Điều 8;", "- Lưu: VT.", "CHỦ TỊCH", "Lê Trường Lưu", "PHỤ LỤC",
                           "PHÂN LOẠI ĐỊA BÀN", "(Ban hành kèm theo Nghị quyết số 36/2025/NQ-HĐND)"]
     + ["Phường Phong Điền", "Nguyễn Văn An"] * 10, ("Lê Trường Lưu", "Chủ tịch")),
    # OCR debris around a role is trimmed; a garbled role is dropped, never published
    (["Nội dung.", "} - KT. TỔNG CỤC TRƯỞNG", "Nguyễn Văn Bình"], ("Nguyễn Văn Bình", "KT. Tổng cục trưởng")),
    (["Nội dung.", "KT. TONG 2 CVC TRUONG"], (None, None)),
])
def test_signature_layouts(lines, expected):
    sig = parse_signature(lines, len(lines))
    assert (sig.nguoi_ky, sig.chuc_vu) == expected


# Signature blocks of real scans: the role OCR'd beside the Nơi nhận list, debris around the name.
@pytest.mark.parametrize("lines, name", [
    (["Trung ương biết và kịp thời triển khai thực hiện./. @⁄", "Noi nhận:} - KT. TONG CỤC TRƯỞNG",
      "- Như trên; = ` TRƯỞNG", "- Lãnh đạo TCT; À", "- Lưu: VT; TTKT (3b). 39", "Dang! Ngọc Minh"], "Đặng Ngọc Minh"),
    (["nêu trên./. Ci", "Noi nhận: TL. TONG CUC TRUONG", "- Như trên; a", "- Phó Tống cục trưởng Vũ Chi Hùng (dé b/c):",
      "- Lưu: VT. HTOQT. can -", "(% :#)", "Trân Thị Thanh Bình"], "Trần Thị Thanh Bình"),
    (["đoàn (qua Ban Tài chính).", "TM. ĐOÀN CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phan Văn Anh (đã ký)"], "Phan Văn Anh"),
    (["đã được giới thiệu chính thức đến Cục Lãnh sự.", "An nh, KT. GIÁM ĐÓC", "NT PHO GIÁM BOC", "- Phòng NVY-SYT;",
      "- Luu: VT, KHNV. BỆNH TAT `", "(NNTD,NTTV/3b) Pl Phô", "Phan Thanh Tâm"], "Phan Thanh Tâm"),
    (["Tổng cục Thuế thông báo dé các Cục Thuế được biết và thực hiện./. fon!", "Noi nhận:}„ KT.TONG CUC TRƯỞNG",
      "-Nhutrén;f „ PHO pes CUC TRUONG", "- Luu: VT, TTKT(2b). gg", "Dang Ngoc Minh"], "Đặng Ngoc Minh"),
    (["Trân trọng cảm ơn./.", "Nơi nhận: KT. BỘ TRƢỞNG", "- Như trên; THỨ TRƢỞNG", "- Các Đ/c Thứ trưởng;",
      "- Cổng TTĐT Bộ Y tế; Nguyễn Trƣờng Sơn", "- Lưu: VT, MT."], "Nguyễn Trường Sơn"),  # beside the list, ƣ for ư
    # a marker ending its line, the title on the next one
    (["Tổng cục Thuế thông báo dé Công ty được biết./.", "- Như trên; KT.", "PHÓ VỤ TRƯỞNG", "- Lưu: VT, _.",
      "Hoàng Thị Hà Giang"], "Hoàng Thị Hà Giang"),
    # names inside the list are not the signer; the signer comes after it
    (["thực hiện./.", "Noi nhận: KT. BỘ TRƯỞNG, CHỦ NHIỆM", "~ Như trên; ~- PHO CHỦ NHIỆM", "Vũ Đức Dam (để b/c);",
      "- VPCP: BTCN, các PCN: Nguyễn Xuân Thà", "Nguyễn Sỹ Hiệp;", "- Luu: VT, QHQT (2). NT", "Nguyễn Xuân Thành"],
     "Nguyễn Xuân Thành"),
    # signed without a marker ("THỦ TƯỚNG" alone): the name OCR put beside the list's last item
    (["chịu trách nhiệm thi hành Quyết định này. ˆ", "Nơi nhận:", "- Như Điều 3;", "- Thủ tướng, các Phó Thủ tướng CP;",
      "- Lưu: VT, QHĐP (3)vor Phạm Minh Chính", "1i"], "Phạm Minh Chính"),
    (["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, KTTH (2).ND"], None),
    # no name legible (a signature image): nothing, and a later document's signer is not taken
    (["thi hành Nghị định này.", "Noi nhận: TM. CHÍNH PHỦ", "- Lưu: VT, KTTH (2b). 440", "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI",
      "Số: 248 /TCT-CS", "Nguyễn Văn Phụng"], None),
])
def test_scan_signature_through_ocr_noise(lines, name):
    assert scan_signature(lines, 0, len(lines)).nguoi_ky == name


# The signature column of a scan read on its own (vanban/ocr.py): real OCR lines under a seal and
# a signature, with the names printed elsewhere in the same text (the Nơi nhận list).
@pytest.mark.parametrize("column, printed, name", [
    (["*HỦ TƯỚNG", "C2 >. SN Ầ —", "tứ, 3—¬ II", "| b2 Á", "Lê Minh Hưng"], [], "Lê Minh Hưng"),
    (["TƯ", "SN", "/©-7NÚfÙ0NG", "k5 bó “6", "tan vuet", "Phạm Minh Chính"], [], "Phạm Minh Chính"),
    (["_ TM. CHÍNH PHỦ", "KT.THU TƯƠN G", "PHO THỦ TƯƠNG", "; “ Ì ÔN ụa Sư ế ị", "= “Hỗ Quốc Dũng", "Cục, đơn vị"],
     [], "Hồ Quốc Dũng"),   # the surname's mark restored
    (["Z6_ c. THỦ TƯỚNG", "Z©/⁄2=m VÌ THỦ TƯỚNG", "bá ĐI LỤC sớ? ;", "xế Hồ Đức Ph ớc -"], [], "Hồ Đức Phớc"),
    # the seal ran over the name: the name printed in the Nơi nhận list that the damaged line spells
    (["x1, THỦ TƯỚNG", "TS ƯỜN TƯỜNG", "hà T8 \\as", "* HGĐức Phóc + -  -."], ["Mai Thị Thu Vân", "Hồ Đức Phớc"],
     "Hồ Đức Phớc"),
    (["KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Z Ð NHỦ NHIỆM", ": 6 1 b", "Nhan Mạnh Cường"], ["Phạm Gia Túc", "Phạm Mạnh Cường"],
     "Phạm Mạnh Cường"),
    # nothing legible and no printed name it spells: none, never a guess
    (["KT. THỦ TƯỚNG", "= tt@ THỦ TƯỚNG", "“hsNyUyên Hòa Bình"], ["Nguyễn Ngọc Phúc"], None),
    (["HIỆU TRƯỞNG—", "1= t4 ›", "TÂY ĐÔ/,", "Nà °"], [], None),
    (["KT. BỘ TRƯỞNG", "PHÓ CHỦ NHIỆM", "Chủ Nhiệm"], [], None),
])
def test_signature_column_of_a_scan(column, printed, name):
    assert column_signature(column, printed).nguoi_ky == name


def test_names_printed_in_the_text():
    lines = ["- Thủ tướng CP, PTTg Hồ Đức Phớc;", "- VPCP: BTCN, PCN Mai Thị Thu Vân,", "THỦ TƯỚNG CHÍNH PHỦ",
             "- Lưu: VT, KTTH (2).ND"]
    assert names_in(lines) == ["Hồ Đức Phớc", "Mai Thị Thu Vân"]


@pytest.mark.parametrize("name, ok", [
    ("Nguyễn Văn An", True), ("Y Thanh Bkrông", True), ("H'Lan Niê", True), ("H' Lan Niê", True),
    ("Giàng A Páo", True), ("Điểu K'Ré", True), ("Cầm Thị Hoa", True),
    ("Tổ Chức Thực Hiện", False), ("Ủy Ban Nhân Dân", False), ("Văn Phòng Huyện", False),
])
def test_names_of_every_people(name, ok):
    from vanban.parsing.lines import is_name
    assert is_name(name) is ok
