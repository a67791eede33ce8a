"""OCR of scanned PDF pages: poppler's pdftoppm renders them, Tesseract's Vietnamese model reads them.

The only module that runs external programs for the converter, and the only one that looks at
page images (with Pillow). Debian packages: poppler-utils (pdftoppm), tesseract-ocr and
tesseract-ocr-vie (scripts/test.sh and scripts/serve.sh install them).

Each page is read once as TSV (every word with its box and confidence); the text is rebuilt
from it with the header band as two columns (parsing/page_layout.py). Three more facts are kept
for extraction (parsing/scan.py): the header words of the first page with the width of their
strokes (typed or handwritten digits), the signature column read again on its own, since on
a full-page read the seal and the signature over it hide the signer's title and name, and the
number and date lines read again by a second recogniser (vanban/second_reader.py), where
handwritten digits are, which also finds and reads the signature column's lines.
"""
from __future__ import annotations

import dataclasses
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
from .parsing.page_layout import BAND_HEIGHT, TsvWord, field_lines, header_band, page_text, parse_tsv
from .parsing.scan import ColumnLine, LineRead, ScanLayout

PACKAGES = "tesseract-ocr tesseract-ocr-vie poppler-utils"
DPI = 300           # Tesseract reads tone marks reliably from 300 dpi
LANGUAGE = "vie"
PAGE_MODE = 3       # Tesseract's automatic page segmentation for the page
BLOCK_MODE = 6      # one uniform block: the signature column, read on its own
TIMEOUT = 300       # seconds per program run: one page never takes that long
# How a page is read, in the cache key: a change of it never reuses old results. The cache holds
# what was read (words, boxes, strokes, the signature column); text and layout are derived on load.
READING = f"tsv|psm{PAGE_MODE}|strokes-top-{BAND_HEIGHT}|signature-psm{BLOCK_MODE}|v3"
# The second recogniser reads the number and date lines cropped with each of these margins above
# and below (in heights of the line's typed words; 0.3 of one at each end): the readings must agree.
SECOND_MARGINS = (0.2, 0.3, 0.4)
SECOND_READING = f"ppocr-rec|so-ngay|margins-{'-'.join(map(str, SECOND_MARGINS))}|ppocr-det-signature|v3"
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
class SecondReads:
    """What the second recogniser read: the number and date lines on several crops ("so", "ngay"),
    and the lines it found in the signature column (empty without one)."""
    lines: dict[str, list[LineRead]]
    column: list[ColumnLine] = field(default_factory=list)


@dataclass
class OcrPages:
    pages: list[str]
    seconds: float      # wall time of rendering and recognition, for scripts/bench.py
    layout: ScanLayout = field(default_factory=ScanLayout)


def assemble(reads: list[PageRead], signature: list[str], seconds: float,
             second: SecondReads | None = None, second_missing: str | None = None) -> OcrPages:
    """The pages' text in reading order and the layout facts extraction uses."""
    pages = [page_text(read.words, read.width, read.height) for read in reads]
    layout = ScanLayout(_header_words(reads[0]) if reads else [], signature, second.lines if second else None,
                        second_missing, second_signature=second.column if second else [])
    return OcrPages(pages, seconds, layout)


def _header_words(read: PageRead) -> list[TsvWord]:
    """The words of the page's header band (or its top, without one), with their stroke widths."""
    band = header_band(read.words, read.width, read.height)
    bottom = band[1] if band else read.height * BAND_HEIGHT
    return [dataclasses.replace(w, stroke=stroke) for w, stroke in zip(read.words, read.strokes) if w.top <= bottom]


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


def _cache_file(data: bytes, second: bool = False) -> Path | None:
    """Where the page reads of a PDF are cached, or (second=True) the second recogniser's readings,
    kept apart so that installing or changing that recogniser never needs Tesseract again."""
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        return None
    settings = f"{DPI}|{LANGUAGE}|{_tesseract_version()}|{READING}"
    if second:
        from . import second_reader
        settings += f"|{SECOND_READING}|{second_reader.PACKAGE} {second_reader.version()}"
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


def _second_to_json(second: SecondReads) -> dict:
    return {"second": {key: [[read.text, list(read.scores)] for read in reads] for key, reads in second.lines.items()},
            "column": [[line.text, line.score, list(line.box)] for line in second.column]}


def _second_from_json(entry) -> SecondReads:
    """Raises ValueError, TypeError, KeyError or IndexError when the entry is not of the expected shape."""
    column = []
    for text, score, box in entry["column"]:
        if not isinstance(text, str) or len(box) != 4:
            raise TypeError("column line")
        column.append(ColumnLine(text, float(score), tuple(int(v) for v in box)))
    second = {}
    for key, reads in entry["second"].items():
        if key not in ("so", "ngay") or not isinstance(reads, list):
            raise ValueError("second reading")
        second[key] = []
        for text, scores in reads:
            if not isinstance(text, str) or not isinstance(scores, list):
                raise TypeError("second reading")
            second[key].append(LineRead(text, tuple(float(score) for score in scores)))
    return SecondReads(second, column)


def _cached(path: Path | None, parse=_from_json):
    """The cached entry parsed, or None when absent or not of the expected shape (a cache file is untrusted)."""
    try:
        entry = json.loads(path.read_text(encoding="utf-8")) if path else None
        return parse(entry) if entry is not None else None
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _store(path: Path | None, entry: dict) -> None:
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def ocr_pdf(data: bytes) -> OcrPages:
    """Text of every page of a PDF, read from its images. Raises OcrUnavailable or OcrFailed."""
    if (package := missing()) is not None:
        raise OcrUnavailable(f"chưa cài {package}")
    from . import second_reader
    start = time.perf_counter()
    second_missing = second_reader.missing()
    cache, second_cache = _cache_file(data), None if second_missing else _cache_file(data, second=True)
    cached = _cached(cache)
    second = _cached(second_cache, _second_from_json) if cached else None
    fresh = second is None and second_missing is None
    if cached is None:
        reads, signature, second = _recognise(data, second_missing is None)
        _store(cache, _to_json(reads, signature))
    else:
        reads, signature = cached
        if fresh and reads:
            second = _second_read_again(data, reads)
    if fresh and second is not None:
        _store(second_cache, _second_to_json(second))
    return assemble(reads, signature, time.perf_counter() - start, second, second_missing)


def _render(data: bytes, folder: Path, page: int | None = None) -> list[Path]:
    """The PDF's pages (or only `page`, from 1) as grey PNG images at DPI, in page order."""
    pdf = folder / "in.pdf"
    pdf.write_bytes(data)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    root = f"page{page or ''}"
    _run(["pdftoppm", "-r", str(DPI), "-gray", *pages, "-png", str(pdf), str(folder / root)])
    return sorted(folder.glob(f"{root}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))


def _recognise(data: bytes, with_second: bool) -> tuple[list[PageRead], list[str], SecondReads | None]:
    """Each page read as TSV, the signature column read on its own (empty without "Nơi nhận"),
    and with_second, the first page's number and date lines and the signature column read by
    the second recogniser."""
    from PIL import Image
    # One thread per page run: the machine's other work keeps its cores.
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    reads, signature, second = [], [], None
    with tempfile.TemporaryDirectory(prefix="kho-ocr-") as tmp:
        for image in _render(data, Path(tmp)):
            words = parse_tsv(_run(["tesseract", str(image), "stdout", "-l", LANGUAGE, "--psm", str(PAGE_MODE), "tsv"], env))
            try:
                with Image.open(image) as picture:
                    picture = picture.convert("L")
                    band = picture.height * BAND_HEIGHT if not reads else -1   # only the first page's header is read
                    strokes = [_stroke_width(picture, w) if w.top <= band else None for w in words]
                    reads.append(PageRead(picture.width, picture.height, words, strokes))
                    if with_second and len(reads) == 1:
                        second = _second_read(picture, words)
                    if not signature and (anchor := _signature_anchor(words, picture.width, picture.height)):
                        box = _signature_box(anchor, picture)
                        signature = _read_column(picture, box, Path(tmp), env)
                        if second is not None:
                            second.column = _second_column(picture, box)
            except (OSError, ValueError, Image.DecompressionBombError):
                # a page Pillow will not open (an oversized sheet): its text, without the image measures
                width = max((w.left + w.width for w in words), default=1)
                height = max((w.top + w.height for w in words), default=1)
                reads.append(PageRead(width, height, words, [None] * len(words)))
    return reads, signature, second


def _second_read_again(data: bytes, reads: list[PageRead]) -> SecondReads | None:
    """The second recogniser's readings of a PDF whose page reads came from the cache: its first
    page, and the page of its signature, are rendered again (a second or so each), Tesseract is
    not run."""
    from PIL import Image
    signed = next(((n, anchor) for n, read in enumerate(reads, 1)
                   if (anchor := _signature_anchor(read.words, read.width, read.height))), None)
    with tempfile.TemporaryDirectory(prefix="kho-ocr-") as tmp:
        try:
            with Image.open(_render(data, Path(tmp), page=1)[0]) as picture:
                first = picture.convert("L")
            second = _second_read(first, reads[0].words)
            if second is not None and signed:
                number, anchor = signed
                if number == 1:
                    page = first
                else:
                    with Image.open(_render(data, Path(tmp), page=number)[0]) as picture:
                        page = picture.convert("L")
                second.column = _second_column(page, _signature_box(anchor, page))
            return second
        except (OSError, ValueError, IndexError, Image.DecompressionBombError, OcrFailed):
            return None


def _second_column(picture, box: tuple[int, int, int, int]) -> list[ColumnLine]:
    """The signature column's lines as the second recogniser finds and reads them; none when it fails."""
    from . import second_reader
    try:
        return second_reader.read_column(picture.crop(box))
    except Exception:  # noqa: BLE001 - ONNX Runtime raises its own types; a failed witness is no failure of the document
        return []


def _second_read(picture, words: list[TsvWord]) -> SecondReads | None:
    """The number line and the date line (parsing/page_layout.field_lines) each cropped with every
    margin of SECOND_MARGINS and read by the second recogniser; None when it fails (the document
    is read without it: its handwritten digits stay null)."""
    from . import second_reader
    lines = field_lines(words, picture.width, picture.height)
    crops, keys = [], []
    for key, (left, top, right, bottom, height) in lines.items():
        for margin in SECOND_MARGINS:
            crops.append(picture.crop((max(0, int(left - 0.3 * height)), max(0, int(top - margin * height)),
                                       min(picture.width, int(right + 0.3 * height)),
                                       min(picture.height, int(bottom + margin * height)))))
            keys.append(key)
    try:
        reads = second_reader.read_lines(crops)
    except Exception:  # noqa: BLE001 - ONNX Runtime raises its own types; a failed witness is no failure of the document
        return None
    second: dict[str, list[LineRead]] = {key: [] for key in lines}
    for key, read in zip(keys, reads):
        second[key].append(read)
    return SecondReads(second)


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
