// «Kommuner som oss»: the visitor names their municipality, and «Finn eksempel» lists examples
// from municipalities like it first: the same size class in the same county, then the same size
// class in the neighbouring counties, then the rest, each with the reason.
//
// Used by the finder (finder.js imports it when a municipality is named) and by the form on the
// front page (set up here). The
// municipalities (the register, Sámi names too), the neighbouring counties and the size classes
// come from a JSON file the build writes next to the finder (eksempelbank/website/similar_municipalities.py).
// It is fetched only when the visitor starts typing a municipality, or when an address names one.

const dataUrl = new URL("../finn/kommuner.json", import.meta.url);
let loading = null;

export function loadMunicipalities() {
  if (!loading) {
    loading = fetch(dataUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`kommuner.json: ${response.status}`);
        return response.json();
      })
      .then(prepare);
    loading.catch(() => { loading = null; });
  }
  return loading;
}

// Forgiving comparison: case, spacing, Unicode form and «-» versus space do not matter.
export function fold(text) {
  return (text || "").normalize("NFC").toLocaleLowerCase("nb").replace(/[\s\u2010-\u2015-]+/g, " ").trim();
}

function prepare(data) {
  const counties = new Map(data.fylker.map((county) => [county.id, county]));
  const sizes = new Map(data.storrelser.map((size) => [size.id, size]));
  // [id, name, Sámi name, county, size class of today, population on 1 January 2024]
  const municipalities = data.kommuner.map(([id, name, alt, county, size, population]) => ({
    id, name, alt, county: counties.get(county), size, population,
  }));
  const byKey = new Map();
  const add = (key, municipality) => {
    if (!key) return;
    const found = byKey.get(key) || [];
    if (!found.includes(municipality)) found.push(municipality);
    byKey.set(key, found);
  };
  for (const m of municipalities) {
    add(m.id, m);
    add(fold(m.name), m);
    add(fold(m.alt), m);
    add(fold(m.name.replace(/ \(.*\)$/, "")), m);  // «Herøy» names both Herøy municipalities
  }
  return {
    counties, sizes, municipalities, facets: data.fasetter, source: data.kilde,
    // The municipality a visitor wrote: {municipality}, {ambiguous: [...]} or {} if none.
    find(text) {
      const found = byKey.get(fold(text)) || byKey.get(text) || [];
      if (found.length === 1) return { municipality: found[0] };
      if (found.length > 1) return { ambiguous: found };
      return {};
    },
  };
}

// Options for a native <datalist>: the official names with the county beside them, and the Sámi
// names (Guovdageaidnu) that lead to the same municipality.
export function fillDatalist(datalist, data) {
  if (datalist.childElementCount) return;
  // new Option(text, value): browsers show the text as the option's label, beside the value.
  const options = [];
  for (const m of data.municipalities) {
    options.push(new Option(m.county.navn, m.name));
    if (m.alt) options.push(new Option(`${m.name}, ${m.county.navn}`, m.alt));
  }
  datalist.replaceChildren(...options);
}

// 18979 -> «18 979» (no-break space), as toLocaleString("nb-NO") writes it; that call loads the
// locale's number formats first, 30-50 ms of blocked page on a fast computer.
export function thousands(number) {
  return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

export function listNames(names) {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} og ${names.at(-1)}`;
}

// The groups of the ranking, best first: filters on the size and county facets, and the reason
// shown with each example. Without a size class, the counties alone.
export function rankGroups(data, municipality, sizeId) {
  const county = municipality.county;
  // The municipality's own examples first, whatever their size at the time.
  const own = { filters: { [data.facets.kommune]: [municipality.id] }, reason: "samme kommune", place: "samme kommune" };
  const place = [
    { counties: [county.id], text: "samme fylke" },
    { counties: county.naboer, text: "nabofylke" },
    { counties: null, text: "annet fylke" },
  ];
  const groups = data.facets.kommune ? [own] : [];
  const sizes = sizeId ? [{ sizes: [sizeId], text: "samme størrelse" }, { sizes: null, text: "annen størrelse" }]
    : [{ sizes: null, text: "" }];
  for (const size of sizes) {
    for (const where of place) {
      const filters = {};
      if (size.sizes) filters[data.facets.storrelse] = size.sizes;
      if (where.counties) filters[data.facets.fylke] = where.counties;
      groups.push({ filters, reason: [size.text, where.text].filter(Boolean).join(", "), place: where.text });
    }
  }
  return groups;
}

// What the finder does with a municipality someone named: {note} if it is not one, else
// {note, town, size, groups}. The size: the visitor's choice, else the one the bank's examples give.
export function similar(data, text, chosenSize) {
  const found = data.find(text);
  if (!found.municipality) {
    return {
      note: found.ambiguous
        ? `Flere kommuner heter «${text}»: ${listNames(found.ambiguous.map((m) => m.name))}. Velg en fra lista.`
        : `Fant ingen kommune som heter «${text}». Velg en fra lista.`,
    };
  }
  const town = found.municipality;
  const size = data.sizes.has(chosenSize) ? chosenSize : town.size;
  const neighbours = listNames(town.county.naboer.map((id) => data.counties.get(id).navn));
  const notes = [`${town.name} ligger i ${town.county.navn}${neighbours ? `; nabofylker: ${neighbours}` : ""}.`];
  if (town.population && data.sizes.has(town.size)) {
    const people = thousands(town.population);
    notes.push(`${town.name} hadde ${people} innbyggere 1. januar 2024 (${data.source || "SSB"}): `
      + `${data.sizes.get(town.size).navn.toLocaleLowerCase("nb")} kommune.`);
    if (chosenSize && chosenSize !== town.size) notes.push(`Du har valgt ${data.sizes.get(chosenSize).navn.toLocaleLowerCase("nb")}.`);
  } else if (!size) {
    notes.push(`Velg størrelse, så kommer kommuner av samme størrelse først.`);
  }
  return { note: notes.join(" "), town, size, groups: rankGroups(data, town, size) };
}

// A group's filters added to the visitor's own (both must hold): null if no example can match.
function groupFilters(base, group) {
  const filters = { ...base };
  for (const [name, values] of Object.entries(group.filters)) {
    const chosenValues = base[name] ? base[name].any : null;
    const both = chosenValues ? values.filter((value) => chosenValues.includes(value)) : values;
    if (!both.length) return null;
    filters[name] = { any: both };
  }
  return filters;
}

// The results of search(filters) for each group in turn, each result once, with its group.
// Null if cancelled() says a newer choice has come.
export async function rank(search, base, found, cancelled) {
  const seen = new Set();
  const ranked = [];
  for (const group of found.groups) {
    const filters = groupFilters(base, group);
    if (!filters) continue;
    await new Promise((resolve) => { setTimeout(resolve, 0); });  // each group in a task of its own
    const answer = await search(filters);
    if (cancelled()) return null;
    for (const result of answer ? answer.results : []) {
      if (seen.has(result.id)) continue;
      seen.add(result.id);
      ranked.push({ result, group, town: found.town, reason });  // reason(entry, meta) once the data is in
    }
  }
  return ranked;
}

// «Samme størrelse, nabofylke»; «samme kommune» for the municipality's own examples.
export function reason({ group, town }, meta) {
  const places = String((meta && meta.kommune) || "").split(/, nå |, | og /);
  let text = group.reason;
  if (group.place === "samme fylke" && places.includes(town.name)) text = text.replace("samme fylke", "samme kommune");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// «Kommuner som Stord først: 2 fra Stord, 3 av samme størrelse i samme fylke, 2 i nabofylkene.»
export function summary(found, ranked) {
  const count = (group) => ranked.filter((entry) => entry.group === group).length;
  const own = found.groups.find((group) => group.place === "samme kommune");
  const [first, second] = found.groups.filter((group) => group !== own);
  const where = found.size ? `av samme størrelse i ${first.place}` : `i ${first.place}`;
  const ownText = own ? `${count(own)} fra ${found.town.name}, ` : "";
  return `Kommuner som ${found.town.name} først: ${ownText}${count(first)} ${where}, ${count(second)} i nabofylkene.`;
}

// -- the front page's form ------------------------------------------------------------------------
// Plain HTML works without this (a GET form to the finder, which reads the name); the script adds
// the list of municipalities and says so at once if a name is not one.
function setUpStart(form) {
  const input = form.querySelector("input[name=kommune]");
  const datalist = document.getElementById(input.getAttribute("list"));
  const message = form.querySelector("[data-som-oss-message]");
  let data = null;
  const load = () => loadMunicipalities().then((loaded) => {
    data = loaded;
    fillDatalist(datalist, data);
    return data;
  });
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  input.addEventListener("input", () => {
    load().catch(() => {});
    if (input.getAttribute("aria-invalid")) {
      input.removeAttribute("aria-invalid");
      message.textContent = "";
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let found = {};
    try {
      found = (await load()).find(input.value);
    } catch (error) {
      form.submit();  // no list: let the finder read the name
      return;
    }
    if (found.municipality) {
      const url = new URL(form.action);
      url.search = new URLSearchParams({ kommune: found.municipality.id }).toString();
      window.location.assign(url);
      return;
    }
    input.setAttribute("aria-invalid", "true");
    message.textContent = !input.value.trim() ? "Skriv navnet på kommunen din."
      : found.ambiguous ? `Flere kommuner heter «${input.value.trim()}»: ${listNames(found.ambiguous.map((m) => m.name))}. Velg en fra lista.`
        : `Fant ingen kommune som heter «${input.value.trim()}». Velg en fra lista.`;
    input.focus();
  });
}

for (const form of document.querySelectorAll("form[data-som-oss-start]")) setUpStart(form);
