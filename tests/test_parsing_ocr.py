"""vanban.parsing.ocr: recognising OCR text and the second witnesses that confirm what it says.
Snippets are copied from real scans (tax office letters, a Government resolution)."""
import pytest

from vanban.parsing.extract import extract
from vanban.parsing.ocr import (garbled_number, garbled_so_line, join_spaced_digits, join_spaced_number, looks_ocr,
                               slashless_so_line, stamp_signer, type_from_number_line, witnesses)
from vanban.schema import validate
from vanban.symbols import parse_symbol

TOOL_HEADER = ('---\ntitle: "CV 2020 03 12 CV 104612032020TCTTrien khai"\ncategory: "Natural"\n'
               'source_folder: "."\nconversion_date: "2025-11-21"\noriginal_format: "pdf"\n---\n')
PORTAL = "| **VĂN PHÒNG CHÍNH PHỦ** ------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc\n"


@pytest.mark.parametrize("text, expected", [
    (TOOL_HEADER + "BỘ TÀI CHÍNH\n", True),                                     # the tool's own header
    ("Ký bởi: Tổng cục Thuế\nĐịa chỉ: Tổng cục thuế.\nThời gian ký: 22.04.2021 13:55\n", True),  # signature stamp
    ("phố trực thuộc Trung ương nghiêm túc triển khai.\n--- PAGE BREAK ---\n2\n", True),        # page break
    ("Số: 3556 /TTKSBT ngày 46 tháng ÿ năm 2021 ë ï ü ö ¿ £0", True),           # confusable characters
    (PORTAL + "Số: 450/VPCP-QHQT Hà Nội, ngày 18 tháng 01 năm 2022\n", False),
    ("---\ntitle: Công văn 154-CV/TU\nso_ky_hieu: 154-CV/TU\n---\nNội dung.\n", False),  # staff front matter
])
def test_looks_ocr(text, expected):
    assert looks_ocr(text) is expected


@pytest.mark.parametrize("title, number, date", [
    ("CV 2020 03 12 CV 104612032020TCTTrien khai", "1046", "2020-03-12"),
    ("CV 2021 06 09 CV 2000 09062021 TCT Gioi thieu", "2000", "2021-06-09"),
    ("CV Undated CV 4451291122TCTTiep tuc", "4451", "2022-11-29"),
    ("CV Undated CV 677019720CTHCMCham nop", "6770", "2020-07-19"),
    ("Doc 0943 01 01 10943 BYTMT  Huong dan", "10943", None),
])
def test_file_title_witnesses_number_and_date(title, number, date):
    seen = witnesses(TOOL_HEADER.replace("CV 2020 03 12 CV 104612032020TCTTrien khai", title), {})
    assert number in seen.numbers
    assert date is None or date in seen.dates
    assert "4046" not in seen.numbers  # the OCR misread of 1046 is not confirmed


def test_annex_self_reference_confirms_the_number():
    text = "(Kèm theo công văn s6.2000/TCT-OLRR ngày OF / 6 /2021 của Tổng cục Thué)\n"
    seen = witnesses(text, {})
    assert seen.confirm_symbol("2000/TCT-QLRR") and not seen.confirm_symbol("2001/TCT-QLRR")
    assert not seen.dates  # "ngày OF / 6 /2021" says no date


def test_portal_table_and_stamp_witnesses():
    seen = witnesses("Ký bởi: Nguyễn Văn Phụng\nThời gian ký: 01.03.2023 15:52\n",
                     {"so_ky_hieu": "84/NQ-CP", "ngay_ban_hanh": "29/05/2020"})
    assert seen.confirm_symbol("84/NQ-CP") and seen.confirm_date("2020-05-29")
    assert seen.confirm_signer("NGUYỄN VĂN PHỤNG") and not seen.confirm_signer("Nguyễn Văn Phong")


@pytest.mark.parametrize("stamp, signer", [
    ("Ký bởi: Tổng cục Thuế\nThời gian ký: 22.09.2021 14:40", None),  # an agency, not a person
    ("Ký bởi: Nguyễn Văn Phụng\nEmail: x@gdt.gov.vn", "Nguyễn Văn Phụng"),
])
def test_stamp_signer_is_a_person(stamp, signer):
    assert stamp_signer(stamp) == signer


@pytest.mark.parametrize("line, joined", [
    ("Số: 1 0 9 4 3 /BYT-MT Hà Nội, ngày 2 4 tháng 12 năm 2021", "Số: 10943 /BYT-MT Hà Nội, ngày 24 tháng 12 năm 2021"),
    ("Số: 84/NQ-CP Hà Nội, ngày 29 tháng 5 năm 2020", "Số: 84/NQ-CP Hà Nội, ngày 29 tháng 5 năm 2020"),
    ("Số: 6770/CTTPHCM-KK Thành pho Hỗ Chi Minh, ngài: 19 tháng 7 nam 2021",
     "Số: 6770/CTTPHCM-KK Thành pho Hỗ Chi Minh, ngày 19 tháng 7 nam 2021"),
])
def test_join_spaced_digits(line, joined):
    assert join_spaced_digits(line) == joined


SCAN = TOOL_HEADER + """BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TONG CYC THUE Độc lập - Tự do - Hanh phúc
Số: {number} /TCT-TTKT Hà Nội, ngày {day} thang 3 năm 2020
V/v triển khai và tăng cường
công tác thanh tra, kiêm tra .
Kính gửi: Cục trưởng Cục Thuế các tỉnh, thành phó trực thuộc Trung ương.

Tổng cục Thuế yêu cầu các đồng chí Cục trưởng Cục Thuế các tỉnh, thành phố trực thuộc Trung ương nghiêm túc triển khai thực hiện.
"""


@pytest.mark.parametrize("number, day, flagged_number, date", [
    ("1046", "12", False, "2020-03-12"),  # the file's title agrees: not flagged
    ("1046", "A2", False, None),          # "ngàyA2": partly illegible, null (never guessed)
])
def test_ocr_fields_are_flagged_unless_a_witness_agrees(number, day, flagged_number, date):
    doc = extract(SCAN.format(number=number, day=day)).doc
    assert doc.nguon_ocr and doc.so_ky_hieu == f"{number}/TCT-TTKT"
    assert ("so_ky_hieu" in doc.can_xac_minh) is flagged_number
    assert doc.ngay_ban_hanh == date
    assert ("ngay_ban_hanh" in doc.can_xac_minh) is (date is None)
    assert doc.loai_van_ban == "Công văn" and "loai_van_ban" not in doc.can_xac_minh  # V/v + symbol without a type code


def test_caller_can_say_the_text_is_a_scan():
    text = "UBND TỈNH HÀ NAM\nSố: 4085/UBND-ĐT\nV/v đầu tư công.\n\nỦy ban nhân dân tỉnh đề nghị các sở, ngành thực hiện.\n"
    assert not extract(text).doc.nguon_ocr
    doc = extract(text, ocr=True).doc
    assert doc.nguon_ocr and "so_ky_hieu" in doc.can_xac_minh
    assert extract(text).doc.to_front_matter().get("nguon_ocr") is None
    assert doc.to_front_matter()["nguon_ocr"] is True


@pytest.mark.parametrize("so_line, garbled", [
    ("Số: 3{85 /BNG-LS", True),        # "85" is only the end of 3185
    ("Số: 4046 /TCT-TTKT Hà Nội, ngày 12 tháng 3 năm 2020", False),
    ("$6:990/TB-TCT Hà Noi, ngayl4thing 4 ăm 2024", False),
    (None, False),
])
def test_garbled_number(so_line, garbled):
    assert garbled_number(so_line) is garbled


def test_unreadable_signature_block_falls_back_to_the_stamp_flagged():
    text = ("Ký bởi: Nguyễn Văn Phụng\nThời gian ký: 01.03.2023 15:52\n\nBO TÀI CHÍNH CỘNG HOÀ XÃ HỘI CHỦ NGHIA VIỆT NAM\n"
            "TONG CỤC THUÊ Độc lập - Tự do - Hạnh phúc\nSố: 586/TCT-TTKT Hà Nội, ngày 01 tháng 3 năm 2023\n"
            "v/v tăng cường công tác thanh tra\n\nTổng cục Thuế thông báo để các Cục Thuế biết và triển khai thực hiện.\n"
            "Noi nhận: KT. TONG CỤC TRƯỞNG\n+ Như trên: . PHO TONG CỤC TRƯỜNG\n-Lưu VT, TTKT. ,„_ ồ\n")
    doc = extract(text).doc
    assert doc.nguoi_ky == "Nguyễn Văn Phụng"
    # the stamp is the only witness, so the signer is confirmed by nothing else: flagged
    assert "nguoi_ky" in doc.can_xac_minh


@pytest.mark.parametrize("line, own_number_line", [
    ("Số: #49 /TCT-TTKT Hà Nội, ngày AF-thang 3 năm 2022", True),
    ("Sé: ##20 /TCT-DNNCN Hà Nội, ngày 06 tháng #2 năm 2021", True),
    ("sốl 0688/BYT-MT Hà Nội, ngàyló thảngU năm 2021", True),
    ("Số: 4046 /TCT-TTKT Hà Nội", False),            # a clean number is the header's to read
    ("Số lao động bị ảnh hưởng / tổng số", False),
])
def test_garbled_so_line(line, own_number_line):
    assert (garbled_so_line(["BỘ TÀI CHÍNH", line]) == 1) is own_number_line


def test_a_garbled_own_number_is_not_cited():
    text = SCAN.replace("Số: {number} /TCT-TTKT", "Số: #49 /TCT-TTKT").format(day="12")
    doc = extract(text).doc
    assert doc.so_ky_hieu is None and "so_ky_hieu" in doc.can_xac_minh
    assert not any(c.so_ky_hieu == "49/TCT-TTKT" for c in doc.van_ban_dan_chieu)


@pytest.mark.parametrize("line, joined", [
    ("(Ban hành kèm theo Công văn số1 0 9 4 3/BYT-MT ngày2 4 tháng1 2 năm 2021)",
     "(Ban hành kèm theo Công văn số10943/BYT-MT ngày2 4 tháng1 2 năm 2021)"),
    ("khoản 1 2 và 3 Điều 5", "khoản 1 2 và 3 Điều 5"),  # only a number before its symbol's slash
])
def test_join_spaced_number(line, joined):
    assert join_spaced_number(line) == joined


# (file name, number line of the OCR text, number published): the file name is a second witness.
@pytest.mark.parametrize("title, so_line, published", [
    ("CV 2020 03 12 CV 104612032020TCTTrien khai", "Số: 4046 /TCT-TTKT", "1046/TCT-TTKT"),
    ("CV 2021 07 26 CV 27682672021TCTXu phat", "Số: 2762 /TCT-PC", "2768/TCT-PC"),  # not 27682: the leading date
    ("CV Undated CV 897030320TCTGia han", "Số: 839/TCT-QLN", "897/TCT-QLN"),      # 8970 is 3 edits away
    ("CV Undated CV 4451291122TCTTiep tuc", "Số: 4454 /TCT-TTKT", "4451/TCT-TTKT"),  # the closest of 4451, 44512
    ("CV 2020 05 05 CV 1770 TCT 05052020 ke hoach", "Số: 470 /TCT-TTKT", "1770/TCT-TTKT"),
    # no witness, or one that is not an OCR misreading of it: the digits stay as read
    (None, "Số: 4046 /TCT-TTKT", "4046/TCT-TTKT"),
    ("CV 2021 06 09 CV 2000 09062021 TCT Gioi thieu", "Số: 4046 /TCT-TTKT", "4046/TCT-TTKT"),  # 3 edits
    ("CV 2020 03 12 CV 104612032020BTCTrien khai", "Số: 4046 /TCT-TTKT", "4046/TCT-TTKT"),  # another issuer's code
    ("TB 2020 03 12 TB 104612032020TCTTrien khai", "Số: 4046 /TCT-TTKT", "4046/TCT-TTKT"),  # a Thông báo's name
    ("CV Undated CV 4456 4452 TCT", "Số: 4454 /TCT-TTKT", "4454/TCT-TTKT"),                # two as close: no choice
])
def test_misread_number_is_taken_from_the_file_name(title, so_line, published):
    text = SCAN.replace("Số: {number} /TCT-TTKT", so_line).format(day="12")
    if title is None:
        text = text[text.index("BỘ TÀI CHÍNH"):] + "--- PAGE BREAK ---\n"
    else:
        text = text.replace("CV 2020 03 12 CV 104612032020TCTTrien khai", title)
    doc = extract(text).doc
    assert doc.so_ky_hieu == published and "so_ky_hieu" in doc.can_xac_minh
    read = parse_symbol(so_line).number
    if published.startswith(read + "/"):
        assert "so_ky_hieu" not in doc.ly_do_xac_minh
    else:  # staff are told what the scan read and what the file name says
        reason = doc.ly_do_xac_minh["so_ky_hieu"]
        assert f"{read}/" in reason and published.split("/")[0] in reason
        warnings = [p.message for p in validate(doc.to_front_matter()) if p.key == "so_ky_hieu"]
        assert any(reason in m for m in warnings)


def test_resolution_number_from_file_name_with_type_and_issuer_codes():
    text = ('---\ntitle: "Doc Undated NQ 116 24921 CP Ho tro"\nconversion_date: "2025-11-21"\n'
            'original_format: "pdf"\n---\nCHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n'
            'Số: 416/NQ-CP Hà Nội, ngày 2 tháng 9 năm 2021\nNGHỊ QUYẾT\n'
            'Về việc hỗ trợ người lao động gặp khó khăn do đại dịch COVID-19\n\nCHÍNH PHỦ\n'
            'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n')
    doc = extract(text).doc
    assert doc.so_ky_hieu == "116/NQ-CP" and "so_ky_hieu" in doc.can_xac_minh


@pytest.mark.parametrize("title, so_line, published", [
    ("CV Undated CV5619 So Y", "86:5619 SYT-NVY Thành phố Hồ Chí Minh, ngéspOhthang 4 năm 2020", "5619/SYT-NVY"),
    ("CV Undated CV5618 So Y", "86:5619 SYT-NVY Thành phố Hồ Chí Minh, ngéspOhthang 4 năm 2020", None),  # no witness
])
def test_number_line_without_so_and_slash_needs_a_witness(title, so_line, published):
    text = (f'---\ntitle: "{title}"\noriginal_format: "pdf"\n---\n'
            "ỦY BAN NHÂN DÂN CONG HÒA XÃ HOI CHỦ NGHIA ŸIƑÏ NAM\nTHANH PHO HO CHI MINH Độc lập - Tự do - Hanh phúc\n"
            f"SỞ Y TẾ\n{so_line}\nVWv triển khai hướng dẫn y tế\n\nSở Y tế đề nghị các đơn vị triển khai thực hiện.\n")
    lines = text.splitlines()
    found = slashless_so_line(lines, witnesses(text, {}))
    assert (str(found[1]) if found else None) == published
    doc = extract(text).doc
    assert doc.so_ky_hieu == published and "so_ky_hieu" in doc.can_xac_minh
    assert (published is None) is ("so_ky_hieu" not in doc.ly_do_xac_minh)


SCAN_BODY = TOOL_HEADER + """BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TONG CYC THUE Độc lập - Tự do - Hạnh phúc
Số: 1046 /TCT-TTKT Hà Nội, ngày 12 thang 3 năm 2020
V/v triển khai công tác thanh tra.
Kính gửi: Cục Thuế các tỉnh, thành phó trực thuộc Trung ương.

Tổng cục Thuế đề nghị các Cục Thuế triển khai thực hiện công tác thanh tra theo kế hoạch.
{body}
"""


# (OCR lines of a scan's body, citations published): real lines from tax office letters and a resolution.
@pytest.mark.parametrize("body, cited", [
    # another header's number line: an attached letter, a copy block ("SAO LỤC"), the own one without "Số:"
    ("Căn cứ công văn số 2488/TCT-CS ngày 18/6/2020.\nSé:. 248 /TCT-CS Hà Nội, ngày AP tháng & năm 2020\n"
     "= => Vive thuê tài nguyên.", ["2488/TCT-CS"]),
    ("Thực hiện Chỉ thị số 11/CT-TTg của Thủ tướng.\nSố: 17/SL-LĐLĐ\n\nNơi nhận:", ["11/CT-TTg"]),
    ("864305 /TCT-KK. Hà Nội, ngdy, Jf tháng 4 năm 2022\nthực hiện công văn số 1912/TCT-KK ngày 02/6/2021.",
     ["1912/TCT-KK"]),
    # a wrapped line that begins with "số" is running text
    ("kiểm tra thuế năm 2023 đã được phê duyệt theo Quyết định\nsố 1960/QD-TCT ngày 15/12/2022.", ["1960/QĐ-TCT"]),
    # digits after OCR debris or a lone digit are not trusted; "s6 485" is "số 485"
    ("theo quy định tại Nghị:định: sô:#1/2020/NĐGP và tiền chậm nộp", []),
    ("Nội dung.\n" * 40 + "GIỚI THIỆU MỘT SỐ NỘI DUNG MỚI CUA THONG TU SỐ 3 1/2021/TT-BTC", []),  # past the header
    ("(Kèm theo Công văn s6 485 /BNG-LS ngày 4Ÿ /8/2021)", ["485/BNG-LS"]),
    # damage undone: a fraction slash, "ngày" glued to the code, a year cut at a line end
    ("quy định tại Thông tư liên tịch số 01\u20442016/TTLT-BKHĐT-BTC ngày 23/02/2016", ["01/2016/TTLT-BKHĐT-BTC"]),
    (", Côngvăn số 6670/BYT-MTngày 16/8/2021 của Bộ Y tế", ["6670/BYT-MT"]),
    ("theo Nghị quyết số 03/202\n1/UBTVQH15 của Ủy ban Thường vụ Quốc hội", ["03/2021/UBTVQH15"]),
    # cut at a line end while the whole symbol is cited too, or cut short
    ("m 2024 theo Thông báo sô 118/TB-\nlội nghị sơ kết. Thông báo số 118/TB-TCT ngày 31/01/2024.", ["118/TB-TCT"]),
    ("thực hiện Chỉ thị số 16/CT-T\nngày 31/3/2020", []),
])
def test_scan_citations(body, cited):
    doc = extract(SCAN_BODY.format(body=body)).doc
    assert doc.nguon_ocr
    assert [c.so_ky_hieu for c in doc.van_ban_dan_chieu] == cited


@pytest.mark.parametrize("line, doc_type", [
    ("DEN i: : _¬ CHỈ THỊ", "Chỉ thị"),            # a received stamp's debris before the heading (a PM directive)
    ("| ĐẾN | : QUYẾT ĐỊNH", "Quyết định"),
    ("Tổ chức thực hiện: CHỈ THỊ", None),           # running text before it, not debris
    ("DEN i: : _¬ HÀ NỘI", None),                   # no type
])
def test_heading_after_stamp_debris(line, doc_type):
    from vanban.parsing.ocr import heading_after_debris
    assert heading_after_debris(["THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", line]) == doc_type


@pytest.mark.parametrize("so_line, doc_type", [
    ("Só: #2 /QĐ-TTg Hà Nội, ngày33 tháng 4 năm 2026", "Quyết định"),   # the digits written in by hand
    ("Số: 2 † /2026/TT-BCT Hà Nội, ngàyJ©", "Thông tư"),
    ("Số: 6 /TB-ĐHTĐ Cân Thơ, ngày 4O tháng Ð năm 2025", "Thông báo"),
    ("Số: AO5f /CT-TTHT | Hai Phong, ngày 05 tháng năm 2020", None),    # CT is Cục Thuế's code here
    ("Số: /UBND-VP", None),
])
def test_type_from_a_garbled_number_line(so_line, doc_type):
    assert type_from_number_line(so_line) == doc_type


def test_markdown_headings_of_an_ocr_tool():
    """MinerU writes headings as Markdown: "# QUYẾT ĐỊNH" is the type heading."""
    doc = extract("Số: /QĐ-UBND\n\nLai Châu, ngày tháng năm 2025\n\n# QUYẾT ĐỊNH\n\n"
                  "Về việc công bố danh mục thủ tục hành chính\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n").doc
    assert doc.loai_van_ban == "Quyết định"


# Citations whose codes OCR misread, repaired from what the sentence names (real OCR lines).
@pytest.mark.parametrize("body, cited", [
    ("Xét đề nghị của Bộ trưởng Bộ Giao thông vận tải tại Tờ trình số 9628/TTr-\nBGTTT ngày 05 tháng 09 năm 2024.",
     ["9628/TTr-BGTVT"]),
    ("Thực hiện Kắ luận số 14-KL/TH ngày 20 tháng 3 năm 2026 của Bộ Chính\ntrị về bảo đảm nguôn cung,", ["14-KL/TW"]),
    ("Bộ Nội vụ tại Tờ trình sô 252/TTy-BNV ngày l7 tháng 4 năm 2026.", ["252/TTr-BNV"]),
    ("đề nghị cử của :Bộ Nông nghiệp và Môi trường tại Tờ trình 4017/TT-\nBNNMT ngày 23 tháng 4", ["4017/TTr-BNNMT"]),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH 15 được", ["64/2025/QH15"]),
    ("Hội đồng nhân dân tỉnh tại Tờ trình số\n125TTr-HĐND ngày 09 tháng 9 năm 2024", ["125/TTr-HĐND"]),
    ("Căn cứ Quyết định số 09/QĐĐ-HĐT-ĐHTĐ ngày 12/3/2024 của Hội đồng trường", ["09/QĐ-HĐT-ĐHTĐ"]),
    ("Nghị định số 11 23/2021/NĐ-CP ngày 16 tháng 12 năm 2021", []),     # 115/2021 misread: not cited
    ("Căn cứ Nghị laMsố SỐ 60/2021/NĐ) CP ngày 21 tháng 6 năm 2021 của Chính", ["60/2021/NĐ-CP"]),
    ("Căn cứ công văn số 2488/TCT-CS ngày 18/6/2020 của Cục Thuế.", ["2488/TCT-CS"]),  # a unit code stays
])
def test_scan_citation_codes_repaired_from_the_sentence(body, cited):
    doc = extract(SCAN_BODY.format(body=body)).doc
    assert [c.so_ky_hieu for c in doc.van_ban_dan_chieu] == cited
