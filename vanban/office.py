"""The office that runs the archive: its identity, in one place (mkdocs.yml `extra:`).

The header shows its logo and name, every footer its parent body, address, phone
and e-mail; "Hỗ trợ tiếp cận" shows the accessibility contact and "Dữ liệu mở"
(and the open-data files) the licence of the compiled data.

    extra:
      co_quan_van_hanh: {ten, co_quan_chu_quan, dia_chi, dien_thoai, email, logo}
      giay_phep_du_lieu: {ten, url}
      lien_he_tiep_can: "..."

A value still to be filled in starts with "Chưa điền" (the defaults in mkdocs.yml
do), so readers see plainly that the office has not filled it in; a missing key
gets such a value too. The default logo is DEFAULT_LOGO. While anything is unfilled
the build log and scripts/check.py say so in one info line (notice()); it never
fails a --strict build. A value of the wrong shape (a group written as one line, a
list, a number that lost its leading zero, a licence address that is not http(s))
is an error naming mkdocs.yml's key and the fix (problems()); the site shows the
placeholder instead of it.
"""
from __future__ import annotations

import re

from .schema import Problem
from .text import fold

OFFICE = "co_quan_van_hanh"
LICENCE = "giay_phep_du_lieu"
ACCESSIBILITY_CONTACT = "lien_he_tiep_can"
PLACEHOLDER = "Chưa điền"
DEFAULT_LOGO = "assets/images/logo-mac-dinh.svg"

# key -> what it is, as the placeholder and the notice name it.
OFFICE_FIELDS = {
    "ten": "tên cơ quan vận hành kho",
    "co_quan_chu_quan": "cơ quan chủ quản",
    "dia_chi": "địa chỉ",
    "dien_thoai": "số điện thoại",
    "email": "thư điện tử",
}
LICENCE_FIELDS = {"ten": "giấy phép dữ liệu mở", "url": ""}
CONTACT_LABEL = "đầu mối nhận phản ánh về hỗ trợ tiếp cận"
# The logo is an image file of the site (under docs/assets/): never a URL of another host (no network at
# view time) nor a javascript: or data: address.
_SITE_IMAGE_RE = re.compile(r"^assets/(?:[\w-]+/)*[\w-]+(?:\.[\w-]+)*\.(?:svg|png|jpe?g|webp|gif)$", re.ASCII | re.IGNORECASE)


_WEB_ADDRESS_RE = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def _group(value) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value) -> str:
    """A text value as the site shows it; "" for anything else (a list, a group, a number YAML read)."""
    return value if isinstance(value, str) else ""


def _licence_url(value) -> str:
    text = _text(value).strip()
    return text if _WEB_ADDRESS_RE.match(text) else ""


def placeholder(what: str) -> str:
    return f"{PLACEHOLDER} {what}"


def is_unfilled(value) -> bool:
    text = " ".join(str(value or "").split())
    return not text or fold(text).lower().startswith(fold(PLACEHOLDER).lower())


def with_defaults(extra: dict | None) -> dict:
    """mkdocs.yml's `extra` with every identity key present (placeholders for the missing ones)."""
    extra = dict(extra or {})
    office = dict(_group(extra.get(OFFICE)))
    for key, what in OFFICE_FIELDS.items():
        if is_unfilled(_text(office.get(key))):
            office[key] = placeholder(what)
    office["logo"] = logo(office.get("logo"))
    licence = dict(_group(extra.get(LICENCE)))
    if is_unfilled(_text(licence.get("ten"))):
        licence = {"ten": placeholder(LICENCE_FIELDS["ten"]), "url": ""}
    licence["url"] = _licence_url(licence.get("url"))
    extra[OFFICE], extra[LICENCE] = office, licence
    if is_unfilled(_text(extra.get(ACCESSIBILITY_CONTACT))):
        extra[ACCESSIBILITY_CONTACT] = placeholder(CONTACT_LABEL)
    return extra


def logo(value) -> str:
    """The logo's site path; DEFAULT_LOGO unless the value names an image under docs/assets/."""
    path = str(value or "").strip().lstrip("/")
    return path if _SITE_IMAGE_RE.match(path) else DEFAULT_LOGO


def unfilled(extra: dict | None) -> list[str]:
    """What the office has not filled in yet, in words."""
    extra = extra or {}
    office = _group(extra.get(OFFICE))
    missing = [what for key, what in OFFICE_FIELDS.items() if is_unfilled(_text(office.get(key)))]
    if logo(office.get("logo")) == DEFAULT_LOGO:
        missing.append("logo")
    if is_unfilled(_text(_group(extra.get(LICENCE)).get("ten"))):
        missing.append(LICENCE_FIELDS["ten"])
    if is_unfilled(_text(extra.get(ACCESSIBILITY_CONTACT))):
        missing.append(CONTACT_LABEL)
    return missing


def notice(extra: dict | None) -> str | None:
    """The one info line for the build log and check.py, or None when everything is filled in."""
    missing = unfilled(extra)
    if not missing:
        return None
    return (f"Thông tin cơ quan vận hành kho còn để mặc định ({', '.join(missing)}): điền trong mkdocs.yml, "
            f"mục extra: {OFFICE}, {LICENCE}, {ACCESSIBILITY_CONTACT} (trang web đang ghi \"{PLACEHOLDER} ...\").")


def licence(extra: dict | None) -> dict | None:
    """The open-data licence {"ten", "url"} once the office has chosen one, else None."""
    chosen = _group((extra or {}).get(LICENCE))
    if is_unfilled(_text(chosen.get("ten"))):
        return None
    return {"ten": " ".join(chosen["ten"].split()), "url": _licence_url(chosen.get("url")) or None}


def _kind(value) -> str:
    if isinstance(value, bool):
        return "đúng/sai"
    if isinstance(value, (int, float)):
        return "một số (số 0 ở đầu đã mất)"
    return "một danh sách" if isinstance(value, list) else "một nhóm khóa" if isinstance(value, dict) else "giá trị khác"


_GROUP_FIX = "viết mỗi khóa con trên một dòng riêng, thụt vào dưới {key}:, như mẫu trong mkdocs.yml"
_TEXT_FIX = 'viết giá trị trong ngoặc kép trên cùng dòng, ví dụ {key}: "{example}"'


def problems(extra: dict | None) -> list[Problem]:
    """What the site cannot show of mkdocs.yml's identity (the site shows the placeholder instead):
    each an error naming the key (extra.<group>.<key>), the value and the fix, in the file's order."""
    extra, found = extra or {}, []
    values = []
    for name, keys in {OFFICE: [*OFFICE_FIELDS, "logo"], LICENCE: list(LICENCE_FIELDS)}.items():
        group = extra.get(name)
        if group is not None and not isinstance(group, dict):
            found.append(Problem(f"extra.{name}", group, "phải là một nhóm khóa (" + ", ".join(keys) + ")",
                                 _GROUP_FIX.format(key=name)))
        values += [(f"{name}.{key}", _group(group).get(key)) for key in keys]
    for key, value in values + [(ACCESSIBILITY_CONTACT, extra.get(ACCESSIBILITY_CONTACT))]:
        if value is not None and not isinstance(value, str):
            example = "0226 3852 701" if key.endswith("dien_thoai") else "…"
            found.append(Problem(f"extra.{key}", value, f"phải là một dòng chữ, YAML đọc thành {_kind(value)}",
                                 _TEXT_FIX.format(key=key.rpartition(".")[2], example=example)))
        elif key == f"{LICENCE}.url" and value and value.strip() and not _licence_url(value):
            found.append(Problem(f"extra.{key}", value, "không phải địa chỉ web http(s) (trang web và dữ liệu mở "
                                 "không ghi địa chỉ này)", "viết địa chỉ đầy đủ của giấy phép, ví dụ "
                                 "https://creativecommons.org/licenses/by/4.0/deed.vi, hoặc để trống"))
    return found
