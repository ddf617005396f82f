// Renders a text with its annotations as nested <mark> elements. The text goes in as text nodes only (never markup),
// so whatever is pasted stays data. Offsets are UTF-16 code units, so they index the JavaScript string directly.

/**
 * Renders `text.slice(from, to)` into `container`, with a <mark data-kind> around each annotation that meets that
 * window, nested where spans nest (a quote holds the people, countries and figures in it, and stays visible around
 * them). The rendered text is exactly the window. Each mark carries:
 *   data-kind   person | country | figure | quote
 *   data-i      the annotation's index in `annotations`
 *   data-start, data-end   the annotation's UTF-16 offsets in the whole text
 *   data-part   "rest" on the second mark of a span that crosses the end of the span holding it (the first mark
 *               ends with the outer one), or on a span cut by the window's start
 * Marks get tabindex="-1" (the page moves a roving tabindex="0" among them). Returns the marks in text order.
 * `indices`, when given, lists the annotations to consider (those that may meet the window), in any order.
 */
export function render(container, text, annotations, from = 0, to = text.length, indices = undefined) {
  const lo = Math.max(0, Math.min(from, text.length));
  const hi = Math.max(lo, Math.min(to, text.length));
  const queue = [];
  const n = indices ? indices.length : annotations.length;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k] : k;
    const a = annotations[i];
    if (!a) continue;
    if (!(a.end > lo && a.start < hi)) continue;
    const start = Math.max(lo, a.start);
    const end = Math.min(hi, a.end);
    if (start < end) queue.push({ a, i, start, end, part: start > a.start ? 'rest' : undefined });
  }
  // At a window's start, a span cut by it comes first (it began earlier, so it holds the others).
  queue.sort((x, y) => x.start - y.start || x.a.start - y.a.start || y.end - x.end || x.i - y.i);
  const frag = document.createDocumentFragment();
  const stack = [{ el: frag, end: Infinity }];
  const marks = [];
  let pos = lo;
  // Appends the text up to `upTo`, closing the marks that end on the way.
  const advance = (upTo) => {
    for (;;) {
      const top = stack[stack.length - 1];
      const stop = Math.min(upTo, top.end);
      if (stop > pos) {
        top.el.append(text.slice(pos, stop));
        pos = stop;
      }
      if (stack.length > 1 && top.end <= upTo) stack.pop();
      else break;
    }
  };
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    advance(s.start);
    const parent = stack[stack.length - 1];
    let end = s.end;
    if (end > parent.end) {
      // Crossing: cut at the parent's end and queue the rest in start order.
      end = parent.end;
      const rest = { a: s.a, i: s.i, start: end, end: s.end, part: 'rest' };
      let j = q + 1;
      while (j < queue.length && (queue[j].start < rest.start || (queue[j].start === rest.start && queue[j].end >= rest.end))) j++;
      queue.splice(j, 0, rest);
    }
    const el = document.createElement('mark');
    el.dataset.kind = s.a.kind;
    el.dataset.i = String(s.i);
    el.dataset.start = String(s.a.start);
    el.dataset.end = String(s.a.end);
    if (s.part) el.dataset.part = s.part;
    el.tabIndex = -1;
    parent.el.append(el);
    stack.push({ el, end });
    marks.push(el);
  }
  advance(hi);
  container.replaceChildren(frag);
  return marks;
}

/**
 * A window of at most `size` UTF-16 units of `text` around offset `at` (the whole text when it fits), widened to line
 * breaks where one is near and never cutting a surrogate pair: {from, to}.
 */
export function windowAround(text, at, size) {
  if (text.length <= size) return { from: 0, to: text.length };
  let from = Math.max(0, Math.min(at - Math.floor(size / 4), text.length - size));
  let to = Math.min(text.length, from + size);
  if (from > 0) {
    const nl = text.lastIndexOf('\n', from);
    if (nl >= 0 && from - nl < 2000) from = nl + 1;
  }
  if (to < text.length) {
    const nl = text.lastIndexOf('\n', to);
    if (nl > from && to - nl < 2000) to = nl + 1;
  }
  const low = (i) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  if (low(from)) from--;
  if (low(to)) to++;
  return { from, to };
}

/**
 * Splits the window [from, to) of `text` into parts of about `size` UTF-16 units, each ending just after a line break
 * where one is near (so rendering each part as its own block looks like the whole), never inside a surrogate pair.
 * Returns [[from, to], ...] covering the window in order; yields nothing for an empty window.
 */
export function parts(text, from, to, size) {
  const out = [];
  let p = from;
  while (p < to) {
    let end = Math.min(to, p + size);
    if (end < to) {
      const nl = text.indexOf('\n', end);
      if (nl >= 0 && nl < to && nl - end < 4000) end = nl + 1;
      else if ((text.charCodeAt(end) & 0xfc00) === 0xdc00 && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end++;
    }
    out.push([p, end]);
    p = end;
  }
  return out;
}
