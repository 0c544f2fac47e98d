// The search the header (search.js) and «Finn eksempel» (finder.js) share, loaded with Pagefind
// (search-common.js imports it when someone searches, so pages do not carry it): phrases, words
// the index does not know, honest excerpts, word families and «Mente du …?».
// Reads /sok/sokeord.json (word families, stop words, endings: data/ordfamilier.yml) with the
// first search, and /sok/forslag.json (the words suggestions come from) only after an empty result.

const siteRoot = new URL("../", import.meta.url);
const wordsFile = new URL("sok/sokeord.json", siteRoot);
const suggestionsFile = new URL("sok/forslag.json", siteRoot);
export const EXCERPT_WORDS = 24;

// -- words: folding, families, stop words ---------------------------------------------------
// Pagefind's own query normalisation: lower case, these punctuation classes dropped, and
// diacritics folded (å -> a, é -> e; ø and æ stay).
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

export function fold(text) {
  return text.toLocaleLowerCase("nb").normalize("NFD").replace(/\p{M}/gu, "");
}

// A word of the indexed text as the index has it: «Startlån.» -> «startlan». Remembered: excerpts
// read every word of each page shown, and Unicode normalisation is the costly part (most words are
// ASCII, which folding only lower-cases).
const bareWords = new Map();
function bare(word) {
  let found = bareWords.get(word);
  if (found === undefined) {
    found = /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase().replace(/[^a-z0-9]/g, "")
      : fold(word).replace(/[^\p{L}\p{N}]/gu, "");
    if (bareWords.size < 50000) bareWords.set(word, found);
  }
  return found;
}

const NO_WORDS = prepareWords({});
let wordsLoading = null;

function loadWords() {
  if (!wordsLoading) {
    wordsLoading = fetch(wordsFile).then((response) => {
      if (!response.ok) throw new Error(`${wordsFile}: ${response.status}`);
      return response.json();
    }).then(prepareWords);
    wordsLoading.catch(() => { wordsLoading = null; });
  }
  return wordsLoading;
}

// The word list, or none if it cannot be read: search still works, only less forgiving.
export function searchWords() {
  return loadWords().catch(() => NO_WORDS);
}

function prepareWords(raw) {
  const endings = (raw.endelser || []).map(fold);
  const tails = new Set([""]);  // every end of an ending: what stemming may have cut off
  for (const ending of endings) for (let i = 0; i < ending.length; i++) tails.add(ending.slice(i));
  const members = new Map();
  (raw.familier || []).forEach((family, index) => family.forEach((word) => members.set(fold(word), index)));
  const families = new Map();
  const familyOf = (word) => {
    const key = bare(word);
    if (!families.has(key)) {
      let found = members.has(key) ? members.get(key) : null;
      for (const ending of endings) {
        if (found !== null) break;
        const stem = key.slice(0, -ending.length);
        if (key.length > ending.length && key.endsWith(ending) && members.has(stem)) found = members.get(stem);
      }
      families.set(key, found);
    }
    return families.get(key);
  };
  // Per family, the words no other word of it begins (Pagefind finds every longer word by them).
  const heads = (raw.familier || []).map((family) => {
    const folded = [...new Set(family.map(fold))];
    return folded.filter((w) => !folded.some((other) => other !== w && w.startsWith(other)));
  });
  // Per family, every word familyOf can place in it (a word of it, or one with an ending): a page's
  // other words need no familyOf (excerpts check each word of each page shown).
  const forms = new Map();
  const formsOf = (index) => {
    if (!forms.has(index)) {
      const found = new Set();
      for (const word of raw.familier[index].map(fold)) {
        found.add(word);
        for (const ending of endings) found.add(word + ending);
      }
      forms.set(index, found);
    }
    return forms.get(index);
  };
  return { stop: new Set((raw.stoppord || []).map(fold)), tails, familyOf, formsOf, heads, types: raw.typer || {} };
}

// Is ``word`` (from the indexed text) the query ``term`` or a form of it? Pagefind matches a term by
// its stem and every longer word; a term it does not know it answers with the longest indexed word
// that starts it: «Holmestarnd» with «ho», «bostedslos» with «bosted». Those are not forms of the term.
function fair(term, word, words) {
  const t = fold(term);
  const w = bare(word);
  if (!w) return false;
  if (w.startsWith(t)) return true;
  let common = 0;
  while (common < t.length && common < w.length && t[common] === w[common]) common++;
  return common >= Math.min(3, t.length) && words.tails.has(t.slice(common));
}

// -- the query ------------------------------------------------------------------------------
function terms(text) {
  return text.toLocaleLowerCase("nb").split(/\s+/).map((w) => w.replace(PUNCTUATION, "")).filter(Boolean);
}

// «leie til eie» -> free words; «"leie til eie" drammen» -> a phrase and a word. An unclosed quote
// (still typing) takes the rest as the phrase.
export function parseQuery(raw) {
  const phrases = [];
  const rest = String(raw).replace(/["“”„«»]([^"“”„«»]*)["“”„«»]?/g, (match, inner) => {
    const words = terms(inner);
    if (words.length) phrases.push(words);
    return " ";
  });
  const free = terms(rest);
  return { raw: String(raw).trim(), phrases, free, terms: [...phrases.flat(), ...free] };
}

// Query text from its parts, with some words replaced (a suggestion).
function queryText(query, replace = new Map()) {
  const word = (w) => replace.get(w) || w;
  return [...query.phrases.map((p) => `"${p.map(word).join(" ")}"`), ...query.free.map(word)].join(" ");
}

// Whether the index knows a term, once per term and page: the first result of the term alone must
// contain the term or a form of it (the fallback above applies to every result of a term alike).
const known = new Map();

function isKnown(pagefind, term, words) {
  const key = fold(term);
  if (words.stop.has(key)) return Promise.resolve(true);
  if (!known.has(key)) {
    const check = (async () => {
      const found = await pagefind.search(term);
      const first = found && found.results[0];
      if (!first) return false;
      const data = await first.data();
      const matched = matchedWords(first, data);
      return matched.length === 0 || matched.some((word) => fair(term, word, words));
    })();
    check.catch(() => known.delete(key));
    known.set(key, check);
  }
  return known.get(key);
}

function contentWords(data) {
  return (data.content || "").split(/[\r\n\s]+/g);
}

// The words a result matched: in its text, and in the metadata fields it matched (title, labels,
// the word families of data/ordfamilier.yml).
function matchedWords(result, data) {
  const text = contentWords(data);
  const words = (data.locations || []).map((location) => text[location]).filter(Boolean);
  for (const field of result.matchedMetaFields || []) words.push(...String(data.meta[field] || "").split(/[\s;,]+/));
  return words;
}

// The ways a query can be written: each word as typed and as the other words of its family
// (data/ordfamilier.yml: «leige» -> «leie», «bustadlause» -> «bostedsløse»), and a compound whose first
// part is a family word as that part's other words plus the rest («tilvisningsavtale» ->
// «tilvisingsavtale», and «tilvising avtale» as two words). The first way is the query itself.
const MAX_WAYS = 12;

function alternatives(term, words) {
  const ways = [term];
  if (words.stop.has(fold(term))) return ways;
  const family = words.familyOf(term);
  if (family !== null) {
    for (const head of words.heads[family]) if (!fold(term).startsWith(head)) ways.push(head);
  } else {
    // A compound: the longest family word it starts with (a linking s allowed), then at least four letters.
    const key = bare(term);
    let best = null;
    for (let cut = key.length - 4; cut >= 4 && !best; cut--) {
      const first = key.slice(0, cut);
      const part = words.familyOf(first) !== null ? first
        : first.endsWith("s") && words.familyOf(first.slice(0, -1)) !== null ? first.slice(0, -1) : null;
      if (part) best = { part, rest: key.slice(cut) };
    }
    if (best) {
      for (const head of words.heads[words.familyOf(best.part)]) {
        if (head !== best.part) ways.push(`${head}s${best.rest}`, `${head}${best.rest}`);
      }
      ways.push(`${best.part} ${best.rest}`);
    }
  }
  return [...new Set(ways)].slice(0, 5);
}

function writings(terms, words) {
  let all = [[]];
  for (const term of terms) {
    const next = [];
    for (const start of all) for (const way of alternatives(term, words)) next.push([...start, way]);
    all = next.slice(0, MAX_WAYS);
  }
  return all.map((ways) => ways.join(" "));
}

// A search as Pagefind's ``search`` (``results``, ``filters`` ...), plus ``query`` and ``unknown``
// (terms the index does not know: then there are no results). Quoted phrases match only as phrases.
// Otherwise the query is searched as every way it can be written (see ``writings``), and a page counts
// with its best score; pages with the words together (as a phrase) rank higher. Pagefind's own ranking
// (search-common.js) puts whole words above words that only begin like the query, and the title,
// summary, municipality, county and facet labels above the body. Each result's ``data()`` has an
// excerpt that marks the query's words and their families, and never a stop word.
export async function search(pagefind, raw, options = {}) {
  const query = parseQuery(raw);
  const none = { results: [], filters: {}, totalFilters: {}, unfilteredResultCount: 0, query, unknown: [] };
  if (!query.terms.length) return none;
  const words = await searchWords();
  const plain = query.terms.join(" ");
  const onlyPhrase = query.phrases.length === 1 && !query.free.length;
  const checks = [...new Set(query.terms)]
    .map((term) => isKnown(pagefind, term, words).then((ok) => (ok ? null : term)));
  const main = pagefind.search(onlyPhrase ? `"${plain}"` : plain, options);
  const [found, ...checked] = await Promise.all([main, ...checks]);
  const unknown = checked.filter(Boolean);
  if (unknown.length || !found) return { ...none, unknown };
  let results = found.results;
  if (!onlyPhrase && query.phrases.some((p) => p.length > 1)) {
    // A phrase among other words: Pagefind's quotes work on a whole query only, so keep the pages
    // that also have each phrase. (The filter counts are those of the words, phrases or not.)
    for (const phrase of query.phrases.filter((p) => p.length > 1)) {
      const exact = await pagefind.search(`"${phrase.join(" ")}"`, options);
      const ids = new Set(exact.results.map((r) => r.id));
      results = results.filter((r) => ids.has(r.id));
    }
  } else if (!onlyPhrase) {
    results = await everyWriting(pagefind, query, words, found, options);
  }
  for (const result of results) withExcerpt(result, query, words);
  return { ...found, results, query, unknown: [] };
}

// The results of every way the query can be written, each page once with its best score; a page
// with the words of one writing together gains half its score again.
async function everyWriting(pagefind, query, words, found, options) {
  const best = new Map();
  const add = (result, score) => {
    const had = best.get(result.id);
    if (!had || score > had.score) best.set(result.id, { result, score });
  };
  const texts = writings(query.terms, words);
  for (const [i, text] of texts.entries()) {
    const all = i === 0 ? found : await pagefind.search(text, options);
    const together = new Set();
    if (text.includes(" ")) {
      const exact = await pagefind.search(`"${text}"`, options);
      for (const r of exact.results) together.add(r.id);
    }
    for (const r of all.results) add(i === 0 ? r : { ...r, ebWriting: text }, r.score * (together.has(r.id) ? 1.5 : 1));
  }
  // Pages the typed query finds keep their place in Pagefind's counts; the others are added to the list.
  return [...best.values()].sort((a, b) => b.score - a.score).map(({ result }) => result);
}

// -- excerpts -------------------------------------------------------------------------------
// Each result's excerpt in a task of its own: a list's excerpts together would block the page.
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

function withExcerpt(result, query, words) {
  if (result.ebExcerpt) return;
  result.ebExcerpt = true;
  const load = result.data;
  result.data = async () => {
    const data = await load();
    await nextTask();
    data.excerpt = excerpt(data, query, words);
    return data;
  };
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Pagefind's excerpt marks every matched word; this one marks the query's words and forms of them
// (and the words of their families), never a stop word, around the densest place. Without a mark
// (the page matched by its metadata), the summary.
function excerpt(data, query, words) {
  const text = contentWords(data);
  const wanted = query.terms.filter((term) => !words.stop.has(fold(term)));
  const families = new Set(wanted.map((term) => words.familyOf(term)).filter((f) => f !== null));
  const marks = new Set();
  for (const location of data.locations || []) {
    const word = text[location];
    if (word && !words.stop.has(bare(word)) && wanted.some((term) => fair(term, word, words))) marks.add(location);
  }
  if (families.size) {
    const forms = new Set([...families].flatMap((family) => [...words.formsOf(family)]));
    text.forEach((word, i) => { if (forms.has(bare(word)) && families.has(words.familyOf(word))) marks.add(i); });
  }
  if (!marks.size) {
    const summary = data.meta && data.meta.oppsummering;
    return escapeHtml(summary || text.slice(0, EXCERPT_WORDS).join(" "));
  }
  const sorted = [...marks].sort((a, b) => a - b);
  let best = sorted[0];
  let bestCount = 0;
  for (const first of sorted) {
    const count = sorted.filter((m) => m >= first && m < first + EXCERPT_WORDS - 4).length;
    if (count > bestCount) { best = first; bestCount = count; }
  }
  const start = Math.max(0, Math.min(best - 4, text.length - EXCERPT_WORDS));
  return text.slice(start, start + EXCERPT_WORDS)
    .map((word, i) => (marks.has(start + i) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)))
    .join(" ");
}

// -- «Mente du …?» --------------------------------------------------------------------------
let suggestionsLoading = null;

// Letters only, Norwegian letters folded the way people type without them: ø -> o, æ -> ae, å -> a.
function loose(text) {
  return fold(text).replace(/ø/g, "o").replace(/æ/g, "ae").replace(/aa/g, "a").replace(/đ/g, "d")
    .replace(/ŋ/g, "n").replace(/ŧ/g, "t").replace(/[^\p{L}\p{N}]/gu, "");
}

function loadSuggestions() {
  if (!suggestionsLoading) {
    suggestionsLoading = fetch(suggestionsFile).then((response) => {
      if (!response.ok) throw new Error(`${suggestionsFile}: ${response.status}`);
      return response.json();
    }).then((raw) => [
      ...(raw.navn || []).map(([text, used], rank) => ({ text, key: loose(text), used: used ? 1 : 0, rank })),
      ...(raw.ord || []).map((text, rank) => ({ text, key: loose(text), used: 1, rank })),
    ]);
    suggestionsLoading.catch(() => { suggestionsLoading = null; });
  }
  return suggestionsLoading;
}

// Edit distance with transpositions (optimal string alignment), giving up above ``limit``.
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);  // two letters swapped
      }
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

function closest(term, candidates, count) {
  const key = loose(term);
  const limit = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  const scored = [];
  for (const candidate of candidates) {
    if (fold(candidate.text) === fold(term)) continue;  // what the visitor typed
    const d = distance(key, candidate.key, limit);
    if (d <= limit) scored.push({ ...candidate, d });
  }
  scored.sort((a, b) => a.d - b.d || b.used - a.used || a.rank - b.rank);
  const seen = new Set();
  return scored.filter((c) => !seen.has(fold(c.text)) && seen.add(fold(c.text))).slice(0, count);
}

// Up to ``count`` queries to offer instead of one the index does not know, each with the unknown
// words replaced by the closest names (municipalities, Sámi names, counties, facet values) or
// words of the examples.
export async function suggest(query, unknown, count = 3) {
  if (!unknown.length) return [];
  const candidates = await loadSuggestions();
  const offers = [];
  if (query.terms.length > 1) {  // «sor varanger» -> «Sør-Varanger»
    const longNames = candidates.filter((c) => /[\s-]/.test(c.text));
    for (const c of closest(query.terms.join(""), longNames, 1)) offers.push(c.text);
  }
  const options = unknown.map((term) => closest(term, candidates, count));
  if (options.some((list) => !list.length)) return offers;
  if (unknown.length === 1) {
    for (const option of options[0]) offers.push(queryText(query, new Map([[unknown[0], option.text]])));
  } else {
    offers.push(queryText(query, new Map(unknown.map((term, i) => [term, options[i][0].text]))));
  }
  return [...new Set(offers)].slice(0, count);
}

