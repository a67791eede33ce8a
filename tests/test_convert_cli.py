"""scripts/convert.py: exit codes, no overwrite, atomic writes, path safety, report, input formats."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import docx
import pytest

from _text import windows_1258
from conftest import ROOT, SEEDS

SCRIPT = ROOT / "scripts" / "convert.py"
SEED_003 = next(SEEDS.glob("003_*.txt"))
PARAGRAPH = ("Số 154 - CV/TU\n\nHà Nam, ngày 28 tháng 4 năm 2021\n\nCHỈ THỊ\n\nvề công tác phòng, chống dịch "
             "Covid-19 trên địa bàn tỉnh\n\nThực hiện Thông báo số 81/TB-VPCP ngày 26/4/2021 của Văn phòng Chính phủ, "
             "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền thực hiện nghiêm các biện pháp phòng, chống dịch.\n")


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], cwd=cwd, capture_output=True, text=True)


def report(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_bad_usage_exits_2(tmp_path):
    assert run().returncode == 2
    assert run(SEED_003).returncode == 2                     # --out missing
    (tmp_path / "none").mkdir()
    assert run(tmp_path / "none", "--out", tmp_path / "o").returncode == 2


def test_converts_seeds_and_writes_report(tmp_path):
    out, rep = tmp_path / "out", tmp_path / "r.jsonl"
    proc = run(SEEDS, "--out", out, "--report", rep)
    assert proc.returncode == 0, proc.stderr
    rows = report(rep)
    assert len(rows) == 5
    for row in rows:
        assert set(row) == {"input", "output", "status", "metadata", "warnings", "error"}
        assert row["status"] in ("ok", "review") and row["error"] is None
    assert (out / "2021" / "cong-van-154-cv-tu.md").exists()
    assert (out / "khong-ro-nam").is_dir()                 # seed 002 has no date
    assert "0 lỗi" in proc.stdout and "cần xác minh" in proc.stdout


def test_never_overwrites_without_force_and_is_deterministic(tmp_path):
    out = tmp_path / "out"
    assert run(SEED_003, "--out", out).returncode == 0
    page = out / "2021" / "cong-van-154-cv-tu.md"
    first = page.read_bytes()
    page.write_text("staff edit", encoding="utf-8")
    proc = run(SEED_003, "--out", out)
    assert proc.returncode == 1 and "--force" in proc.stderr
    assert page.read_text(encoding="utf-8") == "staff edit"
    assert run(SEED_003, "--out", out, "--force").returncode == 0
    assert page.read_bytes() == first
    assert not list(out.rglob(".tmp-*"))                     # atomic writes leave no temp files


def test_a_different_directive_with_the_same_name_is_never_overwritten(tmp_path):
    # 761-CV/TU exists in every province: Khánh Hòa's page must survive Hà Nam's, even with --force.
    out = tmp_path / "out"
    page = out / "2021" / "cong-van-154-cv-tu.md"
    page.parent.mkdir(parents=True)
    other = ("---\ntitle: Công văn 154-CV/TU của Tỉnh ủy Khánh Hòa\nso_ky_hieu: 154-CV/TU\nloai_van_ban: Công văn\n"
             "trich_yeu: Về việc khác\nco_quan_ban_hanh: Tỉnh ủy Khánh Hòa\nngay_ban_hanh: 2021-03-01\n---\nNội dung.\n")
    page.write_text(other, encoding="utf-8")
    assert run(SEED_003, "--out", out, "--force").returncode == 0
    assert page.read_text(encoding="utf-8") == other
    assert "Tỉnh ủy Hà Nam" in (out / "2021" / "cong-van-154-cv-tu-2.md").read_text(encoding="utf-8")


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (inputs / "b.txt").write_bytes(b"(cid:35)(cid:55) " * 40)  # a PDF glyph dump
    (inputs / "c.docx").write_bytes(b"not a zip")
    rep = tmp_path / "r.jsonl"
    proc = run(inputs, "--out", tmp_path / "out", "--report", rep)
    assert proc.returncode == 1
    rows = {r["input"].rsplit("/", 1)[-1]: r for r in report(rep)}
    assert rows["a.txt"]["status"] != "error"
    assert rows["b.txt"]["status"] == "error" and "cid" in rows["b.txt"]["error"]
    assert rows["c.docx"]["status"] == "error" and "docx" in rows["c.docx"]["error"]
    assert "Traceback" not in proc.stderr
    assert len([l for l in proc.stderr.splitlines() if l.strip()]) == 2  # one line per failed file


@pytest.mark.parametrize("name,data", [
    ("bom.txt", b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8")),
    ("utf16.txt", PARAGRAPH.encode("utf-16")),
    ("cp1258.txt", None),
    ("double.txt", "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                           for b in PARAGRAPH.encode("utf-8")).encode("utf-8")),
])
def test_encodings_are_read_correctly(tmp_path, name, data):
    if data is None:
        data = windows_1258(PARAGRAPH)
    (tmp_path / name).write_bytes(data)
    rep = tmp_path / "r.jsonl"
    assert run(tmp_path / name, "--out", tmp_path / "out", "--report", rep).returncode == 0
    row = report(rep)[0]
    assert row["metadata"]["so_ky_hieu"] == "154-CV/TU"
    assert row["metadata"]["co_quan_ban_hanh"] == "Tỉnh ủy Hà Nam"
    assert "Văn phòng Chính phủ" in (tmp_path / row["output"]).read_text(encoding="utf-8")


def test_vni_bytes_are_converted(tmp_path):
    from vanban.parsing.vni import VNI
    to_vni = {letter: spelling for spelling, letter in VNI.items()}
    (tmp_path / "vni.txt").write_bytes("".join(to_vni.get(ch, ch) for ch in PARAGRAPH).encode("cp1252"))
    rep = tmp_path / "r.jsonl"
    run(tmp_path / "vni.txt", "--out", tmp_path / "out", "--report", rep)
    row = report(rep)[0]
    assert row["status"] != "error", row["error"]
    assert row["metadata"]["so_ky_hieu"] == "154-CV/TU" and row["metadata"]["ngay_ban_hanh"] == "2021-04-28"
    assert "Ban Thường vụ Tỉnh ủy yêu cầu" in (tmp_path / row["output"]).read_text(encoding="utf-8")


def test_html_keeps_the_article_not_the_chrome(tmp_path):
    body = PARAGRAPH.replace("\n\n", "</p><p>")
    page = (f"<html><head><title>x</title><script>alert(1)</script></head><body><nav>Trang chủ | Giới thiệu</nav>"
            f"<div class='menu'>Tin tức Sự kiện</div><article><p>{body}</p></article>"
            f"<footer>Bản quyền thuộc Cổng thông tin điện tử</footer></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    rep = tmp_path / "r.jsonl"
    assert run(tmp_path / "page.html", "--out", tmp_path / "out", "--report", rep).returncode == 0
    row = report(rep)[0]
    text = (tmp_path / row["output"]).read_text(encoding="utf-8")
    assert row["metadata"]["so_ky_hieu"] == "154-CV/TU"
    for chrome in ("Trang chủ", "Tin tức Sự kiện", "Bản quyền", "alert(1)"):
        assert chrome not in text


def test_docx_input(tmp_path):
    document = docx.Document()
    for para in PARAGRAPH.split("\n\n"):
        document.add_paragraph(para.strip())
    document.save(tmp_path / "van-ban.docx")
    rep = tmp_path / "r.jsonl"
    assert run(tmp_path / "van-ban.docx", "--out", tmp_path / "out", "--report", rep).returncode == 0
    assert report(rep)[0]["metadata"]["ngay_ban_hanh"] == "2021-04-28"


def test_docx_in_the_usual_word_layout(tmp_path):
    """Header and signature in borderless tables, lines broken with Shift+Enter, a tab after the item number."""
    document = docx.Document()
    header = document.add_table(rows=1, cols=2).rows[0].cells
    header[0].text = "TỈNH ỦY HÀ NAM\n*\nSố 154-CV/TU\nV/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19"
    header[1].text = "ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nam, ngày 28 tháng 4 năm 2021"
    document.add_paragraph("Kính gửi: Các huyện ủy, thị ủy, thành ủy.")
    document.add_paragraph(PARAGRAPH.rsplit("\n\n", 1)[-1].strip())
    item = document.add_paragraph("1.")
    item.add_run().add_tab()
    item.add_run("Giao Ban Tuyên giáo Tỉnh ủy theo dõi.")
    signature = document.add_table(rows=1, cols=2).rows[0].cells
    signature[0].text = "Nơi nhận:\n- Như trên,\n- Lưu VPTU."
    signature[1].text = "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nĐinh Thị Lụa"
    document.save(tmp_path / "cv.docx")
    rep = tmp_path / "r.jsonl"
    assert run(tmp_path / "cv.docx", "--out", tmp_path / "out", "--report", rep).returncode == 0
    row = report(rep)[0]
    meta = row["metadata"]
    assert (meta["so_ky_hieu"], meta["co_quan_ban_hanh"], meta["ngay_ban_hanh"]) == ("154-CV/TU", "Tỉnh ủy Hà Nam", "2021-04-28")
    assert meta["trich_yeu"] == "V/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19"
    assert (meta["nguoi_ky"], meta["chuc_vu"]) == ("Đinh Thị Lụa", "T/M Ban Thường vụ, Phó Bí thư")
    assert meta["noi_nhan"] == ["Như trên", "Lưu VPTU"]
    assert "Giao Ban Tuyên giáo Tỉnh ủy theo dõi." in (tmp_path / row["output"]).read_text(encoding="utf-8")


def test_paths_stay_inside_out_and_slugs_are_unique(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    hostile = "Số 1/../../../etc - CV/TU\n\nV/v ../../../../tmp/evil <script>\n\nNội dung văn bản.\n"
    for name in ("a.txt", "b.txt", "..x.txt"):
        (inputs / name).write_text(hostile, encoding="utf-8")
    (inputs / "d.txt").write_text(PARAGRAPH, encoding="utf-8")
    (inputs / "e.txt").write_text(PARAGRAPH, encoding="utf-8")
    out, rep = tmp_path / "out", tmp_path / "r.jsonl"
    run(inputs, "--out", out, "--report", rep)
    outputs = [r["output"] for r in report(rep) if r["output"]]
    assert len(outputs) == len(set(outputs)) == 5
    for output in outputs:
        resolved = (tmp_path / output).resolve() if not output.startswith("/") else __import__("pathlib").Path(output).resolve()
        assert out.resolve() in resolved.parents
        assert resolved.name.isascii()


def test_pages_record_their_permanent_address(tmp_path):
    """The converter writes `slug` = the page's path under the output folder, so the page keeps
    its address when staff later fix its title or move the file (issue 10)."""
    out = tmp_path / "out"
    assert run(SEEDS, "--out", out).returncode == 0
    pages = sorted(out.rglob("*.md"))
    assert len(pages) == 5
    for page in pages:
        head = page.read_text(encoding="utf-8").split("\n")[:3]
        assert head[0] == "---" and head[1].startswith("title: ")
        assert head[2] == f"slug: {page.relative_to(out).with_suffix('').as_posix()}", head


# ---- the original file (ban_goc, issue 20) ----

def _seed_pdf(tmp_path):
    from _pdfs import text_pdf
    source = tmp_path / "in" / "cong-van-154.pdf"
    source.parent.mkdir()
    source.write_bytes(text_pdf(SEED_003.read_text(encoding="utf-8")))
    return source


def _seed_docx(tmp_path):
    source = tmp_path / "in" / "cong-van-154.docx"
    source.parent.mkdir()
    document = docx.Document()
    for line in SEED_003.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line.strip())
    document.save(source)
    return source


@pytest.mark.parametrize("make, kind, media_type", [
    (_seed_pdf, "PDF", "application/pdf"),
    (_seed_docx, "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
def test_a_converted_file_offers_its_original(tmp_path, make, kind, media_type):
    """The converter copies the PDF or .docx it read beside the page; the strict build (file policy of
    docs/van-ban/, the page's permanent address) publishes it beside the page, and the page, its JSON-LD and
    its open-data record offer it with the input's bytes, size and SHA-256, under the name it was saved with."""
    import hashlib
    import json
    from _site import copy_docs, read
    from conftest import mkdocs_build
    source = make(tmp_path)
    extension = source.suffix
    docs = tmp_path / "site-src"
    docs.mkdir()
    docs = copy_docs(docs)
    out = docs / "van-ban" / "2021"
    page = out / "cong-van-154-cv-tu.md"
    page.unlink()   # the sample archive holds seed 003 already: this time it comes from the file
    assert run(source, "--out", docs / "van-ban", "--force").returncode == 0
    original = out / f"cong-van-154-cv-tu{extension}"
    assert original.read_bytes() == source.read_bytes()
    assert f"\nban_goc: cong-van-154-cv-tu{extension}\n" in page.read_text(encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    html = read(tmp_path / "site", "van-ban/2021/cong-van-154-cv-tu.md")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    link = re.search(r'<a class="kho-ban-goc__tai" href="([^"]+)" type="([^"]+)" download="([^"]+)">'
                     rf'Tải văn bản gốc \({kind}, [\d,]+ KB\)</a>', html)
    assert link and link[2] == media_type and link[3] == original.name, html[html.find("kho-ban-goc"):][:400]
    published = tmp_path / "site" / "van-ban" / "2021" / "cong-van-154-cv-tu" / link[1]
    assert published.read_bytes() == source.read_bytes()
    assert f"SHA-256: <code>{digest}</code>" in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])
    assert ld["encoding"] == [{"@type": "LegislationObject", "name": original.name, "encodingFormat": media_type,
                               "contentUrl": link[1], "contentSize": f"{source.stat().st_size} B", "sha256": digest}]
    record = json.loads((tmp_path / "site" / "du-lieu" / "van-ban" / "2021" / "cong-van-154-cv-tu.json").read_text())
    assert record["ban_goc"] == [{"url": f"van-ban/2021/cong-van-154-cv-tu/{link[1]}", "ten_tep": original.name,
                                  "dinh_dang": media_type, "kich_thuoc": source.stat().st_size, "sha256": digest}]


def test_no_ban_goc_and_no_original_for_text_inputs(tmp_path):
    source = _seed_pdf(tmp_path)
    (tmp_path / "in" / "ban-text.txt").write_text(PARAGRAPH, encoding="utf-8")
    rep = tmp_path / "r.jsonl"
    assert run(source, "--out", tmp_path / "a", "--no-ban-goc").returncode == 0
    assert [p.suffix for p in (tmp_path / "a").rglob("*.*")] == [".md"]
    assert run(tmp_path / "in" / "ban-text.txt", "--out", tmp_path / "b", "--report", rep).returncode == 0
    assert [p.suffix for p in (tmp_path / "b").rglob("*.*")] == [".md"]   # a .txt is a copy, not the original
    assert "ban_goc" not in report(rep)[0]["metadata"]


def test_an_original_on_disk_is_never_overwritten_without_force(tmp_path):
    source = _seed_pdf(tmp_path)
    out = tmp_path / "out"
    (out / "2021").mkdir(parents=True)
    (out / "2021" / "cong-van-154-cv-tu.pdf").write_bytes(b"another file")
    result = run(source, "--out", out)
    assert result.returncode == 1 and "tệp bản gốc" in result.stderr and "--force" in result.stderr
    assert (out / "2021" / "cong-van-154-cv-tu.pdf").read_bytes() == b"another file"
    assert not (out / "2021" / "cong-van-154-cv-tu.md").exists()
    assert run(source, "--out", out, "--force").returncode == 0
    assert (out / "2021" / "cong-van-154-cv-tu.pdf").read_bytes() == source.read_bytes()
