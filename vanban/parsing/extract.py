"""Assemble a VanBan from the block parsers. Missing fields are null and flagged;
inferred fields are filled and flagged (can_xac_minh)."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..agencies import expand_abbreviations, find_province
from ..dates import find_dates, garbled_date, iso, parse_date
from ..doctypes import UNADDRESSED, canonical_type, consolidated
from ..model import VanBan
from ..symbol_repair import looks_cut
from ..symbols import normalize_symbol, parse_symbol, symbol_key
from ..text import collapse_spaces, name_key, sentence_case
from .article import Article, find_source, parse_article, title_type
from .body import paragraphs
from .casing import official_case, plausible_name
from .citations import find_citations
from .copyblock import parse_copy_block
from .esign import blank_number_tail, fits_blank
from .glued import find_glued_signature
from .header import HEADER_SCAN, authority_body, parse_header
from .layout import Layout, as_layout
from .infer import (complete_from_site, infer_year, issuer_from_symbol, known_spelling, place_for_issuer,
                    speaking_body)
from .issuer import canonical_issuer, issuer_of_place, ocr_masthead
from .lines import is_name, is_upper
from .noise import clean_lines
from .ocr import (citation_text, garbled_number, garbled_so_line, is_number_line, join_spaced_digits,
                  heading_after_debris, join_spaced_number, looks_ocr, repair_named_issuers, slashless_so_line, stamp_signer,
                  trusted_number, type_from_number_line, witnesses)
from .portal import parse_portal_table, summary_subject
from .scan import distrust_handwriting
from .scan_signer import second_signer
from .unfold import unfold_header
from .masthead import split_motto
from .signature import Signature, column_signature, names_in, parse_signature, restore_surname, scan_signature

# Fields every directive has; absent ones are flagged for review.
_EXPECTED = ("so_ky_hieu", "loai_van_ban", "trich_yeu", "co_quan_ban_hanh", "dia_danh",
             "ngay_ban_hanh", "nguoi_ky", "chuc_vu")


@dataclass
class Parsed:
    doc: VanBan
    paragraphs: list[str]
    headline: str | None = None
    posted_raw: str | None = None
    symbol_raw: str | None = None
    date_raw: str | None = None
    received_raw: list[str] = field(default_factory=list)
    copy_raw: list[str] = field(default_factory=list)
    ocr: bool | None = None          # True: the text was read by OCR from a scan (None: not known)


def _first(*values):
    return next((v for v in values if v), None)


def _title(doc: VanBan) -> str:
    subject = doc.trich_yeu or ""
    subject = re.sub(r"^V/v\b\.?\s*", "về việc ", subject)
    if subject[:1].isupper() and not is_upper(subject[:2] + "a"):
        subject = subject[:1].lower() + subject[1:]
    head = doc.loai_van_ban or "Văn bản"
    if doc.so_ky_hieu:
        head += " " + doc.so_ky_hieu
    elif doc.co_quan_ban_hanh:
        head += " của " + doc.co_quan_ban_hanh
    return collapse_spaces(f"{head} {subject}")


def _chuc_vu_from_roles(roles: list[str], issuer: str | None) -> str | None:
    """The role that names the issuing body ("Bí thư Huyện ủy" for Huyện ủy), else the first."""
    key = name_key(issuer or "")
    for role in roles:
        if key and key in name_key(role):
            return role
    return roles[0] if roles else None


def extract(source: str | Layout, ocr: bool | None = None) -> Parsed:
    """source: the text, or a reader's Layout (parsing/layout.py).
    ocr: the text was read from a scan (True), was not (False), or detect it (None)."""
    layout = as_layout(source)
    text = layout.text
    ocr = looks_ocr(text) if ocr is None else ocr
    lines = clean_lines(text)
    portal, portal_taken = parse_portal_table(lines)
    portal = {**layout.fields, **portal}
    lines = [line for i, line in enumerate(lines) if i not in portal_taken]
    if not (ocr or layout.has_columns):
        lines = unfold_header(lines)  # a scrape's header flattened into a few lines
    if ocr:  # "Số: 1 0 9 4 3 /BYT-MT": letter-spaced digits in the header, and numbers in the body
        lines = [join_spaced_digits(line) if i < HEADER_SCAN else join_spaced_number(line) for i, line in enumerate(lines)]
    copy, copy_taken, copy_raw = parse_copy_block(lines)
    end = min(copy_taken) if copy_taken else len(lines)
    head = parse_header(lines[:end], layout.left if layout.has_columns else None)
    seen = witnesses(text, portal) if ocr else None
    slashless = _garbled_number_line(head, lines[:min(end, HEADER_SCAN)], seen) if ocr else None
    formal = bool(head.so_ky_hieu or head.doc_type or head.agency_lines)
    if formal:
        art = Article()
        find_source(lines[:end], art)
    else:
        art = parse_article(lines[:end])
    sig = parse_signature(lines, end)
    if ocr:
        _scan_signer(sig, lines, head, end, layout.scan)
    elif not sig.nguoi_ky and (glued := find_glued_signature(lines[:end])):
        sig.chuc_vu, sig.nguoi_ky = sig.chuc_vu or glued[0], glued[1]  # a scrape's one-line signature block
    taken = head.taken | art.taken | copy_taken | (sig.taken - head.taken)
    body_lines = [line for i, line in enumerate(lines) if i not in taken]
    paras = paragraphs(body_lines)
    body_text = " ".join(paras)

    doc = VanBan(kinh_gui=head.kinh_gui, noi_nhan=sig.noi_nhan, ban_sao=copy, so_den=head.so_den,
                 nguon=art.nguon or portal.get("nguon"), ngay_dang=art.ngay_dang)
    doc.so_ky_hieu = _first(head.so_ky_hieu, art.symbol, normalize_symbol(portal.get("so_ky_hieu")))
    symbol = parse_symbol(doc.so_ky_hieu) if doc.so_ky_hieu else None
    coded = symbol.doc_type if symbol else None
    if coded in UNADDRESSED and head.kinh_gui and not head.doc_type:
        coded = None   # an addressed letter: the code is its unit's (5435/CT-NVT of the Cục Thuế)
    doc.loai_van_ban = _first(consolidated(symbol), head.doc_type, canonical_type(art.doc_type),
                              canonical_type(portal.get("loai_van_ban")), coded,
                              title_type(lines[:5], doc.so_ky_hieu) if formal else None)
    subject = _first(head.subject, art.subject)
    if not subject and (subject := summary_subject(text)):   # a document without its own subject line
        doc.flag("trich_yeu")
    if not subject and art.headline:
        subject = sentence_case(art.headline)
        doc.flag("trich_yeu")
    doc.trich_yeu = subject
    if not doc.loai_van_ban and ocr and (found := heading_after_debris(lines[:min(end, HEADER_SCAN)])):
        doc.loai_van_ban = found
        doc.flag("loai_van_ban")
    if not doc.loai_van_ban and (subject or "").startswith("V/v"):
        doc.loai_van_ban = "Công văn"  # a letter's subject line; certain when its symbol names no type (4085/UBND-ĐT)
        if not (symbol and head.so_ky_hieu):
            doc.flag("loai_van_ban")
    if not doc.loai_van_ban and ocr and (found := type_from_number_line(head.symbol_raw)):
        doc.loai_van_ban = found
        doc.flag("loai_van_ban")
    if not doc.loai_van_ban and head.kinh_gui:
        doc.loai_van_ban = "Công văn"  # addressed, and no heading names another type
        doc.flag("loai_van_ban")
    if slashless:
        doc.flag("so_ky_hieu", f"dòng số ký hiệu của bản OCR bị hỏng ('{slashless}'), "
                               f"đọc được nhờ tên tệp gốc cũng ghi số {symbol.number}")
    elif ocr:
        symbol = _number_from_file_name(doc, symbol, seen)
    if layout.witnesses:
        symbol = _from_stamp(doc, head, layout.witnesses) or symbol
    _fill_issuer(doc, head, art, portal, symbol, copy, body_text, lines[:min(end, HEADER_SCAN)], formal)
    doc.dia_danh = head.dia_danh
    # Dates come from the document's own date line (never a received stamp or a signing
    # time); one whose fields OCR garbled ("ngày C4 tháng 3") is null, not a guess.
    if not (ocr and (garbled_date(head.date_raw) or garbled_date(head.symbol_raw))):
        _fill_date(doc, head, art, portal, body_text)
    # Other witnesses must name a person: a digital-signature stamp's "Người ký: Sở Y tế" does not.
    doc.nguoi_ky = _first(sig.nguoi_ky, *(n for n in (art.signer, portal.get("nguoi_ky")) if n and is_name(n)))
    doc.chuc_vu = _first(sig.chuc_vu, _chuc_vu_from_roles(art.roles, doc.co_quan_ban_hanh))
    own = {symbol_key(s) for s in (doc.so_ky_hieu, (copy or {}).get("so_ky_hieu")) if s}
    # Paragraphs are already single-spaced; only the subject needs collapsing.
    cited_text = " ".join(t for t in (collapse_spaces(doc.trich_yeu or ""), body_text) if t)
    if ocr:
        doc.van_ban_dan_chieu = _scan_citations(doc, body_lines, own)
    else:
        doc.van_ban_dan_chieu = find_citations(cited_text, own, own_type=doc.loai_van_ban)
    if doc.ngay_ban_hanh is None and art.date and art.date[0] is None:
        year = infer_year(art.date[1], art.date[2], [c.ngay for c in doc.van_ban_dan_chieu], doc.ngay_dang)
        doc.ngay_ban_hanh = iso(year, art.date[1], art.date[2]) if year else None
        doc.flag("ngay_ban_hanh")
    if layout.scan is not None:
        symbol = distrust_handwriting(doc, symbol, layout.scan, bool(seen) and seen.confirm_symbol(doc.so_ky_hieu),
                                      head.symbol_raw)
    if ocr:
        _check_ocr(doc, text, seen, symbol)
        if sig.doubt and doc.nguoi_ky == sig.nguoi_ky:
            doc.flag("nguoi_ky", sig.doubt)
    for key in _EXPECTED:
        if not getattr(doc, key):
            doc.flag(key)
    doc.title = _title(doc)
    return Parsed(doc, paras, headline=art.headline, posted_raw=art.stamp_raw, symbol_raw=head.symbol_raw,
                  date_raw=head.date_raw, received_raw=head.stamp_raw, copy_raw=copy_raw, ocr=ocr)


def _from_stamp(doc: VanBan, head, witnesses: dict):
    """An e-signed document's number and date, typed blank and stamped by the signing system:
    taken from the stamp only where the header is blank, and flagged. Returns the symbol taken."""
    symbol = None
    number = witnesses.get("so_ky_hieu")
    if not doc.so_ky_hieu and number and fits_blank(number.value, blank_number_tail(head.symbol_raw)):
        doc.so_ky_hieu, symbol = number.value, parse_symbol(number.value)
        doc.flag("so_ky_hieu", f"số ký hiệu để trống trong văn bản, lấy từ {number.note}")
        doc.loai_van_ban = doc.loai_van_ban or (symbol.doc_type if symbol else None)
    date = witnesses.get("ngay_ban_hanh")
    year = re.search(r"năm\s+((?:19|20)\d\d)", head.date_raw or "")
    if not head.ngay and date and (not year or date.value.startswith(year[1])):
        head.ngay = date.value
        doc.flag("ngay_ban_hanh", f"ngày ban hành để trống trong văn bản, lấy từ {date.note}")
    return symbol


def _garbled_number_line(head, lines: list[str], seen) -> str | None:
    """A number OCR garbled is null, never a part of it ("Số: 3{85" is not 85), and its line
    belongs to the header, so it is not cited as another document ("Số: #49 /TCT-TTKT").
    A line that lost its "Số:" and slash ("86:5619 SYT-NVY") is read only when a witness agrees:
    then its text is returned, for the review note."""
    if garbled_number(head.symbol_raw):
        head.so_ky_hieu = None
    if head.symbol_raw is None and (i := garbled_so_line(lines)) is not None:
        head.symbol_raw = lines[i]
        head.taken.add(i)
    if head.symbol_raw is None and head.so_ky_hieu is None and (found := slashless_so_line(lines, seen)):
        i, symbol, read = found
        head.symbol_raw, head.so_ky_hieu = lines[i], str(symbol)
        head.taken.add(i)
        return read
    return None


def _number_from_file_name(doc: VanBan, symbol, seen):
    """The number a scan's OCR text misread, taken from the file name: a second, independent
    witness (FileTitle.reading), never a repair of the digits. It stays flagged, saying why.
    Returns the symbol published."""
    if not symbol or seen.confirm_symbol(doc.so_ky_hieu) or not seen.title:
        return symbol
    number = seen.title.reading(symbol, doc.loai_van_ban)
    if number is None:
        return symbol
    read, symbol = doc.so_ky_hieu, dataclasses.replace(symbol, number=number)
    doc.so_ky_hieu = str(symbol)
    doc.flag("so_ky_hieu", f"bản OCR đọc số ký hiệu là {read}, tên tệp gốc ghi số {number}: "
                           f"đã đăng {doc.so_ky_hieu} theo tên tệp")
    return symbol


def _scan_citations(doc: VanBan, body_lines: list[str], own: set[str]) -> list:
    """Citations on a scan: not from other headers' number lines, not after OCR debris, none
    OCR cut short ("16/CT-T") or cut at a line end when the whole symbol is cited too
    ("118/TB" beside 118/TB-TCT)."""
    body = " ".join(paragraphs([line for line in body_lines if not is_number_line(line)]))
    text = citation_text(" ".join(t for t in (collapse_spaces(doc.trich_yeu or ""), body) if t))
    found = repair_named_issuers([c for c in find_citations(text, own, trusted_number, doc.loai_van_ban) if c.so_ky_hieu], text, own)
    symbols = [parse_symbol(c.so_ky_hieu) for c in found]
    return [c for c, symbol in zip(found, symbols)
            if not looks_cut(symbol) and not any(_cut_from(symbol, other) for other in symbols)]


def _cut_from(symbol, whole) -> bool:
    """symbol is whole with its last codes cut off ("1999/QCPH" of 1999/QCPH-BHXH-TCT)."""
    return (symbol.number.lstrip("0"), symbol.year) == (whole.number.lstrip("0"), whole.year) \
        and len(symbol.codes) < len(whole.codes) and whole.codes[:len(symbol.codes)] == symbol.codes


def _scan_signer(sig, lines: list[str], head, end: int, layout=None) -> None:
    """On a scan the first signature block is the document's own (attachments follow); it is
    found through OCR noise, first in the signature column read on its own when there is one,
    then in that column as the second recogniser read it (parsing/scan_signer.py). A name found
    the usual way gets its surname's marks back."""
    header_end = max((i for i in head.taken if i < HEADER_SCAN), default=-1) + 1  # Kính gửi lists run on
    column = layout.signature if layout is not None else []
    second_column = layout.second_signature if layout is not None else []
    printed = names_in(lines) if column or second_column else []
    scan = column_signature(column, printed) if column else Signature()
    if not scan.nguoi_ky and (second := second_signer(second_column, column, printed)):
        scan.nguoi_ky, scan.doubt = second
    if not scan.nguoi_ky:
        scan = scan_signature(lines, header_end, end)
    if scan.nguoi_ky:
        sig.nguoi_ky, sig.doubt = scan.nguoi_ky, scan.doubt
        sig.taken |= scan.taken
    elif sig.nguoi_ky:
        sig.nguoi_ky = restore_surname(sig.nguoi_ky)


def _check_ocr(doc: VanBan, text: str, seen, symbol) -> None:
    """OCR misreads digits and names: number, date and signer stay flagged unless a second
    place in the input agrees. An unreadable signature block falls back to the signature stamp.
    An issuer the symbol's own code contradicts (a received stamp's "CỤC THUẾ TỈNH HÒA BÌNH"
    over 470/TCT-TTKT) is flagged."""
    doc.nguon_ocr = True
    doc.co_quan_ban_hanh = known_spelling(doc.co_quan_ban_hanh) or doc.co_quan_ban_hanh
    coded = issuer_from_symbol(symbol) if symbol and not symbol.party else None
    if coded and name_key(coded) not in name_key(doc.co_quan_ban_hanh or ""):
        doc.flag("co_quan_ban_hanh")
    from_stamp = doc.nguoi_ky is None and bool(signer := stamp_signer(text))
    if from_stamp:
        doc.nguoi_ky = signer  # the stamp is then its only witness
    for key, confirmed in (("so_ky_hieu", seen.confirm_symbol(doc.so_ky_hieu)),
                           ("ngay_ban_hanh", seen.confirm_date(doc.ngay_ban_hanh)),
                           ("nguoi_ky", not from_stamp and seen.confirm_signer(doc.nguoi_ky))):
        if not confirmed:
            doc.flag(key)


# "(Ban hành kèm theo Công văn số /BYT-DP ngày /9/2020 của Bộ Y tế)": a guide without a masthead.
_ANNEX_OF_RE = re.compile(r"^\(?\s*(?:Ban hành )?kèm theo [^()]{3,80}? của (?P<issuer>[^()]{3,60}?)\s*\)?\s*$", re.IGNORECASE)


def _issuer_by_spelling(lines: list[str]) -> str | None:
    """A central body named where the masthead parser does not look: the masthead's issuer part
    in mixed case ("Bộ YTÉ CỘNG HÒA XÃ HỘI …"), or a guide's "(Ban hành kèm theo … của Bộ Y tế)".
    Only a name the register spells that way counts."""
    for line in lines:
        agency, motto, _ = split_motto(line, None)
        annex = _ANNEX_OF_RE.match(line.strip())
        name = agency if motto and agency else annex["issuer"] if annex else None
        if name and (known := known_spelling(name)):
            return known
    return None


def _fill_issuer(doc, head, art, portal, symbol, copy, body_text, header_lines, formal: bool) -> None:
    masthead = known_spelling(head.issuer) or head.issuer  # "Bộ YTÉ" read by OCR is Bộ Y tế
    masthead = masthead if plausible_name(masthead) else None  # not OCR garbage ("tong cyc thue")
    ocr_guess = None if masthead else ocr_masthead(head.issuer)      # unless the register recognises it
    issuer = _first(head.type_issuer, art.issuer and official_case(art.issuer), masthead, ocr_guess,
                    authority_body(head.authority))  # a masthead lost with its column: the authority line
    if issuer and issuer == ocr_guess:
        doc.flag("co_quan_ban_hanh")
    if not issuer and portal.get("co_quan_ban_hanh"):
        issuer = official_case(portal["co_quan_ban_hanh"])  # a CMS field in capitals
    if not issuer and (issuer := _issuer_by_spelling(header_lines)):
        doc.flag("co_quan_ban_hanh")  # a masthead OCR left in mixed case, or the annex line of a guide
    if not issuer and head.kinh_gui and (issuer := speaking_body(body_text)):
        doc.flag("co_quan_ban_hanh")  # a letter without its masthead: the body that speaks in it
    if not issuer and (placed := issuer_of_place(symbol, head.dia_danh)):
        doc.co_quan_ban_hanh, doc.ma_co_quan = placed.name, placed.body_id
        doc.flag("co_quan_ban_hanh")
        return
    if not issuer:
        issuer = issuer_from_symbol(symbol)
        if issuer:
            doc.flag("co_quan_ban_hanh")
    if issuer and not formal and (completed := complete_from_site(expand_abbreviations(issuer), portal.get("nguon"))):
        issuer = completed  # a post on a district's portal: "UBND huyện" is that district's
        doc.flag("co_quan_ban_hanh")
    if issuer:
        place = place_for_issuer(issuer, [head.parent, head.dia_danh, (copy or {}).get("cap_tren"),
                                          (copy or {}).get("co_quan"), art.nguon, portal.get("nguon")], body_text)
        if place:
            issuer = f"{issuer} {place}"
            if place not in (find_province(head.parent), find_province(head.dia_danh)):
                doc.flag("co_quan_ban_hanh")  # the place was inferred, not read in the header
    found = canonical_issuer(issuer, symbol, [head.parent, head.dia_danh])
    if found.unsure:  # not in the register ("Huyện ủy" without the district's name), or corrected from the symbol
        doc.flag("co_quan_ban_hanh")
    doc.co_quan_ban_hanh, doc.ma_co_quan = found.name, found.body_id


# A resolution or law dated only by its closing clause: "Nghị quyết này được Ủy ban Thường vụ
# Quốc hội … khóa XV, phiên họp thứ 9 thông qua ngày 23 tháng 3 năm 2022."
_ADOPTED_RE = re.compile(r"\b(?:Nghị quyết|Luật|Bộ luật|Pháp lệnh) n[àa]y (?:đã )?được [^.;]{5,200}?thông qua (?=ngày)",
                         re.IGNORECASE)


def _fill_date(doc, head, art, portal, body_text: str) -> None:
    if head.ngay:
        doc.ngay_ban_hanh = head.ngay
        return
    parts = parse_date(portal.get("ngay_ban_hanh") or "")
    if parts and parts[0]:  # the legal portal's own table outranks a date read from running text
        doc.ngay_ban_hanh = iso(*parts)
        return
    if art.date and art.date[0]:
        doc.ngay_ban_hanh = iso(*art.date)
        doc.flag("ngay_ban_hanh")
        return
    adopted = _ADOPTED_RE.search(body_text) if "thông qua" in body_text else None
    match, parts = next(find_dates(body_text[adopted.end():adopted.end() + 40]), (None, None)) if adopted else (None, None)
    if match and match.start() == 0 and parts[0]:
        # The date the body adopted it: the law's own, but a court council's or a committee's resolution
        # is issued days later (adopted 21/02, issued 05/03), so it is published for review.
        doc.ngay_ban_hanh = iso(*parts)
        doc.flag("ngay_ban_hanh")
