"""Build document page texts for the archive tests (front matter as staff write it)."""
from __future__ import annotations

import yaml

BASE = {
    "title": "Công văn 154-CV/TU về việc tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
    "so_ky_hieu": "154-CV/TU",
    "loai_van_ban": "Công văn",
    "trich_yeu": "V/v tiếp tục tăng cường công tác phòng, chống dịch Covid-19",
    "co_quan_ban_hanh": "Tỉnh ủy Hà Nam",
    "dia_danh": "Hà Nam",
    "ngay_ban_hanh": "2021-04-28",
}


def page(body: str = "Nội dung.", raw_front: str | None = None, **meta) -> str:
    """Markdown page text; `meta` overrides BASE (None removes a key)."""
    data = {k: v for k, v in {**BASE, **meta}.items() if not (k in meta and meta[k] is ...)}
    front = raw_front if raw_front is not None else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}\n"
