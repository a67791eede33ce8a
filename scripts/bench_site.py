"""Build time, peak memory and document page size for generated archives.

    python scripts/bench_site.py [N ...]        (default: 100 2000)

Generates N synthetic documents in a temp dir from the front matter of the
sample pages in docs/van-ban/ (numbers, dates and provinces varied, citations
between them kept), builds with `mkdocs build --strict`, and prints seconds,
max RSS of the build (the largest of its processes: Python or a Pagefind
batch), Pagefind's own peak, the peak of all its processes together (Python
holds its memory while Pagefind runs) and the HTML size of one fixed document page,
then the sizes of the feeds and open data (issue 10): the home feed, one body's feed
and the fixed page's JSON record stay the same whatever N is; only the dumps grow.
Each size is built with the full config and without the search hooks.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vanban.agencies import PROVINCES  # noqa: E402
from vanban.archive.catalog import build_catalog  # noqa: E402
from vanban.text import slugify  # noqa: E402

FIXED = "van-ban/2015/bench-00000.md"   # the page whose size is compared across N
REUSE_FILES = {"feed": "feed.xml", "body feed": f"co-quan/{slugify('Tỉnh ủy ' + PROVINCES[0])}/feed.xml",
               "record": "du-lieu/van-ban/2015/bench-00000.json", "van-ban.json": "du-lieu/van-ban.json",
               "van-ban.csv": "du-lieu/van-ban.csv", "trich-dan.csv": "du-lieu/trich-dan.csv"}


def templates() -> list[dict]:
    docs = ROOT / "docs"
    pages = [(p.relative_to(docs).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*.md"))]
    return [{**r.meta, "_body": r.body} for r in build_catalog(pages).records]


def generate(docs: Path, n: int) -> None:
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("van-ban"))
    rng = random.Random(n)
    bases = templates()
    for i in range(n):
        meta = dict(bases[i % len(bases)])
        body = meta.pop("_body")
        year = 2015 + i % 10
        province = PROVINCES[i % len(PROVINCES)]
        number = f"{1000 + i}-CV/TU"
        meta.update(title=f"Công văn {number} {meta.get('trich_yeu', '')}", so_ky_hieu=number, loai_van_ban="Công văn",
                    co_quan_ban_hanh=f"Tỉnh ủy {province}", dia_danh=province,
                    ngay_ban_hanh=f"{year}-{i % 12 + 1:02d}-{i % 28 + 1:02d}")
        cited = rng.randrange(1, i) if i > 1 else 1  # nobody cites the measured page, so its content is fixed
        body = (f"Thực hiện Công văn số {1000 + cited}-CV/TU của Tỉnh ủy {PROVINCES[cited % len(PROVINCES)]}.\n\n"
                + re.sub(r"(?m)^!!!.*\n(    .*\n)*", "", body))
        path = docs / "van-ban" / str(year) / f"bench-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body,
                        encoding="utf-8")


def _tree_rss(root: int) -> dict[int, tuple[str, float]]:
    """pid -> (command name, RSS in MB) of a process and its descendants, from /proc."""
    found, pending = {}, [root]
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except OSError:  # it ended meanwhile
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        found[pid] = (fields["Name"].strip(), int(fields.get("VmRSS", "0 kB").split()[0]) / 1024)
    return found


def build(docs: Path, site: Path, config: Path) -> tuple[float, float, float, float]:
    """(seconds, max RSS in MB, Pagefind's peak RSS, peak RSS of all its processes at once)
    of one `mkdocs build --strict` process. The peaks are polled from /proc every 20 ms."""
    env = dict(os.environ, KHO_DOCS_DIR=str(docs), SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(config),
                             "-d", str(site)], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    pagefind = together = 0.0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        tree = _tree_rss(proc.pid).values()
        pagefind = max([pagefind] + [rss for name, rss in tree if name.startswith("pagefind")])
        together = max(together, sum(rss for _, rss in tree))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed:\n{proc.stderr.read()}")
    return seconds, usage.ru_maxrss / 1024, pagefind, together


def config_without_search() -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    path = ROOT / ".bench-mkdocs.yml"   # beside mkdocs.yml so relative paths still resolve
    path.write_text("\n".join(l for l in text.splitlines() if "hooks/search_" not in l) + "\n", encoding="utf-8")
    return path


def main(sizes: list[int]) -> None:
    configs = {"full": ROOT / "mkdocs.yml", "no search hooks": config_without_search()}
    try:
        print(f"{'N':>6} {'config':<16} {'seconds':>8} {'max RSS MB':>11} {'Pagefind MB':>12} {'all at once MB':>15} "
              f"{'doc page bytes':>15}")
        for n in sizes:
            with tempfile.TemporaryDirectory(prefix="kho-bench-") as tmp:
                docs = Path(tmp) / "docs"
                generate(docs, n)
                for name, config in configs.items():
                    site = Path(tmp) / f"site-{name.replace(' ', '-')}"
                    seconds, rss, pagefind, together = build(docs, site, config)
                    size = (site / FIXED[:-3] / "index.html").stat().st_size
                    print(f"{n:>6} {name:<16} {seconds:>8.1f} {rss:>11.0f} {pagefind:>12.0f} {together:>15.0f} "
                          f"{size:>15}", flush=True)
                print("       feeds and open data (bytes): " + ", ".join(
                    f"{label} {(site / path).stat().st_size}" for label, path in REUSE_FILES.items()
                    if (site / path).is_file()), flush=True)
    finally:
        configs["no search hooks"].unlink(missing_ok=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 2000])
