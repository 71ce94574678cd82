// Scores chrono-node on timex's test table (../cases.tsv) with the same
// matching as TestTagScores: strict (same text and value) and as the gold
// scorer does (same value, at least one shared word). chrono resolves
// points in time only, so its values are built from the components it marks
// certain: a clock time, a day, a month or a year.
//
//   npm install && TZ=UTC node compare.mjs ../cases.tsv
import * as chrono from "chrono-node";
import { readFileSync } from "node:fs";

const pad = (n, w = 2) => String(n).padStart(w, "0");

function value(c) {
  const y = c.get("year"), m = c.get("month"), d = c.get("day");
  if (c.isCertain("hour")) return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(c.get("hour"))}:${pad(c.get("minute") ?? 0)}`;
  if (c.isCertain("day") || c.isCertain("weekday")) return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (c.isCertain("month")) return `${pad(y, 4)}-${pad(m)}`;
  if (c.isCertain("year")) return pad(y, 4);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function score() { return { tp: 0, fp: 0, fn: 0 }; }
function add(s, got, want, match) {
  const used = want.map(() => false);
  for (const g of got) {
    const j = want.findIndex((w, k) => !used[k] && match(g, w));
    if (j >= 0) { used[j] = true; s.tp++; } else s.fp++;
  }
  s.fn += used.filter((u) => !u).length;
}
function show(s) {
  const p = s.tp / (s.tp + s.fp || 1), r = s.tp / (s.tp + s.fn || 1);
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(100 * f).toFixed(1)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`;
}
const split = (s) => (s === "" ? [] : s.split("; ").map((x) => {
  const i = x.indexOf("=");
  const [value, type] = x.slice(i + 1).split("@");
  return { text: x.slice(0, i), value, type: type === "TIME" ? undefined : type };
}));
const words = (s) => s.toLowerCase().split(/\s+/).filter(Boolean);
const strict = (g, w) => g.text === w.text && g.value === w.value;
const loose = (g, w) => g.value === w.value && words(g.text).some((x) => words(w.text).includes(x));

const path = process.argv[2] ?? "../cases.tsv";
const parser = chrono.en.GB; // day-first numeric dates, as in British news
// Points: the expected expressions chrono could express at all (no
// durations, sets or PRESENT_REF-style values).
const isPoint = (x) => !x.type && !/^P|_REF$/.test(x.value);
const S = score(), L = score(), PT = score();
let cases = 0;
for (const line of readFileSync(path, "utf8").split("\n")) {
  if (!line || line.startsWith("#")) continue;
  const [ref, text, want] = line.split("\t");
  cases++;
  // With no reference date timex resolves absolute expressions only; chrono
  // always needs one, so those rows use "now", which can only cost it.
  const refDate = ref ? new Date(`${ref}T12:00:00Z`) : new Date();
  const got = parser.parse(text, refDate).map((r) => ({ text: r.text, value: value(r.start) }));
  add(S, got, split(want), strict);
  add(L, got, split(want), loose);
  add(PT, got.filter(isPoint), split(want).filter(isPoint), loose);
  if (process.env.VERBOSE) console.log(`${text}\n  chrono: ${got.map((g) => g.text + "=" + g.value).join("; ")}\n  want:   ${want}`);
}
console.log(`chrono-node ${cases} cases`);
console.log(`strict text+value: ${show(S)}`);
console.log(`word overlap+value: ${show(L)}`);
console.log(`points only, word overlap+value: ${show(PT)}`);
