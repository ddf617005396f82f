// lede's content script: finds the article on the page, sends its text to the service worker (which runs the wasm)
// and paints the spans with the CSS Custom Highlight API, so the page's DOM, event handlers and frameworks are left
// alone. The only element it adds is its own host, <lede-annotator>, whose shadow root holds the tooltip and a small
// keyboard bar (Previous / Next / Close), out of reach of the page's CSS.
//
// Injected again when already running (the toolbar popup's button), it toggles: a second run removes the annotation.
// Dynamic pages: a MutationObserver (debounced, at most MAX_RUNS re-annotations per minute) drops the highlights whose
// text changed at once and re-annotates the article a moment later; it never sees its own changes, as highlights
// change no DOM and its host element is outside <body>.
//
// Test hook (read-only): the host element's data-state ("busy", "ready", "error", "off") and data-runs, the number
// of annotations shown.
(() => {
  if (globalThis.__lede) {
    globalThis.__lede.toggle();
    return;
  }

  const KINDS = ['person', 'country', 'figure', 'quote'];
  const MAX_TEXT = 2_000_000;
  const DEBOUNCE_MS = 400;
  const MAX_RUNS = 30;
  /** Subtrees that are never article text, by their tag or role. */
  const HARD = [
    'nav', 'header', 'footer', 'aside', 'form', 'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select',
    'button', 'svg', 'canvas', 'iframe', 'figcaption', 'lede-annotator', '[hidden]', '[aria-hidden="true"]', '[role="navigation"]',
    '[role="complementary"]', '[role="contentinfo"]', '[role="banner"]', '[contenteditable=""]', '[contenteditable="true"]',
  ].join(',');
  /**
   * Subtrees that are not article text by their class or id (comments, "most read" and related lists, share bars),
   * unless they hold most of the page's paragraph text: then the name is a wrapper's ("page has-comments").
   */
  const SOFT = [
    '#comments', '.comments', '[class*="comment" i]', '[id*="comment" i]', '[class*="most-read" i]', '[class*="mostread" i]',
    '[class*="most-popular" i]', '[class*="related" i]', '[class*="newsletter" i]', '[class*="share-" i]', '[class*="social" i]',
    '[class*="promo" i]',
  ].join(',');
  const BLOCK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'MAIN',
    'TD', 'TH', 'DD', 'DT', 'PRE', 'FIGURE', 'TABLE', 'TR', 'UL', 'OL', 'BR', 'HR']);

  let on = true;
  let kinds = { person: true, country: true, figure: true, quote: true };
  /** The annotations shown: {a, range} in text order. */
  let shown = [];
  let lastText = null;
  /** The worker's annotations of lastText. */
  let lastAnnotations = null;
  /** How many of them were anchored on the page. */
  let anchored = 0;
  let current = -1;
  /** The annotation whose tooltip is shown, or -1. */
  let tipAt = -1;
  let timer = 0;
  let runs = [];
  let job = 0;

  // ---- the host element, its shadow root, the tooltip and the keyboard bar
  const host = document.createElement('lede-annotator');
  const shadow = host.attachShadow({ mode: 'open' });
  // A constructed style sheet, not a <style> element: a page's CSP (style-src) cannot block it.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    :host { all: initial !important; }
    * { box-sizing: border-box; font: 14px/1.4 system-ui, sans-serif; }
    .tip { position: fixed; max-width: 22rem; padding: .45rem .6rem; border-radius: 6px; background: #1c1917; color: #fafaf9;
      box-shadow: 0 4px 16px #0004; pointer-events: none; z-index: 2147483647; }
    .tip[hidden], .bar[hidden] { display: none; }
    .kind { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; opacity: .8; }
    .head { display: block; font-weight: 600; }
    .line { display: block; }
    .bar { position: fixed; right: 12px; bottom: 12px; display: flex; gap: 4px; align-items: center; padding: 4px 6px;
      border-radius: 8px; background: #fafaf9; color: #1c1917; border: 1px solid #a8a29e; box-shadow: 0 2px 8px #0003;
      z-index: 2147483646; }
    .bar button { border: 1px solid #a8a29e; background: #fff; color: #1c1917; border-radius: 5px; padding: 2px 8px; cursor: pointer; }
    .bar button:focus-visible { outline: 3px solid #0b5cad; outline-offset: 1px; }
    .count { padding: 0 4px; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`);
  shadow.adoptedStyleSheets = [sheet];
  shadow.innerHTML = `<div class="tip" role="tooltip" id="tip" hidden></div>
  <div class="bar" role="toolbar" aria-label="lede annotations" hidden>
    <span class="count"></span>
    <span class="sr" aria-live="polite"></span>
    <button type="button" data-go="-1" aria-label="Previous annotation">◀</button>
    <button type="button" data-go="1" aria-label="Next annotation">▶</button>
    <button type="button" data-go="0" aria-label="Remove the annotations">✕</button>
  </div>`;
  const tip = shadow.querySelector('.tip');
  const bar = shadow.querySelector('.bar');
  const count = shadow.querySelector('.count');
  const live = shadow.querySelector('.sr');
  const setState = (s) => host.setAttribute('data-state', s);
  document.documentElement.append(host);

  bar.addEventListener('click', (e) => {
    const b = e.target.closest?.('button');
    if (!b) return;
    const go = Number(b.dataset.go);
    if (go === 0) return off();
    step(go);
  });
  bar.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') step(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') step(-1);
    else if (e.key === 'Escape') hideTip();
    else return;
    e.preventDefault();
  });

  // ---- finding the article
  /** Paragraph text under `el` (UTF-16 units). */
  const pText = (el) => {
    let n = 0;
    for (const p of el.querySelectorAll('p')) n += p.textContent.length;
    return n;
  };
  /** Per run: the page's paragraph text, and which SOFT-matching elements are skipped. */
  let total = 0;
  let soft = new Map();
  /** True when the subtree of `el` is not article text. */
  function isSkipped(el) {
    if (el.matches(HARD)) return true;
    if (!el.matches(SOFT)) return false;
    let v = soft.get(el);
    if (v === undefined) soft.set(el, (v = pText(el) * 2 < total));
    return v;
  }
  /** True when `el` or an ancestor of it below `stop` is skipped. */
  function skippedIn(el, stop) {
    for (let e = el; e && e !== stop; e = e.parentElement) if (isSkipped(e)) return true;
    return false;
  }
  const textLen = (el) => {
    let n = 0;
    for (const p of el.querySelectorAll('p')) if (!skippedIn(p, el)) n += p.textContent.length;
    return n;
  };

  /** The element holding the article: the <article>/<main> with the most paragraph text, else the densest <p> parent. */
  function findRoot() {
    const body = document.body;
    if (!body) return null;
    total = pText(body);
    soft = new Map();
    let best = null;
    let bestLen = 0;
    for (const el of body.querySelectorAll('article, main, [role="main"], [itemprop="articleBody"]')) {
      if (skippedIn(el, body)) continue;
      const n = textLen(el);
      if (n > bestLen) {
        best = el;
        bestLen = n;
      }
    }
    if (best && bestLen >= 200) return best;
    const byParent = new Map();
    for (const p of body.querySelectorAll('p')) {
      if (skippedIn(p, body)) continue;
      const parent = p.parentElement;
      byParent.set(parent, (byParent.get(parent) ?? 0) + p.textContent.length);
    }
    for (const [el, n] of byParent) {
      if (n > bestLen) {
        best = el;
        bestLen = n;
      }
    }
    return best ?? body;
  }

  /** The article's text and its text nodes: {text, segs: [{node, start, end}]}; blocks are apart by a blank line. */
  function extract(root) {
    const segs = [];
    let text = '';
    let lastBlock = null;
    const display = new Map();
    const inline = (el) => {
      let d = display.get(el);
      if (d === undefined) display.set(el, (d = getComputedStyle(el).display.startsWith('inline')));
      return d;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        if (n.nodeType === Node.ELEMENT_NODE) return isSkipped(n) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let n = walker.nextNode(); n && text.length < MAX_TEXT; n = walker.nextNode()) {
      let block = n.parentElement;
      while (block && block !== root && !BLOCK.has(block.tagName) && inline(block)) block = block.parentElement;
      // White space between blocks is layout; between inline tags of one block it separates words.
      if (!n.data.trim() && block !== lastBlock) continue;
      if (segs.length && block !== lastBlock) text += '\n\n';
      lastBlock = block;
      segs.push({ node: n, start: text.length, end: text.length + n.data.length });
      text += n.data;
    }
    return { text, segs };
  }

  /** The segment index holding UTF-16 offset `at` (as a start when `end` is false, as an end when true), or -1. */
  function segAt(segs, at, end) {
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segs[mid];
      if (end ? at <= s.start : at < s.start) hi = mid - 1;
      else if (end ? at > s.end : at >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  function toRange(segs, a) {
    const i = segAt(segs, a.start, false);
    const j = segAt(segs, a.end, true);
    if (i < 0 || j < 0) return null;
    const r = document.createRange();
    r.setStart(segs[i].node, a.start - segs[i].start);
    r.setEnd(segs[j].node, a.end - segs[j].start);
    return r;
  }

  /** A text without its white space: a range across blocks lacks the blank line the extraction put between them. */
  const flat = (s) => s.replace(/\s+/g, '');

  // ---- painting
  function paint() {
    for (const k of KINDS) CSS.highlights.delete(`lede-${k}`);
    CSS.highlights.delete('lede-current');
    if (!on) return;
    for (const k of KINDS) {
      if (!kinds[k]) continue;
      const ranges = shown.filter((s) => s.a.kind === k).map((s) => s.range);
      if (!ranges.length) continue;
      const h = new Highlight(...ranges);
      h.priority = k === 'quote' ? 0 : 1;
      CSS.highlights.set(`lede-${k}`, h);
    }
    const n = shown.filter((s) => kinds[s.a.kind]).length;
    host.setAttribute('data-count', String(n));
    count.textContent = `lede: ${n}`;
    bar.hidden = false;
  }

  /** Drops the highlights whose text is no longer what was annotated (their nodes changed or went away). */
  function validate() {
    const before = shown.length;
    shown = shown.filter((s) => s.range.startContainer.isConnected && s.range.endContainer.isConnected && flat(s.range.toString()) === flat(s.a.text));
    if (shown.length !== before) {
      hideTip();
      paint();
    }
  }

  async function run() {
    if (!on) return;
    const id = ++job;
    const root = findRoot();
    if (!root) return;
    const { text, segs } = extract(root);
    // The same text: nothing to do when every highlight still holds; when a framework re-rendered it with new nodes,
    // anchor the spans again on them, without the worker.
    if (text === lastText && lastAnnotations) {
      validate();
      if (shown.length < anchored) anchor(lastAnnotations, segs, text);
      return;
    }
    setState('busy');
    let res;
    try {
      res = await chrome.runtime.sendMessage({ type: 'annotate', text });
    } catch (e) {
      res = { ok: false, error: String(e?.message ?? e) };
    }
    if (id !== job || !on) return;
    if (!res?.ok) {
      host.setAttribute('data-error', res?.error ?? 'no answer');
      setState('error');
      return;
    }
    anchor(res.annotations, segs, text);
  }

  /** Shows `annotations` of `text` on the text nodes `segs`. */
  function anchor(annotations, segs, text) {
    // The page may have changed while the worker ran: keep only the spans whose text is still there.
    const next = [];
    for (const a of annotations) {
      const range = toRange(segs, a);
      if (range && flat(range.toString()) === flat(a.text)) next.push({ a, range });
    }
    shown = next;
    anchored = next.length;
    lastText = text;
    lastAnnotations = annotations;
    current = -1;
    hideTip();
    paint();
    host.setAttribute('data-runs', String(Number(host.getAttribute('data-runs') ?? 0) + 1));
    setState('ready');
  }

  // ---- dynamic pages
  const observer = new MutationObserver((records) => {
    if (!on) return;
    if (records.every((r) => host.contains(r.target))) return;
    validate();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = Date.now();
      runs = runs.filter((t) => now - t < 60_000);
      if (runs.length >= MAX_RUNS) return;
      runs.push(now);
      run();
    }, DEBOUNCE_MS);
  });

  // ---- tooltips
  function showTip(i) {
    const s = shown[i];
    if (!s) return hideTip();
    const d = s.a.tip ?? { kind: s.a.kind, heading: s.a.text, lines: [] };
    const span = (cls, t) => {
      const e = document.createElement('span');
      e.className = cls;
      e.textContent = t;
      return e;
    };
    const lines = [...d.lines];
    // As on the page: a name, country or figure inside a quote says whose quote it is.
    const q = s.a.kind === 'quote' ? undefined : shown.find((o) => o.a.kind === 'quote' && o.a.start <= s.a.start && o.a.end >= s.a.end);
    if (q) lines.push(q.a.speaker ? `In a quote by ${q.a.speaker}` : 'In a quote (speaker not named)');
    tip.replaceChildren(span('kind', d.kind), span('head', d.heading), ...lines.map((l) => span('line', l)));
    tip.dataset.kind = s.a.kind;
    tip.hidden = false;
    tipAt = i;
    const rects = s.range.getClientRects();
    const first = rects[0] ?? s.range.getBoundingClientRect();
    const h = tip.offsetHeight;
    let top = first.top - h - 6;
    if (top < 2) top = (rects[rects.length - 1] ?? first).bottom + 6;
    const left = Math.max(2, Math.min(first.left, document.documentElement.clientWidth - tip.offsetWidth - 2));
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }
  function hideTip() {
    tip.hidden = true;
    tipAt = -1;
  }

  /** The innermost shown annotation under the point (x, y), or -1. */
  function hit(x, y) {
    const pos = document.caretPositionFromPoint?.(x, y);
    const node = pos ? pos.offsetNode : document.caretRangeFromPoint?.(x, y)?.startContainer;
    const offset = pos ? pos.offset : document.caretRangeFromPoint?.(x, y)?.startOffset;
    if (!node || node.nodeType !== Node.TEXT_NODE) return -1;
    let best = -1;
    for (let i = 0; i < shown.length; i++) {
      const { a, range } = shown[i];
      if (!kinds[a.kind]) continue;
      if (!range.isPointInRange(node, offset) && !range.isPointInRange(node, Math.max(0, offset - 1))) continue;
      const inside = [...range.getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (!inside) continue;
      if (best < 0 || a.end - a.start < shown[best].a.end - shown[best].a.start) best = i;
    }
    return best;
  }

  // At most one hit test per frame, always at the pointer's latest position.
  let pending = false;
  let px = 0;
  let py = 0;
  const onMove = (e) => {
    if (!on) return;
    px = e.clientX;
    py = e.clientY;
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const i = hit(px, py);
      if (i >= 0) showTip(i);
      else if (tipAt !== current) hideTip(); // the keyboard's tooltip stays until Escape or the next step
    });
  };
  const onScroll = () => {
    if (tipAt >= 0 && tipAt === current) showTip(current);
    else hideTip();
  };

  /** Moves the keyboard's current annotation by `d` (the bar's ◀ ▶), scrolls to it and shows its tooltip. */
  function step(d) {
    const list = shown.map((s, i) => i).filter((i) => kinds[shown[i].a.kind]);
    if (!list.length) return;
    const at = list.indexOf(current);
    current = list[at < 0 ? (d > 0 ? 0 : list.length - 1) : (at + d + list.length) % list.length];
    const h = new Highlight(shown[current].range);
    h.priority = 2;
    CSS.highlights.set('lede-current', h);
    const r = shown[current].range.getBoundingClientRect();
    if (r.top < 40 || r.bottom > innerHeight - 80) window.scrollBy({ top: r.top - innerHeight / 3 });
    showTip(current);
    const t = shown[current].a.tip;
    count.textContent = `${list.indexOf(current) + 1}/${list.length}`;
    // What a screen reader says: the tooltip, flattened.
    live.textContent = t ? [`${t.kind}: ${t.heading}`, ...t.lines].join('; ') : shown[current].a.text;
  }

  // ---- on, off, settings
  function start() {
    on = true;
    setState('busy');
    if (!host.isConnected) document.documentElement.append(host);
    document.addEventListener('mousemove', onMove, { passive: true, capture: true });
    window.addEventListener('scroll', onScroll, { passive: true });
    if (document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    run();
  }
  function off() {
    on = false;
    job++;
    clearTimeout(timer);
    observer.disconnect();
    document.removeEventListener('mousemove', onMove, { capture: true });
    window.removeEventListener('scroll', onScroll);
    shown = [];
    lastText = null;
    lastAnnotations = null;
    current = -1;
    paint();
    hideTip();
    bar.hidden = true;
    setState('off');
  }

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.kinds) {
      kinds = { ...kinds, ...changes.kinds.newValue };
      hideTip();
      paint();
    }
  });

  globalThis.__lede = { toggle: () => (on ? off() : start()) };
  chrome.storage.local.get('kinds').then(({ kinds: k }) => {
    if (k) kinds = { ...kinds, ...k };
    start();
  }, start);
})();
