// End-to-end test of the page (run by `make test` after the release builds): serves www/, opens it in Debian's headless
// Chromium through playwright-core, and checks that
//   - the page loads under its own CSP with no console error, failed request or uncaught exception;
//   - the sample article (a copy of tests/fixtures/seed.txt) is in the textarea and rendered exactly, highlights included;
//   - every highlight is a <mark> with data-kind and a title, and the page's annotations (kind, start, end, text) equal
//     the command-line tool's on the same text (`target/release/lede tests/fixtures/seed.txt`), also after an edit;
//   - the renderer keeps the text exact when spans nest and cross;
//   - axe-core finds no serious or critical accessibility violation.
// Usage: node tests/e2e/page.mjs   (env CHROMIUM overrides /usr/bin/chromium; a screenshot goes to target/e2e/page.png)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'target', 'release', 'lede');
const SEED_PATH = join(ROOT, 'tests', 'fixtures', 'seed.txt');
const BROWSER = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** An edit typed into the page: non-BMP characters before every likely annotation, so UTF-16 offsets matter. */
const EDITED = '👨‍👩‍👧 Ünïcödé — “Ça va très bien,” said French President Emmanuel Macron in Paris on Oct. 7, 2023, ' +
  'after France and Germany agreed a €5 billion plan. 🇺🇸 Russian President Vladimir Putin said 40 percent.\n';

let failures = 0;
const fail = (msg) => {
  failures++;
  console.error(`FAIL ${msg}`);
};
const ok = (msg) => console.log(`ok   ${msg}`);
const check = (cond, msg, detail) => (cond ? ok(msg) : fail(detail === undefined ? msg : `${msg}\n${detail}`));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The CLI's annotations of `text` (or of the file `path`) as [kind, start, end, text] rows. */
function cliRows({ path, text }) {
  const out = execFileSync(CLI, path ? [path] : [], { input: text, maxBuffer: 1 << 28, encoding: 'utf8' });
  return JSON.parse(out).annotations.map((a) => [a.kind, a.start, a.end, a.text]);
}

/** The page's highlights as [kind, start, end, text] rows, joining the parts of a split highlight; plus problems found. */
function pageRows(page) {
  return page.$$eval('#view mark', (marks) => {
    const rows = new Map();
    const problems = [];
    for (const m of marks) {
      const { kind, start, end, part } = m.dataset;
      if (!kind || start === undefined || end === undefined) problems.push(`mark without data-kind/start/end: ${m.outerHTML}`);
      if (!m.title) problems.push(`mark without a title: ${m.outerHTML}`);
      const key = `${kind} ${start} ${end}`;
      if (!part) {
        if (rows.has(key)) problems.push(`two highlights ${key}`);
        rows.set(key, [kind, Number(start), Number(end), m.textContent]);
      } else if (rows.has(key)) {
        rows.get(key)[3] += m.textContent;
      } else {
        problems.push(`a rest part before its highlight: ${key}`);
      }
    }
    return { rows: [...rows.values()], problems };
  });
}

async function waitReady(page, previous) {
  await page.waitForFunction(
    (prev) => {
      const s = document.getElementById('status');
      return s.dataset.ready === 'true' && s.textContent !== prev;
    },
    previous,
    { timeout: 30_000 },
  );
}

async function main() {
  for (const [file, hint] of [
    [CLI, 'cargo build --release'],
    [join(ROOT, 'www', 'pkg', 'lede_bg.wasm'), 'make build'],
    [join(ROOT, 'www', 'sample.txt'), 'make build'],
    [BROWSER, 'scripts/setup.sh browser'],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run ${hint}`);
  }
  const seed = readFileSync(SEED_PATH, 'utf8');
  check(readFileSync(join(ROOT, 'www', 'sample.txt'), 'utf8') === seed, 'www/sample.txt is the seed article');
  const args = JSON.parse(readFileSync(join(ROOT, 'webdriver.json'), 'utf8'))['goog:chromeOptions'].args;

  const { server, url } = await serve(join(ROOT, 'www'), 0);
  const browser = await chromium.launch({ executablePath: BROWSER, args, headless: true });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`exception: ${e.message}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));

    const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
    await page.goto(url);
    const wasmResponse = await wasm;
    check(wasmResponse.headers()['content-type'] === 'application/wasm', 'the .wasm is served as application/wasm');
    await waitReady(page, null);
    ok(`page loaded: ${await page.textContent('#status')}`);

    // The seed, as loaded.
    check((await page.inputValue('#input')) === seed, 'the textarea holds the sample article');
    check((await page.textContent('#view')) === seed, 'the rendered text is exactly the article');
    const cli = cliRows({ path: SEED_PATH });
    const { rows, problems } = await pageRows(page);
    check(problems.length === 0, 'every highlight has data-kind, data-start, data-end and a title', problems.join('\n'));
    if (cli.length === 0) {
      console.warn('WARN the CLI finds no annotation in the seed article: are the recognisers still stubs?');
    } else {
      check(rows.length > 0, `highlights appear (${rows.length})`);
    }
    check(same(rows, cli), `the page's ${rows.length} annotations of the seed equal the CLI's ${cli.length}`,
      `page: ${JSON.stringify(rows)}\ncli:  ${JSON.stringify(cli)}`);
    check((await page.$$('#list li[data-kind]')).length === cli.length, 'the list has one item per annotation');
    mkdirSync(join(ROOT, 'target', 'e2e'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'target', 'e2e', 'page.png'), fullPage: true });

    // Live annotation after an edit.
    const before = await page.textContent('#status');
    await page.fill('#input', EDITED);
    await waitReady(page, before);
    check((await page.textContent('#view')) === EDITED, 'after an edit, the rendered text is exactly the new text');
    const edited = await pageRows(page);
    const cliEdited = cliRows({ text: EDITED });
    check(same(edited.rows, cliEdited), `after an edit, the page's ${edited.rows.length} annotations equal the CLI's`,
      `page: ${JSON.stringify(edited.rows)}\ncli:  ${JSON.stringify(cliEdited)}`);

    // The renderer on nested and crossing spans (independent of what the recognisers find).
    const synthetic = await page.evaluate(async () => {
      const { render } = await import('/main.js');
      const text = '😀 “Ab 🇺🇸 Cd,” said Ef Gh.';
      const span = (kind, s) => {
        const start = text.indexOf(s);
        return { kind, start, end: start + s.length, text: s, name: s, class: 'count' };
      };
      const anns = [
        span('quote', '“Ab 🇺🇸 Cd,”'),
        span('person', 'Ab'),
        span('country', '🇺🇸'),
        span('person', 'Cd,” said'), // crosses the end of the quote
        span('person', 'Ef Gh'),
      ];
      const div = document.createElement('div');
      render(div, text, anns);
      const marks = [...div.querySelectorAll('mark')].map((m) => [m.dataset.kind, m.dataset.part ?? '', m.textContent]);
      return { same: div.textContent === text, marks, nestedInQuote: div.querySelectorAll('mark[data-kind=quote] mark').length };
    });
    check(synthetic.same, 'render() keeps the text exact with nested and crossing spans');
    check(
      same(synthetic.marks, [
        ['quote', '', '“Ab 🇺🇸 Cd,”'],
        ['person', '', 'Ab'],
        ['country', '', '🇺🇸'],
        ['person', '', 'Cd,”'],
        ['person', 'rest', ' said'],
        ['person', '', 'Ef Gh'],
      ]) && synthetic.nestedInQuote === 3,
      'render() nests spans in the quote and splits the crossing one',
      JSON.stringify(synthetic),
    );

    // Accessibility (axe-core is evaluated through DevTools, which the page's CSP does not govern).
    await page.fill('#input', seed);
    await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const axe = await page.evaluate(async () => (await window.axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })));
    const serious = axe.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of axe.filter((x) => !serious.includes(x))) console.warn(`WARN axe ${v.impact} ${v.id}: ${v.help} (${v.nodes})`);
    check(serious.length === 0, 'axe-core: no serious or critical violation', JSON.stringify(serious, null, 2));

    check(errors.length === 0, 'no console error, failed request or exception', errors.join('\n'));
  } finally {
    await browser.close();
    server.close();
  }
}

const timer = setTimeout(() => {
  console.error('FAIL the end-to-end test took more than 120 s');
  process.exit(1);
}, 120_000);
try {
  await main();
} catch (e) {
  fail(e.stack ?? String(e));
}
clearTimeout(timer);
if (failures > 0) {
  console.error(`e2e: ${failures} check(s) failed`);
  process.exit(1);
}
console.log('e2e: all checks passed');
