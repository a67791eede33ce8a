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
fails a --strict build.
"""
from __future__ import annotations

import re

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


def placeholder(what: str) -> str:
    return f"{PLACEHOLDER} {what}"


def is_unfilled(value) -> bool:
    text = " ".join(str(value or "").split())
    return not text or fold(text).lower().startswith(fold(PLACEHOLDER).lower())


def with_defaults(extra: dict | None) -> dict:
    """mkdocs.yml's `extra` with every identity key present (placeholders for the missing ones)."""
    extra = dict(extra or {})
    office = dict(extra.get(OFFICE) or {})
    for key, what in OFFICE_FIELDS.items():
        if is_unfilled(office.get(key)):
            office[key] = placeholder(what)
    office["logo"] = logo(office.get("logo"))
    licence = dict(extra.get(LICENCE) or {})
    if is_unfilled(licence.get("ten")):
        licence = {"ten": placeholder(LICENCE_FIELDS["ten"]), "url": ""}
    licence["url"] = str(licence.get("url") or "")
    extra[OFFICE], extra[LICENCE] = office, licence
    if is_unfilled(extra.get(ACCESSIBILITY_CONTACT)):
        extra[ACCESSIBILITY_CONTACT] = placeholder(CONTACT_LABEL)
    return extra


def logo(value) -> str:
    """The logo's site path; DEFAULT_LOGO unless the value names an image under docs/assets/."""
    path = str(value or "").strip().lstrip("/")
    return path if _SITE_IMAGE_RE.match(path) else DEFAULT_LOGO


def unfilled(extra: dict | None) -> list[str]:
    """What the office has not filled in yet, in words."""
    extra = extra or {}
    office = extra.get(OFFICE) or {}
    missing = [what for key, what in OFFICE_FIELDS.items() if is_unfilled(office.get(key))]
    if logo(office.get("logo")) == DEFAULT_LOGO:
        missing.append("logo")
    if is_unfilled((extra.get(LICENCE) or {}).get("ten")):
        missing.append(LICENCE_FIELDS["ten"])
    if is_unfilled(extra.get(ACCESSIBILITY_CONTACT)):
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
    chosen = (extra or {}).get(LICENCE) or {}
    if is_unfilled(chosen.get("ten")):
        return None
    return {"ten": " ".join(str(chosen["ten"]).split()), "url": str(chosen.get("url") or "") or None}
