"""Benchmark: bytes a reader downloads to search a 10,000-document archive (issue 4).

    .venv/bin/python scripts/bench_search.py [--docs 10000] [--keep DIR]

1. Builds the real site from docs/ (mkdocs build): home page, search page,
   theme assets, search.js.
2. Indexes N synthetic directives in its place exactly as the build does
   (hooks/search_index.write_index over vanban.search.record.SearchDoc).
   Their text samples the seeds' sentences and mixes in varied agencies,
   provinces, signers, numbers, dates and cited documents, so directives
   share vocabulary as real ones do without every word being common.
3. Serves the site on 127.0.0.1 through a server that records every file it
   sends, and in headless Chromium runs each reader flow in a fresh profile:
   home page + header box, search page + query, search page without a query,
   and a filter click. Text files count gzipped (http.server does not
   compress; a real host would), Pagefind's gzip files count as they are.
Target: <= 300 KB gzipped per flow.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import importlib.util
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, mkdocs_build  # noqa: E402
from vanban.agencies import PROVINCES  # noqa: E402
from vanban.doctypes import TYPE_NAMES, code_for_type  # noqa: E402
from vanban.search.record import SearchDoc  # noqa: E402
from vanban.text import slugify  # noqa: E402

_spec = importlib.util.spec_from_file_location("search_index", ROOT / "hooks" / "search_index.py")
search_index = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_index)

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Mai Trịnh Đoàn".split()
MIDDLE = "Văn Thị Đức Minh Thanh Hữu Quốc Ngọc Xuân Hồng Kim Công Đình".split()
GIVEN = ("Lụa Thiệu Lộc Vân Hùng Dũng Hà Lan Tuấn Nam Hải Bình Quỳnh Sơn Thắng Tâm Phương Định "
         "Khoa Long Trung Hiếu Nga Yến Thảo Cường Đạt Quang Hưng Tùng Hạnh Thủy Nhung").split()
BODIES = ("Tỉnh ủy {p}", "Ban Thường vụ Tỉnh ủy {p}", "Thường trực Tỉnh ủy {p}", "UBND tỉnh {p}",
          "Huyện ủy {d}", "Thành ủy {d}", "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh {p}",
          "Sở Y tế {p}", "Ban Tuyên giáo Tỉnh ủy {p}", "Đảng ủy xã {d}")
DISTRICTS = ("Phủ Lý Duy Tiên Kim Bảng Thanh Liêm Bình Lục Lý Nhân Cam Lâm Diên Khánh Ninh Hòa Vạn Ninh "
             "Sơn Tịnh Tư Nghĩa Mộ Đức Đức Phổ Ba Tơ Bình Sơn Hương Thủy Phong Điền Quảng Điền").split()
TOPICS = ("phòng, chống dịch Covid-19", "công tác cán bộ", "phòng chống thiên tai, lụt bão",
          "chuyển đổi số", "cải cách hành chính", "xây dựng nông thôn mới", "bảo đảm an ninh trật tự",
          "tổ chức đại hội đảng bộ", "thu ngân sách nhà nước", "phòng, chống tham nhũng",
          "bảo vệ môi trường", "tiêm vắc xin", "giải ngân vốn đầu tư công", "an toàn giao thông")
CITED = ("Chỉ thị số {n}/CT-TTg ngày {d}/{m}/{y} của Thủ tướng Chính phủ",
         "Nghị quyết số {n}/NQ-CP ngày {d}/{m}/{y} của Chính phủ",
         "Công văn số {n}-CV/TU ngày {d}/{m}/{y} của Ban Thường vụ Tỉnh ủy",
         "Kết luận số {n}-KL/TW ngày {d}/{m}/{y} của Bộ Chính trị",
         "Quyết định số {n}/QĐ-UBND ngày {d}/{m}/{y} của UBND tỉnh")
TYPES = [t for t in TYPE_NAMES if code_for_type(t) and t not in ("Bản sao", "Nghị định", "Thông tư")]


def seed_sentences() -> list[str]:
    """Content sentences of the bundled seeds, hard wraps joined."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt")))
    sentences = re.split(r"(?<=[.;:])\s+", re.sub(r"\s+", " ", text))
    return [s for s in sentences if 40 <= len(s) <= 600]


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def cited(rng: random.Random) -> str:
    return rng.choice(CITED).format(n=rng.randint(1, 300), d=rng.randint(1, 28), m=rng.randint(1, 12),
                                    y=rng.randint(2010, 2025))


def synthetic_meta(rng: random.Random, i: int) -> dict:
    doc_type = rng.choice(TYPES)
    code = code_for_type(doc_type)
    province, district = rng.choice(PROVINCES), rng.choice(DISTRICTS)
    year = rng.randint(2015, 2025)
    number = rng.randint(1, 2000)
    symbol = f"{number}-{code}/TU" if rng.random() < 0.6 else f"{number}/{code}-UBND"
    topic = rng.choice(TOPICS)
    return {
        "title": f"{doc_type} {symbol} về {topic}",
        "so_ky_hieu": symbol, "loai_van_ban": doc_type,
        "trich_yeu": f"V/v tăng cường {topic} tại {province}",
        "co_quan_ban_hanh": rng.choice(BODIES).format(p=province, d=district), "dia_danh": province,
        "ngay_ban_hanh": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "nguoi_ky": person(rng), "chuc_vu": rng.choice(("Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch")),
        "_province": province, "_district": district, "_topic": topic,
    }


def synthetic_text(rng: random.Random, meta: dict, sentences: list[str]) -> str:
    """Seed sentences with this directive's own places, people, numbers and dates mixed in."""
    province, district, topic = meta["_province"], meta["_district"], meta["_topic"]
    paragraphs = [f"Thực hiện {cited(rng)} và {cited(rng)} về {topic}, "
                  f"{meta['co_quan_ban_hanh']} yêu cầu các cấp, các ngành thực hiện tốt các nội dung sau:"]
    for k in range(rng.randint(5, 14)):
        picked = rng.sample(sentences, 3)
        extra = rng.choice((
            f"Giao đồng chí {person(rng)}, {rng.choice(('Phó Chủ tịch UBND', 'Trưởng ban', 'Giám đốc Sở'))} "
            f"chủ trì, phối hợp với huyện {district} triển khai trước ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}.",
            f"Báo cáo kết quả về {meta['co_quan_ban_hanh']} theo {cited(rng)}.",
            f"Bố trí {rng.randint(2, 900)} tỷ đồng cho {topic} tại {rng.randint(3, 40)} xã của tỉnh {province}.",
        ))
        text = " ".join(picked[:2]) + f" {k + 1}. {extra} " + picked[2]
        paragraphs.append(re.sub(r"\b(Hà Nam|Khánh Hòa|Quảng Ngãi)\b", province, text))
    paragraphs.append(f"Nơi nhận: Như trên; Lưu Văn phòng. {meta['chuc_vu']} {meta['nguoi_ky']}")
    return "\n".join(paragraphs)


def synthetic_docs(count: int) -> list[SearchDoc]:
    rng, sentences = random.Random(4), seed_sentences()
    docs = []
    for i in range(count):
        meta = synthetic_meta(rng, i)
        text = synthetic_text(rng, meta, sentences)
        url = f"van-ban/{meta['ngay_ban_hanh'][:4]}/{slugify(meta['title'])}-{i}/"
        docs.append(SearchDoc(url=url, meta={k: v for k, v in meta.items() if not k.startswith("_")}, text=text))
    return docs


class _Recorder(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records (path, gzipped size) of every file sent."""
    sent: list[tuple[str, int]] = []
    sizes: dict[Path, int] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        super().do_GET()
        if path.is_file():
            if path not in self.sizes:
                raw = path.read_bytes()
                # Pagefind's files are gzip already and go over the wire as they are.
                self.sizes[path] = len(raw) if raw[:2] == b"\x1f\x8b" else len(gzip.compress(raw, 6))
            self.sent.append((unquote(urlsplit(self.path).path), self.sizes[path]))


@contextlib.contextmanager
def recording_server(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Recorder, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def category(path: str) -> str:
    if "/pagefind/fragment/" in path:
        return "fragments"
    if "/pagefind/index/" in path:
        return "index chunks"
    if path.endswith(".pf_meta"):
        return "page list"
    if path.endswith("kho-facets.json"):
        return "facets"
    if "/pagefind/" in path:
        return "Pagefind code"
    return "page + theme"


CATEGORIES = ("page + theme", "Pagefind code", "page list", "index chunks", "fragments", "facets")


def measure(base: str, actions) -> list[tuple[str, int]]:
    """Run `actions(page, base)` in Chromium with a fresh profile; return the files the server sent."""
    from playwright.sync_api import sync_playwright
    _Recorder.sent = []
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                       args=CHROMIUM_ARGS)
        page = browser.new_page()
        actions(page, base)
        page.wait_for_timeout(500)
        browser.close()
    return list(_Recorder.sent)


def search_page(query: str, click_filter: bool = False):
    def run(page, base):
        page.goto(f"{base}tim-kiem/?q={quote(query)}")
        page.wait_for_selector("#kho-tim-kiem[data-state=done]", timeout=120000)
        if click_filter:
            page.locator('input[data-filter="co_quan_ban_hanh"]').first.check()
            page.wait_for_selector("#kho-tim-kiem[data-state=done]", timeout=120000)
    return run


def header_box(query: str):
    def run(page, base):
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.focus("[data-kho-search-input]")
        page.fill("[data-kho-search-input]", query)
        page.wait_for_selector("[data-kho-search-result][data-state=done]", timeout=120000)
    return run


QUERIES = ("chi thi 16", "154 cv tu", "dinh thi lua", "nghi quyet")


def flows():
    for query in QUERIES:
        yield f"home + header box '{query}'", header_box(query)
        yield f"search page + '{query}'", search_page(query)
    yield "search page, no query", search_page("")
    yield "search page, no query, filter click", search_page("", click_filter=True)
    yield "search page + 'chi thi 16', filter click", search_page("chi thi 16", click_filter=True)


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
    docs = synthetic_docs(args.docs)
    t1 = time.perf_counter()
    search_index.write_index(site, docs)
    t2 = time.perf_counter()
    bundle = site / "pagefind"
    index_bytes = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    chunks = sorted(f.stat().st_size for f in (bundle / "index").glob("*"))
    print(f"{args.docs} documents generated in {t1 - t0:.1f} s; indexed and finished in {t2 - t1:.1f} s "
          f"({index_bytes / 1e6:.1f} MB on disk, {len(chunks)} index chunks, largest {chunks[-1] / 1024:.0f} KB, "
          f"median {chunks[len(chunks) // 2] / 1024:.0f} KB)")
    worst = 0
    print(f"{'flow':46s} {'files':>5s} {'total KB':>8s}  " + "  ".join(f"{c:>13s}" for c in CATEGORIES))
    with recording_server(site) as base:
        for label, actions in flows():
            sent = measure(base, actions)
            total = sum(size for _, size in sent)
            by = {c: sum(size for path, size in sent if category(path) == c) for c in CATEGORIES}
            worst = max(worst, total)
            print(f"{label:46s} {len(sent):5d} {total / 1024:8.1f}  "
                  + "  ".join(f"{by[c] / 1024:13.1f}" for c in CATEGORIES))
    print(f"worst flow: {worst / 1024:.1f} KB gzipped (target <= 300 KB): {'OK' if worst <= 300 * 1024 else 'OVER'}")
    if not args.keep:
        shutil.rmtree(site, ignore_errors=True)
    return 0 if worst <= 300 * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
