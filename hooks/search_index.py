"""MkDocs hook: build the Pagefind index into site_dir after every build (issue 4).

Runs the Pagefind binary shipped in the `pagefind[bin]` wheel, so `mkdocs build`
alone gives a searchable site and `mkdocs serve` re-indexes its temporary
site_dir on each rebuild. No network is used.
"""
from __future__ import annotations

import logging
import subprocess
import sys
import time

log = logging.getLogger("mkdocs.hooks.search_index")
PAGEFIND = [sys.executable, "-m", "pagefind"]
# Only document pages carry data-pagefind-body (hooks/search_fields.py); the
# search page itself and the 404 page need no indexing pass of their own.
ARGS = ["--force-language", "vi", "--quiet"]


def on_post_build(config, **kwargs) -> None:
    site_dir = config["site_dir"]
    started = time.perf_counter()
    try:
        result = subprocess.run([*PAGEFIND, "--site", site_dir, *ARGS],
                                capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("Không lập được chỉ mục tìm kiếm (Pagefind): %s. Trang web vẫn dùng được, "
                    "nhưng ô tìm kiếm sẽ không có kết quả.", error)
        return
    if result.returncode != 0:
        log.warning("Pagefind lỗi (mã %s): %s", result.returncode,
                    (result.stderr or result.stdout).strip()[-2000:])
        return
    log.info("Pagefind: đã lập chỉ mục tìm kiếm trong %.1f s", time.perf_counter() - started)
