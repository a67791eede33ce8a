"""Format invariance: the same document, in every carrier staff really have, must read the same.

    .venv/bin/python scripts/bench.py --formats DIR [DIR ...] [--carrier NAME ...] [--limit N]

Each .txt of the folders is converted as it is: that gives the reference fields. The same
content (the reference's header fields, subject, addressees, body paragraphs, Nơi nhận and
signature) is then laid out again as a document of NĐ 30/2020/NĐ-CP Phụ lục I and put into
each carrier, which is converted in turn:

- txt          the re-laid document as plain lines (the control: differences here come from the re-laying)
- docx-table   .docx, the header a borderless two-column table (issuer and Số | quốc hiệu, place and date),
               the signature block a table (Nơi nhận | title and signer)
- docx-plain   .docx, every line its own paragraph
- word-htm     Word's "Save as Web Page": windows-1252 meta, every non-ASCII letter a numeric entity,
               mso- styles, the header and signature tables
- portal       a district portal's article page: menu, banner with the site's name, breadcrumbs, share
               buttons, related links to other documents, footer with the site's licence; the article's
               title is the subject, every other page has "Số: … ngày …" above the document
- pdf          born-digital PDF with a text layer (fpdf2), the header and signature in two columns
- pdf-esign    the same PDF signed digitally: number and day typed blank ("Số:      /STC-VP",
               "ngày    tháng 01 năm 2026"), a signing stamp ("Ký bởi: … Thời gian ký: dd.mm.yyyy", the day
               before the date of issue); the blanks must come out null and flagged
- pdf-stamped  pdf-esign whose signing system also wrote the number and date in an annotation: the
               stamp's values, flagged

Per carrier and field it prints how many documents agree with the reference, how many lost the
value (null), gained one, or differ; "unflagged" counts values that differ (or appear) and are not in
can_xac_minh. Citations agree when the set of cited numbers is the same. Every disagreement is
printed with --verbose. OCR is never run (a PDF whose layer does not read is a disagreement).
"""
from __future__ import annotations

import datetime
import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from scripts.benchmarks.accuracy import body_key, fold, symbol_key

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FIELDS = ("so_ky_hieu", "ngay_ban_hanh", "loai_van_ban", "co_quan_ban_hanh", "nguoi_ky", "citations")
SHORT = {"so_ky_hieu": "number", "ngay_ban_hanh": "date", "loai_van_ban": "type", "co_quan_ban_hanh": "issuer",
         "nguoi_ky": "signer", "citations": "citations"}
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
PARTY = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
_PARTY_RE = re.compile(r"\b(tỉnh ủy|huyện ủy|thành ủy|thị ủy|đảng ủy|đảng bộ|ban chấp hành trung ương|ban bí thư|"
                       r"bộ chính trị|trung ương đảng|ban thường vụ|ban tuyên giáo|ban tổ chức|ban dân vận)\b", re.IGNORECASE)


@dataclass
class Document:
    """A document as a person reads it, in the order of NĐ 30/2020 Phụ lục I."""
    left: list[str]            # cơ quan ban hành, ornament, Số, V/v
    right: list[str]           # quốc hiệu (or ĐẢNG CỘNG SẢN VIỆT NAM), ornament, place and date
    heading: list[str]         # type heading and subject (not for a Công văn)
    body: list[str]            # Kính gửi and the paragraphs
    noi_nhan: list[str]
    signer: list[str]          # title lines, room for the signature, the name
    meta: dict                 # the reference's front matter
    number_line: int | None = None   # index of the Số line in left
    date_line: int | None = None     # index of the place-and-date line in right

    def lines(self) -> list[str]:
        return [*self.left, "", *self.right, "", *self.heading, *self.body, "", *self.signer, "", *self.noi_nhan]


def _date_words(iso: str | None, place: str | None) -> str | None:
    if not iso:
        return None
    y, m, d = (int(x) for x in iso[:10].split("-"))
    # Every header names its place (NĐ 30/2020 Phụ lục I); a reference without one gets a neutral one.
    return f"{place or 'Hà Nội'}, ngày {d:02d} tháng {m:02d} năm {y}"


def document_from(meta: dict, paragraphs: list[str]) -> Document:
    """The reference's content laid out again as an official document."""
    issuer, number, kind = meta.get("co_quan_ban_hanh"), meta.get("so_ky_hieu"), meta.get("loai_van_ban")
    subject = re.sub(r"^V/v\.?\s*", "", meta.get("trich_yeu") or "")
    party = bool(number and re.match(r"\d+\w*-", number)) or bool(issuer and _PARTY_RE.search(issuer))
    left = [issuer.upper(), "-------"] if issuer else []
    number_line = None
    if number:
        number_line = len(left)
        left.append(f"Số: {number}" if not party else f"Số {number}")
    if kind == "Công văn" and subject:
        left.append(f"V/v {subject}")
    right = list(PARTY if party else MOTTO) + ["---------------"]
    date_line = None
    if (date := _date_words(meta.get("ngay_ban_hanh"), meta.get("dia_danh"))):
        date_line = len(right)
        right.append(date)
    heading = [kind.upper(), subject] if kind and kind != "Công văn" and subject else ([kind.upper()] if kind and kind != "Công văn" else [])
    addressed = meta.get("kinh_gui") or []
    body = ([f"Kính gửi: {addressed[0]}."] if len(addressed) == 1 else
            ["Kính gửi:", *(f"- {a};" for a in addressed)] if addressed else [])
    body += [p for p in paragraphs if p.strip()]
    noi_nhan = ["Nơi nhận:", *(f"- {n};" for n in meta.get("noi_nhan") or ["Như trên", "Lưu: VT"])]
    signer = [part.strip().upper() for part in (meta.get("chuc_vu") or "").split(",") if part.strip()]
    if meta.get("nguoi_ky"):
        signer += ["", "", meta["nguoi_ky"]]
    return Document(left, right, heading, body, noi_nhan, signer, meta, number_line, date_line)


# ---- carriers: Document -> (bytes, file name) ----------------------------------------------
def as_txt(doc: Document) -> tuple[bytes, str]:
    return "\n".join(doc.lines()).encode("utf-8"), "van-ban.txt"


def as_docx(doc: Document, tables: bool = True) -> tuple[bytes, str]:
    import docx
    document = docx.Document()

    def fill(cell, lines):
        cell.text = lines[0] if lines else ""
        for line in lines[1:]:
            cell.add_paragraph(line)

    def columns(left, right):
        row = document.add_table(rows=1, cols=2).rows[0]   # the default table style has no borders
        fill(row.cells[0], left)
        fill(row.cells[1], right)

    if tables:
        columns(doc.left, doc.right)
    else:
        for line in [*doc.left, *doc.right]:
            document.add_paragraph(line)
    for line in [*doc.heading, *doc.body]:
        document.add_paragraph(line)
    if tables:
        columns(doc.noi_nhan, doc.signer)
    else:
        for line in [*doc.signer, *doc.noi_nhan]:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), "van-ban.docx"


def _entities(text: str) -> str:
    """Word's Windows-1252 page: every character outside ASCII as a numeric entity."""
    return "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in html.escape(text, quote=False))


def _word_para(text: str, center: bool = False) -> str:
    align = " align=center style='text-align:center'" if center else " style='text-align:justify;mso-line-height-alt:13.0pt'"
    return (f"<p class=MsoNormal{align}><span lang=VI style='font-size:13.0pt;mso-bidi-font-size:12.0pt;"
            f"mso-fareast-language:EN-US'>{_entities(text) or '&nbsp;'}<o:p></o:p></span></p>\n")


def _word_table(left: list[str], right: list[str]) -> str:
    def cell(lines, width):
        return (f"<td width={width} valign=top style='width:{width * 0.75:.1f}pt;padding:0cm 5.4pt 0cm 5.4pt'>"
                + "".join(_word_para(line, center=True) for line in lines) + "</td>")
    return ("<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
            "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n<tr style='mso-yfti-irow:0;"
            f"mso-yfti-firstrow:yes;mso-yfti-lastrow:yes'>{cell(left, 250)}{cell(right, 370)}</tr></table>\n")


def as_word_htm(doc: Document) -> tuple[bytes, str]:
    body = (_word_table(doc.left, doc.right) + "".join(_word_para(line, center=i < len(doc.heading))
                                                     for i, line in enumerate([*doc.heading, *doc.body]))
            + _word_table(doc.noi_nhan, doc.signer))
    page = ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
            "<meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\">\n"
            "<meta name=ProgId content=Word.Document>\n<meta name=Generator content=\"Microsoft Word 15\">\n"
            "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom></w:WordDocument>"
            "</xml><![endif]-->\n<style>\n<!-- p.MsoNormal {mso-style-unhide:no;margin:0cm;font-size:12.0pt;"
            "font-family:\"Times New Roman\",serif;mso-fareast-font-family:\"Times New Roman\"} -->\n</style>\n"
            "</head>\n<body lang=EN-US style='tab-interval:36.0pt'>\n<div class=WordSection1>\n"
            f"{body}</div>\n</body>\n</html>\n")
    return page.encode("cp1252"), "van-ban.htm"


_SITE = "Trang thông tin điện tử Huyện Sơn Hà"
_RELATED = ["Kế hoạch số 45/KH-UBND ngày 12/3/2024 về tổ chức Ngày hội văn hóa các dân tộc",
            "Thông báo số 88/TB-UBND ngày 29/6/2023 kết luận của Chủ tịch UBND huyện",
            "Quyết định số 1042/QĐ-UBND ngày 15/11/2023 phê duyệt danh sách hộ nghèo"]


def as_portal(doc: Document, index: int = 0) -> tuple[bytes, str]:
    """An article page of a district portal, saved from the browser; the document pasted from Word."""
    e = html.escape
    meta = doc.meta
    title = meta.get("trich_yeu") or meta.get("title") or "Văn bản"
    posted = meta.get("ngay_ban_hanh")
    posted = (datetime.date.fromisoformat(posted[:10]) + datetime.timedelta(days=2)).strftime("%d/%m/%Y") if posted else "01/01/2025"
    line = ""
    if index % 2 and meta.get("so_ky_hieu") and meta.get("ngay_ban_hanh"):
        y, m, d = meta["ngay_ban_hanh"][:10].split("-")
        line = f"<p class='doc-meta'>Số: {e(meta['so_ky_hieu'])} ngày {d}/{m}/{y}</p>"

    def table(left, right):
        cells = "".join("<td style='width:50%;text-align:center;vertical-align:top'>" + "".join(
            f"<p>{e(x) or '&nbsp;'}</p>" for x in side) + "</td>" for side in (left, right))
        return f"<table style='width:100%;border:none'><tbody><tr>{cells}</tr></tbody></table>"

    article = (table(doc.left, doc.right) + "".join(f"<p style='text-align:justify'>{e(x)}</p>" for x in [*doc.heading, *doc.body])
               + table(doc.noi_nhan, doc.signer))
    menu = "".join(f"<li><a href='/{i}'>{e(t)}</a></li>" for i, t in enumerate(
        ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản chỉ đạo điều hành", "Thủ tục hành chính", "Liên hệ"]))
    related = "".join(f"<li><a href='/van-ban/{i}'>{e(t)}</a></li>" for i, t in enumerate(_RELATED))
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(title)} - {e(_SITE)}</title>
<meta property="og:site_name" content="{e(_SITE)}"><link rel="stylesheet" href="/css/site.css">
<script>window.dataLayer=window.dataLayer||[];</script></head><body>
<div id="header" class="banner"><a href="/"><img src="/logo.png" alt="logo"></a><div class="site-name">{e(_SITE.upper())}</div>
<div class="slogan">Cổng thông tin của Đảng bộ, chính quyền và Nhân dân huyện Sơn Hà</div></div>
<nav class="menu-top"><ul>{menu}</ul></nav>
<div class="search"><form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm..."><button>Tìm</button></form></div>
<div class="container"><div class="col-left"><div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/van-ban">Văn bản chỉ đạo điều hành</a></div>
<div class="news-detail"><h1 class="title-detail">{e(title)}</h1><div class="date-detail">Cập nhật: {posted} 08:15</div>
{line}<div class="content-detail">{article}</div>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a> <a href="#">Gửi email</a></div>
<div class="tags">Từ khóa: <a href="#">văn bản</a> <a href="#">chỉ đạo</a></div></div>
<div class="related"><h3>Tin cùng chuyên mục</h3><ul>{related}</ul></div></div>
<div class="col-right"><div class="box"><h3>Văn bản mới</h3><ul>{related}</ul></div>
<div class="box"><h3>Lượt truy cập</h3><p>Đang online: 25</p><p>Tổng: 1.204.567</p></div></div></div>
<div id="footer"><p>{e(_SITE.upper())}</p><p>Cơ quan chủ quản: Ủy ban nhân dân huyện Sơn Hà</p>
<p>Chịu trách nhiệm chính: Chánh Văn phòng HĐND và UBND huyện</p><p>Địa chỉ: Số 02 đường Trường Chinh, thị trấn Di Lăng. Điện thoại: 0255.3861234</p>
<p>Giấy phép số 12/GP-TTĐT ngày 05/3/2019 của Sở Thông tin và Truyền thông</p></div></body></html>"""
    return page.encode("utf-8"), "bai-viet.html"


def _pdf(doc: Document, left: list[str], right: list[str], stamp: list[str] | None = None,
         annotation: str | None = None) -> tuple[bytes, str]:
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()

    def columns(a, b, widths=(80, 110)):
        top = pdf.get_y()
        ends = []
        for x, width, lines in ((10, widths[0], a), (10 + widths[0], widths[1], b)):
            pdf.set_xy(x, top)
            for line in lines:
                pdf.set_x(x)
                pdf.multi_cell(width, 6, line or " ", align="C", new_x="LEFT", new_y="NEXT")
            ends.append(pdf.get_y())
        pdf.set_xy(10, max(ends) + 4)

    columns(left, right)
    for line in doc.heading:
        pdf.multi_cell(0, 6, line or " ", align="C", new_x="LMARGIN", new_y="NEXT")
    for line in doc.body:
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    if pdf.get_y() > 230:
        pdf.add_page()
    columns(doc.noi_nhan, doc.signer + (["", *stamp] if stamp else []), widths=(90, 100))
    if annotation:
        pdf.page = 1
        pdf.text_annotation(150, 10, annotation)
    return bytes(pdf.output()), "van-ban.pdf"


def as_pdf(doc: Document) -> tuple[bytes, str]:
    return _pdf(doc, doc.left, doc.right)


def _blanked(doc: Document) -> tuple[list[str], list[str], list[str]]:
    """The header with the number and the day typed blank, and the signing stamp's lines."""
    left, right = list(doc.left), list(doc.right)
    number, date = doc.meta.get("so_ky_hieu"), doc.meta.get("ngay_ban_hanh")
    if doc.number_line is not None and number:
        tail = number[re.match(r"\d+\w*", number).end():] if re.match(r"\d+\w*", number) else "/" + number
        left[doc.number_line] = f"Số:       {tail}"
    if doc.date_line is not None and date:
        right[doc.date_line] = re.sub(r"ngày \d+", "ngày      ", right[doc.date_line], flags=re.IGNORECASE)
    signed = (datetime.date.fromisoformat(date[:10]) - datetime.timedelta(days=1)) if date else datetime.date(2025, 1, 2)
    stamp = [f"Ký bởi: {doc.meta.get('co_quan_ban_hanh') or 'Cơ quan'}", "Email: vanthu@example.gov.vn",
             f"Thời gian ký: {signed:%d.%m.%Y} 16:29:07 +07:00"]
    return left, right, stamp


def as_pdf_esign(doc: Document) -> tuple[bytes, str]:
    left, right, stamp = _blanked(doc)
    return _pdf(doc, left, right, stamp)


def as_pdf_stamped(doc: Document) -> tuple[bytes, str]:
    left, right, stamp = _blanked(doc)
    meta, note = doc.meta, []
    if meta.get("so_ky_hieu"):
        note.append(f"Số: {meta['so_ky_hieu']}")
    if meta.get("ngay_ban_hanh"):
        y, m, d = meta["ngay_ban_hanh"][:10].split("-")
        note.append(f"Ngày: {d}/{m}/{y}")
    return _pdf(doc, left, right, stamp, annotation="\n".join(note) or None)


CARRIERS = {"txt": as_txt, "docx-table": as_docx, "docx-plain": lambda d: as_docx(d, tables=False),
            "word-htm": as_word_htm, "portal": as_portal, "pdf": as_pdf, "pdf-esign": as_pdf_esign,
            "pdf-stamped": as_pdf_stamped}
BLANKED = {"pdf-esign": ("so_ky_hieu", "ngay_ban_hanh")}   # fields the carrier does not show: null and flagged is right


# ---- comparison ---------------------------------------------------------------------------
def _key(key: str, value):
    if key == "citations":
        return frozenset(symbol_key(c.get("so_ky_hieu")) for c in value or [] if isinstance(c, dict) and c.get("so_ky_hieu"))
    if not value:
        return None
    if key == "so_ky_hieu":
        return symbol_key(value)
    if key == "ngay_ban_hanh":
        return str(value)[:10]
    return body_key(value) if key == "co_quan_ban_hanh" else fold(value)


def _meta_value(meta: dict, key: str):
    return meta.get("van_ban_dan_chieu") if key == "citations" else meta.get(key)


def compare(reference: dict, meta: dict | None, carrier: str) -> dict[str, str]:
    """Per field: same, null (lost), gained, differ; '+unflagged' when a new or different value is not flagged."""
    meta = meta or {}
    flags = set(meta.get("can_xac_minh") or [])
    out = {}
    for key in FIELDS:
        want, have = _key(key, _meta_value(reference, key)), _key(key, _meta_value(meta, key))
        if key == "citations" and carrier in BLANKED:   # a blank number line: the body's mention of it is cited
            have -= {_key("so_ky_hieu", reference.get("so_ky_hieu"))}
        if key in BLANKED.get(carrier, ()):
            # the blank stays null, or a witness fills it (the stamp, a resolution's adoption clause): flagged
            out[key] = "same" if have in (None, want) and key in flags else ("differ" if have else "null")
        elif want == have:
            out[key] = "same"
        elif key != "citations" and have is None:
            out[key] = "null"
        else:
            out[key] = "gained" if key != "citations" and want is None else "differ"
        if out[key] in ("gained", "differ") and key != "citations" and key not in flags:
            out[key] += "+unflagged"
    return out


@dataclass
class Tally:
    counts: dict = field(default_factory=dict)     # (carrier, field) -> {outcome: n}
    misses: list = field(default_factory=list)
    refused: dict = field(default_factory=dict)    # carrier -> n

    def add(self, carrier: str, outcome: dict[str, str]) -> None:
        for key, what in outcome.items():
            slot = self.counts.setdefault((carrier, key), {})
            slot[what] = slot.get(what, 0) + 1


def _no_ocr(*_args, **_kwargs):
    from vanban.parsing.pdf import PdfProblem
    raise PdfProblem("bench: OCR disabled")


def run(folders: list[str], carriers: list[str] | None = None, limit: int | None = None, verbose: bool = False) -> Tally:
    import vanban.convert as convert
    from vanban.convert import convert_bytes
    from vanban.parsing.extract import extract
    from vanban.parsing.readers import EncodingProblem, read_layout
    convert._ocr = _no_ocr
    names = carriers or list(CARRIERS)
    tally = Tally()
    paths = [p for folder in folders for p in sorted(Path(folder).glob("*.txt"))][:limit]
    for path in paths:
        data = path.read_bytes()
        reference = convert_bytes(data, path.name)
        if reference.status == "error":
            continue
        try:
            parsed = extract(read_layout(data, path.name))
        except EncodingProblem:   # damaged OCR, published from what closed lists confirm: no body to re-lay
            continue
        doc = document_from(reference.metadata, parsed.paragraphs)
        for i, carrier in enumerate(names):
            try:
                blob, name = (as_portal(doc, len(tally.misses) + i) if carrier == "portal" else CARRIERS[carrier](doc))
            except Exception as exc:   # a carrier the builder cannot make (fpdf2 and an odd glyph): not the converter's fault
                tally.misses.append(f"{path.name} {carrier}: not built ({type(exc).__name__}: {exc})")
                continue
            result = convert_bytes(blob, name)
            if result.status == "error":
                tally.refused[carrier] = tally.refused.get(carrier, 0) + 1
                tally.misses.append(f"{path.name} {carrier}: refused: {result.error}")
            outcome = compare(reference.metadata, result.metadata if result.status != "error" else None, carrier)
            tally.add(carrier, outcome)
            meta = result.metadata or {}
            for key, what in outcome.items():
                if what != "same":
                    tally.misses.append(f"{path.name} {carrier} {SHORT[key]} {what}: reference "
                                        f"{_show(_meta_value(reference.metadata, key))} got {_show(_meta_value(meta, key))}")
    if verbose:
        print("\n".join(tally.misses))
    return tally


def _show(value) -> str:
    if isinstance(value, list):
        return repr(sorted(c.get("so_ky_hieu") for c in value if isinstance(c, dict) and c.get("so_ky_hieu")))
    return repr(value)


def report(tally: Tally, carriers: list[str]) -> list[str]:
    lines = [f"{'carrier':12}" + "".join(f"{SHORT[k]:>16}" for k in FIELDS) + "   refused"]
    for carrier in carriers:
        cells = []
        for key in FIELDS:
            slot = tally.counts.get((carrier, key), {})
            total = sum(slot.values())
            same = slot.get("same", 0)
            silent = sum(n for what, n in slot.items() if what.endswith("+unflagged"))
            cells.append(f"{same}/{total}" + (f" !{silent}" if silent else ""))
        lines.append(f"{carrier:12}" + "".join(f"{c:>16}" for c in cells) + f"   {tally.refused.get(carrier, 0)}")
    lines.append("same/total per field; !N: N values that differ from the reference (or appear) without a flag")
    return lines


def format_figures(folders: list[str], carriers: list[str] | None = None, limit: int | None = None,
                   verbose: bool = False) -> dict:
    """scripts/bench.py --formats: print the table; return the agreement per carrier and field."""
    names = carriers or list(CARRIERS)
    tally = run(folders, names, limit, verbose)
    print("\n".join(report(tally, names)), flush=True)
    figures = {}
    for (carrier, key), slot in tally.counts.items():
        total = sum(slot.values())
        figures[f"{carrier}_{SHORT[key]}"] = round(slot.get("same", 0) / total, 2) if total else None
    return figures
