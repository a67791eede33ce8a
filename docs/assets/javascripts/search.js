/* Kho văn bản chỉ đạo: search over the Pagefind index (issue 4).
 *
 * The header box shows instant results; the page tim-kiem/ adds filters with
 * counts and sorting. Every query goes through foldQuery, the browser twin of
 * vanban/search/text.py fold_query (both are tested against
 * tests/fixtures/search_fold_cases.json).
 */
(function () {
  "use strict";

  var HEADER_RESULTS = 8;
  var PAGE_SIZE = 10;  /* each result fetches one small fragment */
  var FILTERS = [
    ["co_quan_ban_hanh", "Cơ quan ban hành"],
    ["loai_van_ban", "Loại văn bản"],
    ["nam", "Năm"],
    ["hieu_luc", "Hiệu lực"]   /* status of legal force: vanban/search/record.py FACETS */
  ];
  var UNKNOWN_YEAR = "Không rõ năm";

  /* This file lives at <site>/assets/javascripts/search.js, so the site root
     is two levels up from it: right at "/" and under any sub-path. */
  var ROOT = new URL("../../", document.currentScript.src);

  function foldQuery(text) {
    return String(text || "")
      .normalize("NFC")
      .replace(/[\u00D0\u0110]/g, "D")
      .replace(/[\u00F0\u0111]/g, "d")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .normalize("NFC")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  }

  function escapeHtml(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
  }

  /* The index (vanban/search/bundle.py) numbers documents newest first and
     names page k "<k in base 36>_<tag>"; kho-facets.json gives each page's
     filter values. So sorting, filtering and counting need no download beyond
     that file, and browsing without a query needs no Pagefind at all. */
  var pagefindPromise = null;
  function loadPagefind() {
    if (!pagefindPromise) {
      pagefindPromise = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
        /* termSimilarity: "lua" should rank Lụa above the prefix match "luận".
           noWorker: the worker script would be one more download of Pagefind's code. */
        return pf.options({ baseUrl: ROOT.pathname, noWorker: true, ranking: { termSimilarity: 10 } })
          .then(function () { return pf; });
      });
    }
    return pagefindPromise;
  }

  var facetsPromise = null;
  function loadFacets() {
    if (!facetsPromise) {
      facetsPromise = fetch(new URL("pagefind/kho-facets.json", ROOT).href, { cache: "no-cache" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
      facetsPromise.catch(function () { facetsPromise = null; });
    }
    return facetsPromise;
  }

  function pageNumber(id) { return parseInt(String(id).split("_")[0], 36); }
  /* Index of page n's value in field.values (vanban/search/bundle.py CODE_BASE). */
  function valueOf(field, n) { return field.values[field.codes.charCodeAt(n) - 0x30]; }

  /* ---- phrases: "…" in a query must appear as written (tones, ủy/uỷ and đ/d folded) ----
     The index keeps no word positions (vanban/search/bundle.py: they were most of
     the bytes a query downloads), so Pagefind finds the documents holding every
     word and the browser checks the phrase in each result's own text: the
     fragment it downloads anyway carries the visible text excerpts quote. */
  var QUOTES = /["\u201C\u201D\u201E]([^"\u201C\u201D\u201E]*)["\u201C\u201D\u201E]?/g;
  var PHRASE_CHECKS = 16;  /* fragments checked per query, ~3.2 KB gzipped each: 30 made a 10,000-document flow 331 KB */

  function words(text) {
    return foldQuery(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ");
  }

  /* {text: what Pagefind searches, phrases: folded word sequences to check}; the
     twin of vanban/search/text.py split_query (tests/fixtures/search_phrase_cases.json). */
  function splitQuery(query) {
    var phrases = [];
    var text = String(query || "").replace(QUOTES, function (_, inner) {
      var phrase = words(inner);
      if (phrase.indexOf(" ") > 0) phrases.push(phrase);
      return " " + inner + " ";
    });
    return { text: foldQuery(text), phrases: phrases };
  }

  /* true / false, or null when the phrase may sit past the text the fragment carries. */
  function holdsPhrases(doc, phrases) {
    var content = String(doc.content || "");
    var hay = " " + words([doc.meta.title, doc.meta.trich_yeu, content].join(" ")) + " ";
    var missing = phrases.some(function (p) { return hay.indexOf(" " + p + " ") < 0; });
    if (!missing) return true;
    return /\s\u2026$/.test(content) ? null : false;  /* cut excerpt: bundle.py's " …" */
  }

  /* Check the phrases in `numbers`, best first, `want` fragments at a time until `want`
     hold them or PHRASE_CHECKS were read (the header box wants one screen; the page
     wants every candidate it can afford). {numbers: those that hold them, checked,
     unsure: cut texts without the phrase, total}. */
  function checkPhrases(numbers, tag, phrases, want) {
    var check = { numbers: [], checked: 0, unsure: 0, total: numbers.length };
    want = want || PHRASE_CHECKS;
    function next() {
      var size = Math.min(want, PHRASE_CHECKS - check.checked);
      var batch = numbers.slice(check.checked, check.checked + size);
      if (!batch.length || check.numbers.length >= want) return Promise.resolve(check);
      return loadDocs(batch, tag).then(function (items) {
        items.forEach(function (doc, i) {
          var holds = holdsPhrases(doc, phrases);
          if (holds) check.numbers.push(batch[i]);
          else if (holds === null) check.unsure++;
        });
        check.checked += batch.length;
        return next();
      });
    }
    return next();
  }

  /* What a reader must know when a phrase could not be checked everywhere. */
  function phraseNote(check) {
    if (!check) return "";
    var notes = [];
    if (check.total > check.checked) {
      notes.push("cụm từ trong ngoặc kép mới được kiểm tra ở " + check.checked + " trong " + check.total +
        " văn bản có đủ các từ; " + (check.total - check.checked) + " văn bản còn lại chưa kiểm tra được" +
        " (thêm từ hoặc bộ lọc để thu hẹp)");
    }
    if (check.unsure) {
      notes.push(check.unsure + " văn bản dài có đủ các từ nhưng không kiểm tra được cụm từ ở phần sau của văn bản");
    }
    return notes.length ? "Lưu ý: " + notes.join("; ") + "." : "";
  }

  /* Page numbers matching the query, best first, and the build tag of their ids. */
  function runSearch(query) {
    return loadPagefind().then(function (pf) {
      return pf.search(splitQuery(query).text);
    }).then(function (search) {
      var first = search.results[0];
      return {
        numbers: search.results.map(function (r) { return pageNumber(r.id); }),
        tag: first ? String(first.id).split("_")[1] : ""
      };
    });
  }

  var docs = {};
  /* A result's fragment: Pagefind's file format, gzip after a 12-byte signature. */
  function loadDoc(number, tag) {
    var id = number.toString(36) + "_" + tag;
    if (!docs[id]) {
      docs[id] = fetch(new URL("pagefind/fragment/" + id + ".pf_fragment", ROOT).href).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
      }).then(function (buffer) {
        var doc = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer).subarray(12)));
        doc.url = new URL(doc.url.replace(/^\//, ""), ROOT).href;
        return doc;
      });
    }
    return docs[id];
  }

  function loadDocs(numbers, tag) {
    return Promise.all(numbers.map(function (n) { return loadDoc(n, tag); }));
  }

  /* ---- excerpts: the visible text around the most query terms, hits marked ---- */

  var EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

  function termIndex(word, terms) {
    var folded = foldQuery(word).replace(EDGE, "");
    if (!folded) return -1;
    var parts = [folded].concat(folded.split(/[^\p{L}\p{N}]+/u));
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i].replace(EDGE, "");
      if (!term) continue;
      var last = i === terms.length - 1 && term.length >= 3;
      for (var j = 0; j < parts.length; j++) {
        if (parts[j] === term || (last && parts[j].indexOf(term) === 0)) return i;
      }
    }
    return -1;
  }

  function excerptHtml(content, query, size) {
    size = size || 32;
    var words = String(content || "").split(/\s+/).filter(Boolean);
    var terms = splitQuery(query).text.split(" ").filter(Boolean);
    var hits = words.map(function (w) { return terms.length ? termIndex(w, terms) : -1; });
    var best = 0, bestScore = -1;
    for (var start = 0; start < Math.max(1, words.length - size + 1); start++) {
      var seen = {}, distinct = 0, total = 0;
      for (var k = start; k < Math.min(words.length, start + size); k++) {
        if (hits[k] < 0) continue;
        total++;
        if (!seen[hits[k]]) { seen[hits[k]] = true; distinct++; }
      }
      var score = distinct * 1000 + total;
      if (score > bestScore) { bestScore = score; best = start; }
    }
    /* Start a few words before the first hit so it reads in context. */
    var first = hits.slice(best, best + size).findIndex(function (h) { return h >= 0; });
    if (first > 4) best = Math.min(best + first - 4, Math.max(0, words.length - size));
    var end = Math.min(words.length, best + size);
    var html = words.slice(best, end).map(function (w, i) {
      return hits[best + i] >= 0 ? "<mark>" + escapeHtml(w) + "</mark>" : escapeHtml(w);
    }).join(" ");
    return (best > 0 ? "… " : "") + html + (end < words.length ? " …" : "");
  }

  function metaLine(meta) {
    return [meta.so_ky_hieu, meta.loai, formatDate(meta.ngay), meta.co_quan]
      .filter(Boolean).map(escapeHtml).join(" · ");
  }

  /* ---- header box: instant results ---- */

  function setupHeader() {
    var box = document.querySelector("[data-kho-search]");
    if (!box || box.dataset.khoReady) return;
    box.dataset.khoReady = "1";
    var input = box.querySelector("[data-kho-search-input]");
    var result = box.querySelector("[data-kho-search-result]");
    var meta = result.querySelector(".md-search-result__meta");
    var list = result.querySelector(".md-search-result__list");
    var toggle = document.getElementById("__search");
    var form = input.form;
    var initial = meta.textContent;
    var sequence = 0;
    var timer = null;

    function open() { if (toggle && !toggle.checked) toggle.checked = true; }
    function close() { if (toggle) toggle.checked = false; input.blur(); }

    function render(query, count, items, check) {
      /* One short line here; the search page says in full what could not be checked. */
      var partial = check && (check.checked < check.total || check.unsure);
      var counted = partial ? "Có ít nhất " + count + " văn bản có đúng cụm từ (đã kiểm tra " + check.checked +
        "/" + check.total + " văn bản có đủ các từ)" : "Tìm thấy " + count + " văn bản";
      meta.textContent = count ? counted : partial ? "Chưa thấy văn bản có đúng cụm từ trong " + check.checked +
        "/" + check.total + " văn bản có đủ các từ" : "Không tìm thấy văn bản nào";
      var html = items.map(function (d) {
        return '<li class="md-search-result__item kho-result">' +
          '<a href="' + escapeHtml(d.url) + '" class="md-search-result__link kho-result__link" tabindex="-1">' +
          '<article class="md-search-result__article md-typeset">' +
          '<div class="md-search-result__icon md-icon"></div>' +
          "<h1>" + escapeHtml(d.meta.title) + "</h1>" +
          '<p class="kho-result__meta">' + metaLine(d.meta) + "</p>" +
          '<p class="kho-result__excerpt">' + excerptHtml(d.content, query, 24) + "</p>" +
          "</article></a></li>";
      });
      if (count) {
        var all = new URL("tim-kiem/", ROOT);
        all.searchParams.set("q", query);
        html.push('<li class="md-search-result__item"><a class="md-search-result__link kho-result__all" tabindex="-1" href="' +
          escapeHtml(all.href) + '"><article class="md-search-result__article md-typeset"><p>Xem tất cả ' +
          count + " kết quả, lọc theo cơ quan, loại, năm →</p></article></a></li>");
      }
      list.innerHTML = html.join("");
      result.dataset.state = "done";
    }

    function update() {
      var query = input.value;
      var mine = ++sequence;
      if (!foldQuery(query)) { meta.textContent = initial; list.innerHTML = ""; result.dataset.state = ""; return; }
      meta.textContent = "Đang tìm…";
      result.dataset.state = "loading";
      var phrases = splitQuery(query).phrases;
      runSearch(query).then(function (found) {
        var checked = phrases.length ? checkPhrases(found.numbers, found.tag, phrases, HEADER_RESULTS)
          : Promise.resolve(null);
        return checked.then(function (check) {
          var numbers = check ? check.numbers : found.numbers;
          return loadDocs(numbers.slice(0, HEADER_RESULTS), found.tag).then(function (items) {
            if (mine === sequence) render(query, numbers.length, items, check);
          });
        });
      }).catch(function () {
        if (mine === sequence) meta.textContent = "Không tải được chỉ mục tìm kiếm";
      });
    }

    input.addEventListener("focus", function () { open(); loadPagefind(); });
    input.addEventListener("input", function () {
      open();
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { update(); input.focus(); }, 0);
    });
    form.addEventListener("submit", function (event) {
      if (!foldQuery(input.value)) event.preventDefault();
    });
    box.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") { close(); }
      else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!links.length) return;
        event.preventDefault();
        var next = event.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) input.focus(); else links[Math.min(next, links.length - 1)].focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey &&
          (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
        input.focus();
      }
    });
  }

  /* ---- the search page: filters with counts, sorting, more results ---- */

  function readState() {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get("q") || "", sort: params.get("sap_xep") || "", filters: {} };
    FILTERS.forEach(function (f) { state.filters[f[0]] = params.getAll(f[0]); });
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.sort) params.set("sap_xep", state.sort);
    FILTERS.forEach(function (f) { state.filters[f[0]].forEach(function (v) { params.append(f[0], v); }); });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  /* Does page n pass every chosen filter, except those of group `skip`? */
  function passes(facets, state, n, skip) {
    return FILTERS.every(function (f) {
      var chosen = state.filters[f[0]], field = facets.fields[f[0]];
      return f[0] === skip || !chosen.length || chosen.indexOf(valueOf(field, n)) >= 0;
    });
  }

  /* Counts for group G: pages under the other groups' choices, split by G's values. */
  function filterCounts(facets, state, numbers) {
    var counts = {};
    FILTERS.forEach(function (f) {
      var field = facets.fields[f[0]], c = counts[f[0]] = {};
      numbers.forEach(function (n) {
        if (passes(facets, state, n, f[0])) {
          var v = valueOf(field, n);
          c[v] = (c[v] || 0) + 1;
        }
      });
    });
    return counts;
  }

  /* Page numbers run newest first; undated documents stay last either way. */
  function sortByDate(facets, numbers, oldestFirst) {
    var year = facets.fields.nam;
    var undated = function (n) { return valueOf(year, n) === UNKNOWN_YEAR ? 1 : 0; };
    return numbers.slice().sort(function (a, b) {
      return (undated(a) - undated(b)) || (oldestFirst ? b - a : a - b);
    });
  }

  function pageResults(state) {
    var query = foldQuery(state.q), phrases = splitQuery(state.q).phrases;
    return Promise.all([loadFacets(), query ? runSearch(query) : null]).then(function (both) {
      var facets = both[0], numbers = both[1] && both[1].numbers;
      if (!numbers) numbers = Array.from({ length: facets.pages }, function (_, i) { return i; });
      if (state.sort === "moi-nhat" || state.sort === "cu-nhat" || (!state.sort && !query)) {
        numbers = sortByDate(facets, numbers, state.sort === "cu-nhat");
      }
      var chosen = numbers.filter(function (n) { return passes(facets, state, n, null); });
      var found = { tag: facets.tag, numbers: chosen, counts: filterCounts(facets, state, numbers), check: null };
      if (!phrases.length) return found;
      return checkPhrases(chosen, facets.tag, phrases).then(function (check) {
        found.check = check;
        found.numbers = check.numbers;
        /* Filter counts are of the documents holding the phrase when every candidate
           was checked and no filter narrowed them; otherwise of those holding every word. */
        var unfiltered = chosen.length === numbers.length;
        if (check.checked === check.total && unfiltered) found.counts = filterCounts(facets, state, check.numbers);
        return found;
      });
    });
  }

  function sortedValues(name, counts) {
    var values = Object.keys(counts || {});
    return values.sort(function (a, b) {
      if (name === "nam") return (/^\d/.test(b) - /^\d/.test(a)) || b.localeCompare(a);
      return (counts[b] - counts[a]) || a.localeCompare(b, "vi");
    });
  }

  function setupPage() {
    var root = document.getElementById("kho-tim-kiem");
    if (!root || root.dataset.khoReady) return;
    root.dataset.khoReady = "1";
    var state = readState();
    root.innerHTML =
      '<form class="kho-page__form" role="search">' +
      '<input type="search" name="q" class="kho-page__input md-typeset" placeholder="Số ký hiệu, tên người ký, nội dung… (có dấu hoặc không dấu)" aria-label="Từ khóa tìm kiếm" autocomplete="off">' +
      '<button type="submit" class="md-button md-button--primary">Tìm</button></form>' +
      '<div class="kho-page__layout">' +
      '<aside class="kho-page__filters" aria-label="Bộ lọc"></aside>' +
      '<section class="kho-page__results">' +
      '<div class="kho-page__bar"><p class="kho-page__summary" aria-live="polite">Đang tải chỉ mục…</p>' +
      '<label class="kho-page__sort">Sắp xếp: <select name="sap_xep">' +
      '<option value="">Tự động</option><option value="lien-quan">Phù hợp nhất</option>' +
      '<option value="moi-nhat">Mới nhất trước</option><option value="cu-nhat">Cũ nhất trước</option>' +
      "</select></label></div>" +
      '<ol class="kho-page__list"></ol>' +
      '<button type="button" class="md-button kho-page__more" hidden>Xem thêm kết quả</button>' +
      "</section></div>";
    var input = root.querySelector(".kho-page__input");
    var select = root.querySelector("select");
    var aside = root.querySelector(".kho-page__filters");
    var summary = root.querySelector(".kho-page__summary");
    var list = root.querySelector(".kho-page__list");
    var more = root.querySelector(".kho-page__more");
    input.value = state.q;
    select.value = state.sort;
    var sequence = 0, timer = null, current = null, currentTag = "", shown = 0;

    function renderFilters(allCounts) {
      aside.innerHTML = FILTERS.map(function (f) {
        var name = f[0], counts = allCounts[name] || {};
        var chosen = state.filters[name];
        var values = sortedValues(name, counts).filter(function (v) {
          return counts[v] > 0 || chosen.indexOf(v) >= 0;
        });
        var items = values.map(function (v) {
          return '<li><label><input type="checkbox" data-filter="' + escapeHtml(name) + '" value="' +
            escapeHtml(v) + '"' + (chosen.indexOf(v) >= 0 ? " checked" : "") + "> " +
            '<span class="kho-filter__name">' + escapeHtml(v) + '</span> <span class="kho-filter__count">' +
            (counts[v] || 0) + "</span></label></li>";
        }).join("");
        return '<fieldset class="kho-filter"><legend>' + escapeHtml(f[1]) + "</legend>" +
          (items ? "<ul>" + items + "</ul>" : '<p class="kho-filter__empty">Không có</p>') + "</fieldset>";
      }).join("");
    }

    function renderMore(query) {
      var mine = sequence, batch = current.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      more.hidden = shown >= current.length;
      return loadDocs(batch, currentTag).then(function (items) {
        if (mine !== sequence) return;
        root.dataset.state = "done";
        list.insertAdjacentHTML("beforeend", items.map(function (d) {
          return '<li class="kho-result"><a class="kho-result__link" href="' + escapeHtml(d.url) + '">' +
            escapeHtml(d.meta.title) + "</a>" +
            '<p class="kho-result__meta">' + metaLine(d.meta) + "</p>" +
            '<p class="kho-result__excerpt">' + excerptHtml(d.content, query) + "</p></li>";
        }).join(""));
      });
    }

    function update() {
      var mine = ++sequence;
      writeState(state);
      root.dataset.state = "loading";
      summary.textContent = "Đang tìm…";
      pageResults(state).then(function (found) {
        if (mine !== sequence) return;
        current = found.numbers;
        currentTag = found.tag;
        shown = 0;
        list.innerHTML = "";
        var count = current.length;
        var where = foldQuery(state.q) ? " cho “" + state.q + "”" : "";
        var note = phraseNote(found.check);
        var counted = note ? "Có ít nhất " + count + " văn bản" : "Tìm thấy " + count + " văn bản";
        summary.textContent = (count ? counted + where : "Không tìm thấy văn bản nào" + where) + (note ? ". " + note : "");
        renderFilters(found.counts);
        if (!count) { root.dataset.state = "done"; more.hidden = true; return; }
        return renderMore(state.q);
      }).catch(function () {
        if (mine === sequence) { summary.textContent = "Không tải được chỉ mục tìm kiếm"; root.dataset.state = "error"; }
      });
    }

    root.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      state.q = input.value;
      update();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = input.value; update(); }, 200);
    });
    select.addEventListener("change", function () { state.sort = select.value; update(); });
    aside.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.dataset || !box.dataset.filter) return;
      var values = state.filters[box.dataset.filter];
      var at = values.indexOf(box.value);
      if (box.checked && at < 0) values.push(box.value);
      if (!box.checked && at >= 0) values.splice(at, 1);
      update();
    });
    more.addEventListener("click", function () { renderMore(state.q); });
    update();
  }

  function setup() { setupHeader(); setupPage(); }

  /* Material's instant navigation swaps pages without reloading scripts. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }

  window.khoSearch = { foldQuery: foldQuery, splitQuery: splitQuery, holdsPhrases: holdsPhrases, phraseNote: phraseNote,
                      excerptHtml: excerptHtml, root: ROOT.href };
})();
