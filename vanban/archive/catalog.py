"""Parse each page once into a record: its front matter, validated, and where its body
cites other documents; find duplicates.

A document is a page under docs/van-ban/ (urls.is_document). YAML is read
without implicit timestamps so that an impossible date such as 2021-02-30
reaches the schema as text and gets a precise message instead of a YAML crash.
A record keeps its body's citations (`mentions`), not the body: MkDocs reads the
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

import yaml

from ..agencies import agency_key, find_province
from ..register import body as register_body
from ..dates import parse_iso
from ..parsing.citations import Mention, mentions
from ..doctypes import canonical_type
from ..schema import Problem, validate
from ..symbols import normalize_symbol, parse_symbol, symbol_key
from ..text import collapse_spaces, name_key, nfc
from .pagefile import read_page
from .urls import is_document

# Same front-matter delimiters as MkDocs (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|$)", re.DOTALL)
_KEY_LINE_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster, as MkDocs uses


class _Loader(_BASE_LOADER):
    """Safe loader that keeps dates as strings (the schema checks them)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def body_mentions(body: str) -> BodyMentions:
    text = body_text(body)
    return BodyMentions(hash(text), tuple(mentions(text)))


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
        return body_mentions(self.body)

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
    def province(self) -> str | None:
        return find_province(self.co_quan) or find_province(self.get("dia_danh"))

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
    unreadable: list[str] = field(default_factory=list)  # pages left out of the site (encoding, size, empty)
    normalised: dict[str, str] = field(default_factory=dict)  # src_uri -> NFC text, for pages that were not NFC

    @property
    def errors(self) -> list[tuple[str, Problem]]:
        return [(src, p) for src, ps in sorted(self.problems.items()) for p in ps if p.severity == "error"]

    @property
    def review_flags(self) -> dict[str, list[Problem]]:
        """src_uri -> its review flags (can_xac_minh), for the pages that have any."""
        flagged = {src: [p for p in ps if p.severity != "error"] for src, ps in sorted(self.problems.items())}
        return {src: ps for src, ps in flagged.items() if ps}


def _front_matter(text: str) -> tuple[str, re.Match | None]:
    """(the page as NFC text, the match of its front matter or None)."""
    text = nfc(text.lstrip("\ufeff"))
    return text, _FRONT_MATTER_RE.match(text)


def page_body(text: str) -> str | None:
    """The body of a page (NFC), after its front matter; None when it has none."""
    text, match = _front_matter(text)
    return text[match.end():] if match else None


def split_front_matter(text: str) -> tuple[dict | None, str, Problem | None]:
    """(metadata, body, problem). metadata is None when the front matter is missing or broken."""
    text, match = _front_matter(text)
    if not match:
        return None, text, Problem("front matter", None, "trang văn bản thiếu phần khai báo đầu trang (---)",
                                   "mở đầu tệp bằng '---', các dòng 'khóa: giá trị', rồi '---' (xem trang Mẫu văn bản)")
    body = text[match.end():]
    try:
        meta = yaml.load(match.group(1), Loader=_Loader)
    except yaml.YAMLError as error:
        return None, body, _yaml_problem(match.group(1), error)
    if not isinstance(meta, dict):
        return None, body, Problem("front matter", meta, "phần khai báo đầu trang không phải dạng 'khóa: giá trị'",
                                   "viết mỗi thông tin trên một dòng 'khóa: giá trị'")
    return {str(k): v for k, v in meta.items()}, body, None


# libyaml's reasons as a staff member would say them, with the fix (anything else: libyaml's words).
_QUOTE = "đặt cả giá trị trong ngoặc kép, ví dụ trich_yeu: \"V/v: ...\""
_YAML_REASONS = (
    ("expected ',' or ']'", "danh sách mở bằng '[' mà thiếu dấu ']' đóng (hoặc thiếu dấu ',' giữa các mục)",
     "thêm ']' ở cuối danh sách, hoặc đặt giá trị trong ngoặc kép nếu nó không phải danh sách"),
    ("expected ',' or '}'", "nhóm mở bằng '{' mà thiếu dấu '}' đóng (hoặc thiếu dấu ',' giữa các khóa)",
     "thêm '}' ở cuối nhóm"),
    ("mapping values are not allowed", "giá trị có dấu ':' mà không đặt trong ngoặc kép, hoặc thụt lề sai", _QUOTE),
    ("while scanning a quoted scalar", "mở ngoặc kép mà không đóng", "thêm dấu ngoặc kép đóng ở cuối giá trị"),
    ("cannot start any token", "giá trị bắt đầu bằng ký tự đặc biệt ('@', '`', '%'...)", _QUOTE),
    ("tab character", "có ký tự tab", "YAML chỉ thụt lề bằng dấu cách: thay tab bằng hai dấu cách"),
    ("could not find expected ':'", "có dòng thiếu dấu ':' sau tên khóa",
     "viết 'khóa: giá trị'; giá trị dài thì viết trên một dòng"),
    ("expected key", "có dòng thụt lề sai hoặc không có dạng 'khóa: giá trị'",
     "mỗi khóa bắt đầu ở đầu dòng; mục danh sách thụt hai dấu cách rồi '- '"),
    ("expected '-' indicator", "danh sách có dòng không bắt đầu bằng '- '", "bắt đầu mỗi mục danh sách bằng '- '"),
    ("undefined alias", "giá trị bắt đầu bằng '*'", _QUOTE),
    ("could not determine a constructor", "giá trị bắt đầu bằng '!'", _QUOTE),
    ("control characters are not allowed", "có ký tự điều khiển ẩn (thường do dán từ trang web hoặc Word)",
     "gõ lại dòng này, hoặc dán qua Notepad để bỏ ký tự ẩn"),
)
_YAML_FIX = "kiểm tra dấu hai chấm, dấu ngoặc kép và thụt lề; giá trị có dấu ':' hoặc '#' phải đặt trong ngoặc kép"


def _yaml_problem(source: str, error: yaml.YAMLError) -> Problem:
    """Name the key whose value YAML could not read (marks are 0-based, after the first '---')."""
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    lines = source.splitlines()
    if mark is not None:
        line_no = mark.line
    else:  # a ReaderError names only the character (its position is in bytes for libyaml, chars otherwise)
        character = getattr(error, "character", None)
        at = source.find(chr(character) if isinstance(character, int) else str(character or ""))
        line_no = source.count("\n", 0, at) if at >= 0 else 0
    line_no = min(line_no, len(lines) - 1) if lines else 0
    key, value = "front matter", None
    for i in range(line_no, -1, -1):
        found = _KEY_LINE_RE.match(lines[i]) if lines else None
        if found:
            key, value = found.group(1), lines[i].split(":", 1)[1].strip()
            break
    english = collapse_spaces(" ".join(str(part) for part in (
        getattr(error, "context", None), getattr(error, "problem", None) or error) if part))
    reason, fix = next(((why, fix) for marker, why, fix in _YAML_REASONS if marker in english), (english, _YAML_FIX))
    return Problem(key, value, f"YAML hỏng ở dòng {line_no + 2}: {reason}", fix)


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
        if not is_document(src_uri):
            continue
        if callable(content):
            content = content()
        text, file_problems = read_page(src_uri, content)
        if text is None:
            problems[src_uri] = file_problems
            catalog.unreadable.append(src_uri)
            continue
        if text != content and (not isinstance(content, bytes) or text.encode("utf-8") != content):
            catalog.normalised[src_uri] = text
        meta, body, problem = split_front_matter(text)
        if meta is None:
            problems[src_uri] = file_problems + [problem]
            continue
        record = Record(src_uri, meta, body, file_problems + validate(meta))
        record.mentions  # noqa: B018 -- read now, then the body is let go
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
