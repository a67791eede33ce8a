"""The converter's limits on untrusted input (issue 17, cases 7 and 8).

Input size, pages OCR'd, a time budget per file (a stalled file is stopped and the batch goes on),
no pattern that turns super-linear on a long input, links out of an input folder refused, `--`
ending the options, terminal escapes never printed, and no character the loader refuses written.
The worst inputs run in a vanban.budget.Worker: a regression shows as an overrun, not a hang.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time

import pytest

from _pdfs import scanned_pdf, text_pdf
from conftest import ROOT, SEEDS
from test_parsing_degraded import TTG, TTG_BODY
from vanban.archive.body_links import link_citations
from vanban.archive.catalog import split_front_matter
from vanban.archive.site import build_archive
from vanban.budget import Overrun, Worker
from vanban.convert import MAX_OCR_PAGES, MAX_TEXT_INPUT_BYTES, convert_bytes, convert_path

SCRIPT = ROOT / "scripts" / "convert.py"
SEED = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
DAMAGED = "\n".join(TTG + TTG_BODY) + "\n"   # OCR without the Vietnamese model: read by parsing/degraded.py
LONG = 300_000   # characters appended: a quadratic pattern took 14 s at 40,000
# (what follows a real text, the text): each once made a pattern run for minutes.
WORST = [
    ("newlines", "\n", SEED),                    # parsing/ocr.py: ^\s* at each empty line ran to the end
    ("one-long-word", "x", DAMAGED),              # parsing/degraded.py: (\S+\s+\S+)\s+nay from every letter
    ("lesser-than", "<", DAMAGED),
    ("backticks", "`", DAMAGED),
    ("self-references", "a b nay ", DAMAGED),     # each tried against every type name
    ("issuing-phrases", "ab ban hanh ", DAMAGED),  # each tried against every body name
    ("capitals", "CONG VAN ", SEED),
    ("legal-bases", "Căn cứ ", SEED),
]
BODY_WORST = [("backticks", "`"), ("link-tags", "<a "), ("comments", "<!--"), ("fences", "```\n"),
              ("tildes", "~~~~~~"), ("brackets", "[a"), ("tags", "<b")]
BUDGET = 120   # seconds: far above what each takes (well under a few seconds), far below a quadratic run


def _convert(item, more_time):
    data, name = item
    return convert_bytes(data, name, more_time)


@pytest.fixture(scope="module")
def worker():
    with Worker(_convert, BUDGET) as running:
        yield running


@pytest.mark.parametrize("name, unit, text", WORST, ids=[w[0] for w in WORST])
def test_the_worst_inputs_finish_within_their_budget(worker, name, unit, text):
    result = worker.run(((text + unit * (LONG // len(unit))).encode("utf-8"), f"{name}.txt"))
    assert not isinstance(result, Overrun), f"{name}: {result.seconds:.0f} s"
    assert result.status in ("ok", "review") or "Cách sửa" in result.error


def _link(item, more_time):
    archive = build_archive([("van-ban/2021/a.md", item)])
    return link_citations(item.split("---\n", 2)[2], "van-ban/2021/a.md", [], archive.ambiguous,
                          archive.by_src["van-ban/2021/a.md"].mentions)


@pytest.mark.parametrize("name, unit", BODY_WORST, ids=[w[0] for w in BODY_WORST])
def test_a_hostile_body_is_linked_in_linear_time(name, unit):
    """vanban/archive/body_links.py finds code, tags and comments in a staff body before linking citations:
    a lazy pattern from each of 100,000 opening marks without a closing one ran for minutes."""
    page = (ROOT / "docs" / "van-ban" / "2021" / "cong-van-154-cv-tu.md").read_text(encoding="utf-8")
    with Worker(_link, BUDGET) as linker:
        result = linker.run(page + unit * (LONG // len(unit)))
    assert not isinstance(result, Overrun), f"{name}: {result.seconds:.0f} s"
    assert isinstance(result, str) and "Thông báo" in result


def test_a_scan_over_the_page_cap_is_refused_before_ocr():
    import pypdf
    writer = pypdf.PdfWriter()
    for _ in range(MAX_OCR_PAGES + 1):
        writer.add_blank_page(595, 842)   # no text layer: a scan to OCR
    out = io.BytesIO()
    writer.write(out)
    result = convert_bytes(out.getvalue(), "900-trang.pdf", lambda pages: pytest.fail("no OCR may start"))
    assert result.status == "error"
    assert result.error == (f"900-trang.pdf: bản quét có {MAX_OCR_PAGES + 1} trang, quá {MAX_OCR_PAGES} trang được "
                            "nhận dạng (OCR) cho một văn bản. Cách sửa: tách riêng các trang của văn bản (bỏ phụ lục, "
                            "tài liệu kèm theo) rồi chuyển lại")


def test_an_input_over_the_size_limit_is_never_read(tmp_path):
    big = tmp_path / "qua-lon.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_TEXT_INPUT_BYTES + 1)
    result = convert_path(big)
    assert result.error == (f"{big}: tệp quá lớn (5.0 MB, tối đa 5 MB). Cách sửa: chỉ chuyển phần văn bản (bỏ ảnh, "
                            "phụ lục, tài liệu kèm theo), hoặc tách thành nhiều tệp")


def test_the_converter_never_writes_what_the_loader_refuses():
    text = SEED.replace("TỈNH ỦY HÀ NAM", "TỈNH ỦY HÀ NAM\x80\ufffe", 1).replace("V/v", "V/v\x85\x1b[2J", 1)
    result = convert_bytes(text.encode("utf-8"), "c1.txt")
    meta, _, problem = split_front_matter(result.markdown)
    assert problem is None and meta == result.metadata
    assert not any(ch in json.dumps(meta, ensure_ascii=False) for ch in "\x80\ufffe\x85\x1b")


def run(*args, cwd=ROOT, timeout=300, env=None):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env)


PARAGRAPH = ("Số 154 - CV/TU\n\nHà Nam, ngày 28 tháng 4 năm 2021\n\nCHỈ THỊ\n\nvề công tác phòng, chống dịch "
             "Covid-19 trên địa bàn tỉnh\n\nBan Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện nghiêm.\n")


def test_a_stalled_file_is_stopped_and_the_batch_goes_on(tmp_path):
    """A scan whose OCR never ends (Tesseract stalled): stopped at its budget, its programs with it."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (inputs / "b-ban-quet.pdf").write_bytes(scanned_pdf(text_pdf(PARAGRAPH), dpi=100))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "pdftoppm").write_text(f"#!/bin/sh\necho $$ >> {tmp_path / 'pids'}\nexec /usr/bin/pdftoppm \"$@\"\n")
    (bin_dir / "pdftoppm").chmod(0o755)
    (bin_dir / "tesseract").write_text(
        "#!/bin/sh\ncase \"$1\" in --list-langs) echo vie; exit 0;; --version) echo tesseract 5; exit 0;; esac\n"
        f"echo $$ >> {tmp_path / 'pids'}\nexec sleep 600\n")
    (bin_dir / "tesseract").chmod(0o755)
    rep = tmp_path / "r.jsonl"
    proc = run(inputs, "--out", tmp_path / "out", "--report", rep, "--budget", 8, timeout=180,
               env=dict(os.environ, PATH=f"{bin_dir}:/usr/bin:/bin"))
    rows = {json.loads(line)["input"].rsplit("/", 1)[-1]: json.loads(line) for line in rep.read_text().splitlines()}
    assert rows["a.txt"]["status"] != "error"
    assert rows["b-ban-quet.pdf"]["error"].startswith(f"{inputs / 'b-ban-quet.pdf'}: quá thời gian cho phép (")
    assert "--budget 32" in rows["b-ban-quet.pdf"]["error"] and proc.returncode == 1
    pids = (tmp_path / "pids").read_text().split()
    assert len(pids) == 2 and all(_stopped(int(pid)) for pid in pids)   # the stalled OCR program went with it


def _stopped(pid: int) -> bool:
    """Gone, or a zombie waiting for init to reap it (a kill is delivered, not awaited)."""
    for _ in range(100):
        try:
            state = open(f"/proc/{pid}/stat", encoding="ascii").read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def test_a_link_out_of_an_input_folder_is_refused(tmp_path):
    inputs, outside = tmp_path / "in", tmp_path / "ngoai"
    inputs.mkdir()
    outside.mkdir()
    (outside / "bi-mat.txt").write_text(PARAGRAPH.replace("154", "155"), encoding="utf-8")
    (inputs / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (inputs / "lien-ket.txt").symlink_to(outside / "bi-mat.txt")
    (inputs / "ben-trong.txt").symlink_to(inputs / "a.txt")   # a link inside the folder is its own file
    rep = tmp_path / "r.jsonl"
    proc = run(inputs, "--out", tmp_path / "out", "--report", rep)
    rows = {json.loads(line)["input"].rsplit("/", 1)[-1]: json.loads(line) for line in rep.read_text().splitlines()}
    assert rows["lien-ket.txt"]["error"] == (f"{inputs / 'lien-ket.txt'}: là liên kết tượng trưng (symlink) trỏ ra "
                                             f"ngoài thư mục {inputs}. Cách sửa: chép chính tệp vào thư mục, hoặc "
                                             "chuyển tệp đó riêng")
    assert rows["a.txt"]["status"] != "error" and proc.returncode == 1
    assert "155-CV/TU" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.md"))


def test_a_file_named_like_an_option_never_turns_it_on(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "--force").write_text("tệp tên --force", encoding="utf-8")
    assert run("--out", out, "a.txt", cwd=tmp_path).returncode == 0
    page = next(out.rglob("*.md"))
    page.write_text("staff edit", encoding="utf-8")
    # What `convert.py --out out *` runs in that folder: refused, nothing overwritten.
    clash = run("--out", out, "--force", "a.txt", cwd=tmp_path)
    assert clash.returncode == 2 and "'--force' vừa là tùy chọn vừa là tên một tệp ở đây" in clash.stderr
    assert "đặt -- trước danh sách tệp" in clash.stderr
    # With `--` the file is a file (of a format the converter does not read), and the page stays.
    rep = tmp_path / "r.jsonl"
    ended = run("--out", out, "--report", rep, "--", "--force", "a.txt", cwd=tmp_path)
    assert page.read_text(encoding="utf-8") == "staff edit" and ended.returncode == 1
    assert [json.loads(line)["input"] for line in rep.read_text().splitlines()] == ["--force", "a.txt"]


def test_terminal_escapes_in_a_file_name_are_printed_escaped(tmp_path):
    named = tmp_path / "x\x1b[2J\x1b[32m.doc"   # a format the converter does not read: its error names the file
    named.write_text("x", encoding="utf-8")
    proc = run(named, "--out", tmp_path / "out")
    assert "\x1b" not in proc.stderr and "\\x1b[2J" in proc.stderr
