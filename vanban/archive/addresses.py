"""Permanent addresses: where each document is published, and redirects from its old addresses.

The rule (README "Feeds, open data and addresses"; staff guide docs/huong-dan/):
- a document with a `slug` key is at van-ban/<slug>/. The converter writes `slug` from
  stable fields when it first converts a document (type + số ký hiệu, else type +
  issuer + date, under the year folder: "2021/cong-van-154-cv-tu"), the same path as the
  file it writes, so renaming or moving the file later does not move the page;
- a document without `slug` is at its file's path (van-ban/2021/x.md -> van-ban/2021/x/).
Neither depends on the title or the subject, so fixing a typo there never moves a page.

When an address must change, staff list the old ones under `duong_dan_cu`; each gets a
small redirect page (redirect_page). Two documents may not share an address, two
documents may not claim the same old address, and an old address may not be a live page.
Addresses are compared without case: on Windows or macOS hosting "Van-Ban/x/" and
"van-ban/x/" are one folder, and one page would overwrite the other.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from ..schema import Problem, old_path
from . import urls
from .catalog import Record


@dataclass(frozen=True)
class Redirect:
    old: str        # site folder of the old address, "van-ban/2021/x/"
    src_uri: str    # the document it leads to


@dataclass
class Addresses:
    moved: dict[str, str]       # src_uri -> "van-ban/<slug>/" when that differs from the file's path
    redirects: list[Redirect]


def slug_address(record: Record) -> str | None:
    slug = record.meta.get("slug")
    return f"{urls.DOCUMENTS_DIR}{slug}/" if isinstance(slug, str) and slug and not _has_error(record, "slug") else None


def _has_error(record: Record, key: str) -> bool:
    return any(p.key == key and p.severity == "error" for p in record.problems)


def plan_addresses(records: list[Record]) -> Addresses:
    """Every document's address and redirect. Records come sorted by src_uri: when two claim one
    address, the first keeps it and the second gets an error naming the first (and keeps its
    file's path, or loses the redirect), so a non-strict build is still complete and stable."""
    wanted = {r.src_uri: slug_address(r) for r in records}
    owner: dict[str, Record] = {}   # address, case folded -> document
    for record in records:  # pages without a slug of their own keep their file's path first
        path = urls.path_url(record.src_uri)
        if wanted[record.src_uri] in (None, path):
            if path.casefold() in owner:
                record.problems.insert(0, Problem(
                    "tên tệp", record.src_uri, f"cùng địa chỉ với {owner[path.casefold()].src_uri} khi không "
                    "phân biệt chữ hoa, chữ thường (máy chủ Windows, macOS ghi đè trang này lên trang kia)",
                    "đổi tên tệp: chỉ dùng chữ thường"))
            owner.setdefault(path.casefold(), record)
    moved: dict[str, str] = {}
    for record in records:
        address = wanted[record.src_uri]
        if address is None or address == urls.path_url(record.src_uri):
            continue
        if address.casefold() in owner:
            record.problems.insert(0, Problem(
                "slug", record.meta.get("slug"), f"địa chỉ {address} đã là của {owner[address.casefold()].src_uri}",
                "mỗi văn bản một địa chỉ: đổi slug của một trong hai trang"))
            owner.setdefault(urls.path_url(record.src_uri).casefold(), record)
            continue
        moved[record.src_uri] = address
        owner[address.casefold()] = record
    redirects, claimed = [], {}
    for record in records:
        for value in _old_paths(record):
            old = old_path(value)
            key = old.casefold()
            if key in claimed and claimed[key] is not record:
                record.problems.insert(0, Problem(
                    "duong_dan_cu", value, f"địa chỉ cũ {old} đã được {claimed[key].src_uri} khai báo",
                    "một địa chỉ cũ chỉ chuyển về một văn bản: xóa dòng này ở một trong hai trang"))
            elif key in owner:
                live = owner[key]
                record.problems.insert(0, Problem(
                    "duong_dan_cu", value, "đây là địa chỉ hiện tại của chính trang này" if live is record
                    else f"{old} đang là địa chỉ của văn bản {live.src_uri}", _LIVE_FIX))
            elif key not in claimed:
                claimed[key] = record
                redirects.append(Redirect(old, record.src_uri))
    return Addresses(moved, redirects)


_LIVE_FIX = "chỉ ghi địa chỉ không còn dùng: một trang đang có không thể chuyển hướng"


def _old_paths(record: Record) -> list:
    values = record.meta.get("duong_dan_cu")
    return values if isinstance(values, list) and not _has_error(record, "duong_dan_cu") else []


def check_live_pages(addresses: Addresses, by_src: dict[str, Record], live: dict[str, str]) -> None:
    """Drop redirects whose old address is a page of the built site (live: folder -> its src_uri),
    with an error on the document that claimed it. Documents were checked in plan_addresses;
    this adds the index pages, hand-written pages and static files only the build knows."""
    live = {folder.casefold(): src_uri for folder, src_uri in live.items()}
    kept = []
    for redirect in addresses.redirects:
        page = live.get(redirect.old.casefold())
        if page is None or page == redirect.src_uri:
            kept.append(redirect)
            continue
        by_src[redirect.src_uri].problems.insert(0, Problem(
            "duong_dan_cu", redirect.old, f"{redirect.old} đang là địa chỉ của trang {page}", _LIVE_FIX))
    addresses.redirects = kept


def redirect_file(redirect: Redirect) -> str:
    """Where the redirect page is written under site_dir."""
    return redirect.old + "index.html"


def redirect_page(redirect: Redirect, title: str, site_url: str | None) -> str:
    """A small static page: meta refresh, canonical link and a plain link; no script (strict CSP).
    The links are relative, so the redirect works at the root and under a sub-path."""
    target = urls.page_dir(redirect.src_uri)
    relative = html.escape(urls.href_between(redirect.old, target))
    canonical = html.escape(site_url.rstrip("/") + "/" + urls.site_url(redirect.src_uri)) if site_url else relative
    name = html.escape(" ".join(title.split()))
    return (
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Đã chuyển: {name}</title>\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={relative}\">\n"
        f"<link rel=\"canonical\" href=\"{canonical}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n"
        f"<p>Văn bản này đã chuyển sang địa chỉ mới: <a href=\"{relative}\">{name}</a>.</p>\n"
        "</body>\n</html>\n")
