// What the page says about an annotation, in words: the tooltip lines, the panel labels and the flags.
// Pure functions of an annotation and its result ({annotations, entities}, the contract of src/output.rs); no DOM here,
// so the tests can call them directly. Offsets are UTF-16 code units, as the wasm binding gives them.

/** The four kinds, in the order the page shows them, with their labels. */
export const KINDS = [
  { kind: 'person', label: 'People', one: 'person', many: 'people' },
  { kind: 'country', label: 'Countries', one: 'country', many: 'countries' },
  { kind: 'figure', label: 'Figures', one: 'figure', many: 'figures' },
  { kind: 'quote', label: 'Quotes', one: 'quote', many: 'quotes' },
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** The flag of an ISO 3166-1 alpha-2 code, as two regional-indicator symbols ("RU" → 🇷🇺); "" for anything else. */
export function flag(code) {
  if (typeof code !== 'string' || !/^[A-Za-z]{2}$/.test(code)) return '';
  const up = code.toUpperCase();
  return String.fromCodePoint(0x1f1e6 + up.charCodeAt(0) - 65, 0x1f1e6 + up.charCodeAt(1) - 65);
}

/** An ISO 8601 date of the contract ("2023-10-07", "2022-02", "2024") in words ("7 October 2023"); other text as is. */
export function formatDate(iso) {
  const m = /^(-?\d{1,6})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(iso));
  if (!m) return String(iso);
  const year = String(Number(m[1]));
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (m[2] && !month) return String(iso);
  if (!month) return year;
  return m[3] ? `${Number(m[3])} ${month} ${year}` : `${month} ${year}`;
}

/** A figure's normalised value in words: "1,700,000,000 USD", "40 percent", "5 years", "7 October 2023"; "" if none. */
export function formatValue(a) {
  const { value, unit } = a;
  if (value === undefined || value === null) return unit ? String(unit) : '';
  if (a.class === 'date' || typeof value === 'string') return formatDate(value);
  const n = typeof value === 'number' && Number.isFinite(value) ? NUMBER.format(value) : String(value);
  if (!unit) return n;
  if (a.class === 'duration' && value !== 1 && /^[a-z]+$/.test(unit)) return `${n} ${unit}s`;
  return `${n} ${unit}`;
}

/** The number of code points in a string (what a reader counts as characters, emoji flags aside). */
export function codePoints(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** The number of words in a string (runs of letters or digits). */
export function words(s) {
  return (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The entity an annotation refers to, if any. */
export function entityOf(a, result) {
  const i = a.kind === 'quote' ? a.speaker_entity : a.entity;
  return Number.isInteger(i) ? result.entities?.[i] : undefined;
}

/**
 * What a tooltip says about `a`: a heading and detail lines, all plain strings (the caller puts them in text nodes).
 *   person  → full name; title or role; mentions
 *   country → flag and name; ISO code; name or demonym; mentions
 *   figure  → class; normalised value
 *   quote   → speaker (or "speaker not named"); length
 */
export function describe(a, result) {
  const e = entityOf(a, result);
  switch (a.kind) {
    case 'person': {
      const lines = [a.title ? `Title or role: ${a.title}` : 'No title or role in the text'];
      if (e) lines.push(`Mentioned ${plural(e.mentions, 'time')}`);
      if (a.text !== a.name) lines.push(`Here as “${a.text}”`);
      return { kind: 'Person', heading: a.name, lines };
    }
    case 'country': {
      const f = flag(a.code);
      const lines = [`ISO code: ${a.code}`, a.form === 'demonym' ? `Demonym: “${a.text}”` : `Named: “${a.text}”`];
      if (e) lines.push(`Mentioned ${plural(e.mentions, 'time')}`);
      return { kind: 'Country', heading: f ? `${f} ${a.name}` : a.name, lines };
    }
    case 'figure': {
      const v = formatValue(a);
      return { kind: 'Figure', heading: a.class ? `${a.class[0].toUpperCase()}${a.class.slice(1)}` : 'Figure', lines: [v ? `Value: ${v}` : 'No normalised value'] };
    }
    case 'quote': {
      const len = `${plural(words(a.text), 'word')}, ${plural(codePoints(a.text), 'character')}`;
      return { kind: 'Quote', heading: a.speaker ? `Said by ${a.speaker}` : 'Speaker not named', lines: [len] };
    }
    default:
      return { kind: String(a.kind), heading: String(a.text ?? ''), lines: [] };
  }
}

/** A one-line description of `a` (the tooltip flattened), e.g. for the accessible name of a panel entry. */
export function summary(a, result) {
  const d = describe(a, result);
  return [`${d.kind}: ${d.heading}`, ...d.lines].join('; ');
}

/** Per kind, how many annotations `result` has: {person, country, figure, quote}. */
export function countKinds(annotations) {
  return stats(annotations, []).counts;
}

/**
 * What the page needs to know about a whole result, computed in one pass (by the worker, off the main thread):
 *   counts   annotations per kind
 *   named    quotes with a named speaker
 *   longest  the longest annotation, in UTF-16 units (bounds the search for the spans that meet a window)
 *   mentions per entity id, the indices of its annotations, in text order (Int32Array)
 */
export function stats(annotations, entities) {
  const counts = { person: 0, country: 0, figure: 0, quote: 0 };
  const sizes = new Array(entities.length).fill(0);
  let named = 0;
  let longest = 0;
  for (const a of annotations) {
    if (a.kind in counts) counts[a.kind]++;
    if (a.kind === 'quote' && a.speaker) named++;
    if (a.end - a.start > longest) longest = a.end - a.start;
    if ((a.kind === 'person' || a.kind === 'country') && a.entity >= 0 && a.entity < sizes.length) sizes[a.entity]++;
  }
  const mentions = sizes.map((n) => new Int32Array(n));
  const filled = new Array(entities.length).fill(0);
  annotations.forEach((a, i) => {
    if ((a.kind === 'person' || a.kind === 'country') && a.entity >= 0 && a.entity < sizes.length) mentions[a.entity][filled[a.entity]++] = i;
  });
  return { counts, named, longest, mentions };
}
