"""Debian's nginx serving a built site with the shipped config (deploy/), on 127.0.0.1 at a free port.

The config is the one admins install, templated only where a test must differ:
the listen address, the site folder and the path of the shared snippet.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build, sample_docs

DEPLOY = ROOT / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
INSTALLED_SITE = "/srv/kho-van-ban/site"
INSTALLED_SNIPPET = "/etc/nginx/snippets/kho-van-ban-common.conf"
SUB_PATH = "/kho-van-ban/"
# The public address the site is built for: 404.html takes its path (so its styles load
# at any depth); only sitemap.xml and the canonical links name the host.
SITE_URL = {"/": "https://kho.example.vn/", SUB_PATH: "https://www.example.vn/kho-van-ban/"}

# Debian's /etc/nginx/nginx.conf in short: the shipped files are included into an http
# block that already says "gzip on", as Debian's does.
MAIN_CONF = """\
daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    gzip on;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


def require_nginx() -> None:
    if not (Path(NGINX).exists() and MIME_TYPES.exists()):
        pytest.fail(f"{NGINX} is missing: install Debian's nginx (scripts/test.sh does)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(prefix: str, site: Path, tmp: Path, port: int) -> str:
    """deploy/nginx.conf (prefix "/") or deploy/nginx-sub-path.conf, templated for a test."""
    name = "nginx.conf" if prefix == "/" else "nginx-sub-path.conf"
    text = (DEPLOY / name).read_text(encoding="utf-8")
    for installed, here in ((f"listen 80;", f"listen 127.0.0.1:{port};"), ("listen [::]:80;", ""),
                            (INSTALLED_SITE, str(site)), (INSTALLED_SNIPPET, str(tmp / "common.conf"))):
        assert installed in text, (name, installed)
        text = text.replace(installed, here)
    return text


_built: dict[str, Path] = {}


def build_for(prefix: str) -> Path:
    """The sample archive built for a public address at `prefix`, once per test session."""
    if prefix not in _built:
        site = Path(tempfile.mkdtemp(prefix="kho-nginx-site-")) / "site"
        atexit.register(shutil.rmtree, site.parent, True)
        result = mkdocs_build(site, docs_dir=sample_docs(), env={"KHO_SITE_URL": SITE_URL[prefix]})
        assert result.returncode == 0, result.stdout + result.stderr
        _built[prefix] = site
    return _built[prefix]


@contextlib.contextmanager
def nginx(site: Path, prefix: str):
    """Serve `site` with the shipped config; yields the base URL ("http://127.0.0.1:port/kho-van-ban/")."""
    require_nginx()
    tmp = Path(tempfile.mkdtemp(prefix="kho-nginx-"))
    os.chmod(tmp, 0o755)
    port = free_port()
    shutil.copy(DEPLOY / "kho-van-ban-common.conf", tmp / "common.conf")
    (tmp / "site.conf").write_text(site_config(prefix, site, tmp, port), encoding="utf-8")
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp, mime_types=MIME_TYPES), encoding="utf-8")
    # -e: the start-up log goes to tmp too, not /var/log/nginx (unwritable without root).
    command = [NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")]
    check = subprocess.run(command + ["-t", "-q"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(command,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}{prefix}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def _wait_until_up(base: str, process: subprocess.Popen, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx stopped: {process.stderr.read()}")
        try:
            urllib.request.urlopen(base, timeout=1).close()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    raise AssertionError(f"nginx did not answer at {base}")
