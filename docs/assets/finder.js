// «Finn eksempel»: filters for every facet, period and free text, answered by Pagefind.
//
// Within a facet the chosen values combine with OR, across facets with AND. The number after
// each value is how many examples match the text and every *other* facet's choices and have
// that value (so it is what the visitor gets by adding it); values with none are disabled.
// The current choice lives in the query string (?fylke=vestfold&q=startlån&sortering=tittel),
// so a link can be shared and the back button works.
//
// The page is built showing the state without choices: every value's count and the newest
// examples (eksempelbank/website/finder.py). Choices without text are answered here, from the selection
// table (each example's values as numbers; a few kB) and a small card per result shown: no search
// index. Pagefind (its WebAssembly, metadata, index and filter chunks) is loaded only for text.
//
// «Kommuner som oss» (som-oss.js): with a municipality chosen (?kommune=stord, and ?storrelse= if the
// visitor chose the size class), the matching examples come in groups, best first: the same size
// class in the same county, then in the neighbouring counties, then the rest; each with its reason.
// The groups are searches with the size and county filters added, so text and choices still apply.
//
// Kept in view while choosing: the count (a sticky bar, announced politely); on phones the bar's
// «Vis N eksempler» leads to the results. Back from an example puts the focus on the link that was
// opened: its address (and how many results were shown) is kept in history.state, which belongs to
// this tab's history and is not stored anywhere else.
import { loadPagefind, plural, resultItem, search as searchText, suggest, suggestionNodes } from "./search-common.js";

// som-oss.js, imported when a municipality is named (not with the page: most visits never need it).
const somOss = () => import("./som-oss.js");

// Long work in steps, each in a task of its own, so the page can answer in between (Total Blocking Time).
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

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
  const showButton = document.getElementById("eb-finder-show");
  const resultsTitle = document.getElementById("eb-finder-results-title");
  const townInput = document.getElementById("eb-som-oss-kommune");
  const townList = document.getElementById("eb-som-oss-kommuner");
  const sizeSelect = document.getElementById("eb-som-oss-storrelse");
  const townNote = document.getElementById("eb-som-oss-note");
  const answer = document.getElementById("eb-finder-answer");
  const facets = [...form.querySelectorAll("fieldset[data-facet]")].map((fieldset) => ({
    id: fieldset.dataset.facet,
    legend: fieldset.querySelector(".eb-facet__title").textContent,
    boxes: [...fieldset.querySelectorAll("input[type=checkbox]")],
    group: fieldset,
    toggle: fieldset.querySelector(".eb-facet__toggle"),
    body: fieldset.querySelector(".eb-facet__body"),
    chosenText: fieldset.querySelector(".eb-facet__chosen"),
    allButton: fieldset.querySelector(".eb-facet__all"),
  }));
  const pageSize = Number(form.dataset.pageSize) || 10;
  const tableUrl = new URL(form.dataset.table, window.location.href);
  const siteRoot = new URL("../../", tableUrl);  // the table is in finn/utvalg-…/
  const wide = window.matchMedia("(min-width: 60em)");
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
  let chosenSize = "";   // the visitor's own size class for «Kommuner som oss»; "" = as the bank knows it
  let towns = null;      // the municipalities (som-oss.js), once loaded
  let tableLoading = null;
  const cards = new Map();
  let townShown = "";    // the municipality of the state shown (a new one resets chosenSize)

  // -- state <-> URL <-> form -----------------------------------------------------------------
  function stateFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const state = {
      q: (params.get("q") || "").trim(), sort: params.get("sortering") || "", facets: {},
      town: (params.get("kommune") || "").trim(), size: params.get("storrelse") || "",
    };
    for (const facet of facets) {
      const known = new Set(facet.boxes.map((box) => box.value));
      state.facets[facet.id] = params.getAll(facet.id).filter((value) => known.has(value));
    }
    return state;
  }

  function emptyState() {
    return { q: "", sort: "", town: "", size: "", facets: Object.fromEntries(facets.map((facet) => [facet.id, []])) };
  }

  function stateFromForm() {
    const state = { q: input.value.trim(), sort: chosenSort, facets: {}, town: townValue(), size: "" };
    for (const facet of facets) state.facets[facet.id] = facet.boxes.filter((b) => b.checked).map((b) => b.value);
    if (state.town) state.size = chosenSize;
    return state;
  }

  // The order the list is in, as the sort box names it: with a municipality, «Kommuner som oss
  // først» (its groups, each newest first or by relevance); with text, the best matches first.
  function defaultSort(state) {
    return state.town ? "likhet" : state.q ? "relevans" : "sist-vurdert";
  }

  function effectiveSort(state) {
    const sort = state.sort || defaultSort(state);
    if (sort === "likhet" && !state.town) return defaultSort(state);
    return sort === "relevans" && !state.q ? "sist-vurdert" : sort;
  }

  // The order Pagefind or the table sorts by: «likhet» ranks groups, each by relevance or newest first.
  function plainSort(state) {
    const sort = effectiveSort(state);
    return sort === "likhet" ? (state.q ? "relevans" : "sist-vurdert") : sort;
  }

  function chosenCount(state) {
    return facets.reduce((sum, facet) => sum + state.facets[facet.id].length, 0);
  }

  // Nothing chosen and newest first: what the page was built with.
  function isBuiltState(state) {
    return !state.q && !state.town && chosenCount(state) === 0 && effectiveSort(state) === "sist-vurdert";
  }

  // The municipality in the box, as the address names it: its id once known, else the text.
  function townValue() {
    const text = townInput.value.trim();
    const found = towns && text ? towns.find(text) : {};
    return found.municipality ? found.municipality.id : text;
  }

  function toForm(state) {
    input.value = state.q;
    chosenSort = state.sort;
    chosenSize = state.size;
    townShown = state.town;
    const town = towns && state.town ? towns.find(state.town).municipality : null;
    if (document.activeElement !== townInput || town) townInput.value = town ? town.name : state.town;
    if (!state.town) sizeSelect.value = "";
    for (const facet of facets) {
      const values = new Set(state.facets[facet.id]);
      for (const box of facet.boxes) box.checked = values.has(box.value);
      // A chosen value among those «Vis alle» hides: show them all.
      if (facet.boxes.some((box) => box.checked && box.closest("li").hidden)) showAll(facet, true);
      if (values.size) openGroup(facet, true);
    }
    sortSelect.querySelector('option[value="relevans"]').disabled = !state.q;
    const similarOption = sortSelect.querySelector('option[value="likhet"]');
    if (similarOption) similarOption.disabled = !state.town;
    sortSelect.value = effectiveSort(state);
  }

  function toUrl(state) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const facet of facets) for (const value of state.facets[facet.id]) params.append(facet.id, value);
    if (state.town) params.set("kommune", state.town);
    if (state.town && state.size) params.set("storrelse", state.size);
    if (state.sort && state.sort !== defaultSort(state)) params.set("sortering", state.sort);
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

  // Text: Pagefind, through the shared search (phrases, unknown words, excerpts: search-common.js).
  function searchFor(pagefind, state, filters, preload = false) {
    const sortName = plainSort(state);
    const options = { filters };
    if (sortName !== "relevans") options.sort = sorts[sortName];
    if (preload) return pagefind.preload(state.q, options);
    return searchText(pagefind, state.q, options);
  }

  // -- choices without text: the selection table (eksempelbank/website/finder.py, selection_files) -----
  async function getJson(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  function loadTable() {
    if (!tableLoading) {
      tableLoading = getJson(tableUrl).then(prepareTable);
      tableLoading.catch(() => { tableLoading = null; });
    }
    return tableLoading;
  }

  function prepareTable(raw) {
    const columns = {};
    for (const [id, values] of Object.entries(raw.fasetter || {})) {
      const column = (raw.verdier || {})[id] || [];
      columns[id] = {
        values,
        number: new Map(values.map((value, i) => [value, i])),
        // Bit i of a number (exact up to 2**53, beyond what 32-bit bit operators reach), or a list.
        has: (row, i) => {
          const code = column[row];
          return typeof code === "number" ? Math.floor(code / 2 ** i) % 2 === 1 : Array.isArray(code) && code.includes(i);
        },
      };
    }
    return { size: Number(raw.antall) || 0, columns, titlePlace: raw.tittel || [] };
  }

  // As Pagefind answers a search: the results in order (each with ``data()``), and per facet the
  // number of those results with each value (unless ``counted`` is false: then none, which costs
  // most). Filters as Pagefind's ({ fylke: { any: [...] } }); the page-type filter does not apply
  // (the table holds examples only).
  function searchTable(table, state, filters, counted = true) {
    const wanted = [];
    for (const [name, filter] of Object.entries(filters)) {
      const column = table.columns[name];
      if (column && filter.any) wanted.push([column, filter.any.map((v) => column.number.get(v)).filter((i) => i !== undefined)]);
    }
    const rows = [];
    for (let row = 0; row < table.size; row++) {
      if (wanted.every(([column, numbers]) => numbers.some((i) => column.has(row, i)))) rows.push(row);
    }
    // The table is in the default order (last reviewed first); «Tittel» has its own.
    if (plainSort(state) === "tittel") rows.sort((a, b) => table.titlePlace[a] - table.titlePlace[b]);
    const counts = {};
    for (const [name, column] of counted ? Object.entries(table.columns) : []) {
      const count = {};
      for (const row of rows) {
        column.values.forEach((value, i) => { if (column.has(row, i)) count[value] = (count[value] || 0) + 1; });
      }
      counts[name] = count;
    }
    return { results: rows.map((row) => ({ id: `utvalg-${row}`, data: () => card(row) })), filters: counts };
  }

  // A result's card: its address and what the result shows, as Pagefind's data() has them.
  function card(row) {
    if (!cards.has(row)) {
      const loading = getJson(new URL(`${row}.json`, tableUrl))
        .then((raw) => ({ url: new URL(String(raw.url || ""), siteRoot).pathname, meta: raw.meta || {} }));
      loading.catch(() => cards.delete(row));
      cards.set(row, loading);
    }
    return cards.get(row);
  }

  // «Kommuner som oss» for the state (som-oss.js `similar`), null without a municipality. The note
  // under the box says what was understood.
  async function similarFor(state) {
    if (!state.town) {
      townNote.textContent = "";
      return null;
    }
    let module;
    try {
      module = await somOss();
      towns = await module.loadMunicipalities();
    } catch (error) {
      townNote.textContent = "Kommunelista kunne ikke lastes akkurat nå. Prøv igjen senere.";
      return null;
    }
    await nextTask();  // the answer's work apart from reading the list
    // The autocomplete list (357 options) once the page is idle: not in the way of the first answer.
    (window.requestIdleCallback || setTimeout)(() => module.fillDatalist(townList, towns));
    const found = module.similar(towns, state.town, state.size);
    townNote.textContent = found.note;
    if (!found.town) {
      sizeSelect.value = "";
      return null;
    }
    if (document.activeElement !== townInput) townInput.value = found.town.name;
    sizeSelect.value = found.size || "";
    return { ...found, module };
  }

  function showBuilt(state) {
    // While shown is null the list is the built one (as the page opens): not drawn again.
    if (shown !== null) list.replaceChildren(...built.items.map((item) => item.cloneNode(true)));
    shown = null;
    showCounts(built.counts);
    showMoreButton(built.total);
    announce(state, built.total);
  }

  async function update(state) {
    const run = ++latest;
    if (isBuiltState(state)) {
      answer.replaceChildren();
      answer.hidden = true;
      form.removeAttribute("aria-busy");
      townNote.textContent = "";
      showBuilt(state);
      return;
    }
    form.setAttribute("aria-busy", "true");
    try {
      // Text goes to Pagefind; choices alone are answered from the selection table.
      const byText = Boolean(state.q);
      const [engine, similar] = await Promise.all([byText ? loadPagefind() : loadTable(), similarFor(state)]);
      await nextTask();  // the searches apart from what came with the files
      if (run !== latest) return;
      const find = (s, filters, counted = true) => (byText ? searchFor(engine, s, filters)
        : searchTable(engine, s, filters, counted));
      // Without text or choices the counts are the built ones (only the order differs).
      const needCounts = byText || chosenCount(state) > 0;
      // Pagefind counts only the filters whose chunks are loaded: load them all, once (and the
      // search's own index chunks at the same time).
      if (byText && !filtersLoaded) {
        await Promise.all([engine.filters(), searchFor(engine, state, filtersFor(state), true)]);
        filtersLoaded = true;
      }
      if (run !== latest) return;
      const found = await find(state, filtersFor(state), needCounts);
      await nextTask();  // the counts apart from the search
      if (run !== latest || !found) return;
      // Counts per facet: for a facet with choices, search again without that facet's choices.
      const counts = needCounts ? {} : built.counts;
      for (const facet of needCounts ? facets : []) {
        if (state.facets[facet.id].length) {
          const other = await find({ ...state, sort: "relevans" }, filtersFor(state, facet.id));
          if (run !== latest) return;
          counts[facet.id] = (other && other.filters[facet.id]) || {};
        } else {
          counts[facet.id] = found.filters[facet.id] || {};
        }
      }
      showCounts(counts);
      await nextTask();  // the list apart from the counts
      if (run !== latest) return;
      const ranked = similar && effectiveSort(state) === "likhet"
        ? await similar.module.rank((filters) => find(state, filters, false), filtersFor(state), similar,
          () => run !== latest)
        : null;
      if (run !== latest) return;
      shown = ranked || found.results.map((result) => ({ result }));
      await showMore(run, false, true);
      if (run !== latest) return;
      announce(state, found.results.length, similar, ranked);
      await explain(state, found, run);
    } catch (error) {
      if (run !== latest) return;
      status.textContent = "Søket virker ikke akkurat nå. Bruk lenkene nedenfor i stedet.";
      fallback.hidden = false;
    } finally {
      if (run === latest) form.removeAttribute("aria-busy");
    }
  }

  // -- answers that explain: «Mente du …?» and a place without examples ---------------------------
  // Above the examples, never in the sticky bar. A word the index does not know gets the header
  // search's offers (one tap searches for it); a municipality the bank has no example from gets
  // «Ingen eksempler fra Kristiansand ennå», «Kommuner som oss» for it, and the examples that mention it.
  async function explain(state, found, run) {
    const parts = [];
    if (state.q && found.unknown && found.unknown.length) {
      let offers = [];
      try {
        offers = await suggest(found.query, found.unknown);
      } catch (error) {
        offers = [];
      }
      if (run !== latest) return;
      if (offers.length) {
        const line = document.createElement("p");
        line.append(...suggestionNodes(offers, { className: "eb-finder__suggestion", pick: (offer) => {
          input.value = offer;
          changed(false);
          input.focus();
        } }));
        parts.push(line);
        status.textContent = `Ingen treff på «${state.q}». Mente du ${offers.map((o) => `«${o}»`).join(" eller ")}?`;
      }
    } else if (state.q && !state.town && state.q.split(/\s+/).length <= 3) {
      const place = await placeWithoutExamples(state.q, found);
      if (run !== latest) return;
      if (place) parts.push(...place);
    }
    answer.replaceChildren(...parts);
    answer.hidden = !parts.length;
  }

  // A query that is a municipality's name, with none of the results from it: what to say instead.
  async function placeWithoutExamples(text, found) {
    let module;
    try {
      module = await somOss();
      towns = await module.loadMunicipalities();
    } catch (error) {
      return null;
    }
    const town = towns.find(text).municipality;
    if (!town) return null;
    const pages = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    const from = (meta) => String((meta && meta.kommune) || "").split(/, nå |, | og /).includes(town.name);
    if (pages.some((data) => from(data.meta))) return null;
    const line = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = `Ingen eksempler fra ${town.name} ennå.`;
    const link = document.createElement("a");
    const url = new URL(window.location.href);
    url.search = new URLSearchParams({ kommune: town.id }).toString();
    link.href = url.pathname + url.search;
    link.textContent = `Se eksempler fra kommuner som ${town.name}`;
    line.append(strong, " ", link, ".");
    if (found.results.length) {
      line.append(` ${found.results.length === 1 ? "Eksempelet" : "Eksemplene"} nedenfor nevner ${town.name}.`);
    }
    return [line];
  }

  // The next results, or with ``replace`` the first ones in place of the list: the old list stays
  // until the new one is ready, so nothing below it jumps in between.
  async function showMore(run, moveFocus, replace = false) {
    const start = replace ? 0 : list.children.length;
    const next = shown.slice(start, start + pageSize);
    // Each item made as its page comes (in that page's task), not all in one task at the end.
    const items = await Promise.all(next.map((entry) => entry.result.data().then((data) => (run !== latest ? null
      : withReason(resultItem(data, { showExcerpt: Boolean(input.value.trim()) }), data, entry)))));
    if (run !== latest) return;
    if (replace) list.replaceChildren(...items);
    else list.append(...items);
    showMoreButton(shown.length);
    if (moveFocus && items.length) items[0].querySelector("a").focus();
  }

  // Why an example from «Kommuner som oss» stands where it does: «Samme størrelse, nabofylke».
  function withReason(item, data, entry) {
    if (!entry.group) return item;
    const line = document.createElement("p");
    line.className = "eb-result__reason";
    line.textContent = entry.reason(entry, data.meta);
    item.querySelector(".eb-result__title").after(line);
    return item;
  }

  function showMoreButton(total) {
    const left = total - list.children.length;
    more.hidden = left <= 0;
    if (more.textContent !== `Vis flere eksempler (${left} til)`) more.textContent = `Vis flere eksempler (${left} til)`;
  }

  // «Vis flere eksempler»: the next results of the shown search. Under the built list, search
  // first (newest first, as built: the sort keys are unique, so the order is the same).
  async function moreClicked(moveFocus = true) {
    // While a new choice is being searched, the list is about to be replaced: wait for it.
    if (loadingMore || form.hasAttribute("aria-busy")) return;
    loadingMore = true;
    const run = latest;
    try {
      if (shown === null) {
        const state = emptyState();
        const found = searchTable(await loadTable(), state, filtersFor(state), false);
        if (run !== latest) return;
        shown = found.results.map((result) => ({ result }));
      }
      await showMore(run, moveFocus);
    } catch (error) {
      if (run !== latest) return;
      status.textContent = "Søket virker ikke akkurat nå. Bruk lenkene nedenfor i stedet.";
      fallback.hidden = false;
    } finally {
      loadingMore = false;
    }
  }

  // Only what changed is written: each write makes the browser lay the list out again, and the
  // page opens with the built counts already in place.
  function showCounts(counts) {
    for (const facet of facets) {
      for (const box of facet.boxes) {
        const count = counts[facet.id][box.value] || 0;
        const label = box.closest("li").querySelector(".eb-facet__count");
        if (label.textContent !== `(${count})`) label.textContent = `(${count})`;
        const disabled = count === 0 && !box.checked;  // a chosen value can always be unchosen
        if (box.disabled !== disabled) box.disabled = disabled;
      }
    }
  }

  function announce(state, count, similar = null, ranked = null) {
    const choices = chosenCount(state);
    const parts = [];
    if (state.q) parts.push(`«${state.q}»`);
    if (choices) parts.push(plural(choices, "valg", "valg"));
    let text = count === 0 ? "Ingen eksempler passer" : `${plural(count, "eksempel", "eksempler")} passer`;
    if (parts.length) text += ` til ${parts.join(" og ")}`;
    text += count === 0 ? ". Prøv å fjerne et valg eller bruke et annet ord." : ".";
    if (similar && ranked && count) text += ` ${similar.module.summary(similar, ranked)}`;
    status.textContent = text;
    showButton.textContent = `Vis ${plural(count, "eksempel", "eksempler")}`;
    for (const facet of facets) {
      const n = state.facets[facet.id].length;
      facet.chosenText.textContent = n ? ` (${n} valgt)` : "";
    }
    chosen.textContent = choices ? `(${choices} valgt)` : "";
    clear.hidden = !choices && !state.q && !state.sort && !state.town;
  }

  // -- events ---------------------------------------------------------------------------------
  function changed(replace) {
    const state = stateFromForm();
    toForm(state);
    remember(state, replace);
    update(state);
  }

  // Only when the choice differs from the address: a datalist pick fires «input» and then «change».
  function changedIfNew(replace) {
    if (toUrl(stateFromForm()) !== window.location.pathname + window.location.search) changed(replace);
  }

  form.addEventListener("change", (event) => {
    if (event.target === input) return;  // typing is handled below
    if (event.target === townInput) {
      townChanged();
      return;
    }
    if (event.target === sortSelect) {
      chosenSort = sortSelect.value === defaultSort({ q: input.value.trim(), town: townValue() }) ? "" : sortSelect.value;
    }
    if (event.target === sizeSelect) chosenSize = sizeSelect.value;
    changed(false);
  });

  // «Kommuner som oss»: a new municipality starts from the size the bank knows for it.
  function townChanged(replace = false) {
    const town = townValue();
    if (town !== townShown) chosenSize = "";
    townShown = town;
    changedIfNew(replace);
  }
  let townTimer = null;
  townInput.addEventListener("focus", () => {
    somOss().then(async (module) => {
      towns = await module.loadMunicipalities();
      module.fillDatalist(townList, towns);
      // A name typed in full before the list came: take it now.
      if (townInput.value.trim() && towns.find(townInput.value.trim()).municipality) townChanged(true);
    }).catch(() => {});
  });
  townInput.addEventListener("input", (event) => {
    clearTimeout(townTimer);
    const text = townInput.value.trim();
    if (text && !(towns && towns.find(text).municipality)) return;  // other text: when the box is left
    // A pick from the list is a choice; a typed name may be the start of a longer one («Os», «Oslo»).
    if (event.inputType === "insertReplacementText" || !event.inputType) townChanged(false);
    else townTimer = setTimeout(() => townChanged(true), 400);
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
  more.addEventListener("click", () => moreClicked(true));
  // Phones: from the choices to the results, and the focus with them.
  showButton.addEventListener("click", () => {
    if (!wide.matches) filtersBox.open = false;
    resultsTitle.focus({ preventScroll: true });
    // The heading just under the sticky header and count, so the first example is on screen too.
    const header = document.querySelector(".md-header");
    const covered = [header, document.getElementById("eb-finder-bar")]
      .map((el) => (el && getComputedStyle(el).position === "sticky" ? el.getBoundingClientRect().height : 0))
      .reduce((a, b) => a + b, 0);
    window.scrollTo({ top: window.scrollY + resultsTitle.getBoundingClientRect().top - covered - 8 });
  });
  for (const facet of facets) {
    // The group's title opens and closes it; a group with a choice in it stays where it is.
    facet.toggle.addEventListener("click", () => openGroup(facet, facet.toggle.getAttribute("aria-expanded") !== "true"));
    if (facet.allButton) facet.allButton.addEventListener("click", () => showAll(facet, facet.allButton.getAttribute("aria-expanded") !== "true"));
  }
  // Remember which example was opened, so Back can put the focus on it again.
  list.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (!link) return;
    history.replaceState({ ...(history.state || {}), ebFinderFocus: link.getAttribute("href"), ebFinderShown: list.children.length },
      "", window.location.href);
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) focusOpened();  // restored from the back-forward cache as it was
  });
  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    toForm(state);
    update(state);
  });

  function openGroup(facet, open) {
    facet.toggle.setAttribute("aria-expanded", String(open));
    facet.body.hidden = !open;
  }

  function showAll(facet, all) {
    const button = facet.allButton;
    if (!button) return;
    for (const box of facet.boxes) {
      const item = box.closest("li");
      if (item.classList.contains("eb-facet__extra")) item.hidden = !all;
    }
    button.setAttribute("aria-expanded", String(all));
    button.textContent = all ? button.dataset.fewer : button.dataset.all;
  }

  // Back from an example: the focus on the link that was opened (the list shown as far as then).
  async function focusOpened() {
    const back = history.state || {};
    if (!back.ebFinderFocus) return;
    while (list.children.length < (back.ebFinderShown || 0) && !more.hidden) {
      const before = list.children.length;
      await moreClicked(false);
      if (list.children.length === before) break;
    }
    const link = [...list.querySelectorAll(".eb-result__title a")].find((a) => a.getAttribute("href") === back.ebFinderFocus);
    if (link) link.focus();
  }

  // -- start ----------------------------------------------------------------------------------
  const initial = stateFromUrl();
  filtersBox.open = wide.matches;  // on a phone the results come first; «Filtre» opens the choices
  // Groups with something chosen come first (once, as the page opens: never under the visitor's hand).
  const groupsBox = facets.length ? facets[0].group.parentElement : null;
  for (const facet of [...facets].reverse()) {
    if (initial.facets[facet.id].length) groupsBox.insertBefore(facet.group, groupsBox.querySelector(".eb-facet"));
  }
  // Opened with a query or a municipality (?q=, ?kommune=): the form is laid out but not shown until
  // the first answer is in, so the page does not jump while it loads (CLS).
  const fromAddress = !isBuiltState(initial);
  if (fromAddress) form.classList.add("eb-finder--loading");
  clear.hidden = !chosenCount(initial) && !initial.q && !initial.sort && !initial.town;
  form.hidden = false;
  fallback.hidden = true;
  toForm(initial);
  update(initial).finally(() => form.classList.remove("eb-finder--loading")).then(async () => {
    const back = history.state || {};
    if (back.ebFinderFocus) {
      await focusOpened();
    } else if (fromAddress && !document.activeElement.closest("form") && sameSiteReferrer()) {
      // From the front page's «Kommuner som oss» or Enter in the header search: on to the examples.
      resultsTitle.focus();
    }
  });
}

function sameSiteReferrer() {
  try {
    return Boolean(document.referrer) && new URL(document.referrer).origin === window.location.origin;
  } catch (error) {
    return false;
  }
}
