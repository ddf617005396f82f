// Writes the benchmark inputs of `make bench` to target/bench-inputs/ (or the directory given as the first argument).
// Deterministic: a fixed seed, so every run and every machine benchmarks the same bytes.
//
// news-1mb.txt, news-10mb.txt  invented news articles from sentence templates (names, countries, figures, quotes),
//                              each article different; the 10 MB set continues the same stream, so it reads the same
// article.txt                  a copy of benches/article.txt, a hand-written ~10 KB story
// nospace-1mb.txt              news text with every space and line break removed (one long run of glued tokens)
// quotes-1mb.txt               nothing but quotation marks of every style, in random order
// digits-1mb.txt               nothing but digits
// caps-1mb.txt                 capitalised words separated by single spaces, no punctuation (one endless "name")
// nested-1mb.txt               quotes nested ~60,000 deep (“ ‘ “ ‘ …), then closed
//
// Usage: node benches/gen.mjs [OUT_DIR]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../scripts/rng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'target', 'bench-inputs');
export const SEED = 20261128;
const MB = 1_000_000;

const rand = rng(SEED);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// The vocabulary: invented people, real countries (name, demonym, capital), and news-like phrases.
const FIRST = `Amara Olena Tomasz Ingrid Selim Farah Viktor Halyna Henrik Ruth Tarek Dmitri Liang Adaeze Pavlo Miriam Jonathan
  Eleni Serhiy Kwame Aisha Mateo Lucia Hiroshi Yuki Priya Arjun Fatima Omar Sofia Lars Anneke Pierre Camille Giulia Marco
  Nadia Youssef Chen Mei Ahmed Leila Carlos Ana Joao Beatriz Kofi Abena Ivan Katarzyna Nikolai Sipho Thandiwe Rahul Deepa
  Samuel Grace Hamid Zainab Mikael Astrid Diego Valentina Emre Elif Tariq Noor Benjamin Hannah`.split(/\s+/);
const LAST = `Okonkwo Hrytsenko Wierzbicki Haugen Karaoglu Siddiqui Melnyk Bondar Lindqvist Nyambura Mansour Vorontsov Weiming
  Mensah Shevchuk Castellanos Aldridge Papadaki Dovzhenko Asante Rahman Fernandez Moretti Tanaka Sato Sharma Iyer Haddad
  Khalil Rossi Jensen Visser Dubois Laurent Bianchi Conti Benali Zhang Wang Farouk Nasser Gomez Silva Pereira Boateng Owusu
  Petrov Nowak Kowalski Sokolov Dlamini Ndlovu Gupta Patel Ochieng Mwangi Karimi Hosseini Berg Nilsson Alvarez Torres Yilmaz
  Demir Qureshi Abbasi Cohen Levy`.split(/\s+/);
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Finance Minister', 'Defence Minister',
  'Health Minister', 'opposition leader', 'central bank governor', 'Senator', 'General', 'Ambassador', 'Mayor',
  'Trade Minister', 'Interior Minister', 'spokeswoman', 'spokesman', 'chief executive'];
const COUNTRIES = [
  ['Ukraine', 'Ukrainian', 'Kyiv'], ['Russia', 'Russian', 'Moscow'], ['France', 'French', 'Paris'],
  ['Germany', 'German', 'Berlin'], ['Japan', 'Japanese', 'Tokyo'], ['China', 'Chinese', 'Beijing'],
  ['India', 'Indian', 'New Delhi'], ['Brazil', 'Brazilian', 'Brasilia'], ['Nigeria', 'Nigerian', 'Abuja'],
  ['Kenya', 'Kenyan', 'Nairobi'], ['Egypt', 'Egyptian', 'Cairo'], ['Turkey', 'Turkish', 'Ankara'],
  ['Mexico', 'Mexican', 'Mexico City'], ['Canada', 'Canadian', 'Ottawa'], ['Australia', 'Australian', 'Canberra'],
  ['Indonesia', 'Indonesian', 'Jakarta'], ['Pakistan', 'Pakistani', 'Islamabad'], ['Iran', 'Iranian', 'Tehran'],
  ['Israel', 'Israeli', 'Jerusalem'], ['Poland', 'Polish', 'Warsaw'], ['Spain', 'Spanish', 'Madrid'],
  ['Italy', 'Italian', 'Rome'], ['Argentina', 'Argentine', 'Buenos Aires'], ['South Africa', 'South African', 'Pretoria'],
  ['Sweden', 'Swedish', 'Stockholm'], ['Norway', 'Norwegian', 'Oslo'], ['Greece', 'Greek', 'Athens'],
  ['Vietnam', 'Vietnamese', 'Hanoi'], ['the Philippines', 'Filipino', 'Manila'], ['Saudi Arabia', 'Saudi', 'Riyadh'],
  ['the United States', 'American', 'Washington'], ['Britain', 'British', 'London'], ['Ghana', 'Ghanaian', 'Accra'],
  ['Colombia', 'Colombian', 'Bogota'], ['Chile', 'Chilean', 'Santiago'], ['Morocco', 'Moroccan', 'Rabat'],
  ['Ethiopia', 'Ethiopian', 'Addis Ababa'], ['Bangladesh', 'Bangladeshi', 'Dhaka'], ['Qatar', 'Qatari', 'Doha'],
  ['Romania', 'Romanian', 'Bucharest'],
];
const TOPICS = ['trade deal', 'ceasefire', 'budget', 'election', 'pipeline project', 'grain corridor', 'debt talks',
  'climate pledge', 'arms package', 'fishing agreement', 'vaccine programme', 'railway contract', 'tariff dispute',
  'refugee plan', 'energy subsidy', 'mining licence', 'port expansion', 'peace plan', 'currency reform', 'tax bill'];
const THINGS = ['wheat', 'gas', 'oil', 'steel', 'cocoa', 'coffee', 'copper', 'fertiliser', 'solar panels', 'rice',
  'electric cars', 'lithium', 'cotton', 'timber', 'medicines'];
const UNITS = ['tonnes', 'barrels', 'cubic metres', 'containers', 'vehicles', 'doses', 'jobs', 'homes', 'hectares'];
const VERBS = ['said', 'told reporters', 'said on Tuesday', 'said in a statement', 'told parliament',
  'wrote on social media', 'said in an interview', 'added'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const CLAIMS = ['We will not sign anything that hurts our farmers', 'This is the best offer we have seen in years',
  'Nobody wins a trade war', 'The numbers simply do not add up', 'We are ready to talk, but not at any price',
  'Our door remains open', 'People are tired of promises', 'This was a difficult but necessary decision',
  'The markets have already made up their minds', 'We expect a decision within weeks',
  'Every delay costs lives', 'It is too early to say whether the plan will work',
  'Prices will fall, but not before the winter', 'We have done our part', 'That is simply not true',
  'History will judge us on what we build, not on what we block'];
const CURRENCIES = [['$', ''], ['€', ''], ['£', ''], ['', ' yen'], ['', ' rupees'], ['', ' rand']];

let used = [];
function person() {
  const p = { first: pick(FIRST), last: pick(LAST), title: pick(TITLES), country: pick(COUNTRIES) };
  used.push(p);
  return p;
}
const again = () => (used.length ? pick(used) : person());
const full = (p) => `${p.first} ${p.last}`;
const country = () => pick(COUNTRIES);
const money = () => {
  const [pre, post] = pick(CURRENCIES);
  return rand() < 0.5
    ? `${pre}${int(1, 999)}${rand() < 0.5 ? '.' + int(1, 9) : ''} ${pick(['million', 'billion'])}${post}`
    : `${pre}${int(1, 99)},${String(int(0, 999)).padStart(3, '0')}${post}`;
};
const pct = () => `${int(0, 60)}${rand() < 0.6 ? '.' + int(0, 9) : ''}${pick(['%', ' percent', ' per cent'])}`;
const count = () => (rand() < 0.5 ? `${int(2, 900)},${String(int(0, 999)).padStart(3, '0')}` : `${int(2, 99)}`);
const date = () => pick([`on ${pick(MONTHS)} ${int(1, 28)}`, `on ${pick(DAYS)}`, `in ${pick(MONTHS)} ${int(1990, 2026)}`,
  `last ${pick(DAYS)}`, `on ${int(1, 28)} ${pick(MONTHS)} ${int(2000, 2026)}`]);
const claim = () => {
  const c = pick(CLAIMS);
  const d = pick(CLAIMS);
  return rand() < 0.3 && d !== c ? `${c}. ${d}` : c;
};

// Sentence templates: each returns one sentence.
const SENTENCES = [
  () => { const p = person(), c = country(); return `${c[1]} ${p.title} ${full(p)} ${pick(VERBS)} that the ${pick(TOPICS)} with ${c[0] === 'Ukraine' ? 'Poland' : c[0]} would be signed ${date()}.`; },
  () => { const p = person(); return `“${claim()},” ${full(p)}, the ${p.country[1]} ${p.title.toLowerCase()}, ${pick(VERBS)}.`; },
  () => { const p = again(); return `"${claim()}," ${p.last} ${pick(VERBS)}.`; },
  () => { const p = person(); return `${full(p)} ${pick(VERBS)}: “${claim()}.”`; },
  () => { const c = country(); return `Exports of ${pick(THINGS)} from ${c[0]} rose ${pct()} in ${pick(MONTHS)} to ${count()} ${pick(UNITS)}, worth about ${money()}.`; },
  () => { const c = country(), d = country(); return `The ${c[1]} government has offered ${money()} in loans to ${d[0]}, according to officials in ${c[2]}.`; },
  () => `Inflation in ${country()[0]} slowed to ${pct()} ${date()}, the lowest since ${int(1995, 2024)}.`,
  () => { const c = country(); return `More than ${count()} people protested in ${c[2]} ${date()} against the ${pick(TOPICS)}.`; },
  () => { const p = again(), q = person(); return `${p.last} met ${q.title} ${full(q)} of ${q.country[0]} in ${pick(COUNTRIES)[2]} for ${int(2, 9)} hours.`; },
  () => `Analysts expect the ${pick(TOPICS)} to add ${pct()} to growth over ${pick(['two', 'three', 'five', 'ten'])} years.`,
  () => { const p = person(); return `Asked whether ${p.country[0]} would change course, ${full(p)} replied: "${claim()}. ${pick(CLAIMS)}."`; },
  () => { const p = again(); return `‘${claim()},’ ${p.last} told the ${pick(['BBC', 'Wire', 'Gazette', 'Herald'])} in ${pick(COUNTRIES)[2]}.`; },
  () => { const c = country(); return `Shares of ${c[1]} ${pick(THINGS)} producers fell ${pct()} after the announcement, wiping ${money()} off their value.`; },
  () => `The fund, worth ${money()}, will be managed from ${pick(COUNTRIES)[2]} and audited by ${pick(COUNTRIES)[1]} officials.`,
  () => { const p = person(); return `${full(p)}, ${int(31, 79)}, a former ${p.title.toLowerCase()}, said the plan was “${pick(['reckless', 'overdue', 'a good start', 'a trap', 'unworkable'])}” and that ${p.country[0]} “${claim().toLowerCase()}”.`; },
  () => `Officials from ${country()[0]}, ${country()[0]} and ${country()[0]} will meet again ${date()}.`,
  () => { const p = again(); return `He said: “${p.last === 'Cohen' ? 'We' : 'They'} told us, ‘${claim()}.’ We did not believe them.”`; },
  () => `About ${count()} ${pick(UNITS)} of ${pick(THINGS)} are stuck in ports in ${country()[0]}, traders said.`,
];

function paragraph() {
  const n = int(1, 3);
  const ss = [];
  for (let i = 0; i < n; i++) ss.push(pick(SENTENCES)());
  return ss.join(' ');
}

function article() {
  used = [];
  const c = country();
  const head = `${c[0]} ${pick(['weighs', 'rejects', 'backs', 'delays', 'signs', 'revives'])} ${pick(TOPICS)} as ${pick(THINGS)} prices ${pick(['climb', 'slide', 'swing', 'steady'])}`;
  const byline = `By ${full(person())}`;
  const dateline = `${c[2].toUpperCase()}, ${pick(MONTHS)} ${int(1, 28)} (Wire) — ${paragraph()}`;
  const paras = [head, byline, dateline];
  const n = int(6, 18);
  for (let i = 0; i < n; i++) paras.push(paragraph());
  return paras.join('\n\n') + '\n\n';
}

/** Articles until at least `bytes` bytes (UTF-8). */
function news(bytes) {
  const parts = [];
  let len = 0;
  while (len < bytes) {
    const a = article();
    parts.push(a);
    len += Buffer.byteLength(a);
  }
  return parts.join('');
}

/** The longest prefix of `text` of at most `bytes` bytes (UTF-8), cut between characters. */
function cut(text, bytes) {
  const b = Buffer.from(text, 'utf8');
  let n = Math.min(bytes, b.length);
  while (n > 0 && (b[n] & 0xc0) === 0x80) n--;
  return b.subarray(0, n).toString('utf8');
}

function fill(bytes, unit) {
  const parts = [];
  let len = 0;
  while (len < bytes) {
    const u = unit();
    parts.push(u);
    len += Buffer.byteLength(u);
  }
  return parts.join('');
}

mkdirSync(out, { recursive: true });
const inputs = {};
inputs['article.txt'] = readFileSync(join(root, 'benches', 'article.txt'), 'utf8');
inputs['news-1mb.txt'] = news(MB);
inputs['news-10mb.txt'] = news(10 * MB);
inputs['nospace-1mb.txt'] = cut(news(1.3 * MB).replace(/\s+/g, ''), MB);
const MARKS = ['"', "'", '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '`'];
inputs['quotes-1mb.txt'] = fill(MB, () => pick(MARKS));
inputs['digits-1mb.txt'] = fill(MB, () => String(int(0, 9)));
const CAPS = [...FIRST, ...LAST, ...COUNTRIES.map((c) => c[0].replace(/^the /, '')), ...TITLES.filter((t) => /^[A-Z]/.test(t))];
inputs['caps-1mb.txt'] = fill(MB, () => pick(CAPS) + ' ');
{
  // Quotes nested as deep as 1 MB allows, then all closed in reverse order.
  const open = [];
  const close = [];
  let len = 0;
  for (let d = 0; len < MB; d++) {
    const o = d % 2 ? `He said, ‘` : `She said, “`;
    const c = d % 2 ? ' ’' : ' ”';
    open.push(o);
    close.push(c);
    len += Buffer.byteLength(o) + Buffer.byteLength(c);
  }
  inputs['nested-1mb.txt'] = open.join('') + 'yes' + close.reverse().join('') + '\n';
}
for (const [name, text] of Object.entries(inputs)) writeFileSync(join(out, name), text);
console.error(`gen: wrote ${Object.keys(inputs).length} inputs to ${out} (seed ${SEED})`);
