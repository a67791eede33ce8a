/* Kho: a document's "Thông tin văn bản" (details[data-kho-mo-khi-rong], render.metadata_panel) is
   closed on a phone, so the text starts on the first screen, and open on a wide screen. */
(function () {
  if (!window.matchMedia("(min-width: 60em)").matches) return;
  document.querySelectorAll("details[data-kho-mo-khi-rong]").forEach(function (panel) { panel.open = true; });
})();
