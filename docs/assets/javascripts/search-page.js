/* Kho văn bản chỉ đạo: how results read, and the search page tim-kiem/ (issue 18).
 *
 * The header box (search.js) and this page show results the same way: a
 * "Chưa có trong kho" card for a number cited but not held, then documents
 * with their number, type, date and issuer and an excerpt with the query's
 * words marked. The page adds the fields of an advanced search, filters drawn
 * from whatever facets kho-facets.json lists (vanban/search/facets.py), a date
 * range and sorting; its whole state is in the address, so a link reproduces
 * the search. On a phone the results come first and the filters open from a
 * "Lọc" button that counts the active ones.
 */
import { foldQuery, isoDay, phraseWords, splitQuery } from "./search-engine.js";

const PAGE_SIZE = 10;       /* each result fetches one small fragment */
/* Fragments checked for a quoted phrase (~3.3 KB gzipped each), best candidates first.
   Past this many the page says how many it checked. */
export const PHRASE_CHECKS = 36;
const FILTER_BOX_AT = 12;   /* a facet with more values than this gets a box to filter them */

export function escapeHtml(text) {
  return String(text == null ? "" : text).replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? m[3] + "/" + m[2] + "/" + m[1] : "";
}

export function metaLine(meta) {
  return [meta.so_ky_hieu, meta.loai, formatDate(meta.ngay), meta.co_quan, meta.nguoi_ky && "Người ký: " + meta.nguoi_ky]
    .filter(Boolean).map(escapeHtml).join(" · ");
}

/* ---- phrases: "…" must appear as written (tones, ủy/uỷ and đ/d folded) ----
   The word index keeps no positions. The pair index (engine.phrasePages) gives the
   documents holding every adjacent pair of the phrase, in their whole text: that is
   the phrase itself for two words, and for more the results shown are confirmed in
   their fragments (a document may hold each pair apart). Should a pair shard not
   load, the phrase is checked in the fragments of the best candidates as before, and
   the page says how many were checked. */

/* true / false, or null when the phrase may sit past the text the fragment carries. */
export function holdsPhrases(doc, phrases) {
  const content = String(doc.content || "");
  const hay = " " + phraseWords([doc.meta.title, doc.meta.trich_yeu, doc.meta.nguoi_ky, content].join(" ")) + " ";
  if (phrases.every((p) => hay.indexOf(" " + p + " ") >= 0)) return true;
  return /\s\u2026$/.test(content) ? null : false;  /* cut excerpt: bundle's " …" */
}

/* The documents of `numbers` holding the phrases, in order: {numbers, checked, unsure,
   total, rejected}. With the pair index (`held`, or asked for here when undefined) every
   candidate is checked, and the first `want` are confirmed in their fragments. */
export async function checkPhrases(engine, numbers, phrases, want, held) {
  if (held === undefined) held = await engine.phrasePages(phrases);
  if (held) return confirmShown(engine, numbers.filter((n) => held.has(n)), phrases, want || PAGE_SIZE);
  return checkFragments(engine, numbers, phrases, want);
}

/* Drop from the first `want` those whose fragment shows every word but not the phrase
   (a document holding each pair apart, or a hash shared by two pairs), refilling from
   the rest; a cut fragment that cannot tell keeps its place. */
async function confirmShown(engine, numbers, phrases, want) {
  const check = { numbers, checked: numbers.length, unsure: 0, total: numbers.length, rejected: 0 };
  let at = 0, read = 0;
  while (at < Math.min(want, check.numbers.length) && read < PHRASE_CHECKS) {
    const batch = check.numbers.slice(at, want);
    const docs = await engine.fragmentsOf(batch);
    read += batch.length;
    const failed = new Set(batch.filter((n, i) => holdsPhrases(docs[i], phrases) === false));
    check.rejected += failed.size;
    check.numbers = check.numbers.filter((n) => !failed.has(n));
    at += batch.length - failed.size;
  }
  check.unconfirmed = Math.max(0, check.numbers.length - at);  /* counted by their pairs alone */
  return check;
}

/* Without the pair index: check the phrases in `numbers`, best first, `want` fragments
   at a time until `want` hold them or PHRASE_CHECKS were read. */
async function checkFragments(engine, numbers, phrases, want) {
  const check = { numbers: [], checked: 0, unsure: 0, total: numbers.length, rejected: 0 };
  want = want || PHRASE_CHECKS;
  while (check.numbers.length < want && check.checked < Math.min(numbers.length, PHRASE_CHECKS)) {
    const batch = numbers.slice(check.checked, check.checked + Math.min(want, PHRASE_CHECKS - check.checked));
    const docs = await engine.fragmentsOf(batch);
    docs.forEach((doc, i) => {
      const holds = holdsPhrases(doc, phrases);
      if (holds) check.numbers.push(batch[i]);
      else if (holds === null) check.unsure++;
    });
    check.checked += batch.length;
  }
  return check;
}

/* What a reader must know when a phrase could not be checked everywhere. */
export function phraseNote(check) {
  if (!check) return "";
  const notes = [];
  if (check.total > check.checked) {
    notes.push("cụm từ trong ngoặc kép đã được kiểm tra ở " + check.checked + " trong " + check.total +
      " văn bản có đủ các từ, phù hợp nhất trước; " + (check.total - check.checked) +
      " văn bản còn lại chưa kiểm tra (thêm từ hoặc bộ lọc để thu hẹp)");
  }
  if (check.unsure) {
    notes.push(check.unsure + " văn bản dài có đủ các từ nhưng không kiểm tra được cụm từ ở phần sau của văn bản");
  }
  if (check.rejected && check.unconfirmed) {
    notes.push("cụm từ được đối chiếu theo từng cặp từ liền nhau; " + check.rejected + " văn bản có đủ các cặp " +
      "nhưng không có đúng cụm từ đã được bỏ khỏi các kết quả đầu, số đếm có thể còn gồm văn bản như vậy");
  }
  return notes.length ? "Lưu ý: " + notes.join("; ") + "." : "";
}

/* ---- excerpts: the visible text around the most query words, hits marked ---- */

const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function termIndex(word, terms) {
  const folded = foldQuery(word).replace(EDGE, "");
  if (!folded) return -1;
  const parts = [folded].concat(folded.split(/[^\p{L}\p{N}]+/u));
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i].replace(EDGE, "");
    if (!t) continue;
    const last = i === terms.length - 1 && t.length >= 3;
    if (parts.some((p) => p === t || (last && p.indexOf(t) === 0))) return i;
  }
  return -1;
}

export function excerptHtml(content, query, size) {
  size = size || 32;
  const words = String(content || "").split(/\s+/).filter(Boolean);
  const terms = splitQuery(query).text.split(" ").filter(Boolean);
  const hits = words.map((w) => (terms.length ? termIndex(w, terms) : -1));
  let best = 0, bestScore = -1;
  for (let start = 0; start < Math.max(1, words.length - size + 1); start++) {
    const seen = {};
    let distinct = 0, total = 0;
    for (let k = start; k < Math.min(words.length, start + size); k++) {
      if (hits[k] < 0) continue;
      total++;
      if (!seen[hits[k]]) { seen[hits[k]] = true; distinct++; }
    }
    const score = distinct * 1000 + total;
    if (score > bestScore) { bestScore = score; best = start; }
  }
  /* Start a few words before the first hit so it reads in context. */
  const first = hits.slice(best, best + size).findIndex((h) => h >= 0);
  if (first > 4) best = Math.min(best + first - 4, Math.max(0, words.length - size));
  const end = Math.min(words.length, best + size);
  const html = words.slice(best, end).map((w, i) =>
    (hits[best + i] >= 0 ? "<mark>" + escapeHtml(w) + "</mark>" : escapeHtml(w))).join(" ");
  return (best > 0 ? "… " : "") + html + (end < words.length ? " …" : "");
}

/* ---- cards and sentences ---- */

/* "Chưa có trong kho: Chỉ thị 16/CT-TTg — được 3 văn bản dẫn chiếu", linking its page. */
export function cardHtml(doc) {
  const m = doc.meta;
  const name = [m.loai, m.so_ky_hieu].filter(Boolean).join(" ") + (m.tinh ? " (" + m.tinh + ")" : "");
  return '<a class="kho-card__link" href="' + escapeHtml(doc.url) + '"><strong>Chưa có trong kho:</strong> ' +
    escapeHtml(name) + " — được " + escapeHtml(m.dan_chieu || "0") + " văn bản dẫn chiếu</a>";
}

/* "cho “x”", or "cho "x"" when the reader typed quotes already. */
export function forQuery(query) {
  const q = String(query || "").trim();
  if (!q) return "";
  return /["\u201C\u201D\u201E]/.test(q) ? " cho " + q : " cho \u201C" + q + "\u201D";
}

/* Why nothing was found, and the index's closest words. */
export function noResultHtml(query, result, link) {
  let html = "Không tìm thấy văn bản nào" + escapeHtml(forQuery(query)) + ".";
  if (result && result.unknown.length) {
    html += " Kho không có từ " + result.unknown.map((t) => "\u201C" + escapeHtml(t.token) + "\u201D").join(", ") + ".";
  }
  if (result && result.suggestion) {
    html += ' Có phải bạn muốn tìm <a class="kho-suggestion" href="' + escapeHtml(link(result.suggestion)) + '">' +
      escapeHtml(result.suggestion) + "</a>?";
  }
  return html;
}

/* ---- the search page ---- */

/* Text fields of the advanced search: URL parameter, label, engine.search option, example. */
const TEXT_FIELDS = [
  ["so_ky_hieu", "Số ký hiệu", "number", "vd. 223/CĐ-TTg"],
  ["nguoi_ky", "Người ký", "signer", "vd. Trương Công Thái"],
];
const SORTS = [["", "Tự động"], ["lien-quan", "Phù hợp nhất"], ["moi-nhat", "Mới nhất trước"], ["cu-nhat", "Cũ nhất trước"]];

function readState(facets) {
  const params = new URLSearchParams(location.search);
  const state = { q: params.get("q") || "", sort: params.get("sap_xep") || "", fields: {}, filters: {},
                  subjectOnly: params.get("chi_trich_yeu") === "1",
                  from: params.get("tu_ngay") || "", to: params.get("den_ngay") || "" };
  TEXT_FIELDS.forEach((f) => { state.fields[f[0]] = params.get(f[0]) || ""; });
  facets.forEach((f) => { state.filters[f.name] = params.getAll(f.name); });
  return state;
}

export function stateParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  TEXT_FIELDS.forEach((f) => { if (state.fields[f[0]]) params.set(f[0], state.fields[f[0]]); });
  if (state.subjectOnly) params.set("chi_trich_yeu", "1");
  if (state.from) params.set("tu_ngay", state.from);
  if (state.to) params.set("den_ngay", state.to);
  Object.keys(state.filters).forEach((name) => state.filters[name].forEach((v) => params.append(name, v)));
  if (state.sort) params.set("sap_xep", state.sort);
  return params;
}

function activeFilters(state) {
  return Object.values(state.filters).reduce((n, values) => n + values.length, 0) + (state.from ? 1 : 0) + (state.to ? 1 : 0);
}

/* Does document n pass every chosen filter and the date range, except facet `skip`? */
function passes(engine, state, n, skip) {
  if (state.fromDay || state.toDay) {
    const day = engine.dayOf(n);
    if (day === null || (state.fromDay && day < state.fromDay) || (state.toDay && day > state.toDay)) return false;
  }
  return engine.facets.every((f) => {
    const chosen = state.filters[f.name];
    return f.name === skip || !chosen.length || chosen.indexOf(engine.valueOf(f, n)) >= 0;
  });
}

/* Counts for facet F: documents under the other choices, split by F's values. */
function filterCounts(engine, state, numbers) {
  const counts = {};
  engine.facets.forEach((f) => {
    const c = counts[f.name] = {};
    numbers.forEach((n) => {
      if (passes(engine, state, n, f.name)) {
        const v = engine.valueOf(f, n);
        c[v] = (c[v] || 0) + 1;
      }
    });
  });
  return counts;
}

/* Pages run newest first; undated documents stay last either way. */
function sortByDate(engine, numbers, oldestFirst) {
  const undated = (n) => (engine.dayOf(n) === null ? 1 : 0);
  return numbers.slice().sort((a, b) => (undated(a) - undated(b)) || (oldestFirst ? b - a : a - b));
}

function sortedValues(facet, counts) {
  const values = Object.keys(counts || {});
  return values.sort((a, b) => {
    if (facet.newest_first) return (/^\d/.test(b) - /^\d/.test(a)) || b.localeCompare(a);
    return (counts[b] - counts[a]) || a.localeCompare(b, "vi");
  });
}

async function pageResults(engine, state) {
  const options = { subjectOnly: state.subjectOnly };
  TEXT_FIELDS.forEach((f) => { options[f[2]] = state.fields[f[0]]; });
  const result = await engine.search(state.q, options);
  const query = result.terms.length > 0;
  let numbers = result.numbers;
  if (state.sort === "moi-nhat" || state.sort === "cu-nhat" || (!state.sort && !query)) {
    numbers = sortByDate(engine, numbers, state.sort === "cu-nhat");
  }
  let chosen = numbers.filter((n) => passes(engine, state, n, null));
  if (query && (!state.sort || state.sort === "lien-quan") && !result.phrases.length) {
    chosen = await engine.inOrder(result, chosen, PAGE_SIZE);
  }
  if (!result.phrases.length) {
    return { result, numbers: chosen, counts: filterCounts(engine, state, numbers), check: null };
  }
  const held = await engine.phrasePages(result.phrases);
  const check = await checkPhrases(engine, chosen, result.phrases, PAGE_SIZE, held);
  /* Filter counts are of the documents the pair index keeps; without it, of those holding the
     phrase when every candidate was checked and no filter narrowed them; else of those holding every word. */
  let counted = numbers;
  if (held) counted = numbers.filter((n) => held.has(n));
  else if (check.checked === check.total && chosen.length === numbers.length) counted = check.numbers;
  return { result, numbers: check.numbers, counts: filterCounts(engine, state, counted), check };
}

function formHtml() {
  const fields = TEXT_FIELDS.map((f) =>
    '<label class="kho-field"><span>' + f[1] + '</span><input type="search" name="' + f[0] + '" placeholder="' +
    escapeHtml(f[3]) + '" autocomplete="off"></label>').join("");
  return '<form class="kho-page__form" role="search">' +
    '<div class="kho-page__main"><input type="search" name="q" class="kho-page__input" ' +
    'placeholder="Số ký hiệu, tên người ký, nội dung… (có dấu hoặc không dấu)" aria-label="Từ khóa tìm kiếm" autocomplete="off">' +
    '<button type="submit" class="md-button md-button--primary">Tìm</button></div>' +
    '<details class="kho-page__advanced"><summary>Tìm nâng cao</summary><div class="kho-page__fields">' + fields +
    '<label class="kho-field kho-field--check"><input type="checkbox" name="chi_trich_yeu"> <span>Chỉ tìm trong trích yếu</span></label>' +
    '<fieldset class="kho-field kho-field--dates"><legend>Ngày ban hành</legend>' +
    '<label>từ ngày <input type="date" name="tu_ngay"></label> <label>đến ngày <input type="date" name="den_ngay"></label></fieldset>' +
    "</div></details></form>" +
    '<div class="kho-page__bar"><p class="kho-page__summary" aria-live="polite">Đang tải chỉ mục…</p>' +
    '<button type="button" class="md-button kho-page__filter-toggle" aria-expanded="false" aria-controls="kho-bo-loc">Lọc</button>' +
    '<label class="kho-page__sort">Sắp xếp: <select name="sap_xep">' +
    SORTS.map((s) => '<option value="' + s[0] + '">' + s[1] + "</option>").join("") + "</select></label></div>" +
    '<div class="kho-page__layout">' +
    '<section class="kho-page__results" aria-label="Kết quả"><ul class="kho-cards"></ul><ol class="kho-page__list"></ol>' +
    '<button type="button" class="md-button kho-page__more" hidden>Xem thêm kết quả</button></section>' +
    '<aside class="kho-page__filters" id="kho-bo-loc" aria-label="Bộ lọc"></aside></div>';
}

function facetHtml(facet, counts, chosen) {
  const values = sortedValues(facet, counts).filter((v) => counts[v] > 0 || chosen.indexOf(v) >= 0);
  const item = (v) => '<li><label><input type="checkbox" data-filter="' + escapeHtml(facet.name) + '" value="' +
    escapeHtml(v) + '"' + (chosen.indexOf(v) >= 0 ? " checked" : "") + "> " +
    '<span class="kho-filter__name">' + escapeHtml(v) + '</span> <span class="kho-filter__count">' +
    (counts[v] || 0) + "</span></label></li>";
  let list;
  if (!values.length) list = '<p class="kho-filter__empty">Không có</p>';
  else if (facet.groups) {
    const groupOf = new Map(facet.values.map((v, i) => [v, facet.group_of[i]]));   // not indexOf per value
    list = facet.groups.map((group, g) => {
      const mine = values.filter((v) => groupOf.get(v) === g);
      return mine.length ? '<li class="kho-filter__group"><span class="kho-filter__heading">' + escapeHtml(group) +
        "</span><ul>" + mine.map(item).join("") + "</ul></li>" : "";
    }).join("");
    list = "<ul>" + list + "</ul>";
  } else list = "<ul>" + values.map(item).join("") + "</ul>";
  const box = values.length > FILTER_BOX_AT ? '<input type="search" class="kho-filter__find" data-find="' +
    escapeHtml(facet.name) + '" placeholder="Lọc danh sách…" aria-label="Lọc danh sách ' + escapeHtml(facet.label.toLowerCase()) + '">' : "";
  return '<fieldset class="kho-filter" data-facet="' + escapeHtml(facet.name) + '"><legend>' + escapeHtml(facet.label) +
    "</legend>" + box + '<div class="kho-filter__values">' + list + "</div></fieldset>";
}

export async function startPage(root, engine) {
  await engine.loadFacets();
  const facets = engine.facets;
  const state = readState(facets);
  root.innerHTML = formHtml();
  const form = root.querySelector("form");
  const input = form.elements.q;
  const select = root.querySelector("select");
  const aside = root.querySelector(".kho-page__filters");
  const toggle = root.querySelector(".kho-page__filter-toggle");
  const summary = root.querySelector(".kho-page__summary");
  const cards = root.querySelector(".kho-cards");
  const list = root.querySelector(".kho-page__list");
  const more = root.querySelector(".kho-page__more");
  input.value = state.q;
  select.value = state.sort;
  TEXT_FIELDS.forEach((f) => { form.elements[f[0]].value = state.fields[f[0]]; });
  form.elements.chi_trich_yeu.checked = state.subjectOnly;
  form.elements.tu_ngay.value = state.from;
  form.elements.den_ngay.value = state.to;
  const advanced = root.querySelector(".kho-page__advanced");
  advanced.open = TEXT_FIELDS.some((f) => state.fields[f[0]]) || state.subjectOnly || Boolean(state.from || state.to);
  let sequence = 0, timer = null, current = [], shown = 0;

  function link(q) {
    const params = stateParams(Object.assign({}, state, { q }));
    return location.pathname + "?" + params.toString();
  }

  function readForm() {
    state.q = input.value;
    TEXT_FIELDS.forEach((f) => { state.fields[f[0]] = form.elements[f[0]].value; });
    state.subjectOnly = form.elements.chi_trich_yeu.checked;
    state.from = form.elements.tu_ngay.value;
    state.to = form.elements.den_ngay.value;
  }

  function renderFilters(counts) {
    const open = {};
    aside.querySelectorAll("[data-find]").forEach((box) => { open[box.dataset.find] = box.value; });
    aside.innerHTML = facets.map((f) => facetHtml(f, counts[f.name] || {}, state.filters[f.name])).join("");
    Object.keys(open).forEach((name) => {
      const box = aside.querySelector('[data-find="' + name + '"]');
      if (box && open[name]) { box.value = open[name]; findIn(box); }
    });
    const active = activeFilters(state);
    toggle.textContent = active ? "Lọc (" + active + ")" : "Lọc";
  }

  async function renderMore() {
    const mine = sequence, batch = current.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    more.hidden = shown >= current.length;
    const docs = await engine.fragmentsOf(batch);
    if (mine !== sequence) return;
    root.dataset.state = "done";
    list.insertAdjacentHTML("beforeend", docs.map((d) =>
      '<li class="kho-result"><a class="kho-result__link" href="' + escapeHtml(d.url) + '">' +
      escapeHtml(d.meta.title) + "</a>" +
      '<p class="kho-result__meta">' + metaLine(d.meta) + "</p>" +
      '<p class="kho-result__excerpt">' + excerptHtml(d.content, state.q) + "</p></li>").join(""));
  }

  async function update() {
    const mine = ++sequence;
    state.fromDay = isoDay(state.from);
    state.toDay = isoDay(state.to);
    const params = stateParams(state).toString();
    history.replaceState(null, "", location.pathname + (params ? "?" + params : "") + location.hash);
    root.dataset.state = "loading";
    summary.textContent = "Đang tìm…";
    try {
      const found = await pageResults(engine, state);
      if (mine !== sequence) return;
      const shownCards = await engine.fragmentsOf(found.result.cards.slice(0, 3));
      if (mine !== sequence) return;
      cards.innerHTML = shownCards.map((d) => '<li class="kho-card">' + cardHtml(d) + "</li>").join("");
      current = found.numbers;
      shown = 0;
      list.innerHTML = "";
      const count = current.length;
      const note = phraseNote(found.check);
      const where = forQuery(state.q);
      if (count) {
        /* A note either says some candidates went unchecked (at least) or that pairs counted (at most). */
        const bound = found.check && found.check.rejected && found.check.unconfirmed ? "Có tối đa " : "Có ít nhất ";
        summary.textContent = (note ? bound : "Tìm thấy ") + count + " văn bản" + where + (note ? ". " + note : "");
      } else if (note) {
        summary.textContent = "Chưa thấy văn bản có đúng cụm từ" + where + ". " + note;
      } else {
        summary.innerHTML = noResultHtml(state.q, found.result, link);
      }
      renderFilters(found.counts);
      if (!count) { root.dataset.state = "done"; more.hidden = true; return; }
      await renderMore();
    } catch (error) {
      if (mine === sequence) { summary.textContent = "Không tải được chỉ mục tìm kiếm"; root.dataset.state = "error"; }
    }
  }

  function findIn(box) {
    const wanted = foldQuery(box.value);
    box.closest(".kho-filter").querySelectorAll(".kho-filter__values li:not(.kho-filter__group)").forEach((li) => {
      li.hidden = Boolean(wanted) && foldQuery(li.textContent).indexOf(wanted) < 0;
    });
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); readForm(); update(); });
  form.addEventListener("input", (event) => {
    if (event.target.type === "checkbox" || event.target.type === "date") return;
    clearTimeout(timer);
    timer = setTimeout(() => { readForm(); update(); }, 200);
  });
  form.addEventListener("change", (event) => {
    if (event.target.type === "checkbox" || event.target.type === "date") { readForm(); update(); }
  });
  select.addEventListener("change", () => { state.sort = select.value; update(); });
  toggle.addEventListener("click", () => {
    const open = !root.classList.contains("kho-page--filters-open");
    root.classList.toggle("kho-page--filters-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  });
  aside.addEventListener("input", (event) => { if (event.target.dataset.find) findIn(event.target); });
  aside.addEventListener("change", (event) => {
    const box = event.target;
    if (!box.dataset || !box.dataset.filter) return;
    const values = state.filters[box.dataset.filter];
    const at = values.indexOf(box.value);
    if (box.checked && at < 0) values.push(box.value);
    if (!box.checked && at >= 0) values.splice(at, 1);
    update();
  });
  more.addEventListener("click", () => renderMore());
  update();
}

