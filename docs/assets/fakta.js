// Example pages: the facts box is open on wide screens and closed, a tap away, on phones (fakta.css).
// The HTML has it closed; on a wide screen this marks it open, so screen readers and browsers that
// cannot show a closed box's content (fakta.css) get the full box. Turning a phone or resizing a
// window across the width opens or closes it again.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("details.eb-fakta");
  if (!boxes.length || !window.matchMedia) return;
  var wide = window.matchMedia("screen and (min-width: 45em)");  // the width in fakta.css
  var paper = window.matchMedia("print");
  function follow() {
    if (paper.matches) return;  // printing: theme.js opens every <details> and closes it after
    boxes.forEach(function (box) { box.open = wide.matches; });
  }
  follow();
  if (wide.addEventListener) wide.addEventListener("change", follow);
  else if (wide.addListener) wide.addListener(follow);
})();
