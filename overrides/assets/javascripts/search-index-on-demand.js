/*
 * The search index is fetched when a reader turns to search, not with every page.
 *
 * Why (README, "Search"): Material's bundle requests search/search_index.json as soon as a page
 * loads, and that one file is more than a third of a page's first load (issue 11/12 target: no
 * page above 160 KB). A reader who only reads a page never needs it. Here the bundle's request is
 * held, unchanged, and sent the moment the reader moves towards the search box: a pointer over or
 * down on it, focus in it (Material's f, s and / shortcuts focus it), or a page opened with a
 * query in its address (?q=). Until then Material shows its own "Initializing search", as it does
 * while any index loads, and a query typed meanwhile is answered once the index arrives.
 *
 * This must run before Material's bundle (overrides/main.html puts it first in the scripts block).
 * It relies on the bundle fetching the index with XMLHttpRequest (Material 9.8.1); tests/test_search.py
 * and tests/browser/test_search_box.py fail if an upgrade changes that.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#].*)?$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = false;

  function load() {
    if (wanted) return;
    wanted = true;
    EVENTS.forEach(function (type) { document.removeEventListener(type, onEvent, true); });
    held.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.matcalcIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.matcalcIndex && !wanted) {
      held.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(xhr, args);
  };

  /* The search box and the header button that opens it on small screens. */
  function towardsSearch(target) {
    return target instanceof Element &&
      target.closest(".md-search, label[for='__search'], [data-md-component='search-query']") !== null;
  }
  var EVENTS = ["pointerover", "pointerdown", "touchstart", "focusin"];
  function onEvent(event) {
    if (towardsSearch(event.target)) load();
  }
  EVENTS.forEach(function (type) {
    document.addEventListener(type, onEvent, { capture: true, passive: true });
  });

  /* Shortcuts Material opens search with; focusin follows, but starting on the key saves a step. */
  document.addEventListener("keydown", function onKey(event) {
    var field = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]");
    if (!field && !event.ctrlKey && !event.metaKey && !event.altKey && /^[fs/]$/i.test(event.key)) {
      document.removeEventListener("keydown", onKey, true);
      load();
    }
  }, true);

  if (new URLSearchParams(location.search).has("q")) load();
})();
