/* Kho: a table wider than the screen (a staff guide's table, a table in a directive, on a phone)
   scrolls sideways inside Material's .md-typeset__scrollwrap. A keyboard user must be able to
   reach it (WCAG 2.1.1, axe scrollable-region-focusable): a wrapper that scrolls takes focus and
   is named as a region. Material wraps tables when a page loads (document$), so this runs then. */
(function () {
  function reachable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute("tabindex")) return;
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Bảng (cuộn ngang để xem hết)");
    });
  }
  if (window.document$) window.document$.subscribe(reachable); else reachable();
  window.addEventListener("resize", reachable);
})();
