// `make serve` only (added by hooks/eksempelbank_hook.py): reload the page when the site has been
// rebuilt. MkDocs' server does this with an inline script it puts into every page it serves, and
// the pages' Content-Security-Policy blocks inline scripts it has no hash for (the policy is the
// one that is published, so the preview shows what readers get). This file is the same loop, from
// the site itself: it reads the build number MkDocs wrote into its own (blocked) script and asks
// the server, as that script would, until a newer build is there.
(function () {
  "use strict";
  function start() {
    var found = null;
    Array.prototype.forEach.call(document.scripts, function (script) {
      var match = /livereload\((\d+), (\d+)\)/.exec(script.textContent || "");
      if (match) found = match;
    });
    if (!found) return;
    var epoch = found[1], request = found[2], pending = null, timer = null;
    function poll() {
      pending = new XMLHttpRequest();
      pending.onloadend = function () {
        if (parseFloat(this.responseText) > epoch) window.location.reload();
        else timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      };
      pending.open("GET", "/livereload/" + epoch + "/" + request);
      pending.send();
    }
    function stop() {
      if (pending) pending.abort();
      if (timer) clearTimeout(timer);
      pending = timer = null;
    }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") poll();
      else stop();
    });
    window.addEventListener("beforeunload", stop);
    if (document.visibilityState === "visible") poll();
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
