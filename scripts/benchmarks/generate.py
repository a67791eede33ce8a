"""A realistic archive of N documents for the benchmark, from the bundled seeds.

Each document is one of the five seeds (tests/fixtures/seeds, never ../shared)
converted by the real converter, re-issued by one of 8 issuer kinds in one of 24
provinces, with its own number, date, type, signer and a few paragraphs of
seed sentences mixed with its own names and figures, so the archive's
vocabulary grows as a real one does. Citations form a realistic graph: most
documents cite 1-5 earlier ones, a few popular ones are cited very often, and
some citations name documents the archive does not hold.
"""
from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from vanban.agencies import PROVINCES
from vanban.convert import convert_bytes
from vanban.doctypes import code_for_type

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"

# (issuer, symbol pattern): the issuer kinds of the seeds and the corpus.
ISSUERS = (
    ("Tỉnh ủy {p}", "{n}-{c}/TU"), ("Ban Thường vụ Tỉnh ủy {p}", "{n}-{c}/TU"),
    ("Thường trực Tỉnh ủy {p}", "{n}-{c}/TU"), ("Ủy ban nhân dân tỉnh {p}", "{n}/{c}-UBND"),
    ("Huyện ủy {d}, tỉnh {p}", "{n}-{c}/HU"), ("Ban Tuyên giáo Tỉnh ủy {p}", "{n}-{c}/BTGTU"),
    ("Sở Y tế tỉnh {p}", "{n}/{c}-SYT"), ("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh {p}", "{n}/{c}-BCĐ"),
)
TYPES = ("Công văn", "Chỉ thị", "Kết luận", "Thông báo", "Kế hoạch", "Quyết định", "Nghị quyết", "Hướng dẫn")
DISTRICTS = ("Phủ Lý", "Duy Tiên", "Kim Bảng", "Thanh Liêm", "Bình Lục", "Lý Nhân", "Cam Lâm", "Diên Khánh",
             "Ninh Hòa", "Vạn Ninh", "Sơn Tịnh", "Tư Nghĩa", "Mộ Đức", "Đức Phổ", "Ba Tơ", "Bình Sơn")
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Mai Trịnh Đoàn".split()
MIDDLE = "Văn Thị Đức Minh Thanh Hữu Quốc Ngọc Xuân Hồng Kim Công Đình".split()
GIVEN = ("Lụa Thiệu Lộc Vân Hùng Dũng Hà Lan Tuấn Nam Hải Bình Quỳnh Sơn Thắng Tâm Phương Định "
         "Khoa Long Trung Hiếu Nga Yến Thảo Cường Đạt Quang Hưng Tùng Hạnh Thủy Nhung").split()
TOPICS = ("phòng, chống dịch Covid-19", "công tác cán bộ", "phòng chống thiên tai, lụt bão", "chuyển đổi số",
          "cải cách hành chính", "xây dựng nông thôn mới", "bảo đảm an ninh trật tự", "tổ chức đại hội đảng bộ",
          "thu ngân sách nhà nước", "phòng, chống tham nhũng", "bảo vệ môi trường", "tiêm vắc xin",
          "giải ngân vốn đầu tư công", "an toàn giao thông", "bầu cử đại biểu Quốc hội khóa XV")
# Documents outside the archive that local directives cite.
OUTSIDE = (("16/CT-TTg", "Chỉ thị", "2020-03-31", "Thủ tướng Chính phủ"),
           ("21/NQ-CP", "Nghị quyết", "2021-02-26", "Chính phủ"),
           ("07-KL/TW", "Kết luận", "2021-06-11", "Bộ Chính trị"),
           ("81/TB-VPCP", "Thông báo", "2021-04-26", "Văn phòng Chính phủ"),
           ("15/CT-TTg", "Chỉ thị", "2020-03-27", "Thủ tướng Chính phủ"))
POPULAR_SHARE = 0.01     # this share of documents is cited very often...
POPULAR_PICKS = 0.3      # ...by this share of all citations
OUTSIDE_PICKS = 0.15     # citations of documents the archive does not hold


@dataclass
class Seed:
    meta: dict
    body: str
    sentences: list[str]


def seeds() -> list[Seed]:
    """The seeds as the converter writes them (admonitions dropped: they say what to review)."""
    result = []
    for path in sorted(SEEDS.glob("*.txt")):
        converted = convert_bytes(path.read_bytes(), path.name)
        front, body = converted.markdown.split("\n---\n", 1)
        body = re.sub(r"(?m)^!!!.*\n(    .*\n)*", "", body)
        text = re.sub(r"\s+", " ", re.sub(r"[*#>\\]", "", body))
        sentences = [s for s in re.split(r"(?<=[.;:])\s+", text) if 40 <= len(s) <= 600]
        result.append(Seed(converted.metadata, body, sentences))
    return result


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _vi_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)}/{int(month)}/{year}"


def _identity(i: int, rng: random.Random) -> dict:
    doc_type = TYPES[rng.randrange(len(TYPES))]
    issuer, pattern = ISSUERS[i % len(ISSUERS)]
    province = PROVINCES[(i // len(ISSUERS)) % 24]
    district = rng.choice(DISTRICTS)
    number = pattern.format(n=i + 1, c=code_for_type(doc_type) or "CV")   # unique: never a duplicate
    return {"loai_van_ban": doc_type, "so_ky_hieu": number, "province": province,
            "co_quan_ban_hanh": issuer.format(p=province, d=district)}


def _citations(i: int, ids: list[dict], dates: list[str], popular: list[int], rng: random.Random) -> list[dict]:
    count = 0 if i == 0 or rng.random() < 0.08 else rng.randint(1, 5)
    cited, seen = [], set()
    for _ in range(count):
        if rng.random() < OUTSIDE_PICKS:
            number, kind, date, issuer = rng.choice(OUTSIDE)
        else:
            pool = [k for k in popular if k < i]
            k = rng.choice(pool) if pool and rng.random() < POPULAR_PICKS else rng.randrange(i)
            number, kind, date, issuer = (ids[k]["so_ky_hieu"], ids[k]["loai_van_ban"], dates[k],
                                          ids[k]["co_quan_ban_hanh"])
        if number in seen:
            continue
        seen.add(number)
        cited.append({"so_ky_hieu": number, "loai_van_ban": kind, "ngay": date, "co_quan": issuer,
                      "nguyen_van": f"{kind} số {number} ngày {_vi_date(date)} của {issuer}"})
    return cited


def _own_paragraphs(meta: dict, seed: Seed, topic: str, rng: random.Random) -> str:
    paragraphs = []
    for k in range(rng.randint(2, 5)):
        picked = rng.sample(seed.sentences, min(2, len(seed.sentences)))
        extra = rng.choice((
            f"Giao đồng chí {person(rng)}, {rng.choice(('Phó Chủ tịch UBND', 'Trưởng ban', 'Giám đốc Sở'))} "
            f"chủ trì triển khai trước ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}.",
            f"Bố trí {rng.randint(2, 900)} tỷ đồng cho {topic} tại {rng.randint(3, 40)} xã.",
            f"Báo cáo kết quả về {meta['co_quan_ban_hanh']} trước ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}.",
        ))
        paragraphs.append(f"{k + 1}. {extra} " + " ".join(picked))
    return "\n\n".join(paragraphs)


def generate(docs: Path, n: int, seed_number: int = 11) -> list[str]:
    """Write the site's own pages and N documents under docs/; returns the documents' src paths."""
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("van-ban"))
    rng, bases = random.Random(seed_number), seeds()
    dates = sorted(f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" for _ in range(n))
    ids = [_identity(i, rng) for i in range(n)]
    popular = sorted(rng.sample(range(n), max(1, int(n * POPULAR_SHARE))))
    written = []
    for i in range(n):
        seed, topic = bases[i % len(bases)], rng.choice(TOPICS)
        own = ids[i]
        cited = _citations(i, ids, dates, popular, rng)
        meta = {k: v for k, v in seed.meta.items() if k != "can_xac_minh"}
        meta.update(
            title=f"{own['loai_van_ban']} {own['so_ky_hieu']} về {topic}", so_ky_hieu=own["so_ky_hieu"],
            loai_van_ban=own["loai_van_ban"], trich_yeu=f"Về {topic} trên địa bàn tỉnh {own['province']}",
            co_quan_ban_hanh=own["co_quan_ban_hanh"], dia_danh=own["province"], ngay_ban_hanh=dates[i],
            nguoi_ky=person(rng), van_ban_dan_chieu=cited)
        lead = (f"Thực hiện {', '.join(c['nguyen_van'] for c in cited)}, {own['co_quan_ban_hanh']} "
                f"yêu cầu về {topic} như sau:\n\n" if cited else "")
        body = lead + re.sub(r"\b(Hà Nam|Khánh Hòa|Quảng Ngãi)\b", own["province"], seed.body) \
            + "\n\n" + _own_paragraphs(own, seed, topic, rng) + "\n"
        src = f"van-ban/{dates[i][:4]}/bench-{i:05d}.md"
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body,
                        encoding="utf-8")
        written.append(src)
    return written
