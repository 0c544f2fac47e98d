// Shared by the header search (search.js) and «Finn eksempel» (finder.js).
// Pagefind's bundle is written by the build to /pagefind/, next to this /assets/ folder; it is
// loaded only when someone searches, and then only the index chunks a query needs. The search
// itself (phrases, unknown words, excerpts, suggestions) is in search-query.js, loaded with it.

const siteRoot = new URL("../", import.meta.url);
const bundle = new URL("pagefind/pagefind.js", siteRoot);
let loading = null;
let querying = null;

function loadQuery() {
  if (!querying) {
    querying = import("./search-query.js");
    querying.catch(() => { querying = null; });
  }
  return querying;
}

// How Pagefind ranks: a whole word or its stem well above a longer word that only begins like the
// query (termSimilarity), and a match in the title, the municipality, the county, the facet labels or
// the summary (the example's metadata, eksempelbank/website/search_index.py) above one in the body. The word
// families are metadata too, weighted as body text.
const RANKING = {
  termSimilarity: 4,
  metaWeights: {
    title: 6, kommune: 10, fylke: 10, emner: 6, storrelse: 10, oppsummering: 3,
    ansvarlig: 0.5, periode: 0.5, sprak: 0, ordfamilier: 1, sidetype: 2,
  },
};

export function loadPagefind() {
  if (!loading) {
    loadQuery().then((query) => query.searchWords()).catch(() => {});  // comes with the runtime
    // Pagefind splits each query into graphemes (Intl.Segmenter), and the browser's first segmenter
    // loads ICU's break rules: 30-70 ms. Made here, in a task of its own while the runtime downloads,
    // that cost does not add to a search's task (Total Blocking Time).
    setTimeout(() => {
      try {
        new Intl.Segmenter(document.documentElement.lang || "nb", { granularity: "grapheme" });
      } catch (error) { /* no Intl.Segmenter: Pagefind does without it too */ }
    }, 0);
    loading = import(bundle.href).then(async (pagefind) => {
      // noWorker: search in the page itself. A query over this index takes milliseconds, and
      // Pagefind's web worker would be one more script to download (12 kB gzip).
      await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 24, noWorker: true, ranking: RANKING });
      await pagefind.init();
      return serialized(pagefind);
    });
    loading.catch(() => { loading = null; });
  }
  return loading;
}

// Pagefind, one call at a time. Its calls keep a pointer into the WebAssembly index across an
// await, and loading an index chunk replaces that pointer: two searches at once (a word check and
// the search itself, or a search and the filters) could read a stale index and answer each other's
// query («bosetting av flyktninger» -> «Ingen treff»). Calls wait for the one before them; the
// callers drop answers to queries that are no longer the latest.
function serialized(pagefind) {
  let queue = Promise.resolve();
  // Each call in a task of its own (a macrotask between them): a query's several searches never add
  // up to one long task that blocks the page (Total Blocking Time).
  const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });
  const one = (call) => {
    const done = queue.then(nextTask, nextTask).then(call);
    queue = done.catch(() => {});
    return done;
  };
  // Pagefind also caches each page's fragment as one object and writes the locations of the latest
  // search into it: a result's data() could come back with another search's locations. Each result
  // gets a copy with its own (``words``).
  const own = (result) => ({
    ...result,
    data: async () => ({ ...(await pageData(result)), locations: [...result.words] }),
  });
  return {
    search: (term, options) => one(() => pagefind.search(term, options))
      .then((found) => (found && found.results ? { ...found, results: found.results.map(own) } : found)),
    preload: (term, options) => one(() => pagefind.preload(term, options)),
    filters: () => one(() => pagefind.filters()),
    options: (options) => one(() => pagefind.options(options)),
  };
}

// A result's page as Pagefind's data() gives it, less the excerpts nothing here shows: Pagefind builds
// one for the page and one per heading (splitting the whole text again for each) on every data()
// call, and inflates the file in JavaScript; the excerpt shown is search-query.js's own. Here the
// browser inflates the fragment (DecompressionStream). Pagefind's data() if anything is unexpected.
const fragments = new Map();
const SIGNATURE = "pagefind_dcd";

function pageData(result) {
  if (!fragments.has(result.id)) {
    const loading = loadFragment(result.id);
    loading.catch(() => fragments.delete(result.id));
    fragments.set(result.id, loading);
  }
  return fragments.get(result.id).catch(() => result.data());
}

async function loadFragment(id) {
  const response = await fetch(new URL(`pagefind/fragment/${id}.pf_fragment`, siteRoot));
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  const decoder = new TextDecoder();
  // Served already inflated (Content-Encoding: gzip) or as the gzip file the build wrote.
  if (decoder.decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) {
    const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
    if (decoder.decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) throw new Error(`${id}: no signature`);
  }
  const fragment = JSON.parse(decoder.decode(bytes.subarray(SIGNATURE.length)));
  // As Pagefind has them: the text without its word separators, the address under the site's root.
  return { ...fragment, content: fragment.content.replace(/\u200B/g, ""), url: pageUrl(fragment.url) };
}

function pageUrl(raw) {
  if (/^(https?:)?\/\//.test(raw)) return raw;
  return `${siteRoot.pathname}/${raw}`.replace(/\/+/g, "/");
}

// A search as Pagefind's, plus ``query`` and ``unknown`` (see search-query.js).
export async function search(pagefind, raw, options = {}) {
  return (await loadQuery()).search(pagefind, raw, options);
}

// Queries to offer for one with words the index does not know (see search-query.js).
export async function suggest(query, unknown, count = 3) {
  return (await loadQuery()).suggest(query, unknown, count);
}

// The word lists of data/ordfamilier.yml (and the page types), or none if they cannot be read.
export async function searchWords() {
  return (await loadQuery()).searchWords();
}

export function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

// Pagefind's excerpt is text with <mark> around the matched words. Keep exactly that and
// nothing else (the template's content is inert: nothing in it runs or loads).
export function excerptNodes(excerpt) {
  const template = document.createElement("template");
  template.innerHTML = excerpt || "";
  const nodes = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

// -- results --------------------------------------------------------------------------------
function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

// One result as a list item: title link, the example's facts (or what a page explains), summary
// and/or excerpt.
export function resultItem(data, { headingLevel = 3, showExcerpt = true, showSummary = true } = {}) {
  const meta = data.meta || {};
  const item = element("li", "eb-result");
  // Pages without «sprak» (overviews, «Bidra», «Om») are in Bokmål, which a Nynorsk page must mark too.
  const language = meta.sprak || "nb";
  if (language !== document.documentElement.lang) item.lang = language;
  const heading = element(`h${headingLevel}`, "eb-result__title");
  const link = element("a", null, meta.title || data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading);
  const facts = [meta.kommune, meta.fylke, meta.storrelse, meta.periode].filter(Boolean);
  if (!facts.length && meta.sidetype) facts.push(meta.sidetype);
  if (facts.length) item.append(element("p", "eb-result__facts", facts.join(" · ")));
  if (showSummary && meta.oppsummering) item.append(element("p", "eb-result__summary", meta.oppsummering));
  if (showExcerpt && data.excerpt) {
    const excerpt = element("p", "eb-result__excerpt");
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(excerpt);
  }
  return item;
}

// «Mente du «Holmestrand» eller «Holmestrand»?»: each offer a button that calls `pick` with it. The
// header search and «Finn eksempel» both offer suggestions this way (only the words and class differ).
export function suggestionNodes(offers, { className, didYouMean = "Mente du", or = "eller", pick }) {
  const parts = [`${didYouMean} `];
  offers.forEach((offer, i) => {
    if (i) parts.push(i === offers.length - 1 ? ` ${or} ` : ", ");
    const choice = document.createElement("button");
    choice.type = "button";
    choice.className = className;
    choice.textContent = offer;
    choice.addEventListener("click", () => pick(offer));
    parts.push("«", choice, "»");
  });
  parts.push("?");
  return parts;
}
