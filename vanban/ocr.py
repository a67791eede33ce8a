"""OCR of scanned PDF pages: poppler's pdftoppm renders them, Tesseract's Vietnamese model reads them.

The only module that runs external programs for the converter, and the only one that looks at
page images (with Pillow). Debian packages: poppler-utils (pdftoppm), tesseract-ocr and
tesseract-ocr-vie (scripts/test.sh and scripts/serve.sh install them).

Each page is read once as TSV (every word with its box and confidence); the text is rebuilt
from it with the header band as two columns (parsing/page_layout.py). Two more facts are kept
for extraction (parsing/scan.py): the header words of the first page with the width of their
strokes (typed or handwritten digits), and the signature column read again on its own, since on
a full-page read the seal and the signature over it hide the signer's title and name.
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
from dataclasses import dataclass, field
from pathlib import Path

from .text import fold
from .parsing.page_layout import BAND_HEIGHT, TsvWord, header_band, page_text, parse_tsv
from .parsing.scan import ScanLayout, Word

PACKAGES = "tesseract-ocr tesseract-ocr-vie poppler-utils"
DPI = 300           # Tesseract reads tone marks reliably from 300 dpi
LANGUAGE = "vie"
PAGE_MODE = 3       # Tesseract's automatic page segmentation for the page
BLOCK_MODE = 6      # one uniform block: the signature column, read on its own
TIMEOUT = 300       # seconds per program run: one page never takes that long
# How a page is read, in the cache key: a change of it never reuses old results. The cache holds
# what was read (words, boxes, strokes, the signature column); text and layout are derived on load.
READING = f"tsv|psm{PAGE_MODE}|strokes-top-{BAND_HEIGHT}|signature-psm{BLOCK_MODE}|v3"
# Optional folder of OCR results keyed by the PDF's SHA-256 and the settings, so that converting the
# same scans again (a batch re-run, the accuracy benchmark) skips Tesseract. Off unless set.
CACHE_ENV = "KHO_OCR_CACHE"


class OcrUnavailable(RuntimeError):
    """A program or the Vietnamese model is missing; the message names the Debian package."""


class OcrFailed(RuntimeError):
    """pdftoppm or tesseract ran and failed (a damaged PDF, an unreadable page)."""


@dataclass
class PageRead:
    """What Tesseract and the image gave for one page: its size, its words with their boxes (TSV),
    and the stroke width of each word in the page's top part (None below it). The text and the
    layout facts are derived from it, so this is what the cache keeps."""
    width: int
    height: int
    words: list[TsvWord]
    strokes: list[float | None]


@dataclass
class OcrPages:
    pages: list[str]
    seconds: float      # wall time of rendering and recognition, for scripts/bench.py
    layout: ScanLayout = field(default_factory=ScanLayout)


def assemble(reads: list[PageRead], signature: list[str], seconds: float) -> OcrPages:
    """The pages' text in reading order and the layout facts extraction uses."""
    pages = [page_text(read.words, read.width, read.height) for read in reads]
    return OcrPages(pages, seconds, ScanLayout(_header_words(reads[0]) if reads else [], signature))


def _header_words(read: PageRead) -> list[Word]:
    """The words of the page's header band (or its top, without one), with their stroke widths."""
    band = header_band(read.words, read.width, read.height)
    bottom = band[1] if band else read.height * BAND_HEIGHT
    return [Word(w.text, w.conf, w.left, w.top, w.width, w.height, stroke)
            for w, stroke in zip(read.words, read.strokes) if w.top <= bottom]


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
    settings = f"{DPI}|{LANGUAGE}|{_tesseract_version()}|{READING}"
    key = hashlib.sha256(hashlib.sha256(data).digest() + settings.encode()).hexdigest()
    return Path(folder) / f"{key}.json"


@functools.lru_cache(maxsize=1)
def _tesseract_version() -> str:
    return _run(["tesseract", "--version"]).splitlines()[0] if shutil.which("tesseract") else ""


def _to_json(reads: list[PageRead], signature: list[str]) -> dict:
    return {"reads": [{"size": [r.width, r.height],
                       "words": [[w.text, round(w.conf, 1), w.left, w.top, w.width, w.height, *w.line,
                                  None if stroke is None else round(stroke, 2)] for w, stroke in zip(r.words, r.strokes)]}
                      for r in reads],
            "signature": signature}


def _from_json(entry) -> tuple[list[PageRead], list[str]]:
    """Raises ValueError, TypeError, KeyError or IndexError when the entry is not of the expected shape."""
    reads = []
    for page in entry["reads"]:
        words, strokes = [], []
        for text, conf, left, top, width, height, block, par, line, stroke in page["words"]:
            if not isinstance(text, str):
                raise TypeError("word text")
            block, par, line = int(block), int(par), int(line)
            words.append(TsvWord(text, float(conf), int(left), int(top), int(width), int(height), (block, par),
                                 (block, par, line)))
            strokes.append(None if stroke is None else float(stroke))
        reads.append(PageRead(int(page["size"][0]), int(page["size"][1]), words, strokes))
    signature = entry["signature"]
    if not (isinstance(signature, list) and all(isinstance(line, str) for line in signature)):
        raise TypeError("signature")
    return reads, signature


def _cached(path: Path | None) -> OcrPages | None:
    """The cached result, or None when absent or not of the expected shape (a cache file is untrusted)."""
    try:
        entry = json.loads(path.read_text(encoding="utf-8")) if path else None
        return assemble(*_from_json(entry), 0.0) if entry is not None else None
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None


def ocr_pdf(data: bytes) -> OcrPages:
    """Text of every page of a PDF, read from its images. Raises OcrUnavailable or OcrFailed."""
    if (package := missing()) is not None:
        raise OcrUnavailable(f"chưa cài {package}")
    cache = _cache_file(data)
    if (cached := _cached(cache)) is not None:
        return cached
    start = time.perf_counter()
    reads, signature = _recognise(data)
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_to_json(reads, signature), ensure_ascii=False), encoding="utf-8")
        tmp.replace(cache)
    return assemble(reads, signature, time.perf_counter() - start)


def _recognise(data: bytes) -> tuple[list[PageRead], list[str]]:
    """Each page read as TSV, and the signature column read on its own (empty without "Nơi nhận")."""
    from PIL import Image
    # One thread per page run: the machine's other work keeps its cores.
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    reads, signature = [], []
    with tempfile.TemporaryDirectory(prefix="kho-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        _run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(Path(tmp) / "page")])
        images = sorted(Path(tmp).glob("page*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
        for image in images:
            words = parse_tsv(_run(["tesseract", str(image), "stdout", "-l", LANGUAGE, "--psm", str(PAGE_MODE), "tsv"], env))
            try:
                with Image.open(image) as picture:
                    picture = picture.convert("L")
                    strokes = [_stroke_width(picture, w) if w.top <= picture.height * BAND_HEIGHT else None for w in words]
                    reads.append(PageRead(picture.width, picture.height, words, strokes))
                    if not signature and (anchor := _signature_anchor(words, picture.width, picture.height)):
                        signature = _read_column(picture, _signature_box(anchor, picture), Path(tmp), env)
            except (OSError, ValueError, Image.DecompressionBombError):
                # a page Pillow will not open (an oversized sheet): its text, without the image measures
                width = max((w.left + w.width for w in words), default=1)
                height = max((w.top + w.height for w in words), default=1)
                reads.append(PageRead(width, height, words, [None] * len(words)))
    return reads, signature


def _stroke_width(picture, word: TsvWord) -> float | None:
    """Mean stroke width in pixels: twice the ink over its outline (ink a 3x3 erosion removes).
    A felt pen's strokes are wider than a typeface's; see parsing/scan.py."""
    from PIL import ImageFilter
    if word.width < 3 or word.height < 3:
        return None
    crop = picture.crop((word.left, word.top, word.left + word.width, word.top + word.height))
    ink = crop.point(lambda v: 0 if v < 128 else 255)
    area = ink.histogram()[0]
    outline = area - ink.filter(ImageFilter.MaxFilter(3)).histogram()[0]
    return 2 * area / outline if outline else None


_MARKERS = ("TM", "KT", "TL", "TUQ", "T/M", "K/T", "T/L")


def _signature_anchor(words: list[TsvWord], width: int, height: int) -> TsvWord | None:
    """The "Nơi nhận" word that opens the recipients' list, the signature block beside it; else,
    when OCR lost that heading, a signing marker ("TM.", "KT.") in the right half below the header."""
    noi_nhan = next((word for previous, word in zip(words, words[1:])
                     if fold(previous.text).lower() == "noi" and fold(word.text).lower().startswith("nhan")), None)
    return noi_nhan or next((word for word in words if word.text.rstrip(".,") in _MARKERS
                             and word.left >= width * 0.45 and word.top >= height * BAND_HEIGHT), None)


def _signature_box(anchor: TsvWord, picture) -> tuple[int, int, int, int]:
    """The right half of the page (the list on the left does not reach it) from a little above
    "Nơi nhận" to a third of a page below it."""
    top = max(0, anchor.top - int(picture.height * 0.03))
    return picture.width // 2, top, picture.width, min(picture.height, top + int(picture.height * 0.33))


def _read_column(picture, box: tuple[int, int, int, int], folder: Path, env: dict) -> list[str]:
    """Lines Tesseract reads in one region of a page, as one block of text; none when that run
    fails (the page's own read already has the text)."""
    crop = folder / "region.png"
    picture.crop(box).save(crop)
    try:
        text = _run(["tesseract", str(crop), "stdout", "-l", LANGUAGE, "--psm", str(BLOCK_MODE)], env)
    except OcrFailed:
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]
