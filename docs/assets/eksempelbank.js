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

  // Wide tables scroll sideways on a phone: make such a table reachable and scrollable with
  // the keyboard (WCAG 2.1.1), with a name for screen readers. Material wraps tables on load.
  function markScrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabell som kan rulles sideveis");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  var timer = null;
  if (document.readyState === "complete") markScrollableTables();
  else window.addEventListener("load", markScrollableTables);
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(markScrollableTables, 150);
  });
})();
