// lede's annotation worker (a module worker): runs the wasm annotator off the main thread, so the page keeps
// answering while a long article or a whole book is annotated.
//
// In:  {id, text}
// Out: {id, type: 'start'}                                   when the annotator starts on the text
//      {id, type: 'chunk', annotations, done, total}         the annotations, in slices of CHUNK (cheap to receive)
//      {id, type: 'done', version, entities, stats, total, ms}  after the last chunk; ms is the annotator's time,
//                                                        stats what describe.js's stats() says of the result
//      {id, type: 'error', message}
// Jobs run in the order they arrive; the page ignores the answers to jobs it no longer wants.

import init, { annotate } from './pkg/lede.js';
import { stats } from './describe.js';

/** Annotations per message: small enough that receiving one never holds up the page. */
const CHUNK = 4000;

const ready = init();

self.onmessage = async (event) => {
  const { id, text } = event.data ?? {};
  try {
    await ready;
    self.postMessage({ id, type: 'start' });
    const t0 = performance.now();
    const result = annotate(typeof text === 'string' ? text : '');
    const ms = performance.now() - t0;
    const anns = result.annotations;
    for (let i = 0; i < anns.length; i += CHUNK) {
      self.postMessage({ id, type: 'chunk', annotations: anns.slice(i, i + CHUNK), done: Math.min(i + CHUNK, anns.length), total: anns.length });
    }
    const st = stats(anns, result.entities);
    const buffers = st.mentions.map((m) => m.buffer);
    self.postMessage({ id, type: 'done', version: result.version, entities: result.entities, stats: st, total: anns.length, ms }, buffers);
  } catch (e) {
    self.postMessage({ id, type: 'error', message: String(e?.message ?? e) });
  }
};
