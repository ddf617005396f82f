// End-to-end tests of the page in real Chromium (Debian's /usr/bin/chromium through playwright-core), run by
// `make test` after the release builds. Serves www/ on 127.0.0.1 and runs each suite on fresh pages of one browser:
//   sample   the sample article loads annotated, exactly as the CLI annotates it; legend, nesting, panel, renderer
//   edit     pasting new text re-annotates it; tooltips on hover, keyboard focus and tap; Escape; clear
//   xss      markup, scripts and javascript: links pasted as text stay text
//   robust   empty text, whitespace, binary garbage, a 1 MB line, unbalanced quotes
//   worker   a 5 MB paste is annotated in the worker while the page keeps answering
//   export   JSON (equal to the CLI's) and W3C Web Annotation JSON-LD (code-point positions equal to the CLI's)
//   a11y     CSP and markup rules, axe-core (light and dark), screenshots in target/e2e/
// Usage: node tests/e2e/run.mjs [SUITE...]   (env CHROMIUM overrides /usr/bin/chromium)

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { BROWSER, CLI, OUT_DIR, ROOT, browserArgs, fail, runChecks, setSuite } from './lib.mjs';

const SUITES = ['sample', 'edit', 'xss', 'robust', 'worker', 'export', 'a11y'];

async function main() {
  const wanted = process.argv.slice(2);
  for (const w of wanted) if (!SUITES.includes(w)) throw new Error(`unknown suite ${w}: expected one of ${SUITES.join(', ')}`);
  for (const [file, hint] of [
    [CLI, 'cargo build --release'],
    [join(ROOT, 'www', 'pkg', 'lede_bg.wasm'), 'make build'],
    [join(ROOT, 'www', 'sample.txt'), 'make build'],
    [BROWSER, 'scripts/setup.sh browser'],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run ${hint}`);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const { server, url } = await serve(join(ROOT, 'www'), 0);
  const browser = await chromium.launch({ executablePath: BROWSER, args: browserArgs(), headless: true });
  try {
    for (const name of wanted.length ? wanted : SUITES) {
      setSuite(name);
      const t0 = Date.now();
      try {
        const { default: run } = await import(`./${name}.mjs`);
        await run({ browser, url });
      } catch (e) {
        fail(`the suite stopped: ${e.stack ?? e}`);
      }
      console.log(`---- ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await runChecks('e2e', main, 600_000, 'the end-to-end tests');
