"""vanban.register: the register's data are consistent, and real written names resolve to one body."""
import datetime as dt

import pytest

from vanban.agencies import is_known_code, is_national_code, issuer_code
from vanban.register import register, resolve

REG = register()


def test_every_alias_resolves_to_exactly_one_body():
    owners: dict[tuple, set] = {}
    for body in REG.bodies.values():
        for name in (body.ten, *body.bi_danh):
            owners.setdefault(REG.key(name), set()).add(body.id)
    for template in REG.templates.values():
        for name in template.bi_danh:
            owners.setdefault(("mẫu",) + REG.key(name), set()).add(template.id)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared
    for body in REG.bodies.values():
        for name in (body.ten, *body.bi_danh):
            assert resolve(name).body is body, name


def test_every_parent_and_successor_exists():
    for body in REG.bodies.values():
        for ref in (body.cha, body.ke_thua):
            assert ref is None or ref in REG.bodies, (body.id, ref)
    for template in REG.templates.values():
        ref = template.cha
        if ref and ref.startswith("."):
            assert ref[1:] in REG.templates, template.id
        elif ref and not template.district:
            assert ref in REG.bodies, template.id
        elif ref:
            assert ref in REG.templates, template.id
    for province in REG.provinces.values():  # every provincial body's parent resolves in every province
        for template in REG.templates.values():
            if not template.district:
                body = REG.instantiate(template, province)
                assert body.cha is None or REG.get(body.cha) is not None, body.id


def test_the_2025_merger_map_covers_all_63_old_provinces():
    before = [p for p in REG.provinces.values() if p.den is None or p.den >= dt.date(2025, 6, 30)]
    after = [p for p in REG.provinces.values() if p.den is None]
    assert len(before) == 63 and len(after) == 34
    for old in before:
        new = REG.successor(old)
        assert new.den is None, old.id
    assert sum(len(REG.merged_into(p)) + 1 for p in after) == 63
    assert [p.ten for p in REG.merged_into(REG.provinces["phu-tho"])] == ["Vĩnh Phúc", "Hòa Bình"]
    assert sum(p.thanh_pho for p in after) == 6


def test_kinds_and_levels_are_declared():
    for body in REG.bodies.values():
        assert body.loai in REG.kinds and body.cap in REG.levels, body.id
    assert len([b for b in REG.bodies.values() if b.ten.startswith("Bộ ") and b.cha == "chinh-phu"
                and b.valid_on(dt.date(2025, 3, 1))]) == 14
    assert len([b for b in REG.bodies.values() if b.ten.startswith(("Bộ ", "Ủy ban Dân tộc")) and b.cha == "chinh-phu"
                and b.valid_on(dt.date(2025, 2, 28))]) == 19  # 18 bộ + Ủy ban Dân tộc


# Names as the converter met them in real documents (portal tables, mastheads, OCR), and what they mean.
@pytest.mark.parametrize("written,body_id,name", [
    ("UBND tỉnh Đắk Lắk", "ubnd.dak-lak", "Ủy ban nhân dân tỉnh Đắk Lắk"),
    ("Uỷ ban nhân dân Thành phố Hà Nội", "ubnd.ha-noi", "Ủy ban nhân dân thành phố Hà Nội"),
    ("Bộ Tài chính cong hoa í", "bo-tai-chinh", "Bộ Tài chính"),                       # OCR: motto left behind
    ("BO TAI CHINH CONG HOA Í", "bo-tai-chinh", "Bộ Tài chính"),
    ("Bo Ngoai giao", "bo-ngoai-giao", "Bộ Ngoại giao"),
    ("Tổng cục Thuế Cục Thuế tp Hà Nội", "cuc-thue-tinh.ha-noi", "Cục Thuế thành phố Hà Nội"),  # parent + child
    ("Tổng cục Thuế: Cục Thuế tp Hồ Chí Minh", "cuc-thue-tinh.ho-chi-minh", "Cục Thuế thành phố Hồ Chí Minh"),
    ("Cục Thuế thuế tỉnh Tây Ninh", "thue-tinh.tay-ninh", "Thuế tỉnh Tây Ninh"),
    ("Bảo hiểm xã hội Việt Nam Bảo hiểm xã hội tp. Hồ Chí Minh", "bhxh-tinh.ho-chi-minh",
     "Bảo hiểm xã hội thành phố Hồ Chí Minh"),
    ("BẢO HIỂM XÃ HỘI VIỆT NAM", "bhxh-vn", "Bảo hiểm xã hội Việt Nam"),
    ("Ban Chỉ đạo sắp xếp ĐVHC các cấp và xây dựng mô hình tổ chức CQĐP 02 cấp", "bcd-sap-xep-dvhc",
     "Ban Chỉ đạo sắp xếp đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa phương 02 cấp"),
    ("BỘ TÀI CHÍNH TONG CỤC THUE", "tong-cuc-thue", "Tổng cục Thuế"),
    ("Sở Y tế Hồ Chí Minh", "so-y-te.ho-chi-minh", "Sở Y tế thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN THANH PHO HO CHI MINH SỞ Y TẾ", "so-y-te.ho-chi-minh", "Sở Y tế thành phố Hồ Chí Minh"),
    ("Cục Thuế tinh Hòa Bình", "cuc-thue-tinh.hoa-binh", "Cục Thuế tỉnh Hòa Bình"),
    ("Hội đồng nhân dân Thành phố Huế", "hdnd.hue", "Hội đồng nhân dân thành phố Huế"),
    ("Thường trực Tỉnh uỷ Khánh Hoà", "thuong-truc-tinh-uy.khanh-hoa", "Thường trực Tỉnh ủy Khánh Hòa"),
    ("Ban Thường vụ Tỉnh ủy Quảng Ngãi", "ban-thuong-vu-tinh-uy.quang-ngai", "Ban Thường vụ Tỉnh ủy Quảng Ngãi"),
    ("Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp", "chu-tich-ubnd.dong-thap", "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("Ban Tuyên giáo và dân vận Trung ương", "ban-tuyen-giao-dan-van-tw", "Ban Tuyên giáo và Dân vận Trung ương"),
    ("VĂN PHÒNG CHÍNH PHỦ", "vpcp", "Văn phòng Chính phủ"),
    ("THỦ TƯỚNG CHÍNHPHỦ", "thu-tuong", "Thủ tướng Chính phủ"),
    ("Huyện ủy Kim Bảng", "huyen-uy.kim-bang", "Huyện ủy Kim Bảng"),
])
def test_real_names_resolve(written, body_id, name):
    found = resolve(written)
    assert (found.body.id, found.body.ten) == (body_id, name)


def test_a_place_or_a_bare_kind_is_not_a_body():
    assert resolve("Thành phố Hồ Chí Minh").body is None and resolve("Thành phố Hồ Chí Minh").place.id == "ho-chi-minh"
    assert resolve("Huyện ủy").body is None and resolve("Huyện ủy").template.id == "huyen-uy"
    assert resolve("Tỉnh ủy", province="Hà Nam").body.ten == "Tỉnh ủy Hà Nam"
    assert resolve("Trung tâm Kiểm soát dịch vụ ABC").body is None


def test_parents_and_places():
    body = resolve("Sở Giáo dục và Đào tạo Hà Nội").body
    assert [a.id for a in REG.ancestors(body)] == ["ubnd.ha-noi", "chinh-phu"]
    assert REG.province_of(resolve("Tỉnh ủy Hà Nam").body).ten == "Hà Nam"
    assert REG.parent(resolve("Bộ Chính trị").body).ten == "Ban Chấp hành Trung ương Đảng"


def test_codes():
    assert issuer_code("Bộ Tài chính") == "BTC" and issuer_code("Thủ tướng") == "TTg"
    assert issuer_code("Ủy ban nhân dân tỉnh Nghệ An") is None      # every province uses UBND
    assert is_national_code("TCT") and is_national_code("BTGDVTW") and not is_national_code("UBND")
    assert not is_national_code("BHXH")                               # Bảo hiểm xã hội tỉnh uses it too
    assert all(is_known_code(c) for c in ("TTg", "CP", "VPCP", "BYT", "BTC", "TCT", "BNV", "TW", "TU", "HU", "QH15"))
    assert not is_known_code("XYZQ") and not is_known_code("")


def test_suggestions_for_an_unknown_name():
    assert "Ủy ban nhân dân tỉnh Đắk Lắk" in REG.suggest("Uy ban nhan dan tinh Dak Lak moi")
    assert REG.nearest("ỦY BAN THƯỜNG VỤ QUOC HOL").id == "ubtvqh"
