"""VanBan + body -> one Markdown page with YAML front matter. Deterministic output.

Layout: Kính gửi list, the body, then the signature, Nơi nhận, copy block and
received stamp in a fixed order, so every page reads the same way.
"""
from __future__ import annotations

import re

import yaml

from .parsing.body import escape, to_markdown
from .parsing.extract import Parsed


_KINH_GUI_RE = re.compile(r"\s*kính\s+gửi\b", re.IGNORECASE)


def front_matter(meta: dict) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # same output, C speed when libyaml is present
    dumped = yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)
    return f"---\n{dumped}---\n"


def _list(title: str, items: list[str]) -> str:
    return f"**{title}**\n\n" + "\n".join(f"- {escape(i)}" for i in items)


def _signature(doc) -> str | None:
    lines = [f"**{escape(part.strip())}**" for part in (doc.chuc_vu or "").split(",") if part.strip()]
    if doc.nguoi_ky:
        lines.append(escape(doc.nguoi_ky))
    return "  \n".join(lines) if lines else None


def _copy_block(parsed: Parsed) -> list[str]:
    copy = parsed.doc.ban_sao
    if not copy:
        return []
    out = ["**" + escape(copy.get("hinh_thuc") or "Bản sao") + "**"]
    issuer = " — ".join(x for x in (copy.get("cap_tren"), copy.get("co_quan")) if x)
    facts = [issuer, copy.get("so_ky_hieu") and "Số " + copy["so_ky_hieu"], _place_date(copy)]
    out.append("  \n".join(escape(f) for f in facts if f))
    if copy.get("noi_nhan"):
        out.append(_list("Nơi nhận (bản sao):", copy["noi_nhan"]))
    return out


def _place_date(copy: dict) -> str | None:
    date = copy.get("ngay")
    if not date:
        return copy.get("dia_danh")
    year, month, day = (int(x) for x in date.split("-"))
    place = f"{copy['dia_danh']}, " if copy.get("dia_danh") else ""
    return f"{place}ngày {day:02d} tháng {month} năm {year}"


def render_body(parsed: Parsed) -> str:
    doc = parsed.doc
    blocks: list[str] = []
    header = [x for x in (parsed.symbol_raw, parsed.date_raw) if x]
    if header:
        blocks.append("*" + escape(" — ".join(h.strip() for h in header)) + "*")
    headline = parsed.headline
    if headline and doc.kinh_gui and _KINH_GUI_RE.match(headline):
        headline = None   # a page without a header whose first line is its addressee: the list below says it
    if headline or parsed.posted_raw:
        blocks.append(" — ".join(escape(x) for x in (headline, parsed.posted_raw) if x))
    if doc.kinh_gui:
        blocks.append(_list("Kính gửi:", doc.kinh_gui))
    body = to_markdown(parsed.paragraphs)
    if body:
        blocks.append(body)
    tail = [b for b in (_signature(doc), doc.noi_nhan and _list("Nơi nhận:", doc.noi_nhan)) if b]
    copy = _copy_block(parsed)
    received = parsed.received_raw and "*Dấu đến: " + escape(" ".join(" ".join(l.split()) for l in parsed.received_raw)) + "*"
    if tail or copy or received:
        blocks.append("---")
        blocks += tail + copy + ([received] if received else [])
    return "\n\n".join(blocks) + "\n"


def render(parsed: Parsed, meta: dict) -> str:
    return front_matter(meta) + "\n" + render_body(parsed)
