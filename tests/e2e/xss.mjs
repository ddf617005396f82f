// Pasted text is data: markup, scripts, event handlers and javascript: links pasted into the page come out as text.
// No dialog opens, no request is made for them, and no element is created from them, in the article, the panel or
// the tooltips (each highlight is hovered and each panel entry pressed, so every place text is written is exercised).

import { check, open, paste } from './lib.mjs';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '<a href="javascript:alert(3)">Vladimir Putin</a>',
  '<svg onload=alert(4)><circle r=9 /></svg>',
  '<iframe srcdoc="<script>alert(5)</script>"></iframe>',
  '"><img src=x onerror=alert(6)>',
  "'-alert(7)-'",
  '<style>body{display:none}</style><b>bold</b>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(8)>',
  'javascript:alert(9)',
  '{{constructor.constructor("alert(10)")()}}',
  '<object data="javascript:alert(11)"></object><embed src="x.svg">',
];

/** An article wrapping the payloads in and around things lede highlights, so they land in marks, tooltips and the panel. */
const ARTICLE = PAYLOADS.map((p, i) =>
  `Russian President Vladimir Putin${i % 2 ? p : ''} said “${p} is fine,” in Russia${i % 2 ? '' : p}. ` +
  `<b>Iran</b>'s President Masoud Pezeshkian said: “${p}”\n`).join('') +
  'An unbalanced <img src=x onerror=alert(12) and “<script>alert(13)';

export default async function run({ browser, url }) {
  const { page, context, errors, requests } = await open(browser, url);
  const outside = () => page.evaluate(() => document.body.querySelectorAll(':not(#view *):not(#view):not(aside *):not([role="tooltip"] *)').length);
  const before = await outside();
  for (const p of [...PAYLOADS, ARTICLE]) {
    await paste(page, p);
    const shown = await page.textContent('#view');
    const extra = await page.$$eval('#view *', (els) => els.filter((e) => e.tagName !== 'MARK').map((e) => e.tagName));
    check(shown === p && extra.length === 0, `shown as text: ${JSON.stringify(p.slice(0, 60))}`, `view: ${JSON.stringify(shown.slice(0, 200))}; elements: ${extra}`);
  }
  // Every tooltip and every panel entry of the article.
  const marks = await page.$$eval('#view mark', (ms) => ms.map((m) => m.dataset.i));
  for (const i of marks) await page.hover(`#view mark[data-i="${i}"]`, { force: true });
  const entries = await page.locator('aside button.entry').count();
  for (let k = 0; k < entries; k++) await page.locator('aside button.entry').nth(k).click();
  const tipText = await page.textContent('[role="tooltip"]');
  check(marks.length > 0 && entries > 0, `the payload article has highlights (${marks.length}) and panel entries (${entries}) to exercise`);

  const dangerous = await page.evaluate(() => [...document.body.querySelectorAll('img, script, svg, iframe, object, embed, style, math, table, b, a:not(.skip)')]
    .map((e) => e.outerHTML.slice(0, 80)));
  check(dangerous.length === 0, 'no element was created from the pasted markup', dangerous.join('\n'));
  const now = await outside();
  check(now === before, `outside the article, the panel and the tooltip, the page has the elements it started with (${before} → ${now})`);
  check(tipText !== null, 'the tooltips were shown');
  const fetched = requests.filter((r) => !/\/(index\.html|main\.js|render\.js|describe\.js|export\.js|worker\.js|style\.css|favicon\.svg|sample\.txt|pkg\/lede\.js|pkg\/lede_bg\.wasm|pkg\/snippets\/lede-[0-9a-f]+\/inline0\.js)?$/.test(new URL(r).pathname));
  check(fetched.length === 0, 'no request was made for anything in the pasted text', fetched.join('\n'));
  check(await page.evaluate(() => document.body.style.display !== 'none' && getComputedStyle(document.body).display !== 'none'), 'pasted styles do not apply');
  check(errors.length === 0, 'no dialog, console error, failed request or exception', errors.join('\n'));
  await context.close();
}
