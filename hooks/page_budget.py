"""MkDocs adapter: each page rendered within a time budget, so that no staff page stalls the build.

Python-Markdown's own patterns turn super-linear on text a committer can write: a
hundred thousand "[" or "<a " in a body take minutes, a megabyte of them hours. The
budget runs from the first on_page_markdown to the last on_page_content (event
priorities), with a timer signal, which interrupts a running pattern; a page that
overruns stops the build at once with an error that names the file and the fix,
instead of a build that never ends. In the main thread only (signals); MkDocs builds there.
"""
from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PAGE_SECONDS = float(os.environ.get("KHO_PAGE_SECONDS", 30))   # a real page renders in milliseconds


def _timer_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@event_priority(100)   # before every other hook's on_page_markdown
def on_page_markdown(markdown, page, config, files):
    if _timer_available():
        where = f"{Path(config.docs_dir).name}/{page.file.src_uri}"

        def overrun(signum, frame):
            raise PluginError(
                f"{where}: trang hiển thị quá {PAGE_SECONDS:g} giây, bản dựng dừng lại (Markdown có chuỗi ký tự lặp "
                "bất thường, ví dụ hàng nghìn dấu '[' hoặc '<a ' liền nhau). Cách sửa: xóa đoạn đó, hoặc đặt nó trong "
                "khối mã giữa hai dòng ```, rồi dựng lại")
        signal.signal(signal.SIGALRM, overrun)
        signal.setitimer(signal.ITIMER_REAL, PAGE_SECONDS)
    return markdown


@event_priority(-100)   # after every other hook's on_page_content
def on_page_content(html, page, config, files):
    _cancel()
    return html


def on_build_error(error, **kwargs):
    _cancel()


def _cancel() -> None:
    if _timer_available():
        signal.setitimer(signal.ITIMER_REAL, 0)
