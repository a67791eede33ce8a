""".docx originals of commune, district and provincial offices, built here from the layouts of
NĐ 30/2020/NĐ-CP Phụ lục I and HD 36-HD/VPTW (no third-party file is read): the header as a table of
one or two rows or as tab-separated lines, headings with their subject on the next paragraph, the
signature as a table; names of places and people of Tây Nguyên's and the north's peoples."""
import io

import pytest

from vanban.convert import convert_bytes

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
PARTY = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
NOI_NHAN = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]


def _docx(header_rows, body, signer, tabs=None) -> bytes:
    import docx
    document = docx.Document()

    def fill(cell, lines):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)

    if tabs:
        for line in tabs:
            document.add_paragraph(line)
    else:
        table = document.add_table(rows=len(header_rows), cols=2)
        for row, (left, right) in zip(table.rows, header_rows):
            fill(row.cells[0], left)
            fill(row.cells[1], right)
    for paragraph in body:
        document.add_paragraph(paragraph)
    row = document.add_table(rows=1, cols=2).rows[0]
    fill(row.cells[0], NOI_NHAN)
    fill(row.cells[1], signer)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


CASES = [
    # a commune's letter: agency | motto in the first row, Số and V/v | place and date in the second
    (dict(header_rows=[(["ỦY BAN NHÂN DÂN", "XÃ NAM ĐÀ"], MOTTO),
                       (["Số: 215/UBND-VP", "V/v tăng cường phòng cháy, chữa cháy rừng"], ["Nam Đà, ngày 05 tháng 01 năm 2024"])],
          body=["Kính gửi:", "- Các thôn, bon trên địa bàn xã;", "- Các trường học trên địa bàn xã.",
                "Thực hiện Công văn số 45/UBND-NN ngày 02/01/2024 của UBND huyện Krông Nô về phòng cháy, chữa cháy rừng "
                "mùa khô năm 2024, UBND xã yêu cầu các thôn, bon thực hiện tốt các nội dung sau:",
                "Yêu cầu các đơn vị nghiêm túc thực hiện./."],
          signer=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Y Thanh Bkrông"]),
     ("215/UBND-VP", "Công văn", "2024-01-05", "Ủy ban nhân dân xã Nam Đà", "Y Thanh Bkrông", ["45/UBND-NN"])),
    # the header typed with tabs instead of a table; a decision of the commune's chairman
    (dict(header_rows=None, tabs=["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                  "XÃ ĐẮK DRÔ\tĐộc lập - Tự do - Hạnh phúc", "Số: 36/QĐ-UBND\tĐắk Drô, ngày 20 tháng 02 năm 2024"],
          body=["QUYẾT ĐỊNH", "Về việc thành lập Tổ công tác rà soát hộ nghèo năm 2024", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐẮK DRÔ",
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "QUYẾT ĐỊNH:", "Điều 1. Thành lập Tổ công tác."],
          signer=["CHỦ TỊCH", "", "", "Nguyễn Thị Hồng Nhung"]),
     ("36/QĐ-UBND", "Quyết định", "2024-02-20", "Ủy ban nhân dân xã Đắk Drô", "Nguyễn Thị Hồng Nhung", [])),
    # HD 36: a Huyện ủy's plan, its subject in ordinary case under the heading, then a rule
    (dict(header_rows=[(["ĐẢNG BỘ TỈNH ĐẮK NÔNG", "HUYỆN ỦY KRÔNG NÔ", "*", "Số 112-KH/HU"],
                        PARTY + ["", "Krông Nô, ngày 14 tháng 3 năm 2024"])],
          body=["KẾ HOẠCH", "tổ chức các hoạt động kỷ niệm 94 năm Ngày thành lập Đoàn", "-----",
                "Thực hiện Hướng dẫn số 45-HD/BTGTU ngày 01/3/2024 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Huyện ủy "
                "xây dựng Kế hoạch như sau:", "I. MỤC ĐÍCH, YÊU CẦU"],
          signer=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "", "Lê Văn Hùng"]),
     ("112-KH/HU", "Kế hoạch", "2024-03-14", "Huyện ủy Krông Nô", "Lê Văn Hùng", ["45-HD/BTGTU"])),
    # a district's notice: a long subject on one paragraph, the body right under it
    (dict(header_rows=[(["ỦY BAN NHÂN DÂN", "HUYỆN CƯ JÚT", "-------", "Số: 88/TB-UBND"],
                        MOTTO + ["---------------", "Cư Jút, ngày 29 tháng 6 năm 2023"])],
          body=["THÔNG BÁO", "Kết luận của Chủ tịch UBND huyện tại buổi làm việc với xã Cư Knia về công tác quản lý đất đai",
                "Ngày 26/6/2023, đồng chí Chủ tịch UBND huyện đã chủ trì buổi làm việc với UBND xã Cư Knia."],
          signer=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "", "", "Trần Văn Sơn"]),
     ("88/TB-UBND", "Thông báo", "2023-06-29", "Ủy ban nhân dân huyện Cư Jút", "Trần Văn Sơn", [])),
    # a department's report; "(Đã ký)" between title and name
    (dict(header_rows=[(["UBND TỈNH ĐẮK NÔNG", "SỞ TƯ PHÁP", "_______"], MOTTO + ["_____________________"]),
                       (["Số: 1042/BC-STP"], ["Đắk Nông, ngày 15 tháng 11 năm 2023"])],
          body=["BÁO CÁO", "Kết quả công tác tư pháp năm 2023 và phương hướng nhiệm vụ năm 2024",
                "Thực hiện Công văn số 5566/UBND-NC ngày 20/10/2023 của UBND tỉnh, Sở Tư pháp báo cáo như sau:"],
          signer=["GIÁM ĐỐC", "", "(Đã ký)", "", "Phạm Văn Tuấn"]),
     ("1042/BC-STP", "Báo cáo", "2023-11-15", "Sở Tư pháp tỉnh Đắk Nông", "Phạm Văn Tuấn", ["5566/UBND-NC"])),
    # the Front's standing board of a commune; a place and a signer named in Ê Đê / M'Nông
    (dict(header_rows=[(["ỦY BAN MTTQ VIỆT NAM", "XÃ NÂM N'JANG", "BAN THƯỜNG TRỰC", "Số: 21/CV-MTTQ-BTT",
                         "V/v vận động ủng hộ Quỹ Vì người nghèo"], MOTTO + ["Nâm N'Jang, ngày 10 tháng 10 năm 2023"])],
          body=["Kính gửi: Các Ban công tác Mặt trận thôn, bon.",
                "Ban Thường trực đề nghị các Ban công tác Mặt trận thực hiện tốt cuộc vận động./."],
          signer=["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "", "", "H'Lan Niê"]),
     ("21/CV-MTTQ-BTT", "Công văn", "2023-10-10", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Nâm N'Jang",
      "H'Lan Niê", [])),
]


@pytest.mark.parametrize("layout, expected", CASES)
def test_office_docx_gives_every_field(layout, expected):
    result = convert_bytes(_docx(**layout), "van-ban.docx")
    meta = result.metadata
    assert (meta["so_ky_hieu"], meta["loai_van_ban"], meta["ngay_ban_hanh"], meta["co_quan_ban_hanh"], meta["nguoi_ky"],
            [c["so_ky_hieu"] for c in meta.get("van_ban_dan_chieu") or []]) == expected
    assert not {"so_ky_hieu", "loai_van_ban", "ngay_ban_hanh", "co_quan_ban_hanh", "nguoi_ky", "trich_yeu"} & \
        set(meta.get("can_xac_minh") or [])


def _word_html(layout, charset: str) -> bytes:
    """The same document saved by Word as a web page: MsoNormal paragraphs in a table, mso- styles,
    Word's conditional comments; Windows-1252 with entities, UTF-8, or Windows-1258 (tone marks combining)."""
    import unicodedata

    def para(text):
        return (f"<p class=MsoNormal align=center style='text-align:center'><span lang=VI style='font-size:13.0pt;"
                f"mso-bidi-font-size:12.0pt'>{text}<o:p></o:p></span></p>")

    def cell(lines):
        return "<td width=300 valign=top style='width:225.0pt;padding:0cm 5.4pt'>" + "".join(map(para, lines)) + "</td>"

    rows = "".join(f"<tr style='mso-yfti-irow:0'>{cell(left)}{cell(right)}</tr>" for left, right in layout["header_rows"])
    body = (f"<table class=MsoNormalTable border=0 cellspacing=0>{rows}</table>" + "".join(map(para, layout["body"]))
            + f"<table class=MsoNormalTable border=0><tr>{cell(NOI_NHAN)}{cell(layout['signer'])}</tr></table>")
    page = (f"<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta http-equiv=Content-Type "
            f"content='text/html; charset={charset}'><meta name=ProgId content=Word.Document><!--[if gte mso 9]><xml>"
            f"<w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--></head><body lang=EN-US>"
            f"<div class=WordSection1>{body}</div></body></html>")
    if charset == "windows-1258":
        return unicodedata.normalize("NFD", page).encode("cp1258", errors="xmlcharrefreplace")
    return page.encode("cp1252" if charset == "windows-1252" else "utf-8", errors="xmlcharrefreplace")


@pytest.mark.parametrize("charset", ["windows-1252", "utf-8", "windows-1258"])
@pytest.mark.parametrize("layout, expected", [case for case in CASES if case[0]["header_rows"]][:3])
def test_office_word_html_gives_every_field(layout, expected, charset):
    meta = convert_bytes(_word_html(layout, charset), "van-ban.htm").metadata
    assert (meta["so_ky_hieu"], meta["loai_van_ban"], meta["ngay_ban_hanh"], meta["co_quan_ban_hanh"], meta["nguoi_ky"],
            [c["so_ky_hieu"] for c in meta.get("van_ban_dan_chieu") or []]) == expected
