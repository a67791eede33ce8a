"""The front-matter schema: the public contract between the converter, staff and the site.

FIELDS is the single source of truth. `validate` checks one page's front
matter; `json_schema` exports the same rules as JSON Schema for editors and CI.
Messages are in Vietnamese and name the key, the bad value and the fix.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass

from .dates import parse_iso, today_in_vietnam
from .doctypes import TYPE_NAMES, canonical_type
from .name_advice import type_fix
from .legal_force import IN_FORCE, NOT_YET, STATUS_NAMES, status_of
from .relation_types import RELATION_KEYS, relation_key
from .symbols import normalize_symbol, parse_symbol
from .text import fold, visible


@dataclass(frozen=True)
class Field:
    key: str
    label: str        # official Vietnamese name of the component
    kind: str         # "str", "bool", "date", "date_any" (may be later than today), "datetime", "list",
                      # "citations", "object", "slug", "paths", "status", "files"
    required: bool = False  # the key must be present
    nullable: bool = True   # False: null only when the key is also listed in can_xac_minh
    help: str = ""


FIELDS: tuple[Field, ...] = (
    Field("title", "Tiêu đề trang", "str", True, False, "Loại + số ký hiệu + trích yếu"),
    Field("so_ky_hieu", "Số, ký hiệu", "str", True, True, "Ví dụ 239-CV/HU, 16/CT-TTg, 30/2020/NĐ-CP; null nếu không có số"),
    Field("loai_van_ban", "Loại văn bản", "str", True, False, "Một trong: " + ", ".join(TYPE_NAMES)),
    Field("trich_yeu", "Trích yếu nội dung", "str", True, False, "Câu trích yếu, ví dụ: V/v tăng cường ..."),
    Field("co_quan_ban_hanh", "Cơ quan ban hành", "str", True, False, "Kèm địa danh khi biết: Tỉnh ủy Hà Nam"),
    Field("ma_co_quan", "Mã cơ quan ban hành", "str",
          help="Mã trong danh mục cơ quan (vanban/data/co_quan.yaml), ví dụ ubnd.dak-lak; bộ chuyển đổi tự điền"),
    Field("dia_danh", "Địa danh", "str", help="Nơi ban hành, ví dụ Hà Nam"),
    Field("ngay_ban_hanh", "Ngày ban hành", "date", True, True, "Dạng YYYY-MM-DD, ví dụ 2021-04-28"),
    Field("nguoi_ky", "Người ký", "str"),
    Field("chuc_vu", "Chức vụ người ký", "str", help="Giữ T/M, K/T, T/L nếu có"),
    Field("kinh_gui", "Kính gửi", "list"),
    Field("noi_nhan", "Nơi nhận", "list"),
    Field("van_ban_dan_chieu", "Văn bản dẫn chiếu", "citations",
          help="Danh sách {so_ky_hieu, loai_van_ban, ngay, co_quan, quan_he}; quan_he là một trong: "
               + ", ".join(RELATION_KEYS) + " (mặc định dan_chieu; bỏ trống thì bản dựng tự đọc từ nội dung)"),
    Field("ban_sao", "Bản sao", "object", help="{hinh_thuc, so_ky_hieu, co_quan, dia_danh, ngay}"),
    Field("so_den", "Số đến (dấu công văn đến)", "object", help="{so, ngay, co_quan}"),
    Field("nguon", "Nguồn", "str", help="Cổng thông tin hoặc địa chỉ URL"),
    Field("ngay_dang", "Ngày đăng", "datetime", help="YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM"),
    Field("nguon_ocr", "Nhận dạng từ bản quét (OCR)", "bool",
          help="true nếu văn bản được nhận dạng từ bản quét; bỏ khóa này nếu không"),
    Field("can_xac_minh", "Cần xác minh", "list", help="Các khóa cần văn thư kiểm tra lại"),
    Field("ly_do_xac_minh", "Lý do cần xác minh", "object",
          help="{khóa: lý do}, ví dụ so_ky_hieu: bản OCR đọc 4046, tên tệp ghi 1046; bộ chuyển đổi tự ghi"),
    Field("slug", "Đường dẫn cố định", "slug",
          help="Địa chỉ trang là van-ban/<slug>/, ví dụ 2021/cong-van-154-cv-tu; bộ chuyển đổi tự ghi, "
               "không đổi khi sửa tiêu đề hay trích yếu"),
    Field("duong_dan_cu", "Đường dẫn cũ", "paths",
          help="Địa chỉ cũ của trang, ví dụ van-ban/2021/cong-van-154-cv-tu/; mỗi địa chỉ cũ chuyển về trang này"),
    Field("tinh_trang_hieu_luc", "Tình trạng hiệu lực", "status",
          help="Một trong: " + ", ".join(STATUS_NAMES) + "; bỏ trống thì bản dựng tự suy ra (và ghi rõ theo văn bản nào)"),
    Field("ngay_co_hieu_luc", "Ngày có hiệu lực", "date_any", help="Dạng YYYY-MM-DD, ví dụ 2021-05-15"),
    Field("ngay_het_hieu_luc", "Ngày hết hiệu lực", "date_any", help="Dạng YYYY-MM-DD, không trước ngày có hiệu lực"),
    Field("ban_goc", "Văn bản gốc", "files",
          help="Tên tệp bản gốc (PDF, DOCX, ảnh quét) đặt cùng thư mục với trang, ví dụ cong-van-154-cv-tu.pdf; "
               "bộ chuyển đổi tự chép tệp đầu vào và ghi khóa này"),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
REQUIRED_KEYS = tuple(f.key for f in FIELDS if f.required)
CITATION_KEYS = ("so_ky_hieu", "loai_van_ban", "ngay", "co_quan", "nguyen_van", "quan_he", "mot_phan")
# Problems of the file itself rather than of one key (vanban.archive.pagefile).
FILE_KEYS = ("tệp", "tên tệp")
# What identifies a directive: a page with one of these keys is a document, wherever it is.
DOCUMENT_KEYS = ("so_ky_hieu", "loai_van_ban", "trich_yeu", "co_quan_ban_hanh", "ngay_ban_hanh")
# The only keys a page outside docs/van-ban/ (hand-written or generated) gives the theme:
# `template`, `author` and the like would let a page choose what the theme prints raw.
SITE_PAGE_KEYS = ("title", "description", "hide", "kho_trang", "kho_thong_tin")

# A slug is lower-case ASCII words joined by "-", in folders joined by "/" (what
# vanban.text.slugify and the converter's year folders make).
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
# An old address is a page path of this site: safe segments, no "..", no query, no host.
_OLD_PATH_RE = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")
_PAGE_SUFFIX_RE = re.compile(r"(/index\.html|\.html|\.md|/)$")
# Names the build writes beside the pages it makes from names and slugs: a folder's index page
# (MkDocs treats README as index), the province pages' folder, a feed. No slug takes one, in any case.
RESERVED_NAMES = frozenset({"index", "readme", "dia-phuong", "feed"})
# Folders of files the build writes: an old address never points into them.
BUILD_FOLDERS = frozenset({"assets", "pagefind", "search"})
MAX_SEGMENT, MAX_PATH = 100, 200   # characters: a file name has at most 255 bytes on common file systems


def is_reserved(name: str) -> bool:
    return name.casefold() in RESERVED_NAMES


def _address_problem(path: str) -> str | None:
    """Why a page path (a slug or an old address) cannot be one, or None."""
    segments = path.strip("/").split("/")
    if len(path) > MAX_PATH or any(len(segment) > MAX_SEGMENT for segment in segments):
        return f"quá dài (tối đa {MAX_PATH} ký tự, mỗi đoạn giữa hai dấu '/' tối đa {MAX_SEGMENT})"
    reserved = next((segment for segment in segments if is_reserved(segment)), None)
    if reserved:
        return f"có đoạn '{reserved}', tên dành riêng cho trang kho tự tạo ({', '.join(sorted(RESERVED_NAMES))})"
    return None


def old_path(value) -> str | None:
    """The site-relative folder an old address names ("van-ban/2021/x/"), or None when the
    value is not a page path of this site. "/van-ban/2021/x", "van-ban/2021/x.md" and
    "van-ban/2021/x/index.html" all name "van-ban/2021/x/"."""
    if not isinstance(value, str):
        return None
    path = _PAGE_SUFFIX_RE.sub("", value.strip().lstrip("/"))
    if path.endswith("/index"):
        path = path[: -len("/index")]
    return path + "/" if _OLD_PATH_RE.match(path) else None


MAX_SHOWN = 200   # characters of a value quoted in a message
_FLAG_MESSAGE = "cần xác minh (bộ chuyển đổi suy ra hoặc không tìm thấy)"


@dataclass(frozen=True)
class Problem:
    """One finding about one key of one page."""
    key: str
    value: object
    message: str   # Vietnamese: what is wrong
    fix: str       # Vietnamese: what to write instead
    severity: str = "error"  # "error" fails --strict builds; "warning" does not

    @property
    def advises(self) -> bool:
        """A review warning with advice of its own ("Có phải: …?"), not only the page's can_xac_minh flag:
        shown even where review flags are only counted."""
        return self.severity != "error" and not self.message.startswith(_FLAG_MESSAGE)

    def format(self, path: str) -> str:
        """One line for a terminal or a log: control characters in it are shown escaped (a value
        holding terminal escapes could otherwise print a fake line), a long value is cut."""
        value = "(trống)" if self.value is None else repr(self.value)
        if len(value) > MAX_SHOWN:
            value = value[:MAX_SHOWN] + "…"
        subject = self.key if self.key in FILE_KEYS else f"khóa '{self.key}'"
        return visible(f"{path}: {subject} = {value}: {self.message}. Cách sửa: {self.fix}")


def _check_value(field: Field, value, flagged: bool, today: dt.date) -> Problem | None:
    if value is None or value == "" or value == []:
        if field.nullable or flagged:
            return None
        return Problem(field.key, value, "không được để trống",
                       (field.help or "điền giá trị") + f"; nếu bản gốc không có, ghi null và thêm '{field.key}' vào can_xac_minh")
    if field.kind == "str" and not isinstance(value, str):
        return Problem(field.key, value, "phải là một chuỗi văn bản", field.help or "viết giá trị trong dấu ngoặc kép")
    if field.kind == "bool" and not isinstance(value, bool):
        return Problem(field.key, value, "phải là true hoặc false", field.help)
    if field.kind == "list" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return _list_problem(field.key, value)
    if field.kind in ("date", "date_any") and not parse_iso(value):
        return Problem(field.key, value, "không phải ngày hợp lệ", "dùng dạng YYYY-MM-DD với ngày có thật, ví dụ 2021-04-28")
    if field.kind == "date" and parse_iso(value) > today and not flagged:
        # A typo in the year (2012 -> 2021 -> 2102) publishes a directive "from the future".
        return Problem(field.key, value, f"là ngày trong tương lai (hôm nay là {today.isoformat()})",
                       "đối chiếu năm, tháng, ngày với bản gốc; nếu chưa chắc, thêm khóa vào can_xac_minh")
    if field.kind == "datetime" and not _is_datetime(value):
        return Problem(field.key, value, "không phải ngày giờ hợp lệ", "dùng dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM")
    if field.kind == "object" and not isinstance(value, dict):
        return Problem(field.key, value, "phải là một nhóm khóa: giá trị", field.help)
    if field.kind == "citations":
        return _check_citations(value)
    if field.kind == "slug" and not (isinstance(value, str) and _SLUG_RE.match(value)):
        return Problem(field.key, value, "không phải đường dẫn hợp lệ",
                       "chỉ dùng chữ thường không dấu, số, '-' và '/', ví dụ 2021/cong-van-154-cv-tu")
    if field.kind == "slug" and _address_problem(value):
        return Problem(field.key, value, "đường dẫn " + _address_problem(value),
                       "đặt đường dẫn ngắn theo loại và số ký hiệu, ví dụ 2021/cong-van-154-cv-tu")
    if field.kind == "paths":
        return _check_paths(field, value)
    if field.kind == "status" and status_of(value) is None:
        return _status_problem(field.key, value)
    if field.kind == "files":
        return _check_files(field.key, value)
    return None


def _status_problem(key: str, value) -> Problem:
    same = [name for name in STATUS_NAMES if isinstance(value, str) and fold(name) == fold(" ".join(value.split()).lower())]
    return Problem(key, value, "không thuộc danh mục tình trạng hiệu lực",
                   f"viết đúng dấu: '{same[0]}'" if same else "chọn một trong: " + ", ".join(STATUS_NAMES)
                   + "; chưa biết thì xóa khóa này (bản dựng tự suy ra)")


# An original sits beside its page: a plain file name, of a kind a reader can open safely.
ORIGINAL_FORMATS = {".pdf": "application/pdf",
                    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    ".doc": "application/msword", ".odt": "application/vnd.oasis.opendocument.text",
                    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".tif": "image/tiff",
                    ".tiff": "image/tiff"}
_ORIGINAL_NAME_RE = re.compile(r"^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$")


def original_names(value) -> list[str]:
    """ban_goc as a list of file names (staff may write one name or a list)."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _check_files(key: str, value) -> Problem | None:
    fix = ("tên tệp đặt cùng thư mục với trang, chỉ chữ không dấu, số, '-' và '_', đuôi "
           + ", ".join(sorted({e for e in ORIGINAL_FORMATS})) + "; ví dụ ban_goc: cong-van-154-cv-tu.pdf")
    if not isinstance(value, (str, list)) or (isinstance(value, list) and len(original_names(value)) != len(value)):
        return Problem(key, value, "phải là một tên tệp hoặc danh sách tên tệp", fix)
    for name in original_names(value):
        extension = name[name.rfind("."):].lower() if "." in name else ""
        if not _ORIGINAL_NAME_RE.match(name) or extension not in ORIGINAL_FORMATS:
            return Problem(key, name, "không phải tên tệp bản gốc hợp lệ (không có '/', '..', dấu cách; "
                                      "chỉ PDF, DOCX, DOC, ODT hoặc ảnh quét)", fix)
    return None


def _check_paths(field: Field, value) -> Problem | None:
    fix = "mỗi mục một địa chỉ cũ tính từ gốc trang web, ví dụ '- van-ban/2021/cong-van-154-cv-tu/'"
    if not isinstance(value, list):
        return Problem(field.key, value, "phải là một danh sách địa chỉ", fix)
    for item in value:
        if old_path(item) is None:
            return Problem(field.key, item, "không phải địa chỉ trang của kho (chỉ chữ, số, '-', '_' và '/'; "
                                            "không có http://, '..', '?' hay '#')", fix)
        if _address_problem(old_path(item)):
            return Problem(field.key, item, "địa chỉ " + _address_problem(old_path(item)), fix)
        if old_path(item).split("/")[0].casefold() in BUILD_FOLDERS:
            return Problem(field.key, item, f"địa chỉ nằm trong thư mục '{old_path(item).split('/')[0]}' "
                           "mà bản dựng tự ghi", fix)
    return None


def _list_problem(key: str, value) -> Problem:
    """A list written as one string (`kinh_gui: Các huyện ủy`): show the list form of that very value."""
    fix = "viết mỗi mục trên một dòng riêng bắt đầu bằng '  - ' dưới dòng '" + key + ":'"
    if isinstance(value, str):
        fix += f", hoặc trên một dòng: {key}: {json.dumps([value], ensure_ascii=False)}"
    return Problem(key, value, "phải là một danh sách chuỗi, không phải " + _kind_name(value), fix)


def _kind_name(value) -> str:
    if isinstance(value, str):
        return "một chuỗi"
    if isinstance(value, dict):
        return "một nhóm khóa"
    if isinstance(value, list):
        return "danh sách có mục không phải chuỗi"
    if isinstance(value, bool):
        return "giá trị đúng/sai (true/false)"
    if isinstance(value, (int, float)):
        return "một số"
    return f"giá trị kiểu {type(value).__name__}"


def _is_datetime(value) -> bool:
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    try:
        dt.datetime.fromisoformat(str(value))
        return True
    except ValueError:
        return False


def _check_citations(value) -> Problem | None:
    fix = "mỗi mục là {so_ky_hieu: ..., loai_van_ban: ..., ngay: YYYY-MM-DD, co_quan: ...}"
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return Problem("van_ban_dan_chieu", value, "phải là danh sách văn bản", fix)
    for number, item in enumerate(value, 1):
        if not isinstance(item.get("so_ky_hieu"), str) or not item["so_ky_hieu"].strip():
            return Problem("van_ban_dan_chieu", item, f"mục thứ {number} thiếu so_ky_hieu",
                           "thêm dòng 'so_ky_hieu: ...' vào mục này (ví dụ so_ky_hieu: 16/CT-TTg); "
                           "văn bản dẫn chiếu không có số thì xóa mục, chỉ nhắc trong nội dung")
        if item.get("ngay") and not parse_iso(item["ngay"]):
            return Problem("van_ban_dan_chieu", item, f"mục thứ {number}: ngày '{item['ngay']}' không hợp lệ", fix)
        kind = item.get("quan_he")
        if kind is not None and kind not in RELATION_KEYS:
            meant = relation_key(kind)
            return Problem("van_ban_dan_chieu", item,
                           f"mục thứ {number}: quan_he '{kind}' không thuộc danh mục quan hệ",
                           (f"viết quan_he: {meant}" if meant else "chọn một trong: " + ", ".join(RELATION_KEYS))
                           + "; không rõ thì xóa dòng quan_he (bản dựng tự đọc từ nội dung)")
        if "mot_phan" in item and not isinstance(item["mot_phan"], bool):
            return Problem("van_ban_dan_chieu", item, f"mục thứ {number}: mot_phan phải là true hoặc false",
                           "ghi mot_phan: true khi văn bản này chỉ thay thế, bãi bỏ hay sửa một phần văn bản kia")
    return None


def _flags(meta: dict) -> list[str]:
    """The keys listed in can_xac_minh; anything else written there is reported by _check_value."""
    flags = meta.get("can_xac_minh")
    return [key for key in flags if isinstance(key, str)] if isinstance(flags, list) else []


def _check_specific(meta: dict, today: dt.date) -> list[Problem]:
    problems = []
    doc_type = meta.get("loai_van_ban")
    if isinstance(doc_type, str) and doc_type and canonical_type(doc_type) is None:
        problems.append(Problem("loai_van_ban", doc_type, "không thuộc danh mục loại văn bản", type_fix(doc_type)))
    symbol = meta.get("so_ky_hieu")
    if isinstance(symbol, str) and symbol and parse_symbol(symbol, whole=True) is None:
        # The whole value must be the symbol: "99-CV/TU<script>" is not silently cut to 99-CV/TU.
        normalized = normalize_symbol(symbol)
        problems.append(Problem("so_ky_hieu", symbol, "không đúng dạng số ký hiệu",
                                (f"nếu số đúng là {normalized}, chỉ ghi '{normalized}'; " if normalized else "")
                                + "viết như 239-CV/HU, 16/CT-TTg hoặc 30/2020/NĐ-CP, hoặc để null"))
    problems += _check_register(meta)
    problems += _check_force_dates(meta, today)
    reasons = meta.get("ly_do_xac_minh") if isinstance(meta.get("ly_do_xac_minh"), dict) else {}
    for key in _flags(meta):
        if isinstance(key, str) and key not in FIELD_BY_KEY:
            problems.append(Problem("can_xac_minh", key, "liệt kê một khóa không có trong lược đồ",
                                    "chỉ ghi tên khóa có thật, ví dụ nguoi_ky, ngay_ban_hanh"))
        elif isinstance(key, str):
            reason = reasons.get(key)
            message = f"{_FLAG_MESSAGE}: {reason}" if isinstance(reason, str) and reason else _FLAG_MESSAGE
            problems.append(Problem(key, meta.get(key), message,
                                    "đối chiếu với bản gốc rồi xóa khóa này khỏi can_xac_minh", "warning"))
    return problems


def _check_names(meta: dict) -> list[Problem]:
    """The issuer and the place as staff spell them (vanban/name_advice.py): a known name without its
    diacritics is an error, a warning when the key is listed in can_xac_minh; a near miss is a warning."""
    from .name_advice import issuer_advice, place_advice  # the register reads its data file on first use

    flagged = set(_flags(meta))
    problems = []
    for key, advise in (("co_quan_ban_hanh", issuer_advice), ("dia_danh", place_advice)):
        value = meta.get(key)
        advice = advise(value.strip()) if isinstance(value, str) and value.strip() else None
        if advice:
            severity = "error" if advice.error and key not in flagged else "warning"
            problems.append(Problem(key, value, advice.message, advice.fix, severity))
    return problems


def _check_force_dates(meta: dict, today: dt.date) -> list[Problem]:
    """Dates of legal force in an order that cannot be, and a status its own dates contradict."""
    issued, starts, ends = (parse_iso(meta.get(k)) for k in ("ngay_ban_hanh", "ngay_co_hieu_luc", "ngay_het_hieu_luc"))
    status = status_of(meta.get("tinh_trang_hieu_luc"))
    problems = []
    if starts and ends and ends < starts:
        problems.append(Problem("ngay_het_hieu_luc", meta["ngay_het_hieu_luc"],
                                f"sớm hơn ngày có hiệu lực ({starts.isoformat()})",
                                "đối chiếu hai ngày với văn bản; ngày hết hiệu lực không thể trước ngày có hiệu lực"))
    if issued and ends and ends < issued:
        problems.append(Problem("ngay_het_hieu_luc", meta["ngay_het_hieu_luc"],
                                f"sớm hơn ngày ban hành ({issued.isoformat()})",
                                "văn bản không thể hết hiệu lực trước khi được ban hành: sửa một trong hai ngày"))
    if issued and starts and starts < issued:
        problems.append(Problem("ngay_co_hieu_luc", meta["ngay_co_hieu_luc"],
                                f"sớm hơn ngày ban hành ({issued.isoformat()}): hiệu lực hồi tố hiếm gặp",
                                "đối chiếu với điều khoản hiệu lực của văn bản", "warning"))
    if status and status.name == IN_FORCE and ends and ends <= today:
        problems.append(Problem("tinh_trang_hieu_luc", meta["tinh_trang_hieu_luc"],
                                f"nhưng ngày hết hiệu lực {ends.isoformat()} đã qua",
                                "sửa tình trạng thành 'hết hiệu lực' hoặc sửa ngày hết hiệu lực", "warning"))
    if status and status.name == NOT_YET and starts and starts <= today:
        problems.append(Problem("tinh_trang_hieu_luc", meta["tinh_trang_hieu_luc"],
                                f"nhưng ngày có hiệu lực {starts.isoformat()} đã đến",
                                "sửa tình trạng, hoặc xóa khóa để bản dựng tự suy ra", "warning"))
    return problems


def _check_register(meta: dict) -> list[Problem]:
    """Review warnings, never errors (new bodies appear): an issuer or register id the register does not know."""
    from .register import register, resolve  # the register reads its data file on first use

    problems = _check_names(meta)
    issuer, body_id = meta.get("co_quan_ban_hanh"), meta.get("ma_co_quan")
    if isinstance(issuer, str) and issuer.strip() and resolve(issuer).body is None:
        near = register().suggest(issuer)
        problems.append(Problem("co_quan_ban_hanh", issuer, "chưa có trong danh mục cơ quan ban hành",
                                (f"Có phải: {' / '.join(near)}? " if near else "")
                                + "viết đúng tên trong danh mục, hoặc bổ sung cơ quan mới vào vanban/data/co_quan.yaml",
                                "warning"))
    if isinstance(body_id, str) and body_id and register().get(body_id) is None:
        problems.append(Problem("ma_co_quan", body_id, "không phải mã trong danh mục cơ quan",
                                "xóa khóa này (bộ chuyển đổi tự điền) hoặc ghi mã có trong vanban/data/co_quan.yaml",
                                "warning"))
    return problems


def unknown_key(key: str, value, known=FIELD_BY_KEY) -> Problem:
    """A key outside the schema: kept out of the page and its templates, a warning that names it."""
    near = difflib.get_close_matches(key, list(known), n=1, cutoff=0.75)
    return Problem(key, value, "khóa không có trong lược đồ: kho bỏ qua khóa này, không in ra trang",
                   (f"nếu ý là '{near[0]}', sửa tên khóa; " if near else "")
                   + "nếu không cần, xóa dòng này (các khóa: trang Hướng dẫn › Ý nghĩa các khóa)", "warning")


def validate(meta: dict, today: dt.date | None = None) -> list[Problem]:
    """All problems of one page's front matter: errors first, then review warnings.

    today (default: today in Vietnam) is the latest date a directive may carry."""
    today = today or today_in_vietnam()
    problems = [Problem(key, None, "thiếu khóa bắt buộc", f"thêm dòng '{key}: ...' ({FIELD_BY_KEY[key].help})")
                for key in REQUIRED_KEYS if key not in meta]
    flagged = set(_flags(meta))
    for key, value in meta.items():
        field = FIELD_BY_KEY.get(key)
        problem = (_check_value(field, value, key in flagged and key != "title", today) if field
                   else unknown_key(key, value))
        if problem:
            problems.append(problem)
    problems += _check_specific(meta, today)
    return sorted(problems, key=lambda p: p.severity != "error")


def json_schema() -> dict:
    """The same rules as JSON Schema (draft 2020-12), for editors and external checks."""
    kinds = {
        "str": {"type": "string"}, "bool": {"type": "boolean"}, "date": {"type": "string", "format": "date"},
        "datetime": {"type": "string"}, "list": {"type": "array", "items": {"type": "string"}},
        "object": {"type": "object"},
        "slug": {"type": "string", "pattern": SLUG_PATTERN},
        "paths": {"type": "array", "items": {"type": "string"}},
        "date_any": {"type": "string", "format": "date"},
        "status": {"type": "string", "enum": list(STATUS_NAMES)},
        "files": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "citations": {"type": "array", "items": {"type": "object", "properties": {
            **{k: {"type": ["string", "null"]} for k in CITATION_KEYS},
            "quan_he": {"enum": list(RELATION_KEYS)}, "mot_phan": {"type": "boolean"}}}},
    }
    properties = {}
    for f in FIELDS:
        spec = dict(kinds[f.kind], title=f.label, description=f.help)
        if f.nullable:
            spec = {"anyOf": [spec, {"type": "null"}], "title": f.label, "description": f.help}
        properties[f.key] = spec
    properties["loai_van_ban"]["enum"] = list(TYPE_NAMES)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Văn bản chỉ đạo: front matter",
        "type": "object",
        "required": list(REQUIRED_KEYS),
        "properties": properties,
        "additionalProperties": True,
    }
