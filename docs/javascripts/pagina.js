/* Small helpers on every page (mkdocs.yml extra_javascript; no inline script: the pages carry a
 * Content-Security-Policy, generator/csp.py).
 *
 * 1. Practice pages: the "Link kopiëren" and "Afdrukken" buttons (generator/render/practice.py
 *    `_share`). They are hidden in the HTML and shown here, so without JavaScript no button
 *    does nothing.
 * 2. Search: a query that Material's search never answered is asked again. Material reads the
 *    search field on `keyup` (and once when its search worker is ready); text that arrives
 *    without a key press (pasted with the mouse, filled in by the browser or a test), or typed
 *    while an offline bundle's worker is still starting, can leave the results on "Typ om te
 *    beginnen met zoeken" while the field holds a query. Material dependency (checked with
 *    Material 9.8): the field `[data-md-component="search-query"]` and its `keyup` listener,
 *    the results line `.md-search-result__meta`, and the text "search.result.placeholder" in
 *    the page's configuration `#__config`.
 *
 * The site does not use Material's instant navigation (navigation.instant), so every page is
 * a full load and this script runs once per page; with instant navigation it would have to
 * subscribe to Material's document observable instead.
 */
(function () {
  "use strict";

  // --- 1. copy link and print ----------------------------------------------------------------

  function setupShare(box) {
    var status = box.querySelector(".pk-share__status");
    var url = box.getAttribute("data-pk-url") || location.href.split("#")[0];
    var clear = 0;

    function say(text) {
      if (!status) return;
      status.textContent = text;
      window.clearTimeout(clear);
      clear = window.setTimeout(function () { status.textContent = ""; }, 6000);
    }

    function copyByHand() {
      // Older browsers, or a page without clipboard permission: a hidden, selected text field.
      var field = document.createElement("textarea");
      field.value = url;
      field.setAttribute("readonly", "");
      field.className = "pk-share__field";
      document.body.appendChild(field);
      field.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      document.body.removeChild(field);
      say(done ? "Link gekopieerd." : "Kopiëren lukte niet. De link: " + url);
    }

    var copy = box.querySelector("[data-pk-copy]");
    if (copy) {
      copy.addEventListener("click", function () {
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(
            function () { say("Link gekopieerd."); },
            copyByHand
          );
        } else {
          copyByHand();
        }
      });
    }
    var print = box.querySelector("[data-pk-print]");
    if (print) {
      print.addEventListener("click", function () { window.print(); });
    }
    box.hidden = false;
  }

  // --- 2. search: ask an unanswered query again ------------------------------------------------

  var MAX_RETRIES = 5;

  function setupSearch() {
    var input = document.querySelector('[data-md-component="search-query"]');
    var meta = document.querySelector(".md-search-result__meta");
    var config = document.getElementById("__config");
    if (!input || !meta || !config) return;
    var placeholder;
    try {
      placeholder = JSON.parse(config.textContent).translations["search.result.placeholder"];
    } catch (e) {
      return;
    }
    if (!placeholder) return;
    var retries = 0;
    var timer = 0;

    function unanswered() {
      return input.value.trim() !== "" && meta.textContent.trim() === placeholder;
    }

    function ask() {
      if (!unanswered() || retries >= MAX_RETRIES) return;
      retries += 1;
      // Material ignores a keyup that does not change the value it saw last: change it and
      // set it back, so the query is sent whatever Material saw before.
      var value = input.value;
      input.value = value + " ";
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      input.value = value;
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }

    // The results line shows the placeholder while the field holds text: the worker answered
    // an empty query (it just became ready), not the one in the field.
    new MutationObserver(function () {
      window.setTimeout(ask, 0);
    }).observe(meta, { childList: true, characterData: true, subtree: true });
    // Text without a key press: ask once the field has been quiet for a moment.
    input.addEventListener("input", function () {
      retries = 0;
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 300);
    });
  }

  // --- 3. names the theme leaves out ---------------------------------------------------------
  // Material 9.8 writes its search box as role="dialog" without a name, and with
  // navigation.indexes a section's label in the phone menu holds only an icon, so its <nav>
  // has an empty name (axe: aria-dialog-name, landmark-unique). Material dependency: the
  // `.md-search[role=dialog]` element and `nav[aria-labelledby]` with `.md-nav__title`.
  function nameTheThemeParts() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Zoeken");
    var navs = document.querySelectorAll("nav[aria-labelledby]");
    for (var i = 0; i < navs.length; i++) {
      var label = document.getElementById(navs[i].getAttribute("aria-labelledby"));
      if (!label || label.textContent.trim()) continue;
      var item = navs[i].closest(".md-nav__item");
      var link = item && item.querySelector(".md-nav__link");
      var name = link ? link.textContent.trim() : "";
      if (name) navs[i].setAttribute("aria-label", name);
    }
    // A table wider than the screen scrolls in its box: the box must take keyboard focus.
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var j = 0; j < boxes.length; j++) {
      if (!boxes[j].hasAttribute("tabindex")) boxes[j].setAttribute("tabindex", "0");
    }
  }

  function start() {
    var boxes = document.querySelectorAll("[data-pk-share]");
    for (var i = 0; i < boxes.length; i++) setupShare(boxes[i]);
    setupSearch();
    nameTheThemeParts();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
