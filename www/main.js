// lede's page: the text area, the highlighted article, the legend, the tooltips, the side panel and the exports.
//
// The wasm annotator runs in a module worker (worker.js), so the page keeps answering while a book is annotated; the
// article view renders at most WINDOW code units at a time, and the panel lists at most LIST_MAX entries per kind.
// Everything the input contributes goes in as text nodes (never innerHTML), so any text is safe to paste.
// Offsets from the annotator count UTF-16 code units: they index a JavaScript string directly.
//
// For tests and tools, <body> says where the page is: data-state="loading" | "busy" | "ready" | "error", and
// data-job, the number of the last annotation shown (it grows with every run).

import { KINDS, describe, flag, formatValue, stats } from './describe.js';
import { contractJson, webAnnotationsJson } from './export.js';
import { parts, render, windowAround } from './render.js';

/** The most UTF-16 units of text the article view renders at once. */
const WINDOW = 200_000;
/** The view renders its window in blocks of about this many units, one task each. */
const PART = 16_000;
/** The most entries a panel section lists. */
const LIST_MAX = 200;
/** How long the text must stay still before it is annotated again. */
const DEBOUNCE_MS = 150;
/** Texts longer than this are cancelled (the worker restarted) when a newer text arrives. */
const CANCEL_OVER = 100_000;
/** Texts longer than this are not rendered in the text area (see largeMode). */
const LARGE = 1_000_000;
/** A job that takes longer than this shows its progress and elapsed time. */
const SHOW_PROGRESS_MS = 250;

const $ = (id) => document.getElementById(id);
const input = $('input');
const view = $('view');
const statusEl = $('status');
const elapsedEl = $('elapsed');
const progress = $('progress');
const tip = $('tip');
const notice = $('notice');
const legend = $('legend');

/** What is on screen: the annotated text, its result, and indexes into it. */
const state = {
  text: '',
  result: { version: 1, annotations: [], entities: [] },
  /** describe.js's stats() of the result: counts, named quotes, the longest span, mentions per entity */
  stats: stats([], []),
  /** the rendered window of the text */
  window: { from: 0, to: 0 },
  marks: [],
  /** annotation index → its first mark in the view */
  markOf: new Map(),
  hidden: new Set(),
  /** panel entry key → the mention it showed last */
  steps: new Map(),
};

// ---------------------------------------------------------------------------------------------------------------------
// Annotation in the worker

let worker = null;
let job = null;
let jobs = 0;
let debounce = 0;
let ticker = 0;
/** Why the worker cannot work (it failed to load), if it cannot. */
let broken = '';

function startWorker() {
  broken = '';
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (e) => onMessage(e.data);
  worker.onerror = (e) => {
    e.preventDefault?.();
    broken = e.message || 'the annotation worker failed to load';
    if (job) failed(job, broken);
  };
}

/** A fresh worker: after an error the wasm instance may be left in a bad state. */
function restartWorker() {
  worker.terminate();
  startWorker();
}

const size = (n) => (n < 1e6 ? `${(n / 1e3).toFixed(n < 1e4 ? 1 : 0)} k characters` : `${(n / 1e6).toFixed(1)} M characters`);

/** Starts annotating `text`, dropping (or, when long, cancelling) the job before it. */
function annotate(text) {
  clearTimeout(debounce);
  if (job) {
    clearInterval(ticker);
    if (job.text.length > CANCEL_OVER) restartWorker();
  }
  const id = ++jobs;
  job = { id, text, t0: performance.now(), annotations: [] };
  document.body.dataset.state = 'busy';
  const j = job;
  ticker = setInterval(() => tick(j), 250);
  if (broken) restartWorker();
  worker.postMessage({ type: 'annotate', id, text });
}

/** Shows a long job's elapsed time and progress. */
function tick(j) {
  if (j !== job) return;
  const s = (performance.now() - j.t0) / 1000;
  if (s * 1000 < SHOW_PROGRESS_MS) return;
  if (progress.hidden) {
    progress.hidden = false;
    view.classList.add('stale');
    $('panel').classList.add('stale');
    statusEl.textContent = `Annotating ${size(j.text.length)}…`;
  }
  elapsedEl.textContent = `${s.toFixed(1)} s`;
}

function onMessage(m) {
  if (!job || !m || m.id !== job.id) return;
  switch (m.type) {
    case 'chunk':
      for (const a of m.annotations) job.annotations.push(a);
      progress.max = m.total;
      progress.value = m.done;
      worker.postMessage({ type: 'next', id: m.id });
      break;
    case 'done': {
      const j = job;
      finished(j, { version: m.version, annotations: j.annotations, entities: m.entities }, m.stats, m.ms).catch((e) => failed(j, e?.message ?? e));
      break;
    }
    case 'error':
      failed(job, m.message);
      restartWorker();
      break;
    default:
  }
}

function endJob() {
  clearInterval(ticker);
  job = null;
  progress.hidden = true;
  progress.removeAttribute('value');
  view.classList.remove('stale');
  $('panel').classList.remove('stale');
  elapsedEl.textContent = '';
}

function failed(j, message) {
  if (j !== job) return;
  endJob();
  statusEl.textContent = `Could not annotate the text: ${message}`;
  document.body.dataset.state = 'error';
}

async function finished(j, result, st, ms) {
  await show(j.text, result, st ?? stats(result.annotations, result.entities));
  if (j !== job) return;
  const total = performance.now() - j.t0;
  endJob();
  const c = state.stats.counts;
  const n = result.annotations.length;
  statusEl.textContent = j.text.trim() === ''
    ? 'No text to annotate: paste an article above.'
    : `${n} highlight${n === 1 ? '' : 's'}: ${KINDS.map((k) => `${c[k.kind]} ${c[k.kind] === 1 ? k.one : k.many}`).join(', ')}` +
      ` (${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}${total > 1000 ? `, ${(total / 1000).toFixed(1)} s in all` : ''}).`;
  document.body.dataset.job = String(j.id);
  document.body.dataset.state = 'ready';
}

// ---------------------------------------------------------------------------------------------------------------------
// Showing a result

/** Makes an element with a class and text (text nodes only). */
function el(tag, cls, ...children) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.append(...children.filter((c) => c !== undefined && c !== null && c !== ''));
  return e;
}

/** Shows `result` (with its `st`ats) for `text`: legend counts, overview, panel and the first part of the text. */
function show(text, result, st) {
  hideTip();
  state.text = text;
  state.result = result;
  state.stats = st;
  state.steps.clear();
  const { counts } = st;
  for (const b of legend.querySelectorAll('button[data-legend]')) {
    b.querySelector('.count').textContent = String(counts[b.dataset.legend]);
  }
  renderOverview(result, counts);
  renderPanel(result);
  return renderWindow(windowAround(text, 0, WINDOW));
}

let renders = 0;

/**
 * Renders the part `w` of the text into the view, PART units at a time: the first part at once, the others in later
 * tasks, each in its own block (so the page answers between them and lays out only what is new). Resolves when all
 * of `w` is shown, or when a newer render replaces this one. Says which part of the text it is when not the whole.
 */
async function renderWindow(w) {
  const gen = ++renders;
  state.window = w;
  state.marks = [];
  state.markOf = new Map();
  const whole = w.from === 0 && w.to === state.text.length;
  notice.hidden = whole;
  if (!whole) {
    $('notice-text').textContent = `This text is long (${size(state.text.length)}): showing characters ` +
      `${w.from.toLocaleString('en-US')} to ${w.to.toLocaleString('en-US')}. The counts, the panel and the exports cover the whole text; ` +
      'choosing an entry in the panel shows its part.';
    $('prev-part').disabled = w.from === 0;
    $('next-part').disabled = w.to >= state.text.length;
  }
  const anns = state.result.annotations;
  // The spans that meet the window: they start at most `longest` before it (annotations are sorted by start).
  let lo = 0;
  let hi = anns.length;
  const first = w.from - state.stats.longest;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (anns[mid].start < first) lo = mid + 1;
    else hi = mid;
  }
  const meeting = [];
  for (let i = lo; i < anns.length && anns[i].start < w.to; i++) if (anns[i].end > w.from) meeting.push(i);
  const blocks = parts(state.text, w.from, w.to, PART);
  if (blocks.length <= 1) {
    addMarks(render(view, state.text, anns, w.from, w.to, meeting));
    return;
  }
  view.replaceChildren();
  let k = 0;
  let carry = [];
  for (let b = 0; b < blocks.length; b++) {
    if (b > 0) {
      await new Promise((ok) => setTimeout(ok, 0));
      if (gen !== renders) return;
    }
    const [from, to] = blocks[b];
    const here = carry.filter((i) => anns[i].end > from);
    while (k < meeting.length && anns[meeting[k]].start < to) here.push(meeting[k++]);
    carry = here.filter((i) => anns[i].end > to);
    const div = el('div', 'part');
    const marks = render(div, state.text, anns, from, to, here);
    view.append(div);
    // Lay the new block out now, in this task, so that no frame has to lay out many blocks at once.
    void div.offsetHeight;
    addMarks(marks);
  }
}

/** Records newly rendered marks; the first shown one becomes the article's tab stop. */
function addMarks(marks) {
  const had = state.marks.some((m) => m.tabIndex === 0);
  for (const m of marks) {
    state.marks.push(m);
    const i = Number(m.dataset.i);
    if (!state.markOf.has(i)) state.markOf.set(i, m);
  }
  if (!had) {
    const first = marks.find(visible);
    if (first) first.tabIndex = 0;
  }
}

const visible = (m) => !state.hidden.has(m.dataset.kind);

function renderOverview(result, counts) {
  const box = $('overview');
  if (result.annotations.length === 0) {
    box.replaceChildren(state.text.trim() === '' ? 'Nothing to annotate yet: paste an article.' : 'No people, countries, figures or quotes found.');
    return;
  }
  const top = (kind) => result.entities.filter((e) => e.kind === kind).sort((a, b) => b.mentions - a.mentions).slice(0, 3);
  const parts = [];
  const people = top('person');
  if (people.length) parts.push(el('span', null, 'Mostly about ', el('strong', null, people.map((e) => `${e.name} (${e.mentions})`).join(', '))));
  const countries = top('country');
  if (countries.length) {
    parts.push(el('span', null, 'Countries: ', el('strong', null, countries.map((e) => `${flag(e.code)} ${e.name} (${e.mentions})`).join(', '))));
  }
  const { named } = state.stats;
  parts.push(el('span', null, `${counts.quote} quote${counts.quote === 1 ? '' : 's'}${counts.quote ? ` (${named} with a named speaker)` : ''}, ` +
    `${counts.figure} figure${counts.figure === 1 ? '' : 's'}.`));
  box.replaceChildren(...parts.flatMap((p, i) => (i ? [' ', p] : [p])));
}

/** A panel entry: a button that steps through `indices` (annotation indices) on each press. */
function entry(key, indices, label, detail, count) {
  const b = el('button', 'entry', el('span', 'entry-label', label), el('span', 'entry-detail', detail), count === undefined ? '' : el('span', 'count', String(count)), el('span', 'step'));
  b.type = 'button';
  b.dataset.entry = key;
  b.addEventListener('click', () => step(b, key, indices));
  return el('li', null, b);
}

const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function renderPanel(result) {
  const anns = result.annotations;
  const lists = { person: [], country: [], figure: [], quote: [] };
  const { mentions, counts } = state.stats;
  const totals = { person: 0, country: 0, figure: counts.figure, quote: counts.quote };
  const ents = result.entities.filter((e) => mentions[e.id]?.length > 0).sort((a, b) => b.mentions - a.mentions || a.id - b.id);
  for (const e of ents) {
    totals[e.kind]++;
    if (lists[e.kind].length >= LIST_MAX) continue;
    const idx = mentions[e.id];
    const label = e.kind === 'country' ? `${flag(e.code)} ${e.name}` : e.name;
    lists[e.kind].push(entry(`entity-${e.id}`, idx, label, e.kind === 'person' ? e.title ?? '' : e.code ?? '', idx.length));
  }
  // Figures and quotes in text order, until both lists are full or all are seen.
  const wanted = { figure: Math.min(LIST_MAX, counts.figure), quote: Math.min(LIST_MAX, counts.quote) };
  for (let i = 0; i < anns.length && (lists.figure.length < wanted.figure || lists.quote.length < wanted.quote); i++) {
    const a = anns[i];
    if (a.kind !== 'figure' && a.kind !== 'quote') continue;
    if (lists[a.kind].length >= LIST_MAX) continue;
    if (a.kind === 'figure') {
      const v = formatValue(a);
      lists.figure.push(entry(`ann-${i}`, [i], clip(a.text, 60), v ? `${a.class}: ${v}` : a.class));
    } else {
      lists.quote.push(entry(`ann-${i}`, [i], clip(a.text, 90), a.speaker ? `— ${a.speaker}` : '— speaker not named'));
    }
  }
  for (const { kind, many } of KINDS) {
    const ul = $(`list-${kind}`);
    const items = lists[kind];
    if (items.length === 0) items.push(el('li', 'none', `No ${many} found.`));
    else if (totals[kind] > items.length) items.push(el('li', 'none', `… and ${totals[kind] - items.length} more.`));
    ul.replaceChildren(...items);
  }
}

/** Shows the next of `indices` in the view: scrolls to it, marks it as current and shows its tooltip. */
async function step(button, key, indices) {
  if (indices.length === 0) return;
  const k = ((state.steps.get(key) ?? -1) + 1) % indices.length;
  state.steps.set(key, k);
  const i = indices[k];
  const a = state.result.annotations[i];
  if (!a) return;
  if (a.start < state.window.from || a.start >= state.window.to) await renderWindow(windowAround(state.text, a.start, WINDOW));
  if (state.hidden.has(a.kind)) toggleKind(a.kind);
  const m = state.markOf.get(i);
  if (!m) return;
  for (const c of view.querySelectorAll('mark.current')) c.classList.remove('current');
  m.classList.add('current');
  setRover(m);
  m.scrollIntoView({ block: 'center', inline: 'nearest' });
  showTip(m);
  button.querySelector('.step').textContent = indices.length > 1 ? `${k + 1}/${indices.length}` : '';
}

function toggleKind(kind) {
  const on = state.hidden.has(kind);
  if (on) state.hidden.delete(kind);
  else state.hidden.add(kind);
  view.classList.toggle(`hide-${kind}`, !on);
  legend.querySelector(`button[data-legend="${kind}"]`).setAttribute('aria-pressed', String(on));
  if (tipFor && !visible(tipFor)) hideTip();
}

// ---------------------------------------------------------------------------------------------------------------------
// Tooltips and keyboard

let tipFor = null;
let hovered = null;

/** The innermost shown highlight at or around `node`. */
function markAt(node) {
  let m = node instanceof Element ? node.closest('mark[data-kind]') : node?.parentElement?.closest('mark[data-kind]');
  while (m && !visible(m)) m = m.parentElement?.closest('mark[data-kind]');
  return m && view.contains(m) ? m : null;
}

function showTip(m) {
  const a = state.result.annotations[Number(m.dataset.i)];
  if (!a) return hideTip();
  const d = describe(a, state.result);
  const parts = [el('span', 'tip-kind', d.kind), el('span', 'tip-head', d.heading), ...d.lines.map((l) => el('span', 'tip-line', l))];
  const q = a.kind !== 'quote' ? m.parentElement?.closest('mark[data-kind="quote"]') : null;
  const qa = q && state.result.annotations[Number(q.dataset.i)];
  if (qa) parts.push(el('span', 'tip-line tip-context', qa.speaker ? `In a quote by ${qa.speaker}` : 'In a quote (speaker not named)'));
  tip.replaceChildren(...parts);
  tip.dataset.kind = a.kind;
  tip.hidden = false;
  if (tipFor && tipFor !== m) tipFor.removeAttribute('aria-describedby');
  m.setAttribute('aria-describedby', 'tip');
  tipFor = m;
  placeTip();
}

/** Puts the tooltip above the highlight (below it when there is no room), never over it. */
function placeTip() {
  if (!tipFor || tip.hidden) return;
  const rects = tipFor.getClientRects();
  if (rects.length === 0) return hideTip();
  const first = rects[0];
  const last = rects[rects.length - 1];
  const gap = 6;
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  let top = first.top - h - gap;
  let anchor = first;
  tip.dataset.side = 'above';
  if (top < 2) {
    top = last.bottom + gap;
    anchor = last;
    tip.dataset.side = 'below';
  }
  const left = Math.max(2, Math.min(anchor.left, document.documentElement.clientWidth - w - 2));
  tip.style.left = `${Math.round(left)}px`;
  tip.style.top = `${Math.round(top)}px`;
}

function hideTip() {
  tip.hidden = true;
  if (tipFor) tipFor.removeAttribute('aria-describedby');
  tipFor = null;
}

/** Makes `m` the highlight that Tab reaches (the roving tabindex). */
function setRover(m) {
  for (const r of view.querySelectorAll('mark[tabindex="0"]')) if (r !== m) r.tabIndex = -1;
  m.tabIndex = 0;
}

view.addEventListener('mouseover', (e) => {
  const m = markAt(e.target);
  hovered = m;
  if (m) {
    if (m !== tipFor || tip.hidden) showTip(m);
  } else if (!view.contains(document.activeElement) || document.activeElement === view) hideTip();
});
view.addEventListener('mouseleave', () => {
  hovered = null;
  const f = markAt(document.activeElement);
  if (f) showTip(f);
  else hideTip();
});
view.addEventListener('focusin', (e) => {
  const m = markAt(e.target);
  if (!m) return;
  setRover(e.target.closest('mark') ?? m);
  showTip(m);
});
view.addEventListener('focusout', (e) => {
  if (view.contains(e.relatedTarget)) return;
  if (hovered) showTip(hovered);
  else hideTip();
});
view.addEventListener('keydown', (e) => {
  const here = e.target.closest?.('mark');
  if (!here) return;
  const marks = state.marks.filter(visible);
  const i = marks.indexOf(here);
  let next = null;
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = marks[i + 1];
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = marks[i - 1];
  else if (e.key === 'Home') next = marks[0];
  else if (e.key === 'End') next = marks[marks.length - 1];
  else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    showTip(markAt(here) ?? here);
    return;
  } else return;
  e.preventDefault();
  if (next) next.focus();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !tip.hidden) {
    hideTip();
    e.stopPropagation();
  }
});
window.addEventListener('scroll', placeTip, { passive: true, capture: true });
window.addEventListener('resize', placeTip, { passive: true });

// ---------------------------------------------------------------------------------------------------------------------
// Controls

legend.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-legend]');
  if (b) toggleKind(b.dataset.legend);
});

/**
 * Puts the text area in or out of "large" mode: with more than LARGE units in it, its text is not rendered (CSS
 * content-visibility), because laying out a book in a text area takes the browser seconds; a note under it says so
 * and offers to show it anyway. Its value stays the whole text.
 */
function largeMode(on) {
  const large = on && !showLarge;
  input.classList.toggle('large', large);
  $('large').hidden = !large;
  $('large-text').textContent = large
    ? `A long text (${size(input.value.length)}) is in the box above. It is hidden there to keep the page quick; the highlighted article below shows it.`
    : '';
  if (!on) showLarge = false;
}
let showLarge = false;

// A paste of a book: hide the box's text before the browser inserts it, so inserting it costs no layout.
input.addEventListener('paste', (e) => {
  const n = e.clipboardData?.getData('text/plain')?.length ?? 0;
  if (n > LARGE) largeMode(true);
});
input.addEventListener('input', () => {
  largeMode(input.value.length > LARGE);
  clearTimeout(debounce);
  debounce = setTimeout(() => annotate(input.value), input.value.length > LARGE ? 2 * DEBOUNCE_MS : DEBOUNCE_MS);
});
$('show-large').addEventListener('click', () => {
  showLarge = true;
  largeMode(true);
  input.focus();
});

$('clear').addEventListener('click', () => {
  input.value = '';
  largeMode(false);
  annotate('');
  input.focus();
});

$('prev-part').addEventListener('click', () => {
  renderWindow(windowAround(state.text, Math.max(0, state.window.from - WINDOW * 0.75), WINDOW));
  view.scrollIntoView({ block: 'start' });
});
$('next-part').addEventListener('click', () => {
  renderWindow(windowAround(state.text, state.window.to + WINDOW / 4, WINDOW));
  view.scrollIntoView({ block: 'start' });
});

/** Says how an export went, in the status line. */
function said(message) {
  statusEl.textContent = message;
}

async function copy(what, make) {
  try {
    await navigator.clipboard.writeText(await make());
    said(`Copied the ${what} (${state.result.annotations.length} annotations).`);
  } catch (e) {
    said(`Could not copy the ${what} (${e?.message ?? e}): use Download instead.`);
  }
}

async function download(what, name, type, make) {
  try {
    const url = URL.createObjectURL(new Blob([await make()], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    said(`Downloaded the ${what} as ${name}.`);
  } catch (e) {
    said(`Could not download the ${what}: ${e?.message ?? e}`);
  }
}

const json = () => contractJson(state.result);
const w3c = () => webAnnotationsJson(state.text, state.result);
$('copy-json').addEventListener('click', () => copy('JSON', json));
$('download-json').addEventListener('click', () => download('JSON', 'lede.json', 'application/json', json));
$('copy-w3c').addEventListener('click', () => copy('Web Annotations', w3c));
$('download-w3c').addEventListener('click', () => download('Web Annotations', 'lede.jsonld', 'application/ld+json', w3c));

// ---------------------------------------------------------------------------------------------------------------------
// Start: the sample article, annotated

try {
  startWorker();
  const res = await fetch('sample.txt');
  if (res.ok && input.value === '') input.value = await res.text();
} catch (e) {
  console.warn(`lede: no sample article (${e})`);
}
annotate(input.value);

