#!/usr/bin/env python3
"""Conversion speed: documents per second over the bundled seeds, repeated.

Usage: python scripts/bench.py [FOLDER] [--rounds N]
       python scripts/bench.py --ocr [PDF ...]
By default it reads the seeds in tests/fixtures/seeds (never ../shared); pass a folder to measure other inputs.
--ocr measures OCR of scanned PDFs instead, in seconds per page: the given PDFs, or a one-page
scan made from seed 003 (tests/_pdfs.py, needs the dev requirements).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vanban.convert import SUPPORTED, convert_bytes  # noqa: E402


def bench_ocr(pdfs: list[str]) -> int:
    """OCR time per page, a figure of its own: it is seconds per page, not documents per second."""
    from vanban.ocr import DPI, LANGUAGE, missing, ocr_pdf
    if (package := missing()) is not None:
        print(f"OCR not available: install {package}", file=sys.stderr)
        return 2
    if pdfs:
        inputs = [(p, Path(p).read_bytes()) for p in pdfs]
    else:
        from tests._pdfs import scanned_pdf, text_pdf
        seed = next((ROOT / "tests" / "fixtures" / "seeds").glob("003_*.txt")).read_text(encoding="utf-8")
        inputs = [("seed 003, page 1 as a scan", scanned_pdf(text_pdf(seed)))]
    pages = seconds = 0.0
    for name, data in inputs:
        result = ocr_pdf(data)
        pages, seconds = pages + len(result.pages), seconds + result.seconds
        print(f"  {name}: {len(result.pages)} page(s) in {result.seconds:.1f} s")
    print(f"OCR ({LANGUAGE}, {DPI} dpi): {pages:.0f} page(s) in {seconds:.1f} s wall: {seconds / max(pages, 1):.1f} s per page")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "fixtures" / "seeds"))
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--ocr", nargs="*", metavar="PDF", help="measure OCR seconds per page instead")
    args = parser.parse_args()
    if args.ocr is not None:
        return bench_ocr(args.ocr)
    inputs = [(p.name, p.read_bytes()) for p in sorted(Path(args.folder).rglob("*"))
              if p.is_file() and p.suffix.lower() in SUPPORTED]
    if not inputs:
        print(f"no inputs in {args.folder}", file=sys.stderr)
        return 2
    convert_bytes(*reversed(inputs[0]))  # warm-up: imports and regex compilation
    start, cpu_start = time.perf_counter(), time.process_time()
    statuses = {}
    for _ in range(args.rounds):
        for name, data in inputs:
            status = convert_bytes(data, name).status
            statuses[status] = statuses.get(status, 0) + 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    count = args.rounds * len(inputs)
    # CPU time is the figure that does not depend on what else the machine runs.
    print(f"{count} documents ({len(inputs)} inputs x {args.rounds}) in {elapsed:.2f} s wall, {cpu:.2f} s CPU: "
          f"{count / elapsed:.0f} documents/second wall, {count / cpu:.0f} per CPU-second  {statuses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
