// «Finn eksempel»: filters for every facet, period and free text, answered by Pagefind.
//
// Within a facet the chosen values combine with OR, across facets with AND. The number after
// each value is how many examples match the text and every *other* facet's choices and have
// that value (so it is what the visitor gets by adding it); values with none are disabled.
// The current choice lives in the query string (?fylke=vestfold&q=startlån&sortering=tittel),
// so a link can be shared and the back button works.
//
// The page is built showing the state without choices: every value's count and the newest
// examples (eksempelbank/finder.py). That state needs no search, so Pagefind (its WebAssembly,
// metadata and index chunks) is loaded only when the visitor chooses, types, sorts or asks for
// more, or opens a link with choices in it.
import { loadPagefind, plural, resultItem } from "./search-common.js";

const form = document.getElementById("eb-finder");
if (form) setUp(form);

function setUp(form) {
  const fallback = document.getElementById("eb-finder-fallback");
  const input = document.getElementById("eb-finder-q");
  const sortSelect = document.getElementById("eb-finder-sort");
  const status = document.getElementById("eb-finder-status");
  const list = document.getElementById("eb-finder-list");
  const more = document.getElementById("eb-finder-more");
  const clear = document.getElementById("eb-finder-clear");
  const filtersBox = document.getElementById("eb-finder-filters");
  const chosen = document.getElementById("eb-finder-chosen");
  const facets = [...form.querySelectorAll("fieldset[data-facet]")].map((fieldset) => ({
    id: fieldset.dataset.facet,
    legend: fieldset.querySelector("legend").textContent,
    boxes: [...fieldset.querySelectorAll("input[type=checkbox]")],
  }));
  const pageSize = Number(form.dataset.pageSize) || 10;
  // The state the page was built with: nothing chosen, newest first.
  const built = {
    total: Number(form.dataset.total) || 0,
    counts: Object.fromEntries(facets.map((facet) => [
      facet.id, Object.fromEntries(facet.boxes.map((box) => [box.value, Number(box.dataset.count) || 0])),
    ])),
    items: [...list.children].map((item) => item.cloneNode(true)),
  };
  // Examples only: not the other pages (front page, «Om», ...), which carry this filter.
  const typeFilter = { [form.dataset.typeFilter]: { none: [form.dataset.otherType] } };
  const sorts = {
    "sist-vurdert": { [form.dataset.sortReviewed]: "desc" },
    tittel: { [form.dataset.sortTitle]: "asc" },
  };
  let latest = 0;
  let shown = null;      // results of the latest search; null while the built list is shown
  let typingTimer = null;
  let filtersLoaded = false;
  let loadingMore = false;
  let chosenSort = "";   // the visitor's own sort choice; "" = the default for the state

  // -- state <-> URL <-> form -----------------------------------------------------------------
  function stateFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const state = { q: (params.get("q") || "").trim(), sort: params.get("sortering") || "", facets: {} };
    for (const facet of facets) {
      const known = new Set(facet.boxes.map((box) => box.value));
      state.facets[facet.id] = params.getAll(facet.id).filter((value) => known.has(value));
    }
    return state;
  }

  function emptyState() {
    return { q: "", sort: "", facets: Object.fromEntries(facets.map((facet) => [facet.id, []])) };
  }

  function stateFromForm() {
    const state = { q: input.value.trim(), sort: chosenSort, facets: {} };
    for (const facet of facets) state.facets[facet.id] = facet.boxes.filter((b) => b.checked).map((b) => b.value);
    return state;
  }

  function effectiveSort(state) {
    const sort = state.sort || (state.q ? "relevans" : "sist-vurdert");
    return sort === "relevans" && !state.q ? "sist-vurdert" : sort;
  }

  function chosenCount(state) {
    return facets.reduce((sum, facet) => sum + state.facets[facet.id].length, 0);
  }

  // Nothing chosen and newest first: what the page was built with.
  function isBuiltState(state) {
    return !state.q && chosenCount(state) === 0 && effectiveSort(state) === "sist-vurdert";
  }

  function toForm(state) {
    input.value = state.q;
    chosenSort = state.sort;
    for (const facet of facets) {
      const values = new Set(state.facets[facet.id]);
      for (const box of facet.boxes) box.checked = values.has(box.value);
    }
    sortSelect.querySelector('option[value="relevans"]').disabled = !state.q;
    sortSelect.value = effectiveSort(state);
  }

  function toUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const facet of facets) for (const value of state.facets[facet.id]) params.append(facet.id, value);
    if (state.sort && state.sort !== (state.q ? "relevans" : "sist-vurdert")) params.set("sortering", state.sort);
    const query = params.toString();
    return window.location.pathname + (query ? `?${query}` : "");
  }

  function remember(state, replace) {
    const url = toUrl(state);
    if (url === window.location.pathname + window.location.search) return;
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }

  // -- searching ------------------------------------------------------------------------------
  function filtersFor(state, without) {
    const filters = { ...typeFilter };
    for (const facet of facets) {
      const values = state.facets[facet.id];
      if (facet.id !== without && values.length) filters[facet.id] = { any: values };
    }
    return filters;
  }

  // No text: search for the word every example carries (a search without a term would
  // make Pagefind fetch the whole index; see search_index.py).
  function searchFor(pagefind, state, filters, preload = false) {
    const sortName = effectiveSort(state);
    const options = { filters };
    if (sortName !== "relevans") options.sort = sorts[sortName];
    const term = state.q || form.dataset.allTerm;
    return preload ? pagefind.preload(term, options) : pagefind.search(term, options);
  }

  function showBuilt(state) {
    shown = null;
    showCounts(built.counts);
    list.replaceChildren(...built.items.map((item) => item.cloneNode(true)));
    showMoreButton(built.total);
    announce(state, built.total);
  }

  async function update(state) {
    const run = ++latest;
    if (isBuiltState(state)) {
      form.removeAttribute("aria-busy");
      showBuilt(state);
      return;
    }
    form.setAttribute("aria-busy", "true");
    try {
      const pagefind = await loadPagefind();
      if (run !== latest) return;
      // Without text or choices the counts are the built ones (only the order differs).
      const needCounts = Boolean(state.q) || chosenCount(state) > 0;
      // Searches only count the filters whose chunks are loaded: load them all, once (and the
      // search's own index chunks at the same time).
      if (needCounts && !filtersLoaded) {
        await Promise.all([pagefind.filters(), searchFor(pagefind, state, filtersFor(state), true)]);
        filtersLoaded = true;
      }
      if (run !== latest) return;
      const found = await searchFor(pagefind, state, filtersFor(state));
      if (run !== latest || !found) return;
      // Counts per facet: for a facet with choices, search again without that facet's choices.
      const term = state.q || form.dataset.allTerm;
      const counts = needCounts ? {} : built.counts;
      for (const facet of needCounts ? facets : []) {
        if (state.facets[facet.id].length) {
          const other = await pagefind.search(term, { filters: filtersFor(state, facet.id) });
          if (run !== latest) return;
          counts[facet.id] = (other && other.filters[facet.id]) || {};
        } else {
          counts[facet.id] = found.filters[facet.id] || {};
        }
      }
      showCounts(counts);
      shown = found.results;
      list.replaceChildren();
      await showMore(run, false);
      if (run !== latest) return;
      announce(state, found.results.length);
    } catch (error) {
      if (run !== latest) return;
      status.textContent = "Søket virker ikke akkurat nå. Bruk lenkene nedenfor i stedet.";
      fallback.hidden = false;
    } finally {
      if (run === latest) form.removeAttribute("aria-busy");
    }
  }

  async function showMore(run, moveFocus) {
    const start = list.children.length;
    const next = shown.slice(start, start + pageSize);
    const pages = await Promise.all(next.map((result) => result.data()));
    if (run !== latest) return;
    const items = pages.map((data) => resultItem(data, { showExcerpt: Boolean(input.value.trim()) }));
    list.append(...items);
    showMoreButton(shown.length);
    if (moveFocus && items.length) items[0].querySelector("a").focus();
  }

  function showMoreButton(total) {
    const left = total - list.children.length;
    more.hidden = left <= 0;
    more.textContent = `Vis flere eksempler (${left} til)`;
  }

  // «Vis flere eksempler»: the next results of the shown search. Under the built list, search
  // first (newest first, as built: the sort keys are unique, so the order is the same).
  async function moreClicked() {
    // While a new choice is being searched, the list is about to be replaced: wait for it.
    if (loadingMore || form.hasAttribute("aria-busy")) return;
    loadingMore = true;
    const run = latest;
    try {
      if (shown === null) {
        const state = emptyState();
        const pagefind = await loadPagefind();
        const found = await searchFor(pagefind, state, filtersFor(state));
        if (run !== latest || !found) return;
        shown = found.results;
      }
      await showMore(run, true);
    } catch (error) {
      if (run !== latest) return;
      status.textContent = "Søket virker ikke akkurat nå. Bruk lenkene nedenfor i stedet.";
      fallback.hidden = false;
    } finally {
      loadingMore = false;
    }
  }

  function showCounts(counts) {
    for (const facet of facets) {
      for (const box of facet.boxes) {
        const count = counts[facet.id][box.value] || 0;
        box.closest("li").querySelector(".eb-facet__count").textContent = `(${count})`;
        box.disabled = count === 0 && !box.checked;  // a chosen value can always be unchosen
      }
    }
  }

  function announce(state, count) {
    const choices = chosenCount(state);
    const parts = [];
    if (state.q) parts.push(`«${state.q}»`);
    if (choices) parts.push(plural(choices, "valg", "valg"));
    let text = count === 0 ? "Ingen eksempler passer" : `${plural(count, "eksempel", "eksempler")} passer`;
    if (parts.length) text += ` til ${parts.join(" og ")}`;
    text += count === 0 ? ". Prøv å fjerne et valg eller bruke et annet ord." : ".";
    status.textContent = text;
    chosen.textContent = choices ? `(${choices} valgt)` : "";
    clear.hidden = !choices && !state.q && !state.sort;
  }

  // -- events ---------------------------------------------------------------------------------
  function changed(replace) {
    const state = stateFromForm();
    toForm(state);
    remember(state, replace);
    update(state);
  }

  form.addEventListener("change", (event) => {
    if (event.target === input) return;  // typing is handled below
    if (event.target === sortSelect) {
      chosenSort = sortSelect.value === (input.value.trim() ? "relevans" : "sist-vurdert") ? "" : sortSelect.value;
    }
    changed(false);
  });
  input.addEventListener("input", () => {
    loadPagefind().catch(() => {});  // start fetching the runtime while the visitor types
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => changed(true), 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    changed(true);
  });
  clear.addEventListener("click", () => {
    const empty = emptyState();
    toForm(empty);
    remember(empty, false);
    update(empty);
    input.focus();
  });
  more.addEventListener("click", moreClicked);
  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    toForm(state);
    update(state);
  });

  // -- start ----------------------------------------------------------------------------------
  const wide = window.matchMedia("(min-width: 60em)");
  const initial = stateFromUrl();
  filtersBox.open = wide.matches;  // on a phone the results come first; «Filtre» opens the choices
  form.hidden = false;
  fallback.hidden = true;
  toForm(initial);
  update(initial);
}
