/* Kho văn bản chỉ đạo: the search engine over the finished Pagefind bundle (issue 18).
 *
 * Pagefind indexes the records (vanban/search/record.py) and vanban/search/bundle.py
 * finishes its bundle; this module reads that bundle itself instead of running
 * Pagefind's wasm: kho-search.json (chunk list, field weights), the index chunks a
 * query needs (gzip + CBOR), the pair shards a quoted phrase needs (vanban/search/pairs.py),
 * the fragments of the results shown, and for the search page kho-facets.json (facets and dates).
 * Owning the query side gives what Pagefind's runtime does not: every word of a
 * query must be in a result (no fallback to the longest known prefix), a prefix
 * only for the word being typed, ranking by the field a word is in, numbers in any
 * spelling first, and suggestions from the index's own words. docs-dev/search.md
 * has the rules and the figures.
 *
 * foldQuery, splitQuery and searchKey are the twins of vanban/search/text.py
 * fold_query, split_query and search_key, pairHash of pairs.pair_hash
 * (tests/fixtures/search_*_cases.json).
 */

/* ---- folding: the one normalisation shared with the index ---- */

export function foldQuery(text) {
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

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/* Folded words, punctuation dropped: what a phrase is compared on. */
export function phraseWords(text) {
  return foldQuery(text).split(NOT_WORD).filter(Boolean).join(" ");
}

/* A number, date or compound as one indexed word: "223/CĐ-TTg" -> "223cdttg". */
export function searchKey(text) {
  return foldQuery(text).replace(NOT_WORD, "").replace(/^0+/, "");
}

const QUOTES = /["\u201C\u201D\u201E]([^"\u201C\u201D\u201E]*)["\u201C\u201D\u201E]?/g;

/* {text: the words to find, phrases: folded word sequences of 2+ words to check in the text}. */
export function splitQuery(query) {
  const phrases = [];
  const text = String(query || "").replace(QUOTES, (_, inner) => {
    const phrase = phraseWords(inner);
    if (phrase.indexOf(" ") > 0) phrases.push(phrase);
    return " " + inner + " ";
  });
  return { text: foldQuery(text), phrases };
}

/* ---- the query: what each word asks of the index ---- */

const DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/;
const SYMBOL = /^\d+[/.-]/;           /* 223/cd-ttg, 44/2021/nd-cp, 761-cv/tu */
const PREFIX_LETTERS = 3;             /* the word being typed matches longer words from this length */

/* One query word: key (required), alts (other spellings of it), codes and joined
   (a number's other parts: they rank, they are not required), prefix (may match
   longer words), field (the field bit it must be in, 0 = any), token (as typed). */
function wordTerm(word, token, last, field) {
  return { key: word, alts: [], token, field, prefix: last && word.length >= PREFIX_LETTERS && /\D/.test(word) };
}

function numberTerm(digits, token, field) {
  const key = digits.replace(/^0+/, "") || "0";
  return { key, alts: key === digits ? [] : [digits], number: true, codes: [], token, field };
}

/* The terms of one whitespace-separated token. A date is one word (2842021); a number
   written with its code is one number term; any other token is one term per word, as
   the fields are indexed ("covid-19" -> covid, 19), its one-letter parts dropped
   (Pagefind does not index them), unless all are ("v/v" -> vv). */
function tokenTerms(token, last, field) {
  const words = token.split(NOT_WORD).filter(Boolean);
  if (!words.length) return [];
  if (DATE.test(token)) return [{ key: searchKey(token), alts: [], token, field }];
  if (words.length === 1 && /^\d+$/.test(words[0])) return [numberTerm(words[0], token, field)];
  if (SYMBOL.test(token) && words.length > 1) {
    const parts = words.map((p) => (/^\d+$/.test(p) ? p.replace(/^0+/, "") || "0" : p));
    return [Object.assign(numberTerm(words[0], token, field), { symbol: true, codes: parts.slice(1),
                                                               joined: searchKey(token) })];
  }
  const kept = words.length > 1 ? words.filter((w) => w.length > 1) : words;
  if (!kept.length) return [wordTerm(words.join(""), token, last, field)];
  return kept.map((w, i) => wordTerm(w, token, last && i === kept.length - 1, field));
}

/* The words of `text` as terms; with `typing`, the last one (the word being typed) may be a prefix. */
function terms(text, field, typing) {
  const tokens = foldQuery(text).split(" ").filter(Boolean);
  const seen = {};
  return tokens.flatMap((t, i) => tokenTerms(t, typing && i === tokens.length - 1, field))
    .filter((t) => !seen[t.key + "|" + t.field] && (seen[t.key + "|" + t.field] = true));
}

/* ---- reading the bundle: gzip + "pagefind_dcd" + CBOR ---- */

function readCbor(bytes) {
  const text = new TextDecoder();
  let i = 0;
  function head() {
    const first = bytes[i++], major = first >> 5, info = first & 31;
    let n = info;
    if (info === 24) n = bytes[i++];
    else if (info === 25) { n = (bytes[i] << 8) | bytes[i + 1]; i += 2; }
    else if (info === 26) { n = bytes[i] * 0x1000000 + ((bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]); i += 4; }
    else if (info > 26) throw new Error("CBOR: unsupported item at byte " + (i - 1));
    return [major, n];
  }
  function item() {
    const [major, n] = head();
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 3) { const s = text.decode(bytes.subarray(i, i + n)); i += n; return s; }
    if (major === 4) { const a = new Array(n); for (let k = 0; k < n; k++) a[k] = item(); return a; }
    throw new Error("CBOR: unexpected major type " + major);
  }
  return item();
}

async function fetchGzip(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status + " " + url);
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

async function fetchPacked(url) {
  return (await fetchGzip(url)).subarray(12);  /* "pagefind_dcd" */
}

/* ---- the pair index (vanban/search/pairs.py): documents holding two words side by side ---- */

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/* CRC-32 (zlib's) of "first second" in UTF-8: the twin of pairs.pair_hash. */
export function pairHash(first, second) {
  let c = 0xFFFFFFFF;
  for (const byte of new TextEncoder().encode(first + " " + second)) c = CRC_TABLE[(c ^ byte) & 0xFF] ^ (c >>> 8);
  return (c ^ 0xFFFFFFFF) >>> 0;
}

/* The shard of a hash among `shards`: hash * shards >> 32, as pairs.shard_of (exact in doubles). */
export function shardOf(hash, shards) {
  return Math.floor(hash * shards / 4294967296);
}

/* A shard's entries, hash -> pages: varints of hash delta, page count, first page, page deltas. */
function readShard(bytes) {
  const entries = new Map();
  let i = 0, hash = 0;
  function varint() {
    let value = 0, scale = 1, byte;
    do {
      if (i >= bytes.length) throw new Error("pair shard cut short");
      byte = bytes[i++];
      value += (byte & 0x7F) * scale;
      scale *= 128;
    } while (byte >= 0x80);
    return value;
  }
  while (i < bytes.length) {
    hash += varint();
    const pages = new Array(varint());
    let page = 0;
    for (let k = 0; k < pages.length; k++) pages[k] = page += varint();
    entries.set(hash, pages);
  }
  return entries;
}

/* ---- the engine ---- */

export class Engine {
  constructor(root, meta) {
    this.root = root;
    this.meta = meta;
    this.documents = meta.documents;
    this.pages = meta.pages;
    this.tag = meta.tag;
    /* Field bits: 1 is the body; each field of kho-search.json its own bit, in its order. */
    this.fieldBit = {};
    this.bitWeight = { 1: 1 };
    this.weightBit = {};
    Object.entries(meta.fields).forEach(([name, stored], i) => {
      const bit = 2 << i;
      this.fieldBit[name] = bit;
      this.bitWeight[bit] = stored / 24;
      this.weightBit[stored] = bit;
    });
    this.structured = Object.values(this.fieldBit).reduce((a, b) => a | b, 0) & ~this.fieldBit.dan_chieu;
    this.chunks = {};
    this.shards = {};     /* pair shards */
    this.fragments = {};
    this.facets = null;   /* loadFacets() */
    this.days = [];
  }

  url(path) { return new URL(path, this.root).href; }

  /* ---- words ---- */

  chunk(name) {
    if (!this.chunks[name]) {
      this.chunks[name] = fetchPacked(this.url("pagefind/index/" + name + ".pf_index")).then((bytes) => {
        const words = new Map();
        for (const [word, pages, variants] of readCbor(bytes)[0]) {
          const postings = new Map();
          this.addPages(postings, pages);
          for (const [, variantPages] of variants) this.addPages(postings, variantPages);
          words.set(word, postings);
        }
        return words;
      });
      this.chunks[name].catch(() => { delete this.chunks[name]; });
    }
    return this.chunks[name];
  }

  addPages(postings, entries) {
    let page = 0;
    for (const [delta, locations] of entries) {
      page += delta;
      let mask = postings.get(page) || 0;
      for (const loc of locations) if (loc < 0) mask |= this.weightBit[-loc - 1] || 1;
      postings.set(page, mask || 1);
    }
  }

  /* The chunks that may hold `key` (and, with prefix, the words that start with it). */
  chunksFor(key, prefix) {
    return this.meta.chunks.filter(([from, to]) => {
      const fits = key.slice(0, to.length) <= to;
      return fits && (from <= key || (prefix && from.startsWith(key)));
    }).map((c) => c[2]);
  }

  /* The chunk where `key` would be, and the one on each side: a word one letter off
     may sort just across a chunk's edge ("dihc" / "dich"). */
  neighbourChunks(key) {
    const list = this.meta.chunks;
    let at = list.findIndex(([, to]) => key.slice(0, to.length) <= to);
    if (at < 0) at = list.length - 1;
    return list.slice(Math.max(0, at - 1), at + 2).map((c) => c[2]);
  }

  /* {postings: page -> field mask (with EXACT where the key itself is on the page),
      words: the index's words that matched}. */
  async lookup(key, prefix) {
    const loaded = await Promise.all(this.chunksFor(key, prefix).map((name) => this.chunk(name)));
    const postings = new Map(), words = [];
    for (const chunk of loaded) {
      for (const [word, pages] of prefix ? chunk : [[key, chunk.get(key)]]) {
        if (!pages || !(word === key || (prefix && word.startsWith(key)))) continue;
        words.push(word);
        for (const [page, mask] of pages) postings.set(page, (postings.get(page) || 0) | mask | (word === key ? EXACT : 0));
      }
    }
    return { postings, words };
  }

  async postingsOf(t) {
    const found = await Promise.all([t.key].concat(t.alts).map((k, i) => this.lookup(k, i === 0 && t.prefix)));
    const postings = new Map();
    for (const f of found) for (const [page, mask] of f.postings) postings.set(page, (postings.get(page) || 0) | mask);
    return { postings, known: found.some((f) => f.words.length) };
  }

  /* ---- phrases ---- */

  pairShard(shard) {
    const key = "pairs/" + this.meta.pairs.tag + "/" + shard + ".pf_pairs";
    if (!this.shards[key]) {
      this.shards[key] = fetchGzip(this.url("pagefind/" + key)).then(readShard);
      this.shards[key].catch(() => { delete this.shards[key]; });
    }
    return this.shards[key];
  }

  /* The pages holding every adjacent word pair of every phrase (phraseWords), from the
     pair index: exactly the pages holding a two-word phrase, and a few more for a longer
     one (each pair may sit apart). null when the bundle has no pair index or a shard
     did not load: the caller then checks the fragments instead. */
  async phrasePages(phrases) {
    const pairs = this.meta.pairs;
    if (!pairs || !pairs.shards) return null;
    const hashes = [];
    for (const phrase of phrases) {
      const words = phrase.split(" ");
      for (let i = 1; i < words.length; i++) hashes.push(pairHash(words[i - 1], words[i]));
    }
    try {
      const shards = await Promise.all(hashes.map((h) => this.pairShard(shardOf(h, pairs.shards))));
      let held = null;
      hashes.forEach((h, i) => {
        const pages = shards[i].get(h) || [];
        held = held ? new Set(pages.filter((p) => held.has(p))) : new Set(pages);
      });
      return held || new Set();
    } catch (error) {
      return null;
    }
  }

  /* ---- ranking ---- */

  weightOf(mask) {
    let best = 0;
    for (const bit in this.bitWeight) if (mask & bit) best = Math.max(best, this.bitWeight[bit]);
    return (mask & EXACT ? 1 : 0.5) * best;
  }

  idf(df) { return Math.log(1 + (this.pages - df + 0.5) / (df + 0.5)); }

  /* Page numbers (documents) and cards (numbers cited but not held) for a query, best first.
     options: {number, signer: words that must be in the number or the signer field;
     subjectOnly: the query's words must be in the title or trích yếu}. */
  async search(query, options) {
    options = options || {};
    const split = splitQuery(query);
    const subject = options.subjectOnly ? this.fieldBit.trich_yeu : 0;
    const all = terms(split.text, subject, true)
      .concat(terms(options.number || "", this.fieldBit.so_ky_hieu, false))
      .concat(terms(options.signer || "", this.fieldBit.nguoi_ky, false));
    const result = { terms: all, phrases: split.phrases, numbers: [], cards: [], unknown: [], suggestion: null };
    if (!all.length) {
      result.numbers = Array.from({ length: this.documents }, (_, i) => i);
      return result;
    }
    const found = await Promise.all(all.map((t) => this.postingsOf(t)));
    const extras = await Promise.all(all.map((t) =>
      Promise.all((t.codes || []).concat(t.joined ? [t.joined] : []).map((k) => this.lookup(k, false)))));
    result.unknown = all.filter((t, i) => !found[i].known && !(t.joined && extras[i].some((e) => e.words.length)));
    const candidates = this.candidates(all, found, extras);
    if (!candidates.length) {
      if (result.unknown.length && !options.noSuggestion) result.suggestion = await this.suggest(query, result.unknown, options);
      return result;
    }
    const ranked = candidates.map((page) => this.rank(page, all, found, extras)).sort(byRank);
    result.tiers = new Map(ranked.map((r) => [r.page, r.tier]));
    for (const r of ranked) {
      if (r.page < this.documents) result.numbers.push(r.page);
      else if (r.tier === EXACT_NUMBER) result.cards.push(r.page);
    }
    return result;
  }

  /* Pages holding every term in its field. A number written with its code ("16/CT-TTg")
     is held by the documents numbered 16 and by those that hold the whole number. */
  candidates(all, found, extras) {
    const sets = all.map((t, i) => {
      const pages = [];
      const joined = t.joined ? extras[i][extras[i].length - 1].postings : null;
      for (const [page, mask] of found[i].postings) {
        if (t.field && !(mask & t.field)) continue;
        if (t.symbol && !(mask & this.fieldBit.so_ky_hieu) && !(joined && joined.has(page))) continue;
        pages.push(page);
      }
      if (joined) for (const page of joined.keys()) if (!found[i].postings.has(page) && !t.field) pages.push(page);
      return new Set(pages);
    });
    sets.sort((a, b) => a.size - b.size);
    return Array.from(sets[0]).filter((page) => sets.every((s) => s.has(page)));
  }

  rank(page, all, found, extras) {
    const number = this.fieldBit.so_ky_hieu;
    let score = 0, common = this.structured, exactNumber = true, digits = all.some((t) => t.number);
    all.forEach((t, i) => {
      const mask = found[i].postings.get(page) || 0;
      score += this.idf(found[i].postings.size) * this.weightOf(mask);
      common &= mask;
      let inNumber = (mask & number) !== 0;
      if (t.number) {
        digits = digits && inNumber;
        const parts = extras[i].map((e) => e.postings.get(page) || 0);
        parts.forEach((m, k) => { score += this.idf(extras[i][k].postings.size) * this.weightOf(m) / 2; });
        const joinedInNumber = t.joined && ((parts[parts.length - 1] & number) !== 0);
        inNumber = inNumber && (joinedInNumber || t.codes.every((_, k) => (parts[k] & number) !== 0));
      }
      exactNumber = exactNumber && inNumber;
    });
    const hasNumber = all.some((t) => t.number);
    const tier = hasNumber && exactNumber ? EXACT_NUMBER : hasNumber && digits ? SAME_DIGITS : common ? ONE_FIELD : 0;
    return { page, tier, score };
  }

  /* The first `count` of `numbers` with, inside each tier, those whose trích yếu (or title)
     holds the query's words in a row first ("giam thoi gian cach ly"), the shorter one
     first, as a search engine prefers the shorter field: the index keeps no word order
     or field length, and these are the fragments the results show anyway. A signer
     holding them in a row comes before any trích yếu: a name is asked for the documents
     that person signed, not for "Kết luận của Phó Thủ tướng <name> …" notices. */
  async inOrder(result, numbers, count) {
    const words = phraseWords(result.terms.filter((t) => !t.field || t.field === this.fieldBit.trich_yeu)
      .map((t) => t.token).join(" "));
    if (!result.tiers || words.indexOf(" ") < 0) return numbers;
    const head = numbers.slice(0, count);
    const docs = await this.fragmentsOf(head);
    const holds = (text) => (" " + phraseWords(text) + " ").indexOf(" " + words + " ") >= 0;
    const length = docs.map((d) => {
      if (holds(d.meta.nguoi_ky)) return 0;
      const subject = d.meta.trich_yeu || d.meta.title;
      return holds(subject) ? phraseWords(subject).length + 2 : Infinity;
    });
    const order = head.map((n, i) => i).sort((a, b) =>
      (result.tiers.get(head[b]) - result.tiers.get(head[a])) || (length[a] - length[b]) || (a - b));
    return order.map((i) => head[i]).concat(numbers.slice(count));
  }

  /* ---- "Có phải bạn muốn tìm …?": the closest words the index holds ---- */

  async suggest(query, unknown, options) {
    let text = foldQuery(query);
    for (const t of unknown) {
      if (t.number || t.key.length < 3) return null;
      const chunks = await Promise.all(this.neighbourChunks(t.key).map((n) => this.chunk(n)));
      let best = null;
      const limit = t.key.length <= 4 ? 1 : 2;
      for (const chunk of chunks) {
        for (const [word, pages] of chunk) {
          if (/[\u0111\u00f0]/.test(word) || Math.abs(word.length - t.key.length) > limit) continue;
          const d = distance(t.key, word, limit);
          /* Closest first; then a letter changed or swapped before one added or dropped; then the commonest. */
          const rank = [d, Math.abs(word.length - t.key.length), -pages.size];
          if (d <= limit && (!best || before(rank, best.rank))) best = { word, rank };
        }
      }
      if (!best) return null;
      text = text.split(" ").map((w) => (w.replace(NOT_WORD, "") === t.key ? best.word : w)).join(" ");
    }
    const check = await this.search(text, Object.assign({}, options, { noSuggestion: true }));
    return check.numbers.length || check.cards.length ? text : null;
  }

  /* ---- results ---- */

  pageId(number) { return number.toString(36) + "_" + this.tag; }

  fragment(number) {
    const id = this.pageId(number);
    if (!this.fragments[id]) {
      this.fragments[id] = fetchPacked(this.url("pagefind/fragment/" + id + ".pf_fragment")).then((bytes) => {
        const doc = JSON.parse(new TextDecoder().decode(bytes));
        doc.url = new URL(doc.url.replace(/^\//, ""), this.root).href;
        doc.page = number;
        return doc;
      });
      this.fragments[id].catch(() => { delete this.fragments[id]; });
    }
    return this.fragments[id];
  }

  fragmentsOf(numbers) { return Promise.all(numbers.map((n) => this.fragment(n))); }

  /* ---- facets and dates ---- */

  /* kho-facets.json, once: the search page's filters and the documents' dates. */
  loadFacets() {
    if (!this.facetsLoaded) {
      this.facetsLoaded = fetch(this.url("pagefind/kho-facets.json"), { cache: "no-cache" })
        .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then((data) => { this.facets = data.facets; this.days = dayNumbers(data.dates); return this; });
      this.facetsLoaded.catch(() => { this.facetsLoaded = null; });
    }
    return this.facetsLoaded;
  }

  valueOf(facet, page) { return facet.values[facet.codes.charCodeAt(page) - 0x30]; }

  /* The day number of document `page` (days since 0001-01-01, as Python's toordinal), or null. */
  dayOf(page) { return page < this.days.length ? this.days[page] : null; }
}

const EXACT = 1 << 30;  /* in a posting's mask: the word itself, not a longer word it starts */
const EXACT_NUMBER = 3, SAME_DIGITS = 2, ONE_FIELD = 1;

/* Exact number first, then the same digits with another code, both newest first;
   then every word in one field (a signer's own documents, a title), then by score. */
function byRank(a, b) {
  if (a.tier !== b.tier) return b.tier - a.tier;
  if (a.tier >= SAME_DIGITS || a.score === b.score) return a.page - b.page;
  return b.score - a.score;
}

function dayNumbers(dates) {
  const days = [];
  if (!dates || !dates.newest) return days;
  let day = isoDay(dates.newest);
  days.push(day);
  for (let i = 0; i < dates.steps.length; i++) { day -= dates.steps.charCodeAt(i) - 0x30; days.push(day); }
  return days;
}

/* Days since 0001-01-01 counted as day 1, as Python's date.toordinal(). */
export function isoDay(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]) - Date.UTC(1970, 0, 1);
  return Math.round(ms / 86400000) + 719163;
}

/* Lexicographic order of two arrays of numbers. */
function before(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/* Edit distance (insert, delete, replace, swap two letters), stopping past `limit`. */
function distance(a, b, limit) {
  const rows = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { rows[0].push(j); continue; }
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
      low = Math.min(low, d);
    }
    if (i > 0 && low > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

const engines = {};
/* The engine of the site at `root` (kho-search.json read once). */
export function openEngine(root) {
  const key = String(root);
  if (!engines[key]) {
    engines[key] = fetch(new URL("pagefind/kho-search.json", root).href, { cache: "no-cache" })
      .then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then((meta) => new Engine(root, meta));
    engines[key].catch(() => { delete engines[key]; });
  }
  return engines[key];
}
