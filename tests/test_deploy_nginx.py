"""deploy/nginx.conf and deploy/nginx-sub-path.conf, served by Debian's nginx: every page and asset, every header.

The sample archive is built for its public address (KHO_SITE_URL) and served at / and
under /kho-van-ban/. The crawl follows every link, stylesheet, script, image and CSS url()
from the home page; the browser half (requests, console, CSP, search) is
tests/browser/test_csp_nginx.py.
"""
from __future__ import annotations

import gzip
import re
import shutil
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin

import pytest

from _nginx import SUB_PATH, build_for, nginx
from _site import raw_links

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
       "form-action 'self'; frame-ancestors 'self'")
SECURITY = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                          "microphone=(), payment=(), usb=()",
    "X-Frame-Options": "SAMEORIGIN",
}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
FORM_ACTION = re.compile(r'<form [^>]*action="([^"]+)"')   # the search page is reached by the search form


@pytest.fixture(scope="module", params=["/", SUB_PATH], ids=["root", "sub-path"])
def served(request):
    site = build_for(request.param)
    with nginx(site, request.param) as base:
        yield base, site


def get(url: str, gzip_ok: bool = False):
    """(status, headers, body) of a GET, 4xx included; the body as sent on the wire."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def crawl(base: str) -> tuple[dict[str, int], set[str]]:
    """Status of every URL under base reachable from the home page; links to this host outside it.

    Links to other hosts (Material's credit, the canonical address) are not followed: the
    browser test checks that the pages themselves load nothing from elsewhere."""
    origin = "/".join(base.split("/", 3)[:3]) + "/"
    seen: dict[str, int] = {}
    outside: set[str] = set()
    queue = [base]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        status, headers, body = get(url)
        seen[url] = status
        kind = headers.get("Content-Type", "")
        if status != 200 or not kind.startswith(("text/html", "text/css")):
            continue
        text = body.decode("utf-8")
        found = raw_links(text) + FORM_ACTION.findall(text) if kind.startswith("text/html") else CSS_URL.findall(text)
        for link in found:
            target = urldefrag(urljoin(url, link))[0]
            if target.startswith(base):
                queue.append(target)
            elif target.startswith(origin):   # a relative link that climbs above the sub-path
                outside.add(f"{url} -> {link}")
    return seen, outside


def page_paths(site) -> set[str]:
    """Every built page as a path under the base: "", "co-quan/", "van-ban/2021/x/"..."""
    return {"" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")}


def test_every_page_and_asset_is_there(served):
    base, site = served
    seen, outside = crawl(base)
    assert {url: status for url, status in seen.items() if status != 200} == {}
    assert outside == set()
    pages = {url[len(base):] for url in seen if url.endswith("/")}
    assert pages == page_paths(site)   # every page is reached
    assert any(re.search(r"\.[0-9a-f]{8}\.min\.css$", u) for u in seen)


def test_html_is_revalidated_compressed_and_secured(served):
    base, _ = served
    status, headers, body = get(base + "van-ban/2021/cong-van-154-cv-tu/", gzip_ok=True)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in headers["Vary"]
    assert "154-CV/TU" in gzip.decompress(body).decode("utf-8")
    assert headers["Cache-Control"] == REVALIDATE and headers["ETag"]
    assert {k: headers[k] for k in SECURITY} == SECURITY


def test_a_missing_page_is_our_404_with_the_same_headers(served):
    base, _ = served
    status, headers, body = get(base + "van-ban/2021/khong-co-van-ban-nay/")
    assert status == 404 and "Kho văn bản chỉ đạo" in body.decode("utf-8")
    assert {k: headers[k] for k in SECURITY} == SECURITY and headers["Cache-Control"] == REVALIDATE
    prefix = "/" + base.split("/", 3)[3]
    assert f'href="{prefix}assets/stylesheets/' in body.decode("utf-8")  # styles load at any depth


def test_a_directory_without_its_slash_redirects_on_this_host(served):
    base, _ = served
    request = urllib.request.Request(base + "co-quan")
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request, timeout=10)
    assert error.value.code == 301 and error.value.headers["Location"].endswith("/co-quan/")
    assert not error.value.headers["Location"].startswith("http")   # no host or port of nginx's own


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _material_asset(site) -> str:
    return next(p for p in (site / "assets" / "stylesheets").iterdir()
                if re.fullmatch(r"main\.[0-9a-f]{8}\.min\.css", p.name)).relative_to(site).as_posix()


def test_hashed_material_assets_are_immutable_and_compressed(served):
    base, site = served
    status, headers, _ = get(base + _material_asset(site), gzip_ok=True)
    assert status == 200 and headers["Cache-Control"] == IMMUTABLE and headers["Content-Encoding"] == "gzip"
    status, headers, _ = get(base + "assets/javascripts/search.js", gzip_ok=True)
    assert headers["Cache-Control"] == REVALIDATE and headers["Content-Encoding"] == "gzip"


def _pagefind_files(site) -> dict[str, str]:
    bundle = site / "pagefind"
    one = lambda pattern: next(bundle.glob(pattern)).relative_to(site).as_posix()  # noqa: E731
    return {"meta": one("pagefind.*.pf_meta"), "index": one("index/*.pf_index"),
            "fragment": one("fragment/*.pf_fragment"), "pairs": one("pairs/*/*.pf_pairs")}


@pytest.mark.parametrize("kind, cache", [("meta", IMMUTABLE), ("index", IMMUTABLE), ("fragment", IMMUTABLE),
                                         ("pairs", IMMUTABLE)])
def test_pagefind_gzip_files_are_sent_as_they_are(served, kind, cache):
    base, site = served
    path = _pagefind_files(site)[kind]
    status, headers, body = get(base + path, gzip_ok=True)
    assert status == 200 and headers["Cache-Control"] == cache
    assert "Content-Encoding" not in headers               # no second compression
    assert body == (site / path).read_bytes() and body[:2] == b"\x1f\x8b"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["assets/javascripts/search-engine.js", "pagefind/pagefind-entry.json",
                                  "pagefind/kho-search.json", "pagefind/kho-facets.json"])
def test_pagefind_entry_points_are_revalidated(served, path):
    base, _ = served
    status, headers, _ = get(base + path, gzip_ok=True)
    assert status == 200 and headers["Cache-Control"] == REVALIDATE
    assert headers["Content-Type"].startswith(("application/javascript", "application/json"))


def test_every_kind_of_original_is_sent_with_its_type_and_never_sniffed(served):
    """An original whose bytes are a page (refused by the build since issue 17's second pass, but a host may serve
    an older copy): nginx sends the type of its extension, never text/html, with nosniff, so no browser runs it."""
    from vanban.schema import ORIGINAL_FORMATS
    base, site = served
    folder = site / "kiem-tra-ban-goc"
    folder.mkdir(exist_ok=True)
    try:
        for extension, media_type in ORIGINAL_FORMATS.items():
            (folder / f"ban-goc{extension}").write_bytes(b"<html><script>alert(1)</script></html>")
            status, headers, _ = get(f"{base}kiem-tra-ban-goc/ban-goc{extension}")
            assert status == 200 and headers["Content-Type"] == media_type, extension
            assert {k: headers[k] for k in SECURITY} == SECURITY
        status, headers, _ = get(base + next(site.rglob("ban-goc.pdf")).relative_to(site).as_posix())
        assert status == 200 and headers["Content-Type"] == "application/pdf"   # a real one, where the build put it
    finally:
        shutil.rmtree(folder)
