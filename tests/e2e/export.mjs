// Exports, on a text with non-BMP characters before its annotations (so UTF-16 and code points differ):
//   - "Download JSON" gives exactly the contract the CLI prints for the same text;
//   - "Download Web Annotations" gives a W3C Web Annotation collection whose TextPositionSelectors equal the CLI's
//     code-point offsets (--offsets chars) and whose TextQuoteSelectors (exact, prefix, suffix) match the text there;
//   - "Copy" puts the same text on the clipboard.

import { readFileSync } from 'node:fs';
import { EDITED, check, cli, open, paste, same, seedText } from './lib.mjs';

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

/** Checks a W3C export of `text` against the CLI's code-point offsets. */
function checkW3c(label, text, doc) {
  const ref = cli({ text }, 'chars');
  const cps = [...text];
  check(doc['@context'] === 'http://www.w3.org/ns/anno.jsonld' && doc.type === 'AnnotationCollection' && doc.id && doc.total === ref.annotations.length &&
    doc.first?.type === 'AnnotationPage' && doc.first.id && doc.first.items?.length === ref.annotations.length &&
    new Set(doc.first.items.map((x) => x.id)).size === ref.annotations.length,
  `${label}: a W3C AnnotationCollection of ${ref.annotations.length} annotations, each with its own id`);
  const bad = [];
  doc.first.items.forEach((item, i) => {
    const a = ref.annotations[i];
    const sels = item.target?.selector ?? [];
    const q = sels.find((x) => x.type === 'TextQuoteSelector');
    const p = sels.find((x) => x.type === 'TextPositionSelector');
    const problems = [];
    if (item.type !== 'Annotation' || !item.id || !item.target?.source) problems.push('not an Annotation with an id and a target source');
    if (!item.body?.some((b) => b.purpose === 'tagging' && b.value === a.kind)) problems.push('no tagging body with the kind');
    if (!p || p.start !== a.start || p.end !== a.end) problems.push(`position ${p?.start}-${p?.end}, CLI chars ${a.start}-${a.end}`);
    if (!q || q.exact !== a.text) problems.push(`exact ${JSON.stringify(q?.exact)}`);
    else {
      const prefix = [...q.prefix];
      const suffix = [...q.suffix];
      if (cps.slice(a.start - prefix.length, a.start).join('') !== q.prefix || (prefix.length < 32 && a.start > prefix.length)) problems.push(`prefix ${JSON.stringify(q.prefix)}`);
      if (cps.slice(a.end, a.end + suffix.length).join('') !== q.suffix || (suffix.length < 32 && cps.length - a.end > suffix.length)) problems.push(`suffix ${JSON.stringify(q.suffix)}`);
    }
    if (problems.length) bad.push(`#${i} ${a.kind} ${JSON.stringify(a.text)}: ${problems.join('; ')}`);
  });
  check(bad.length === 0, `${label}: every TextPositionSelector counts code points as the CLI does, and every TextQuoteSelector matches`, bad.slice(0, 10).join('\n'));
}

export default async function run({ browser, url }) {
  const { page, context, errors } = await open(browser, url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });

  for (const [label, text] of [['the edited text', `${EDITED}“Ç’est 😀 la vie,” Merkel said of 🇩🇪 Germany.\n`], ['the seed', seedText()]]) {
    await paste(page, text);
    const json = await download(page, '#download-json');
    const want = cli({ text });
    check(json.name === 'lede.json' && same(JSON.parse(json.text), want), `${label}: the JSON download (${json.name}) is the CLI's output for the text`);
    const w3c = await download(page, '#download-w3c');
    check(w3c.name === 'lede.jsonld', `${label}: the Web Annotation download is ${w3c.name}`);
    const doc = JSON.parse(w3c.text);
    checkW3c(label, text, doc);
    if (label === 'the seed') {
      await page.click('#copy-json');
      await page.waitForFunction(() => /Copied|Could not copy/.test(document.getElementById('status').textContent));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      check(copied === json.text, 'Copy JSON puts the same JSON on the clipboard');
      await page.click('#copy-w3c');
      await page.waitForFunction(() => /Copied the Web|Could not copy the Web/.test(document.getElementById('status').textContent));
      const copiedW3c = await page.evaluate(() => navigator.clipboard.readText());
      check(copiedW3c === w3c.text, 'Copy Web Annotations puts the same JSON-LD on the clipboard');
      const src = doc.first.items[0]?.target.source ?? '';
      check(/^ni:\/\/\/sha-256;[A-Za-z0-9_-]{43}$/.test(src), `the target source names the text by its SHA-256 (${src})`);
    }
  }

  // The offset conversion alone, on surrogate pairs, lone surrogates and both ends.
  const conv = await page.evaluate(async () => {
    const { codePointOffsets } = await import('/export.js');
    const text = 'a😀b\ud800c🇺🇸';
    const m = codePointOffsets(text, [0, 1, 3, 4, 5, 6, 10, 99]);
    return [...m.entries()];
  });
  check(same(conv, [[0, 0], [1, 1], [3, 2], [4, 3], [5, 4], [6, 5], [10, 7], [99, 7]]), 'UTF-16 → code point conversion', JSON.stringify(conv));

  check(errors.length === 0, 'no console error, failed request, dialog or exception', errors.join('\n'));
  await context.close();
}
