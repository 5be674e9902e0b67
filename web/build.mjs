// Bundles the page into one directory the server serves (default ../build/web):
// index.html, app.js (with chart.js and cytoscape, minified) and style.css.
// Usage: node build.mjs [OUT_DIR]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '..', 'build', 'web'));
mkdirSync(out, { recursive: true });

// `rasd:iso-numeric`: ISO 3166-1 numeric -> alpha-3, from the country rows of
// data/geo/gazetteer.tsv, so that the map joins world-atlas shapes (numeric
// ids) to event locations (alpha-3) without shipping the whole gazetteer.
const isoNumeric = {
  name: 'iso-numeric',
  setup(b) {
    b.onResolve({ filter: /^rasd:iso-numeric$/ }, (a) => ({ path: a.path, namespace: 'rasd' }));
    b.onLoad({ filter: /.*/, namespace: 'rasd' }, () => {
      const map = {};
      const lines = readFileSync(join(here, '..', 'data', 'geo', 'gazetteer.tsv'), 'utf8').split('\n');
      const header = lines.find((l) => l.startsWith('surface\t')).split('\t');
      const [kind, code, numeric] = ['kind', 'country', 'iso_numeric'].map((c) => header.indexOf(c));
      for (const line of lines) {
        const f = line.split('\t');
        if (f[kind] === 'country' && /^\d+$/.test(f[numeric] || '')) map[f[numeric].padStart(3, '0')] = f[code];
      }
      return { contents: JSON.stringify(map), loader: 'json' };
    });
  },
};
await build({
  entryPoints: [join(here, 'src', 'app.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outfile: join(out, 'app.js'),
  logLevel: 'warning',
  legalComments: 'linked',
  plugins: [isoNumeric],
});
for (const f of ['index.html', 'style.css']) copyFileSync(join(here, 'src', f), join(out, f));
console.log(`web: built ${out}`);
