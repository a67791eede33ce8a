"""vanban.archive.frontmatter: the one loader refuses what YAML would let through, naming line and key.

Each row is a staff page's front matter with one hostile or careless thing in it, and the problem the
loader must give: the key, and the line counted from the page's first line (the opening '---').
"""
from __future__ import annotations

import pytest

from vanban.archive.frontmatter import MAX_DEPTH, MAX_VALUE_CHARS, MAX_VALUES, split_front_matter

GOOD = ("title: Thông báo 5-TB/TU về lịch tiếp công dân\nso_ky_hieu: 5-TB/TU\nloai_van_ban: Thông báo\n"
        "trich_yeu: Về lịch tiếp công dân\nco_quan_ban_hanh: Tỉnh ủy Bắc Ninh\nngay_ban_hanh: 2021-03-01\n")
# 622 bytes: nine levels of nine aliases each, a billion strings once expanded (issue 17, case 3).
ALIAS_BOMB = "ghi_chu: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"ghi_chu_{n}: &{chr(98 + n)} [{','.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8))


def page(front: str) -> str:
    return f"---\n{front}---\n\nNội dung.\n"


def problem_of(front: str):
    meta, body, problem = split_front_matter(page(front))
    assert meta is None and body.strip() == "Nội dung.", meta
    return problem


@pytest.mark.parametrize("front, key, fragment", [
    # An unclosed quote swallows the next lines; YAML fails on a later line, the fault is here (issue 21).
    (GOOD.replace("trich_yeu: Về", 'trich_yeu: "Về').replace("Bắc Ninh", '"Bắc Ninh"'),
     "trich_yeu", "YAML hỏng ở dòng 5: mở ngoặc kép mà không đóng"),
    (GOOD.replace("trich_yeu: Về", 'trich_yeu: "Về'), "trich_yeu", "YAML hỏng ở dòng 5: mở ngoặc kép mà không đóng"),
    (GOOD.replace("trich_yeu: Về lịch", 'trich_yeu: "Về lịch"'), "trich_yeu",
     "YAML hỏng ở dòng 5: giá trị mở đầu bằng dấu ngoặc kép nhưng còn chữ sau dấu ngoặc đóng"),
    (GOOD.replace("loai_van_ban: Thông báo", "loai_van_ban: [Thông báo"), "loai_van_ban", "YAML hỏng ở dòng 4"),
    (GOOD + ALIAS_BOMB, "ghi_chu_0", "dùng bí danh YAML ('*') ở dòng 9"),
    (GOOD + "kinh_gui: &x [a, b]\nnoi_nhan: *x\n", "noi_nhan", "dùng bí danh YAML ('*') ở dòng 9"),
    (GOOD + "title: Thông báo khác\n", "title", "khóa 'title' viết hai lần (dòng 2 và dòng 8)"),
    (GOOD + "van_ban_dan_chieu:\n  - so_ky_hieu: 16/CT-TTg\n    so_ky_hieu: 15/CT-TTg\n", "van_ban_dan_chieu",
     "khóa 'so_ky_hieu' viết hai lần trong 'van_ban_dan_chieu' (dòng 9 và dòng 10)"),
    # YAML's escapes let in what the YAML of another page (the agency page's title) cannot hold.
    (GOOD.replace("co_quan_ban_hanh: Tỉnh ủy Bắc Ninh", 'co_quan_ban_hanh: "Huyện ủy X \\x80<img src=x onerror=alert(1)>"'),
     "co_quan_ban_hanh", "có ký tự điều khiển ẩn U+0080 ở dòng 6"),
    (GOOD.replace("co_quan_ban_hanh: Tỉnh ủy Bắc Ninh", 'co_quan_ban_hanh: "Huyện ủy X \\uFFFE"'),
     "co_quan_ban_hanh", "có ký tự điều khiển ẩn U+FFFE ở dòng 6"),
    (GOOD + 'ly_do_xac_minh:\n  nguoi_ky: "\\e[2K\\r0 lỗi"\n', "ly_do_xac_minh", "có ký tự điều khiển ẩn U+001B ở dòng 9"),
    (GOOD + '"tên\\x85": x\n', "tên\x85", "có ký tự điều khiển ẩn U+0085"),
    (GOOD + "x: " + "[" * 40_000 + "]" * 40_000 + "\n", "x", f"lồng nhau quá {MAX_DEPTH} tầng"),  # libyaml would crash
    (GOOD + "x: " + "[" * 12 + "]" * 12 + "\n", "x", f"lồng nhau quá {MAX_DEPTH} tầng"),
    (GOOD + "x:\n" + "".join(f"  - {n}\n" for n in range(MAX_VALUES)), "front matter", f"có hơn {MAX_VALUES} giá trị"),
    (GOOD + f"trich_yeu_dai: {'a' * (MAX_VALUE_CHARS + 1)}\n", "trich_yeu_dai", "quá dài"),
], ids=["unclosed-quote", "unclosed-quote-at-end", "early-quote", "open-list", "alias-bomb", "alias", "repeated-key",
        "repeated-nested-key", "c1-control", "noncharacter", "terminal-escape", "control-in-key", "deep-40000",
        "deep-12", "many-values", "long-value"])
def test_refused_front_matter_names_the_key(front, key, fragment):
    problem = problem_of(front)
    assert problem.key == key and problem.severity == "error"
    assert fragment in problem.message, problem.message


def test_a_refused_value_is_printed_short_and_escaped():
    line = problem_of(GOOD + 'kinh_gui:\n  - "\\e[2J\\e[1;1H0 lỗi, 0 cảnh báo' + "x" * 10_000 + '"\n').format("docs/a.md")
    assert "\x1b" not in line and "\\x1b[2J" in line
    assert len(line) < 600


def test_the_alias_bomb_is_refused_before_it_expands():
    assert len(ALIAS_BOMB.encode()) < 700
    assert problem_of(ALIAS_BOMB).key == "ghi_chu_0"   # instantly: composing never expands an alias


@pytest.mark.parametrize("front", [
    GOOD,
    GOOD + "kinh_gui:\n  - Các huyện ủy\n  - \"Đảng ủy Khối: cơ quan\"\n",   # tab and line feed are text
    GOOD + "ghi_chu: \"dòng một\\tcột\\ndòng hai\"\n",
    GOOD + "van_ban_dan_chieu:\n  - so_ky_hieu: 16/CT-TTg\n    ngay: 2020-03-31\n",
    GOOD + "nguon: https://x.vn/a?b=1&c=2 # không phải neo\n",
])
def test_ordinary_front_matter_loads(front):
    meta, _, problem = split_front_matter(page(front))
    assert problem is None and meta["so_ky_hieu"] == "5-TB/TU"
    assert meta["ngay_ban_hanh"] == "2021-03-01"   # dates stay text: the schema checks them
