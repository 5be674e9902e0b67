// Browser test of every view over a temporary store: our examples/ (plus a
// set of our own news items), an article with <script> and HTML
// that must stay text, the filtered events table, the timeline and the network.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { args, check, done, ingest, launch, offline, serve, tempDir } from './harness.mjs';

const { rasd, source, web, shots } = args();
const tmp = tempDir();
const db = join(tmp, 'store.db');
const examples = join(source, 'examples');
const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.txt')).sort().map((f) => join(examples, f));
// Relative paths: the ids (and the screenshots) read examples/01-meeting.txt.
ingest(rasd, db, exampleFiles.map((f) => f.slice(source.length).replace(/^\/+/, '')), '2024-11-20', source);
// A hostile article: markup and script in the text must be shown as text.
const hostile = 'استقبل وزير الخارجية الأردني نظيره المصري في عمّان <script>window.__pwned = 1</script> ' +
  '<img src=x onerror="window.__pwned = 2"> <b>عريض</b> &amp; "اقتباس".\n';
const hostileFile = join(tmp, 'hostile.txt');
writeFileSync(hostileFile, hostile);
ingest(rasd, db, [hostileFile], '2024-11-21');
// Our own short news items (tests/testdata/server), dated over three weeks,
// give the timeline and the network something to draw. No real articles:
// the screenshots in docs/ come from this test.
ingest(rasd, db, [join(source, 'tests', 'testdata', 'server', 'own_news.jsonl')]);

const server = await serve(rasd, db, web);
const context = await launch();
try {
  const page = await context.newPage();
  const outside = offline(page, server.base);

  // Analyse our own example text.
  await page.goto(`${server.base}/#/analyse`);
  await page.setInputFiles('#analyse-file', exampleFiles[0]);
  await page.waitForFunction(() => document.querySelector('#analyse-text').value.length > 0);
  await page.fill('#analyse-date', '2024-11-20');
  await page.click('#analyse-go');
  await page.waitForSelector('#analyse-result .card', { timeout: 20000 });
  const types = await page.$$eval('#analyse-result .card .etype', (s) => s.map((x) => x.textContent));
  check(types.includes('CONSULT'), `examples/01: a CONSULT card (${types.join(', ')})`);
  const pers = await page.$$eval('#analyse-result .article span.ent-PER', (s) => s.map((x) => x.textContent));
  check(pers.includes('أيمن الصفدي') && pers.includes('سامح شكري'), `examples/01: persons highlighted (${pers.join('، ')})`);
  await page.hover('#analyse-result .card >> nth=0');
  await page.screenshot({ path: join(shots, 'analyse.png') });

  // Pasted hostile text: shown literally, nothing executed, no element made.
  await page.fill('#analyse-text', hostile);
  await page.click('#analyse-go');
  await page.waitForFunction(() => /entities/.test(document.querySelector('#analyse-status').textContent));
  const pasted = await page.evaluate(() => {
    const a = document.querySelector('#analyse-result .article');
    return { text: a.textContent, elements: a.querySelectorAll('script, img, b').length, pwned: window.__pwned };
  });
  check(pasted.text.includes('<script>window.__pwned = 1</script>') && pasted.text.includes('<b>عريض</b>'), 'pasted <script>/HTML shown as text');
  check(pasted.elements === 0 && pasted.pwned === undefined, 'pasted <script>/HTML not executed, no elements created');
  await page.screenshot({ path: join(shots, 'escaped.png') });

  // Events table: all, then filtered by actor.
  await page.goto(`${server.base}/#/events`);
  await page.waitForSelector('#events-table tbody tr');
  const all = await page.$$eval('#events-table tbody tr', (r) => r.length);
  check(all > 0, `events table lists ${all} events`);
  const form = '#view-events .filter-form';
  await page.fill(`${form} input[name=actor]`, 'JOR');
  await page.click(`${form} button[type=submit]`);
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('#events-table tbody tr')];
    // An event done by several parties (EGYGOV+JORGOV) matches when one of them is Jordan's.
    return rows.length > 0 && rows.length <= n &&
      rows.every((r) => r.children[3].textContent.split('+').some((c) => c.startsWith('JOR')));
  }, all, { timeout: 10000 });
  const jor = await page.$$eval('#events-table tbody tr', (rs) => rs.map((r) => r.children[3].textContent));
  check(jor.length > 0 && jor.every((a) => a.split('+').some((c) => c.startsWith('JOR'))),
    `filter actor=JOR: ${jor.length} rows, each with a JOR actor (${jor.join(' ')})`);
  // Sorting by CAMEO.
  await page.click('#events-table th[data-key=cameo]');
  const cameos = await page.$$eval('#events-table tbody tr', (rs) => rs.map((r) => r.children[2].textContent));
  check(cameos.join() === [...cameos].sort().join(), `sorted by CAMEO (${cameos.join(' ')})`);
  await page.click(`${form} button[type=reset]`);
  await page.waitForFunction((n) => document.querySelectorAll('#events-table tbody tr').length >= n, jor.length);
  await page.screenshot({ path: join(shots, 'events.png') });

  // The stored hostile article, through its row link.
  await page.fill(`${form} input[name=actor]`, '');
  await page.fill(`${form} input[name=text]`, 'عريض');
  await page.click(`${form} button[type=submit]`);
  await page.waitForFunction(() => [...document.querySelectorAll('#events-table tbody tr a')].some((a) => a.textContent.includes('hostile')));
  await page.click('#events-table tbody tr a >> nth=0');
  await page.waitForSelector('#doc-result .article');
  const stored = await page.evaluate(() => {
    const a = document.querySelector('#doc-result .article');
    return { text: a.textContent, elements: a.querySelectorAll('script, img, b').length, pwned: window.__pwned };
  });
  check(stored.text.includes('<script>') && stored.elements === 0 && stored.pwned === undefined, 'stored article: HTML shown escaped via the row link');

  // Stored article view of a real one (screenshot).
  await page.goto(`${server.base}/#/events`);
  await page.click(`${form} button[type=reset]`);
  await page.waitForFunction((n) => document.querySelectorAll('#events-table tbody tr').length >= n, all);
  await page.click('#events-table tbody tr a >> nth=0');
  await page.waitForSelector('#doc-result .card');
  await page.screenshot({ path: join(shots, 'article.png') });

  // Timeline.
  await page.goto(`${server.base}/#/timeline`);
  await page.waitForFunction(() => Number(document.querySelector('#timeline-chart').dataset.bars || 0) > 0, null, { timeout: 15000 });
  const bars = await page.$eval('#timeline-chart', (c) => Number(c.dataset.bars));
  check(bars > 0, `timeline: ${bars} days with events`);
  await page.selectOption('#timeline-bucket', 'week');
  await page.waitForFunction(() => /weeks/.test(document.querySelector('#timeline-status').textContent));
  await page.selectOption('#timeline-bucket', 'day');
  await page.waitForFunction(() => /days/.test(document.querySelector('#timeline-status').textContent));
  await page.screenshot({ path: join(shots, 'timeline.png') });

  // Network.
  await page.goto(`${server.base}/#/network`);
  await page.waitForFunction(() => Number(document.querySelector('#network-graph').dataset.edges || 0) > 0, null, { timeout: 15000 });
  const net = await page.$eval('#network-graph', (g) => ({ nodes: Number(g.dataset.nodes), edges: Number(g.dataset.edges) }));
  check(net.nodes >= 2 && net.edges >= 1, `network: ${net.nodes} countries, ${net.edges} dyads`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, 'network.png') });

  // Goldstein per dyad on the timeline.
  await page.goto(`${server.base}/#/timeline`);
  await page.waitForFunction(() => Number(document.querySelector('#timeline-chart').dataset.bars || 0) > 0, null, { timeout: 15000 });
  await page.selectOption('#timeline-by', 'goldstein');
  await page.waitForFunction(() => /mean Goldstein/.test(document.querySelector('#timeline-status').textContent), null, { timeout: 15000 });
  const lines = await page.$eval('#timeline-chart', (c) => Number(c.dataset.lines || 0));
  check(lines > 0, `timeline: Goldstein lines for ${lines} dyads`);
  await page.screenshot({ path: join(shots, 'timeline-goldstein.png') });

  // Map: countries shaded by located events, dots for named places; the
  // shared filter narrows it.
  await page.goto(`${server.base}/#/map`);
  await page.waitForFunction(() => Number(document.querySelector('#map-svg').dataset.countries || 0) > 0, null, { timeout: 15000 });
  const map = await page.$eval('#map-svg', (m) => ({
    countries: Number(m.dataset.countries), points: Number(m.dataset.points),
    shapes: m.querySelectorAll('path.country').length,
  }));
  check(map.shapes > 150, `map: ${map.shapes} country shapes drawn from the bundled Natural Earth data`);
  check(map.countries > 0 && map.points > 0, `map: ${map.countries} countries shaded, ${map.points} places`);
  const jordan = await page.$eval('#map-svg path[data-code=JOR]', (p) => Number(p.dataset.n));
  check(jordan > 0, `map: ${jordan} events located in Jordan`);
  await page.screenshot({ path: join(shots, 'map.png') });
  const mapForm = '#view-map .filter-form';
  await page.fill(`${mapForm} input[name=quad]`, '4');
  await page.click(`${mapForm} button[type=submit]`);
  await page.waitForFunction((n) => {
    const p = document.querySelector('#map-svg path[data-code=JOR]');
    return p && Number(p.dataset.n) < n;
  }, jordan, { timeout: 10000 });
  const conflict = await page.$eval('#map-svg path[data-code=JOR]', (p) => Number(p.dataset.n));
  check(conflict < jordan, `map filtered to material conflict (quad 4): Jordan ${jordan} -> ${conflict} events`);
  await page.click(`${mapForm} button[type=reset]`);

  check(outside.length === 0, `nothing fetched from outside the server (${outside.join(', ')})`);
} finally {
  await context.close();
  server.stop();
}
done();
