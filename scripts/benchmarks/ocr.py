"""OCR time of scanned PDFs, a figure of its own: seconds per page, not documents per second.

Wall seconds depend on what else the machine runs; the CPU seconds of pdftoppm and tesseract
(and of the image measures and the second recogniser in this process) do not, so both are printed. The OCR cache
(KHO_OCR_CACHE) is switched off for the run: a cached page costs nothing.
"""
from __future__ import annotations

import os
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _cpu() -> float:
    children, own = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    return children.ru_utime + children.ru_stime + own.ru_utime + own.ru_stime


def ocr_speed(pdfs: list[str]) -> dict:
    """The given PDFs, or a one-page scan made from seed 003 (tests/_pdfs.py, needs the dev requirements)."""
    from vanban import second_reader
    from vanban.ocr import CACHE_ENV, DPI, LANGUAGE, READING, SECOND_READING, missing, ocr_pdf
    if (package := missing()) is not None:
        raise SystemExit(f"OCR not available: install {package}")
    if pdfs:
        inputs = [(p, Path(p).read_bytes()) for p in pdfs]
    else:
        from tests._pdfs import scanned_pdf, text_pdf
        seed = next((ROOT / "tests" / "fixtures" / "seeds").glob("003_*.txt")).read_text(encoding="utf-8")
        inputs = [("seed 003, page 1 as a scan", scanned_pdf(text_pdf(seed)))]
    cache = os.environ.pop(CACHE_ENV, None)
    pages = seconds = cpu = 0.0
    try:
        for name, data in inputs:
            cpu_start, start = _cpu(), time.perf_counter()
            result = ocr_pdf(data)
            used, elapsed = _cpu() - cpu_start, time.perf_counter() - start
            pages, seconds, cpu = pages + len(result.pages), seconds + elapsed, cpu + used
            print(f"  OCR {name}: {len(result.pages)} page(s) in {elapsed:.1f} s ({used:.1f} s CPU)", flush=True)
    finally:
        if cache is not None:
            os.environ[CACHE_ENV] = cache
    second = "second reader off: " + second_reader.missing() if second_reader.missing() else SECOND_READING
    return {"ocr": f"{LANGUAGE}, {DPI} dpi, {READING}, {second}", "ocr_pages": int(pages),
            "ocr_s_per_page": round(seconds / max(pages, 1), 1), "ocr_cpu_s_per_page": round(cpu / max(pages, 1), 1)}
