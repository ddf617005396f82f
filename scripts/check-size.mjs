// The size budget of what the page ships: the release .wasm plus its JS glue (lede.js and the snippets it imports),
// each file `gzip -9`, at most BUDGET bytes.
// gzip is GNU gzip (as `make wasm` reports and ../shared/toolchain/FACTS.md measured), not node:zlib, whose level 9
// comes out about 2% larger on the .wasm; brotli is node:zlib's, quality 11.
// `make test` runs it right after the web build and fails when the budget is passed (size is deterministic; speed is
// measured by `make bench`, never asserted in tests). `benches/node.mjs` imports `sizes` for the benchmark record.
//
// Usage: node scripts/check-size.mjs [PKG_DIR]   (default www/pkg)

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** 150 kB: the gzipped .wasm plus the gzipped JS glue, in bytes (kB = 1000 bytes). */
export const BUDGET = 150_000;

/** Raw, gzip -9 and brotli (quality 11) sizes of one file, in bytes. */
export function fileSizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: execFileSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 30 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** The JS snippets wasm-bindgen writes next to the glue (`snippets/<crate>-<hash>/inline0.js`), which the glue imports. */
function snippetFiles(dir) {
  const root = join(dir, 'snippets');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => join(root, f));
}

/** The sizes of a wasm-pack package directory (`lede_bg.wasm`, and the glue: `lede.js` plus its snippets) and their sum. */
export function sizes(dir) {
  const wasm = fileSizes(join(dir, 'lede_bg.wasm'));
  const glue = fileSizes(join(dir, 'lede.js'));
  for (const f of snippetFiles(dir)) {
    const s = fileSizes(f);
    for (const k of Object.keys(glue)) glue[k] += s[k];
  }
  const total = {};
  for (const k of Object.keys(wasm)) total[k] = wasm[k] + glue[k];
  return { wasm, glue, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'www/pkg';
  let s;
  try {
    s = sizes(dir);
  } catch (e) {
    console.error(`check-size: cannot read the package in ${dir} (${e.message}): build it first`);
    process.exit(2);
  }
  const line = `.wasm ${s.wasm.raw} bytes (${s.wasm.gzip} gzip) + glue ${s.glue.raw} bytes (${s.glue.gzip} gzip) = ${s.total.gzip} bytes gzip`;
  if (s.total.gzip > BUDGET) {
    console.error(`check-size: FAILED: ${line}, over the budget of ${BUDGET} by ${s.total.gzip - BUDGET} bytes`);
    console.error('check-size: levers: data compiled more compactly, opt-level for the wasm build, fewer dependencies');
    process.exit(1);
  }
  console.log(`check-size: ${line}, within the budget of ${BUDGET} (${BUDGET - s.total.gzip} to spare)`);
}
