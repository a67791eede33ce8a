"""The Markdown of every generated page: indexes, missing documents, review, home.

A list longer than listing.PAGE_SIZE rows goes on several pages (listing.paginate) at
urls.list_page(src, n): a body's, a province's, a year's, a month's, a type's documents,
the missing documents and who cites one of them."""
from __future__ import annotations

from urllib.parse import quote

from ..schema import FIELDS
from ..text import slugify
from . import urls
from .catalog import Record
from ..register import register
from .ambiguous import MAX_CANDIDATES
from .indexes import (
    NOT_REGISTERED, UNKNOWN_TYPE, Agency, by_level, newest_first, provinces, review, types, undated, unknown_issuer,
    years,
)
from .relations import Missing, Relations
from .listing import ISSUER, TYPE, DATE, Group, documents_table, page_title, paginate, pager, table_html
from .status import ForceStatus, latest_changes
from .render import (
    anchor, citation_issuer, citation_text, citation_type, fmt_date, front_matter, html_block, link, md, table, text,
)

MONTHS = ("", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7",
          "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12")
NEWEST = 10


def agency_pages(agency_list: list[Agency], records: list[Record] = (),
                 overviews: dict[str, str] | None = None) -> dict[str, str]:
    """The agency index (by level, then group or province, parents before children), one page per
    agency and one per province. overviews: agency_key -> pre-rendered HTML shown above the agency's
    documents (its citation diagram)."""
    src = urls.AGENCY_INDEX
    known = [a for a in agency_list if a.body]
    no_issuer = unknown_issuer(records)
    out = [front_matter("Cơ quan ban hành", "chi-muc"),
           f"Kho có văn bản của **{len(known)}** cơ quan trong danh mục, xếp theo cấp; "
           "cấp tỉnh xếp theo tỉnh, thành phố.\n"]
    for level, groups in by_level(agency_list):
        out.append(f"\n## {md(level)}\n\n")
        if level == NOT_REGISTERED:
            out.append("Tên cơ quan dưới đây chưa có trong danh mục cơ quan ban hành của kho: "
                       "kho đang đối chiếu với bản gốc.\n\n")
        for group, members in groups:
            if group:
                out.append(f"\n### {_group_heading(group, members, src)}\n\n")
            out += [f"{'    ' * _depth_in(a, members)}- {link(a.name, src, urls.agency_page(a.slug))} "
                    f"({len(a.records)})\n" for a in members]
    if no_issuer:
        out.append(f"\n{len(no_issuer)} văn bản chưa rõ cơ quan ban hành; các văn bản này vẫn có trong danh sách "
                   f"{link('theo thời gian', src, urls.YEAR_INDEX)} và {link('theo loại', src, urls.TYPE_INDEX)}.\n")
    pages = {src: "".join(out)}
    for a in agency_list:
        pages.update(_agency_pages(a, (overviews or {}).get(a.key)))
    pages.update(_province_pages(agency_list))
    return pages


def _depth_in(agency: Agency, members: list[Agency]) -> int:
    return sum(1 for a in agency.lineage()[:-1] if a in members)


def _group_heading(group: str, members: list[Agency], src: str) -> str:
    province = members[0].province
    if province is None or province.title != group:
        return md(group)
    heading = link(group, src, urls.province_page(province.id))
    if province.nhap_vao:
        heading += f" (từ 1/7/2025 thuộc {md(register().successor(province).title)})"
    return heading


def _agency_pages(a: Agency, overview: str | None = None) -> dict[str, str]:
    """The body's page (what the register knows, its diagram, its documents) and the further
    pages of its documents."""
    page = urls.agency_page(a.slug)
    lines = [f"Cấp: {md(a.level)}."]
    if a.body is None:
        near = register().suggest(a.name)
        lines.append("Tên này chưa có trong danh mục cơ quan ban hành: cần xác minh."
                     + (f" Có phải: {md(', '.join(near))}?" if near else ""))
    else:
        lines.append(f"Loại: {md(a.body.kind)}.")
        parent = register().parent(a.body)
        if parent:
            target = a.parent if a.parent and a.parent.body is parent else None
            lines.append("Trực thuộc: " + (link(parent.ten, page, urls.agency_page(target.slug)) if target
                                           else md(parent.ten)) + ".")
        if a.province:
            lines.append(f"Địa phương: {link(a.province.title, page, urls.province_page(a.province.id))}.")
        if a.body.tu or a.body.den:
            lines.append(f"Hoạt động: {_span(a.body.tu, a.body.den)}.")
        if a.body.ke_thua and (heir := register().get(a.body.ke_thua)):
            lines.append(f"Nhiệm vụ chuyển cho: {md(heir.ten)}.")
    about = "  \n".join(lines) + "\n\n"
    if a.children:
        about += "## Cơ quan trực thuộc\n\n" + "".join(
            f"- {link(c.name, page, urls.agency_page(c.slug))} ({len(c.records)})\n" for c in a.children) + "\n"
    if overview:
        about += html_block(overview) + "\n"
    heading = f"## Văn bản ({len(a.records)})\n\nMới nhất trước.\n\n"
    return paged_list(page, a.name, "co-quan", [Group("", a.records)], omit=(ISSUER,), intro=about + heading,
                      more_intro=heading)


def _span(start, end) -> str:
    day = lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}"  # noqa: E731
    if start and end:
        return f"từ {day(start)} đến {day(end)}"
    return f"từ {day(start)}" if start else f"đến {day(end)}"


def _province_pages(agency_list: list[Agency]) -> dict[str, str]:
    reg, pages = register(), {}
    found = provinces(agency_list)
    for province_id, members in found.items():
        province, page = reg.provinces[province_id], urls.province_page(province_id)
        place = lambda p: link(p.title, page, urls.province_page(p.id)) if p.id in found else md(p.title)  # noqa: E731
        notes = []
        if province.nhap_vao:
            notes.append(f"Từ 1/7/2025 sáp nhập vào {place(reg.successor(province))} (Nghị quyết 202/2025/QH15).")
        merged = reg.merged_into(province)
        if merged:
            notes.append(f"Từ 1/7/2025 gồm cả {', '.join(place(p) for p in merged)} (Nghị quyết 202/2025/QH15).")
        body = [" ".join(notes) + "\n\n" if notes else ""]
        if not members:
            body.append("Kho chưa có văn bản của cơ quan nào thuộc địa phương này.\n")
            pages[page] = front_matter(province.title, "dia-phuong") + "".join(body)
            continue
        body.append(f"Cơ quan của {md(province.title.lower()[:1] + province.title[1:])} có văn bản trong kho:\n\n")
        body += [f"{'    ' * _depth_in(a, members)}- {link(a.name, page, urls.agency_page(a.slug))} "
                 f"({len(a.records)})\n" for a in members]
        heading = "\n## Văn bản theo cơ quan ban hành\n\nMỗi cơ quan, mới nhất trước.\n\n"
        groups = [Group(a.name, a.records, meta={"src": urls.agency_page(a.slug)}) for a in members]
        pages.update(paged_list(page, province.title, "dia-phuong", groups, omit=(ISSUER,),
                                intro="".join(body) + heading, more_intro=heading, level=3))
    return pages


def date_pages(records: list[Record]) -> dict[str, str]:
    tree, no_date = years(records), undated(records)
    src = urls.YEAR_INDEX
    out = [front_matter("Văn bản theo thời gian", "chi-muc"), "| Năm | Số văn bản |\n|---|---|\n"]
    out += [f"| {link(str(y), src, urls.year_page(y))} | {sum(map(len, months.values()))} |\n"
            for y, months in tree.items()]
    if no_date:
        out.append(f"| {link('Chưa rõ ngày', src, urls.UNDATED)} | {len(no_date)} |\n")
    pages = {src: "".join(out)}
    for year, months in tree.items():
        page = urls.year_page(year)
        groups = [Group(f"{MONTHS[month]}/{year}", docs, meta={"src": urls.month_page(year, month)})
                  for month, docs in months.items()]
        pages.update(paged_list(page, f"Văn bản năm {year}", "nam", groups))
        for month, docs in months.items():
            month_src = urls.month_page(year, month)
            back = f"{link(f'Cả năm {year}', month_src, page)}\n\n"
            pages.update(paged_list(month_src, f"Văn bản {MONTHS[month].lower()} năm {year}", "thang",
                                    [Group("", docs)], intro=back, more_intro=back))
    if no_date:
        pages.update(paged_list(urls.UNDATED, "Văn bản chưa rõ ngày ban hành", "nam", [Group("", no_date)],
                                omit=(DATE,)))
    return pages


def type_pages(records: list[Record]) -> dict[str, str]:
    groups, src = types(records), urls.TYPE_INDEX
    pages = {src: front_matter("Loại văn bản", "chi-muc") + "".join(
        f"- {link(name, src, urls.type_page(name))} ({len(docs)})\n" for name, docs in groups.items())}
    for name, docs in groups.items():
        pages.update(paged_list(urls.type_page(name), name, "loai", [Group("", docs)], omit=(TYPE,)))
    return pages


def paged_list(src: str, title: str, kind: str, groups: list[Group], omit: tuple[str, ...] = (), intro: str = "",
               more_intro: str = "", level: int = 2, render_rows=None, index_label: str | None = None) -> dict[str, str]:
    """A list of documents (in groups under headings) on pages of at most listing.PAGE_SIZE rows:
    {src of each page: its Markdown}. `intro` opens the first page, `more_intro` the others; a
    group's heading links to meta["src"] when it has one. `render_rows(items, page)` renders a
    group's rows (default: listing.documents_table without the `omit` columns). With `index_label`,
    every page starts with a line of links to where each group begins (groups need an anchor)."""
    render_rows = render_rows or (lambda items, page: documents_table(items, page, omit))
    pages = paginate(groups)
    rows = sum(len(g.items) for g in groups)
    starts = {g.anchor: n for n, page_groups in enumerate(pages, 1) for g in page_groups if not g.continued}
    out = {}
    for number, page_groups in enumerate(pages, 1):
        page = urls.list_page(src, number)
        parts = [front_matter(page_title(title, number, len(pages)), kind), intro if number == 1 else more_intro]
        if index_label:
            parts.append(f"{index_label}: " + ", ".join(
                f"[{md(g.heading)}]({quote(urls.relative(page, urls.list_page(src, starts[g.anchor])))}#{g.anchor})"
                f" ({len(g.items)})"
                for g in groups) + ".\n\n")
        parts.append(pager(src, number, len(pages), rows))
        for group in page_groups:
            if group.heading:
                name = link(group.heading, page, group.meta["src"]) if group.meta.get("src") else md(group.heading)
                anchor = f" {{#{group.anchor}}}" if group.anchor and not group.continued else ""
                parts.append(f"\n{'#' * level} {name} ({group.count}{', tiếp theo' if group.continued else ''}){anchor}\n\n")
            parts.append(render_rows(group.items, page))
        if not page_groups:
            parts.append(documents_table([], page))
        parts.append(pager(src, number, len(pages), rows))
        out[page] = "".join(parts)
    return out


def missing_pages(missing: list[Missing]) -> dict[str, str]:
    """chua-co/: the documents cited but not held, grouped by type (the group with the most cited
    document first), most cited first, with the type, number, date and issuer the citations give;
    and one page per document listing who cites it."""
    src = urls.MISSING_INDEX
    intro = ("Các văn bản dưới đây được văn bản trong kho dẫn chiếu nhưng kho chưa có, xếp theo loại; "
             "văn bản được dẫn chiếu nhiều nhất đứng đầu: nên bổ sung trước. Ngày và cơ quan ban hành là "
             "những gì văn bản dẫn chiếu ghi.\n\n")
    by_type: dict[str, list[Missing]] = {}
    for m in missing:   # most cited first already (relations.build_relations)
        by_type.setdefault(citation_type(m.citation) or UNKNOWN_TYPE, []).append(m)
    # the group of the most cited document first; documents of no known type last
    groups = sorted((Group(name, items, anchor=slugify(name)) for name, items in by_type.items()),
                    key=lambda g: g.heading == UNKNOWN_TYPE)
    pages = paged_list(src, "Văn bản được dẫn chiếu nhưng chưa có trong kho", "chi-muc", groups, intro=intro,
                       render_rows=_missing_table, index_label="Theo loại") if groups else {
        src: front_matter("Văn bản được dẫn chiếu nhưng chưa có trong kho", "chi-muc") + intro
        + "_Không có văn bản nào._\n"}
    for m in missing:
        page = urls.missing_page(m.slug)
        heading = f"## Được dẫn chiếu bởi ({len(m.cited_by)})\n\n"
        pages.update(paged_list(page, f"{_missing_label(m)} (chưa có trong kho)", "chua-co",
                                [Group("", newest_first(m.cited_by))],
                                intro=f"Văn bản {citation_text(m.citation)} chưa có trong kho.\n\n" + heading,
                                more_intro=heading))
    return pages


def _missing_table(items: list[Missing], page: str) -> str:
    columns = ["so", "ngay", "co-quan", "dan-chieu"]
    rows = ([anchor(_missing_label(m), page, urls.missing_page(m.slug)), fmt_date(m.citation.ngay),
             text(citation_issuer(m.citation) or "Chưa rõ cơ quan"), str(len(m.cited_by))] for m in items)
    return html_block(table_html(["Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Số văn bản dẫn chiếu"], rows, columns))


def _missing_label(m: Missing) -> str:
    return m.citation.so_ky_hieu + (f" — {m.province}" if m.province else "")


def review_page(records: list[Record]) -> dict[str, str]:
    src, docs = urls.REVIEW, review(records)
    out = [front_matter("Văn bản cần xác minh", "chi-muc"),
           f"**{len(docs)}** văn bản có khóa `can_xac_minh`: bộ chuyển đổi đã suy ra hoặc không tìm thấy "
           "các thông tin này. Đối chiếu với bản gốc, sửa, rồi xóa khóa khỏi `can_xac_minh`.\n\n"]
    rows = []
    for r in docs:
        values = "; ".join(f"{text(k)}: {text(r.meta.get(k)) if r.meta.get(k) not in (None, '') else '(trống)'}"
                           for k in r.review_keys)
        rows.append([anchor(r.title, src, r.src_uri), ", ".join(text(k) for k in r.review_keys), values])
    out.append(table(["Văn bản", "Cần kiểm tra", "Giá trị hiện tại"], rows or [["", "", ""]]))
    return {src: "".join(out)}


def home_page(records: list[Record], agency_count: int, relations: Relations,
              statuses: dict[str, ForceStatus] | None = None) -> dict[str, str]:
    src = urls.HOME
    dated = [r for r in records if r.date]
    years = sorted({r.year for r in dated})
    years_text = "—" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    out = [front_matter("Trang chủ", "trang-chu"),
           "Kho lưu trữ công khai các văn bản chỉ đạo của Đảng và Nhà nước: chỉ thị, công văn, "
           "kết luận, thông báo, điện, nghị quyết...\n\n",
           f'<div class="kho-counts" markdown>\n\n**{len(records)}** văn bản · **{agency_count}** cơ quan ban hành · '
           f"năm {md(years_text)} · **{len(relations.missing)}** văn bản được dẫn chiếu nhưng chưa có\n\n</div>\n\n",
           "## Tra cứu\n\n",
           f"- {link('Tìm kiếm: số ký hiệu, người ký, nội dung', src, urls.SEARCH)}\n",
           f"- {link('Theo cơ quan ban hành', src, urls.AGENCY_INDEX)}\n",
           f"- {link('Theo thời gian (năm, tháng)', src, urls.YEAR_INDEX)}\n",
           f"- {link('Theo loại văn bản', src, urls.TYPE_INDEX)}\n",
           f"- {link('Văn bản được dẫn chiếu nhưng chưa có trong kho', src, urls.MISSING_INDEX)}\n\n",
           "## Văn bản mới nhất\n\n", documents_table(newest_first(records)[:NEWEST], src)]
    out.append(_status_changes(records, statuses or {}, src))
    return {src: "".join(out)}


def _status_changes(records: list[Record], statuses: dict[str, ForceStatus], src: str) -> str:
    """The documents whose force ended or changed most recently, with what ended it."""
    changed = latest_changes(records, statuses, NEWEST) if statuses else []
    if not changed:
        return ""
    rows = []
    for r in changed:
        force = statuses[r.src_uri]
        basis = (anchor(f"bị {force.ending.verb} bởi {force.ending.record.so_ky_hieu or force.ending.record.title}", src,
                        force.ending.record.src_uri) if force.ending and not force.stated
                 else text(force.basis or "văn thư ghi"))
        rows.append([anchor(r.title, src, r.src_uri), text(force.status.label), basis, fmt_date(force.changed)])
    return ("\n## Thay đổi hiệu lực mới nhất\n\n"
            + table(["Văn bản", "Tình trạng", "Theo", "Ngày"], rows, "kho-thay-doi-hieu-luc"))


def keys_page() -> dict[str, str]:
    """The meaning of every front-matter key, straight from vanban.schema.FIELDS."""
    src = urls.KEYS
    rows = ["| Khóa | Tên gọi | Bắt buộc | Kiểu | Cách ghi |", "|---|---|---|---|---|"]
    for f in FIELDS:
        required = "có" if f.required else "không"
        if f.required and f.nullable:
            required = "có (được null)"
        rows.append(f"| `{f.key}` | {md(f.label)} | {required} | {KINDS.get(f.kind, f.kind)} | {md(f.help or '—')} |")
    return {src: front_matter("Ý nghĩa các khóa", "huong-dan")
            + "Các khóa của phần khai báo đầu trang; bảng này lấy từ lược đồ dùng để kiểm tra.\n\n"
            + "\n".join(rows) + "\n"}


KINDS = {"str": "chuỗi", "bool": "true hoặc false", "date": "ngày YYYY-MM-DD", "datetime": "ngày giờ", "list": "danh sách",
         "citations": "danh sách văn bản", "object": "nhóm khóa", "slug": "đường dẫn",
         "paths": "danh sách đường dẫn", "date_any": "ngày YYYY-MM-DD (được sau hôm nay)",
         "status": "một tình trạng trong danh mục", "files": "tên tệp hoặc danh sách tên tệp"}


def ambiguous_pages(entries) -> dict[str, str]:
    """One short page per number cited ambiguously: the held documents it may mean."""
    pages = {}
    for entry in entries:
        page = urls.ambiguous_page(entry.slug)
        shown = entry.candidates[:MAX_CANDIDATES]
        more = len(entry.candidates) - len(shown)
        pages[page] = (front_matter(f"{entry.so_ky_hieu} (chưa xác định được văn bản)", "chua-ro")
                       + f"Có **{entry.cited_by}** văn bản trong kho dẫn chiếu số {md(entry.so_ky_hieu)} "
                       "nhưng không ghi đủ cơ quan ban hành, địa phương hoặc ngày để biết là văn bản nào. "
                       f"Trong kho có **{len(entry.candidates)}** văn bản cùng số ký hiệu:\n\n"
                       + documents_table(shown, page)
                       + (f"\n… và {more} văn bản khác cùng số ký hiệu.\n" if more else ""))
    return pages
