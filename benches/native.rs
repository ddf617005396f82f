//! The native half of `make bench`: the throughput of [`lede::annotate`] on the inputs `benches/gen.mjs` writes.
//!
//! A plain timing loop (no harness), in rounds: after one untimed call of each input (the first also builds the lookup
//! tables, timed on its own), every round runs every input, each a fixed number of times (its minimum runs spread over
//! `MIN_ROUNDS`), until every input has its minimum runs and `MIN_TIME` has passed; an input's median run is reported.
//! Rounds, not one input after another, because the machine is shared: a burst of load from other jobs then falls on
//! all inputs alike instead of on whichever one was being timed, and the ratios between inputs (10 MB / 1 MB, hostile
//! / news) stay fair. Results go to stdout as a table and to `target/bench-native.json` (or `$LEDE_BENCH_OUT`), which
//! `benches/node.mjs` folds into the record. Inputs are read from `target/bench-inputs/` (or `$LEDE_BENCH_INPUTS`);
//! `$LEDE_BENCH_ONLY=news` runs only the inputs whose file name contains `news`.
//!
//! Run with `cargo bench --bench native` (the release profile: LTO, one codegen unit), after `node benches/gen.mjs`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The inputs, in report order: (file, minimum runs).
const INPUTS: &[(&str, usize)] = &[
    ("article.txt", 500),
    ("news-1mb.txt", 21),
    ("news-10mb.txt", 7),
    ("nospace-1mb.txt", 11),
    ("quotes-1mb.txt", 11),
    ("digits-1mb.txt", 11),
    ("caps-1mb.txt", 11),
    ("nested-1mb.txt", 11),
];
/// Keep running rounds until this much time has passed (and every input has its minimum runs).
const MIN_TIME: Duration = Duration::from_secs(10);
/// An input's minimum runs are spread over at least this many rounds.
const MIN_ROUNDS: usize = 7;
/// Stop after this many rounds even if MIN_TIME has not passed.
const MAX_ROUNDS: usize = 200;

struct Result {
    name: &'static str,
    bytes: usize,
    runs: usize,
    median: Duration,
    min: Duration,
    annotations: usize,
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("LEDE_BENCH_INPUTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/bench-inputs"));
    let out = std::env::var_os("LEDE_BENCH_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/bench-native.json"));

    let only = std::env::var("LEDE_BENCH_ONLY").unwrap_or_default();
    let mut inputs = Vec::new();
    for &(name, min_runs) in INPUTS.iter().filter(|(n, _)| n.contains(only.as_str())) {
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => inputs.push((name, min_runs, text)),
            Err(e) => {
                eprintln!(
                    "bench: cannot read {} ({e}): run `node benches/gen.mjs` first",
                    path.display()
                );
                std::process::exit(2);
            }
        }
    }

    // The first call of the process also builds the lookup tables (`OnceLock`s): timed on its own. Every input is
    // then annotated once untimed, which also counts its annotations.
    let mut first_call = Duration::ZERO;
    let mut annotations = Vec::new();
    for (i, (_, _, text)) in inputs.iter().enumerate() {
        let t = Instant::now();
        annotations.push(lede::annotate(black_box(text)).annotations.len());
        if i == 0 {
            first_call = t.elapsed();
        }
    }

    let per_round: Vec<usize> = inputs
        .iter()
        .map(|(_, min_runs, _)| min_runs.div_ceil(MIN_ROUNDS).max(1))
        .collect();
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); inputs.len()];
    let started = Instant::now();
    for _ in 0..MAX_ROUNDS {
        let done = inputs
            .iter()
            .zip(&times)
            .all(|((_, min_runs, _), ts)| ts.len() >= *min_runs);
        if done && started.elapsed() >= MIN_TIME {
            break;
        }
        for (((_, _, text), ts), &n) in inputs.iter().zip(&mut times).zip(&per_round) {
            for _ in 0..n {
                let t = Instant::now();
                let doc = lede::annotate(black_box(text));
                ts.push(t.elapsed());
                black_box(doc);
            }
        }
    }

    let mut results = Vec::new();
    for (((name, _, text), mut ts), annotations) in inputs.iter().zip(times).zip(annotations) {
        ts.sort();
        let r = Result {
            name,
            bytes: text.len(),
            runs: ts.len(),
            median: ts[ts.len() / 2],
            min: ts[0],
            annotations,
        };
        println!(
            "native {:<16} {:>10} bytes  median {:>10.3} ms  {:>8.1} MB/s  ({} runs, {} annotations)",
            r.name,
            r.bytes,
            ms(r.median),
            mbps(r.bytes, r.median),
            r.runs,
            r.annotations
        );
        results.push(r);
    }

    let mut json = String::from("{\n  \"inputs\": {\n");
    for (i, r) in results.iter().enumerate() {
        json.push_str(&format!(
            "    \"{}\": {{\"bytes\": {}, \"runs\": {}, \"median_ms\": {:.4}, \"min_ms\": {:.4}, \"mb_per_s\": {:.2}, \"annotations\": {}}}{}\n",
            r.name,
            r.bytes,
            r.runs,
            ms(r.median),
            ms(r.min),
            mbps(r.bytes, r.median),
            r.annotations,
            if i + 1 < results.len() { "," } else { "" }
        ));
    }
    json.push_str(&format!(
        "  }},\n  \"first_call_ms\": {:.4},\n  \"rustc\": \"{}\",\n  \"profile\": \"bench (inherits release: opt-level 3, LTO, 1 codegen unit)\"\n}}\n",
        ms(first_call),
        rustc_version()
    ));
    if let Err(e) = std::fs::write(&out, json) {
        eprintln!("bench: cannot write {} ({e})", out.display());
        std::process::exit(2);
    }
    println!(
        "native: first call (with the tables' set-up) {:.3} ms; results in {}",
        ms(first_call),
        out.display()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Megabytes (10^6 bytes) per second.
fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-12)
}

fn rustc_version() -> String {
    std::process::Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}
