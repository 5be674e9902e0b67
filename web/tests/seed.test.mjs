// Browser test: paste the reference article (../shared/seed) into the Analyse
// view and see the five expected events and the person highlights.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { args, check, done, launch, offline, serve, skip, tempDir } from './harness.mjs';

const { rasd, source, web, shots } = args();
const seed = resolve(source, '..', 'shared', 'seed');
if (!existsSync(join(seed, 'article.txt'))) skip(`${seed}/article.txt not found (../shared is absent)`);
const article = readFileSync(join(seed, 'article.txt'), 'utf8');
const expected = JSON.parse(readFileSync(join(seed, 'expected.json'), 'utf8'));

const server = await serve(rasd, join(tempDir(), 'empty.db'), web);
const context = await launch();
try {
  const page = await context.newPage();
  const outside = offline(page, server.base);
  await page.goto(`${server.base}/#/analyse`);
  await page.fill('#analyse-text', article);
  await page.fill('#analyse-date', expected.document.date);
  await page.click('#analyse-go');
  await page.waitForSelector('#analyse-result .card', { timeout: 20000 });

  // Each `must` event: a card with its PLOVER type whose actor and recipient
  // codes start with the expected countries.
  const cards = await page.$$eval('#analyse-result .card', (cs) => cs.map((c) => ({
    type: c.querySelector('.etype').textContent,
    codes: c.querySelector('.dyad-codes').textContent,
    cameo: c.querySelector('.cameo').textContent,
  })));
  console.log(`${cards.length} event cards: ${cards.map((c) => `${c.type} ${c.codes}`).join('; ')}`);
  for (const ev of expected.events.filter((e) => e.must)) {
    const found = cards.some((c) => {
      const [actor, recipient] = c.codes.split(' → ');
      const has = (side, want) => want.every((w) => side.split('+').some((code) => code.startsWith(w)));
      return c.type === ev.type && has(actor, ev.actor) && has(recipient, ev.recipient) &&
        c.cameo.startsWith(`CAMEO ${ev.cameo_root}`);
    });
    check(found, `event ${ev.id}: ${ev.type} ${ev.actor.join('+')} → ${ev.recipient.join('+')} (CAMEO ${ev.cameo_root}x)`);
  }

  // Every expected person is highlighted as PER, with its actor code on hover.
  const persons = await page.$$eval('#analyse-result .article span.ent-PER', (ss) => ss.map((s) => ({ text: s.textContent, title: s.title })));
  for (const p of expected.entities.filter((e) => e.type === 'PER' && e.must)) {
    const hit = persons.find((s) => s.text === p.text);
    check(!!hit, `person highlighted: ${p.text}`);
    check(!!hit && hit.title.includes(p.actor), `hover on ${p.text} shows ${p.actor}`);
  }
  const date = await page.$$eval('#analyse-result .article span.ent-DATE', (ss) => ss.map((s) => s.title));
  check(date.some((t) => t.includes('2024-11-22')), 'hover on مساء الجمعة shows 2024-11-22');

  // Hovering the first card lights its anchor in the text.
  await page.hover('#analyse-result .card >> nth=0');
  const lit = await page.$$eval('#analyse-result .article span.anchor.lit', (ss) => ss.map((s) => s.textContent));
  check(lit.length > 0 && article.includes(lit[0]), `hovering a card lights its anchor (${lit.join(' ')})`);
  check(outside.length === 0, `nothing fetched from outside the server (${outside.join(', ')})`);
  // Not copied to docs/: the reference article is not ours to publish.
  await page.screenshot({ path: join(shots, 'analyse-seed.png') });
} finally {
  await context.close();
  server.stop();
}
done();
