"""PDFs made from a seed at test time (no third-party PDF is committed).

text_pdf: a PDF with a text layer, typeset with fpdf2 in DejaVu Sans (Debian fonts-dejavu-core).
scanned_pdf: the same pages as images only, rendered by poppler's pdftoppm and wrapped by Pillow,
like a signed paper copy that went through a scanner.
"""
from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def text_pdf(text: str) -> bytes:
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf(pdf: bytes, dpi: int = 300, first_page: int = 1, last_page: int = 1) -> bytes:
    from PIL import Image
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(first_page), "-l", str(last_page),
                        str(source), str(Path(tmp) / "p")], check=True)
        images = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("p*.png"))]
        out = io.BytesIO()
        images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()
