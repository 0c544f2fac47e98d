// Eksempelbanken: what Material for MkDocs' own script did on this site, in a script of our own:
// the colour switch, the page's title in the header, the table of contents that follows the reading,
// «Til toppen», Enter on the menu's section buttons, and every <details> open on paper. Material's
// script (114 kB) started with 100 ms and more of main-thread work on every page, most of it for
// features this site does not use (its search, tabs, code blocks, instant loading), and ends its
// life in 2027. The rest of the theme (menus, sidebars, the drawer) is HTML and CSS; the page keeps
// Material's `no-js` class, under which the sidebars size themselves (eksempelbank.css).
// Material's single-key shortcuts (p, n, s, …) are not kept: they fire while a screen reader reads.
(function () {
  "use strict";
  var body = document.body;
  var script = document.currentScript;
  // The site's address without the host, as Material's first script scopes its stored values
  // («/.__palette», «/bank/.__palette» under a sub-path): this file lies in assets/.
  var scope = script ? new URL("..", script.src).pathname : "/";

  // Each job on its own, so a failure in one leaves the others working.
  function run(job) {
    try { job(); } catch (error) { if (window.console) console.error(error); }
  }

  // -- keyboard focus -------------------------------------------------------------------------------
  // Material's stylesheet draws focus rings on elements with the class its old polyfill gave
  // ("focus-visible"); give it to what the browser itself shows as keyboard focus.
  run(function () {
    document.addEventListener("focusin", function (event) {
      var el = event.target;
      if (el.classList && el.matches(":focus-visible")) el.classList.add("focus-visible");
    });
    document.addEventListener("focusout", function (event) {
      if (event.target.classList) event.target.classList.remove("focus-visible");
    });
  });

  // -- the colour switch ----------------------------------------------------------------------------
  // The page opens in the right colours already (partials/javascripts/palette.html, inline): the
  // stored choice, or else the system's. Here: switching, and following the system until the visitor
  // has chosen. The choice is stored only when made (personvern.md says so).
  run(function () {
    var form = document.querySelector("[data-md-component=palette]");
    if (!form) return;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=radio]"));
    var key = scope + ".__palette";
    var meta = {};
    ["theme-color", "color-scheme"].forEach(function (name) {
      meta[name] = document.head.querySelector("meta[name='" + name + "']") || document.head.appendChild(
        Object.assign(document.createElement("meta"), { name: name }));
    });
    function chosen() {
      try { return Boolean(localStorage.getItem(key)); } catch (error) { return false; }
    }
    // The browser's own colours (address bar, form controls) follow the header's.
    function browserColours() {
      var style = getComputedStyle(document.querySelector("[data-md-component=header]") || body);
      var rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
      if (rgb.length === 3) meta["theme-color"].content = "#" + rgb.map(function (v) { return (+v).toString(16).padStart(2, "0"); }).join("");
      meta["color-scheme"].content = style.colorScheme || "normal";
    }
    function show(index, remember) {
      var input = inputs[index];
      var colour = {};
      body.setAttribute("data-md-color-switching", "");  // Material's stylesheet: no transitions now
      ["media", "scheme", "primary", "accent"].forEach(function (name) {
        colour[name] = input.getAttribute("data-md-color-" + name);
        body.setAttribute("data-md-color-" + name, colour[name]);
      });
      inputs.forEach(function (other, i) {
        var label = other.nextElementSibling;
        if (label && label.tagName === "LABEL") label.hidden = i !== index;
      });
      input.checked = true;
      if (remember) {
        try { localStorage.setItem(key, JSON.stringify({ index: index, color: colour })); } catch (error) { /* private mode */ }
      }
      setTimeout(function () {
        body.removeAttribute("data-md-color-switching");
        browserColours();
      }, 0);
    }
    form.addEventListener("change", function (event) {
      var index = inputs.indexOf(event.target);
      if (index >= 0) show(index, true);
    });
    // Enter on the focused switch switches, as a click on its visible button does.
    form.addEventListener("keydown", function (event) {
      var index = inputs.indexOf(event.target);
      if (event.key !== "Enter" || index < 0) return;
      event.preventDefault();
      var next = inputs[(index + 1) % inputs.length];
      next.click();
      next.focus();
    });
    function followSystem() {
      inputs.forEach(function (input, index) {
        var media = window.matchMedia && window.matchMedia(input.getAttribute("data-md-color-media"));
        if (media && media.addEventListener) media.addEventListener("change", function () {
          if (media.matches && !chosen()) show(index, false);
        });
      });
    }
    // When the page is idle: a style or media query read earlier makes the browser style the page
    // before it would have (work in the way of the first taps).
    var idle = window.requestIdleCallback || function (job) { return setTimeout(job, 200); };
    function whenIdle() {
      idle(followSystem);
      idle(browserColours);
    }
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle);
  });

  // -- scrolling: the title in the header, the table of contents, «Til toppen» ----------------------
  run(function () {
    var title = document.querySelector("[data-md-component=header-title]");
    var headline = document.querySelector(".md-content h1");
    // Once the page's heading has scrolled away, the header shows it in place of the site's name.
    if (title && headline && window.IntersectionObserver) {
      new IntersectionObserver(function (entries) {
        var entry = entries[entries.length - 1];
        title.classList.toggle("md-header__title--active", !entry.isIntersecting && entry.boundingClientRect.top < 0);
      }).observe(headline);
    }

    var header = document.querySelector("[data-md-component=header]");
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-md-component=toc] a.md-nav__link[href^='#']"));
    var targets = links.map(function (link) {
      return document.getElementById(decodeURIComponent(link.hash.slice(1)));
    });
    // The heading being read is the last one that has reached the header; those above it are read.
    function followToc() {
      if (!links.length) return;
      var line = (header ? header.getBoundingClientRect().bottom : 0) + 16;
      var current = null;
      targets.forEach(function (target) {
        if (target && target.getBoundingClientRect().top <= line) current = target;
      });
      var reached = targets.indexOf(current);  // -1 before the first heading
      links.forEach(function (link, i) {
        var active = i === reached;
        link.classList.toggle("md-nav__link--passed", i <= reached);
        link.classList.toggle("md-nav__link--active", active);
        var wrap = active && link.closest(".md-sidebar__scrollwrap");
        if (wrap && wrap.scrollHeight > wrap.clientHeight) {  // keep it in sight in a long contents list
          var box = wrap.getBoundingClientRect();
          var at = link.getBoundingClientRect();
          if (at.top < box.top || at.bottom > box.bottom) wrap.scrollTop += at.top - box.top - wrap.clientHeight / 2;
        }
      });
    }

    // «Til toppen»: shown while the visitor scrolls back up, away from the top; out of the tab order
    // while hidden.
    var top = document.querySelector("[data-md-component=top]");
    var lastY = window.scrollY;
    function followTop() {
      if (!top) return;
      var y = window.scrollY;
      var hide = !(y < lastY && y > 100);
      lastY = y;
      if (top.hidden === hide && top.hasAttribute("tabindex") === hide) return;
      top.hidden = hide;
      if (hide) {
        top.setAttribute("tabindex", "-1");
        if (document.activeElement === top) top.blur();
      } else {
        top.removeAttribute("tabindex");
      }
    }
    if (top) {
      top.setAttribute("tabindex", "-1");
      top.addEventListener("click", function (event) {
        event.preventDefault();
        window.scrollTo({ top: 0 });
      });
    }

    var pending = false;
    function onScroll() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        followToc();
        followTop();
      });
    }
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    // At the top of the page nothing is read yet and «Til toppen» is hidden: nothing to measure until
    // the page scrolls (a return to a scrolled page, or a link to a heading, scrolls it).
    if (location.hash) {
      if (document.readyState === "complete") onScroll();
      else window.addEventListener("load", onScroll);
    }
  });

  // -- the menu -------------------------------------------------------------------------------------
  run(function () {
    // A section of the menu opens with a <label tabindex="0">: Enter opens it as a click does.
    document.addEventListener("keydown", function (event) {
      var el = event.target;
      if (event.key !== "Enter" || !el || el.tagName !== "LABEL" || !el.htmlFor || !el.closest(".md-nav")) return;
      event.preventDefault();
      el.click();
    });
    // A link in the open drawer to a heading of this page closes the drawer, so the heading shows.
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (drawer && sidebar) {
      sidebar.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[href*='#']");
        if (link && drawer.checked && link.pathname === location.pathname && link.hash) drawer.click();
      });
    }
  });

  // -- <details> ------------------------------------------------------------------------------------
  run(function () {
    // A link to something inside a closed box opens the box.
    function reveal() {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (!target) return;
      var box = target.closest("details:not([open])");
      if (!box) return;
      for (; box; box = box.parentElement && box.parentElement.closest("details:not([open])")) box.open = true;
      target.scrollIntoView();
    }
    reveal();
    window.addEventListener("hashchange", reveal);
    // On paper every box is open (fakta.js counts on it); afterwards the closed ones close again.
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (box) { return !box.open; });
      opened.forEach(function (box) { box.open = true; });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (box) { box.open = false; });
      opened = [];
    });
  });
})();
