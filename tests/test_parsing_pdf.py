"""PDF input (vanban/parsing/pdf.py, vanban/ocr.py): text layer, scans through Tesseract, clear refusals.

The PDFs are made from seed 003 during the run (tests/_pdfs.py); the scan is OCR'd once per session.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from _pdfs import scanned_pdf, text_pdf
from conftest import ROOT, SEEDS
from vanban import ocr, second_reader
from vanban.convert import convert_bytes
from vanban.parsing.page_layout import parse_tsv
from vanban.parsing.pdf import PdfProblem, read_pdf
from vanban.parsing.scan import ColumnLine, LineRead, ScanLayout

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"

SEED = next(SEEDS.glob("003_*.txt"))
FIELDS = ("so_ky_hieu", "loai_van_ban", "ngay_ban_hanh", "co_quan_ban_hanh")
# What the seed's own text gives, checked by hand against the original.
EXPECTED = {"so_ky_hieu": "154-CV/TU", "loai_van_ban": "Công văn", "ngay_ban_hanh": "2021-04-28",
            "co_quan_ban_hanh": "Tỉnh ủy Hà Nam"}


@pytest.fixture(scope="session")
def text_layer_pdf() -> bytes:
    return text_pdf(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def scan_pdf(text_layer_pdf) -> bytes:
    return scanned_pdf(text_layer_pdf)   # the first page, as an image only


@pytest.fixture(scope="session")
def scan_ocr(scan_pdf) -> ocr.OcrPages:
    return ocr.ocr_pdf(scan_pdf)         # the real pdftoppm + tesseract run, once per session


@pytest.fixture(scope="session")
def scan_result(scan_pdf, scan_ocr):
    def same_run(data):
        assert data == scan_pdf
        return scan_ocr
    with pytest.MonkeyPatch.context() as patch:  # convert the scan without OCR'ing it a second time
        patch.setattr(ocr, "ocr_pdf", same_run)
        return convert_bytes(scan_pdf, "scan.pdf")


def _fields(result) -> dict:
    assert result.status != "error", result.error
    return {key: result.metadata[key] for key in FIELDS}


def test_text_layer_is_read_without_ocr(text_layer_pdf):
    def no_ocr(data):
        raise AssertionError("a PDF with a text layer must not be OCR'd")
    pdf = read_pdf(text_layer_pdf, ocr=no_ocr)
    assert not pdf.ocr and pdf.pages >= 2
    assert "Hà Nam, ngày 28 tháng 4 năm 2021" in pdf.text


def test_text_pdf_gives_the_same_fields_as_the_seed(text_layer_pdf):
    result = convert_bytes(text_layer_pdf, "seed.pdf")
    assert _fields(result) == EXPECTED
    assert result.metadata["nguoi_ky"] == convert_bytes(SEED.read_bytes(), SEED.name).metadata["nguoi_ky"]


def test_scan_is_ocrd_in_vietnamese(scan_pdf, scan_ocr):
    pdf = read_pdf(scan_pdf, ocr=lambda data: scan_ocr)
    assert pdf.ocr and pdf.pages == 1 and pdf.ocr_seconds > 0
    assert "Hà Nam, ngày 28 tháng 4 năm 2021" in pdf.text
    assert "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh" in pdf.text


def test_scan_gives_number_type_date_issuer(scan_result):
    assert _fields(scan_result) == EXPECTED


def _path_with(tmp_path, **programs) -> str:
    """A PATH holding only the given programs: name -> real path or a shell script's text."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, target in programs.items():
        if target.startswith("#!"):
            (bin_dir / name).write_text(target)
            (bin_dir / name).chmod(0o755)
        else:
            (bin_dir / name).symlink_to(target)
    return str(bin_dir)


@pytest.mark.parametrize("programs,package", [
    ({}, "poppler-utils"),
    ({"pdftoppm": "pdftoppm"}, "tesseract-ocr"),
    ({"pdftoppm": "pdftoppm", "tesseract": "#!/bin/sh\necho 'List of available languages (2):'; echo eng; echo osd\n"},
     "tesseract-ocr-vie"),
])
def test_scan_without_tesseract_is_one_clear_line(scan_pdf, tmp_path, monkeypatch, programs, package):
    programs = {name: shutil.which(t) if not t.startswith("#!") else t for name, t in programs.items()}
    monkeypatch.setenv("PATH", _path_with(tmp_path, **programs))
    ocr.missing.cache_clear()
    try:
        result = convert_bytes(scan_pdf, "scan.pdf")
    finally:
        ocr.missing.cache_clear()
    assert result.status == "error" and "\n" not in result.error
    assert result.error.startswith("scan.pdf: PDF là bản quét") and package in result.error
    assert "apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils" in result.error


# A text layer of glyph codes (fonts without a Unicode map, as pdfminer prints them) or
# without a single tone mark is not trusted: the pages are OCR'd instead.
@pytest.mark.parametrize("layer,problem", [
    ("(cid:23)(cid:26)(cid:29)(cid:22)(cid:31)(cid:38) (cid:8)(cid:19)(cid:16)(cid:11)(cid:35)(cid:55)\n" * 12, "cid"),
    ("CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\nSo 154 - CV/TU\n"
     "Ha Nam, ngay 28 thang 4 nam 2021\nThuc hien chi dao cua Thuong truc Ban Bi thu, cua Thu tuong Chinh phu\n" * 4,
     "không có dấu"),
])
def test_unusable_text_layer_is_ocrd_instead(layer, problem):
    seed_text = SEED.read_text(encoding="utf-8")
    calls = []

    def fake_ocr(data):
        calls.append(data)
        return ocr.OcrPages([seed_text], 0.5)
    pdf = read_pdf(text_pdf(layer), ocr=fake_ocr)
    assert calls and pdf.ocr and pdf.text.split() == seed_text.split()

    def unavailable(data):
        raise ocr.OcrUnavailable("chưa cài tesseract-ocr")
    with pytest.raises(PdfProblem, match=f"lớp chữ của PDF không dùng được .*{problem}.*tesseract-ocr"):
        read_pdf(text_pdf(layer), ocr=unavailable)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage", b"not a pdf at all"])
def test_damaged_pdf_is_one_clear_line(data):
    result = convert_bytes(data, "x.pdf")
    assert result.status == "error" and "\n" not in result.error and "PDF hỏng" in result.error


def test_cli_takes_pdf_files_and_folders(text_layer_pdf, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cong-van.pdf").write_bytes(text_layer_pdf)
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), str(tmp_path / "in"),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True,
                          env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "2021" / "cong-van-154-cv-tu.md").exists()


def _read(*texts: str) -> str:
    """One cached page read: its size and words ([text, conf, box, block, paragraph, line, stroke])."""
    words = [[text, 96.5, 300, 200 + 60 * i, 200, 50, 1, 1, i + 1, 3.8] for i, text in enumerate(texts)]
    return '{"size": [2480, 3508], "words": %s}' % json.dumps(words, ensure_ascii=False)


@pytest.mark.parametrize("cached, used", [
    ('{"reads": [%s, %s], "signature": ["Lê Minh Hưng"]}' % (_read("trang", "một"), _read("trang hai")), True),
    ('["trang một", "trang hai"]', False),    # an older run's format: its pages were read another way
    ('{"reads": [%s], "signature": "not a list"}' % _read("trang"), False),  # a cache file is untrusted
    ('{"reads": [{"size": [1, 1], "words": [["x", "not a number", 1, 1, 1, 1, 1, 1, 1, null]]}], "signature": []}', False),
    ('not json', False),
])
def test_ocr_cache_is_used_only_when_it_holds_a_read(scan_pdf, tmp_path, monkeypatch, cached, used):
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path))
    fresh = ocr.PageRead(2480, 3508, parse_tsv(TSV_HEADER + "5\t1\t1\t1\t1\t1\t300\t200\t200\t50\t96\tlại\n"), [None])
    monkeypatch.setattr(ocr, "_recognise", lambda data, with_second: ([fresh], [], None))
    ocr._cache_file(scan_pdf).write_text(cached, encoding="utf-8")
    result = ocr.ocr_pdf(scan_pdf)
    assert result.pages == (["trang\nmột\n", "trang hai\n"] if used else ["lại\n"])
    if used:
        assert result.layout.signature == ["Lê Minh Hưng"] and result.layout.header_words[0].stroke == 3.8
    else:  # the fresh result replaced the bad file
        assert ocr._cached(ocr._cache_file(scan_pdf))[0][0].words[0].text == "lại"


def test_cache_key_names_every_reading_setting(scan_pdf, tmp_path, monkeypatch):
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path))
    before = ocr._cache_file(scan_pdf)
    monkeypatch.setattr(ocr, "READING", ocr.READING + "|another")
    assert ocr._cache_file(scan_pdf) != before


def test_second_readings_are_cached_apart_under_their_own_settings(scan_pdf, tmp_path, monkeypatch):
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path))
    pages, second = ocr._cache_file(scan_pdf), ocr._cache_file(scan_pdf, second=True)
    monkeypatch.setattr(ocr, "SECOND_READING", ocr.SECOND_READING + "|another")
    assert second != pages and ocr._cache_file(scan_pdf, second=True) != second and ocr._cache_file(scan_pdf) == pages


@pytest.mark.parametrize("cached, used", [
    ('{"second": {"so": [["S6: 981 /QD-TTg", [0.9, 0.8]]], "ngay": []}, "column": [["Nguyen Hoa Binh", 0.98, [1, 2, 3, 4]]]}',
     True),
    ('{"second": {"so": [["S6: 981 /QD-TTg", "not a list"]]}, "column": []}', False),    # a cache file is untrusted
    ('{"second": {"other": []}, "column": []}', False),
    ('{"second": {"so": []}, "column": [["Nguyen Hoa Binh", 0.98, [1, 2]]]}', False),
    ('{"second": {"so": []}}', False),      # an older run's: no signature column
    ('not json', False),
])
def test_second_readings_cache_is_used_only_when_it_holds_readings(scan_pdf, tmp_path, monkeypatch, cached, used):
    """Page reads from the cache and no second readings: the first page is read again by the second
    recogniser alone (Tesseract is not run), and the readings are cached for the next run."""
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(second_reader, "missing", lambda: None)
    monkeypatch.setattr(ocr, "_recognise", lambda data, with_second: pytest.fail("Tesseract run again"))
    ocr._cache_file(scan_pdf).write_text('{"reads": [%s], "signature": []}' % _read("trang"), encoding="utf-8")
    ocr._cache_file(scan_pdf, second=True).write_text(cached, encoding="utf-8")
    fresh = ocr.SecondReads({"so": [LineRead("So: 1 /QD-TTg", (0.5,) * 13)]})
    monkeypatch.setattr(ocr, "_second_read_again", lambda data, reads: fresh)
    layout = ocr.ocr_pdf(scan_pdf).layout
    if used:
        assert layout.second == {"so": [LineRead("S6: 981 /QD-TTg", (0.9, 0.8))], "ngay": []}
        assert layout.second_signature == [ColumnLine("Nguyen Hoa Binh", 0.98, (1, 2, 3, 4))]
    else:
        assert (layout.second, layout.second_signature) == (fresh.lines, [])
    if not used:   # the fresh readings replaced the bad file
        assert ocr._cached(ocr._cache_file(scan_pdf, second=True), ocr._second_from_json) == fresh


def test_without_the_second_recogniser_a_scan_is_read_as_before(scan_pdf, tmp_path, monkeypatch):
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(second_reader, "missing", lambda: "chưa cài gói Python rapidocr_onnxruntime")
    monkeypatch.setattr(ocr, "_second_read_again", lambda data, reads: pytest.fail("read without the recogniser"))
    ocr._cache_file(scan_pdf).write_text('{"reads": [%s], "signature": []}' % _read("trang"), encoding="utf-8")
    result = ocr.ocr_pdf(scan_pdf)
    assert result.pages == ["trang\n"] and result.layout.second is None
    assert "rapidocr_onnxruntime" in result.layout.second_missing


def _pdf_over_image(text: str, invisible: bool) -> bytes:
    """A page image with text over it: invisible (render mode 3), as a scanner's OCR puts it, or
    visible, as on a typed letter with a logo."""
    from fpdf import FPDF
    from fpdf.enums import TextMode
    from PIL import Image
    from _pdfs import FONT
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    pdf.image(Image.new("L", (210, 297), 250), x=0, y=0, w=210, h=297)
    if invisible:
        pdf.text_mode = TextMode.INVISIBLE
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_a_scanners_ocr_layer_is_read_again():
    """The scanner's OCR (garbled, "S5:5~.9IQD-DHTD" on a real scan) is not trusted: Tesseract reads the page."""
    seed_text = "\n".join(SEED.read_text(encoding="utf-8").splitlines()[:12])   # one page
    scanned = _pdf_over_image(seed_text, invisible=True)
    pdf = read_pdf(scanned, ocr=lambda data: ocr.OcrPages(["Số: 154-CV/TU"], 0.5))
    assert pdf.ocr and pdf.text == "Số: 154-CV/TU"
    typed = read_pdf(_pdf_over_image(seed_text, invisible=False), ocr=lambda data: pytest.fail("typed text is read"))
    assert not typed.ocr and "Hà Nam, ngày 28 tháng 4 năm 2021" in typed.text


def test_a_scans_e_signing_time_comes_from_its_text_layer():
    """The portal's signing box is the only text of the scan's PDF; OCR reads the page, and the
    signing time bounds the date the second recogniser may read (parsing/scan.py)."""
    stamped = _pdf_over_image("Thời gian ký: 16.09.2024 16:29:07 +07:00", invisible=False)
    pdf = read_pdf(stamped, ocr=lambda data: ocr.OcrPages(["Số: 981 /QĐ-TTg"], 0.5, ScanLayout()))
    assert pdf.ocr and pdf.layout.scan.signed == "2024-09-16"
