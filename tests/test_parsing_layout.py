"""Readers that see the layout: .docx tables, Word HTML, saved pages, CMS files, PDF text laid out with
spaces, e-signing stamps. Fixtures are built here from the official layouts (NĐ 30/2020/NĐ-CP Phụ lục I,
HD 36-HD/VPTW); no third-party file is read."""
import io
import zipfile

import pytest

from vanban.convert import convert_bytes
from vanban.parsing.esign import signing_date, stamp_witnesses
from vanban.parsing.glued import glued_signature
from vanban.parsing.layout import from_spaced_text
from vanban.parsing.masthead import issuer_from_agency
from vanban.parsing.readers import EncodingProblem, read_layout

BODY = ("Thực hiện Công văn số 1234/UBND-KGVX ngày 10/3/2024 của Ủy ban nhân dân huyện Đắk Song về việc phòng, "
        "chống dịch bệnh, Ủy ban nhân dân xã yêu cầu các thôn, bon triển khai thực hiện nghiêm túc các nội dung sau.")


def _docx(header_left, header_right, signer_cell, noi_nhan=("Nơi nhận:", "- Như trên;", "- Lưu: VT.")) -> bytes:
    import docx
    document = docx.Document()

    def fill(cell, lines):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)

    row = document.add_table(rows=1, cols=2).rows[0]
    fill(row.cells[0], header_left)
    fill(row.cells[1], header_right)
    document.add_paragraph("Kính gửi: Các thôn, bon trên địa bàn xã.")
    document.add_paragraph(BODY)
    document.add_paragraph("Đề nghị các thôn, bon nghiêm túc thực hiện./.")
    row = document.add_table(rows=1, cols=2).rows[0]
    fill(row.cells[0], list(noi_nhan))
    fill(row.cells[1], signer_cell)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "________________"]
PARTY = ["ĐẢNG CỘNG SẢN VIỆT NAM", "________________"]


@pytest.mark.parametrize("left,right,signer,expected", [
    # NĐ 30: a commune's letter, signed for the committee by a vice-chairman.
    (["ỦY BAN NHÂN DÂN", "XÃ ĐẮK HÒA", "_______", "Số: 125/UBND-VP", "V/v triển khai công tác phòng, chống dịch"],
     MOTTO + ["Đắk Hòa, ngày 15 tháng 3 năm 2024"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Văn An"],
     ("125/UBND-VP", "2024-03-15", "Ủy ban nhân dân xã Đắk Hòa", "Nguyễn Văn An")),
    # HD 36: a board of a Tỉnh ủy, header of two levels; the motto is the Party's.
    (["TỈNH ỦY LÂM ĐỒNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số 45-CV/BTGDVTU"],
     PARTY + ["Lâm Đồng, ngày 02 tháng 6 năm 2025"], ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "", "Trần Thị Bình"],
     ("45-CV/BTGDVTU", "2025-06-02", "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng", "Trần Thị Bình")),
    # The Front's standing board of a commune (HD 36 layout for mass organisations).
    (["ỦY BAN MTTQ VIỆT NAM", "XÃ TÂN LẬP", "BAN THƯỜNG TRỰC", "Số: 12/TB-MTTQ-BTT"],
     MOTTO + ["Tân Lập, ngày 3 tháng 1 năm 2025"], ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "", "Lê Văn Cường"],
     ("12/TB-MTTQ-BTT", "2025-01-03", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Lập", "Lê Văn Cường")),
    # A district office under its UBND, with a compound unit code in the symbol.
    (["UBND HUYỆN ĐẮK SONG", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Số: 88/PTCKH-NS"],
     MOTTO + ["Đắk Song, ngày 29 tháng 6 năm 2016"], ["TRƯỞNG PHÒNG", "", "Phạm Minh Đức"],
     ("88/PTCKH-NS", "2016-06-29", "Phòng Tài chính - Kế hoạch huyện Đắk Song", "Phạm Minh Đức")),
])
def test_docx_header_and_signature_tables(left, right, signer, expected):
    result = convert_bytes(_docx(left, right, signer), "van-ban.docx")
    meta = result.metadata
    assert (meta["so_ky_hieu"], meta["ngay_ban_hanh"], meta["co_quan_ban_hanh"], meta["nguoi_ky"]) == expected


def test_docx_header_columns_are_kept_apart():
    layout = read_layout(_docx(["TỈNH ỦY LÂM ĐỒNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số 45-CV/BTGDVTU"],
                               PARTY + ["Lâm Đồng, ngày 02 tháng 6 năm 2025"], ["Trần Thị Bình"]), "x.docx")
    assert layout.left[:2] == ["TỈNH ỦY LÂM ĐỒNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN"]
    assert layout.right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM" and layout.right[-1].startswith("Lâm Đồng, ngày")


def test_docx_zip_bomb_is_refused_fast():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (120 * 1024 * 1024) + b"</w:document>")
    assert len(out.getvalue()) < 300_000
    with pytest.raises(EncodingProblem, match="zip bomb"):
        read_layout(out.getvalue(), "bom.docx")


# Word's "Save as Web Page": windows-1252 declared, Vietnamese letters outside it as entities, mso markup.
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>vt</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0in;} --></style></head>
<body lang=EN-US style='tab-interval:.5in'><div class=WordSection1>
<table class=MsoNormalTable border=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'>
  <td width=236 valign=top><p class=MsoNormal align=center><span lang=VI>&#7910;Y BAN NH\xc2N D\xc2N<o:p></o:p></span></p>
  <p class=MsoNormal align=center><b>X\xc3 &#272;&#7854;K H\xd2A</b></p>
  <p class=MsoNormal align=center>S&#7889;: 125/UBND-VP</p></td>
  <td width=400 valign=top><p class=MsoNormal align=center><b>C&#7896;NG H\xd2A X\xc3 H&#7896;I CH&#7910; NGH&#296;A VI&#7878;T NAM</b></p>
  <p class=MsoNormal align=center><b>&#272;&#7897;c l&#7853;p - T&#7921; do - H&#7841;nh ph\xfac</b></p>
  <p class=MsoNormal align=right><i>&#272;&#7855;k H\xf2a, ng\xe0y 15 th\xe1ng 3 n&#259;m 2024</i></p></td>
 </tr></table>
<p class=MsoNormal align=center><b>TH\xd4NG B\xc1O<o:p></o:p></b></p>
<p class=MsoNormal align=center><b>V&#7873; vi&#7879;c t&#7893; ch&#7913;c l&#7877; ra qu\xe2n<o:p></o:p></b></p>
<p class=MsoNormal style='text-indent:.5in'><![if !supportLists]>-<![endif]>Th&#7921;c hi&#7879;n K&#7871; ho&#7841;ch
s&#7889; 15/KH-UBND ng\xe0y 2/3/2024 c&#7911;a &#7910;y ban nh\xe2n d\xe2n huy&#7879;n, &#7910;y ban nh\xe2n d\xe2n x\xe3
th\xf4ng b\xe1o t&#7899;i c\xe1c th\xf4n, bon n&#7897;i dung sau.</p>
<template><p>S&#7889;: 999/UBND-GIA</p></template><textarea>S&#7889;: 998/UBND-GIA</textarea>
<script>document.write("S&#7889;: 997/UBND-GIA")</script>
<table><tr><td><p class=MsoNormal><b>N&#417;i nh&#7853;n:</b></p><p class=MsoNormal>- L&#432;u: VT.</p></td>
<td><p class=MsoNormal align=center><b>CH&#7910; T&#7882;CH</b></p><p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal align=center><b>Nguy&#7877;n V&#259;n An</b></p></td></tr></table>
</div></body></html>"""


def test_word_html_is_read_by_its_charset_and_layout():
    result = convert_bytes(WORD_HTML.encode("cp1252"), "thong-bao.htm")
    meta = result.metadata
    assert result.status != "error", result.error
    assert (meta["so_ky_hieu"], meta["loai_van_ban"], meta["ngay_ban_hanh"], meta["co_quan_ban_hanh"], meta["nguoi_ky"]) == \
        ("125/UBND-VP", "Thông báo", "2024-03-15", "Ủy ban nhân dân xã Đắk Hòa", "Nguyễn Văn An")
    assert [c["so_ky_hieu"] for c in meta["van_ban_dan_chieu"]] == ["15/KH-UBND"]


def test_hidden_html_is_never_read():
    text = read_layout(WORD_HTML.encode("cp1252"), "x.htm").text
    assert "999" not in text and "998" not in text and "997" not in text and "mso-style" not in text


def test_saved_portal_page_keeps_the_article_not_the_chrome():
    chrome = "<li><a href='/a'>Giới thiệu chung về huyện</a></li>" * 30
    article = ("<p>Ngày 20/5/2025, Ủy ban nhân dân tỉnh Bình Định đã ban hành Công văn số 4154/UBND-KT về việc bảo đảm "
               "an toàn thi công xây dựng và phòng chống sạt lở trong mùa mưa lũ trên địa bàn tỉnh.</p>") * 4
    page = (f"<html><head><title>Trang thông tin điện tử Huyện Tuy Phước</title></head><body>"
            f"<div id='wm-ipp-base'>Wayback Machine 2025 captures</div><div class='banner'>TRANG THÔNG TIN ĐIỆN TỬ "
            f"HUYỆN TUY PHƯỚC</div><ul class='menu'>{chrome}</ul><div class='news-detail'><h1>Chủ tịch UBND tỉnh chỉ "
            f"đạo bảo đảm an toàn thi công xây dựng</h1>{article}</div><footer>Bản quyền thuộc UBND huyện</footer>"
            "</body></html>")
    text = read_layout(page.encode(), "tin.html").text
    assert "Wayback" not in text and "Giới thiệu chung" not in text and "Bản quyền" not in text
    assert text.startswith("Chủ tịch UBND tỉnh chỉ đạo") and "4154/UBND-KT" in text


def _portal_with_document(body_paragraphs: int, noi_nhan: list[str]) -> bytes:
    """A portal article that pastes a whole document: the header table, the body, the signature table."""
    def table(left, right):
        return ("<table style='width:100%'><tr>" + "".join("<td>" + "".join(f"<p>{x}</p>" for x in side) + "</td>"
                                                         for side in (left, right)) + "</tr></table>")
    menu = "<li><a href='/a'>Giới thiệu chung về huyện</a></li>" * 30
    related = "".join(f"<li><a href='/vb/{k}'>Kế hoạch số {k}/KH-UBND ngày 12/3/2024 về tổ chức Ngày hội</a></li>"
                      for k in (45, 46, 47))
    document = (table(["ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "Số: 435/QĐ-UBND"],
                      ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Kon Tum, ngày 04 tháng 5 năm 2020"])
                + "<p>QUYẾT ĐỊNH</p><p>Ban hành Chương trình hành động về công tác giảm nghèo bền vững</p>"
                + f"<p>{BODY}</p>" * body_paragraphs
                + table(noi_nhan, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hòa"]))
    return (f"<html><head><title>Trang thông tin điện tử Huyện Sa Thầy</title></head><body><div class='banner'>TRANG "
            f"THÔNG TIN ĐIỆN TỬ HUYỆN SA THẦY</div><ul class='menu'>{menu}</ul><div class='news-detail'><h1>Ban hành Chương "
            f"trình hành động về công tác giảm nghèo bền vững</h1><div class='content-detail'>{document}</div></div>"
            f"<div class='col-right'><h3>Văn bản mới</h3><ul>{related}</ul></div><footer>Bản quyền thuộc UBND huyện Sa Thầy"
            "</footer></body></html>").encode()


@pytest.mark.parametrize("body_paragraphs, noi_nhan", [
    (4, ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."]),
    # the Nơi nhận cell is the biggest block of text on the page: the extractor must not keep it alone
    (1, ["Nơi nhận:", "- Như Điều 3;"] + [f"- {BODY}" for _ in range(6)] + ["- Lưu: VT."]),
])
def test_a_portal_article_that_pastes_the_document_keeps_it_whole(body_paragraphs, noi_nhan):
    meta = convert_bytes(_portal_with_document(body_paragraphs, noi_nhan), "tin.html").metadata
    assert (meta["so_ky_hieu"], meta["ngay_ban_hanh"], meta["loai_van_ban"], meta["co_quan_ban_hanh"], meta["nguoi_ky"]) == \
        ("435/QĐ-UBND", "2020-05-04", "Quyết định", "Ủy ban nhân dân tỉnh Kon Tum", "Nguyễn Văn Hòa")
    assert [c["so_ky_hieu"] for c in meta["van_ban_dan_chieu"]] == ["1234/UBND-KGVX"]


def test_a_district_portal_post_names_its_district():
    # "UBND huyện" in a post on a district's portal is that district's committee (flagged: inferred)
    chrome = "<li><a href='/a'>Giới thiệu chung về huyện</a></li>" * 30
    page = ("<html><head><title>Tin tức - Trang thông tin điện tử huyện Tuy Đức</title></head><body><div class='banner'>"
            f"TRANG THÔNG TIN ĐIỆN TỬ HUYỆN TUY ĐỨC</div><ul class='menu'>{chrome}</ul><div class='news-detail'><h1>UBND "
            "huyện ban hành kế hoạch phòng, chống thiên tai năm 2024</h1><div class='date'>12/03/2024 09:15</div><p>Ngày "
            "12/3/2024, UBND huyện ban hành Kế hoạch số 45/KH-UBND về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2024 "
            "trên địa bàn huyện.</p><p>Theo đó, UBND huyện yêu cầu các xã kiện toàn Ban Chỉ huy phòng, chống thiên tai, "
            "xây dựng phương án ứng phó, bố trí lực lượng, phương tiện sẵn sàng ứng cứu khi có tình huống xảy ra.</p>"
            "</div><footer>Bản quyền thuộc UBND huyện Tuy Đức</footer></body></html>")
    meta = convert_bytes(page.encode(), "tin.html").metadata
    assert (meta["so_ky_hieu"], meta["ngay_ban_hanh"], meta["loai_van_ban"], meta["co_quan_ban_hanh"], meta["nguon"]) == \
        ("45/KH-UBND", "2024-03-12", "Kế hoạch", "Ủy ban nhân dân huyện Tuy Đức", "Trang thông tin điện tử huyện Tuy Đức")
    assert "co_quan_ban_hanh" in meta["can_xac_minh"]


def test_saved_sharepoint_page_keeps_a_short_article_not_the_sidebar_or_imprint():
    # the page's layout in side columns (zoneLeft/zoneRight), the headline a <p class="Title">,
    # a one-sentence article, a "new documents" list in the right column and the site's imprint
    news = "".join(f"<div class='divvanbanmoi'><div>Số: 0{k}/2013/TT-TTCP</div><a href='/vb/{k}'>Thông tư số 0{k}/2013/"
                   f"TT-TTCP quy định quy trình thanh tra</a><a href='/vb/{k}'>Xem chi tiết ...</a></div>" for k in (3, 5, 6))
    page = ("<html><body><form><div class='zoneLeft'><div>Số lượt truy cập 0097671</div></div><div class='zoneCent'>"
            "<div class='gthieu'><p class='Title'>Quyết định thành lập Sở Tư pháp tỉnh</p><div class='gthieu-cont'><p>"
            "<strong>Quyết định số 15/2005/QĐ-UB, ngày 03/02/2005 của UBND tỉnh Đắk Nông về việc thành lập Sở Tư pháp "
            f"tỉnh:</strong></p></div></div></div><div class='zoneRight'>VĂN BẢN MỚI{news}</div>"
            "<div class='footer'><div>TRANG THÔNG TIN ĐIỆN TỬ SỞ TƯ PHÁP TỈNH ĐẮK NÔNG</div><div>Chịu trách nhiệm về nội "
            "dung: Ông Nguyễn Văn A - Trưởng Ban biên tập</div><div>Địa chỉ: đường 23/3, thành phố Gia Nghĩa</div>"
            "<div>Điện thoại: 0261.3544.224, fax: 0261.3544224. Email: stp@daknong.gov.vn</div><div>Giấy phép số 12/GP-STTTT "
            "do Sở Thông tin và Truyền thông tỉnh Đắk Nông cấp ngày 15/3/2012. Ghi rõ nguồn khi phát hành lại thông tin "
            "từ trang này.</div></div></form></body></html>")
    text = read_layout(page.encode(), "qd.html").text
    assert "TT-TTCP" not in text and "Chịu trách nhiệm" not in text and "truy cập" not in text
    assert text.startswith("Quyết định thành lập Sở Tư pháp tỉnh\n")   # the headline a CMS put in <p class="Title">
    meta = convert_bytes(page.encode(), "qd.html").metadata
    assert (meta["so_ky_hieu"], meta["loai_van_ban"], meta["ngay_ban_hanh"], meta["co_quan_ban_hanh"]) == \
        ("15/2005/QĐ-UB", "Quyết định", "2005-02-03", "Ủy ban nhân dân tỉnh Đắk Nông")
    assert meta["trich_yeu"] == "về việc thành lập Sở Tư pháp tỉnh"


@pytest.mark.parametrize("html, chrome", [
    # a site's imprint: who answers for the content, address, phone, e-mail (no links, over 200 characters)
    ("<div class='footer'><div>TRANG THÔNG TIN ĐIỆN TỬ THANH TRA TỈNH ĐẮK NÔNG</div><div>Chịu trách nhiệm về nội dung: "
     "Ông Nguyễn Văn A - Trưởng Ban biên tập, Chánh Thanh tra tỉnh</div><div>Địa chỉ: Khu hành chính Sùng Đức, phường "
     "Nghĩa Tân, thành phố Gia Nghĩa</div><div>Điện thoại: 0261.3543.224, fax: 0261.3543224. Email: ttr@daknong.gov.vn"
     "</div></div>", True),
    # an article that gives a phone number is not an imprint
    ("<div class='footer-note'><p>Ngày 12/3/2024, Ủy ban nhân dân huyện tổ chức hội nghị triển khai kế hoạch phòng, chống "
     "thiên tai năm 2024. Các xã báo cáo kết quả rà soát các khu vực có nguy cơ sạt lở, lũ quét, bố trí lực lượng ứng "
     "trực 24/24 giờ. Mọi thông tin xin liên hệ Văn phòng, điện thoại 0261.3544.224.</p></div>", False),
])
def test_an_imprint_is_chrome(html, chrome):
    import lxml.html
    from vanban.parsing.html import _chrome_like
    assert _chrome_like(lxml.html.fragment_fromstring(html)) is chrome


def test_cms_front_matter_gives_fields():
    page = ('---json\n{"title": "Nghị quyết về việc thông qua đồ án quy hoạch", "date": "2020-03-19T04:00:00Z",\n'
            '"co_quan_ban_hanh": "HỘI ĐỒNG NHÂN DÂN HUYỆN ĐẮK SONG", "hinh_thuc_van_ban": "Nghị quyết",\n'
            '"ngay_ban_hanh": "12/03/2020", "so_hieu": ""}\n---\n<p>Ngh&#7883; quy&#7871;t &#273;&atilde; &#273;&#432;&#7907;c th&ocirc;ng qua.</p>\n')
    meta = convert_bytes(page.encode(), "nq.md").metadata
    assert (meta["loai_van_ban"], meta["ngay_ban_hanh"], meta["co_quan_ban_hanh"]) == \
        ("Nghị quyết", "2020-03-12", "Hội đồng nhân dân huyện Đắk Song")


# A PDF's text layer in layout mode: the two header columns side by side, the signer beside the Nơi nhận list.
SPACED = """  ỦY BAN NHÂN DÂN                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 TỈNH LÂM ĐỒNG                                Độc lập - Tự do - Hạnh phúc
     SỞ TÀI CHÍNH
   Số:      /STC-VP                      Lâm Đồng, ngày    tháng 01 năm 2026
V/v hướng dẫn lập dự toán

      Kính gửi: Các sở, ban, ngành.

 Nơi nhận:                                             KT. GIÁM ĐỐC
 - Như trên;                                           PHÓ GIÁM ĐỐC
 - Lưu: VT.
                                                       Hoàng Văn Minh
"""


def test_spaced_text_columns_do_not_interleave():
    layout = from_spaced_text(SPACED)
    assert layout.left[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "SỞ TÀI CHÍNH"]
    assert layout.right[-1] == "Lâm Đồng, ngày tháng 01 năm 2026"
    assert layout.text.rstrip().endswith("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHoàng Văn Minh")


@pytest.mark.parametrize("stamp,annotations,expected", [
    # The signing system's text on the page: its number; its signing time is never the date of issue.
    ("Ký bởi: Văn phòng Chính phủ\nSố: 2003/CĐ-VPCP\nThời gian ký: 12.01.2026 10:15:22 +07:00", [],
     {"so_ky_hieu": "2003/CĐ-VPCP"}),
    ("Người ký: Sở Tài chính\nSố: 15/STC-VP\nNgày: 14/01/2026\nThời gian ký: 14/01/2026 16:02", [],
     {"so_ky_hieu": "15/STC-VP", "ngay_ban_hanh": "2026-01-14"}),
    ("Thân bài không có dấu ký số.", ["Số: 15/STC-VP"], {"so_ky_hieu": "15/STC-VP"}),
    ("Thời gian ký: 12/01/2026", [], {}),
])
def test_esign_stamp_witnesses(stamp, annotations, expected):
    found = stamp_witnesses(stamp, annotations)
    assert {k: w.value for k, w in found.items()} == expected


def test_blank_number_takes_the_stamp_flagged():
    from vanban.parsing.extract import extract
    layout = from_spaced_text(SPACED + "\nKý bởi: Sở Tài chính\nSố: 15/STC-VP\nNgày: 14/01/2026\nThời gian ký: 14/01/2026\n")
    layout.witnesses = stamp_witnesses(layout.text, [])
    doc = extract(layout).doc
    assert (doc.so_ky_hieu, doc.ngay_ban_hanh) == ("15/STC-VP", "2026-01-14")
    assert {"so_ky_hieu", "ngay_ban_hanh"} <= set(doc.can_xac_minh)


@pytest.mark.parametrize("lines,issuer", [
    (["TỈNH ỦY LÂM ĐỒNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN"], "Ban Tuyên giáo và Dân vận Tỉnh ủy Lâm Đồng"),
    (["ỦY BAN MTTQ VIỆT NAM", "TỈNH GIA LAI", "BAN THƯỜNG TRỰC"], "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Gia Lai"),
    (["UBND HUYỆN ĐẮK SONG", "PHÒNG TÀI CHÍNH - KẾ HOẠCH"], "Phòng Tài chính - Kế hoạch huyện Đắk Song"),
    (["UBND XÃ TÂN LẬP", "VĂN PHÒNG"], "Văn phòng Ủy ban nhân dân xã Tân Lập"),
    (["ỦY BAN BẦU CỬ TỈNH GIA LAI", "TIỂU BAN VĂN PHÒNG"], "Tiểu ban Văn phòng Ủy ban bầu cử tỉnh Gia Lai"),
    (["TỈNH ỦY LÂM ĐỒNG", "BÁO LÂM ĐỒNG"], "Báo Lâm Đồng"),
    (["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH GIA LAI"], "Liên đoàn Lao động tỉnh Gia Lai"),
    (["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "HUYỆN ỦY SƠN HÀ"], "Huyện ủy Sơn Hà"),
    (["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC TÂY ĐÔ"], "Trường Đại học Tây Đô"),
])
def test_two_level_headers_read_parent_then_child(lines, issuer):
    assert issuer_from_agency(lines)[1] == issuer


@pytest.mark.parametrize("line,expected", [
    ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng", ("KT. Bộ trưởng Thứ trưởng", "Đinh Trung Tụng")),
    ("- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng", ("Bộ trưởng, Chủ nhiệm", "Mai Tiến Dũng")),
    ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp CHƯƠNG TRÌNH HÀNH ĐỘNG",
     ("TM. Ủy ban nhân dân KT. Chủ tịch Phó Chủ tịch", "Nguyễn Hữu Tháp")),
    ("- Lưu: VT, Vụ VĐCXDPL.", None),
])
def test_glued_signature(line, expected):
    assert glued_signature(line) == expected


def _two_column_pdf(left, right, body, noi_nhan, signer, size=12) -> bytes:
    """A PDF as Word exports it: the header's columns and the signature block set side by side."""
    from fpdf import FPDF
    from _pdfs import FONT
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=size)
    pdf.add_page()
    for column, x, width in ((left, 10, 80), (right, 95, 105)):
        for i, line in enumerate(column):
            pdf.set_xy(x, 15 + i * 6)
            pdf.cell(width, 6, line, align="C")
    pdf.set_xy(10, 23 + max(len(left), len(right)) * 6)
    for paragraph in body:
        pdf.multi_cell(190, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 6
    for column, x, width in ((noi_nhan, 10, 80), (signer, 110, 90)):
        for i, line in enumerate(column):
            pdf.set_xy(x, y + i * 6)
            pdf.cell(width, 6, line, align="C" if x > 10 else "")
    return bytes(pdf.output())


@pytest.mark.parametrize("size", [11, 13])
@pytest.mark.parametrize("left, right, signer, expected", [
    (["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK NÔNG", "Số: 1234/UBND-KT", "V/v tăng cường quản lý giá cả thị trường"],
     MOTTO[:2] + ["", "Đắk Nông, ngày 12 tháng 3 năm 2024"], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Lê Trọng Yên"],
     ("1234/UBND-KT", "Công văn", "2024-03-12", "Ủy ban nhân dân tỉnh Đắk Nông", "Lê Trọng Yên")),
    (["TỈNH ỦY ĐẮK NÔNG", "*", "Số 250-CV/TU"], PARTY[:1] + ["", "Đắk Nông, ngày 5 tháng 6 năm 2024"],
     ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "", "", "Ngô Thanh Danh"],
     ("250-CV/TU", "Công văn", "2024-06-05", "Tỉnh ủy Đắk Nông", "Ngô Thanh Danh")),
])
def test_born_digital_pdf_with_columns_gives_every_field(left, right, signer, expected, size):
    body = ["Kính gửi: Các sở, ban, ngành và các huyện ủy, thành ủy.",
            "Thực hiện Công điện số 17/CĐ-TTg ngày 10/3/2024 của Thủ tướng Chính phủ, đề nghị các cơ quan, đơn vị "
            "khẩn trương triển khai thực hiện tốt các nội dung sau đây./."]
    meta = convert_bytes(_two_column_pdf(left, right, body, ["Nơi nhận:", "- Như trên;", "- Lưu: VT."], signer, size),
                         "van-ban.pdf").metadata
    assert (meta["so_ky_hieu"], meta["loai_van_ban"], meta["ngay_ban_hanh"], meta["co_quan_ban_hanh"], meta["nguoi_ky"]) \
        == expected
    assert [c["so_ky_hieu"] for c in meta["van_ban_dan_chieu"]] == ["17/CĐ-TTg"]


def test_born_digital_pdf_with_an_e_signing_stamp_is_not_ocr():
    """The stamp's lines in the text layer ("Ký bởi: …", "Thời gian ký: …") are a sign of OCR'd text
    for a text file, not for a PDF read from its text layer: its values are typed, so not flagged."""
    body = ["Kính gửi: Các sở, ban, ngành.", "Đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện./.",
            "Ký bởi: Ủy ban nhân dân tỉnh Đắk Nông", "Thời gian ký: 12.03.2024 15:20:11 +07:00"]
    left = ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK NÔNG", "Số: 1234/UBND-KT", "V/v tăng cường quản lý giá cả thị trường"]
    right = MOTTO[:2] + ["", "Đắk Nông, ngày 12 tháng 3 năm 2024"]
    result = convert_bytes(_two_column_pdf(left, right, body, ["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
                                           ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Lê Trọng Yên"]), "van-ban.pdf")
    meta = result.metadata
    assert (meta["so_ky_hieu"], meta["ngay_ban_hanh"], meta["nguoi_ky"]) == ("1234/UBND-KT", "2024-03-12", "Lê Trọng Yên")
    assert not {"so_ky_hieu", "ngay_ban_hanh", "nguoi_ky"} & set(meta.get("can_xac_minh") or [])


@pytest.mark.parametrize("text, expected", [
    ("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nThời gian ký: 16.09.2024 16:29:07 +07:00", "2024-09-16"),
    ("CHINHPHUVNThời gian ký: 13. 09.2024 16:49:11 +07:00", "2024-09-13"),         # as OCR reads the stamp
    ("Thời gian ký: 29/04/2026 16:35\nThời gian ký: 28/04/2026 09:00", "2026-04-28"),  # the earliest signing
    ("Thời gian ký: 31.02.2024 10:00", None),
    ("Hà Nội, ngày 16 tháng 9 năm 2024", None),
])
def test_signing_date(text, expected):
    assert signing_date(text) == expected


# The header's end in a PDF's layout text: pypdf leaves no blank line when the paragraphs follow closely.
_HEADER = ["  THƯỜNG TRỰC TỈNH ỦY                      ĐẢNG CỘNG SẢN VIỆT NAM",
           "      -------                                 ---------------"]


@pytest.mark.parametrize("lines, left, first_body", [
    # no Số line; the heading centred under the date, no blank line before it
    (_HEADER + ["                                         Nha Trang, ngày 25 tháng 07 năm 2021",
                "                              KẾT LUẬN",
                "tại buổi làm việc với Ban Chỉ đạo phòng, chống dịch của tỉnh về công tác xét nghiệm và cách ly",
                "Sáng ngày 25/7/2021, Thường trực Tỉnh ủy đã chủ trì buổi làm việc với Ban Chỉ đạo phòng, chống"],
     ["THƯỜNG TRỰC TỈNH ỦY", "-------"], "KẾT LUẬN"),
    # a letter: the V/v continues in the left column below the date; the body follows at once
    (["  ỦY BAN NHÂN DÂN                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "   TỈNH KON TUM                               Độc lập - Tự do - Hạnh phúc",
      "  Số: 435/UBND-KT                          Kon Tum, ngày 05 tháng 3 năm 2024",
      "V/v tăng cường quản lý giá cả",
      "    thị trường dịp Tết",
      "         Kính gửi: Các sở, ban, ngành thuộc tỉnh.",
      "Thực hiện Công điện số 17/CĐ-TTg ngày 10/3/2024 của Thủ tướng Chính phủ về tăng cường quản lý giá,"],
     ["ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "Số: 435/UBND-KT", "V/v tăng cường quản lý giá cả", "thị trường dịp Tết"],
     "Kính gửi: Các sở, ban, ngành thuộc tỉnh."),
])
def test_spaced_header_ends_where_the_body_starts(lines, left, first_body):
    layout = from_spaced_text("\n".join(lines))
    assert layout.left == left
    assert first_body in [line.strip() for line in layout.text.split("\n")]
    assert all("Sáng ngày" not in line and "Thực hiện" not in line for line in layout.left + layout.right)


def test_a_type_heading_at_the_margin_is_not_the_issuer():
    """A Công điện typed without a masthead name: its heading sits where the name would be."""
    spaced = "\n".join(["CÔNG ĐIỆN                                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "                                             Độc lập - Tự do - Hạnh phúc",
                        "Về tập trung ưu tiên giữ vững ổn định kinh tế vĩ mô, thúc đẩy xuất khẩu hàng hóa trong những tháng cuối năm",
                        "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ;",
                        "Từ đầu năm đến nay, các Bộ, cơ quan, địa phương đã nỗ lực, cố gắng trong thực hiện đồng bộ các giải pháp."])
    from vanban.parsing.extract import extract
    doc = extract(from_spaced_text(spaced)).doc
    assert doc.loai_van_ban == "Công điện" and doc.co_quan_ban_hanh != "Công điện"
