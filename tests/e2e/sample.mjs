// The sample article: loaded and annotated at once, exactly as the CLI annotates tests/fixtures/seed.txt; the legend
// counts and toggles; spans inside quotes stay inside the quote's mark; the panel steps through mentions; the renderer
// keeps the text exact on nested and crossing spans.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SEED_PATH, check, cli, counts, legendCounts, open, pageRows, rows, same, seedText, tooltip, warn } from './lib.mjs';

export default async function run({ browser, url }) {
  const seed = seedText();
  check(readFileSync(join(ROOT, 'www', 'sample.txt'), 'utf8') === seed, 'www/sample.txt is the seed article');
  const wasmType = (await fetch(new URL('pkg/lede_bg.wasm', url))).headers.get('content-type');
  check(wasmType === 'application/wasm', 'the .wasm is served as application/wasm', wasmType);

  const { page, context, errors } = await open(browser, url);
  check((await page.locator('textarea').count()) === 1, 'the page has one <textarea>');
  check((await page.inputValue('textarea')) === seed, 'the textarea holds the sample article');
  check((await page.textContent('#view')) === seed, 'the rendered text is exactly the article');

  const ref = cli({ path: SEED_PATH });
  if (ref.annotations.length === 0) warn('the CLI finds no annotation in the seed article: are the recognisers stubs?');
  const { rows: got, problems } = await pageRows(page);
  check(problems.length === 0, 'every highlight has data-kind, data-i, data-start and data-end', problems.join('\n'));
  check(same(got, rows(ref)), `the page's ${got.length} highlights of the seed equal the CLI's ${ref.annotations.length}`,
    `page: ${JSON.stringify(got)}\ncli:  ${JSON.stringify(rows(ref))}`);
  const kinds = await page.$$eval('#view mark', (ms) => [...new Set(ms.map((m) => m.dataset.kind))]);
  check(kinds.every((k) => ['person', 'country', 'figure', 'quote'].includes(k)), `highlight kinds are the four (${kinds.join(', ')})`);
  const nonMarks = await page.$$eval('[data-kind]', (els) => els.filter((e) => e.tagName !== 'MARK' || !e.closest('#view')).length);
  check(nonMarks === 0, 'only highlights carry data-kind');

  // Legend: counts per kind equal the CLI's; a toggle hides and shows its kind.
  const legend = await legendCounts(page);
  check(same(legend, counts(ref)), `the legend's counts equal the CLI's: ${JSON.stringify(legend)}`, JSON.stringify(counts(ref)));
  const bg = () => page.$eval('#view mark[data-kind="country"]', (m) => getComputedStyle(m).backgroundColor);
  if (ref.annotations.some((a) => a.kind === 'country')) {
    const before = await bg();
    await page.click('#legend button[data-legend="country"]');
    check((await page.getAttribute('#legend button[data-legend="country"]', 'aria-pressed')) === 'false', 'a legend toggle is a pressed/unpressed button');
    const off = await bg();
    check(off === 'rgba(0, 0, 0, 0)' && before !== off, `toggling countries off clears their highlight (${before} → ${off})`);
    await page.click('#legend button[data-legend="country"]');
    check((await bg()) === before, 'toggling countries on restores it');
  }

  // Nesting: every span inside a quote is rendered inside that quote's mark.
  const quotes = ref.annotations.filter((a) => a.kind === 'quote');
  const inner = ref.annotations.filter((a) => a.kind !== 'quote' && quotes.some((q) => q.start <= a.start && a.end <= q.end));
  const nested = await page.$$eval('#view mark[data-kind="quote"] mark', (ms) => ms.map((m) => `${m.dataset.kind} ${m.dataset.start}`));
  const missing = inner.filter((a) => !nested.includes(`${a.kind} ${a.start}`));
  if (inner.length === 0) warn('no span inside a quote in the seed: nesting checked by the renderer test only');
  else check(missing.length === 0, `the ${inner.length} spans inside quotes are nested in the quote's mark`, JSON.stringify(missing));

  // Side panel: people by mentions; an entry steps through its mentions and explains each.
  const people = ref.entities.filter((e) => e.kind === 'person').sort((a, b) => b.mentions - a.mentions);
  const entries = await page.$$eval('#list-person button.entry', (bs) => bs.map((b) => [b.querySelector('.entry-label').textContent, Number(b.querySelector('.count').textContent)]));
  check(entries.length === people.length, `the panel lists the ${people.length} people`);
  check(entries.every((e, i) => i === 0 || entries[i - 1][1] >= e[1]), 'people are listed by mentions, most first');
  if (people.length > 0 && people[0].mentions > 1) {
    const top = people[0];
    const mentions = ref.annotations.map((a, i) => [a, i]).filter(([a]) => a.kind === 'person' && a.entity === top.id).map(([, i]) => i);
    const button = page.locator('#list-person button.entry').first();
    const seen = [];
    for (let k = 0; k < 2; k++) {
      await button.click();
      await page.waitForFunction((want) => document.querySelector('#view mark.current')?.dataset.i === String(want), mentions[k]).catch(() => {});
      seen.push(await page.$eval('#view mark.current', (m) => Number(m.dataset.i)));
    }
    check(same(seen, mentions.slice(0, 2)), `the entry for ${top.name} steps through its mentions`, `${JSON.stringify(seen)} vs ${JSON.stringify(mentions)}`);
    check((await button.locator('.step').textContent()) === `2/${mentions.length}`, 'the entry says which mention it shows');
    const tip = await tooltip(page);
    check(tip !== null && tip.includes(top.name), `the mention shown has its tooltip: ${JSON.stringify(tip)}`);
    const inView = await page.$eval('#view mark.current', (m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    check(inView, 'the mention shown is scrolled into view');
  }

  // The renderer alone, on nested and crossing spans (independent of what the recognisers find).
  const synthetic = await page.evaluate(async () => {
    const { render } = await import('/render.js');
    const text = '😀 “Ab 🇺🇸 Cd,” said Ef Gh.';
    const span = (kind, s) => {
      const start = text.indexOf(s);
      return { kind, start, end: start + s.length, text: s };
    };
    const anns = [span('quote', '“Ab 🇺🇸 Cd,”'), span('person', 'Ab'), span('country', '🇺🇸'), span('person', 'Cd,” said'), span('person', 'Ef Gh')];
    const div = document.createElement('div');
    render(div, text, anns);
    const marks = [...div.querySelectorAll('mark')].map((m) => [m.dataset.kind, m.dataset.part ?? '', m.textContent]);
    const part = document.createElement('div');
    render(part, text, anns, text.indexOf('Cd'), text.indexOf('Gh'));
    const cut = [...part.querySelectorAll('mark')].map((m) => [m.dataset.kind, m.dataset.part ?? '', m.textContent]);
    return { same: div.textContent === text, marks, nestedInQuote: div.querySelectorAll('mark[data-kind=quote] mark').length, part: part.textContent, cut };
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
  check(synthetic.part === 'Cd,” said Ef ' && same(synthetic.cut, [['quote', 'rest', 'Cd,”'], ['person', '', 'Cd,”'], ['person', 'rest', ' said'], ['person', '', 'Ef ']]),
    'render() of a window clips the spans at its edges', JSON.stringify(synthetic));

  check(errors.length === 0, 'no console error, failed request, dialog or exception', errors.join('\n'));
  await context.close();
}
