// Shared helpers of the page's end-to-end suites (tests/e2e/*.mjs, run by tests/e2e/run.mjs): checks, the CLI as the
// reference, and a page opened on the served www/ with every console error, exception and failed request collected.
// Waits are on DOM state, never on fixed delays: <body data-state> is "busy" while the worker annotates and "ready" when
// the result is shown; <body data-job> counts the results shown.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'target', 'release', 'lede');
export const SEED_PATH = join(ROOT, 'tests', 'fixtures', 'seed.txt');
export const OUT_DIR = join(ROOT, 'target', 'e2e');
export const BROWSER = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** Generous: CI machines are slow and shared. */
export const TIMEOUT = 90_000;

/** An edit typed into the page: non-BMP characters before every likely annotation, so UTF-16 offsets matter. */
export const EDITED = '👨‍👩‍👧 Ünïcödé — “Ça va très bien,” said French President Emmanuel Macron in Paris on Oct. 7, 2023, ' +
  'after France and Germany agreed a €5 billion plan. 🇺🇸 Russian President Vladimir Putin said 40 percent.\n';

let failures = 0;
let suite = '';
export const failed = () => failures;
export const setSuite = (name) => {
  suite = name;
};
export const ok = (msg) => console.log(`ok   ${suite}: ${msg}`);
export const fail = (msg) => {
  failures++;
  console.error(`FAIL ${suite}: ${msg}`);
};
export const warn = (msg) => console.warn(`WARN ${suite}: ${msg}`);
export const check = (cond, msg, detail) => (cond ? ok(msg) : fail(detail === undefined ? msg : `${msg}\n${detail}`));
export const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The CLI's output for the file `path` or the text `text`, parsed; `unit` is its --offsets (default utf16). */
export function cli({ path, text }, unit = 'utf16') {
  const args = [...(path ? [path] : []), '--offsets', unit];
  return JSON.parse(execFileSync(CLI, args, { input: text, maxBuffer: 1 << 30, encoding: 'utf8' }));
}

/** [kind, start, end, text] rows of a contract result. */
export const rows = (result) => result.annotations.map((a) => [a.kind, a.start, a.end, a.text]);

/** Per-kind counts of a contract result. */
export function counts(result) {
  const c = { person: 0, country: 0, figure: 0, quote: 0 };
  for (const a of result.annotations) c[a.kind]++;
  return c;
}

export const seedText = () => readFileSync(SEED_PATH, 'utf8');

/** Chromium's flags for this machine (the same offline flags the wasm tests use). */
export const browserArgs = () => JSON.parse(readFileSync(join(ROOT, 'webdriver.json'), 'utf8'))['goog:chromeOptions'].args;

/**
 * Opens the page in a fresh context; resolves when the sample article is annotated. Returns {page, context, errors,
 * requests}: errors collects console errors, exceptions, failed requests, HTTP errors and dialogs.
 */
export async function open(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`exception: ${e.message}`));
  page.on('dialog', (d) => {
    errors.push(`dialog ${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  context.on('request', (r) => requests.push(r.url()));
  context.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  context.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(url);
  await waitJob(page, 0);
  return { page, context, errors, requests };
}

/** The number of the last result the page shows. */
export const jobOf = (page) => page.evaluate(() => Number(document.body.dataset.job ?? 0));

/** Waits until the page shows a result newer than job `prev`; returns its number. */
export async function waitJob(page, prev) {
  await page.waitForFunction(
    (p) => document.body.dataset.state === 'ready' && Number(document.body.dataset.job ?? 0) > p,
    prev,
    { timeout: TIMEOUT, polling: 50 },
  );
  return jobOf(page);
}

/** Replaces the text area's text as a paste would (one input event), and waits for its annotation. */
export async function paste(page, text) {
  const prev = await jobOf(page);
  await page.evaluate((t) => {
    const ta = document.querySelector('textarea');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  return waitJob(page, prev);
}

/**
 * The page's highlights as [kind, start, end, text] rows, joining the parts of a split highlight; plus problems.
 * Marks are read from #view, so this covers the rendered window only.
 */
export function pageRows(page) {
  return page.$$eval('#view mark', (marks) => {
    const byI = new Map();
    const problems = [];
    for (const m of marks) {
      const { kind, start, end, part, i } = m.dataset;
      if (!kind || start === undefined || end === undefined || i === undefined) problems.push(`mark without data-kind/start/end/i: ${m.outerHTML}`);
      if (!part) {
        if (byI.has(i)) problems.push(`two highlights for annotation ${i}`);
        byI.set(i, [kind, Number(start), Number(end), m.textContent]);
      } else if (byI.has(i)) {
        byI.get(i)[3] += m.textContent;
      } else {
        byI.set(i, [kind, Number(start), Number(end), m.textContent]);
      }
    }
    return { rows: [...byI.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]), problems };
  });
}

/** The legend's counts per kind. */
export function legendCounts(page) {
  return page.$$eval('#legend button[data-legend]', (bs) => Object.fromEntries(bs.map((b) => [b.dataset.legend, Number(b.querySelector('.count').textContent)])));
}

/** The visible tooltip's text, or null when none is shown. */
export function tooltip(page) {
  return page.evaluate(() => {
    const t = document.querySelector('[role="tooltip"]');
    return t && !t.hidden && t.getBoundingClientRect().width > 0 ? t.innerText : null;
  });
}

/**
 * Runs a test runner's `main` under a time limit, reports an exception as a failure of suite "run", and exits 1 when
 * any check failed (else prints "NAME: all checks passed"). Shared by tests/e2e/run.mjs and tests/e2e-ext/run.mjs.
 */
export async function runChecks(name, main, limitMs, what) {
  const timer = setTimeout(() => {
    console.error(`FAIL ${what} took more than ${limitMs / 60_000} minutes`);
    process.exit(1);
  }, limitMs);
  try {
    await main();
  } catch (e) {
    setSuite('run');
    fail(e.stack ?? String(e));
  }
  clearTimeout(timer);
  if (failed() > 0) {
    console.error(`${name}: ${failed()} check(s) failed`);
    process.exit(1);
  }
  console.log(`${name}: all checks passed`);
}
