"""Assemble a VanBan from the block parsers. Missing fields are null and flagged;
inferred fields are filled and flagged (can_xac_minh)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import iso, parse_date
from ..doctypes import canonical_type
from ..model import VanBan
from ..symbols import normalize_symbol, parse_symbol, symbol_key
from ..text import collapse_spaces, name_key, sentence_case
from .article import Article, find_source, parse_article
from .body import paragraphs
from .casing import official_case, plausible_name
from .citations import find_citations
from .copyblock import parse_copy_block
from .header import HEADER_SCAN, parse_header
from .infer import infer_year, issuer_from_symbol, place_for_issuer
from .issuer import canonical_issuer, ocr_masthead
from .lines import is_name, is_upper
from .noise import clean_lines
from .portal import parse_portal_table
from .signature import parse_signature
from .signing import date_from_signature

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


def extract(text: str) -> Parsed:
    lines = clean_lines(text)
    portal, portal_taken = parse_portal_table(lines)
    lines = [line for i, line in enumerate(lines) if i not in portal_taken]
    copy, copy_taken, copy_raw = parse_copy_block(lines)
    end = min(copy_taken) if copy_taken else len(lines)
    head = parse_header(lines[:end])
    formal = bool(head.so_ky_hieu or head.doc_type or head.agency_lines)
    if formal:
        art = Article()
        find_source(lines[:end], art)
    else:
        art = parse_article(lines[:end])
    sig = parse_signature(lines, end)
    taken = head.taken | art.taken | copy_taken | (sig.taken - head.taken)
    body_lines = [line for i, line in enumerate(lines) if i not in taken]
    paras = paragraphs(body_lines)
    body_text = " ".join(paras)

    doc = VanBan(kinh_gui=head.kinh_gui, noi_nhan=sig.noi_nhan, ban_sao=copy, so_den=head.so_den,
                 nguon=art.nguon, ngay_dang=art.ngay_dang)
    doc.so_ky_hieu = _first(head.so_ky_hieu, art.symbol, normalize_symbol(portal.get("so_ky_hieu")))
    symbol = parse_symbol(doc.so_ky_hieu) if doc.so_ky_hieu else None
    doc.loai_van_ban = _first(head.doc_type, canonical_type(art.doc_type), canonical_type(portal.get("loai_van_ban")),
                              symbol.doc_type if symbol else None)
    subject = _first(head.subject, art.subject)
    if not subject and art.headline:
        subject = sentence_case(art.headline)
        doc.flag("trich_yeu")
    doc.trich_yeu = subject
    if not doc.loai_van_ban and (subject or "").startswith("V/v"):
        doc.loai_van_ban = "Công văn"
        doc.flag("loai_van_ban")
    _fill_issuer(doc, head, art, portal, symbol, copy, body_text)
    doc.dia_danh = head.dia_danh
    _fill_date(doc, head, art, portal)
    if doc.ngay_ban_hanh is None and (signed := date_from_signature(text, lines[:end][:HEADER_SCAN + 20])):
        doc.ngay_ban_hanh = signed
        doc.flag("ngay_ban_hanh")
    # Other witnesses must name a person: a digital-signature stamp's "Người ký: Sở Y tế" does not.
    doc.nguoi_ky = _first(sig.nguoi_ky, *(n for n in (art.signer, portal.get("nguoi_ky")) if n and is_name(n)))
    doc.chuc_vu = _first(sig.chuc_vu, _chuc_vu_from_roles(art.roles, doc.co_quan_ban_hanh))
    own = {symbol_key(s) for s in (doc.so_ky_hieu, (copy or {}).get("so_ky_hieu")) if s}
    # Paragraphs are already single-spaced; only the subject needs collapsing.
    cited_text = " ".join(t for t in (collapse_spaces(doc.trich_yeu or ""), body_text) if t)
    doc.van_ban_dan_chieu = find_citations(cited_text, own)
    if doc.ngay_ban_hanh is None and art.date and art.date[0] is None:
        year = infer_year(art.date[1], art.date[2], [c.ngay for c in doc.van_ban_dan_chieu], doc.ngay_dang)
        doc.ngay_ban_hanh = iso(year, art.date[1], art.date[2]) if year else None
        doc.flag("ngay_ban_hanh")
    for key in _EXPECTED:
        if not getattr(doc, key):
            doc.flag(key)
    doc.title = _title(doc)
    return Parsed(doc, paras, headline=art.headline, posted_raw=art.stamp_raw, symbol_raw=head.symbol_raw,
                  date_raw=head.date_raw, received_raw=head.stamp_raw, copy_raw=copy_raw)


def _fill_issuer(doc, head, art, portal, symbol, copy, body_text) -> None:
    masthead = head.issuer if plausible_name(head.issuer) else None  # not OCR garbage ("tong cyc thue")
    ocr_guess = None if masthead else ocr_masthead(head.issuer)      # unless the register recognises it
    issuer = _first(head.type_issuer, art.issuer and official_case(art.issuer), masthead, ocr_guess)
    if issuer and issuer == ocr_guess:
        doc.flag("co_quan_ban_hanh")
    if not issuer and portal.get("co_quan_ban_hanh"):
        issuer = portal["co_quan_ban_hanh"]
    if not issuer:
        issuer = issuer_from_symbol(symbol)
        if issuer:
            doc.flag("co_quan_ban_hanh")
    if issuer:
        place = place_for_issuer(issuer, [head.parent, head.dia_danh, (copy or {}).get("cap_tren"),
                                          (copy or {}).get("co_quan"), art.nguon], body_text)
        if place:
            issuer = f"{issuer} {place}"
            if not (head.parent or head.dia_danh):
                doc.flag("co_quan_ban_hanh")
    found = canonical_issuer(issuer, symbol, [head.parent, head.dia_danh])
    if found.unsure:  # not in the register ("Huyện ủy" without the district's name), or corrected from the symbol
        doc.flag("co_quan_ban_hanh")
    doc.co_quan_ban_hanh, doc.ma_co_quan = found.name, found.body_id


def _fill_date(doc, head, art, portal) -> None:
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
