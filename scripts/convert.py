#!/usr/bin/env python3
"""Convert raw directives to Markdown pages: thin CLI over vanban.convert.

Usage: python scripts/convert.py --out DIR [--force] [--no-ban-goc] [--report FILE.jsonl] [--budget SECONDS] [--] INPUT...
Exit codes: 0 none failed, 1 some failed (the others are still written), 2 bad usage.

Every input is untrusted: each file is converted in a child process within a time
budget (vanban/budget.py), a link that leads out of an input folder is refused, and
`--` ends the options, so a file named "--force" that a shell's `*` expands is a file.

A PDF or .docx input is copied beside its page as the page's original (`ban_goc`, published
with its size and SHA-256), unless --no-ban-goc.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vanban.archive.catalog import Record, split_front_matter  # noqa: E402
from vanban.archive.originals import MAX_BYTES, size_text  # noqa: E402
from vanban.budget import Failed, Overrun, Worker  # noqa: E402
from vanban.convert import SUPPORTED, Result, convert_path  # noqa: E402
from vanban.schema import ORIGINAL_FORMATS  # noqa: E402
from vanban.text import visible  # noqa: E402

BUDGET = 120   # seconds a file may take, and as many more for each page it OCRs


def collect(inputs: list[str]) -> list[tuple[Path, str | None]]:
    """(file, why it is refused or None). In a folder, a link that leads out of the folder is refused:
    it would publish a file the folder's owner never chose."""
    files: list[tuple[Path, str | None]] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            root = path.resolve()
            for found in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                                and p.name.lower() not in ("readme.md", "sources.md")):
                outside = found.is_symlink() and root not in found.resolve().parents
                files.append((found, f"{found}: là liên kết tượng trưng (symlink) trỏ ra ngoài thư mục {path}. "
                                     "Cách sửa: chép chính tệp vào thư mục, hoặc chuyển tệp đó riêng" if outside else None))
        else:
            files.append((path, None))  # a missing or unsupported file is reported by convert_path
    return files


def _convert(path: Path, more_time) -> Result:
    return convert_path(path, more_time)


def convert_within_budget(worker: Worker, path: Path) -> Result:
    """Convert one file in the worker; a file that overruns or crashes becomes an error result."""
    outcome = worker.run(path)
    if isinstance(outcome, Overrun):
        return Result(str(path), "error", error=(
            f"{path}: quá thời gian cho phép ({outcome.seconds:.0f} giây), đã dừng để chuyển các tệp khác. "
            "Cách sửa: kiểm tra tệp (văn bản dài bất thường, ký tự lặp lại, bản quét nhiều trang), tách nhỏ rồi "
            f"chuyển lại, hoặc cho thêm thời gian: --budget {worker.budget * 4:.0f}"))
    if isinstance(outcome, Failed):
        return Result(str(path), "error", error=f"{path}: lỗi nội bộ ({outcome.error}). "
                                                "Cách sửa: báo nhóm phát triển kèm tệp này")
    return outcome


def options_named_like_files(argv: list[str]) -> list[str]:
    """Options before `--` that are also names of files here: the shell's `*` expanded a file
    named "--force" into an option the user never typed."""
    before = argv[: argv.index("--")] if "--" in argv else argv
    return [arg for arg in before if arg.startswith("-") and Path(arg).exists()]


def atomic_write(target: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_copy(source: Path, target: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def original_of(result: Result, source: Path, page: Path) -> Path | None:
    """Where the input goes beside its page as the original (ban_goc), or None when it is not one
    (a .txt or .html input is a copy of the text, not the signed document) or is too large."""
    if source.suffix.lower() not in ORIGINAL_FORMATS:
        return None
    size = source.stat().st_size
    if size > MAX_BYTES:
        result.warnings.append(f"{source}: không chép bản gốc vì tệp quá lớn ({size_text(size)}, tối đa "
                               f"{size_text(MAX_BYTES)}). Cách sửa: nén hoặc quét lại tệp rồi đặt cạnh trang, "
                               "ghi tên tệp vào khóa ban_goc")
        return None
    return page.with_name(page.stem + source.suffix.lower())


def place(result: Result, out: Path, used: set[Path]) -> Path:
    """DIR/<year>/<slug>.md, unique within the run, always inside DIR.

    A page already on disk keeps its name only for the same directive; another
    directive with the same slug (761-CV/TU of two provinces) gets "-2", "-3"...
    so --force never overwrites a different document.
    """
    folder = out / result.year
    slug = result.slug()
    for n in itertools.count(1):
        target = folder / (f"{slug}.md" if n == 1 else f"{slug}-{n}.md")
        if target not in used and not (target.exists() and other_directive(target, result.metadata)):
            break
    if out.resolve() not in target.resolve().parents:
        raise ValueError(f"đường dẫn ra ngoài thư mục đích: {target}")
    used.add(target)
    return target


def other_directive(page: Path, metadata: dict) -> bool:
    """True when the page on disk is clearly another directive. An unreadable page is
    not: it keeps its name, and only --force replaces it."""
    meta, _, _ = split_front_matter(page.read_text(encoding="utf-8", errors="replace"))
    return meta is not None and Record("", meta, "").identity != Record("", metadata, "").identity


def write_page(result: Result, out: Path, used: set[Path], force: bool, original: Path | None = None) -> str | None:
    """Write the page (and, given the input, its original beside it); nothing is overwritten
    without force, and a page that cannot be written leaves no original behind."""
    target = place(result, out, used)
    result.set_slug(f"{result.year}/{target.stem}")  # the address stays when the file is renamed or moved
    if target.exists() and not force:
        result.status = "error"
        result.error = f"{result.input}: trang {target} đã tồn tại. Cách sửa: thêm --force để ghi đè"
        return None
    copy = original_of(result, original, target) if original else None
    if copy and copy.exists() and not force and copy.read_bytes() != original.read_bytes():
        result.status = "error"
        result.error = f"{result.input}: tệp bản gốc {copy} đã tồn tại và khác tệp đầu vào. Cách sửa: thêm --force để ghi đè"
        return None
    if copy:
        result.set_original(copy.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    created = copy is not None and not copy.exists()
    if copy:
        atomic_copy(original, copy)
    try:
        atomic_write(target, result.markdown)
    except BaseException:
        if created:
            copy.unlink(missing_ok=True)
        raise
    return str(target)


def progress(i: int, total: int) -> None:
    if sys.stderr.isatty():
        width = 30
        done = int(width * i / max(total, 1))
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {i}/{total}")
        sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description="Chuyển văn bản chỉ đạo thô thành trang Markdown có front matter.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="tệp .txt/.md/.html/.docx/.pdf hoặc thư mục")
    parser.add_argument("--out", required=True, help="thư mục đích (ví dụ docs/van-ban)")
    parser.add_argument("--force", action="store_true", help="ghi đè trang đã có")
    parser.add_argument("--no-ban-goc", action="store_true",
                        help="không chép tệp PDF/DOCX đầu vào cạnh trang làm bản gốc (khóa ban_goc)")
    parser.add_argument("--report", help="ghi báo cáo JSON Lines, mỗi dòng một tệp đầu vào")
    parser.add_argument("--budget", type=float, default=BUDGET, metavar="GIÂY",
                        help=f"thời gian tối đa cho một tệp, và thêm chừng ấy cho mỗi trang bản quét (mặc định {BUDGET})")
    clashes = options_named_like_files(argv)
    if clashes:
        parser.error(f"'{clashes[0]}' vừa là tùy chọn vừa là tên một tệp ở đây (dấu * của shell đã mở rộng thành nó?). "
                     "Cách sửa: đặt -- trước danh sách tệp, ví dụ: convert.py --out docs/van-ban -- *")
    args = parser.parse_args(argv)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        parser.error(f"không tạo được thư mục đích {out}: {exc.strerror}")
    files = collect(args.inputs)
    if not files:
        parser.error("không có tệp đầu vào nào (.txt, .md, .html, .docx, .pdf)")
    used: set[Path] = set()
    rows, counts = [], {"ok": 0, "review": 0, "error": 0}
    with Worker(_convert, args.budget) as worker:
        for i, (path, refused) in enumerate(files, 1):
            output = None
            try:
                result = Result(str(path), "error", error=refused) if refused else convert_within_budget(worker, path)
                if result.status != "error":
                    output = write_page(result, out, used, args.force, None if args.no_ban_goc else path)
            except Exception as exc:  # one bad file never stops the batch
                result = Result(str(path), "error", error=f"{path}: lỗi nội bộ ({type(exc).__name__}: {exc}). "
                                                          "Cách sửa: báo nhóm phát triển kèm tệp này")
            if result.status == "error":
                print(visible(result.error), file=sys.stderr)   # a file name or value may hold terminal escapes
            counts[result.status] += 1
            rows.append({"input": str(path), "output": output, "status": result.status,
                         "metadata": result.metadata, "warnings": result.warnings, "error": result.error})
            progress(i, len(files))
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    print(f"{len(files)} tệp: {counts['ok']} ok, {counts['review']} cần xác minh, {counts['error']} lỗi")
    return 1 if counts["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
