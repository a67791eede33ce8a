/* Kho văn bản chỉ đạo: the header search box on every page, and the loader of
 * the search page tim-kiem/ (issues 4 and 18).
 *
 * Nothing of search is downloaded until a reader focuses the box or opens the
 * search page: then the engine (search-engine.js, which reads the index that
 * vanban/search/bundle.py finishes) and the result views (search-page.js) load
 * as modules. The box shows instant results; Enter opens the search page.
 */
(function () {
  "use strict";

  var HEADER_RESULTS = 8;

  /* This file lives at <site>/assets/javascripts/search.js, so the site root
     is two levels up from it: right at "/" and under any sub-path. */
  var ROOT = new URL("../../", document.currentScript.src);
  var HERE = new URL("./", document.currentScript.src);

  var modules = null;
  /* {engine, page}: the engine of this site and the result views. */
  function load() {
    if (!modules) {
      modules = Promise.all([import(new URL("search-engine.js", HERE).href), import(new URL("search-page.js", HERE).href)])
        .then(function (loaded) {
          return loaded[0].openEngine(ROOT).then(function (engine) {
            return { engine: engine, lib: loaded[0], page: loaded[1] };
          });
        });
      modules.catch(function () { modules = null; });
    }
    return modules;
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

    function pageLink(query) {
      var all = new URL("tim-kiem/", ROOT);
      all.searchParams.set("q", query);
      return all.href;
    }

    function item(html, href, linkClass, itemClass) {
      return '<li class="md-search-result__item ' + itemClass + '"><a href="' + href + '" class="md-search-result__link ' + linkClass +
        '" tabindex="-1"><article class="md-search-result__article md-typeset">' + html + "</article></a></li>";
    }

    function render(m, query, found, docs, cardDocs, check) {
      var page = m.page, count = found.numbers.length;
      /* One short line here; the search page says in full what could not be checked. */
      var partial = check && (check.checked < check.total || check.unsure);
      if (count && check && check.rejected && check.unconfirmed && !partial) {
        meta.textContent = "Có tối đa " + count + " văn bản có đúng cụm từ";
      } else if (count) {
        meta.textContent = partial ? "Có ít nhất " + count + " văn bản có đúng cụm từ (đã kiểm tra " + check.checked +
          "/" + check.total + " văn bản có đủ các từ)" : "Tìm thấy " + count + " văn bản";
      } else if (partial) {
        meta.textContent = "Chưa thấy văn bản có đúng cụm từ trong " + check.checked + "/" + check.total + " văn bản có đủ các từ";
      } else {
        meta.innerHTML = page.noResultHtml(query, found.result, pageLink);
      }
      var html = cardDocs.map(function (d) {
        return '<li class="md-search-result__item kho-card">' + page.cardHtml(d).replace("<a ", '<a tabindex="-1" ') + "</li>";
      });
      html = html.concat(docs.map(function (d) {
        return item('<div class="md-search-result__icon md-icon"></div><h1>' + page.escapeHtml(d.meta.title) + "</h1>" +
          '<p class="kho-result__meta">' + page.metaLine(d.meta) + "</p>" +
          '<p class="kho-result__excerpt">' + page.excerptHtml(d.content, query, 24) + "</p>", page.escapeHtml(d.url),
          "kho-result__link", "kho-result");
      }));
      if (count) {
        html.push(item("<p>Xem tất cả " + count + " kết quả, lọc theo loại, cơ quan, năm →</p>",
          page.escapeHtml(pageLink(query)), "kho-result__all", ""));
      }
      list.innerHTML = html.join("");
      result.dataset.state = "done";
    }

    function update() {
      var query = input.value;
      var mine = ++sequence;
      if (!query.trim()) { meta.textContent = initial; list.innerHTML = ""; result.dataset.state = ""; return; }
      meta.textContent = "Đang tìm…";
      result.dataset.state = "loading";
      load().then(function (m) {
        return m.engine.search(query).then(function (found) {
          var checked = found.phrases.length ? m.page.checkPhrases(m.engine, found.numbers, found.phrases, HEADER_RESULTS)
            : Promise.resolve(null);
          return checked.then(function (check) {
            var ordered = check ? Promise.resolve(check.numbers) : m.engine.inOrder(found, found.numbers, HEADER_RESULTS);
            return ordered.then(function (numbers) {
              found.numbers = numbers;
              return Promise.all([m.engine.fragmentsOf(numbers.slice(0, HEADER_RESULTS)),
                                  m.engine.fragmentsOf(found.cards.slice(0, 2))]).then(function (docs) {
                if (mine === sequence) render(m, query, found, docs[0], docs[1], check);
              });
            });
          });
        });
      }).catch(function () {
        if (mine === sequence) meta.textContent = "Không tải được chỉ mục tìm kiếm";
      });
    }

    input.addEventListener("focus", function () { open(); load(); });
    input.addEventListener("input", function () {
      open();
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { update(); input.focus(); }, 0);
    });
    form.addEventListener("submit", function (event) {
      if (!input.value.trim()) event.preventDefault();
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

  /* ---- the search page ---- */

  function setupPage() {
    var root = document.getElementById("kho-tim-kiem");
    if (!root || root.dataset.khoReady) return;
    root.dataset.khoReady = "1";
    root.textContent = "Đang tải chỉ mục…";
    load().then(function (m) { return m.page.startPage(root, m.engine); }).catch(function () {
      root.textContent = "Không tải được chỉ mục tìm kiếm";
      root.dataset.state = "error";
    });
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

  /* For tests and the benchmark: the loaded modules and the engine of this site. */
  window.khoSearch = { load: load, root: ROOT.href };
})();
