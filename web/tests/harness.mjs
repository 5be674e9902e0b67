// Shared by the browser tests: starts `rasd serve` on a free port over a
// temporary store and drives Debian's chromium through playwright-core.
// Exit codes: 0 pass, 1 fail, 77 skipped (CTest SKIP_RETURN_CODE).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SKIP = 77;
const CHROMIUM = process.env.RASD_CHROMIUM || '/usr/bin/chromium';

export function skip(message) {
  console.log(`SKIP: ${message}`);
  process.exit(SKIP);
}

// Arguments: RASD_BINARY SOURCE_DIR WEB_DIR SCREENSHOT_DIR
export function args() {
  const [rasd, source, web, shots] = process.argv.slice(2);
  if (!rasd || !source || !web || !shots) {
    console.error('usage: node TEST.mjs RASD_BINARY SOURCE_DIR WEB_DIR SCREENSHOT_DIR');
    process.exit(2);
  }
  if (!existsSync(join(web, 'index.html'))) skip(`${web}/index.html is missing (the page is built by scripts/setup.sh with npm)`);
  if (!existsSync(CHROMIUM)) skip(`${CHROMIUM} is missing (Debian package chromium, in scripts/setup.sh)`);
  mkdirSync(shots, { recursive: true });
  return { rasd, source, web, shots };
}

export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-browser-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function ingest(rasd, db, inputs, date, cwd) {
  const extra = date ? ['--date', date] : [];
  execFileSync(rasd, ['ingest', '--db', db, '--threads', '2', ...extra, ...inputs], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

// Starts the server; resolves to { base, stop } once it prints its address.
export function serve(rasd, db, web) {
  return new Promise((resolve, reject) => {
    const child = spawn(rasd, ['serve', '--db', db, '--port', '0', '--web', web], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('rasd serve did not start within 30 s')), 30000);
    child.on('exit', (code) => reject(new Error(`rasd serve exited with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^/\s]+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ base: m[1], stop: () => child.kill('SIGTERM') });
      }
    });
    process.on('exit', () => child.kill('SIGKILL'));
  });
}

export async function launch() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    skip('playwright-core is not installed (npm ci in web/, run by scripts/setup.sh)');
  }
  const profile = tempDir();
  // A fresh profile (playwright passes it as --user-data-dir) and no
  // background traffic: the page must work offline. Returns a browser context.
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let failures = 0;
export function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
}
export function done() {
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  process.exit(failures ? 1 : 0);
}

// Fails the page on anything fetched from outside the server.
export function offline(page, base) {
  const outside = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  return outside;
}
