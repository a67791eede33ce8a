"""vanban/archive/preview_banner.py: the preview's banner of the edited file's problems."""
from __future__ import annotations

from vanban.archive.preview_banner import banner, error_page, status, summary, with_banner
from vanban.schema import validate

HOSTILE = {"title": "<img src=x onerror=alert(1)>", "so_ky_hieu": "154-CV/TU", "loai_van_ban": "Công văn",
           "trich_yeu": "V/v x", "co_quan_ban_hanh": "Tỉnh ủy Hà Nam", "ngay_ban_hanh": "30/8/2021<script>",
           "can_xac_minh": ["nguoi_ky"]}


def test_every_error_and_flag_is_listed_escaped():
    state = status("docs/van-ban/2021/x.md", validate(HOSTILE), 7)
    assert summary(state) == "1 lỗi, 1 cần xác minh"
    shown = banner(state)
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert shown.count('class="kho-preview-loi"') == 1 and shown.count('class="kho-preview-xac-minh"') == 1
    assert 'data-version="7"' in shown and "kho-preview-error" in shown and "sẽ không đăng" in shown


def test_the_banner_opens_the_body_and_the_assets_are_files():
    page = '<html><head><title>t</title></head><body dir="ltr"><header>h</header></body></html>'
    state = status("docs/van-ban/2021/x.md", [], 1)
    out = with_banner(page, state, "../../../")
    assert out.index('<body dir="ltr"><div class="kho-preview-banner kho-preview-ok"') < out.index("<header>")
    assert '<script src="../../../assets/preview/reload.js" data-status="../../../preview-status.json" defer>' in out
    assert "<script>" not in out and "style=" not in out   # nothing inline: the CSP allows neither


def test_a_page_that_was_not_rendered_gets_the_banner_alone():
    state = status("docs/van-ban/2021/rong.md", validate({}), 3)
    page = error_page(state, "../../../")
    assert "không dựng được trang" in page and page.count('class="kho-preview-loi"') == len(state["loi"]) > 0
