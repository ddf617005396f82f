// lede's annotation worker (a module worker): runs the wasm annotator off the main thread, so the page keeps
// answering while a long article or a whole book is annotated.
//
// In:  {type: 'annotate', id, text}
//      {type: 'next', id}                                    the page took the last chunk of job id: send the next
// Out: {id, type: 'start'}                                   when the annotator starts on the text
//      {id, type: 'chunk', annotations, done, total}         the annotations, in slices of CHUNK; the next slice
//                                                            waits for the page's 'next', so the page's own tasks
//                                                            (input, timers, rendering) run between slices
//      {id, type: 'done', version, entities, stats, total, ms}  after the last chunk; ms is the annotator's time,
//                                                        stats what describe.js's stats() says of the result
//      {id, type: 'error', message}
// Jobs run in the order they arrive; a new job drops what is left of the one before. The page ignores answers to
// jobs it no longer wants.

import init, { annotate } from './pkg/lede.js';
import { stats } from './describe.js';

/** Annotations per message: small enough that receiving one never holds up the page for long. */
const CHUNK = 2000;

const ready = init();

/** The job whose chunks are being sent: {id, anns, at, result, ms}. */
let sending = null;

function sendNext() {
  const s = sending;
  if (!s) return;
  if (s.at < s.anns.length) {
    const end = Math.min(s.at + CHUNK, s.anns.length);
    self.postMessage({ id: s.id, type: 'chunk', annotations: s.anns.slice(s.at, end), done: end, total: s.anns.length });
    s.at = end;
    return;
  }
  sending = null;
  const st = stats(s.anns, s.result.entities);
  const buffers = st.mentions.map((m) => m.buffer);
  self.postMessage({ id: s.id, type: 'done', version: s.result.version, entities: s.result.entities, stats: st, total: s.anns.length, ms: s.ms }, buffers);
}

self.onmessage = async (event) => {
  const { type, id, text } = event.data ?? {};
  if (type === 'next') {
    if (sending && sending.id === id) sendNext();
    return;
  }
  try {
    await ready;
    sending = null;
    self.postMessage({ id, type: 'start' });
    const t0 = performance.now();
    const result = annotate(typeof text === 'string' ? text : '');
    sending = { id, anns: result.annotations, at: 0, result, ms: performance.now() - t0 };
    sendNext();
  } catch (e) {
    sending = null;
    self.postMessage({ id, type: 'error', message: String(e?.message ?? e) });
  }
};
