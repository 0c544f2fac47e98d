// The header search on every page: a dialog with a search box and the best matches.
// Without JavaScript (or without <dialog>) the header keeps its plain link to «Finn eksempel».
import { loadPagefind, plural, resultItem, search as searchPages, searchWords, suggest, suggestionNodes } from "./search-common.js";

const SHOWN = 8;             // examples
const SHOWN_EXPLAINED = 3;   // then explanations: success factors, target groups, themes, ...
const SHOWN_OTHER = 2;       // then the other pages (front page, «Bidra», «Om»)
// The page's own language: Nynorsk pages get Nynorsk words.
const WORDS = {
  nb: {
    none: (term) => `Ingen treff på «${term}».`,
    found: (count, term) => `${plural(count, "treff", "treff")} for «${term}»`,
    best: `, viser de ${SHOWN} beste eksemplene`,
    didYouMean: "Mente du",
    or: "eller",
    broken: "Søket virker ikke akkurat nå. Prøv Finn eksempel i stedet.",
    groups: ["Eksempler", "Forklaringer og oversikter", "Andre sider"],
  },
  nn: {
    none: (term) => `Ingen treff på «${term}».`,
    found: (count, term) => `${plural(count, "treff", "treff")} for «${term}»`,
    best: `, viser dei ${SHOWN} beste døma`,
    didYouMean: "Meinte du",
    or: "eller",
    broken: "Søket verkar ikkje akkurat no. Prøv Finn døme i staden.",
    groups: ["Døme", "Forklaringar og oversikter", "Andre sider"],
  },
};
const say = WORDS[document.documentElement.lang] || WORDS.nb;
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
      const found = await searchPages(pagefind, term);
      if (run !== latest) return;
      allLink.href = finderUrl(term);
      if (!found.results.length) {
        list.replaceChildren();
        status.textContent = say.none(term);
        all.hidden = true;
        await offerSuggestions(found, run);
        return;
      }
      // Examples first, then explanations, then the other pages: Pagefind ranks them together,
      // so ask which of the results carry the other types.
      const types = (await searchWords()).types;
      const ids = async (value) => {
        const typed = await searchPages(pagefind, term, { filters: { [types.filter]: { any: [value] } } });
        return new Set(typed.results.map((r) => r.id));
      };
      const [other, explained] = types.filter
        ? await Promise.all([ids(types.side), ids(types.forklaring)])
        : [new Set(), new Set()];
      if (run !== latest) return;
      const groups = [
        found.results.filter((r) => !other.has(r.id)).slice(0, SHOWN),
        found.results.filter((r) => explained.has(r.id)).slice(0, SHOWN_EXPLAINED),
        found.results.filter((r) => other.has(r.id) && !explained.has(r.id)).slice(0, SHOWN_OTHER),
      ];
      const pages = await Promise.all(groups.map((group) => Promise.all(group.map((r) => r.data()))));
      if (run !== latest) return;
      list.replaceChildren(...pages.map((group, i) => resultGroup(i, group)).filter(Boolean));
      const examples = found.results.length - other.size;
      status.textContent = say.found(found.results.length, term) + (examples > SHOWN ? say.best : "") + ".";
      all.hidden = false;
    } catch (error) {
      if (run !== latest) return;
      list.replaceChildren();
      status.textContent = say.broken;
      allLink.href = finderUrl(term);
      all.hidden = false;
    }
  }

  // A group of results under its heading (h3; the results' titles are h4), or nothing.
  function resultGroup(index, pages) {
    if (!pages.length) return null;
    const section = document.createElement("section");
    section.className = "eb-search__group";
    const heading = document.createElement("h3");
    heading.className = "eb-search__group-title";
    heading.id = `eb-search-group-${index}`;
    heading.textContent = say.groups[index];
    section.setAttribute("aria-labelledby", heading.id);
    const items = document.createElement("ol");
    items.className = "eb-search__results";
    items.append(...pages.map((data) => resultItem(data, { headingLevel: 4, showSummary: false })));
    section.append(heading, items);
    return section;
  }

  // «Mente du «Holmestrand»?»: each offer is a button that searches for it.
  async function offerSuggestions(found, run) {
    let offers = [];
    try {
      offers = await suggest(found.query, found.unknown);
    } catch (error) {
      return;  // no suggestions; «Ingen treff» stands
    }
    if (run !== latest || !offers.length) return;
    status.append(" ", ...suggestionNodes(offers, { className: "eb-search__suggestion", didYouMean: say.didYouMean,
      or: say.or, pick: (offer) => {
        input.value = offer;
        input.focus();
        search(offer);
      } }));
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
