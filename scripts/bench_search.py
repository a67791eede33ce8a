"""Benchmark: bytes a reader downloads to search a 10,000-document archive (issue 4).

    .venv/bin/python scripts/bench_search.py [--docs 10000] [--keep DIR]

1. Builds the real site from docs/ (mkdocs build) for its search page, theme
   assets and the markup of a real document page.
2. Replaces its documents with N synthetic directives written straight to HTML
   in that same markup (header, nav, article, hidden search fields from
   hooks/search_fields.py). A full mkdocs build of 10,000 pages would measure
   MkDocs, not search. Text, agencies, signers, dates and numbers are varied
   from the seeds' own sentences.
3. Runs Pagefind exactly as hooks/search_index.py does.
4. In headless Chromium, opens the search page with a query (and a document
   page, then types in the header box) and sums every response the browser
   received, each gzipped here (http.server does not compress).
Target: <= 300 KB gzipped for the search page load plus one query.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, mkdocs_build, serve  # noqa: E402
from vanban.agencies import PROVINCES  # noqa: E402
from vanban.doctypes import TYPE_NAMES, code_for_type  # noqa: E402
from vanban.search_text import escape  # noqa: E402
from vanban.text import slugify  # noqa: E402


def _load_hook(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


search_fields = _load_hook("search_fields")
search_index = _load_hook("search_index")

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh".split()
MIDDLE = "Văn Thị Đức Minh Thanh Hữu Quốc Ngọc Xuân".split()
GIVEN = "Lụa Thiệu Lộc Vân Hùng Dũng Hà Lan Tuấn Nam Hải Bình Quỳnh Sơn Thắng Tâm Phương Định".split()
BODIES = ("Tỉnh ủy {p}", "Ban Thường vụ Tỉnh ủy {p}", "Thường trực Tỉnh ủy {p}", "UBND tỉnh {p}",
          "Huyện ủy {p}", "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh {p}")
TYPES = [t for t in TYPE_NAMES if code_for_type(t) and t not in ("Bản sao", "Nghị định", "Thông tư")]


def seed_sentences() -> list[str]:
    """Content sentences of the bundled seeds, hard wraps joined."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt")))
    sentences = re.split(r"(?<=[.;:])\s+", re.sub(r"\s+", " ", text))
    return [s for s in sentences if 40 <= len(s) <= 600]


def synthetic_meta(rng: random.Random, i: int) -> dict:
    doc_type = rng.choice(TYPES)
    code = code_for_type(doc_type)
    province = rng.choice(PROVINCES)
    year = rng.randint(2015, 2025)
    number = rng.randint(1, 2000)
    symbol = f"{number}-{code}/TU" if rng.random() < 0.6 else f"{number}/{code}-UBND"
    signer = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return {
        "title": f"{doc_type} {symbol} về việc tăng cường công tác phòng, chống dịch số {i}",
        "so_ky_hieu": symbol, "loai_van_ban": doc_type,
        "trich_yeu": f"V/v tăng cường công tác phòng, chống dịch tại {province}",
        "co_quan_ban_hanh": rng.choice(BODIES).format(p=province), "dia_danh": province,
        "ngay_ban_hanh": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "nguoi_ky": signer, "chuc_vu": "Phó Bí thư",
    }


def synthetic_body(rng: random.Random, sentences: list[str]) -> str:
    cited = f"Thực hiện Chỉ thị số {rng.randint(1, 40)}/CT-TTg ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/2021 của Thủ tướng Chính phủ."
    paragraphs = [cited] + [" ".join(rng.sample(sentences, 3)) for _ in range(rng.randint(5, 14))]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def write_archive(site: Path, count: int) -> None:
    """Replace the built documents with `count` synthetic ones in the real page markup."""
    template_page = next((site / "van-ban").rglob("index.html")).read_text(encoding="utf-8")
    start = re.search(r"<article\b[^>]*>", template_page)
    end = template_page.rfind("</article>")
    head, tail = template_page[:start.start()], template_page[end:]
    shutil.rmtree(site / "van-ban")
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    rng, sentences = random.Random(4), seed_sentences()
    for i in range(count):
        meta = synthetic_meta(rng, i)
        body = synthetic_body(rng, sentences)
        page_dir = site / "van-ban" / meta["ngay_ban_hanh"][:4] / f"{slugify(meta['title'])}"
        page_dir.mkdir(parents=True, exist_ok=True)
        date = meta["ngay_ban_hanh"]
        article = (f'<article class="md-content__inner md-typeset" data-pagefind-body '
                   f'data-pagefind-sort="ngay:{date}"><h1>{escape(meta["title"])}</h1>{body}'
                   + search_fields.search_block(meta, body))
        (page_dir / "index.html").write_text(head + article + tail, encoding="utf-8")


def measure(base: str, actions) -> tuple[int, int, list[tuple[str, int]]]:
    """Run `actions(page)` in a fresh Chromium; return (files, gzipped bytes, per-file sizes)."""
    from playwright.sync_api import sync_playwright
    fetched: list[tuple[str, int]] = []

    def record(response):
        with contextlib.suppress(Exception):
            fetched.append((response.url, len(gzip.compress(response.body(), 6))))

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                       args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("response", record)
        actions(page, base)
        page.wait_for_timeout(300)
        browser.close()
    return len(fetched), sum(size for _, size in fetched), fetched


def search_page(query: str):
    def run(page, base):
        page.goto(f"{base}tim-kiem/?q={quote(query)}")
        page.wait_for_selector("#kho-tim-kiem[data-state=done]", timeout=60000)
    return run


def header_box(query: str):
    def run(page, base):
        page.goto(base)
        page.fill("[data-kho-search-input]", query)
        page.wait_for_selector("[data-kho-search-result][data-state=done]", timeout=60000)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    args = parser.parse_args()
    site = args.keep or Path(tempfile.mkdtemp(prefix="kho-bench-search-"))
    t0 = time.perf_counter()
    result = mkdocs_build(site, strict=False)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return 1
    write_archive(site, args.docs)
    t1 = time.perf_counter()
    search_index.on_post_build({"site_dir": str(site)})
    t2 = time.perf_counter()
    index_bytes = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    print(f"{args.docs} documents written in {t1 - t0:.1f} s; Pagefind indexed them in {t2 - t1:.1f} s "
          f"({index_bytes / 1e6:.1f} MB on disk)")
    worst = 0
    with serve(site) as base:
        for label, actions in [
            ("search page + query 'chi thi 16'", search_page("chi thi 16")),
            ("search page + query 'dinh thi lua'", search_page("dinh thi lua")),
            ("search page + query '154 cv tu'", search_page("154 cv tu")),
            ("search page, no query (browse newest)", search_page("")),
            ("home page + header box 'nghi quyet'", header_box("nghi quyet")),
        ]:
            files, total, fetched = measure(base, actions)
            pagefind_bytes = sum(s for u, s in fetched if "/pagefind/" in u)
            worst = max(worst, total)
            print(f"{label:42s} {files:3d} files, {total / 1024:6.1f} KB gzipped "
                  f"(Pagefind {pagefind_bytes / 1024:.1f} KB)")
    print(f"worst case: {worst / 1024:.1f} KB gzipped (target <= 300 KB): {'OK' if worst <= 300 * 1024 else 'OVER'}")
    if not args.keep:
        shutil.rmtree(site, ignore_errors=True)
    return 0 if worst <= 300 * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
