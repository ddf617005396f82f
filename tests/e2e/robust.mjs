// Bad input never breaks the page: empty text, whitespace only, binary garbage (NULs, control characters, lone
// surrogates), a 1 MB single line, unbalanced and runaway quotation marks, piles of combining marks. Each is shown
// exactly (or, when long, its first part, with a notice), the legend counts equal the CLI's, and nothing throws.

import { rng as random } from '../../scripts/rng.mjs';
import { check, cli, counts, legendCounts, open, paste, same } from './lib.mjs';

function garbage(n, seed, max) {
  const r = random(seed);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * max));
  return s;
}

const LINE = 'Russian President Vladimir Putin said Russia would pay “$5 billion” to Iran, ';

const INPUTS = [
  ['empty text', ''],
  ['whitespace only', ' \n\t \r\n  \u00a0\u2003\n'],
  ['binary garbage (bytes as Latin-1)', garbage(65_536, 1, 256)],
  ['binary garbage (any UTF-16 unit, lone surrogates too)', garbage(65_536, 2, 65_536)],
  ['a 1 MB single line', LINE.repeat(Math.ceil(1_048_576 / LINE.length))],
  ['unbalanced quotes', '“He said ‘yes, and "no" and « maybe, said Putin.\n”’»" Iran ” “ “ ‘ Russia\n'.repeat(200)],
  ['runaway quotation marks', '“'.repeat(20_000) + ' Putin ' + '"'.repeat(20_000)],
  ['combining marks', `Pu${'\u0301'.repeat(5000)}tin in Ir${'\u0308'.repeat(5000)}an said “hi”.`],
  ['lone surrogates around names', '\ud800Vladimir Putin\udfff visited \udbff\udc00Iran\ud83d.'],
];

export default async function run({ browser, url }) {
  const { page, context, errors } = await open(browser, url);
  for (const [name, pasted] of INPUTS) {
    await paste(page, pasted);
    // What the page annotates is the text area's value: a <textarea> turns CR LF and lone CR into LF.
    const text = await page.inputValue('textarea');
    check(text === pasted.replace(/\r\n?/g, '\n'), `${name}: the text area holds the pasted text (line breaks normalised)`);
    const state = await page.evaluate(() => document.body.dataset.state);
    const shown = await page.textContent('#view');
    const noticed = await page.isVisible('#notice');
    const exact = shown === text;
    const part = !exact && noticed && shown.length > 0 && text.startsWith(shown);
    check(state === 'ready' && (exact || part), `${name} (${text.length.toLocaleString('en-US')} units): ${exact ? 'shown exactly' : 'its first part shown, with a notice'}`,
      `state ${state}, shown ${shown.length} units, notice ${noticed}`);
    const want = counts(cli({ text }));
    const got = await legendCounts(page);
    check(same(got, want), `${name}: the legend counts equal the CLI's ${JSON.stringify(want)}`, JSON.stringify(got));
  }
  const status = await page.textContent('#status');
  check(!/could not/i.test(status), `the status has no error: ${JSON.stringify(status)}`);
  check(errors.length === 0, 'no console error, failed request, dialog or exception', errors.join('\n'));
  await context.close();
}
