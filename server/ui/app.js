// newsgraph web UI: a hash-routed single page over the JSON API. Article
// text is hostile input, so nothing from the API is ever parsed as HTML:
// every node is built with createElement and filled with textContent.
"use strict";

const main = document.getElementById("main");
const SVG = "http://www.w3.org/2000/svg";

// el builds an element; string children become text nodes.
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids.flat()) {
    if (k === null || k === undefined || k === false) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}

function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function show(...nodes) {
  main.replaceChildren(...nodes);
  window.scrollTo(0, 0);
}

function fail(err) {
  show(el("p", { class: "error", id: "error" }, "Error: " + err.message));
}

function hrefSearch(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== undefined && v !== null) p.set(k, v);
  return "#/search?" + p.toString();
}
const hrefEntity = (id) => "#/entity/" + encodeURIComponent(id);
const hrefArticle = (id, quote) => "#/article?" + new URLSearchParams(quote ? { id, quote } : { id }).toString();

// speakerNode links a statement's speaker to its person page when known.
function speakerNode(st) {
  if (st.speaker) return el("a", { class: "who speaker", href: hrefEntity(st.speaker.id) }, st.speaker.name);
  return el("span", { class: "who" }, st.speaker_name || "unattributed");
}

function statementCard(st) {
  return el("div", { class: "card statement" },
    speakerNode(st),
    st.speaker_role ? el("span", { class: "muted" }, ", " + st.speaker_role) : null,
    " ", el("span", { class: "cue" }, st.cue || "—"),
    el("span", { class: "kind" }, st.kind),
    el("blockquote", {}, st.content),
    el("div", { class: "meta" },
      st.published || "undated", " · ", st.site || "unknown outlet", " · ",
      el("a", { class: "article-link", href: hrefArticle(st.article, st.quote) }, st.title || st.article)));
}

// ---- search page ----

// suggestions fills a datalist with entities whose name starts with what
// was typed; the value is the name, which every filter accepts.
let suggestTimer = 0;
function suggestions(prefix, type, dl) {
  clearTimeout(suggestTimer);
  if (prefix.trim().length < 2) return;
  suggestTimer = setTimeout(async () => {
    const q = new URLSearchParams({ prefix, limit: 10 });
    if (type) q.set("type", type);
    const fs = await api("/api/entities?" + q.toString()).catch(() => []);
    dl.replaceChildren(...fs.map((f) => el("option", { value: f.label })));
  }, 150);
}

const FILTERS = [
  ["speaker", "Speaker"], ["place", "Place"], ["entity", "Article mentions"], ["about", "Statement mentions"],
  ["cue", "Cue (lemma)"], ["site", "Outlet"], ["from", "From (YYYY-MM-DD)"], ["to", "To (YYYY-MM-DD)"],
];

async function searchPage(params) {
  document.getElementById("q").value = params.get("q") || "";
  const p = Object.fromEntries(params.entries());
  const form = el("form", { class: "filters", id: "filters" });
  const suggest = { speaker: "", place: "GPE", entity: "", about: "" };
  for (const [k, label] of FILTERS) {
    const input = el("input", { id: "f-" + k, name: k, value: p[k] || "", list: k in suggest ? "dl-" + k : null, autocomplete: "off" });
    form.append(el("label", { for: "f-" + k }, label), input);
    if (k in suggest) {
      const dl = el("datalist", { id: "dl-" + k });
      form.append(dl);
      input.addEventListener("input", () => suggestions(input.value, suggest[k], dl));
    }
  }
  const kind = el("select", { id: "f-kind", name: "kind" },
    ...["", "direct", "mixed", "indirect"].map((k) => el("option", { value: k, selected: (p.kind || "") === k }, k || "any kind")));
  form.append(el("label", { for: "f-kind" }, "Kind"), kind, el("button", { type: "submit" }, "Apply filters"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = { q: document.getElementById("q").value };
    for (const [k, v] of new FormData(form).entries()) next[k] = v;
    location.hash = hrefSearch(next);
  });
  const side = el("aside", {}, form);
  const results = el("section", { id: "results" }, el("p", { class: "muted" }, "Searching…"));
  show(el("div", { class: "layout" }, side, results));

  const res = await api("/api/search?" + params.toString());
  const limit = Number(p.limit || 50), offset = Number(p.offset || 0);
  results.replaceChildren(el("p", { class: "muted", id: "total" }, `${res.total} statement${res.total === 1 ? "" : "s"}`));
  if (res.total === 0) results.append(el("p", {}, "Nothing matches. Try fewer words or filters."));
  for (const st of res.statements) results.append(statementCard(st));
  if (res.total > limit) {
    const pager = el("div", { class: "pager" });
    if (offset > 0) pager.append(el("a", { href: hrefSearch({ ...p, offset: Math.max(0, offset - limit) }) }, "← newer"));
    pager.append(el("span", { class: "muted" }, `${offset + 1}–${Math.min(offset + limit, res.total)}`));
    if (offset + limit < res.total) pager.append(el("a", { href: hrefSearch({ ...p, offset: offset + limit }), id: "next" }, "older →"));
    results.append(pager);
  }
  if (p.q) {
    // The same words over whole articles, for what no statement says.
    const arts = await api("/api/articles?" + new URLSearchParams({ q: p.q, limit: 5 }).toString());
    if (arts.total > 0) {
      results.append(el("h2", {}, `Articles mentioning “${p.q}” (${arts.total})`),
        el("ul", { id: "article-hits" }, ...arts.articles.map((a) => el("li", {},
          el("a", { href: hrefArticle(a.id) }, a.title || a.id), el("span", { class: "muted" }, " " + [a.published, a.site].filter(Boolean).join(" · "))))));
    }
  }
  const names = { speaker: "Speakers", site: "Outlets", cue: "Cues", kind: "Kinds" };
  for (const [k, title] of Object.entries(names)) {
    const fs = (res.facets || {})[k] || [];
    if (!fs.length) continue;
    side.append(el("div", { class: "facet", id: "facet-" + k }, el("h3", {}, title),
      el("ul", {}, ...fs.map((f) => el("li", {},
        el("a", { href: hrefSearch({ ...p, offset: "", [k]: f.value }) }, f.label || f.value),
        el("span", { class: "muted" }, String(f.count)))))));
  }
}

// ---- article page ----

// articleText renders the text with quotes, cues, entity mentions and times
// as nested elements; spans are in code points, so the text is split into
// code points first (JavaScript strings index UTF-16 units).
function articleText(rec, canon, focus) {
  const cps = Array.from(rec.text);
  const spans = [];
  for (const q of rec.quotes) {
    spans.push({ s: q.content.start, e: q.content.end, k: "quote", q });
    if (q.cue) spans.push({ s: q.cue.start, e: q.cue.end, k: "cue", q });
  }
  for (const ent of rec.entities) {
    const names = new Set([ent.name, ...ent.aliases]);
    for (const m of ent.mentions) spans.push({ s: m.start, e: m.end, k: "ent", ent, pron: !names.has(m.text), text: m.text });
  }
  for (const t of rec.times) spans.push({ s: t.start, e: t.end, k: "time", t });
  const cuts = new Set([0, cps.length]);
  for (const sp of spans) { cuts.add(Math.max(0, Math.min(sp.s, cps.length))); cuts.add(Math.max(0, Math.min(sp.e, cps.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const order = { quote: 0, cue: 1, time: 2, ent: 3 };
  const box = el("div", { class: "article-text", id: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let node = document.createTextNode(cps.slice(a, b).join(""));
    const cover = spans.filter((sp) => sp.s <= a && sp.e >= b).sort((x, y) => order[y.k] - order[x.k]);
    for (const sp of cover) {
      let w;
      if (sp.k === "ent") {
        const c = canon[sp.ent.id];
        const who = (c ? c.name : sp.ent.name) + " (" + sp.ent.type + ")";
        w = el("a", { class: "ent " + sp.ent.type + (sp.pron ? " pron" : ""), href: c ? hrefEntity(c.id) : null,
          title: sp.pron ? `“${sp.text}” → ${who}` : who, "data-entity": sp.ent.id });
      } else if (sp.k === "quote") {
        w = el("span", { class: "quote" + (sp.q.id === focus ? " focus" : ""), "data-quote": sp.q.id,
          title: sp.q.speaker ? `${sp.q.id}: ${sp.q.speaker.name} (${sp.q.kind})` : `${sp.q.id}: unattributed (${sp.q.kind})` });
      } else if (sp.k === "cue") {
        w = el("span", { class: "cue", title: "cue: " + sp.q.cue.lemma });
      } else {
        w = el("span", { class: "time", title: sp.t.value ? `${sp.t.type} ${sp.t.value}` : `${sp.t.type} (unresolved)` });
      }
      w.append(node);
      node = w;
    }
    box.append(node);
  }
  return box;
}

async function articlePage(params) {
  const id = params.get("id") || "";
  const art = await api("/api/article?id=" + encodeURIComponent(id));
  const rec = art.record, canon = art.entities || {};
  const quotes = el("section", { id: "quotes" }, el("h2", {}, `Statements (${rec.quotes.length})`));
  for (const q of rec.quotes) {
    const sp = q.speaker;
    const c = sp && sp.entity ? canon[sp.entity] : null;
    quotes.append(el("div", { class: "card", id: "quote-" + q.id },
      c ? el("a", { class: "who speaker", href: hrefEntity(c.id) }, c.name) : el("span", { class: "who" }, sp ? sp.name : "unattributed"),
      sp && sp.role ? el("span", { class: "muted" }, ", " + sp.role) : null,
      " ", q.cue ? q.cue.text : "—", el("span", { class: "kind" }, q.kind),
      el("blockquote", {}, q.content.text)));
  }
  const people = el("ul", { class: "chips", id: "entities" },
    ...rec.entities.map((e) => {
      const c = canon[e.id];
      return el("li", {}, c ? el("a", { class: "ent " + e.type, href: hrefEntity(c.id) }, e.name) : e.name, el("span", { class: "muted" }, " " + e.type));
    }));
  show(
    el("h1", { id: "article-title" }, rec.title || rec.id),
    el("p", { class: "muted" }, [rec.published || "undated", rec.site || "", rec.id].filter(Boolean).join(" · "), " ",
      rec.url && /^https?:\/\//.test(rec.url) ? el("a", { href: rec.url, rel: "noopener noreferrer nofollow" }, "source") : null),
    el("p", { class: "legend" }, el("span", {}, el("span", { class: "sw quote" }), "quote"), el("span", {}, el("span", { class: "sw cue" }), "cue"),
      el("span", {}, el("span", { class: "sw time" }), "date"), el("span", {}, "underlined: entity (dashed: resolved pronoun or description; hover to see whom)")),
    articleText(rec, canon, params.get("quote")),
    el("h2", {}, "Entities"), people, quotes);
  const f = params.get("quote") && document.querySelector(`[data-quote="${CSS.escape(params.get("quote"))}"]`);
  if (f) f.scrollIntoView({ block: "center" });
}

// ---- person and place pages ----

// timeline draws monthly counts as bars.
function timeline(points, id) {
  const W = 720, H = 170, pad = 24;
  const chart = svg("svg", { class: "chart", id, viewBox: `0 0 ${W} ${H}`, role: "img" });
  if (!points.length) { chart.append(svg("text", { x: 10, y: 20 }, "no dated statements")); return chart; }
  const max = Math.max(...points.map((p) => p.count));
  const bw = Math.min(48, (W - 2 * pad) / points.length); // one month is a bar, not a wall
  points.forEach((p, i) => {
    const h = ((H - 2 * pad) * p.count) / max;
    const r = svg("rect", { x: pad + i * bw + 1, y: H - pad - h, width: Math.max(1, bw - 2), height: h });
    r.append(svg("title", {}, `${p.value}: ${p.count}`));
    chart.append(r);
    if (points.length <= 24 || i % Math.ceil(points.length / 12) === 0) chart.append(svg("text", { x: pad + i * bw, y: H - 8 }, p.value));
  });
  chart.append(svg("text", { x: 2, y: 14 }, String(max)));
  return chart;
}

let world = null;
async function worldMap(places, here) {
  world = world || (await api("/world.json"));
  const m = svg("svg", { class: "map", id: "map", viewBox: "0 0 720 360", role: "img" });
  for (const c of world) { const p = svg("path", { d: c.d }); p.append(svg("title", {}, c.name)); m.append(p); }
  const max = Math.max(1, ...places.map((p) => p.articles || 1));
  for (const p of places) {
    const c = svg("circle", { cx: 2 * (p.lon + 180), cy: 2 * (90 - p.lat), r: 1.5 + 6 * Math.sqrt((p.articles || 1) / max), class: p.id === here ? "here" : "", "data-place": p.id });
    c.append(svg("title", {}, `${p.name}: ${p.articles || 0} articles`));
    c.addEventListener("click", () => { location.hash = hrefEntity(p.id); });
    m.append(c);
  }
  return m;
}

function facetList(items, id, href) {
  if (!items.length) return el("p", { class: "muted" }, "none");
  return el("ul", { class: "chips", id }, ...items.map((f) => el("li", {}, href ? el("a", { href: href(f) }, f.label) : f.label, el("span", { class: "muted" }, " " + f.count))));
}

async function entityPage(id) {
  const e = await api("/api/entities/" + encodeURIComponent(id));
  const isPlace = e.type === "GPE" || e.type === "LOC";
  const nodes = [
    el("h1", { id: "entity-name" }, e.name, el("span", { class: "kind" }, e.type)),
    el("p", { class: "muted" }, `${e.articles} article${e.articles === 1 ? "" : "s"} · ${e.said} statement${e.said === 1 ? "" : "s"} by it`,
      e.aliases.length ? " · also " + e.aliases.join(", ") : ""),
  ];
  if (isPlace) {
    nodes.push(e.geo ? await worldMap([{ id: e.id, name: e.name, lat: e.geo.lat, lon: e.geo.lon, articles: e.articles }], e.id) : el("p", { class: "muted" }, "not located on the map"));
    nodes.push(el("h2", {}, "Statements about it, per month"), timeline(e.mentioned_timeline, "about-timeline"));
  }
  if (e.said > 0 || !isPlace) {
    nodes.push(el("div", { class: "cols" },
      el("div", {}, el("h2", {}, "Roles"), facetList(e.roles, "roles")),
      el("div", {}, el("h2", {}, "Talks about"), facetList(e.talks_about, "talks-about", (f) => hrefEntity(f.value)))));
    nodes.push(el("h2", {}, "Statements per month"), timeline(e.timeline, "timeline"));
    nodes.push(el("h2", {}, "Statements ", el("a", { href: hrefSearch({ speaker: e.id }) }, "(search)")),
      el("section", { id: "statements" }, ...(e.statements.length ? e.statements.map(statementCard) : [el("p", { class: "muted" }, "none")])));
  }
  nodes.push(el("h2", {}, "Statements by others that mention it"),
    el("section", { id: "about" }, ...(e.about.length ? e.about.map(statementCard) : [el("p", { class: "muted" }, "none")])));
  show(...nodes);
}

async function placesPage() {
  const places = await api("/api/places?limit=1000");
  show(el("h1", {}, "Where the news is"),
    el("p", { class: "muted" }, `${places.length} located places; the bigger the dot, the more articles mention it. Click a dot for the place page.`),
    await worldMap(places, null),
    el("h2", {}, "Most mentioned"),
    facetList(places.slice(0, 40).map((p) => ({ value: String(p.id), label: p.name, count: p.articles })), "place-list", (f) => hrefEntity(f.value)));
}

// ---- router ----

async function route() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, qs] = h.split("?");
  const params = new URLSearchParams(qs || "");
  delete document.body.dataset.ready;
  try {
    if (path === "/" || path === "/search") await searchPage(params);
    else if (path === "/article") await articlePage(params);
    else if (path.startsWith("/entity/")) await entityPage(decodeURIComponent(path.slice(8)));
    else if (path === "/places") await placesPage();
    else show(el("p", {}, "No such page. ", el("a", { href: "#/" }, "Search")));
  } catch (err) {
    fail(err);
  }
  // Tells tests (and anyone scripting the UI) which route finished rendering.
  document.body.dataset.ready = location.hash || "#/";
}

document.getElementById("searchform").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const cur = new URLSearchParams((location.hash.split("?")[1]) || "");
  const next = location.hash.startsWith("#/search") ? Object.fromEntries(cur.entries()) : {};
  next.q = document.getElementById("q").value;
  next.offset = "";
  location.hash = hrefSearch(next);
});
window.addEventListener("hashchange", route);
api("/api/stats").then((s) => {
  document.getElementById("stats").textContent = `${s.articles} articles · ${s.quotes} statements · ${s.entities} entities`;
}).catch(() => {});
route();
