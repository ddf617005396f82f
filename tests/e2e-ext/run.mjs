// End-to-end tests of the browser extension in real Chromium (Debian's /usr/bin/chromium through playwright-core's
// launchPersistentContext with --load-extension), run by `make test` after `make extension`. Serves the test pages of
// tests/e2e-ext/pages/ on 127.0.0.1 (strict.html with a CSP that forbids wasm) and, for each page:
//   - opens it twice: a reference tab the extension leaves alone, and a tab it annotates (the toolbar's toggle, called
//     in the service worker, as the popup's button does);
//   - checks the expected spans are highlighted and the unexpected ones are not (read through CSS.highlights in the page);
//   - hovers a highlight and reads the tooltip in the extension's shadow root; reaches one by keyboard (the bar's Next);
//   - clicks a highlighted word: the page's own click handler still fires;
//   - compares the page's DOM, without the extension's host element, with the reference tab's: unchanged.
// Then the popup's settings: per-kind toggles, and "always annotate" for a site.
// The extension is loaded from a copy of target/extension/ whose manifest adds host permission for http://127.0.0.1/*
// (the tests cannot click the toolbar button, which is what grants activeTab to a reader).
// Usage: node tests/e2e-ext/run.mjs [PAGE...]   (env CHROMIUM overrides /usr/bin/chromium)

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER, OUT_DIR, ROOT, browserArgs, check, fail, ok, runChecks, same, setSuite } from '../e2e/lib.mjs';

const EXT = join(ROOT, 'target', 'extension');
const PAGES = join(ROOT, 'tests', 'e2e-ext', 'pages');
const TIMEOUT = 30_000;
const KINDS = ['person', 'country', 'figure', 'quote'];
/** The page whose CSP forbids wasm (no 'wasm-unsafe-eval') and inline script and style. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'";

/**
 * Per page: spans that must be highlighted (by kind), text that must not be, and the page's own "settled" test.
 * `after` (optional) runs once the first annotation is shown and returns the expectations once the page has changed.
 */
const CASES = {
  plain: {
    want: { person: ['Vladimir Putin', 'Emmanuel Macron', 'Macron'], country: ['Russian', 'French', 'Ukraine', 'Germany', 'Italy'], figure: ['$1.7 billion', '40 percent'], quote: ['“We want a lasting peace for Ukraine,”'] },
    not: [],
  },
  strict: {
    want: { person: ['Volodymyr Zelensky', 'Zelensky'], country: ['Ukrainian', 'Poland', 'Chinese', 'Japan'], figure: ['7 percent', '$500 million'], quote: ['“There is no alternative to diplomacy,”'] },
    not: [],
  },
  inline: {
    want: { person: ['Vladimir Putin', 'Emmanuel Macron', 'Macron'], country: ['Russian', 'Turkey', 'Brazil'], figure: ['40 percent', '$2.5 billion'], quote: ['“a crisis for families,”'] },
    not: [],
  },
  later: {
    want: { person: ['Olaf Scholz', 'Pedro Sánchez', 'Sánchez'], country: ['German', 'Italy', 'Spanish', 'Greece'], figure: ['3 percent'], quote: ['“We are close to a deal,”'] },
    not: [],
  },
  rerender: {
    want: { person: ['Anthony Albanese', 'Jair Bolsonaro'], country: ['Australian', 'Mexico', 'Brazilian'] },
    not: ['Justin Trudeau', 'Canadian', '9 percent'],
  },
  noise: {
    want: { person: ['Narendra Modi', 'Modi'], country: ['Indian', 'Pakistan', 'Bangladesh', 'Nepal'], figure: ['66 percent', '$1 billion'], quote: ['“The people have spoken,”'] },
    not: ['Joe Biden', 'Canada', 'Rishi Sunak', 'Ireland', 'Boris Johnson', 'Xi Jinping', 'Argentina', 'Norway', 'Donald Trump', 'Sweden', 'Angela Merkel', 'Austria', 'Belgium'],
  },
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Serves the test pages on 127.0.0.1 (port 0), strict.html with STRICT_CSP. */
function servePages() {
  const server = createServer((req, res) => {
    const name = new URL(req.url, 'http://x').pathname.slice(1);
    if (!/^[a-z]+\.(html|js)$/.test(name) || !existsSync(join(PAGES, name))) {
      res.writeHead(name === 'favicon.ico' ? 204 : 404, { 'Cache-Control': 'no-store' });
      return res.end();
    }
    const headers = { 'Content-Type': TYPES[extname(name)], 'Cache-Control': 'no-store' };
    if (name === 'strict.html') headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    res.end(readFileSync(join(PAGES, name)));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

/** A copy of the built extension with host permission for the test server (what the toolbar click grants a reader). */
function testExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'lede-ext-'));
  cpSync(EXT, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** The highlighted texts per kind, read in the page through CSS.highlights. */
const highlights = (page) =>
  page.evaluate((kinds) => Object.fromEntries(kinds.map((k) => [k, [...(CSS.highlights.get(`lede-${k}`) ?? [])].map((r) => r.toString())])), KINDS);

/** The page's DOM without the extension's host element. */
const dom = (page) =>
  page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    for (const h of copy.querySelectorAll('lede-annotator')) h.remove();
    return copy.outerHTML;
  });

const hostState = (page) => page.evaluate(() => {
  const h = document.querySelector('lede-annotator');
  return h ? { state: h.dataset.state, runs: Number(h.dataset.runs ?? 0), count: Number(h.dataset.count ?? 0), error: h.dataset.error } : null;
});

/** The tooltip's text in the extension's shadow root, or null when hidden. */
const tooltip = (page) => page.evaluate(() => {
  const t = document.querySelector('lede-annotator')?.shadowRoot?.querySelector('[role="tooltip"]');
  return t && !t.hidden && t.getBoundingClientRect().width > 0 ? t.innerText : null;
});

/** The centre of the first highlight of `kind` whose text is `text`, in viewport coordinates. */
const centreOf = (page, kind, text) => page.evaluate(([k, t]) => {
  const r = [...(CSS.highlights.get(`lede-${k}`) ?? [])].find((x) => x.toString() === t);
  if (!r) return null;
  const b = r.getClientRects()[0];
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
}, [kind, text]);

/** True when every wanted span is highlighted and no unwanted text is. */
function matches(got, c) {
  for (const k of Object.keys(c.want)) for (const t of c.want[k]) if (!got[k].includes(t)) return false;
  const all = KINDS.flatMap((k) => got[k]);
  return !c.not.some((t) => all.some((s) => s.includes(t)));
}

async function runPage(context, sw, base, name) {
  const c = CASES[name];
  const url = `${base}${name}.html`;
  const errors = [];
  const ref = await context.newPage();
  await ref.goto(`${url}?reference`);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => errors.push(`exception: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  await page.goto(`${url}?annotate`);
  await page.bringToFront();

  if (name === 'strict') {
    const blocked = await page.evaluate(async () => {
      try {
        await WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        return false;
      } catch {
        return true;
      }
    });
    check(blocked, 'the page itself cannot instantiate wasm (its CSP has no wasm-unsafe-eval)');
    errors.length = 0; // the CSP report of that probe
  }

  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, `${url}?annotate`);
  check(Number.isInteger(tabId), 'the service worker finds the tab');
  await sw.evaluate((t) => globalThis.lede.toggle(t), tabId);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('lede-annotator')?.dataset.state), null, { timeout: TIMEOUT });
  const st = await hostState(page);
  check(st.state === 'ready', 'the article is annotated', JSON.stringify(st));

  // Dynamic pages: wait for the page to settle, then for the extension to catch up.
  await page.waitForFunction(() => window.done === true, null, { timeout: TIMEOUT });
  await ref.waitForFunction(() => window.done === true, null, { timeout: TIMEOUT });
  let got = await highlights(page);
  const t0 = Date.now();
  while (!matches(got, c) && Date.now() - t0 < 10_000) {
    await page.waitForTimeout(100);
    got = await highlights(page);
  }
  for (const k of Object.keys(c.want)) {
    const missing = c.want[k].filter((t) => !got[k].includes(t));
    check(missing.length === 0, `${k}: ${c.want[k].join(' | ')} highlighted`, `missing ${JSON.stringify(missing)}; got ${JSON.stringify(got[k])}`);
  }
  const all = KINDS.flatMap((k) => got[k]);
  const wrong = c.not.filter((t) => all.some((s) => s.includes(t)));
  check(wrong.length === 0, `not highlighted: ${c.not.join(' | ') || '(nothing to avoid)'}`, `highlighted: ${JSON.stringify(wrong)}`);
  check(all.every((s) => s.trim().length > 0), 'no highlight is empty', JSON.stringify(got));

  if (name === 'rerender') {
    // Every highlight is still on the words it was made for (none left behind on changed text).
    const stale = await page.evaluate(() => {
      const text = document.getElementById('app').textContent;
      const out = [];
      for (const [, h] of CSS.highlights) for (const r of h) if (!r.startContainer.isConnected || !text.includes(r.toString())) out.push(r.toString());
      return out;
    });
    check(stale.length === 0, 'no highlight is left on removed or changed text', JSON.stringify(stale));
  }

  // Tooltip on hover.
  const person = c.want.person[0];
  const at = await centreOf(page, 'person', person);
  check(at !== null, `the highlight of ${person} has a box`);
  if (at) {
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => {
      const t = document.querySelector('lede-annotator')?.shadowRoot?.querySelector('[role="tooltip"]');
      return t && !t.hidden;
    }, null, { timeout: 5000 }).catch(() => {});
    const tip = await tooltip(page);
    check(tip !== null && /person/i.test(tip) && tip.includes(person), `hovering ${person} shows its tooltip`, String(tip));
    // The page's own click handler still fires on highlighted words.
    const before = await page.evaluate(() => window.clicks);
    await page.mouse.click(at.x, at.y);
    check((await page.evaluate(() => window.clicks)) === before + 1, "clicking a highlighted word fires the page's click handler");
    await page.mouse.move(2, 2);
    await page.waitForFunction(() => document.querySelector('lede-annotator').shadowRoot.querySelector('[role="tooltip"]').hidden, null, { timeout: 5000 }).catch(() => {});
    check((await tooltip(page)) === null, 'moving off the highlight hides its tooltip');
  }

  // Keyboard: the bar's Next button reaches the first annotation and shows its tooltip.
  await page.evaluate(() => document.querySelector('lede-annotator').shadowRoot.querySelector('button[data-go="1"]').focus());
  await page.keyboard.press('Enter');
  const ktip = await tooltip(page);
  check(ktip !== null && ktip.length > 0, 'the keyboard (Next) shows a tooltip', String(ktip));
  if (name !== 'plain') {
    mkdirSync(OUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUT_DIR, `extension-${name}.png`) });
  }
  const said = await page.evaluate(() => document.querySelector('lede-annotator').shadowRoot.querySelector('[aria-live]').textContent);
  check(ktip !== null && said.length > 0 && ktip.includes(said.split('; ')[1] ?? '\u0000'), 'the keyboard step is announced (a live region says the tooltip)', `${said} / ${ktip}`);
  await page.keyboard.press('Escape');

  // The page's DOM, outside the extension's host element, is the reference tab's.
  const [a, b] = [await dom(page), await dom(ref)];
  check(a === b, "the page's DOM is unchanged (outside the extension's host element)", `annotated:\n${a}\nreference:\n${b}`);
  check(errors.length === 0, 'no page errors', errors.join('\n'));

  if (name === 'rerender') {
    // An edit under a highlight drops it at once (before the debounced re-annotation), then the new text is annotated.
    const runs = (await hostState(page)).runs;
    const early = await page.evaluate(async () => {
      const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.data.includes('Anthony Albanese')) n.data = n.data.replace('Australian Prime Minister Anthony Albanese', 'New Zealand Prime Minister Chris Hipkins');
      }
      await new Promise((r) => setTimeout(r, 0));
      return [...(CSS.highlights.get('lede-person') ?? [])].map((r) => r.toString());
    });
    check(!early.some((t) => t.includes('Albanese') || t.includes('Chris Hip')), 'an edit under a highlight drops it at once', JSON.stringify(early));
    await page.waitForFunction((n) => Number(document.querySelector('lede-annotator').dataset.runs) > n, runs);
    const later = await highlights(page);
    check(later.person.includes('Chris Hipkins') && !later.person.includes('Anthony Albanese'), 'the edited text is annotated anew', JSON.stringify(later.person));
    // A re-render with the same text and new nodes: the highlights come back on the new nodes.
    const again = (await hostState(page)).runs;
    await page.evaluate(() => window.rerenderSame());
    await page.waitForFunction((n) => Number(document.querySelector('lede-annotator').dataset.runs) > n, again);
    const back = await highlights(page);
    const onNew = await page.evaluate(() => [...CSS.highlights.get('lede-person')].every((r) => r.startContainer.isConnected));
    check(same(back, later) && onNew, 'a re-render with the same text gets the same highlights on its new nodes', JSON.stringify(back));
  }

  if (name === 'plain') {
    mkdirSync(OUT_DIR, { recursive: true });
    const p = await centreOf(page, 'person', 'Emmanuel Macron');
    if (p) await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(OUT_DIR, 'extension-plain.png') });
    // A country inside a quote says whose quote it is, as on the page.
    const u = await centreOf(page, 'country', 'Ukraine');
    await page.mouse.move(u.x, u.y);
    await page.waitForFunction(() => /Ukraine/.test(document.querySelector('lede-annotator').shadowRoot.querySelector('[role="tooltip"]').textContent));
    const qtip = await tooltip(page);
    check(qtip?.includes('In a quote by Emmanuel Macron'), "a country's tooltip in a quote names the speaker", String(qtip));
    // The observer does not feed on its own work: a static page is annotated once.
    await page.waitForTimeout(1000);
    check((await hostState(page)).runs === 1, 'a static page is annotated once (no loop)', JSON.stringify(await hostState(page)));
    // A second toggle removes the annotation.
    await sw.evaluate((t) => globalThis.lede.toggle(t), tabId);
    await page.waitForFunction(() => document.querySelector('lede-annotator')?.dataset.state === 'off', null, { timeout: TIMEOUT });
    const gone = await highlights(page);
    check(KINDS.every((k) => gone[k].length === 0), 'toggling again removes every highlight');
  }
  await ref.close();
  await page.close();
}

/**
 * The popup's per-kind toggles (persisted in chrome.storage.local, applied to an annotated tab at once) and the
 * per-site "always annotate" (a content script registered for the site: a new visit is annotated without a click).
 */
async function settings(context, sw, base) {
  const id = new URL(sw.url()).host;
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const url = `${base}plain.html?settings`;
  await page.goto(url);
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  await sw.evaluate((t) => globalThis.lede.toggle(t), tabId);
  await page.waitForFunction(() => document.querySelector('lede-annotator')?.dataset.state === 'ready');
  const popup = await context.newPage();
  popup.setDefaultTimeout(TIMEOUT);
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.waitForSelector('input[data-kind="person"]:checked');
  await popup.click('input[data-kind="person"]');
  await page.waitForFunction(() => !CSS.highlights.has('lede-person') && CSS.highlights.has('lede-country'));
  const stored = await sw.evaluate(() => chrome.storage.local.get('kinds'));
  check(stored.kinds?.person === false, 'unticking People in the popup is stored', JSON.stringify(stored));
  ok('unticking People removes the person highlights and keeps the others');
  await popup.reload();
  check(!(await popup.isChecked('input[data-kind="person"]')), 'the popup shows the stored setting when opened again');
  await popup.click('input[data-kind="person"]');
  await page.waitForFunction(() => (CSS.highlights.get('lede-person')?.size ?? 0) > 0);
  ok('ticking People again brings the person highlights back');
  await popup.close();
  await page.close();

  const origin = new URL(base).origin;
  const granted = await sw.evaluate(async (o) => {
    await chrome.storage.local.set({ sites: { [o]: true } });
    return globalThis.lede.syncSites();
  }, origin);
  check(same(granted, [`${origin}/*`]), 'always annotate: the content script is registered for the site', JSON.stringify(granted));
  const visit = await context.newPage();
  visit.setDefaultTimeout(TIMEOUT);
  await visit.goto(`${base}noise.html?always`);
  await visit.waitForFunction(() => document.querySelector('lede-annotator')?.dataset.state === 'ready');
  const got = await highlights(visit);
  check(got.person.includes('Narendra Modi'), 'always annotate: a new visit is annotated without a click', JSON.stringify(got));
  await sw.evaluate(async () => {
    await chrome.storage.local.set({ sites: {} });
    return globalThis.lede.syncSites();
  });
  await visit.reload();
  await visit.waitForFunction(() => window.done === true);
  await visit.waitForTimeout(500);
  check((await visit.$('lede-annotator')) === null, 'always annotate off: the next visit is left alone');
  await visit.close();
}

async function main() {
  const wanted = process.argv.slice(2);
  for (const w of wanted) if (!(w in CASES) && w !== 'settings') throw new Error(`unknown page ${w}: expected one of ${Object.keys(CASES).join(', ')}`);
  for (const f of ['manifest.json', 'background.js', 'content.js', 'describe.js', 'pkg/lede_bg.wasm']) {
    if (!existsSync(join(EXT, f))) throw new Error(`${join(EXT, f)} is missing: run make extension`);
  }
  // A syntax error in a content script shows only as a timeout in the browser: say it here.
  execFileSync(process.execPath, ['--check', join(EXT, 'content.js')], { stdio: 'inherit' });
  const ext = testExtension();
  const profile = mkdtempSync(join(tmpdir(), 'lede-profile-'));
  const { server, url } = await servePages();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER,
    headless: true,
    viewport: { width: 1000, height: 700 },
    args: [...browserArgs(), `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  try {
    setSuite('load');
    const sw = context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ?? (await context.waitForEvent('serviceworker', { timeout: TIMEOUT }));
    check(sw.url().startsWith('chrome-extension://'), 'the extension is loaded and its service worker runs');
    const manifest = JSON.parse(readFileSync(join(EXT, 'manifest.json'), 'utf8'));
    check(same([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage']) && !manifest.host_permissions,
      'the built manifest asks only for activeTab, scripting and storage (no host or network permission)');
    const probe = await sw.evaluate(() => globalThis.lede.annotateText('French President Emmanuel Macron said 40 percent.'));
    check(probe.ok && probe.annotations.some((a) => a.kind === 'person' && a.tip?.heading === 'Emmanuel Macron'),
      'the service worker runs the wasm and describes the spans', JSON.stringify(probe).slice(0, 400));
    for (const name of wanted.length ? wanted : [...Object.keys(CASES), 'settings']) {
      setSuite(name);
      const t0 = Date.now();
      try {
        if (name === 'settings') await settings(context, sw, url);
        else await runPage(context, sw, url, name);
      } catch (e) {
        fail(`stopped: ${e.stack ?? e}`);
      }
      console.log(`---- ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await context.close();
    server.close();
    rmSync(ext, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

await runChecks('e2e-ext', main, 300_000, 'the extension tests');
