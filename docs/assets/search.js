// The header search on every page: a dialog with a search box and the best matches.
// Without JavaScript (or without <dialog>) the header keeps its plain link to «Finn eksempel».
import { loadPagefind, plural, resultItem } from "./search-common.js";

const SHOWN = 8;
const root = document.querySelector("[data-eb-search]");
if (root && typeof HTMLDialogElement === "function") setUp(root);

function setUp(root) {
  const link = root.querySelector("[data-eb-search-link]");
  const button = root.querySelector("[data-eb-search-button]");
  const dialog = root.querySelector("dialog");
  const form = root.querySelector("[data-eb-search-form]");
  const input = form.querySelector("input");
  const status = root.querySelector("[data-eb-search-status]");
  const list = root.querySelector("[data-eb-search-results]");
  const all = root.querySelector("[data-eb-search-all]");
  const allLink = all.querySelector("a");
  const finder = new URL(link.getAttribute("href"), document.baseURI);
  let latest = 0;
  let timer = null;

  link.hidden = true;
  button.hidden = false;

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    loadPagefind().catch(() => {});  // start fetching while the visitor types
  }

  function finderUrl(term) {
    const url = new URL(finder);
    if (term) url.searchParams.set("q", term);
    return url.href;
  }

  async function search(term) {
    const run = ++latest;
    if (!term) {
      list.replaceChildren();
      status.textContent = "";
      all.hidden = true;
      return;
    }
    try {
      const pagefind = await loadPagefind();
      const found = await pagefind.search(term);
      if (run !== latest || !found) return;
      const pages = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
      if (run !== latest) return;
      list.replaceChildren(...pages.map((data) => resultItem(data, { showSummary: false })));
      const count = found.results.length;
      status.textContent = count === 0
        ? `Ingen treff for «${term}». Prøv et annet ord, eller bla i Finn eksempel.`
        : `${plural(count, "treff", "treff")} for «${term}»` + (count > SHOWN ? `, viser de ${SHOWN} beste.` : ".");
      allLink.href = finderUrl(term);
      all.hidden = false;
    } catch (error) {
      if (run !== latest) return;
      list.replaceChildren();
      status.textContent = "Søket virker ikke akkurat nå. Prøv Finn eksempel i stedet.";
      allLink.href = finderUrl(term);
      all.hidden = false;
    }
  }

  button.addEventListener("click", open);
  root.querySelector("[data-eb-search-close]").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener("close", () => button.focus());
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value.trim()), 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.href = finderUrl(input.value.trim());
  });
  // «/» opens the search, as on many sites, unless the visitor is typing somewhere.
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (event.key === "/" && !typing && !dialog.open && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });
}
