/*
 * «Send inn et eksempel»: a form that writes an example file for the eksempelbank.
 *
 * Everything the form offers comes from the published format description
 * (skjema/eksempelformat.json, generated from data/ at build time): fields, allowed values,
 * sections, municipalities and the personal-data rules. The checks are a port of the Python
 * validator (eksempelbank/reading/fields.py, sections.py, body.py, personal_data.py) with the same
 * Norwegian messages; tests/browser/test_submission_form.py compares the two on the same file.
 *
 * No framework, no third-party code, nothing sent anywhere: the file is built in the browser
 * and only leaves it when the editor downloads it or opens GitHub.
 */
(function () {
  "use strict";

  const container = document.getElementById("eb-send-inn");
  if (!container) return;

  const GITHUB_URL_LIMIT = 8000; // GitHub refuses much longer addresses; stay well below
  const TEXTAREA_FROM = 150; // text fields allowing more characters than this get a text area

  /* ------------------------------------------------------------------ text helpers (text.py) */

  const TRANSLITERATION = {
    "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "å": "a", "Å": "a", "đ": "d", "Đ": "d",
    "ŋ": "n", "Ŋ": "n", "ŧ": "t", "Ŧ": "t", "ß": "ss", "ł": "l", "Ł": "l",
  };

  function slugify(value) {
    let text = value.normalize("NFC").replace(/[æÆøØåÅđĐŋŊŧŦßłŁ]/g, (ch) => TRANSLITERATION[ch]);
    text = text.normalize("NFKD").replace(/\p{M}/gu, "");
    return text.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
  }

  function fold(value) {
    return value.normalize("NFC").toLowerCase().replace(/ß/g, "ss").split(/\s+/).filter(Boolean).join(" ");
  }

  const quoted = (value) => `«${value}»`;
  const length = (text) => Array.from(text).length; // code points, as Python's len()

  function joinValues(values, limit = 20) {
    if (values.length <= limit) return values.join(", ");
    return values.slice(0, limit).join(", ") + ` … (og ${values.length - limit} til)`;
  }

  // difflib.SequenceMatcher(None, a, b).ratio(), for the same «Mente du …?» as Python.
  function ratio(aText, bText) {
    const a = Array.from(aText);
    const b = Array.from(bText);
    if (!a.length && !b.length) return 1;
    const b2j = new Map();
    b.forEach((ch, j) => {
      if (!b2j.has(ch)) b2j.set(ch, []);
      b2j.get(ch).push(j);
    });
    function longest(alo, ahi, blo, bhi) {
      let besti = alo;
      let bestj = blo;
      let bestsize = 0;
      let j2len = new Map();
      for (let i = alo; i < ahi; i++) {
        const next = new Map();
        for (const j of b2j.get(a[i]) || []) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (j2len.get(j - 1) || 0) + 1;
          next.set(j, k);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
        j2len = next;
      }
      return [besti, bestj, bestsize];
    }
    let matches = 0;
    const queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop();
      const [i, j, k] = longest(alo, ahi, blo, bhi);
      if (k) {
        matches += k;
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    return (2 * matches) / (a.length + b.length);
  }

  function didYouMean(value, candidates, cutoff = 0.6) {
    const byKey = new Map();
    for (const candidate of candidates) {
      for (const key of [fold(candidate), slugify(candidate)]) {
        if (!byKey.has(key)) byKey.set(key, candidate);
      }
    }
    for (const key of [fold(value), slugify(value)]) {
      if (byKey.has(key)) return byKey.get(key);
    }
    const word = fold(value);
    let best = null;
    for (const key of byKey.keys()) {
      const score = ratio(key, word); // get_close_matches: seq1 = candidate, seq2 = word
      if (score >= cutoff && (!best || score > best[0] || (score === best[0] && key > best[1]))) {
        best = [score, key];
      }
    }
    return best ? byKey.get(best[1]) : null;
  }

  /* -------------------------------------------------------------------------- YAML output */

  const YAML_WORDS = /^(?:y|n|yes|no|true|false|on|off|null)$/i;

  // A plain scalar only when it cannot be misread; otherwise a double-quoted one.
  // Characters YAML reads as something else (U+0085 and U+2028/9 as line breaks), or that hide what the
  // text says (bidi overrides, byte-order mark): written as escapes inside double quotes.
  const YAML_SPECIAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

  function scalar(text) {
    const plain = /^\p{L}/u.test(text) && !/[\s:]$/.test(text) && !/: | #|["\\]/.test(text) &&
      !new RegExp(YAML_SPECIAL.source).test(text) && !YAML_WORDS.test(text);
    if (plain) return text;
    return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(YAML_SPECIAL,
      (ch) => "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0")) + '"';
  }

  /* ------------------------------------------------------------------- small DOM helpers */

  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") element.textContent = value;
      else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function todayIso() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  const clean = (value) => value.normalize("NFC").replace(/\s+/g, " ").trim();

  /* ------------------------------------------------------------------------- the form */

  let format = null;
  const controls = new Map(); // id -> {id, label, inputs, describe, slot}
  let fieldsByName = new Map();
  let attempted = false; // after the first check, errors follow the editor's corrections
  let lastCheck = null;

  // Labels and help for the keys of a source or link come from the format (entries.*.labels/help).
  const entryLabel = (name, key) => (format.entries[name].labels || {})[key] || key;
  const entryHelp = (name, key) => (format.entries[name].help || {})[key] || "";
  const DEFAULTS = { sprak: "nb" }; // preselected choices
  const ENTRY_NOUN = { kilder: ["Kilde", "kilde"], lenker: ["Lenke", "lenke"] };

  function helpFor(spec) {
    let text = spec.help || "";
    if (spec.type === "kommuner") {
      text = "Skriv kommunenavnet og velg fra listen; samiske navn og kommunenummer virker også. Bruk dagens " +
        "kommune (inndelingen fra 1. januar 2024). Samarbeider flere kommuner, legg til flere.";
    } else if (spec.type === "tidligere_kommuner") {
      text = text.replace("skriv det gamle navnet her og dagens kommune under «kommune»",
        "skriv det gamle navnet her og dagens kommune i feltet «Kommune»");
    } else if (spec.type === "periode") {
      text = "Når arbeidet pågikk. Skriv bare startåret hvis det varte under ett år.";
    }
    // Field names such as «innbyggertall_aar» read better as their labels in the form.
    for (const field of format.fields) text = text.split(`«${field.name}»`).join(`«${field.label}»`);
    if (format.entries[spec.name]) {
      for (const key of format.entries[spec.name].keys) {
        text = text.split(`«${key}»`).join(`«${entryLabel(spec.name, key)}»`);
      }
    }
    return text;
  }

  function register(id, label, inputs, describe, slot) {
    const control = { id, label, inputs, describe, slot };
    controls.set(id, control);
    for (const element of describe) element.dataset.describedby = element.getAttribute("aria-describedby") || "";
    return control;
  }

  function labelWithState(text, required) {
    return [text, required ? h("span", { class: "eb-required" }, " (påkrevd)") : null];
  }

  function field(spec, input, extra) {
    const id = `f-${spec.name}`;
    const helpId = `${id}-hjelp`;
    const help = helpFor(spec);
    input.id = id;
    if (help) input.setAttribute("aria-describedby", helpId);
    const slot = h("div", { class: "eb-messages", id: `${id}-meldinger` });
    const wrapper = h("div", { class: "eb-field", "data-field": spec.name },
      h("label", { for: id }, labelWithState(spec.label, spec.required)),
      help ? h("p", { class: "eb-help", id: helpId, text: help }) : null,
      slot, input, extra || null);
    register(id, spec.label, [input], [input], slot);
    return wrapper;
  }

  function textInput(spec) {
    const long = spec.max_length && spec.max_length > TEXTAREA_FROM;
    const input = long
      ? h("textarea", { name: spec.name, rows: 3, spellcheck: "true" })
      : h("input", { type: "text", name: spec.name, spellcheck: "true", autocomplete: "off" });
    let counter = null;
    if (spec.max_length) {
      counter = h("p", { class: "eb-counter", id: `f-${spec.name}-teller` });
      const update = () => { counter.textContent = `${length(clean(input.value))} av høyst ${spec.max_length} tegn`; };
      input.addEventListener("input", update);
      update();
    }
    const wrapper = field(spec, input, counter);
    if (counter) input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby") || ""} ${counter.id}`.trim());
    controls.get(input.id).describe.forEach((el) => { el.dataset.describedby = el.getAttribute("aria-describedby"); });
    return wrapper;
  }

  function numberInput(spec) {
    const input = h("input", { type: "text", inputmode: "numeric", name: spec.name, autocomplete: "off",
      class: spec.type === "aarstall" ? "eb-year" : "eb-number" });
    return field(spec, input);
  }

  function dateInput(spec) {
    const input = h("input", { type: "date", name: spec.name, max: todayIso(), value: todayIso() });
    return field(spec, input);
  }

  function choiceGroup(spec, multiple) {
    const id = `f-${spec.name}`;
    const vocabulary = format.vocabularies[spec.vocabulary] || [];
    const help = helpFor(spec);
    const slot = h("div", { class: "eb-messages", id: `${id}-meldinger` });
    const options = [];
    if (!multiple && !spec.required) {
      options.push({ id: "", label: "Ingen", kort: "" });
    }
    options.push(...vocabulary);
    const inputs = [];
    const list = h("div", { class: multiple ? "eb-choices eb-checkboxes" : "eb-choices eb-radios" },
      options.map((term, index) => {
        const inputId = index === 0 ? id : `${id}-${term.id || "ingen"}`;
        const input = h("input", { type: multiple ? "checkbox" : "radio", id: inputId, name: spec.name,
          value: term.id, checked: !multiple && (DEFAULTS[spec.name] ?? "") === term.id });
        inputs.push(input);
        return h("div", { class: "eb-choice" }, input,
          h("label", { for: inputId }, term.label, term.kort ? h("span", { class: "eb-choice-note", text: term.kort }) : null));
      }));
    const fieldset = h("fieldset", { class: "eb-fieldset", "data-field": spec.name, id: `${id}-gruppe`,
      "aria-describedby": help ? `${id}-hjelp` : null },
    h("legend", {}, labelWithState(spec.label, spec.required)),
    help ? h("p", { class: "eb-help", id: `${id}-hjelp`, text: help }) : null,
    slot, list);
    register(id, spec.label, inputs, [fieldset], slot);
    return fieldset;
  }

  function datalist(id, options) {
    return h("datalist", { id }, options.map(([value, label]) => h("option", { value, label }, label)));
  }

  function municipalityList(spec) {
    const id = `f-${spec.name}`;
    const listId = spec.type === "kommuner" ? "eb-kommuneliste" : "eb-tidligere-kommuneliste";
    const help = helpFor(spec);
    const slot = h("div", { class: "eb-messages", id: `${id}-meldinger` });
    const rows = h("div", { class: "eb-rows" });
    const control = register(id, spec.label, [], [], slot);
    const multiple = spec.type === "kommuner";

    function renumber() {
      Array.from(rows.children).forEach((row, index) => {
        const input = row.querySelector("input");
        const label = row.querySelector("label");
        input.id = index === 0 ? id : `${id}-${index + 1}`;
        label.setAttribute("for", input.id);
        if (index > 0) label.textContent = `${spec.label} ${index + 1}`;
        const remove = row.querySelector("button");
        if (remove) remove.textContent = `Fjern ${spec.label.toLowerCase()} ${index + 1}`;
      });
      control.inputs = Array.from(rows.querySelectorAll("input"));
      control.describe = control.inputs;
      control.inputs.forEach((input) => {
        if (!input.dataset.describedby) input.dataset.describedby = help ? `${id}-hjelp` : "";
      });
    }

    function addRow(focus) {
      const first = rows.children.length === 0;
      const input = h("input", { type: "text", list: listId, name: spec.name, autocomplete: "off", spellcheck: "false",
        "aria-describedby": help ? `${id}-hjelp` : null });
      const row = first
        ? h("div", { class: "eb-row" }, h("label", {}, labelWithState(spec.label, spec.required)),
          help ? h("p", { class: "eb-help", id: `${id}-hjelp`, text: help }) : null, slot, input)
        : h("div", { class: "eb-row" }, h("label", {}), input);
      if (!first) {
        row.append(h("button", { type: "button", class: "eb-link-button", onclick: () => {
          const previous = row.previousElementSibling;
          row.remove();
          renumber();
          changed();
          previous.querySelector("input").focus();
        } }));
      }
      rows.append(row);
      renumber();
      if (focus) input.focus();
    }

    addRow(false);
    const add = multiple
      ? h("button", { type: "button", class: "eb-link-button eb-add", onclick: () => { addRow(true); changed(); } },
        "Legg til en kommune til")
      : null;
    return h("div", { class: "eb-field", "data-field": spec.name }, rows, add);
  }

  function countyDisplay(spec) {
    const id = `f-${spec.name}`;
    const input = h("input", { type: "text", id, readonly: true, "aria-describedby": `${id}-hjelp`, tabindex: "0" });
    return h("div", { class: "eb-field eb-derived", "data-field": spec.name },
      h("label", { for: id }, spec.label),
      h("p", { class: "eb-help", id: `${id}-hjelp`, text: "Hentes automatisk fra kommunen. Du trenger ikke fylle det ut." }),
      input);
  }

  function periodFields(spec) {
    const id = `f-${spec.name}`;
    const help = helpFor(spec);
    const slot = h("div", { class: "eb-messages", id: `${id}-meldinger` });
    const start = h("input", { type: "text", inputmode: "numeric", id: `${id}-start`, class: "eb-year",
      autocomplete: "off", "aria-describedby": `${id}-hjelp` });
    const end = h("input", { type: "text", inputmode: "numeric", id: `${id}-slutt`, class: "eb-year",
      autocomplete: "off", "aria-describedby": `${id}-hjelp` });
    const ongoing = h("input", { type: "checkbox", id: `${id}-pagar` });
    ongoing.addEventListener("change", () => { end.disabled = ongoing.checked; });
    const fieldset = h("fieldset", { class: "eb-fieldset eb-period", "data-field": spec.name, id: `${id}-gruppe` },
      h("legend", {}, labelWithState(spec.label, spec.required)),
      h("p", { class: "eb-help", id: `${id}-hjelp`, text: help }),
      slot,
      h("div", { class: "eb-inline" },
        h("div", {}, h("label", { for: start.id }, "Startår"), start),
        h("div", {}, h("label", { for: end.id }, "Sluttår"), end)),
      h("div", { class: "eb-choice" }, ongoing, h("label", { for: ongoing.id }, "Arbeidet pågår fortsatt")));
    register(id, spec.label, [start, end], [start, end], slot);
    return fieldset;
  }

  function entryList(spec) {
    const id = `f-${spec.name}`;
    const rules = format.entries[spec.name];
    const [Noun, noun] = ENTRY_NOUN[spec.name] || [spec.label, spec.label.toLowerCase()];
    const help = helpFor(spec);
    const slot = h("div", { class: "eb-messages", id: `${id}-meldinger` });
    const rows = h("div", { class: "eb-entries", id: `${id}-liste` });
    register(id, spec.label, [], [], slot).anchor = `${id}-tittel`;

    function renumber() {
      Array.from(rows.children).forEach((row, index) => {
        row.querySelector("legend").textContent = `${Noun} ${index + 1}`;
        for (const key of rules.keys) {
          const input = row.querySelector(`[data-key="${key}"]`);
          const inputId = `${id}-${index + 1}-${key}`;
          const old = input.id;
          input.id = inputId;
          row.querySelector(`label[for="${old}"]`).setAttribute("for", inputId);
          const note = row.querySelector(`[data-help="${key}"]`);
          if (note) {
            note.id = `${inputId}-hjelp`;
            input.setAttribute("aria-describedby", note.id);
          } else {
            input.removeAttribute("aria-describedby");
          }
          const control = controls.get(old);
          if (control && old !== inputId) controls.delete(old);
          const label = `${Noun} ${index + 1}, ${entryLabel(spec.name, key).toLowerCase()}`;
          const messages = row.querySelector(`[data-messages="${key}"]`);
          messages.id = `${inputId}-meldinger`;
          register(inputId, label, [input], [input], messages);
        }
        const remove = row.querySelector(".eb-remove");
        remove.textContent = `Fjern ${noun} ${index + 1}`;
        remove.hidden = spec.required && rows.children.length === 1;
      });
    }

    function addRow(focus) {
      const fields = rules.keys.map((key) => {
        const required = (rules.required || []).includes(key);
        const input = h("input", { type: key === "url" ? "url" : "text", "data-key": key, id: `${id}-ny-${key}`,
          inputmode: key === "aar" ? "numeric" : null, autocomplete: "off", class: key === "aar" ? "eb-year" : null });
        return h("div", { class: "eb-field eb-subfield" },
          h("label", { for: input.id }, labelWithState(entryLabel(spec.name, key), required)),
          entryHelp(spec.name, key) ? h("p", { class: "eb-help", "data-help": key, text: entryHelp(spec.name, key) }) : null,
          h("div", { class: "eb-messages", "data-messages": key }),
          input);
      });
      const remove = h("button", { type: "button", class: "eb-link-button eb-remove" });
      const row = h("fieldset", { class: "eb-fieldset eb-entry" }, h("legend", {}), fields, remove);
      remove.addEventListener("click", () => {
        const index = Array.from(rows.children).indexOf(row);
        for (const key of rules.keys) controls.delete(`${id}-${index + 1}-${key}`);
        row.remove();
        for (let i = index + 1; i <= rows.children.length + 1; i++) {
          for (const key of rules.keys) controls.delete(`${id}-${i}-${key}`);
        }
        renumber();
        changed();
        (rows.children[Math.max(0, index - 1)]?.querySelector("input") || addButton).focus();
      });
      rows.append(row);
      renumber();
      if (focus) row.querySelector("input").focus();
    }

    const addButton = h("button", { type: "button", class: "md-button eb-add", onclick: () => { addRow(true); changed(); } },
      `Legg til ${noun}`);
    if (spec.required) addRow(false);
    return h("section", { class: "eb-field eb-entry-list", "data-field": spec.name, "aria-labelledby": `${id}-tittel` },
      h("h3", { id: `${id}-tittel`, tabindex: "-1" }, labelWithState(spec.label, spec.required)),
      help ? h("p", { class: "eb-help", id: `${id}-hjelp`, text: help }) : null,
      slot, rows, addButton);
  }

  function sectionField(section, index) {
    const id = `f-avsnitt-${index + 1}`;
    const textarea = h("textarea", { id, name: `avsnitt-${index + 1}`, rows: section.required ? 6 : 4, spellcheck: "true",
      "aria-describedby": `${id}-hjelp`, lang: "nb" });
    const slot = h("div", { class: "eb-messages", id: `${id}-meldinger` });
    const label = h("label", { for: id, class: "eb-section-label" });
    const wrapper = h("div", { class: "eb-field eb-section", "data-section": String(index) },
      label, h("p", { class: "eb-help", id: `${id}-hjelp`, text: section.hint }), slot, textarea);
    register(id, section.title, [textarea], [textarea], slot);
    return wrapper;
  }

  function renderSectionLabels(language) {
    format.sections.forEach((section, index) => {
      const id = `f-avsnitt-${index + 1}`;
      const title = language === "nn" ? section.nn : section.title;
      const label = container.querySelector(`label[for="${id}"]`);
      label.replaceChildren(...[labelWithState(title, section.required)].flat().filter(Boolean));
      controls.get(id).label = title;
      document.getElementById(id).setAttribute("lang", language);
    });
  }

  // The form is built in slices of a few milliseconds, each its own task, so a phone stays responsive
  // while it is made (one task of ~50 ms blocked taps before). It goes into the page whole, in one go.
  let sliceStart = 0;
  async function pauseIfBusy() {
    if (performance.now() - sliceStart < 8) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
  }

  async function build() {
    sliceStart = performance.now();
    const fieldElements = [];
    for (const spec of format.fields) {
      await pauseIfBusy();
      fieldsByName.set(spec.name, spec);
      switch (spec.type) {
        case "tekst": fieldElements.push(textInput(spec)); break;
        case "heltall": case "aarstall": fieldElements.push(numberInput(spec)); break;
        case "dato": fieldElements.push(dateInput(spec)); break;
        case "periode": fieldElements.push(periodFields(spec)); break;
        case "valg": fieldElements.push(choiceGroup(spec, false)); break;
        case "valgliste": fieldElements.push(choiceGroup(spec, true)); break;
        case "kommuner": case "tidligere_kommuner": fieldElements.push(municipalityList(spec)); break;
        case "fylke": fieldElements.push(countyDisplay(spec)); break;
        case "kilder": case "lenker": fieldElements.push(entryList(spec)); break;
        default: console.warn("send-inn: ukjent felttype", spec.type); // eslint-disable-line no-console
      }
    }
    await pauseIfBusy();
    const municipalities = datalist("eb-kommuneliste", format.municipalities.flatMap((m) => {
      const options = [[m.name, `${m.name} (${m.county})`]];
      if (m.alt_name) options.push([m.alt_name, `${m.alt_name} – ${m.name} (${m.county})`]);
      return options;
    }).map(([value, label]) => [value, label.replace(/\((.*)\) \((.*)\)$/, "($2)")]));
    const former = datalist("eb-tidligere-kommuneliste", format.former_municipalities.map((f) =>
      [f.name, `${f.name} – ble del av ${f.merged_into} i ${f.ended_year}`]));

    const summary = h("section", { class: "eb-summary", id: "eb-feiloversikt", tabindex: "-1", hidden: true,
      "aria-labelledby": "eb-feiloversikt-tittel" },
    h("h2", { id: "eb-feiloversikt-tittel" }),
    h("ul", { class: "eb-summary-list" }));

    const sections = [];
    for (const [index, section] of format.sections.entries()) {
      await pauseIfBusy();
      sections.push(sectionField(section, index));
    }
    await pauseIfBusy();
    const preview = h("pre", { class: "eb-preview", tabindex: "0", "aria-labelledby": "eb-fil-tittel" },
      h("code", { id: "eb-forhandsvisning" }));
    const repository = container.dataset.repository;
    const contact = container.dataset.contact;
    const actions = h("div", { class: "eb-actions" },
      h("button", { type: "submit", class: "md-button" }, "Kontroller skjemaet"),
      contact ? h("button", { type: "button", class: "md-button md-button--primary", id: "eb-epost", onclick: sendByMail },
        "Send med e-post") : null,
      h("button", { type: "button", class: "md-button", id: "eb-last-ned", onclick: download }, "Last ned fila"),
      repository ? h("button", { type: "button", class: "md-button", id: "eb-github", onclick: openGithub },
        "Åpne i GitHub") : null);
    const status = h("div", { class: "eb-status", id: "eb-status", role: "status", "aria-live": "polite" });

    const form = h("form", { class: "eb-form", novalidate: true, "aria-label": "Send inn et eksempel",
      onsubmit: (event) => { event.preventDefault(); check(true); if (!lastCheck.errors.length) say(okMessage()); } },
    summary,
    h("p", { class: "eb-intro" }, "Felt merket ", h("span", { class: "eb-required" }, "(påkrevd)"), " må fylles ut. ",
      "Resten er valgfritt."),
    h("h2", {}, "Fakta om eksempelet"),
    fieldElements,
    municipalities, former,
    h("h2", {}, "Avsnittene"),
    h("p", { class: "eb-help" },
      "Hvert avsnitt blir en overskrift på eksempelsiden. Tomme valgfrie avsnitt tas ikke med. Skriv vanlig tekst med ",
      "tom linje mellom avsnitt; en linje som starter med «- » blir et punkt i en liste, ",
      "og en lenke skrives slik: ", h("code", {}, "[tekst](https://…)"), "."),
    sections,
    h("section", { class: "eb-preview-region", "aria-labelledby": "eb-fil-tittel" },
      h("h2", { id: "eb-fil-tittel" }, "Forhåndsvisning av fila ", h("code", { id: "eb-filnavn" })),
      h("p", { class: "eb-help" }, "Slik blir fila du sender inn. Den oppdateres mens du skriver."),
      preview),
    actions,
    status);

    container.replaceChildren(form);
    form.addEventListener("input", changed);
    form.addEventListener("change", (event) => {
      if (event.target.name === "sprak") renderSectionLabels(currentLanguage());
      changed();
    });
    summary.addEventListener("click", (event) => {
      const link = event.target.closest("a[href^='#']");
      if (!link) return;
      event.preventDefault();
      focusField(link.getAttribute("href").slice(1));
    });
    renderSectionLabels(currentLanguage());
    await new Promise((resolve) => setTimeout(resolve, 0));  // the first check and preview: a task of their own
    update();
  }

  function focusField(id) {
    const target = document.getElementById(id);
    if (!target) return;
    const holder = target.closest(".eb-field, fieldset") || target;
    holder.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  /* ------------------------------------------------------------------ reading the form */

  const value = (id) => {
    const element = document.getElementById(id);
    return element ? element.value : "";
  };

  function currentLanguage() {
    const checked = container.querySelector('input[name="sprak"]:checked');
    return checked && checked.value ? checked.value : "nb";
  }

  function read() {
    const data = { fields: {}, sections: [] };
    for (const spec of format.fields) {
      const id = `f-${spec.name}`;
      switch (spec.type) {
        case "tekst": data.fields[spec.name] = clean(value(id)); break;
        case "heltall": case "aarstall": case "dato":
          data.fields[spec.name] = value(id).normalize("NFC").trim(); break;
        case "periode": {
          const ongoing = document.getElementById(`${id}-pagar`).checked;
          data.fields[spec.name] = { start: value(`${id}-start`).trim(), end: ongoing ? "" : value(`${id}-slutt`).trim(), ongoing };
          break;
        }
        case "valg": {
          const checked = container.querySelector(`input[name="${spec.name}"]:checked`);
          data.fields[spec.name] = checked ? checked.value : "";
          break;
        }
        case "valgliste":
          data.fields[spec.name] = Array.from(container.querySelectorAll(`input[name="${spec.name}"]:checked`)).map((i) => i.value);
          break;
        case "kommuner": case "tidligere_kommuner":
          data.fields[spec.name] = controls.get(id).inputs
            .map((input) => ({ id: input.id, text: registerSpelling(clean(input.value)) }))
            .filter((item) => item.text);
          break;
        case "kilder": case "lenker": {
          const rows = document.getElementById(`${id}-liste`).children;
          data.fields[spec.name] = Array.from(rows).map((row, index) => {
            const entry = { index: index + 1, values: {} };
            for (const key of format.entries[spec.name].keys) {
              const text = clean(row.querySelector(`[data-key="${key}"]`).value);
              if (text) entry.values[key] = text;
            }
            return entry;
          }).filter((entry) => Object.keys(entry.values).length);
          break;
        }
        default: break;
      }
    }
    data.language = data.fields.sprak || "nb";
    format.sections.forEach((section, index) => {
      const text = value(`f-avsnitt-${index + 1}`).normalize("NFC").replace(/\r\n?/g, "\n")
        .replace(/[ \t]+$/gm, (spaces) => (spaces === "  " ? spaces : "")) // keep Markdown's two-space line break
        .replace(/^\s*\n/, "").replace(/\s+$/, "");
      data.sections.push({ index, id: `f-avsnitt-${index + 1}`, title: data.language === "nn" ? section.nn : section.title, text });
    });
    return data;
  }

  /* ----------------------------------------------------------------- writing the file */

  function periodText(period) {
    if (period.ongoing) return `${period.start}–pågår`;
    if (period.end) return `${period.start}–${period.end}`;
    return period.start;
  }

  function fileName(data) {
    return `${slugify(data.fields.tittel || "") || "nytt-eksempel"}.md`;
  }

  // The file's text, and for every line the form control it came from.
  function writeFile(data) {
    const lines = ["---"];
    const owners = [null, null]; // owners[line number] (1-based)
    const add = (line, owner) => { lines.push(line); owners.push(owner); };
    for (const spec of format.fields) {
      const id = `f-${spec.name}`;
      const v = data.fields[spec.name];
      switch (spec.type) {
        case "tekst": case "dato": {
          if (!v) break;
          const date = spec.type === "dato" && /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v);
          add(`${spec.name}: ${date ? v : scalar(v)}`, id);
          break;
        }
        case "heltall": case "aarstall": {
          if (!v) break;
          const number = spec.type === "heltall" ? /^[+-]?\d+$/.test(v) : /^[1-9]\d{3}$/.test(v);
          add(`${spec.name}: ${number ? String(parseInt(v, 10)) : scalar(v)}`, id);
          break;
        }
        case "periode": {
          const text = periodText(v);
          if (text) add(`${spec.name}: ${scalar(text)}`, v.start || !v.end ? `${id}-start` : `${id}-slutt`);
          break;
        }
        case "valg": if (v) add(`${spec.name}: ${scalar(v)}`, id); break;
        case "valgliste":
          if (v.length) {
            add(`${spec.name}:`, id);
            v.forEach((item) => add(`  - ${scalar(item)}`, id));
          }
          break;
        case "kommuner": case "tidligere_kommuner":
          if (v.length === 1) add(`${spec.name}: ${scalar(v[0].text)}`, v[0].id);
          else if (v.length > 1) {
            add(`${spec.name}:`, v[0].id);
            v.forEach((item) => add(`  - ${scalar(item.text)}`, item.id));
          }
          break;
        case "kilder": case "lenker":
          if (v.length) {
            add(`${spec.name}:`, id);
            for (const entry of v) {
              let first = true;
              for (const key of format.entries[spec.name].keys) {
                if (!(key in entry.values)) continue;
                const text = entry.values[key];
                const plain = (key === "aar" && /^[1-9]\d{3}$/.test(text)) ||
                  ((format.entries[spec.name].dates || []).includes(key) && /^\d{4}-\d{2}-\d{2}$/.test(text));
                const written = plain ? text : scalar(text);
                add(`${first ? "  - " : "    "}${key}: ${written}`, `${id}-${entry.index}-${key}`);
                first = false;
              }
            }
          }
          break;
        default: break;
      }
    }
    add("---", null);
    const bodyLine = lines.length + 1;
    for (const section of data.sections) {
      if (!section.text.trim()) continue;
      add("", null);
      add(`## ${section.title}`, section.id);
      add("", section.id);
      for (const line of section.text.split("\n")) add(line, section.id);
    }
    return { text: lines.join("\n") + "\n", owners, bodyLine, body: lines.slice(bodyLine - 1).join("\n") + "\n" };
  }

  /* ---------------------------------------------------------- checks (port of the validator) */

  function isRealDate(text) {
    const [y, m, d] = text.split("-").map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }

  // register.py: Register.lookup_municipality
  function lookupMunicipality(written) {
    const text = written.normalize("NFC").trim();
    if (/^\d+$/.test(text)) return { municipality: format.municipalities.find((m) => m.number === text.padStart(4, "0")) || null };
    const matches = format.municipalities.filter((m) => [m.name, m.name.split(" (")[0], m.alt_name].includes(text));
    const former = format.former_municipalities.find((f) => f.name === text) ||
      format.former_municipalities.find((f) => f.name.split(" (")[0] === text) || null;
    if (matches.length === 1) return { municipality: matches[0], former };
    if (matches.length > 1) return { ambiguous: matches };
    return { former };
  }

  // «holmestrand» is Holmestrand: the file gets the register's spelling (the check matches names exactly).
  function registerSpelling(text) {
    const lower = text.toLocaleLowerCase("nb");
    const names = format.municipalities.flatMap((m) => [m.name, m.name.split(" (")[0], m.alt_name])
      .concat(format.former_municipalities.map((f) => f.name)).filter(Boolean);
    const hits = [...new Set(names.filter((name) => name.toLocaleLowerCase("nb") === lower))];
    return hits.length === 1 ? hits[0] : text;
  }

  function checkFields(data, problem) {
    const values = {};
    const missing = (spec, target) => problem(target || `f-${spec.name}`,
      `Mangler påkrevd felt «${spec.name}» (${spec.label}). ${spec.help}`);
    const year = new Date().getFullYear();
    const today = todayIso();
    const present = new Set();

    for (const spec of format.fields) {
      const id = `f-${spec.name}`;
      const v = data.fields[spec.name];
      const empty = v === undefined || v === "" || (Array.isArray(v) && !v.length) ||
        (spec.type === "periode" && !periodText(v));
      if (spec.type === "fylke") continue;
      if (empty) {
        if (spec.required) {
          const firstEntry = `${id}-1-tittel`;
          missing(spec, spec.type === "periode" ? `${id}-start` : (document.getElementById(firstEntry) ? firstEntry : null));
        }
        continue;
      }
      present.add(spec.name);
      switch (spec.type) {
        case "tekst": {
          const n = length(v);
          if (invisibleProblem(v)) {
            problem(id, invisibleProblem(v));
          } else if (v === (format.placeholders || {})[spec.name]) {
            problem(id, "Dette er hjelpeteksten fra malen. Skriv inn det som gjelder eksempelet.");
          } else if (spec.max_length && n > spec.max_length) {
            problem(id, `Teksten er ${n} tegn lang; høyst ${spec.max_length} tegn er tillatt.`);
          } else {
            if (spec.recommended_min_length && n < spec.recommended_min_length) {
              problem(id, `Teksten er bare ${n} tegn. Minst ${spec.recommended_min_length} tegn gjør det lettere for ` +
                "leseren å se om eksempelet er relevant.", "advarsel");
            }
            values[spec.name] = v;
          }
          break;
        }
        case "heltall":
          if (!/^[+-]?\d+$/.test(v)) {
            problem(id, `${quoted(v)} er ikke et helt tall. Skriv bare sifre, uten mellomrom eller punktum, ` +
              `for eksempel ${spec.name}: ${spec.example}.`);
          } else if (spec.min !== undefined && parseInt(v, 10) < spec.min) {
            problem(id, `Må være minst ${spec.min}, ikke ${parseInt(v, 10)}.`);
          } else values[spec.name] = parseInt(v, 10);
          break;
        case "aarstall": {
          const checked = checkYear(v, spec.example, (message) => problem(id, message), year);
          if (checked !== null) values[spec.name] = checked;
          break;
        }
        case "dato":
          if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isRealDate(v)) {
            problem(id, `${quoted(v)} er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel ${spec.example}.`);
          } else if (v > today) {
            problem(id, `${v} ligger fram i tid.`);
          } else {
            const days = (Date.parse(today) - Date.parse(v)) / 86400000;
            if (spec.stale_after_years && days > 365.25 * spec.stale_after_years) {
              problem(id, `Innholdet ble sist vurdert ${v}, for mer enn ${spec.stale_after_years} år siden. ` +
                "Gå gjennom eksempelet og oppdater datoen.", "advarsel");
            }
            values[spec.name] = v;
          }
          break;
        case "periode": {
          const raw = periodText(v);
          const match = /^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}|pågår|pågående|pagar)?\s*)?$/iu.exec(raw);
          if (!match) {
            const target = /^\d{4}$/.test(v.start) ? `${id}-slutt` : `${id}-start`;
            problem(target, `${quoted(raw)} er ikke en periode. Skriv «2011–2015», «2016–pågår» eller ett årstall som «2018».`);
            break;
          }
          const start = parseInt(match[1], 10);
          const end = match[2] === undefined ? (/[-–—]/.test(raw) ? null : start)
            : (/^\d+$/.test(match[2]) ? parseInt(match[2], 10) : null);
          if (start > year) problem(`${id}-start`, `Startåret ${start} ligger fram i tid.`);
          else if (end !== null && end < start) problem(`${id}-slutt`, `Sluttåret ${end} er før startåret ${start}.`);
          else values[spec.name] = [start, end];
          break;
        }
        case "valg": case "valgliste": {
          const vocabulary = format.vocabularies[spec.vocabulary] || [];
          const ids = vocabulary.map((t) => t.id);
          const items = Array.isArray(v) ? v : [v];
          const bad = items.filter((item) => !ids.includes(item));
          bad.forEach((item) => problem(id, `${quoted(item)} er ikke en tillatt verdi. Tillatte verdier: ${joinValues(ids, 40)}.`));
          if (!bad.length) values[spec.name] = v;
          break;
        }
        case "kommuner": {
          const found = checkEach(v, (item) => checkMunicipality(spec, item, problem), (m) => m.name, problem, spec);
          if (found) values[spec.name] = found;
          break;
        }
        case "tidligere_kommuner": {
          const found = checkEach(v, (item) => checkFormer(spec, item, problem), (f) => f.name, problem, spec);
          if (found) values[spec.name] = found;
          break;
        }
        case "kilder": case "lenker": {
          const entries = checkEntries(spec, v, problem, year);
          if (entries) values[spec.name] = entries;
          break;
        }
        default: break;
      }
    }

    for (const spec of format.fields) {
      if (spec.requires && spec.name in values && !present.has(spec.requires)) {
        problem(`f-${spec.name}`, `Når «${spec.name}» er fylt ut, må også «${spec.requires}» være med.`);
      }
    }

    // Rules across fields (FieldChecker._cross_checks); the county is derived, never written.
    const municipalities = values.kommune || [];
    for (const former of values.tidligere_kommune || []) {
      if (municipalities.length && !municipalities.includes(format.municipalities.find((m) => m.name === former.merged_into))) {
        problem(data.fields.tidligere_kommune[0].id, `${former.name} ble del av ${former.merged_into}, som ikke står under «kommune».`);
      }
    }
    const population = values.innbyggertall;
    const size = values.kommunestorrelse;
    if (population !== undefined && size !== undefined) {
      const vocabulary = format.vocabularies[fieldsByName.get("kommunestorrelse").vocabulary];
      const fits = vocabulary.filter((t) => (t.min_innbyggere ?? 0) <= population && population <= (t.maks_innbyggere ?? 1e9));
      if (fits.length && fits[0].id !== size) {
        const chosen = vocabulary.find((t) => t.id === size);
        const yearText = values.innbyggertall_aar === undefined ? "None" : values.innbyggertall_aar;
        problem("f-kommunestorrelse", `«${size}» (${(chosen.kort || "").replace(/\.+$/, "")}) stemmer ikke med innbyggertall ` +
          `${population} (${yearText}). Med det innbyggertallet er kommunen «${fits[0].id}».`);
      }
    }
    return values;
  }

  function checkYear(text, example, error, year) {
    if (!/^[1-9]\d{3}$/.test(text)) {
      error(`${quoted(text)} er ikke et årstall. Skriv fire sifre, for eksempel ${example}.`);
      return null;
    }
    const value = parseInt(text, 10);
    if (value > year) {
      error(`${value} ligger fram i tid.`);
      return null;
    }
    return value;
  }

  function checkEach(items, check, name, problem, spec) {
    const results = [];
    const seen = new Set();
    let ok = true;
    for (const item of items) {
      const found = check(item);
      if (!found) ok = false;
      else if (seen.has(found)) {
        problem(item.id, `${quoted(name(found))} står to ganger.`);
        ok = false;
      } else {
        seen.add(found);
        results.push(found);
      }
    }
    return ok ? results : null;
  }

  function checkMunicipality(spec, item, problem) {
    const written = item.text;
    const found = lookupMunicipality(written);
    if (found.municipality && found.former) {
      const [m, f] = [found.municipality, found.former];
      problem(item.id, `${quoted(written)} kan være dagens ${m.name} i ${m.county} eller ${f.name}, som ble del av ` +
        `${f.merged_into} i ${f.ended_year}. Skriv kommunenummeret i anførselstegn ("${m.number}") for ${m.name} i ` +
        `${m.county}, eller «${f.merged_into}» og «tidligere_kommune: ${f.name}».`);
      return null;
    }
    if (found.municipality) return found.municipality;
    if (found.ambiguous) {
      const options = found.ambiguous.map((m) => `«${m.name}»`).join(" eller ");
      problem(item.id, `Det finnes flere kommuner som heter ${quoted(written)}. Skriv ${options}.`);
    } else if (found.former) {
      const f = found.former;
      problem(item.id, `${quoted(written)} finnes ikke lenger som kommune: den ble del av ${f.merged_into} ` +
        `i ${f.ended_year}. Skriv «${f.merged_into}» her, og «tidligere_kommune: ${f.name}» ` +
        "hvis siden skal vise det gamle navnet.");
    } else if (/^\d+$/.test(written)) {
      problem(item.id, `Kommunenummer ${quoted(written)} finnes ikke i kommuneinndelingen fra 1. januar 2024. ` +
        "Mange kommunenumre ble endret i 2020 og 2024; skriv kommunenavnet i stedet.");
    } else {
      const names = format.municipalities.map((m) => m.name).concat(format.municipalities.filter((m) => m.alt_name).map((m) => m.alt_name));
      const guess = didYouMean(written, names);
      const hint = guess ? ` Mente du «${guess}»?` : "";
      problem(item.id, `${quoted(written)} er ikke en kommune i kommuneinndelingen fra 1. januar 2024.${hint} ` +
        "Skriv kommunenavnet eller kommunenummeret (i anførselstegn).");
    }
    return null;
  }

  function checkFormer(spec, item, problem) {
    const found = lookupMunicipality(item.text);
    if (found.former) return found.former;
    if (found.municipality || found.ambiguous) {
      problem(item.id, `${quoted(item.text)} er en kommune i dag. Skriv den under «kommune»; «${spec.name}» er bare ` +
        "for kommuner som er slått sammen med en annen.");
    } else {
      const names = format.former_municipalities.map((f) => f.name);
      problem(item.id, `${quoted(item.text)} er ikke en kjent tidligere kommune. Kjente tidligere kommuner: ` +
        `${joinValues(names)}. Mangler en, legg den til i data/register/tidligere-kommuner.csv.`);
    }
    return null;
  }

  function checkEntries(spec, entries, problem, year) {
    const rules = format.entries[spec.name];
    const id = `f-${spec.name}`;
    if (spec.min_items && entries.length < spec.min_items) {
      problem(id, `Oppgi minst ${spec.min_items}.`);
      return null;
    }
    const result = [];
    let ok = true;
    for (const entry of entries) {
      const at = (key) => `${id}-${entry.index}-${key}`;
      const checked = {};
      for (const key of rules.keys) {
        if (!(key in entry.values)) continue;
        const text = entry.values[key];
        if (key === "aar") {
          const value = checkYear(text, 2011, (message) => problem(at(key), message), year);
          if (value === null) ok = false;
          else checked[key] = value;
        } else if ((rules.dates || []).includes(key) && (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isRealDate(text))) {
          problem(at(key), `${quoted(text)} er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2023-04-01.`);
          ok = false;
        } else if ((rules.dates || []).includes(key) && text > todayIso()) {
          problem(at(key), `${text} ligger fram i tid.`);
          ok = false;
        } else if (key === "url" && urlProblem(text)) {
          problem(at(key), urlProblem(text));
          ok = false;
        } else if (invisibleProblem(text)) {
          problem(at(key), invisibleProblem(text));
          ok = false;
        } else checked[key] = text;
      }
      for (const key of rules.required || []) {
        if (!(key in entry.values)) {
          problem(at(key), `Mangler «${key}».`);
          ok = false;
        }
      }
      // Same messages as fields.py (the form test compares them word for word).
      for (const [key, other] of Object.entries(rules.needs || {})) {
        if (key in entry.values && !(other in entry.values)) {
          problem(at(key), `«${key}» (${entryLabel(spec.name, key)}) hører sammen med «${other}»: skriv adressen som ` +
            `er lagt ned under «${other}», eller fjern «${key}».`);
          ok = false;
        }
      }
      for (const [key, other] of Object.entries(rules.not_with || {})) {
        if (key in entry.values && other in entry.values) {
          problem(at(key), `«${key}» sier at kilden ikke har noen nettadresse, men punktet har «${other}». ` +
            `Behold det ene: «${other}» hvis dokumentet finnes på nett, ellers «${key}».`);
          ok = false;
        }
      }
      if (rules.one_of && !rules.one_of.some((key) => key in entry.values)) {
        problem(at(rules.one_of[0]), `Hver kilde trenger ${rules.one_of.map(quoted).join(" eller ")}: en nettadresse, ` +
          "eller en henvisning til dokumentet (utgiver, år, kapittel).");
        ok = false;
      }
      result.push(checked);
    }
    return ok ? result : null;
  }

  // fields.py: characters that change how text is read or shown, and web addresses that cannot be links.
  const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const URL_FORBIDDEN = /[\s"'<>{}()\\^`|\u0000-\u001f\u007f]/;
  const HOST = /^[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?)+$/u;
  const hex = (ch) => "U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");

  function invisibleProblem(text) {
    const found = INVISIBLE.exec(text);
    return found ? `Inneholder et usynlig kontrolltegn (${hex(found[0])}), som kan endre hvordan teksten leses eller ` +
      "vises. Det kommer ofte fra kopiering; skriv teksten inn på nytt." : null;
  }

  function urlProblem(url) {
    const bad = URL_FORBIDDEN.exec(url);
    if (bad) {
      const ch = bad[0];
      const shown = /\s/.test(ch) ? "mellomrom" : (ch.charCodeAt(0) < 32 || ch === "\u007f" ? hex(ch) : ch);
      return `Nettadressen inneholder «${shown}», som ikke kan stå i en lenke. Skriv hele adressen uten mellomrom, ` +
        "og skriv tegn som ( ) { } < > \" som %-koder (for eksempel %28 og %29 for parenteser).";
    }
    let parsed = null;
    try { parsed = new URL(url); } catch (error) { parsed = null; }
    if (!parsed || !/^https?:$/i.test(parsed.protocol) || !/^https?:\/\/[^/]/i.test(url)) {
      return `${quoted(url)} er ikke en nettadresse. Skriv hele adressen med https://.`;
    }
    if (parsed.username || parsed.password || !HOST.test(parsed.hostname)) {
      return `${quoted(url)} har ikke et gyldig vertsnavn (som www.kommune.no). Skriv hele adressen med https://.`;
    }
    return null;
  }

  // The body's lines, numbered, as the build's renderer reads them: it has no fenced code blocks
  // (fenced_code is not among the format's Markdown extensions), so a ``` line is plain text and a
  // heading after it is a heading.
  const numberedLines = (body, firstLine) => body.split("\n").map((line, offset) => [firstLine + offset, line]);

  // sections.py
  const ATX = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
  const SETEXT = /^\s{0,3}(=+|-+)\s*$/;

  function headings(body, firstLine) {
    const found = [];
    let previous = null;
    for (const [number, line] of numberedLines(body, firstLine)) {
      const match = ATX.exec(line);
      if (match && (match[2] || "").trim()) {
        found.push({ level: match[1].length, title: match[2].trim(), line: number });
        previous = null;
        continue;
      }
      const setext = SETEXT.exec(line);
      if (setext && previous && previous[1].trim() && !ATX.test(previous[1])) {
        found.push({ level: setext[1].startsWith("=") ? 1 : 2, title: previous[1].trim(), line: previous[0] });
      }
      previous = [number, line];
    }
    return found;
  }

  function checkSections(body, firstLine, language, report) {
    const titles = (lang) => format.sections.map((s) => (lang === "nn" ? s.nn : s.title));
    const known = titles(language);
    const other = titles(language === "nn" ? "nb" : "nn");
    const form = language === "nn" ? "nynorsk" : "bokmål";
    const lines = numberedLines(body, firstLine);
    const all = headings(body, firstLine);
    const firstH2 = (all.find((h2) => h2.level === 2) || {}).line;
    const stray = lines.filter(([n, text]) => text.trim() && (firstH2 === undefined || n < firstH2) &&
      !all.some((heading) => heading.line === n));
    if (stray.length) report(stray[0][0], null, `Tekst før første avsnitt. Start brødteksten med «## ${known[0]}».`);

    const seen = new Map();
    const order = [];
    for (const heading of all) {
      if (heading.level === 1) {
        report(heading.line, heading.title, "Bruk ikke overskrift på nivå 1 (#): tittelen kommer fra feltet «tittel». " +
          "Avsnitt skrives med ## foran.");
        continue;
      }
      if (heading.level !== 2) continue;
      const title = known.find((k) => fold(k) === fold(heading.title));
      if (title === undefined) {
        const index = other.map(fold).indexOf(fold(heading.title));
        if (index >= 0) {
          report(heading.line, heading.title, `Eksempelet er på ${form} (sprak: ${language}); skriv overskriften «## ${known[index]}».`);
        } else {
          const guess = didYouMean(heading.title, known, 0.5);
          const hint = guess ? ` Mente du «${guess}»?` : "";
          report(heading.line, heading.title, `Ukjent avsnitt.${hint} Standardavsnittene er: ${known.join(", ")}. ` +
            "Bruk ### for underoverskrifter i et avsnitt.");
        }
        continue;
      }
      if (seen.has(title)) {
        report(heading.line, title, `Avsnittet står to ganger (første gang på linje ${seen.get(title)}).`);
        continue;
      }
      if (order.length && known.indexOf(title) < known.indexOf(order[order.length - 1])) {
        report(heading.line, title, `Avsnittet står etter «${order[order.length - 1]}», men skal komme før. ` +
          `Rekkefølgen er: ${known.join(", ")}.`);
      }
      seen.set(title, heading.line);
      order.push(title);
    }

    const h2s = all.filter((heading) => heading.level === 2);
    h2s.forEach((heading, index) => {
      const end = index + 1 < h2s.length ? h2s[index + 1].line : null;
      const content = lines.filter(([n, t]) => n > heading.line && (end === null || n < end) && t.trim())
        .map(([, t]) => t).join("\n");
      if (!content) {
        report(heading.line, heading.title, "Avsnittet er tomt. Skriv innhold, eller fjern overskriften.");
      } else if (!content.replace(/<!--[\s\S]*?-->/g, "").trim()) {
        report(heading.line, heading.title, "Avsnittet har bare hjelpeteksten fra malen. Skriv innhold, eller fjern " +
          "avsnittet hvis det er valgfritt.");
      }
    });

    format.sections.forEach((spec, index) => {
      const title = known[index];
      if (spec.required && !seen.has(title)) {
        report(null, title, `Mangler påkrevd avsnitt «## ${title}». ${spec.hint}`, "feil", `f-avsnitt-${index + 1}`);
      }
    });
  }

  // body.py: the build renders the body and holds the HTML to the allowlist in the format (`innhold`).
  // The form cannot render Markdown exactly as the build does, so it flags what that allowlist never
  // lets through (HTML, attribute lists, images, links with other schemes); the check that runs on the
  // pull request has the last word.
  const ATTRIBUTE_LIST = /\{\s*[:#.][^}\n]*\}/;

  function decodeEntities(text) {
    const area = document.createElement("textarea");
    area.innerHTML = text;
    return area.value;
  }

  function checkContent(body, firstLine, report) {
    const content = format.content;
    const schemes = content.url_skjema;
    const allowed = content.allowed_text;
    const linkMessage = (target) => `Lenken «${target.trim().slice(0, 60)}» er ikke tillatt. Lenker skal starte med ` +
      `${schemes.map((s) => s + ":").join(", ")} eller være en lenke innenfor eksempelbanken.`;
    const badScheme = (target) => {
      const cleaned = decodeEntities(target).replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
      const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
      return match && !schemes.includes(match[1].toLowerCase()) ? cleaned : null;
    };
    body.split("\n").forEach((line, index) => {
      const number = firstLine + index;
      if (ATTRIBUTE_LIST.test(line) && !line.trimStart().startsWith("<!--")) {
        report(number, "Attributtlister ({: … }) er ikke tillatt i eksempler, og de vises som tekst. Fjern dem.");
      }
      const withoutComments = line.replace(/<!--.*?-->/g, "");
      const tag = /<\/?[a-zA-Z][^>]*>?/.exec(withoutComments);
      if (tag && !/^<(?:https?|mailto):/i.test(tag[0])) {
        report(number, `HTML er ikke tillatt i eksempler («${tag[0].slice(0, 80)}»). ${allowed}`);
      }
      if (/!\[[^\]]*\]\(/.test(line)) {
        report(number, "Bilder kan ikke brukes i eksempler. Lenk heller til bildet eller dokumentet med [tekst](https://…).");
      }
      const targets = [...line.matchAll(/\]\(\s*<?([^)\s>]*)/g)].map((m) => m[1]);
      const reference = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
      if (reference) targets.push(reference[1]);
      for (const m of line.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) targets.push(m[1]);
      for (const target of targets) {
        const bad = badScheme(target);
        if (bad) report(number, linkMessage(bad));
      }
    });
  }

  // personal_data.py
  const SEP = "[ \\u00a0.-]";
  const PHONE = new RegExp("(?<![\\d+])(?:" +
    `(?:\\+|00)47${SEP}?(?:\\d{8}|\\d{3}${SEP}\\d{2}${SEP}\\d{3}|\\d{2}(?:${SEP}\\d{2}){3}|\\d{4}${SEP}\\d{4})` +
    `|[2-9]\\d{7}|[2-9]\\d{2}${SEP}\\d{2}${SEP}\\d{3}|[2-9]\\d(?:${SEP}\\d{2}){3}` +
    ")(?![\\d])", "g");
  const MONEY_BEFORE = /(?:kr\.?|NOK)\s*$/i;
  const MONEY_AFTER = /^\s*(?:kr\b|kroner|NOK|,-)/i;
  const EMAIL = /(?<![\p{L}\p{N}_.+-])([\p{L}\p{N}_.+-]+)@([\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)/gu;

  function isFunctionalAddress(local) {
    const rules = format.personal_data;
    const lower = local.toLowerCase();
    return rules.funksjonsadresser.includes(lower) || rules.funksjonsprefikser.some((prefix) => lower.startsWith(prefix));
  }

  function checkPersonalData(text, report) {
    text.split("\n").forEach((line, index) => {
      const number = index + 1;
      for (const match of line.matchAll(PHONE)) {
        if (MONEY_BEFORE.test(line.slice(0, match.index)) || MONEY_AFTER.test(line.slice(match.index + match[0].length))) continue;
        report(number, `${match[0].trim()} ser ut som et telefonnummer. Personlige kontaktopplysninger skal ikke ` +
          "publiseres, og alt som skrives her blir liggende i Git-historikken. Fjern nummeret; henvis heller til " +
          "kommunens nettside.");
      }
      for (const match of line.matchAll(EMAIL)) {
        if (isFunctionalAddress(match[1])) continue;
        report(number, `${match[0]} ser ut som en personlig e-postadresse. Personopplysninger skal ikke publiseres, ` +
          "og alt som skrives her blir liggende i Git-historikken. Bruk en funksjonsadresse som postmottak@… eller post@…");
      }
    });
  }


  /** Every problem in the form, as the validator would report them for the written file. */
  function validate() {
    const data = read();
    const file = writeFile(data);
    const problems = [];
    const problem = (target, message, severity = "feil", field = null) =>
      problems.push({ target, message, severity, field });
    const values = checkFields(data, problem);

    const ownerOf = (line) => file.owners[line] || null;
    checkSections(file.body, file.bodyLine, data.language, (line, heading, message, severity = "feil", target = null) =>
      problem(target || ownerOf(line) || data.sections[0].id, message, severity));
    checkContent(file.body, file.bodyLine, (line, message) => problem(ownerOf(line), message, "feil", "innhold"));
    checkPersonalData(file.text, (line, message) => problem(ownerOf(line), message));

    // validate.py: a source without a web address says so, with the date someone looked (checked only
    // when the sources themselves are valid, as there).
    if (values.kilder) {
      for (const entry of data.fields.kilder || []) {
        if (!("url" in entry.values) && !("uten_nettadresse" in entry.values)) {
          problem(`f-kilder-${entry.index}-url`, `Kilden «${entry.values.tittel}» har ingen nettadresse. Legg til «url» ` +
            "hvis dokumentet finnes på nett; hvis ikke, skriv «uten_nettadresse:» med datoen du lette (ÅÅÅÅ-MM-DD).",
            "advarsel");
        }
      }
    }
    const place = (p) => {
      const control = controlFor(p.target);
      return control ? control.inputs[0] || control.slot : null;
    };
    problems.sort((a, b) => {
      const x = place(a);
      const y = place(b);
      if (!x || !y || x === y) return (x ? 0 : 1) - (y ? 0 : 1);
      return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return {
      data, file, problems,
      errors: problems.filter((p) => p.severity === "feil"),
      warnings: problems.filter((p) => p.severity !== "feil"),
    };
  }

  function controlFor(target) {
    if (!target) return null;
    if (controls.has(target)) return controls.get(target);
    for (const control of controls.values()) {
      if (control.inputs.some((input) => input.id === target)) return control;
    }
    return null;
  }

  /* ------------------------------------------------------------- showing the problems */

  function showProblems(result, moveFocus) {
    for (const control of controls.values()) {
      control.slot.replaceChildren();
      control.slot.closest(".eb-field, fieldset")?.classList.remove("eb-has-error");
      for (const input of control.inputs) input.removeAttribute("aria-invalid");
      for (const element of control.describe) {
        const base = element.dataset.describedby || "";
        if (base) element.setAttribute("aria-describedby", base);
        else element.removeAttribute("aria-describedby");
      }
    }
    const byControl = new Map();
    for (const p of result.problems) {
      const control = controlFor(p.target) || controls.get("f-tittel");
      if (!byControl.has(control)) byControl.set(control, []);
      byControl.get(control).push(p);
    }
    for (const [control, problems] of byControl) {
      const errors = problems.filter((p) => p.severity === "feil");
      const messageIds = [];
      problems.forEach((p, index) => {
        const messageId = `${control.id}-melding-${index + 1}`;
        messageIds.push(messageId);
        const error = p.severity === "feil";
        control.slot.append(h("p", { id: messageId, class: error ? "eb-error" : "eb-warning" },
          h("span", { class: "eb-visually-hidden" }, error ? "Feil: " : "Merk: "), plain(p.message)));
      });
      if (errors.length) {
        control.slot.closest(".eb-field, fieldset")?.classList.add("eb-has-error");
        const invalid = new Set(errors.map((p) => p.target));
        for (const input of control.inputs) {
          if (invalid.has(input.id) || invalid.has(control.id) || control.inputs.length === 1 ||
              input.type === "checkbox" || input.type === "radio") input.setAttribute("aria-invalid", "true");
        }
      }
      for (const element of control.describe) {
        const base = element.dataset.describedby || "";
        element.setAttribute("aria-describedby", `${base} ${messageIds.join(" ")}`.trim());
      }
    }

    const summary = document.getElementById("eb-feiloversikt");
    const list = summary.querySelector("ul");
    list.replaceChildren(...result.errors.map((p) => {
      const control = controlFor(p.target) || controls.get("f-tittel");
      const element = document.getElementById(p.target);
      const focusable = element && /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName);
      const target = focusable ? p.target : control.inputs[0]?.id || control.anchor || control.id;
      return h("li", {}, h("a", { href: `#${target}` }, summaryText(control.label, plain(p.message))));
    }));
    const count = result.errors.length;
    summary.querySelector("h2").textContent = count === 1
      ? "Rett opp 1 feil før du sender inn" : `Rett opp ${count} feil før du sender inn`;
    summary.hidden = count === 0;
    if (moveFocus && count) {
      summary.scrollIntoView({ block: "start" });
      summary.focus({ preventScroll: true });
    }
  }

  // The summary gives the first sentence; the full message stands at the field it links to.
  function summaryText(label, message) {
    const first = (/^(.+?[.?!])\s+(?=[\p{Lu}«<])/u.exec(message) || [null, message])[1];
    return first.includes(`«${label}»`) || first.includes(`avsnittet «${label}»`) ? first : `${label}: ${first}`;
  }

  // A message as the form shows it: the validator's words (which the pull request's check shows
  // editors of the file, and which check() returns unchanged) in plain Norwegian, without the file's
  // format: field names as their labels («ansvarlig_aktor» -> «Ansvarlig aktør»), «## Tittel» as
  // «avsnittet «Tittel»», and no Markdown signs.
  function plain(message) {
    let text = String(message)
      .replace(/Mangler påkrevd felt «([^»]+)» \(([^)]+)\)\./g, "Fyll ut «$2».")
      .replace(/Mangler påkrevd avsnitt «## ([^»]+)»\./g, "Skriv avsnittet «$1».")
      .replace(/skriv overskriften «## ([^»]+)»/g, "bruk avsnittet «$1»")
      .replace(/Start brødteksten med «## ([^»]+)»/g, "Begynn med avsnittet «$1»")
      .replace(/ \(sprak: (nb|nn)\)/g, "")
      .replace(/Bruk ikke overskrift på nivå 1 \(#\): tittelen kommer fra feltet «tittel»\. Avsnitt skrives med ## foran\./g,
        "Bruk ikke en egen hovedtittel i teksten: tittelen kommer fra feltet «Tittel».")
      .replace(/Bruk ### for underoverskrifter i et avsnitt\./g, "Vil du ha en mellomtittel, skriv den inne i et av avsnittene.")
      .replace(/«## ([^»]+)»/g, "avsnittet «$1»");
    for (const field of format.fields) {
      text = text.split(`«${field.name}»`).join(`«${field.label}»`).split(`${field.name}: `).join(`${field.label}: `);
    }
    return text;
  }

  function check(moveFocus) {
    attempted = true;
    lastCheck = validate();
    showProblems(lastCheck, moveFocus);
    return lastCheck;
  }

  /* ------------------------------------------------------------------- live updates */

  let timer = null;
  function changed() {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  }

  function update() {
    const result = validate();
    lastCheck = result;
    document.getElementById("eb-forhandsvisning").textContent = result.file.text;
    document.getElementById("eb-filnavn").textContent = `examples/${fileName(result.data)}`;
    const county = document.getElementById("f-fylke");
    if (county) {
      const counties = [];
      for (const item of result.data.fields.kommune || []) {
        const found = lookupMunicipality(item.text).municipality;
        if (found && !counties.includes(found.county)) counties.push(found.county);
      }
      county.value = counties.join(", ");
    }
    if (attempted) showProblems(result, false);
  }

  /* ------------------------------------------------------------------- the buttons */

  function say(message, ...extra) {
    const status = document.getElementById("eb-status");
    status.replaceChildren(h("p", {}, message, ...extra));
  }

  function okMessage() {
    const notes = lastCheck.warnings.length
      ? ` Se gjennom ${lastCheck.warnings.length === 1 ? "merknaden" : `de ${lastCheck.warnings.length} merknadene`} ` +
        "ved feltene; de hindrer ikke innsending."
      : "";
    return `Skjemaet er i orden.${notes}`;
  }

  function ready() {
    clearTimeout(timer);
    update();
    const result = check(true);
    if (result.errors.length) {
      say(`Fila er ikke laget ennå: skjemaet har ${result.errors.length} feil. Se oversikten øverst i skjemaet.`);
      return null;
    }
    return result;
  }

  function saveFile(result) {
    const name = fileName(result.data);
    const blob = new Blob([result.file.text], { type: "text/markdown;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return name;
  }

  function download() {
    const result = ready();
    if (!result) return;
    const name = saveFile(result);
    say(`Fila ${name} er lastet ned. Legg den i mappa examples/ og send den inn slik `,
      h("a", { href: container.dataset.guide }, "bidragsveiledningen"), " beskriver.");
  }

  /* No account needed: the file is downloaded, and the visitor's own e-mail program opens with a
     message to the editors that names the file. The file itself is never put in the address, so
     this works for an example of any length; nothing is sent until the visitor sends the e-mail. */
  function mailUrl(name, title) {
    const subject = `Nytt eksempel til eksempelbanken: ${title || name}`;
    const body = [
      "Hei!",
      "",
      `Vedlagt er eksempelfila ${name}, laget med skjemaet «Send inn et eksempel».`,
      "(Husk å legge ved fila fra mappen for nedlastinger før du sender.)",
      "",
      "Kontaktperson i kommunen (valgfritt, publiseres ikke):",
      "",
      "Hilsen",
    ].join("\r\n");
    return `mailto:${container.dataset.contact}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  }

  function sendByMail() {
    const result = ready();
    if (!result) return;
    const name = saveFile(result);
    const url = mailUrl(name, result.data.fields.tittel);
    window.location.href = url;
    say(`Fila ${name} er lastet ned, og e-postprogrammet ditt åpner en melding til redaksjonen ` +
      `(${container.dataset.contact}). Legg ved fila ${name} fra mappen for nedlastinger, og send meldingen. ` +
      "Redaksjonen går gjennom eksempelet, svarer deg på e-post og spør hvis noe mangler, og publiserer det når " +
      "det er klart. Åpnet ikke e-postprogrammet seg? Skriv til ",
    h("a", { href: url }, container.dataset.contact), ` og legg ved fila ${name}.`);
  }

  function githubUrl(name, content) {
    const repository = container.dataset.repository.replace(/\/+$/, "");
    const branch = (container.dataset.branch || "main").split("/").map(encodeURIComponent).join("/");
    const base = `${repository}/new/${branch}?filename=examples/${name}`;
    return content === undefined ? base : `${base}&value=${encodeURIComponent(content)}`;
  }

  function open(url) {
    const opened = window.open(url, "_blank");
    if (opened) {
      try { opened.opener = null; } catch (error) { /* another origin: nothing to do */ }
      return true;
    }
    return false;
  }

  async function openGithub() {
    const result = ready();
    if (!result) return;
    const name = fileName(result.data);
    const full = githubUrl(name, result.file.text);
    if (full.length <= GITHUB_URL_LIMIT) {
      const opened = open(full);
      say(opened
        ? `GitHub er åpnet i en ny fane med fila examples/${name} ferdig utfylt. Trykk «Commit changes …», ` +
          "«Propose changes» og til slutt «Create pull request» der, så blir eksempelet en endringsforespørsel " +
          "som en redaktør ser gjennom."
        : "Nettleseren stoppet den nye fanen. Bruk denne lenken: ",
      opened ? null : h("a", { href: full, target: "_blank", rel: "noopener" }, `Åpne examples/${name} i GitHub`));
      return;
    }
    let copied = false;
    try {
      await navigator.clipboard.writeText(result.file.text);
      copied = true;
    } catch (error) {
      copied = false;
    }
    const short = githubUrl(name);
    const opened = open(short);
    const where = opened ? "i den nye fanen med GitHub" : "på GitHub-siden (lenken under)";
    const paste = copied
      ? `Fila er for lang til å sendes med i nettadressen, så den er kopiert til utklippstavlen. Lim den inn ` +
        `(Ctrl+V, eller Cmd+V på Mac) i det tomme tekstfeltet ${where}, der filnavnet examples/${name} alt står. ` +
        "Trykk så «Commit changes …», «Propose changes» og «Create pull request»."
      : `Fila er for lang til å sendes med i nettadressen, og nettleseren lot oss ikke kopiere den. Merk all tekst i ` +
        `forhåndsvisningen over, kopier den, og lim den inn i det tomme tekstfeltet ${where}, der filnavnet ` +
        `examples/${name} alt står.`;
    say(paste, opened ? null : " ", opened ? null : h("a", { href: short, target: "_blank", rel: "noopener" }, `Åpne examples/${name} i GitHub`));
  }

  /* ------------------------------------------------------------------------- start */

  function currentFormatUrl() {
    return new URL(container.dataset.format || "../../skjema/eksempelformat.json", window.location.href);
  }

  container.replaceChildren(h("p", { class: "eb-loading" }, "Skjemaet lastes …"));
  fetch(currentFormatUrl())
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(async (description) => {
      format = description;
      await build();
      // For tests and for curious editors: the same checks and the file, without clicking.
      window.ebSendInn = {
        check: () => { clearTimeout(timer); return validate().problems.map((p) => ({ ...p })); },
        file: () => { clearTimeout(timer); const result = validate(); return { name: fileName(result.data), text: result.file.text }; },
        githubUrl: (name, content) => githubUrl(name, content),
        mailUrl: (name, title) => mailUrl(name, title),
        limit: GITHUB_URL_LIMIT,
      };
      container.dataset.ready = "true";
    })
    .catch(() => {
      container.replaceChildren(h("div", { class: "admonition warning" },
        h("p", { class: "admonition-title" }, "Skjemaet kunne ikke lastes"),
        h("p", {}, "Last siden på nytt. Virker det fortsatt ikke, kan du ",
          h("a", { href: container.dataset.template, download: "nytt-eksempel.md" }, "laste ned malen"),
          " og følge ", h("a", { href: container.dataset.guide }, "bidragsveiledningen"), ".")));
    });
})();
