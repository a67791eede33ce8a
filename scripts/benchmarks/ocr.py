"""OCR time of scanned PDFs, a figure of its own: seconds per page, not documents per second."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def ocr_speed(pdfs: list[str]) -> dict:
    """The given PDFs, or a one-page scan made from seed 003 (tests/_pdfs.py, needs the dev requirements)."""
    from vanban.ocr import DPI, LANGUAGE, missing, ocr_pdf
    if (package := missing()) is not None:
        raise SystemExit(f"OCR not available: install {package}")
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
        print(f"  OCR {name}: {len(result.pages)} page(s) in {result.seconds:.1f} s", flush=True)
    return {"ocr": f"{LANGUAGE}, {DPI} dpi", "ocr_pages": int(pages), "ocr_s_per_page": round(seconds / max(pages, 1), 1)}
