#!/usr/bin/env python3
"""Build the site without ever half-publishing it: `python scripts/build.py [--site-dir site] [-f mkdocs.yml]`.

`mkdocs build --strict` writes into site/ as it goes, so a failing build would
leave a mix of old and new pages. This builds into a temporary folder next to
site/ and only when the build succeeds swaps it in: atomically with Linux's
renameat2(RENAME_EXCHANGE), else with two renames. On failure site/ is left
exactly as it was. Exit code: mkdocs's (0 on success).

One build at a time per site: the build takes a lock on site/'s parent folder (flock,
released by the kernel however the build ends) and removes temporary folders that an
earlier build left behind (.site.moi-*). Stopped by Ctrl+C or SIGTERM, it stops MkDocs
and the programs MkDocs started, removes its temporary folder, and leaves site/ as it was.
"""
from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import shutil
import signal
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


class Stopped(Exception):
    """Ctrl+C or SIGTERM arrived."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, frame):
    raise Stopped(signum)


@contextlib.contextmanager
def locked(folder: Path):
    """Hold a lock on `folder` (the kernel drops it when the process ends, however it ends), or
    raise BlockingIOError when another build holds it."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)


def _end(child: subprocess.Popen | None) -> None:
    """Stop MkDocs and everything it started (its own process group)."""
    if child is None or child.poll() is not None:
        return
    for signum, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, None)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signum)
        try:
            child.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def build(site: Path, config: Path, strict: bool = True) -> int:
    site = site.absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    try:
        with locked(site.parent):
            return _build_locked(site, config, strict)
    except BlockingIOError:
        print(f"Một bản dựng khác đang chạy cho {site}: {site} giữ nguyên. Cách sửa: đợi bản dựng kia xong rồi chạy lại",
              file=sys.stderr)
        return 75   # EX_TEMPFAIL


def _build_locked(site: Path, config: Path, strict: bool) -> int:
    for stale in site.parent.glob(f".{site.name}.moi-*"):   # left by a build that was killed outright
        shutil.rmtree(stale, ignore_errors=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.moi-", dir=site.parent))  # same filesystem: rename works
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(fresh)] + (["--strict"] if strict else [])
    handlers = {signum: signal.signal(signum, _stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    child = None
    try:
        child = subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), start_new_session=True)
        code = child.wait()
        if code != 0:
            print(f"Bản dựng lỗi (mã {code}): {site} giữ nguyên bản cũ. Sửa các lỗi ở trên rồi chạy lại.", file=sys.stderr)
            return code
        signal.pthread_sigmask(signal.SIG_BLOCK, handlers)   # the swap is never cut in half
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
    except Stopped as stop:
        _end(child)
        print(f"Đã dừng bản dựng: {site} giữ nguyên bản cũ.", file=sys.stderr)
        return 128 + stop.signum
    finally:
        _end(child)
        shutil.rmtree(fresh, ignore_errors=True)
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, handlers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Dựng trang web vào thư mục tạm rồi thay site/ trong một bước.")
    parser.add_argument("--site-dir", default=str(ROOT / "site"), help="thư mục đích (mặc định site/)")
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--no-strict", action="store_true", help="không dừng khi có cảnh báo (không khuyến nghị)")
    args = parser.parse_args(argv)
    return build(Path(args.site_dir), Path(args.config_file), strict=not args.no_strict)


if __name__ == "__main__":
    sys.exit(main())
