"""One build of the archive: catalog + relations + indexes, and the generated pages.

The MkDocs hooks share this state through `current()`; `reset()` starts a new
build so that `mkdocs serve` recomputes everything after an edit.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import pages, urls
from .addresses import Addresses, plan_addresses
from .ambiguous import Ambiguous, ambiguous_symbols
from .body_links import link_citations, place_links
from ..schema import FIELD_BY_KEY, SITE_PAGE_KEYS
from .catalog import Catalog, Record, build_catalog, page_body, split_front_matter
from .filepolicy import refused_files
from .diagram import SLOT, agency_citations, agency_diagram_html, diagram_html
from .document_parts import original_links, panel_entries, relations_section, status_banner
from .indexes import Agency, agencies
from .originals import Original, declared_files, find_originals, published_files
from .relations import Relations, build_relations
from .render import document_page
from .status import ForceStatus, derive_statuses
from .structured_data import json_ld_script
from .urls import agency_page


@dataclass
class Archive:
    catalog: Catalog
    relations: Relations
    agencies: list[Agency]
    by_src: dict[str, Record]
    agency_src: dict[str, str]   # agency_key -> its page
    addresses: Addresses         # documents moved by their slug, redirects from old addresses
    ambiguous: dict[str, Ambiguous]  # symbol_key -> numbers cited ambiguously
    statuses: dict[str, ForceStatus]   # src_uri -> status of legal force (vanban/archive/status.py)
    originals: dict[str, list[Original]]  # src_uri -> its original files that exist (ban_goc)

    def generated_pages(self, with_home: bool = True) -> dict[str, str]:
        """src_uri -> Markdown of every virtual page."""
        records = self.catalog.records
        result = {}
        if with_home:
            result.update(pages.home_page(records, sum(1 for a in self.agencies if a.body), self.relations,
                                          self.statuses))
        by_key = {a.key: a for a in self.agencies}
        counts = agency_citations(self.relations, self.by_src)
        result.update(pages.agency_pages(self.agencies, records, {
            a.key: agency_diagram_html(a, counts.get(a.key), by_key) for a in self.agencies}))
        result.update(pages.date_pages(records))
        result.update(pages.type_pages(records))
        result.update(pages.missing_pages(self.relations.missing))
        result.update(pages.ambiguous_pages(self.ambiguous.values()))
        result.update(pages.review_page(records))
        result.update(pages.keys_page())
        return result

    def page_source(self, src_uri: str, text: str) -> str:
        """What MkDocs is given to read of any page: its body alone. Its front matter was read by
        the one loader (frontmatter.py) and page_meta gives it back, so MkDocs' own YAML reading,
        which shows a front matter it cannot read as Markdown, never runs."""
        if src_uri in self.catalog.unreadable:   # refused: hooks/archive.py removed it, MkDocs shows nothing of it
            return "\n"
        if src_uri not in self.by_src and src_uri not in self.catalog.site_meta:
            self._read_generated(src_uri, text)
        body = page_body(text)
        # A blank first line: MkDocs then looks for no "key: value" metadata in the body.
        return "\n" + (text if body is None else body)

    def _read_generated(self, src_uri: str, text: str) -> None:
        """A page the hooks made (generated_pages): its front matter is ours, so a refusal is a bug."""
        meta, _, problem = split_front_matter(text)
        if problem and page_body(text) is not None:
            raise ValueError(f"{src_uri}: {problem.format(src_uri)}")
        self.catalog.site_meta[src_uri] = {k: v for k, v in (meta or {}).items() if k in SITE_PAGE_KEYS}

    def page_meta(self, src_uri: str) -> dict | None:
        """What the theme may read of a page's front matter: a document's schema keys (dates as
        text), another page's SITE_PAGE_KEYS. Never `template`, `author` or any other key the
        theme would print raw."""
        record = self.by_src.get(src_uri)
        if record is not None:
            meta = {key: value for key, value in record.meta.items() if key in FIELD_BY_KEY}
            # The status the build settled on, for the search filter (hooks/search_index.py reads page.meta);
            # always the archive's value, never one a page wrote under this name.
            meta["kho_hieu_luc"] = self.statuses[src_uri].status.label
            return meta
        meta = self.catalog.site_meta.get(src_uri)
        return dict(meta) if meta is not None else None

    def document_markdown(self, src_uri: str, markdown: str) -> str | None:
        """The Markdown MkDocs renders of a document page, its body with the citations marked
        (body_links.py), or None when src_uri is not a document."""
        record = self.by_src.get(src_uri)
        if record is None:
            return None
        return link_citations(markdown, src_uri, self.relations.outgoing.get(src_uri, []), self.ambiguous,
                              record.mentions).strip()

    def document_html(self, src_uri: str, body_html: str) -> str | None:
        """A document page's content around its rendered body (the citations it marked made links),
        with the diagram's slot; None when src_uri is not a document."""
        record = self.by_src.get(src_uri)
        if record is None:
            return None
        links = self.relations.outgoing.get(src_uri, [])
        force, originals = self.statuses[src_uri], self.originals.get(src_uri, [])
        return document_page(record, place_links(body_html, src_uri, links, self.ambiguous),
                             self.agency_src.get(record.agency_key or ""),
                             head=status_banner(record, force) + original_links(record, originals),
                             panel_extra=panel_entries(record, force, originals),
                             relations=relations_section(record, links, self.relations.incoming.get(src_uri, []),
                                                         self.relations, SLOT))

    def with_diagram(self, src_uri: str, output: str) -> str:
        """The written page with its citation diagram in the slot document_html left."""
        record = self.by_src.get(src_uri)
        at = output.rfind(SLOT) if record else -1   # the last: the body before it is the document's own
        if at < 0:
            return output
        return output[:at] + diagram_html(record, self.relations, self.ambiguous) + output[at + len(SLOT):]

    def json_ld(self, src_uri: str, site_url: str | None = None) -> str | None:
        """The page's schema.org Legislation script element, or None when it is not a document."""
        record = self.by_src.get(src_uri)
        if record is None:
            return None
        return json_ld_script(record, self.relations.outgoing.get(src_uri, []), site_url, self.statuses[src_uri],
                              self.originals.get(src_uri, []))


def build_archive(page_texts, files=(), locate=None) -> Archive:
    """page_texts: iterable of (src_uri, text) for every Markdown page of docs/; files: (src_uri,
    is a symbolic link) of every file of docs/, for the file policy (filepolicy.py). A page that
    is a link is never read. locate: docs-relative path -> path on disk of another file of docs/
    (the originals pages declare), or None."""
    files = list(files)
    links = {src_uri for src_uri, is_link in files if is_link}
    catalog = build_catalog((src_uri, text) for src_uri, text in page_texts if src_uri not in links)
    declared = declared_files(catalog.records)
    for src_uri, problem in refused_files(files, declared):
        catalog.refuse(src_uri, [problem])
    addresses = plan_addresses(catalog.records)
    urls.use_document_addresses(addresses.moved)  # every link below goes to the new addresses
    agency_list = agencies(catalog.records)
    relations = build_relations(catalog.records)
    originals = find_originals(catalog.records, locate or (lambda _: None))
    on_disk = {src_uri for src_uri, _ in files}
    for src_uri in sorted(declared & on_disk - published_files(originals)):
        catalog.refuse(src_uri, [])   # an original with an error (its page's ban_goc names it) is not published at all
    return Archive(catalog, relations, agency_list,
                   {r.src_uri: r for r in catalog.records},
                   {a.key: agency_page(a.slug) for a in agency_list}, addresses, ambiguous_symbols(relations),
                   derive_statuses(catalog.records, relations), originals)


_current: Archive | None = None


def reset() -> None:
    global _current
    _current = None


def load(page_texts, files=(), locate=None) -> Archive:
    global _current
    _current = build_archive(page_texts, files, locate)
    return _current


def current() -> Archive | None:
    return _current
