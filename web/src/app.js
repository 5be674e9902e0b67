// rasd's web page: four views over the JSON API of `rasd serve` (docs/server.md).
// Article text only ever reaches the page through textContent / attributes,
// never as HTML, and the server's Content-Security-Policy forbids inline script.
import {
  Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip,
  LineController, LineElement, PointElement,
} from 'chart.js';
import cytoscape from 'cytoscape';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
// Natural Earth 1:110m country shapes (npm world-atlas), bundled: the map draws offline.
import worldAtlas from 'world-atlas/countries-110m.json';
import alpha3OfNumeric from 'rasd:iso-numeric';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip,
  LineController, LineElement, PointElement);

// ---------- helpers ----------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, options = {}) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch { /* non-JSON error page */ }
  if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
  return body;
}

// CAMEO quad class from the code's root (the rule src/json/document_json.cc uses):
// 01-05 verbal cooperation, 06-09 material cooperation,
// 10-14 verbal conflict, 15-20 material conflict.
function quadClass(cameo) {
  const root = parseInt(String(cameo || '').slice(0, 2), 10);
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 9) return 2;
  if (root >= 10 && root <= 14) return 3;
  if (root >= 15 && root <= 20) return 4;
  return 0;
}
const QUAD_NAMES = ['unknown', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const QUAD_COLORS = ['#9aa0a6', '#43a047', '#1b5e20', '#fb8c00', '#c62828'];
const isConflict = (cameo) => quadClass(cameo) >= 3;

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd'];
function colorFor(key, keys) { return PALETTE[keys.indexOf(key) % PALETTE.length]; }

const codes = (list) => (list && list.length ? list.join('+') : '—');

// ---------- article rendering (Analyse and stored articles) ----------

const ENTITY_LABELS = {
  PER: 'person', ORG: 'organisation', LOC: 'place', GPE: 'country', NORP: 'nationality',
  ROLE: 'role', DATE: 'date', NUM: 'number', MISC: 'other',
};

function entityTitle(e) {
  const parts = [`${ENTITY_LABELS[e.type] || e.type}: ${e.text}`];
  if (e.code) parts.push(`code ${e.code}`);
  else if (e.country) parts.push(`country ${e.country}`);
  if (e.value !== undefined && e.value !== null && e.value !== '') parts.push(`value ${e.value}`);
  if (e.roles && e.roles.length) parts.push(`roles: ${e.roles.join('، ')}`);
  if (e.cluster !== undefined && e.cluster !== null) parts.push(`person #${e.cluster}`);
  return parts.join(' · ');
}

// Builds the article as text nodes inside spans. Offsets are Unicode code
// points (docs/offsets.md), so the text is split into code points first.
function renderArticle(doc) {
  const cps = Array.from(doc.text || '');
  // Entities: keep the outermost of overlapping mentions.
  const ents = [...(doc.entities || [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let reach = -1;
  for (const e of ents) {
    if (e.start >= reach) { kept.push(e); reach = e.end; }
  }
  const anchors = (doc.events || []).map((ev, i) => ({ i, start: ev.anchor.start, end: ev.anchor.end }));
  const cuts = new Set([0, cps.length]);
  for (const x of [...kept, ...anchors]) { cuts.add(x.start); cuts.add(x.end); }
  const bounds = [...cuts].filter((c) => c >= 0 && c <= cps.length).sort((a, b) => a - b);
  const article = el('div', { class: 'article', dir: 'rtl', lang: 'ar' });
  let ei = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k], b = bounds[k + 1];
    while (ei < kept.length && kept[ei].end <= a) ei++;
    const ent = ei < kept.length && kept[ei].start <= a && kept[ei].end >= b ? kept[ei] : null;
    const evs = anchors.filter((x) => x.start <= a && x.end >= b).map((x) => x.i);
    const text = cps.slice(a, b).join('');
    if (!ent && !evs.length) { article.append(document.createTextNode(text)); continue; }
    const span = el('span', { text });
    if (ent) {
      span.className = `ent ent-${ent.type}`;
      span.title = entityTitle(ent);
      span.dataset.type = ent.type;
    }
    if (evs.length) {
      span.classList.add('anchor');
      span.dataset.ev = evs.join(' ');
    }
    article.append(span);
  }
  return article;
}

function eventCard(ev, i, article) {
  const q = quadClass(ev.cameo);
  const who = (list) => (list.length
    ? list.map((a) => el('span', { class: 'actor', title: a.code || a.country || '' }, a.text,
      el('small', { text: ` ${a.code || a.country || ''}` })))
    : [el('span', { class: 'muted', text: '—' })]);
  const card = el('div', { class: `card q${q}`, 'data-ev': i, tabindex: 0 },
    el('div', { class: 'card-head' },
      el('span', { class: 'etype', text: ev.type }),
      el('span', { class: 'cameo', title: QUAD_NAMES[q], text: `CAMEO ${ev.cameo}` }),
      el('span', { class: 'date', text: ev.date || 'no date' })),
    el('div', { class: 'dyad', dir: 'rtl' }, who(ev.actor), el('span', { class: 'arrow', text: ' ← ' }), who(ev.recipient)),
    el('div', { class: 'dyad-codes' }, `${codes(ev.actor.map((a) => a.code || a.country))} → ${codes(ev.recipient.map((a) => a.code || a.country))}`),
    el('div', { class: 'flags' },
      ev.attribution ? el('span', { class: 'flag', text: `said by ${ev.attribution.code || ev.attribution.text || ''}` }) : null,
      ev.negated ? el('span', { class: 'flag', text: 'negated' }) : null,
      ev.modality ? el('span', { class: 'flag', text: ev.modality }) : null,
      ev.mode ? el('span', { class: 'flag', text: `mode ${ev.mode}` }) : null,
      typeof ev.goldstein === 'number' ? el('span', { class: 'flag', title: QUAD_NAMES[q], text: `Goldstein ${ev.goldstein}` }) : null,
      ev.location ? el('span', { class: 'flag', title: `${ev.location.basis}: ${ev.location.text}`,
        text: `${[ev.location.city, ev.location.admin1, ev.location.country].filter(Boolean).join(', ') || ev.location.text} (${ev.location.precision})` }) : null,
      el('span', { class: 'anchor-text', dir: 'rtl', lang: 'ar', text: `«${ev.anchor.text}»` })));
  const light = (on) => {
    card.classList.toggle('lit', on);
    for (const s of article.querySelectorAll('span.anchor')) {
      if (s.dataset.ev.split(' ').includes(String(i))) s.classList.toggle('lit', on);
    }
  };
  card.addEventListener('mouseenter', () => light(true));
  card.addEventListener('mouseleave', () => light(false));
  card.addEventListener('focus', () => light(true));
  card.addEventListener('blur', () => light(false));
  card.addEventListener('click', () => {
    const first = [...article.querySelectorAll('span.anchor')].find((s) => s.dataset.ev.split(' ').includes(String(i)));
    if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    light(true);
  });
  return card;
}

function renderDocument(doc, meta) {
  const article = renderArticle(doc);
  const cards = el('div', { class: 'cards' });
  (doc.events || []).forEach((ev, i) => cards.append(eventCard(ev, i, article)));
  // Hovering an anchor in the text lights its card(s) too.
  article.addEventListener('mouseover', (e) => {
    const s = e.target.closest('span.anchor');
    for (const c of cards.querySelectorAll('.card')) c.classList.toggle('lit', !!s && s.dataset.ev.split(' ').includes(c.dataset.ev));
  });
  const counts = {};
  for (const e of doc.entities || []) counts[e.type] = (counts[e.type] || 0) + 1;
  const legend = el('div', { class: 'legend-ents' },
    Object.keys(ENTITY_LABELS).filter((t) => counts[t]).map((t) => el('span', { class: `ent ent-${t}`, text: `${ENTITY_LABELS[t]} ${counts[t]}` })));
  const head = meta
    ? el('div', { class: 'doc-meta' },
      el('h2', { dir: 'auto', text: meta.title || meta.id }),
      el('div', { class: 'muted' }, [meta.date, meta.source, meta.id].filter(Boolean).join(' · ')),
      meta.url && /^https?:\/\//.test(meta.url) ? el('a', { href: meta.url, rel: 'noreferrer noopener', target: '_blank', text: meta.url }) : null)
    : null;
  const warnings = (doc.warnings || []).length ? el('div', { class: 'warn', text: doc.warnings.join('; ') }) : null;
  return el('div', { class: 'doc' }, head, warnings, legend,
    el('div', { class: 'doc-grid' },
      el('div', { class: 'panel' }, article),
      el('div', { class: 'panel' }, el('h3', { text: `Events (${(doc.events || []).length})` }), cards)));
}

// ---------- Analyse ----------

function setupAnalyse() {
  const form = document.getElementById('analyse-form');
  const text = document.getElementById('analyse-text');
  const date = document.getElementById('analyse-date');
  const file = document.getElementById('analyse-file');
  const status = document.getElementById('analyse-status');
  const out = document.getElementById('analyse-result');
  file.addEventListener('change', async () => {
    if (file.files.length) text.value = await file.files[0].text();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.textContent = 'Analysing…';
    out.replaceChildren();
    try {
      const t0 = performance.now();
      const doc = await api('/api/extract', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: text.value, date: date.value || null, id: 'pasted' }),
      });
      out.replaceChildren(renderDocument(doc, null));
      status.textContent = `${doc.entities.length} entities, ${doc.events.length} events (${Math.round(performance.now() - t0)} ms)`;
    } catch (err) {
      status.textContent = `Error: ${err.message}`;
    }
  });
}

async function showStoredDocument(id) {
  const out = document.getElementById('doc-result');
  out.replaceChildren(el('p', { class: 'muted', text: 'Loading…' }));
  try {
    const r = await api(`/api/documents/${encodeURIComponent(id)}`);
    out.replaceChildren(el('p', {}, el('a', { href: '#/events', text: '◀ back to the events' })), renderDocument(r.document, r.meta));
  } catch (err) {
    out.replaceChildren(el('p', { class: 'warn', text: `Error: ${err.message}` }));
  }
}

// ---------- the shared filter (Events, Timeline, Network) ----------

const FILTER_FIELDS = [
  ['actor', 'Actor', 'PSE, KAZGOV'], ['recipient', 'Recipient', 'ISR'], ['type', 'Type', 'CONSULT'],
  ['cameo', 'CAMEO', '04'], ['since', 'Since', 'YYYY-MM-DD'], ['until', 'Until', 'YYYY-MM-DD'],
  ['text', 'Words', 'كلمة'], ['source', 'Source', ''],
  ['min_goldstein', 'Goldstein ≥', '-10…10'], ['quad', 'Quad', '1-4'], ['min_confidence', 'Confidence ≥', '0…1'],
];
const filter = {};
const filterListeners = [];

function filterParams(extra = {}) {
  const p = new URLSearchParams();
  for (const [k] of FILTER_FIELDS) if (filter[k]) p.set(k, filter[k]);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

function setupFilters() {
  for (const box of document.querySelectorAll('.filters')) {
    const form = el('form', { class: 'filter-form' });
    for (const [k, label, ph] of FILTER_FIELDS) {
      form.append(el('label', {}, label, el('input', {
        name: k, placeholder: ph, dir: k === 'text' ? 'rtl' : null, size: k === 'text' ? 14 : 9,
      })));
    }
    form.append(el('button', { type: 'submit', text: 'Filter' }), el('button', { type: 'reset', text: 'Clear' }));
    const apply = () => {
      for (const [k] of FILTER_FIELDS) filter[k] = form.elements[k].value.trim();
      for (const f of document.querySelectorAll('.filter-form')) {
        for (const [k] of FILTER_FIELDS) f.elements[k].value = filter[k];
      }
      filterListeners.forEach((fn) => fn());
    };
    form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
    form.addEventListener('reset', () => setTimeout(apply, 0));
    box.append(form);
  }
}

// ---------- Events ----------

const PAGE = 50;
const eventsState = { offset: 0, rows: [], next: null, sortKey: 'date', sortDir: -1 };

function sortValue(r, key) {
  if (key === 'actor') return codes(r.actor);
  if (key === 'recipient') return codes(r.recipient);
  return r[key] || '';
}

function drawEventsTable() {
  const body = document.querySelector('#events-table tbody');
  const { sortKey, sortDir } = eventsState;
  const rows = [...eventsState.rows].sort((a, b) => sortDir * String(sortValue(a, sortKey)).localeCompare(String(sortValue(b, sortKey))));
  body.replaceChildren(...rows.map((r) => {
    const link = `#/doc/${encodeURIComponent(r.doc_id)}`;
    return el('tr', { class: `q${quadClass(r.cameo)}` },
      el('td', { text: r.date || '—' }),
      el('td', {}, el('span', { class: 'etype', text: r.event })),
      el('td', { text: r.cameo }),
      el('td', { title: (r.actor_text || []).join(' + ') }, codes(r.actor)),
      el('td', { title: (r.recipient_text || []).join(' + ') }, codes(r.recipient)),
      el('td', { dir: 'rtl', lang: 'ar', text: r.anchor }),
      el('td', { dir: 'auto' }, el('a', { href: link, text: r.title || r.doc_id })));
  }));
  for (const th of document.querySelectorAll('#events-table th')) {
    th.dataset.sort = th.dataset.key === sortKey ? (sortDir > 0 ? 'asc' : 'desc') : '';
  }
}

async function loadEvents() {
  const count = document.getElementById('events-count');
  count.textContent = 'Loading…';
  try {
    const r = await api(`/api/events?${filterParams({ limit: PAGE, offset: eventsState.offset })}`);
    eventsState.rows = r.events;
    eventsState.next = r.next_offset;
    const end = eventsState.offset + r.events.length;
    count.textContent = r.events.length ? `Events ${eventsState.offset + 1}–${end}${r.next_offset === null ? '' : ' (more)'}` : 'No events match.';
  } catch (err) {
    eventsState.rows = [];
    eventsState.next = null;
    count.textContent = `Error: ${err.message}`;
  }
  document.getElementById('events-prev').disabled = eventsState.offset === 0;
  document.getElementById('events-next').disabled = eventsState.next === null;
  drawEventsTable();
}

function setupEvents() {
  document.getElementById('events-prev').addEventListener('click', () => {
    eventsState.offset = Math.max(0, eventsState.offset - PAGE);
    loadEvents();
  });
  document.getElementById('events-next').addEventListener('click', () => {
    if (eventsState.next !== null) { eventsState.offset = eventsState.next; loadEvents(); }
  });
  for (const th of document.querySelectorAll('#events-table th')) {
    th.addEventListener('click', () => {
      const key = th.dataset.key;
      eventsState.sortDir = eventsState.sortKey === key ? -eventsState.sortDir : 1;
      eventsState.sortKey = key;
      drawEventsTable();
    });
  }
}

// ---------- Timeline and Network: one large page of the filtered events ----------

const AGG_LIMIT = 10000;
async function loadAll() {
  const r = await api(`/api/events?${filterParams({ limit: AGG_LIMIT })}`);
  return { events: r.events, truncated: r.next_offset !== null };
}

// loadAll() for a chart view, telling the view's status line; null on error.
async function loadAllShowing(status) {
  status.textContent = 'Loading…';
  try {
    return await loadAll();
  } catch (err) {
    status.textContent = `Error: ${err.message}`;
    return null;
  }
}

function weekOf(date) {
  // The Monday of the ISO week, as the temporal layer reports weeks.
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}

let timelineChart = null;
async function drawTimeline() {
  const status = document.getElementById('timeline-status');
  const data = await loadAllShowing(status);
  if (data === null) return;
  const bucket = document.getElementById('timeline-bucket').value;
  const by = document.getElementById('timeline-by').value;
  if (by === 'goldstein') { drawGoldsteinLines(data, bucket, status); return; }
  const dated = data.events.filter((e) => /^\d{4}-\d{2}-\d{2}/.test(e.date || ''));
  const counts = new Map();
  const series = new Set();
  for (const e of dated) {
    const x = bucket === 'week' ? weekOf(e.date) : e.date.slice(0, 10);
    const s = by === 'quad' ? QUAD_NAMES[quadClass(e.cameo)] : e.event;
    series.add(s);
    const m = counts.get(x) || new Map();
    m.set(s, (m.get(s) || 0) + 1);
    counts.set(x, m);
  }
  const labels = [...counts.keys()].sort();
  const keys = by === 'quad' ? QUAD_NAMES.filter((n) => series.has(n)) : [...series].sort();
  const datasets = keys.map((k) => ({
    label: k,
    data: labels.map((x) => counts.get(x).get(k) || 0),
    backgroundColor: by === 'quad' ? QUAD_COLORS[QUAD_NAMES.indexOf(k)] : colorFor(k, keys),
  }));
  if (timelineChart) timelineChart.destroy();
  timelineChart = new Chart(document.getElementById('timeline-chart'), {
    type: 'bar',
    data: { labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  status.textContent = `${dated.length} dated events in ${labels.length} ${bucket}s` +
    (data.events.length > dated.length ? ` (${data.events.length - dated.length} without a date left out)` : '') +
    (data.truncated ? ` — only the ${AGG_LIMIT} most recent matching events` : '');
  document.getElementById('timeline-chart').dataset.bars = String(labels.length);
}

// Mean Goldstein score per bucket for the dyads with the most events: the
// conflict-cooperation line analysts chart (rasd stats --measure goldstein).
const TOP_DYADS = 6;
function drawGoldsteinLines(data, bucket, status) {
  const scored = data.events.filter((e) => /^\d{4}-\d{2}-\d{2}/.test(e.date || '') && typeof e.goldstein === 'number');
  const cells = new Map();  // dyad -> bucket -> [sum, n]
  const totals = new Map();
  for (const e of scored) {
    const dyad = `${codes(e.actor)} > ${codes(e.recipient)}`;
    const x = bucket === 'week' ? weekOf(e.date) : e.date.slice(0, 10);
    const m = cells.get(dyad) || new Map();
    const c = m.get(x) || [0, 0];
    c[0] += e.goldstein;
    c[1] += 1;
    m.set(x, c);
    cells.set(dyad, m);
    totals.set(dyad, (totals.get(dyad) || 0) + 1);
  }
  const dyads = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_DYADS).map((d) => d[0]);
  const labels = [...new Set(dyads.flatMap((d) => [...cells.get(d).keys()]))].sort();
  const datasets = dyads.map((d) => ({
    label: d,
    data: labels.map((x) => { const c = cells.get(d).get(x); return c ? Math.round((c[0] / c[1]) * 10) / 10 : null; }),
    borderColor: colorFor(d, dyads),
    backgroundColor: colorFor(d, dyads),
    spanGaps: true,
    tension: 0.2,
  }));
  if (timelineChart) timelineChart.destroy();
  timelineChart = new Chart(document.getElementById('timeline-chart'), {
    type: 'line',
    data: { labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { min: -10, max: 10, title: { display: true, text: 'mean Goldstein score (−10 conflict … +10 cooperation)' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  status.textContent = `mean Goldstein per ${bucket} of the ${dyads.length} dyads with the most events ` +
    `(${scored.length} scored, dated events)` + (data.truncated ? ` — only the ${AGG_LIMIT} most recent matching events` : '');
  const canvas = document.getElementById('timeline-chart');
  canvas.dataset.bars = String(labels.length);
  canvas.dataset.lines = String(dyads.length);
}

// ---------- Map ----------

const WORLD = feature(worldAtlas, worldAtlas.objects.countries);
const SHADES = ['#fde0dd', '#fcc5c0', '#fa9fb5', '#f768a1', '#dd3497', '#ae017e', '#7a0177'];
function shade(n, max) {
  if (!n) return '#d9dde1';
  return SHADES[Math.min(SHADES.length - 1, Math.floor((Math.log(n) / Math.log(max + 1)) * SHADES.length))];
}
const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

async function drawMap() {
  const status = document.getElementById('map-status');
  const data = await loadAllShowing(status);
  if (data === null) return;
  const mode = document.getElementById('map-mode').value;
  const perCountry = new Map();
  const places = new Map();
  let located = 0;
  for (const e of data.events) {
    const g = e.geo;
    if (!g) continue;
    located += 1;
    if (g.country) perCountry.set(g.country, (perCountry.get(g.country) || 0) + 1);
    // Points only where the text gave a place finer than a country.
    if (g.precision === 'city' || g.precision === 'admin1') {
      const key = `${g.lat},${g.lon}`;
      const p = places.get(key) || { lat: g.lat, lon: g.lon, name: g.city || g.admin1, country: g.country, n: 0 };
      p.n += 1;
      places.set(key, p);
    }
  }
  const box = document.getElementById('map-svg');
  const projection = geoNaturalEarth1().fitSize([960, 500], WORLD);
  const path = geoPath(projection);
  const tip = document.getElementById('map-tip');
  const max = Math.max(1, ...perCountry.values());
  const layer = svg('g', { class: 'countries' });
  let shaded = 0;
  for (const f of WORLD.features) {
    const code = alpha3OfNumeric[String(f.id).padStart(3, '0')] || '';
    const n = mode === 'points' ? 0 : perCountry.get(code) || 0;
    if (n) shaded += 1;
    const p = svg('path', { d: path(f) || '', class: 'country', fill: shade(n, max), 'data-code': code, 'data-n': n });
    const label = `${f.properties.name}${code ? ` (${code})` : ''}: ${perCountry.get(code) || 0} events`;
    p.append(Object.assign(svg('title', {}), { textContent: label }));
    p.addEventListener('mouseenter', () => { tip.textContent = label; });
    layer.append(p);
  }
  const dots = svg('g', { class: 'places' });
  const maxN = Math.max(1, ...[...places.values()].map((p) => p.n));
  if (mode !== 'countries') {
    for (const p of [...places.values()].sort((a, b) => b.n - a.n)) {
      const [x, y] = projection([p.lon, p.lat]);
      const c = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: (2.5 + 7 * Math.sqrt(p.n / maxN)).toFixed(1), class: 'place' });
      const label = `${p.name} (${p.country || '—'}): ${p.n} events`;
      c.append(Object.assign(svg('title', {}), { textContent: label }));
      c.addEventListener('mouseenter', () => { tip.textContent = label; });
      dots.append(c);
    }
  }
  box.replaceChildren(layer, dots);
  status.textContent = `${located} of ${data.events.length} events located: ${perCountry.size} countries, ` +
    `${places.size} places` + (data.truncated ? ` — only the ${AGG_LIMIT} most recent matching events` : '');
  box.dataset.countries = String(shaded);
  box.dataset.points = String(dots.childElementCount);
}

let network = null;
async function drawNetwork() {
  const status = document.getElementById('network-status');
  const data = await loadAllShowing(status);
  if (data === null) return;
  // A node is a country: the first three letters of an actor code (ISO
  // alpha-3, or a CAMEO region / IGO prefix); one edge per ordered pair.
  const edges = new Map();
  const degree = new Map();
  for (const e of data.events) {
    const from = [...new Set(e.actor.map((c) => c.slice(0, 3)))];
    const to = [...new Set(e.recipient.map((c) => c.slice(0, 3)))];
    for (const a of from) {
      for (const b of to) {
        if (a === b) continue;
        const key = `${a}>${b}`;
        const x = edges.get(key) || { a, b, n: 0, conflict: 0 };
        x.n += 1;
        if (isConflict(e.cameo)) x.conflict += 1;
        edges.set(key, x);
        degree.set(a, (degree.get(a) || 0) + 1);
        degree.set(b, (degree.get(b) || 0) + 1);
      }
    }
  }
  const maxN = Math.max(1, ...[...edges.values()].map((x) => x.n));
  const elements = [
    ...[...degree.entries()].map(([id, d]) => ({ data: { id, label: id, size: 18 + 6 * Math.sqrt(d) } })),
    ...[...edges.values()].map((x) => ({
      data: {
        id: `${x.a}>${x.b}`, source: x.a, target: x.b, n: x.n,
        width: 1.5 + 8 * Math.sqrt(x.n / maxN),
        color: x.conflict * 2 > x.n ? '#c62828' : '#2e7d32',
        // Counts on the edges only while they stay readable.
        label: edges.size <= 40 ? `${x.n}` : '',
      },
    })),
  ];
  if (network) network.destroy();
  network = cytoscape({
    container: document.getElementById('network-graph'),
    elements,
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 110 },
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#37474f', color: '#fff', 'text-valign': 'center', 'font-size': 10, 'text-outline-color': '#37474f', 'text-outline-width': 2 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8, label: 'data(label)', 'font-size': 9, color: '#333', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
    ],
    wheelSensitivity: 0.3,
  });
  status.textContent = `${degree.size} countries, ${edges.size} dyads from ${data.events.length} events` +
    (data.truncated ? ` — only the ${AGG_LIMIT} most recent matching events` : '');
  const g = document.getElementById('network-graph');
  g.dataset.nodes = String(degree.size);
  g.dataset.edges = String(edges.size);
}

// ---------- router ----------

const VIEWS = ['analyse', 'events', 'timeline', 'network', 'map', 'doc'];
function route() {
  const hash = location.hash || '#/analyse';
  const m = hash.match(/^#\/([a-z]+)(?:\/(.*))?$/);
  const view = m && VIEWS.includes(m[1]) ? m[1] : 'analyse';
  for (const v of VIEWS) document.getElementById(`view-${v}`).hidden = v !== view;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === view || (view === 'doc' && a.dataset.view === 'events'));
  if (view === 'events') loadEvents();
  if (view === 'timeline') drawTimeline();
  if (view === 'network') drawNetwork();
  if (view === 'map') drawMap();
  if (view === 'doc') showStoredDocument(decodeURIComponent(m[2] || ''));
}

filterListeners.push(() => {
  eventsState.offset = 0;
  const view = (location.hash.match(/^#\/([a-z]+)/) || [])[1];
  if (view === 'events') loadEvents();
  if (view === 'timeline') drawTimeline();
  if (view === 'network') drawNetwork();
  if (view === 'map') drawMap();
});

async function showStoreInfo() {
  try {
    const s = await api('/api/stats');
    document.getElementById('store-info').textContent = `store: ${s.documents} articles, ${s.events} events`;
  } catch {
    document.getElementById('store-info').textContent = 'no store (rasd ingest)';
  }
}

setupAnalyse();
setupFilters();
setupEvents();
document.getElementById('timeline-bucket').addEventListener('change', drawTimeline);
document.getElementById('timeline-by').addEventListener('change', drawTimeline);
document.getElementById('map-mode').addEventListener('change', drawMap);
window.addEventListener('hashchange', route);
route();
showStoreInfo();
document.body.dataset.ready = '1';
