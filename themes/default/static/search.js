/* Starts the search box of /cari/. The Pagefind index and its interface live in
   the site's pagefind/ folder, found relative to this file, so search works at a
   domain root and under a sub-path alike. Nothing is fetched from another host. */
(function () {
  var root = new URL("../", document.currentScript.src);
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = new URL("pagefind/pagefind-ui.css", root).href;
  document.head.appendChild(css);
  var loader = document.createElement("script");
  loader.src = new URL("pagefind/pagefind-ui.js", root).href;
  var bundle = new URL("pagefind/", root);
  /* A big unit's index is split into shelves (pagefind/shelves.json lists the
     others), searched together as one. */
  var shelves = fetch(new URL("shelves.json", bundle).href)
    .then(function (response) { return response.ok ? response.json() : []; })
    .catch(function () { return []; });
  loader.onload = function () {
    shelves.then(start);
  };
  document.head.appendChild(loader);

  function start(others) {
    var ui = new PagefindUI({
      element: "#cari",
      baseUrl: root.pathname,
      bundlePath: bundle.pathname,
      mergeIndex: others.map(function (folder) {
        return { bundlePath: new URL(folder, bundle).pathname };
      }),
      showImages: false,
      translations: wordsOf(document.getElementById("cari"))
    });
    labelInput();
    /* The search box in every page's header sends its words here as ?q=… */
    var words = new URLSearchParams(window.location.search).get("q");
    if (words) {
      ui.triggerSearch(words);
    }
  }

  /* The interface's words, in the page's language: the page carries them (data-zero-results="…"),
     translated with the rest of the theme, so /cari/ speaks Indonesian and /en/cari/ English. */
  function wordsOf(element) {
    var words = {};
    Object.keys(element.dataset).forEach(function (key) {
      words[key.replace(/[A-Z]/g, function (c) { return "_" + c.toLowerCase(); })] = element.dataset[key];
    });
    return words;
  }

  /* The search box is named by the page's visible heading (screen readers, WCAG 1.3.1). */
  function labelInput() {
    var input = document.querySelector("#cari input");
    if (input) {
      input.setAttribute("aria-labelledby", "judul-cari");
      return;
    }
    new MutationObserver(function (changes, observer) {
      var found = document.querySelector("#cari input");
      if (found) {
        found.setAttribute("aria-labelledby", "judul-cari");
        observer.disconnect();
      }
    }).observe(document.getElementById("cari"), { childList: true, subtree: true });
  }
})();
