// The wasm half of `make bench`, and the record: lede's wasm build in Node next to the peer, compromise, in the same
// process and run, on the inputs `benches/gen.mjs` writes; then the sizes, the native results of `benches/native.rs`,
// the machine, and which targets are met, into record/bench-YYYY-MM-DD.json and a Markdown table on stdout.
//
// Inputs: target/bench-inputs/ (gen.mjs), target/pkg-node/ (wasm-pack --target nodejs), target/pkg-web/ (--target web,
// what the page ships, for its size), target/bench-native.json (cargo bench --bench native). `make bench` makes them all.
//
// Timing: lede's inputs are warmed up for a second, then timed in rounds (see `timeRounds`: every input in every round,
// as benches/native.rs does, so a burst of load from other jobs on this shared machine falls on all inputs alike); the
// median run counts. MB = 10^6 bytes. lede runs first (its instantiation must be cold, and its memory is read before the
// peer loads); compromise runs second, each input warmed up for a second and then run until a minimum number of runs
// and 1.5 s have passed (or in chunks, below).
//
// compromise does the work lede does: people, places (countries), numbers and money, quotations, each with offsets
// (`.json({offset: true})`). It slows down superlinearly on long documents (one `nlp()` call on 100 kB takes ~12 s, on
// 300 kB ~120 s), so, as anyone would use it, it is given the long inputs in chunks of at most 10 kB (cut at a blank
// line, else a line break, else a space, else anywhere between characters) and for at most PEER_BUDGET_MS per input:
// its throughput is the bytes it got through divided by the time they took.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const inputsDir = process.env.LEDE_BENCH_INPUTS ?? join(root, 'target', 'bench-inputs');
const MIN_TIME_MS = 1500;
/** lede's rounds go on until this much time has passed and every input has its minimum runs. */
const ROUNDS_MIN_MS = 10_000;
/** An input's minimum runs are spread over at least this many rounds. */
const MIN_ROUNDS = 7;
/** lede's inputs are warmed up together for this long (every input at least once): V8's tiers, as in `time`. */
const ROUNDS_WARMUP_MS = 3000;
/** Stop after this many rounds even if ROUNDS_MIN_MS has not passed. */
const MAX_ROUNDS = 200;
const WARMUP_MS = 1000;
const PEER_BUDGET_MS = Number(process.env.LEDE_BENCH_PEER_MS ?? 6000);
const CHUNK = 10_000;

/** (file, minimum runs for lede) in report order; the same list as benches/native.rs. */
const INPUTS = [
  ['article.txt', 500],
  ['news-1mb.txt', 21],
  ['news-10mb.txt', 7],
  ['nospace-1mb.txt', 11],
  ['quotes-1mb.txt', 11],
  ['digits-1mb.txt', 11],
  ['caps-1mb.txt', 11],
  ['nested-1mb.txt', 11],
];
const HOSTILE = ['nospace-1mb.txt', 'quotes-1mb.txt', 'digits-1mb.txt', 'caps-1mb.txt', 'nested-1mb.txt'];

const texts = Object.fromEntries(
  INPUTS.map(([name]) => {
    const path = join(inputsDir, name);
    if (!existsSync(path)) {
      console.error(`bench: ${path} is missing: run \`node benches/gen.mjs\` first`);
      process.exit(2);
    }
    return [name, readFileSync(path, 'utf8')];
  }),
);
const bytesOf = (s) => Buffer.byteLength(s, 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1e3);
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Warms `f` up for WARMUP_MS (at least once), then runs it until `minRuns` runs and MIN_TIME_MS have passed; returns the
 * timed runs in ms (compromise's inputs; lede's are timed in rounds, `timeRounds`). The warm-up is for the engine's
 * tiers, as `timeRounds`' is for lede: V8 runs a wasm function in its baseline compiler (Liftoff) until the function is
 * hot, then swaps in optimised code compiled on a background thread (under load on two cores that takes a second or
 * more for lede), and it does the same for compromise's JavaScript. lede's cold cost is reported on its own:
 * instantiation and first call.
 */
function time(f, minRuns) {
  const warm = performance.now();
  do f();
  while (performance.now() - warm < WARMUP_MS);
  const ts = [];
  const start = performance.now();
  while (ts.length < minRuns || performance.now() - start < MIN_TIME_MS) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
    if (ts.length >= 5000) break;
  }
  return ts;
}

// ---- lede (wasm) -------------------------------------------------------------------------------------------------
// The nodejs glue compiles and instantiates the module synchronously inside require(); the WebAssembly.Instance
// wrapper only keeps the instance, to read the size of its linear memory.
const pkgNode = join(root, 'target', 'pkg-node', 'lede.js');
let instance = null;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(Instance, {
  construct(target, args) {
    instance = Reflect.construct(target, args);
    return instance;
  },
});
let t = performance.now();
const lede = require(pkgNode);
const instantiateMs = performance.now() - t;
WebAssembly.Instance = Instance;
t = performance.now();
const firstOut = lede.annotate(texts['article.txt']);
const firstCallMs = performance.now() - t;
const wasmMemory = () => instance?.exports?.memory?.buffer?.byteLength ?? null;

/**
 * Times every input of `fns` ([name, f, minRuns]) in rounds: all are warmed up together for ROUNDS_WARMUP_MS (each at least
 * once), then each round runs every input ceil(minRuns / MIN_ROUNDS) times, until every input has its minimum runs and
 * ROUNDS_MIN_MS have passed (at most MAX_ROUNDS). Returns each input's timed runs in ms.
 */
function timeRounds(fns) {
  const warm = performance.now();
  do for (const [, f] of fns) f();
  while (performance.now() - warm < ROUNDS_WARMUP_MS);
  const per = fns.map(([, , minRuns]) => Math.max(1, Math.ceil(minRuns / MIN_ROUNDS)));
  const ts = fns.map(() => []);
  const start = performance.now();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (fns.every(([, , minRuns], i) => ts[i].length >= minRuns) && performance.now() - start >= ROUNDS_MIN_MS) break;
    fns.forEach(([, f], i) => {
      for (let k = 0; k < per[i]; k++) {
        const t = performance.now();
        f();
        ts[i].push(performance.now() - t);
      }
    });
  }
  return ts;
}

const wasm = {};
const counts = {};
const wasmTimes = timeRounds(
  INPUTS.map(([name, minRuns]) => [name, () => (counts[name] = lede.annotate(texts[name]).annotations.length), minRuns]),
);
INPUTS.forEach(([name], i) => {
  const text = texts[name];
  const ts = wasmTimes[i];
  const n = counts[name];
  const m = median(ts);
  wasm[name] = {
    bytes: bytesOf(text),
    runs: ts.length,
    median_ms: round(m, 4),
    min_ms: round(Math.min(...ts), 4),
    mb_per_s: round(mbps(bytesOf(text), m), 2),
    annotations: n,
  };
  console.error(`wasm   ${name.padEnd(16)} median ${m.toFixed(3).padStart(10)} ms  ${mbps(bytesOf(text), m).toFixed(1).padStart(8)} MB/s  (${ts.length} runs, ${n} annotations)`);
});
const ledeMaxRss = process.resourceUsage().maxRSS * 1024;

// ---- compromise --------------------------------------------------------------------------------------------------
const compromiseVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'compromise', 'package.json'), 'utf8')).version;
t = performance.now();
const { default: nlp } = await import('compromise');
const peerImportMs = performance.now() - t;

/** What compromise finds in `text`: the same four kinds lede finds, with offsets. Returns the number of matches. */
function peer(text) {
  const doc = nlp(text);
  let n = 0;
  for (const sel of [doc.people(), doc.places(), doc.numbers(), doc.money(), doc.quotations()]) {
    n += sel.json({ offset: true }).length;
  }
  return n;
}

/** `text` cut into chunks of at most CHUNK bytes (UTF-16 units, near enough), at the best break available. */
function chunks(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + CHUNK);
    if (end < text.length) {
      const w = text.slice(i, end);
      let cut = w.lastIndexOf('\n\n');
      if (cut <= 0) cut = w.lastIndexOf('\n');
      if (cut <= 0) cut = w.lastIndexOf(' ');
      if (cut > 0) end = i + cut + 1;
      else if (/[\uDC00-\uDFFF]/.test(text[end])) end -= 1; // never split a surrogate pair
    }
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

t = performance.now();
peer(texts['article.txt']);
const peerFirstCallMs = performance.now() - t;
const compromise = {};
for (const [name] of INPUTS) {
  const text = texts[name];
  let r;
  if (bytesOf(text) <= CHUNK * 1.1) {
    let n = 0;
    const ts = time(() => {
      n = peer(text);
    }, 15);
    const m = median(ts);
    r = { bytes: bytesOf(text), runs: ts.length, median_ms: round(m, 3), mb_per_s: round(mbps(bytesOf(text), m), 4), matches: n };
  } else {
    let done = 0;
    let n = 0;
    let spent = 0;
    for (const c of chunks(text)) {
      const t0 = performance.now();
      n += peer(c);
      spent += performance.now() - t0;
      done += bytesOf(c);
      if (spent > PEER_BUDGET_MS) break;
    }
    r = { bytes: bytesOf(text), bytes_processed: done, ms: round(spent, 1), mb_per_s: round(mbps(done, spent), 4), matches: n, chunked: CHUNK };
  }
  compromise[name] = r;
  console.error(`peer   ${name.padEnd(16)} ${r.mb_per_s.toFixed(3).padStart(8)} MB/s${r.bytes_processed ? ` (${r.bytes_processed} of ${r.bytes} bytes in ${r.ms} ms, chunked)` : ` (median ${r.median_ms} ms)`}`);
}
const totalMaxRss = process.resourceUsage().maxRSS * 1024;

// ---- sizes, native results, machine --------------------------------------------------------------------------------
const { sizes, fileSizes, BUDGET } = await import(pathToFileURL(join(root, 'scripts', 'check-size.mjs')).href);
const size = {
  web: sizes(join(root, 'target', 'pkg-web')),
  nodejs: sizes(join(root, 'target', 'pkg-node')),
  compromise_min_js: fileSizes(join(root, 'node_modules', 'compromise', 'builds', 'compromise.js')),
  budget_gzip: BUDGET,
};
const nativePath = join(root, 'target', 'bench-native.json');
const native = existsSync(nativePath) ? JSON.parse(readFileSync(nativePath, 'utf8')) : null;
const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};
const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? os.cpus()[0]?.model;
const cargoVersion = (readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m) ?? [])[1];

// ---- targets -------------------------------------------------------------------------------------------------------
const A = 'article.txt';
const N1 = 'news-1mb.txt';
const N10 = 'news-10mb.txt';
const targets = [];
const check = (name, value, ok, want) => targets.push({ target: name, want, value: round(value, 3), met: ok });
check('wasm/compromise throughput on the article', wasm[A].mb_per_s / compromise[A].mb_per_s, wasm[A].mb_per_s / compromise[A].mb_per_s >= 100, '>= 100x');
check('wasm ms per article', wasm[A].median_ms, wasm[A].median_ms < 1, '< 1 ms');
check('wasm MB/s on 1 MB news', wasm[N1].mb_per_s, wasm[N1].mb_per_s >= 25, '>= 25');
if (native) {
  const ni = native.inputs;
  check('native MB/s on 1 MB news', ni[N1].mb_per_s, ni[N1].mb_per_s >= 60, '>= 60');
  check('native 10 MB / 1 MB time', ni[N10].median_ms / ni[N1].median_ms, ni[N10].median_ms / ni[N1].median_ms <= 11, '<= 11');
  for (const h of HOSTILE) {
    const slow = ni[N1].mb_per_s / ni[h].mb_per_s;
    check(`native ${h} per-byte slowdown vs news`, slow, slow <= 3, '<= 3x');
  }
}
check('wasm 10 MB / 1 MB time', wasm[N10].median_ms / wasm[N1].median_ms, wasm[N10].median_ms / wasm[N1].median_ms <= 11, '<= 11');
for (const h of HOSTILE) {
  const slow = wasm[N1].mb_per_s / wasm[h].mb_per_s;
  check(`wasm ${h} per-byte slowdown vs news`, slow, slow <= 3, '<= 3x');
}
check('wasm instantiation + first call (ms)', instantiateMs + firstCallMs, instantiateMs + firstCallMs < 20, '< 20 ms');
check('web .wasm + glue, gzip (bytes)', size.web.total.gzip, size.web.total.gzip <= BUDGET, `<= ${BUDGET}`);

// ---- the record ----------------------------------------------------------------------------------------------------
const now = new Date();
const record = {
  date: now.toISOString(),
  machine: { nproc: os.availableParallelism?.() ?? os.cpus().length, cpu_model: cpuModel, memory_bytes: os.totalmem(), os: `${os.type()} ${os.release()}` },
  versions: {
    lede: cargoVersion,
    git_commit: sh('git', ['rev-parse', 'HEAD']),
    git_dirty: (sh('git', ['status', '--porcelain', '--untracked-files=no']) ?? '') !== '',
    rustc: native?.rustc ?? sh('rustc', ['--version']),
    node: process.version,
    wasm_pack: sh('wasm-pack', ['--version']),
    wasm_bindgen: sh('wasm-bindgen', ['--version']),
    wasm_opt: sh(join(root, 'node_modules', '.bin', 'wasm-opt'), ['--version']),
    compromise: compromiseVersion,
  },
  method: {
    mb: '10^6 bytes',
    timing: `median of >= N runs and >= ${MIN_TIME_MS} ms after ${WARMUP_MS} ms of warm-up runs (wasm; compromise on the article; native: one warm-up run)`,
    native: native?.profile ?? 'not run',
    wasm: 'wasm-pack build --release --target nodejs; annotate() including the conversion of the result to JS objects (UTF-16 offsets)',
    compromise: `nlp(text) then people(), places(), numbers(), money(), quotations(), each .json({offset: true}); inputs over ${CHUNK} bytes in chunks of <= ${CHUNK} bytes for at most ${PEER_BUDGET_MS} ms`,
    sizes: 'GNU gzip -9 -n; brotli quality 11 (node:zlib); web = the page build (--target web), what ships; total = .wasm + JS glue',
  },
  wasm: {
    instantiate_ms: round(instantiateMs),
    first_call_ms: round(firstCallMs),
    first_call_annotations: firstOut.annotations.length,
    inputs: wasm,
    wasm_memory_peak_bytes: wasmMemory(),
    node_max_rss_bytes_after_lede: ledeMaxRss,
  },
  native: native ? { first_call_ms: native.first_call_ms, inputs: native.inputs } : null,
  compromise: { import_ms: round(peerImportMs), first_call_ms: round(peerFirstCallMs), inputs: compromise, node_max_rss_bytes_after_both: totalMaxRss },
  sizes: size,
  targets,
};
mkdirSync(join(root, 'record'), { recursive: true });
const out = join(root, 'record', `bench-${now.toISOString().slice(0, 10)}.json`);
writeFileSync(out, JSON.stringify(record, null, 2) + '\n');

// ---- the table -----------------------------------------------------------------------------------------------------
const f = (x, d = 1) => (x == null ? '–' : x.toFixed(d));
const lines = [];
lines.push(`Throughput, MB/s (median; ${record.machine.nproc} × ${cpuModel}; node ${process.version}; compromise ${compromiseVersion})`, '');
lines.push('| input | bytes | lede native | lede wasm | compromise | wasm / compromise |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name] of INPUTS) {
  const nat = native?.inputs?.[name]?.mb_per_s;
  const w = wasm[name].mb_per_s;
  const c = compromise[name].mb_per_s;
  lines.push(`| ${name} | ${wasm[name].bytes} | ${f(nat)} | ${f(w)} | ${f(c, 3)} | ${c > 0 ? Math.round(w / c) + 'x' : '–'} |`);
}
lines.push('', `article: lede wasm ${f(wasm[A].median_ms, 3)} ms, native ${f(native?.inputs?.[A]?.median_ms, 3)} ms, compromise ${f(compromise[A].median_ms, 1)} ms`);
lines.push(`native first call (tables built) ${f(native?.first_call_ms, 2)} ms; wasm instantiation ${f(instantiateMs, 2)} ms + first call ${f(firstCallMs, 2)} ms; wasm linear memory peak ${f(wasmMemory() / 1e6)} MB; node max RSS after lede ${f(ledeMaxRss / 1e6)} MB`);
lines.push(`10 MB / 1 MB time: native ${f(native ? native.inputs[N10].median_ms / native.inputs[N1].median_ms : null, 2)}, wasm ${f(wasm[N10].median_ms / wasm[N1].median_ms, 2)}`);
lines.push('', '| size (bytes) | raw | gzip -9 | brotli |', '| --- | ---: | ---: | ---: |');
const srow = (label, s) => lines.push(`| ${label} | ${s.raw} | ${s.gzip} | ${s.brotli} |`);
srow('lede_bg.wasm (web)', size.web.wasm);
srow('lede.js glue (web)', size.web.glue);
srow('**lede total (web)**', size.web.total);
srow(`compromise ${compromiseVersion} builds/compromise.js (minified)`, size.compromise_min_js);
lines.push('', '| target | want | value | met |', '| --- | --- | ---: | --- |');
for (const x of targets) lines.push(`| ${x.target} | ${x.want} | ${x.value} | ${x.met ? 'yes' : '**no**'} |`);
lines.push('', `record: ${out.slice(root.length + 1)}`);
console.log(lines.join('\n'));
