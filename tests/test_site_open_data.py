"""Open data on the built sample archive: the files exist, every document page links its record, the page describes them."""
from __future__ import annotations

import json
import posixpath
import re

from _site import raw_links, read, records, url_dir
from vanban.archive import urls


def test_every_document_page_links_its_own_json_record(built_site):
    for record in records():
        page_dir = url_dir(record.src_uri)
        links = [l for l in raw_links(read(built_site, record.src_uri)) if l.endswith(".json")]
        assert len(links) == 1, (record.src_uri, links)
        target = posixpath.normpath(posixpath.join(page_dir, links[0]))
        data = json.loads((built_site / target).read_text(encoding="utf-8"))
        assert data["url"] == page_dir and data["front_matter"]["title"] == record.meta["title"]


def test_dump_holds_every_document_and_csv_opens_in_excel(built_site):
    dump = json.loads((built_site / "du-lieu" / "van-ban.json").read_text(encoding="utf-8"))
    assert sorted(d["url"] for d in dump["van_ban"]) == sorted(url_dir(r.src_uri) for r in records())
    for name in ("van-ban.csv", "trich-dan.csv"):
        assert (built_site / "du-lieu" / name).read_bytes().startswith("\ufeff".encode())
    edges = (built_site / "du-lieu" / "trich-dan.csv").read_text(encoding="utf-8-sig")
    assert ",154-CV/TU," in edges and ",resolved," in edges and ",missing," in edges
    assert json.loads((built_site / "du-lieu" / "schema.json").read_text(encoding="utf-8"))["properties"]["slug"]


def test_open_data_page_links_the_files_and_states_the_licence(built_site):
    html = read(built_site, urls.DATA_PAGE)
    assert "Dữ liệu mở" in html and "Tình trạng giấy phép" in html and "chưa có" in html
    files = [l for l in raw_links(html) if re.search(r"\.(json|csv|xml)$", l)]
    assert {"van-ban.json", "van-ban.csv", "trich-dan.csv", "schema.json", "../feed.xml"} <= set(files)
    for link in files:
        assert (built_site / posixpath.normpath(posixpath.join("du-lieu", link))).is_file(), link
    assert 'href="du-lieu/"' in read(built_site, urls.HOME)   # in the nav
