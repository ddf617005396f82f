// lede's minimal page: loads the wasm annotator and the sample article, and re-annotates the text as it is edited.
// Everything the input contributes to the page goes in as text nodes (never innerHTML), so any text is safe to paste.
// Offsets from `annotate` count UTF-16 code units: they index a JavaScript string directly.

import init, { annotate } from './pkg/lede.js';

const input = document.getElementById('input');
const view = document.getElementById('view');
const list = document.getElementById('list');
const status = document.getElementById('status');

/** The tooltip of an annotation: its kind and attributes in words. */
function describe(a) {
  switch (a.kind) {
    case 'person':
      return `person: ${a.name}${a.title ? `, ${a.title}` : ''}`;
    case 'country':
      return `country: ${a.name} (${a.code})${a.form === 'demonym' ? ', demonym' : ''}`;
    case 'figure':
      return `figure: ${a.class}${a.value != null ? ` = ${a.value}` : ''}${a.unit ? ` ${a.unit}` : ''}`;
    case 'quote':
      return a.speaker ? `quote by ${a.speaker}` : 'quote';
    default:
      return a.kind;
  }
}

/** Makes the <mark> of (part of) an annotation. */
function mark(a, part) {
  const el = document.createElement('mark');
  el.dataset.kind = a.kind;
  el.dataset.start = String(a.start);
  el.dataset.end = String(a.end);
  if (part) el.dataset.part = part;
  el.title = describe(a);
  return el;
}

/**
 * Renders `text` into `container` with a <mark data-kind> around each annotation, nested where spans nest (a quote
 * holds the names in it). The rendered text is exactly `text`. A span that crosses the end of the span holding it is
 * split: its first mark ends with the outer one and the rest gets a second mark with data-part="rest".
 */
export function render(container, text, annotations) {
  const queue = annotations
    .map((a) => ({ a, start: Math.max(0, Math.min(a.start, text.length)), end: Math.max(0, Math.min(a.end, text.length)) }))
    .filter((s) => s.start < s.end)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const frag = document.createDocumentFragment();
  const stack = [{ el: frag, end: Infinity }];
  let pos = 0;
  // Appends the text up to `to`, closing the marks that end on the way.
  const advance = (to) => {
    for (;;) {
      const top = stack[stack.length - 1];
      const stop = Math.min(to, top.end);
      if (stop > pos) {
        top.el.append(text.slice(pos, stop));
        pos = stop;
      }
      if (stack.length > 1 && top.end <= to) stack.pop();
      else break;
    }
  };
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i];
    advance(s.start);
    const parent = stack[stack.length - 1];
    let end = s.end;
    if (end > parent.end) {
      // Crossing: cut at the parent's end and queue the rest in start order.
      end = parent.end;
      const rest = { a: s.a, start: end, end: s.end, part: 'rest' };
      let j = i + 1;
      while (j < queue.length && (queue[j].start < rest.start || (queue[j].start === rest.start && queue[j].end >= rest.end))) j++;
      queue.splice(j, 0, rest);
    }
    const el = mark(s.a, s.part);
    parent.el.append(el);
    stack.push({ el, end });
  }
  advance(text.length);
  container.replaceChildren(frag);
}

/** Lists the annotations: kind, text and UTF-16 offsets, one item each. */
function renderList(annotations) {
  const items = annotations.map((a) => {
    const li = document.createElement('li');
    li.dataset.kind = a.kind;
    li.title = describe(a);
    li.append(`${a.text} (${a.start}–${a.end})`);
    return li;
  });
  list.replaceChildren(...items);
}

function update() {
  const text = input.value;
  const t0 = performance.now();
  let result;
  try {
    result = annotate(text);
  } catch (e) {
    status.textContent = `Could not annotate: ${e}`;
    console.error(e);
    return;
  }
  const ms = performance.now() - t0;
  render(view, text, result.annotations);
  renderList(result.annotations);
  const n = result.annotations.length;
  status.textContent = `${n} annotation${n === 1 ? '' : 's'} in ${ms.toFixed(1)} ms.`;
  status.dataset.ready = 'true';
}

let pending = false;
input.addEventListener('input', () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    update();
  });
});

try {
  await init();
  const res = await fetch('sample.txt');
  if (res.ok) input.value = await res.text();
  update();
} catch (e) {
  status.textContent = `Could not load lede: ${e}`;
  console.error(e);
}
