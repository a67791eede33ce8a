"""OCR of scanned PDF pages: poppler's pdftoppm renders them, Tesseract's Vietnamese model reads them.

The only module that runs external programs for the converter. Debian packages:
poppler-utils (pdftoppm), tesseract-ocr and tesseract-ocr-vie (scripts/test.sh and
scripts/serve.sh install them).
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PACKAGES = "tesseract-ocr tesseract-ocr-vie poppler-utils"
DPI = 300           # Tesseract reads tone marks reliably from 300 dpi
LANGUAGE = "vie"
TIMEOUT = 300       # seconds per program run: one page never takes that long
# Optional folder of OCR results keyed by the PDF's SHA-256 and the settings, so that converting the
# same scans again (a batch re-run, the accuracy benchmark) skips Tesseract. Off unless set.
CACHE_ENV = "KHO_OCR_CACHE"


class OcrUnavailable(RuntimeError):
    """A program or the Vietnamese model is missing; the message names the Debian package."""


class OcrFailed(RuntimeError):
    """pdftoppm or tesseract ran and failed (a damaged PDF, an unreadable page)."""


@dataclass
class OcrPages:
    pages: list[str]
    seconds: float      # wall time of rendering and recognition, for scripts/bench.py


@functools.lru_cache(maxsize=1)
def missing() -> str | None:
    """What is missing for OCR, as a Debian package name, or None when everything is there."""
    if not shutil.which("pdftoppm"):
        return "poppler-utils (pdftoppm)"
    if not shutil.which("tesseract"):
        return "tesseract-ocr"
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=TIMEOUT)
    if LANGUAGE not in langs.stdout.split():
        return "tesseract-ocr-vie (mô hình tiếng Việt của Tesseract)"
    return None


def _run(cmd: list[str], env: dict | None = None) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        raise OcrFailed(f"{cmd[0]} chạy quá {TIMEOUT} giây") from None
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["không rõ lỗi"])[-1]
        raise OcrFailed(f"{cmd[0]} lỗi: {last}")
    return proc.stdout


def _cache_file(data: bytes) -> Path | None:
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        return None
    settings = f"{DPI}|{LANGUAGE}|{_tesseract_version()}"
    key = hashlib.sha256(hashlib.sha256(data).digest() + settings.encode()).hexdigest()
    return Path(folder) / f"{key}.json"


@functools.lru_cache(maxsize=1)
def _tesseract_version() -> str:
    return _run(["tesseract", "--version"]).splitlines()[0] if shutil.which("tesseract") else ""


def _cached(path: Path | None) -> list[str] | None:
    """The cached pages, or None when absent or not a list of strings (a cache file is untrusted)."""
    try:
        pages = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        return None
    return pages if isinstance(pages, list) and all(isinstance(p, str) for p in pages) else None


def ocr_pdf(data: bytes) -> OcrPages:
    """Text of every page of a PDF, read from its images. Raises OcrUnavailable or OcrFailed."""
    if (package := missing()) is not None:
        raise OcrUnavailable(f"chưa cài {package}")
    cache = _cache_file(data)
    if (pages := _cached(cache)) is not None:
        return OcrPages(pages, 0.0)
    result = _recognise(data)
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(result.pages, ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache)
    return result


def _recognise(data: bytes) -> OcrPages:
    start = time.perf_counter()
    # One thread per page run: the machine's other work keeps its cores.
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="kho-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        _run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(Path(tmp) / "page")])
        images = sorted(Path(tmp).glob("page*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
        pages = [_run(["tesseract", str(image), "stdout", "-l", LANGUAGE], env) for image in images]
    return OcrPages(pages, time.perf_counter() - start)
