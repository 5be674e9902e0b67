// Bundles the page into one directory the server serves (default ../build/web):
// index.html, app.js (with chart.js and cytoscape, minified) and style.css.
// Usage: node build.mjs [OUT_DIR]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '..', 'build', 'web'));
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'app.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
  legalComments: 'linked',
});
for (const f of ['index.html', 'style.css']) copyFileSync(join(here, 'src', f), join(out, f));
console.log(`web: built ${out}`);
