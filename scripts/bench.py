#!/usr/bin/env python3
"""The benchmark: build time against a bare Material build, memory, page and search sizes, converter speed.

    .venv/bin/python scripts/bench.py --docs 1000 [--docs 10000 ...] [--json OUT] [--repeat R] [--flows] [--keep DIR]
    .venv/bin/python scripts/bench.py            (converter speed only)
    .venv/bin/python scripts/bench.py --ocr [PDF ...]   (also OCR seconds per page: the PDFs, or a seed scan)
    .venv/bin/python scripts/bench.py --accuracy DIR [--labels FILE] [--kind KIND]
                                         (accuracy only: per-field figures on a labelled folder,
                                          labels format in scripts/benchmarks/accuracy.py)
    .venv/bin/python scripts/bench.py --formats DIR [DIR ...] [--carrier NAME] [--limit N] [--verbose]
                                         (format invariance only: the .txt documents of DIR re-laid
                                          into .docx, Word .htm, portal page, PDF, e-signed PDF;
                                          scripts/benchmarks/formats.py)
    .venv/bin/python scripts/bench.py --judge [SITE CASES]  (also search ranking: the judged query set, or CASES on SITE)
    .venv/bin/python scripts/bench.py --search-only 100000 [--flows]  (the search bundle alone: its bytes and flows)

For each N it generates a realistic archive from the bundled seeds
(scripts/benchmarks/generate.py) and builds it three ways in one run:
A the full build, B without the search hooks, C bare Material over the same
Markdown (scripts/benchmarks/build.py). Then it measures the site and the
bytes a browser fetches for realistic queries (scripts/benchmarks/transfer.py).
With --judge it runs the judged query set (tests/fixtures/search_judged_cases.json)
through the search page of the sample archive and prints success at 1 and 3 and
the mean reciprocal rank (scripts/benchmarks/ranking.py).
Each figure comes from one module; a new one is one more entry in FIGURES.
Builds report wall seconds and CPU seconds (the build and Pagefind): on a
machine shared with other work, the CPU ratios are the ones to compare.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.benchmarks.accuracy import accuracy_figures  # noqa: E402
from scripts.benchmarks.build import build, configs  # noqa: E402
from scripts.benchmarks.convert import convert_speed  # noqa: E402
from scripts.benchmarks.formats import CARRIERS, format_figures  # noqa: E402
from scripts.benchmarks.generate import generate  # noqa: E402
from scripts.benchmarks.ocr import ocr_speed  # noqa: E402
from scripts.benchmarks.pages import site_figures  # noqa: E402
from scripts.benchmarks.preview import preview_figures  # noqa: E402
from scripts.benchmarks.ranking import judge, judged_figures, load_cases  # noqa: E402
from scripts.benchmarks.search_scale import search_scale  # noqa: E402
from scripts.benchmarks.transfer import transfer  # noqa: E402

COLUMNS = (("docs", "N", "{:>7}"), ("bare_build_s", "bare s", "{:>7.1f}"), ("build_s", "full s", "{:>7.1f}"),
           ("ratio", "full/bare", "{:>9.2f}"), ("build_no_search_s", "no-search s", "{:>11.1f}"),
           ("hooks_ratio", "hooks/bare", "{:>10.2f}"), ("ratio_cpu", "CPU full/bare", "{:>13.2f}"),
           ("hooks_ratio_cpu", "CPU hooks/bare", "{:>14.2f}"), ("peak_rss_mb", "peak MB", "{:>8.0f}"),
           ("page_bytes_median", "page median", "{:>11}"), ("page_bytes_max", "page max", "{:>9}"),
           ("query_bytes_max", "query max", "{:>9}"), ("site_bytes", "site bytes", "{:>11}"),
           ("preview_s", "preview s", "{:>9.1f}"), ("preview_most_cited_s", "worst s", "{:>7.1f}"))


def archive_figures(n: int, work: Path, args) -> dict:
    """Generate N documents, build A, B, C, measure the full site."""
    docs = work / "docs"
    documents = generate(docs, n)
    result = {"docs": n}
    runs = {"full": [], "no_search": [], "bare": []}
    with configs(docs) as paths:
        for _ in range(args.repeat):   # interleaved, so a slow spell of the machine hits every kind
            runs["full"].append(build(paths["full"], work / "site-full"))
            runs["no_search"].append(build(paths["no_search"], work / "site-no-search"))
            runs["bare"].append(build(paths["bare"], work / "site-bare", strict=False))
    full, no_search, bare = (min(runs[kind], key=lambda b: b.cpu_seconds) for kind in ("full", "no_search", "bare"))
    result.update(build_s=round(full.seconds, 1), build_no_search_s=round(no_search.seconds, 1),
                  bare_build_s=round(bare.seconds, 1), ratio=round(full.seconds / bare.seconds, 2),
                  hooks_ratio=round(no_search.seconds / bare.seconds, 2),
                  peak_rss_mb=round(max(b.peak_rss_mb for b in runs["full"])), repeat=args.repeat,
                  build_cpu_s=round(full.cpu_seconds, 1), build_no_search_cpu_s=round(no_search.cpu_seconds, 1),
                  bare_build_cpu_s=round(bare.cpu_seconds, 1), ratio_cpu=round(full.cpu_seconds / bare.cpu_seconds, 2),
                  hooks_ratio_cpu=round(no_search.cpu_seconds / bare.cpu_seconds, 2),
                  log_lines=len(full.log.splitlines()))
    result.update(site_figures(work / "site-full", documents))
    result.update(transfer(work / "site-full", verbose=args.flows))
    result.update(preview_figures(docs, work, documents))   # last: it edits two documents
    return result


# Figures that do not depend on N: name -> function(args) -> dict.
FIGURES = {"convert": lambda args: convert_speed(rounds=args.rounds),
           "ocr": lambda args: ocr_speed(args.ocr) if args.ocr is not None else {},
           "ranking": lambda args: _ranking(args.judge) if args.judge is not None else {}}


def _ranking(site_and_cases: list[str]) -> dict:
    if site_and_cases:
        site, cases = site_and_cases
        return judge(Path(site), load_cases(Path(cases)), verbose=True)
    with tempfile.TemporaryDirectory(prefix="kho-judge-") as work:
        return judged_figures(Path(work))


def print_row(row: dict) -> None:
    print(" ".join(fmt.format(row.get(key, "")) if key in row else " " * len(fmt.format(0)) for key, _, fmt in COLUMNS),
          flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, action="append", default=[], help="archive size (repeatable)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--rounds", type=int, default=20, help="converter rounds over the seeds")
    parser.add_argument("--repeat", type=int, default=1,
                        help="build each kind this many times, keep the run with the least CPU (a noisy machine)")
    parser.add_argument("--flows", action="store_true", help="print every search flow's downloads")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--ocr", nargs="*", metavar="PDF", help="also OCR seconds per page (default: a seed scan)")
    parser.add_argument("--search-only", type=int, action="append", default=[], metavar="N",
                        help="index N generated documents without a full build and measure the search flows (repeatable)")
    parser.add_argument("--judge", nargs="*", metavar="SITE CASES",
                        help="also search ranking: the judged query set on the sample archive, or CASES (JSON) on a built SITE")
    parser.add_argument("--accuracy", metavar="DIR", help="only score the converter on a labelled folder")
    parser.add_argument("--labels", metavar="FILE", help="labels for --accuracy (default DIR/labels.json)")
    parser.add_argument("--kind", action="append", help="with --accuracy: only labels of this kind (repeatable)")
    parser.add_argument("--formats", nargs="+", metavar="DIR", help="only the format-invariance check on DIR's .txt files")
    parser.add_argument("--carrier", action="append", choices=list(CARRIERS), help="with --formats: only this carrier")
    parser.add_argument("--limit", type=int, help="with --formats: the first N documents")
    parser.add_argument("--verbose", action="store_true", help="with --formats: print every disagreement")
    args = parser.parse_args()
    if args.formats:
        figures = format_figures(args.formats, args.carrier, args.limit, args.verbose)
        if args.json:
            args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return 0
    if args.accuracy:
        figures = accuracy_figures(args.accuracy, args.labels, args.kind)
        if args.json:
            args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return 0
    if args.judge and len(args.judge) != 2:
        parser.error("--judge takes no argument, or a built SITE and a CASES file")
    report = {}
    for name, figure in FIGURES.items():
        report.update(figure(args))
    print(" ".join(f"{k}={v}" for k, v in report.items()), flush=True)
    rows = []
    if args.docs:
        print(" ".join(fmt.replace(".1f", "").replace(".2f", "").replace(".0f", "").format(label)
                       for _, label, fmt in COLUMNS))
    for n in args.docs:
        work = Path(args.keep or tempfile.mkdtemp(prefix="kho-bench-")) / f"n{n}"
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        try:
            row = archive_figures(n, work, args)
        finally:
            if not args.keep:
                shutil.rmtree(work.parent, ignore_errors=True)
        row.update(report)
        rows.append(row)
        print_row(row)
    for n in args.search_only:
        work = Path(args.keep or tempfile.mkdtemp(prefix="kho-bench-")) / f"search-{n}"
        if work.exists():
            shutil.rmtree(work)
        try:
            row = search_scale(n, work, verbose=args.flows)
        finally:
            if not args.keep:
                shutil.rmtree(work.parent, ignore_errors=True)
        print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)
        rows.append(row)
    if args.json:
        args.json.write_text(json.dumps(rows if len(rows) != 1 else rows[0], ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
