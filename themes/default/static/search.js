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
      translations: {
        placeholder: "Cari berita, pengumuman, layanan…",
        zero_results: "Tidak ada hasil untuk [SEARCH_TERM]",
        clear_search: "Hapus",
        load_more: "Tampilkan lebih banyak",
        many_results: "[COUNT] hasil untuk [SEARCH_TERM]",
        one_result: "1 hasil untuk [SEARCH_TERM]"
      }
    });
    labelInput();
    /* The search box in every page's header sends its words here as ?q=… */
    var words = new URLSearchParams(window.location.search).get("q");
    if (words) {
      ui.triggerSearch(words);
    }
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
