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
from .catalog import Catalog, Record, build_catalog, page_body
from .diagram import SLOT, agency_citations, agency_diagram_html, diagram_html
from .document_parts import original_links, panel_entries, relations_section, status_banner
from .indexes import Agency, agencies
from .originals import Original, find_originals
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

    def page_source(self, src_uri: str, text: str) -> str | None:
        """What MkDocs is given to read of a document page: its body alone, since the catalog
        parsed the front matter already (page_meta gives it back); None for other pages."""
        body = page_body(text) if src_uri in self.by_src else None
        # A blank first line: MkDocs then looks for no "key: value" metadata in the body.
        return None if body is None else "\n" + body

    def page_meta(self, src_uri: str) -> dict | None:
        """A copy of a document's front matter as the catalog read it (dates as text)."""
        record = self.by_src.get(src_uri)
        if record is None:
            return None
        # The status the build settled on, for the search filter (hooks/search_index.py reads page.meta);
        # always the archive's value, never one a page wrote under this name.
        return dict(record.meta, kho_hieu_luc=self.statuses[src_uri].status.label)

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


def build_archive(page_texts, locate=None) -> Archive:
    """page_texts: iterable of (src_uri, text) for every Markdown page of docs/; locate: docs-relative
    path -> path on disk of another file of docs/ (the originals pages declare), or None."""
    catalog = build_catalog(page_texts)
    addresses = plan_addresses(catalog.records)
    urls.use_document_addresses(addresses.moved)  # every link below goes to the new addresses
    agency_list = agencies(catalog.records)
    relations = build_relations(catalog.records)
    originals = find_originals(catalog.records, locate or (lambda _: None))
    return Archive(catalog, relations, agency_list,
                   {r.src_uri: r for r in catalog.records},
                   {a.key: agency_page(a.slug) for a in agency_list}, addresses, ambiguous_symbols(relations),
                   derive_statuses(catalog.records, relations), originals)


_current: Archive | None = None


def reset() -> None:
    global _current
    _current = None


def load(page_texts, locate=None) -> Archive:
    global _current
    _current = build_archive(page_texts, locate)
    return _current


def current() -> Archive | None:
    return _current
