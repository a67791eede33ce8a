"""deploy/.htaccess (Apache) sends the same security and cache headers as the tested nginx config."""
from __future__ import annotations

import re

from _nginx import DEPLOY

NGINX_HEADER = re.compile(r'^\s*add_header ([\w-]+) "([^"]*)" always;', re.MULTILINE)
APACHE_HEADER = re.compile(r'^\s*Header always set ([\w-]+) "([^"]*)"', re.MULTILINE)
NGINX_CACHE = re.compile(r'set \$kho_cache_control "([^"]*)";')
APACHE_CACHE = re.compile(r'^\s*Header set Cache-Control "([^"]*)"', re.MULTILINE)


def test_security_headers_match_nginx():
    nginx = dict(NGINX_HEADER.findall((DEPLOY / "kho-van-ban-common.conf").read_text(encoding="utf-8")))
    apache = dict(APACHE_HEADER.findall((DEPLOY / ".htaccess").read_text(encoding="utf-8")))
    assert set(nginx) >= {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                          "Permissions-Policy"}
    assert apache == nginx


def test_cache_rules_match_nginx():
    nginx = NGINX_CACHE.findall((DEPLOY / "kho-van-ban-common.conf").read_text(encoding="utf-8"))
    apache = APACHE_CACHE.findall((DEPLOY / ".htaccess").read_text(encoding="utf-8"))
    assert nginx == apache == ["no-cache", "public, max-age=31536000, immutable",
                               "public, max-age=31536000, immutable"]
