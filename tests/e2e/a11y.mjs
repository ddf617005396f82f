// Safety and accessibility of the page as shipped:
//   - a strict CSP (scripts from self plus 'wasm-unsafe-eval', no 'unsafe-inline'), no inline script, style or event
//     handler in the markup, and no HTML parsing of strings in the page's scripts (innerHTML and friends);
//   - axe-core finds no serious or critical violation on the annotated sample, in light and in dark mode, with a
//     tooltip shown;
//   - screenshots of the annotated sample (light, dark, a tooltip) in target/e2e/, reported by name.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR, ROOT, check, open, ok, warn } from './lib.mjs';

const WWW = join(ROOT, 'www');

function staticChecks() {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const directive = (name) => new RegExp(`(?:^|;)\\s*${name}\\s+([^;]*)`).exec(csp)?.[1].trim().split(/\s+/) ?? null;
  const script = directive('script-src');
  check(script !== null && script.includes("'self'") && script.includes("'wasm-unsafe-eval'") && script.length === 2,
    `the CSP allows scripts from self plus 'wasm-unsafe-eval' only (${script?.join(' ')})`);
  check(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'") && directive('style-src')?.join(' ') === "'self'",
    "the CSP has no 'unsafe-inline' or 'unsafe-eval'; styles from self only");
  check(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html) && !/\sstyle=/i.test(html) && !/<style/i.test(html) && !/\son[a-z]+=/i.test(html),
    'index.html has no inline script, style element, style attribute or event handler attribute');
  const scripts = readdirSync(WWW).filter((f) => f.endsWith('.js'));
  const parsing = scripts.flatMap((f) => readFileSync(join(WWW, f), 'utf8').split('\n')
    .map((line, i) => [f, i + 1, line])
    .filter(([, , line]) => /innerHTML|outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|\beval\(|new Function|setAttribute\(\s*['"]style/.test(line) && !/^\s*\/\//.test(line)));
  check(parsing.length === 0, `the page's scripts (${scripts.join(', ')}) never parse strings as HTML or code`, parsing.map((p) => p.join(':')).join('\n'));
}

async function axe(page, label) {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, first: v.nodes[0]?.target?.join(' ') })));
  const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of found.filter((x) => !serious.includes(x))) warn(`axe (${label}) ${v.impact} ${v.id}: ${v.help} (${v.nodes})`);
  check(serious.length === 0, `axe-core (${label}): no serious or critical violation (${found.length} minor)`, JSON.stringify(serious, null, 2));
}

export default async function run({ browser, url }) {
  staticChecks();

  // Axe evaluates through DevTools, which the page's CSP does not govern.
  const { page, context, errors } = await open(browser, url);
  await axe(page, 'light');
  const shot = join(OUT_DIR, 'page.png');
  await page.screenshot({ path: shot });
  ok(`screenshot of the annotated sample: ${shot}`);
  await page.screenshot({ path: join(OUT_DIR, 'page-full.png'), fullPage: true });
  ok(`full-page screenshot: ${join(OUT_DIR, 'page-full.png')}`);

  const quote = await page.$('#view mark[data-kind="quote"] mark[data-kind="person"]') ?? await page.$('#view mark[data-kind="person"]');
  if (quote) {
    await quote.scrollIntoViewIfNeeded();
    await quote.hover();
    await page.waitForSelector('[role="tooltip"]:not([hidden])');
    await axe(page, 'light, tooltip shown');
    await page.screenshot({ path: join(OUT_DIR, 'page-tooltip.png') });
    ok(`screenshot with a tooltip: ${join(OUT_DIR, 'page-tooltip.png')}`);
    await page.mouse.move(1, 1);
  }

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await axe(page, 'dark');
  await page.screenshot({ path: join(OUT_DIR, 'page-dark.png') });
  ok(`dark-mode screenshot: ${join(OUT_DIR, 'page-dark.png')}`);

  // The four kinds stay apart without colour: each has its own underline style.
  const styles = await page.evaluate(() => Object.fromEntries(['person', 'country', 'figure', 'quote'].map((k) => {
    const m = document.createElement('mark');
    m.dataset.kind = k;
    document.getElementById('view').append(m);
    const s = getComputedStyle(m).borderBottomStyle;
    m.remove();
    return [k, s];
  })));
  check(new Set(Object.values(styles)).size === 4, `each kind has its own underline style: ${JSON.stringify(styles)}`);

  check(errors.length === 0, 'no console error, failed request, dialog or exception', errors.join('\n'));
  await context.close();
}
