// Staff preview only (scripts/preview.py --watch), never published: reload the page when the
// preview is rebuilt. A file, not an inline script: the site's Content-Security-Policy allows none.
// The preview writes preview-status.json after each build; its version changes with every build.
(function () {
  "use strict";
  var script = document.currentScript;
  var statusUrl = new URL(script.getAttribute("data-status"), document.baseURI);
  var banner = document.querySelector(".kho-preview-banner");
  var shown = banner ? banner.getAttribute("data-version") : null;

  function poll() {
    fetch(statusUrl, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status && shown !== null && String(status.version) !== shown) {
          window.location.reload();
          return;
        }
        if (status && shown === null) { shown = String(status.version); }
        window.setTimeout(poll, 700);
      })
      .catch(function () { window.setTimeout(poll, 2000); });   // the preview stopped: try again later
  }
  poll();
})();
