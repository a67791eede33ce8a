"""Parse each page once into a record: its front matter, validated, and where its body
cites other documents; find duplicates.

A document is a page under docs/van-ban/ (urls.is_document). Its front matter is
read by the one loader (frontmatter.py): dates stay text, so that an impossible
date such as 2021-02-30 gets a precise message from the schema.
A record keeps its body's citations (`mentions`) and the clause saying when it takes
effect (`effective`), not the body: MkDocs reads the
page again to render it, and holding every body at once cost ~40 KB a document.
A document without a subject keeps the first words of its text (`excerpt`) for the lists.
Pages may be given unread (a function that returns the content), so a build
holds one page's text at a time.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property


from ..agencies import agency_key, district_of, district_province, find_province
from ..places import District
from ..register import body as register_body
from ..dates import parse_iso
from ..parsing.citations import Mention, mentions
from ..parsing.effective import Effective, effective_from
from ..doctypes import canonical_type
from ..schema import DOCUMENT_KEYS, SITE_PAGE_KEYS, Problem, unknown_key, validate
from ..symbols import normalize_symbol, parse_symbol, symbol_key
from ..text import collapse_spaces, name_key, nfc
from .frontmatter import page_body, split_front_matter  # noqa: F401 (the one loader; re-exported)
from .pagefile import is_hidden, read_page
from .urls import DOCUMENTS_DIR, is_document


@dataclass(frozen=True)
class BodyMentions:
    """Where a body's citations stand, and the hash of the text the offsets index:
    body_links.py links them without searching the body a second time."""
    digest: int
    mentions: tuple[Mention, ...]


def body_text(markdown: str) -> str:
    """A body as MkDocs hands it to on_page_markdown (no leading blank lines), in NFC."""
    return nfc(markdown).lstrip("\n")


EXCERPT_WORDS = 24
_MARKUP = re.compile(r"\\(?=[\\`*_{}\[\]#|~^=<>.+\-!()])|\*\*|(?<!\w)\*|\*(?!\w)")
_NOT_TEXT_START = ("*", "#", "- ", "+ ", "|", "---", "<", ">", "```")


def first_words(body: str, limit: int = EXCERPT_WORDS) -> str | None:
    """The first words of a body's running text (not its number line, "Kính gửi" list or a
    heading), as plain text: what a list shows for a document without a subject."""
    for block in body_text(body).split("\n\n"):
        block = block.strip()
        if not block or block.startswith(_NOT_TEXT_START) or len(block.split()) < 4:
            continue
        words = collapse_spaces(_MARKUP.sub("", block).replace("&amp;", "&").replace("&lt;", "<")
                                .replace("&gt;", ">")).split()
        return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
    return None


def body_mentions(body: str, own_type: str | None = None) -> BodyMentions:
    """own_type: the page's type, so the relation phrases know which "… này" is the page itself."""
    text = body_text(body)
    return BodyMentions(hash(text), tuple(mentions(text, own_type=own_type)))


@dataclass
class Record:
    """One document page: its metadata as staff wrote it plus derived keys (computed once)."""
    src_uri: str
    meta: dict
    body: str   # "" once build_catalog has read its mentions
    problems: list[Problem] = field(default_factory=list)
    excerpt: str | None = None   # first words of the text, for a document without a subject

    @cached_property
    def mentions(self) -> BodyMentions:
        return body_mentions(self.body, self.loai_van_ban)

    @cached_property
    def effective(self) -> Effective | None:
        """When the body says the document takes effect ("Chỉ thị này có hiệu lực kể từ ngày ký")."""
        return effective_from(body_text(self.body), self.loai_van_ban)

    def get(self, key: str) -> str | None:
        value = self.meta.get(key)
        return collapse_spaces(nfc(str(value))) if value not in (None, "", []) else None

    @property
    def title(self) -> str:
        return self.get("title") or self.src_uri

    @cached_property
    def so_ky_hieu(self) -> str | None:
        raw = self.get("so_ky_hieu")
        return normalize_symbol(raw) or raw if raw else None

    @cached_property
    def symbol_key(self) -> str | None:
        return symbol_key(self.so_ky_hieu) if self.so_ky_hieu else None

    @cached_property
    def loai_van_ban(self) -> str | None:
        return canonical_type(self.get("loai_van_ban")) or self.get("loai_van_ban")

    @cached_property
    def co_quan(self) -> str | None:
        return self.get("co_quan_ban_hanh")

    @cached_property
    def agency_key(self) -> str | None:
        """The issuer's register id (ma_co_quan when staff wrote a valid one), else a key of its spelling."""
        given = self.get("ma_co_quan")
        if given and self.co_quan and register_body(given):
            return given
        return agency_key(self.co_quan) if self.co_quan else None

    @cached_property
    def date(self) -> dt.date | None:
        return parse_iso(self.meta.get("ngay_ban_hanh"))

    @cached_property
    def year(self) -> int | None:
        if self.date:
            return self.date.year
        parsed = parse_symbol(self.so_ky_hieu or "")
        return int(parsed.year) if parsed and parsed.year else None

    @cached_property
    def district(self) -> District | None:
        """The district of a district body's document (vanban.agencies.district_of), else None."""
        return district_of(self.co_quan, self.get("dia_danh"))

    @cached_property
    def province(self) -> str | None:
        """Named in the issuer or the place line, else the province of its district: real district letters
        ("Huyện ủy Kim Bảng", "Kim Bảng, ngày …") almost never name their province."""
        return find_province(self.co_quan) or find_province(self.get("dia_danh")) or district_province(self.district)

    @cached_property
    def review_keys(self) -> list[str]:
        flags = self.meta.get("can_xac_minh")
        return [str(k) for k in flags] if isinstance(flags, list) else []

    @cached_property
    def identity(self) -> tuple:
        """What makes two pages the same directive: number, issuer and year; without a
        number, issuer, date and subject (several unnumbered directives share an issuer)."""
        if self.symbol_key:
            return (self.symbol_key, self.agency_key, self.year)
        return (None, self.agency_key, self.date, name_key(self.get("trich_yeu") or ""))

    def sort_key(self) -> tuple:
        """Newest first when sorted with reverse=True; undated pages last."""
        return (self.date or dt.date.min, self.so_ky_hieu or "", self.src_uri)


@dataclass
class Catalog:
    records: list[Record]
    problems: dict[str, list[Problem]]  # src_uri -> problems, for every page checked
    # Pages and files left out of the site: not UTF-8, empty, too large, front matter refused,
    # a document outside docs/van-ban/, a file the file policy refuses (filepolicy.py).
    unreadable: list[str] = field(default_factory=list)
    normalised: dict[str, str] = field(default_factory=dict)  # src_uri -> NFC text, for pages that were not NFC
    site_meta: dict[str, dict] = field(default_factory=dict)  # pages outside van-ban/ -> their SITE_PAGE_KEYS

    def refuse(self, src_uri: str, problems: list[Problem]) -> None:
        """Leave a page or file out of the site, with the problems that say why."""
        self.problems[src_uri] = self.problems.get(src_uri, []) + problems
        self.unreadable.append(src_uri)
        self.normalised.pop(src_uri, None)   # an NFD page refused after it was read

    @property
    def errors(self) -> list[tuple[str, Problem]]:
        return [(src, p) for src, ps in sorted(self.problems.items()) for p in ps if p.severity == "error"]

    @property
    def review_flags(self) -> dict[str, list[Problem]]:
        """src_uri -> its review flags (can_xac_minh), for the pages that have any."""
        flagged = {src: [p for p in ps if p.severity != "error"] for src, ps in sorted(self.problems.items())}
        return {src: ps for src, ps in flagged.items() if ps}


def _duplicate_key(record: Record) -> tuple | None:
    """Duplicates are the same number from the same issuer in the same year."""
    if not (record.symbol_key and record.agency_key):
        return None
    return record.identity


def build_catalog(pages) -> Catalog:
    """pages: iterable of (src_uri, content) for every Markdown page, content as bytes, text or
    a function that reads them; only documents become records."""
    records, problems = [], {}
    catalog = Catalog(records, problems)
    seen: dict[tuple, Record] = {}
    for src_uri, content in sorted(pages, key=lambda page: page[0]):
        if not is_document(src_uri):   # under van-ban/, the file policy refuses it (filepolicy.py)
            if not is_hidden(src_uri) and not src_uri.startswith(DOCUMENTS_DIR):   # MkDocs skips hidden pages
                _read_site_page(catalog, src_uri, content)
            continue
        if callable(content):
            content = content()
        text, file_problems = read_page(src_uri, content)
        if text is None or _index_name(src_uri):
            catalog.refuse(src_uri, file_problems + ([_index_name(src_uri)] if text is not None else []))
            continue
        if text != content and (not isinstance(content, bytes) or text.encode("utf-8") != content):
            catalog.normalised[src_uri] = text
        meta, body, problem = split_front_matter(text)
        if meta is None:   # never rendered: MkDocs would show the refused YAML as Markdown
            catalog.refuse(src_uri, file_problems + [problem])
            continue
        record = Record(src_uri, meta, body, file_problems + validate(meta))
        record.mentions, record.effective  # noqa: B018 -- read now, then the body is let go
        if not record.get("trich_yeu"):
            record.excerpt = first_words(body)
        record.body = ""
        duplicate_of = seen.get(_duplicate_key(record)) if _duplicate_key(record) else None
        if duplicate_of:
            record.problems.insert(0, Problem(
                "so_ky_hieu", record.so_ky_hieu,
                f"trùng văn bản {duplicate_of.src_uri} (cùng số ký hiệu, cơ quan ban hành và năm)",
                "mỗi văn bản chỉ có một trang: xóa trang trùng, hoặc sửa so_ky_hieu / co_quan_ban_hanh / ngay_ban_hanh cho đúng"))
        elif _duplicate_key(record):
            seen[_duplicate_key(record)] = record
        problems[src_uri] = record.problems
        records.append(record)
    return catalog


def _index_name(src_uri: str) -> Problem | None:
    """A document named index.md or README.md would be its folder's page, and its record file
    (du-lieu/van-ban/<folder>.json) that of the document whose slug is that folder."""
    name = src_uri.rsplit("/", 1)[-1]
    if name.rsplit(".", 1)[0].casefold() not in ("index", "readme"):
        return None
    return Problem("tên tệp", src_uri, f"tên '{name}' dành cho trang mục lục của thư mục, không cho một văn bản",
                   "đổi tên tệp theo loại và số ký hiệu, ví dụ van-ban/2021/cong-van-154-cv-tu.md")


_MOVE_TO_DOCUMENTS = "chuyển tệp vào docs/van-ban/<năm>/ (ví dụ docs/van-ban/2021/), nơi mọi trang văn bản được kiểm tra"


def _read_site_page(catalog: Catalog, src_uri: str, content) -> None:
    """A page outside van-ban/ (hand-written): read by the same loader, never a document, and only
    SITE_PAGE_KEYS of its front matter reach the theme."""
    text, problems = read_page(src_uri, content() if callable(content) else content)
    if text is None:
        catalog.refuse(src_uri, problems)
        return
    meta, _, problem = split_front_matter(text)
    if meta is None and page_body(text) is not None:   # a page without front matter is fine
        catalog.refuse(src_uri, problems + [problem])
        return
    meta = meta or {}
    document_keys = [key for key in DOCUMENT_KEYS if key in meta]
    if document_keys:
        catalog.refuse(src_uri, problems + [Problem(
            "tệp", src_uri, f"trang văn bản (có khóa {', '.join(document_keys)}) nằm ngoài docs/van-ban/: "
            "kho không kiểm tra và không công bố trang này", _MOVE_TO_DOCUMENTS)])
        return
    problems += [unknown_key(key, value, dict.fromkeys(SITE_PAGE_KEYS)) for key, value in meta.items()
                 if key not in SITE_PAGE_KEYS]
    if problems:
        catalog.problems[src_uri] = problems
    catalog.site_meta[src_uri] = {key: value for key, value in meta.items() if key in SITE_PAGE_KEYS}
