#!/usr/bin/env python3
"""Build the site without ever half-publishing it: `python scripts/build.py [--site-dir site] [-f mkdocs.yml]`.

`mkdocs build --strict` writes into site/ as it goes, so a failing build would
leave a mix of old and new pages. This builds into a temporary folder next to
site/ and only when the build succeeds swaps it in: atomically with Linux's
renameat2(RENAME_EXCHANGE), else with two renames. On failure site/ is left
exactly as it was. Exit code: mkdocs's (0 on success).
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> None:
    """Swap two directories in one step where the kernel can; otherwise b goes aside, a takes its name."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None and renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return
    aside = b.with_name(b.name + ".old")
    shutil.rmtree(aside, ignore_errors=True)
    os.rename(b, aside)
    try:
        os.rename(a, b)
    except OSError:
        os.rename(aside, b)   # put the previous site back before reporting
        raise
    os.rename(aside, a)


def build(site: Path, config: Path, strict: bool = True) -> int:
    site = site.absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.moi-", dir=site.parent))  # same filesystem: rename works
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(fresh)] + (["--strict"] if strict else [])
    try:
        code = subprocess.run(cmd, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1")).returncode
        if code != 0:
            print(f"Bản dựng lỗi (mã {code}): {site} giữ nguyên bản cũ. Sửa các lỗi ở trên rồi chạy lại.", file=sys.stderr)
            return code
        try:
            if site.exists():
                exchange(fresh, site)   # fresh now holds the previous site, removed below
            else:
                os.rename(fresh, site)
        except OSError as error:   # site/ is a mount point, another filesystem, not ours to rename...
            print(f"Không thay được {site} ({error.strerror}): bản cũ giữ nguyên. "
                  f"Cách sửa: để site/ là thư mục thường, hoặc dùng --site-dir trỏ tới thư mục khác", file=sys.stderr)
            return 1
        print(f"Đã dựng {site}", file=sys.stderr)
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Dựng trang web vào thư mục tạm rồi thay site/ trong một bước.")
    parser.add_argument("--site-dir", default=str(ROOT / "site"), help="thư mục đích (mặc định site/)")
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--no-strict", action="store_true", help="không dừng khi có cảnh báo (không khuyến nghị)")
    args = parser.parse_args(argv)
    return build(Path(args.site_dir), Path(args.config_file), strict=not args.no_strict)


if __name__ == "__main__":
    sys.exit(main())
