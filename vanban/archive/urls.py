"""Where every generated page lives (src_uri relative to docs/) and links between pages.

Links are written as relative paths to .md sources: MkDocs checks them and turns
them into relative URLs, so the site works at the root and under a sub-path.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import quote, unquote

from ..schema import RESERVED_NAMES, is_reserved
from ..text import slugify

DOCUMENTS_DIR = "van-ban/"   # only pages under docs/van-ban/ are documents
HOME = "index.md"
AGENCY_INDEX = "co-quan/index.md"
YEAR_INDEX = "nam/index.md"
UNDATED = "nam/khong-ro-ngay.md"
TYPE_INDEX = "loai/index.md"
MISSING_INDEX = "chua-co/index.md"
REVIEW = "can-xac-minh.md"
GUIDE = "huong-dan/index.md"
SEARCH = "tim-kiem.md"
KEYS = "huong-dan/cac-khoa.md"


STAFF_DIR = "huong-dan/"


def is_document(src_uri: str) -> bool:
    return src_uri.startswith(DOCUMENTS_DIR) and src_uri.endswith(".md")


def is_staff_page(src_uri: str) -> bool:
    """Pages for staff (văn thư): outside the readers' menu and the sitemap, reached from the
    footer's "Dành cho văn thư" (GUIDE)."""
    return src_uri == REVIEW or src_uri.startswith(STAFF_DIR)


def agency_page(slug: str) -> str:
    return f"co-quan/{slug}.md"


def province_page(province_id: str) -> str:
    return f"co-quan/dia-phuong/{province_id}.md"


def year_page(year: int) -> str:
    return f"nam/{year}/index.md"


def month_page(year: int, month: int) -> str:
    return f"nam/{year}/{month:02d}.md"


def type_page(type_name: str) -> str:
    slug = slugify(type_name)
    return f"loai/{slug}-2.md" if is_reserved(slug) else f"loai/{slug}.md"


def missing_page(slug: str) -> str:
    return f"chua-co/{slug}.md"


def list_page(src: str, number: int) -> str:
    """Page `number` of the list that starts at src: "co-quan/x.md" -> "co-quan/x/trang-2.md",
    "nam/2021/index.md" -> "nam/2021/trang-2.md" (listing.paginate)."""
    if number <= 1:
        return src
    folder = src[:-len("index.md")] if src.endswith("index.md") else src[:-len(".md")] + "/"
    return f"{folder}trang-{number}.md"


def unique_slugs(names: dict[str, str]) -> dict[str, str]:
    """Map key -> ASCII slug of its name, made unique in key order ("hoa", "hoa-2"), never a
    RESERVED_NAMES ("index" -> "index-2": a body named "Index" would replace the agency index)."""
    slugs: dict[str, str] = {}
    taken: set[str] = set(RESERVED_NAMES)
    for key in sorted(names):
        base = slugify(names[key])
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs[key] = slug
    return slugs


def relative(from_src: str, to_src: str) -> str:
    """Relative Markdown link from one source page to another."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


# Pre-rendered HTML (render.html_block) links to final URLs, not to .md sources.
# These mirror MkDocs 1.6 with `use_directory_urls: true` (File.url and
# utils.get_relative_url); hooks/archive.py refuses other settings, and
# tests/test_archive_render.py checks the mirror against MkDocs itself.

# Documents whose `slug` puts them elsewhere than their file's path (src_uri -> "van-ban/<slug>/"),
# set once per build by vanban.archive.site.build_archive; hooks/addresses.py tells MkDocs the same.
_moved: dict[str, str] = {}


def use_document_addresses(moved: dict[str, str]) -> None:
    global _moved
    _moved = dict(moved)
    site_url.cache_clear()


@lru_cache(maxsize=1 << 16)
def site_url(src_uri: str) -> str:
    """The URL MkDocs gives a page: "co-quan/x.md" -> "co-quan/x/", "nam/index.md" -> "nam/";
    a document with a `slug` is at "van-ban/<slug>/"."""
    moved = _moved.get(src_uri)
    return quote(moved) if moved else path_url(src_uri)


def path_url(src_uri: str) -> str:
    """The URL of a page at its file's path (what MkDocs does by itself)."""
    parent, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    dest = posixpath.join(parent, "index.html") if stem in ("index", "README") else \
        posixpath.join(parent, stem, "index.html")
    dirname, filename = posixpath.split(dest)
    return quote((dirname or ".") + "/" if filename == "index.html" else dest)


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path.lstrip("/"))[1:]
    return path.split("/") if path else []


@lru_cache(maxsize=1 << 12)
def _relative_dir(to_dir: str, from_dir: str) -> str:
    """Relative path between two page URLs' folders (most links share a few folder pairs)."""
    target, origin = _parts(to_dir), _parts(from_dir)
    common = 0
    for a, b in zip(origin, target):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(origin) - common) + target[common:])


def href(from_src: str, to_src: str) -> str:
    """What MkDocs writes for a Markdown link from one page's source to another's."""
    target, origin = site_url(to_src), site_url(from_src)
    relative = _relative_dir(target, origin) or "."
    return relative + "/" if target.endswith("/") else relative


def href_between(from_path: str, to_path: str) -> str:
    """Relative link between two site paths ("a/b/" is a folder, "a/b.json" a file)."""
    from_dir = from_path if from_path.endswith("/") else posixpath.dirname(from_path)
    to_dir, name = (to_path, "") if to_path.endswith("/") else posixpath.split(to_path)
    relative = _relative_dir(to_dir, from_dir)
    if not name:
        return (relative or ".") + "/"
    return f"{relative}/{quote(name)}" if relative else quote(name)


def page_dir(src_uri: str) -> str:
    """A page's folder under the site root, unquoted: "van-ban/2021/x/" ("" for the home page)."""
    url = unquote(site_url(src_uri))
    return "" if url == "./" else url


# ---- files written next to the pages (feeds, open data) ----
FEED = "feed.xml"                  # beside its page: feed.xml, co-quan/<body>/feed.xml, loai/<type>/feed.xml
DATA_DIR = "du-lieu/"
DATA_PAGE = "du-lieu/index.md"


def feed_of(page_src: str) -> str:
    return page_dir(page_src) + FEED


def record_json(src_uri: str) -> str:
    """A document's own JSON record: van-ban/2021/x/ -> du-lieu/van-ban/2021/x.json."""
    rest = page_dir(src_uri)[len(DOCUMENTS_DIR):].rstrip("/") or "index"
    return f"{DATA_DIR}{DOCUMENTS_DIR}{rest}.json"


def ambiguous_page(slug: str) -> str:
    """One page per number cited ambiguously (vanban/archive/ambiguous.py)."""
    return f"chua-ro/{slug}.md"
