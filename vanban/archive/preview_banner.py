"""What the staff preview says about the edited file: every error and review flag, on the page itself.

A preview that renders the page while an error hides a row (a date written 30/8/2021 is not a date:
the panel simply leaves it out) looks right and is wrong. The preview page therefore opens with a
banner listing every problem of the file, the same lines scripts/check.py prints; a page that could
not be rendered at all (not UTF-8, empty) gets a page of its own with that banner. A small script
file (no inline script: the CSP allows none) polls the status file the preview writes after each
build and reloads the page when it changes. Nothing here is part of the published site.
"""
from __future__ import annotations

import html
import json
import re

from ..schema import Problem

STATUS_FILE = "preview-status.json"        # at the root of the preview site
SCRIPT = "assets/preview/reload.js"
STYLESHEET = "assets/preview/banner.css"
_BODY_OPEN_RE = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def status(path: str, problems: list[Problem], version: int) -> dict:
    """The file's problems as check.py words them: errors ("loi") and review flags ("can_xac_minh")."""
    return {"version": version, "tep": path,
            "loi": [p.format(path) for p in problems if p.severity == "error"],
            "can_xac_minh": [p.format(path) for p in problems if p.severity != "error"]}


def summary(state: dict) -> str:
    """One line for the terminal: "2 lỗi, 1 cần xác minh" or "không có lỗi"."""
    errors, flags = len(state["loi"]), len(state["can_xac_minh"])
    if not errors and not flags:
        return "không có lỗi"
    return ", ".join(part for part in (f"{errors} lỗi" if errors else "",
                                       f"{flags} cần xác minh" if flags else "") if part)


def banner(state: dict, rendered: bool = True) -> str:
    """The banner at the top of the preview page (every value escaped: it came from the file)."""
    errors, flags = state["loi"], state["can_xac_minh"]
    kind = "kho-preview-" + ("error" if errors else "review" if flags else "ok")
    shown = "trang dưới đây có thể thiếu hoặc sai thông tin" if rendered else "không dựng được trang"
    title = (f"Bản xem trước — {len(errors)} lỗi: {shown}, và bản dựng thật (mkdocs build --strict) "
             "sẽ không đăng" if errors else f"Bản xem trước — {summary(state)}")
    items = "".join(f'<li class="kho-preview-loi">{html.escape(line)}</li>' for line in errors)
    items += "".join(f'<li class="kho-preview-xac-minh">{html.escape(line)}</li>' for line in flags)
    return (f'<div class="kho-preview-banner {kind}" role="alert" data-version="{int(state["version"])}">'
            f"<p><strong>{html.escape(title)}</strong></p>" + (f"<ul>{items}</ul>" if items else "") + "</div>")


def assets(root: str) -> str:
    """The banner's stylesheet and the reload script, linked from a page `root` away from the site root."""
    return (f'<link rel="stylesheet" href="{root}{STYLESHEET}">'
            f'<script src="{root}{SCRIPT}" data-status="{root}{STATUS_FILE}" defer></script>')


def with_banner(page_html: str, state: dict, root: str) -> str:
    """The rendered page with the banner first in its body and the assets in its head."""
    page_html = page_html.replace("</head>", assets(root) + "</head>", 1)
    match = _BODY_OPEN_RE.search(page_html)
    at = match.end() if match else 0
    return page_html[:at] + banner(state) + page_html[at:]


def error_page(state: dict, root: str) -> str:
    """A page for a file the build could not render: the banner alone."""
    return ('<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            f"<title>{html.escape(state['tep'])} — bản xem trước</title>{assets(root)}</head>"
            f"<body>{banner(state, rendered=False)}</body></html>")


def dumps(state: dict) -> str:
    return json.dumps(state, ensure_ascii=False)
