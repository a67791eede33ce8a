#!/usr/bin/env python3
"""Preview one document page in seconds, without rebuilding the archive.

    .venv/bin/python scripts/preview.py docs/van-ban/2021/cong-van-154-cv-tu.md [--watch] [--port 8001]

Builds the edited page, with its metadata panel, citations and backlinks as
the full build shows them, into .preview/site/ (never site/): only the
documents related to it are read (vanban/archive/preview.py, over a cache of
the catalog in .preview/catalog.json that is refreshed by file stamps).
With --watch it serves the preview on 127.0.0.1 and rebuilds on every save; the page
opens with a banner of every error and review flag of the file and reloads itself
after each rebuild (scripts/preview_hook.py). The terminal says "Đã cập nhật" alone
only when the file has no error.
The preview has no search index, and nothing in it is published: the full
`mkdocs build --strict` stays the published site.
"""
from __future__ import annotations

import argparse
import contextlib
import http.server
import json
import logging
import os
import re
import shutil
import sys
import threading
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vanban.archive.preview import PreviewCatalog  # noqa: E402
from vanban.archive.preview_banner import STATUS_FILE, summary  # noqa: E402
from vanban.archive.urls import DOCUMENTS_DIR, is_document  # noqa: E402
from vanban.text import visible  # noqa: E402


def preview_docs(catalog: PreviewCatalog, src_uri: str, target: Path) -> list[str]:
    """Write the small archive of the preview: hand-written pages and assets, the edited
    file, the related documents' stubs. Returns the stubs' src_uris."""
    shutil.rmtree(target / DOCUMENTS_DIR, ignore_errors=True)
    # Links copied as links (a link to '..' would be copied forever): the build refuses them as it does in docs/.
    shutil.copytree(catalog.docs, target, ignore=shutil.ignore_patterns(DOCUMENTS_DIR.rstrip("/")),
                    symlinks=True, dirs_exist_ok=True)
    pages = catalog.preview_pages(src_uri)
    for src, text in pages.items():
        path = target / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [src for src in pages if src != src_uri]


def build_preview(docs: Path, site: Path, stubs: list[str] = (), edited: str = "") -> dict:
    """MkDocs in this process, with the archive's hooks but not the search ones; the
    stubs are read by the archive, not rendered, and the edited page carries the banner
    of its problems (scripts/preview_hook.py). Returns that status."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    import yaml
    hooks = [h for h in yaml.safe_load(_hooks_block())["hooks"] if not Path(h).name.startswith("search_")]
    hooks.insert(hooks.index("hooks/archive.py") + 1, "scripts/preview_hook.py")
    os.environ["KHO_PREVIEW_STUBS"] = "\n".join(stubs)
    os.environ["KHO_PREVIEW_PAGE"] = edited
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site),
                         hooks=[str(ROOT / h) for h in hooks])
    build(config)
    return json.loads((site / STATUS_FILE).read_text(encoding="utf-8"))


def _hooks_block() -> str:
    """The `hooks:` list of mkdocs.yml (the file also holds !ENV tags a plain YAML load refuses)."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("hooks:")
    block = [lines[start]]
    for line in lines[start + 1:]:
        if not line.startswith("  -"):
            break
        block.append(line.split("#")[0])
    return "\n".join(block)


def preview_once(catalog: PreviewCatalog, src_uri: str, out: Path) -> tuple[Path, float, dict]:
    """(the page, seconds, the status of the edited file: its errors and review flags)."""
    started = time.perf_counter()
    catalog.refresh()
    if src_uri not in catalog.entries:
        raise SystemExit(f"{src_uri}: không phải một văn bản trong {catalog.docs / DOCUMENTS_DIR}")
    stubs = preview_docs(catalog, src_uri, out / "docs")
    state = build_preview(out / "docs", out / "site", stubs, src_uri)
    return out / "site" / src_uri[:-3] / "index.html", time.perf_counter() - started, state


def report(done: str, seconds: float, state: dict) -> str:
    """ "Đã cập nhật (0.5 s)" only when the file has no error; otherwise the errors, said first."""
    if not state["loi"]:
        return f"{done} ({seconds:.1f} s), {summary(state)}"
    lines = "\n".join(f"  LỖI: {line}" for line in state["loi"])
    return (f"{done} ({seconds:.1f} s) NHƯNG TỆP CÓ {len(state['loi'])} LỖI "
            f"(trang xem trước hiện lỗi ở đầu trang; bản dựng thật sẽ không đăng):\n{lines}")


def _published_csp() -> str:
    """The Content-Security-Policy the published site is served with: read from the nginx
    configuration in deploy/, so the preview can never drift from it."""
    conf = (ROOT / "deploy" / "kho-van-ban-common.conf").read_text(encoding="utf-8")
    return re.search(r'^add_header Content-Security-Policy "([^"]+)" always;', conf, re.M).group(1)


CSP = _published_csp()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """The preview under the published site's Content-Security-Policy (deploy/): what works here works there."""
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(site: Path, port: int):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the document being edited, under DOCS/van-ban/")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the archive (default: docs/)")
    parser.add_argument("--out", type=Path, default=ROOT / ".preview", help="where the preview is built")
    parser.add_argument("--watch", action="store_true", help="serve the preview and rebuild on every save")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args(argv)
    docs, path = args.docs.resolve(), args.file.resolve()
    try:
        src_uri = path.relative_to(docs).as_posix()
    except ValueError:
        parser.error(f"{args.file} không nằm trong {args.docs}")
    if not is_document(src_uri):
        parser.error(f"{args.file}: chỉ xem trước được trang văn bản trong {args.docs}/{DOCUMENTS_DIR}")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    catalog = PreviewCatalog(docs, args.out / "catalog.json")
    page, seconds, state = preview_once(catalog, src_uri, args.out)
    print(report(f"Bản xem trước: {page}", seconds, state), flush=True)
    if not args.watch:
        return 0
    with serving(args.out / "site", args.port) as base:
        print(f"Đang phục vụ {base}{src_uri[:-3]}/ — lưu tệp để cập nhật, Ctrl+C để dừng", flush=True)
        stamp = path.stat().st_mtime_ns
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(0.2)
                if path.stat().st_mtime_ns != stamp:
                    stamp = path.stat().st_mtime_ns
                    try:
                        _, seconds, state = preview_once(catalog, src_uri, args.out)
                        print(report("Đã cập nhật", seconds, state), flush=True)
                    except Exception as error:  # a bad edit must not stop the watch
                        print(f"LỖI: không dựng được bản xem trước: {visible(str(error))}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
