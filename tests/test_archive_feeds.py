"""vanban.archive.feeds: valid Atom (checked with feedparser), capped, escaped, deterministic, relative or absolute."""
from __future__ import annotations

import feedparser

from _archive_pages import page
from vanban.archive import urls
from vanban.archive.feeds import FEED_SIZE, feed_xml, feeds
from vanban.archive.site import build_archive

SITE = "Kho văn bản chỉ đạo"
CV154 = "van-ban/2021/cong-van-154-cv-tu.md"
HOSTILE = "<script>alert(1)</script> &  ]]>"


def parsed(feed, site_url=None):
    result = feedparser.parse(feed_xml(feed, site_url, SITE))
    assert not result.bozo, result.bozo_exception
    return result


def test_home_feed_entry_has_title_number_issuer_date_summary_and_link():
    all_feeds = feeds(build_archive([(CV154, page())]), SITE)
    entry = parsed(all_feeds[urls.HOME]).entries[0]
    assert entry.title.startswith("Công văn 154-CV/TU")
    assert entry.author == "Tỉnh ủy Hà Nam"
    assert entry.published == "2021-04-28T00:00:00+07:00" and entry.updated == entry.published
    assert entry.summary == "Số 154-CV/TU · Tỉnh ủy Hà Nam · 28/04/2021. V/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19"
    assert entry.link == "van-ban/2021/cong-van-154-cv-tu/"     # relative to feed.xml at the site root
    assert [t.term for t in entry.tags] == ["Công văn"]


def test_there_is_a_feed_per_body_and_per_type_beside_its_page():
    archive = build_archive([(CV154, page()), ("van-ban/2021/ct.md", page(
        title="Chỉ thị 05-CT/TU", so_ky_hieu="05-CT/TU", loai_van_ban="Chỉ thị", co_quan_ban_hanh="Tỉnh ủy Bắc Ninh"))])
    paths = {f.path for f in feeds(archive, SITE).values()}
    assert paths == {"feed.xml", "co-quan/tinh-uy-ha-nam/feed.xml", "co-quan/tinh-uy-bac-ninh/feed.xml",
                     "loai/cong-van/feed.xml", "loai/chi-thi/feed.xml"}
    body_feed = feeds(archive, SITE)["co-quan/tinh-uy-ha-nam.md"]
    result = parsed(body_feed)
    assert [e.title[:18] for e in result.entries] == ["Công văn 154-CV/TU"]
    assert result.entries[0].link == "../../van-ban/2021/cong-van-154-cv-tu/"   # from co-quan/<body>/feed.xml
    assert result.feed.links[0].href == "feed.xml" and result.feed.title == f"{SITE}: Tỉnh ủy Hà Nam"


def test_feed_holds_the_newest_fifty():
    pages = [(f"van-ban/2020/cv-{i}.md", page(title=f"Công văn {i}-CV/TU", so_ky_hieu=f"{i}-CV/TU",
                                             ngay_ban_hanh=f"2020-{i % 12 + 1:02d}-{i % 28 + 1:02d}"))
             for i in range(1, 80)]
    home = feeds(build_archive(pages), SITE)[urls.HOME]
    dates = [e.updated for e in parsed(home).entries]
    assert len(dates) == FEED_SIZE and dates == sorted(dates, reverse=True)
    assert parsed(home).feed.updated == dates[0]


def test_values_from_documents_are_text_and_control_characters_never_reach_a_feed():
    archive = build_archive([(CV154, page(title=HOSTILE, trich_yeu=HOSTILE, co_quan_ban_hanh=f"Tỉnh ủy {HOSTILE}"))])
    xml = feed_xml(feeds(archive, SITE)[urls.HOME], None, SITE)
    assert b"<script>" not in xml and b"&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in xml
    entry = parsed(feeds(archive, SITE)[urls.HOME]).entries[0]
    assert entry.title == "<script>alert(1)</script> & ]]>"   # the reader shows it as text
    # XML cannot hold a control character: the loader refuses the page that has one.
    refused = build_archive([(CV154, page(title="Công văn \x0b 154"))])
    assert not refused.catalog.records and not parsed(feeds(refused, SITE)[urls.HOME]).entries


def test_absolute_links_and_ids_with_the_site_address():
    archive = build_archive([(CV154, page())])
    result = parsed(feeds(archive, SITE)["co-quan/tinh-uy-ha-nam.md"], "https://kho.example/kho-van-ban/")
    entry = result.entries[0]
    assert entry.link == entry.id == "https://kho.example/kho-van-ban/van-ban/2021/cong-van-154-cv-tu/"
    assert result.feed.id == "https://kho.example/kho-van-ban/co-quan/tinh-uy-ha-nam/feed.xml"


def test_undated_documents_use_posting_date_or_source_date_epoch(monkeypatch):
    undated = ("van-ban/khong-ro-nam/ct.md", page(title="Chỉ thị", so_ky_hieu=None, loai_van_ban="Chỉ thị",
                                                  ngay_ban_hanh=None, ngay_dang="2021-08-26T16:38"))
    bare = ("van-ban/khong-ro-nam/tb.md", page(title="Thông báo", so_ky_hieu=None, loai_van_ban="Thông báo",
                                               ngay_ban_hanh=None))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    all_feeds = feeds(build_archive([undated, bare]), SITE)
    assert parsed(all_feeds["loai/chi-thi.md"]).entries[0].updated == "2021-08-26T16:38:00+07:00"
    assert "published" not in parsed(all_feeds["loai/chi-thi.md"]).entries[0]
    assert parsed(all_feeds["loai/thong-bao.md"]).entries[0].updated == "2023-11-14T22:13:20Z"
    first = feed_xml(all_feeds[urls.HOME], None, SITE)
    assert feed_xml(feeds(build_archive([undated, bare]), SITE)[urls.HOME], None, SITE) == first
