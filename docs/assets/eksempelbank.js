// Eksempelbanken: small enhancements on every page. No third-party code, nothing sent anywhere.
(function () {
  "use strict";

  // «Skriv ut / lagre som PDF»: the button is in the page with `hidden`, so it shows only
  // when this script runs (without JavaScript it could do nothing). The print stylesheet in
  // eksempelbank.css makes the printout one clean A4 document.
  document.querySelectorAll("button[data-eb-print]").forEach(function (button) {
    button.hidden = false;
    if (button.parentElement.classList.contains("eb-page-actions")) button.parentElement.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Printed pages carry the date they were printed (the build date stands in without JavaScript).
  function printDate() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    document.querySelectorAll("[data-eb-print-date]").forEach(function (el) { el.textContent = today; });
  }
  printDate();
  window.addEventListener("beforeprint", printDate);

  // Material's skip link («Gå til innhold») jumps to the page's heading; move the keyboard focus
  // there too, so the next Tab goes on in the content in every browser and screen reader.
  var skip = document.querySelector("a.md-skip");
  if (skip) {
    skip.addEventListener("click", function () {
      var target = document.getElementById(decodeURIComponent(skip.hash.slice(1)));
      if (!target) return;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    });
  }

  // Wide tables and code blocks scroll sideways on a phone: make such a box reachable and
  // scrollable with the keyboard (WCAG 2.1.1), with a name for screen readers. Tables come in their
  // box from the build (eksempelbank/website/tables.py); a code block scrolls in its <code>. The names are in the page's written
  // language (data-eb-scroll-* on the header, partials/header.html), Bokmål if missing.
  var texts = (document.querySelector("[data-eb-scroll-table]") || document.body).dataset;
  var SCROLLABLE = [
    [".md-typeset__scrollwrap", texts.ebScrollTable || "Tabell som kan rulles sideveis"],
    [".md-typeset pre > code", texts.ebScrollCode || "Kode som kan rulles sideveis"],
  ];
  function markScrollable() {
    SCROLLABLE.forEach(function (kind) {
      var boxes = Array.prototype.slice.call(document.querySelectorAll(kind[0]));
      var wide = boxes.filter(function (box) { return box.scrollWidth > box.clientWidth + 1; });
      boxes.forEach(function (box) {
        var n = wide.indexOf(box);
        if (n >= 0) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          // Regions need names of their own (landmarks): numbered when there are more.
          box.setAttribute("aria-label", kind[1] + (wide.length > 1 ? " (" + (n + 1) + " av " + wide.length + ")" : ""));
          box.dataset.ebScrollable = "";
        } else if (box.hasAttribute("data-eb-scrollable")) {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
          box.removeAttribute("data-eb-scrollable");
        }
      });
    });
  }
  var timer = null;
  if (document.readyState === "complete") markScrollable();
  else window.addEventListener("load", markScrollable);
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(markScrollable, 150);
  });

  // The menu on narrow screens: Material opens it with a <label for="__drawer">, which a pointer
  // can use but a keyboard cannot reach. The header has a real button for it (partials/header.html),
  // shown here in the label's place. Opening moves the focus into the menu; Escape, or Tab out of
  // it, closes it (Escape returns the focus to the button). eksempelbank.css hides the closed
  // menu from Tab and screen readers.
  var drawer = document.getElementById("__drawer");
  var menuButton = document.querySelector("[data-eb-menu-button]");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && menuButton && sidebar) {
    var menuLabel = document.querySelector("[data-eb-menu-label]");
    if (menuLabel) menuLabel.hidden = true;
    menuButton.hidden = false;
    if (!sidebar.id) sidebar.id = "eb-meny";
    menuButton.setAttribute("aria-controls", sidebar.id);
    var syncExpanded = function () { menuButton.setAttribute("aria-expanded", String(drawer.checked)); };
    syncExpanded();
    drawer.addEventListener("change", syncExpanded);
    var firstInDrawer = function () {
      return Array.prototype.find.call(sidebar.querySelectorAll("a[href], [tabindex='0']"), function (el) {
        return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
      });
    };
    var closeDrawer = function (refocus) {
      if (!drawer.checked) return;
      drawer.click();
      if (refocus) menuButton.focus();
    };
    menuButton.addEventListener("click", function () {
      drawer.click();
      if (!drawer.checked) return;
      // Shown at once when opened (the slide-in is only a transform), so it can take the focus.
      var first = firstInDrawer();
      if (first) first.focus();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) closeDrawer(true);
    });
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (drawer.checked && next && !sidebar.contains(next) && next !== menuButton) closeDrawer(false);
    });
  }
})();
