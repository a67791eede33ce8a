"""A second recogniser for the handwritten digits of a scan's own number and date.

Tesseract reads handwriting confidently and wrongly (parsing/scan.py), and reading the same crop
again with Tesseract witnesses nothing: it makes the same mistake. This module reads a few crops
of the header's number line and date line with PaddleOCR's PP-OCRv4 text-line recogniser, a
different model trained on different data (Chinese and English: it drops Vietnamese marks, so
only its digits are used), run on the CPU by ONNX Runtime through the `rapidocr_onnxruntime`
package, whose wheel ships the model files: nothing is downloaded at run time. Recognition only
(no text detection): a line crop takes a few hundredths of a second.

Optional (requirements-ocr.txt, scan conversion only): without it a scan's handwritten digits
stay null and flagged, and the reason names the package. Only vanban/ocr.py calls this module.

It also finds and reads the lines of a scan's signature column (`read_column`), with PP-OCR's
text detector: the seal and the signature hide the signer's name from Tesseract
(parsing/scan_signer.py says when a name so read is taken).
"""
from __future__ import annotations

import functools

from .parsing.scan import ColumnLine, LineRead

PACKAGE = "rapidocr_onnxruntime"
INSTALL = "pip install -r requirements-ocr.txt"


@functools.lru_cache(maxsize=1)
def missing() -> str | None:
    """Why the second recogniser cannot run (the package to install), or None when it can."""
    try:
        _recognizer()
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] in (PACKAGE, "onnxruntime", "cv2", "numpy"):
            return f"chưa cài gói Python {PACKAGE} (cài bằng: {INSTALL})"
        return f"gói Python {PACKAGE} thiếu một phần ({exc}; cài lại bằng: {INSTALL})"
    except ImportError as exc:   # OpenCV without its system library: libGL.so.1 (Debian: libgl1)
        return f"gói Python {PACKAGE} không nạp được ({exc}; trên Debian cần gói libgl1)"
    except (OSError, RuntimeError, ValueError) as exc:   # a damaged install: the model file unreadable
        return f"gói Python {PACKAGE} không chạy được ({type(exc).__name__}: {exc}; cài lại bằng: {INSTALL})"
    return None


@functools.lru_cache(maxsize=1)
def version() -> str:
    """The package's version, for the OCR cache key; empty when it is not installed."""
    from importlib.metadata import PackageNotFoundError, version as package_version
    try:
        return package_version(PACKAGE)
    except PackageNotFoundError:
        return ""


@functools.lru_cache(maxsize=1)
def _recognizer():
    """PP-OCR's text recogniser alone (not the detector nor the angle classifier RapidOCR also
    loads), on one thread: the machine's other work keeps its cores."""
    from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
    from rapidocr_onnxruntime.utils import read_yaml, update_model_path
    config = update_model_path(read_yaml(DEFAULT_CFG_PATH))["Rec"]
    config.update(intra_op_num_threads=1, inter_op_num_threads=1)
    return TextRecognizer(config)


@functools.lru_cache(maxsize=1)
def _engine():
    """PP-OCR's detector and recogniser (the angle classifier is loaded but not used: a signature
    column is upright), on one thread."""
    from rapidocr_onnxruntime import RapidOCR
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


def read_column(image) -> list[ColumnLine]:
    """The text lines PP-OCR's detector finds in image (a Pillow image of the signature column),
    each read, top to bottom, with its box in the image's pixels."""
    import numpy as np
    found, _ = _engine()(np.asarray(image.convert("RGB")), use_cls=False)
    lines = []
    for points, text, score in found or []:
        xs, ys = [int(x) for x, _ in points], [int(y) for _, y in points]
        lines.append(ColumnLine(text, round(float(score), 3), (min(xs), min(ys), max(xs), max(ys))))
    return sorted(lines, key=lambda line: (line.box[1], line.box[0]))


def read_lines(images: list) -> list[LineRead]:
    """Each image (a Pillow image of one text line) read as one line, with each character's score.
    One image at a time: in a batch the recogniser pads every image to the widest, which changes
    what it reads of the narrow ones."""
    import numpy as np
    reads = []
    for image in images:
        [(text, _, info)], _ = _recognizer()([np.asarray(image.convert("RGB"))], True)  # True: per-character scores
        reads.append(LineRead(text, tuple(round(float(score), 3) for score in info[4]) if text else ()))
    return reads
