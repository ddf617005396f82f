// Exports of an annotated text: the contract as JSON (exactly what `lede FILE` prints), and W3C Web Annotation JSON-LD
// (https://www.w3.org/TR/annotation-model/), one Annotation per span with a TextQuoteSelector (exact, prefix, suffix)
// and a TextPositionSelector. The contract counts UTF-16 code units; W3C positions count code points (Unicode
// characters), so offsets are converted here, in one pass over the text.

import { describe } from './describe.js';

/** How many code points of context a TextQuoteSelector carries on each side. */
export const CONTEXT = 32;

/** The contract as pretty JSON: {"version": 1, "annotations": [...], "entities": [...]}. */
export function contractJson(result) {
  return `${JSON.stringify({ version: result.version, annotations: result.annotations, entities: result.entities }, null, 2)}\n`;
}

/**
 * Converts UTF-16 offsets into `text` to code-point offsets, for many offsets at once: returns a Map from each offset
 * to its code-point count. An offset inside a surrogate pair counts the pair as one code point before it.
 * Linear in the text plus O(k log k) for k distinct offsets.
 */
export function codePointOffsets(text, offsets) {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map();
  let cp = 0;
  let i = 0;
  for (const w of wanted) {
    const stop = Math.max(0, Math.min(w, text.length));
    while (i < stop) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < stop) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      i++;
      cp++;
    }
    out.set(w, cp);
  }
  return out;
}

/** Moves a UTF-16 offset off the middle of a surrogate pair (towards `dir`: -1 earlier, +1 later). */
function snap(text, i, dir) {
  if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
  const c = text.charCodeAt(i);
  const p = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) return i + dir;
  return i;
}

/** Up to `n` code points of `text` before UTF-16 offset `at`. */
function before(text, at, n) {
  let i = at;
  for (let k = 0; k < n && i > 0; k++) i = snap(text, i - 1, -1);
  return text.slice(i, at);
}

/** Up to `n` code points of `text` after UTF-16 offset `at`. */
function after(text, at, n) {
  let i = at;
  for (let k = 0; k < n && i < text.length; k++) i = snap(text, i + 1, 1);
  return text.slice(at, i);
}

/** The SHA-256 of the text's UTF-8 as an RFC 6920 `ni:` URI, naming the annotated text as the target source. */
export async function textUri(text) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let bin = '';
  for (const b of digest) bin += String.fromCharCode(b);
  return `ni:///sha-256;${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/**
 * The annotations of `text` as a W3C Web Annotation collection (JSON-LD object). Each annotation has two bodies
 * (the kind, purpose "tagging"; what lede found, purpose "describing") and a target with a TextQuoteSelector and a
 * TextPositionSelector in code points. `source` names the text (default: its `ni:` SHA-256 URI).
 */
export async function webAnnotations(text, result, source) {
  const src = source ?? (await textUri(text));
  const anns = result.annotations;
  const offs = [];
  for (const a of anns) offs.push(a.start, a.end);
  const cp = codePointOffsets(text, offs);
  const items = anns.map((a, i) => {
    const d = describe(a, result);
    return {
      id: `${src}#lede-${i}`,
      type: 'Annotation',
      motivation: 'tagging',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: a.kind },
        { type: 'TextualBody', purpose: 'describing', value: [d.heading, ...d.lines].join('; '), format: 'text/plain' },
      ],
      target: {
        source: src,
        selector: [
          { type: 'TextQuoteSelector', exact: a.text, prefix: before(text, a.start, CONTEXT), suffix: after(text, a.end, CONTEXT) },
          { type: 'TextPositionSelector', start: cp.get(a.start), end: cp.get(a.end) },
        ],
      },
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${src}#lede`,
    type: 'AnnotationCollection',
    label: 'People, countries, figures and quotes found by lede',
    total: items.length,
    first: { id: `${src}#lede-page-0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** webAnnotations as pretty JSON text. */
export async function webAnnotationsJson(text, result, source) {
  return `${JSON.stringify(await webAnnotations(text, result, source), null, 2)}\n`;
}
