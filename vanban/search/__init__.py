"""Search: what Pagefind indexes for each document, and the finishing pass over its bundle.

The pipeline, in the order a build runs it (hooks/search_index.py drives it):

1. `text`   — what the index reads beyond the visible page: the distinct words
              of a document's text, their đ→d folded forms (Pagefind folds
              tones but not đ), and the query folding the browser mirrors.
   `fields` — the fields a document is found by (number, signer, subject,
              details, the numbers it cites), each a block of its own weight.
   `facets` — the search page's filters, one entry each.
2. `record` — one small search record per document, built as its page is
              rendered: its body's words, then its fields; and one per number
              cited but not held, shown as a "Chưa có trong kho" card.
3. `bundle` — `Spool` writes the records to disk in batches; Pagefind's CLI
              indexes each batch; `Merger` merges the batch bundles into one
              and rewrites it for size and byte-stable output.
4. `chunks` — the merge of the batches' index chunks, word by word, straight
              from their CBOR bytes.
   `pairs`  — the adjacent-word-pair index a quoted phrase is checked against:
              each record's pair hashes, written in shards of page lists.
5. `cbor`   — the CBOR subset Pagefind 1.5 writes, read and re-encoded.
6. `verify` — reads a bundle back: everything the entry file and page list
              reference exists and decodes, and which pages hold a word
              (tests compare Pagefind's own bundle with the finished one).

docs/assets/javascripts/search-engine.js is the browser half: it folds the
query as `text.fold_query` does and reads the bundle as `bundle` leaves it
(Pagefind's own runtime is not used); search-page.js and search.js draw the
search page and the header box.
"""
