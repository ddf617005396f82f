//! The native half of `make bench`: the throughput of [`lede::annotate`] on the inputs `benches/gen.mjs` writes.
//!
//! A plain timing loop (no harness): each input is annotated once to warm up, then repeatedly until both a minimum
//! number of runs and a minimum total time are reached; the median run is reported. Results go to stdout as a table
//! and to `target/bench-native.json` (or `$LEDE_BENCH_OUT`), which `benches/node.mjs` folds into the record.
//! Inputs are read from `target/bench-inputs/` (or `$LEDE_BENCH_INPUTS`); `$LEDE_BENCH_ONLY=news` runs only the inputs
//! whose file name contains `news`.
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
/// Keep running an input until this much time has passed (and the minimum runs are done).
const MIN_TIME: Duration = Duration::from_millis(1500);
/// Stop after this many runs even if MIN_TIME has not passed.
const MAX_RUNS: usize = 5000;

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

    let mut results = Vec::new();
    let mut first_call = Duration::ZERO;
    let only = std::env::var("LEDE_BENCH_ONLY").unwrap_or_default();
    for &(name, min_runs) in INPUTS.iter().filter(|(n, _)| n.contains(only.as_str())) {
        let path = dir.join(name);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "bench: cannot read {} ({e}): run `node benches/gen.mjs` first",
                    path.display()
                );
                std::process::exit(2);
            }
        };
        // The first call of the process also builds the lookup tables (`OnceLock`s): timed on its own.
        let t = Instant::now();
        let annotations = lede::annotate(black_box(&text)).annotations.len();
        let first = t.elapsed();
        if results.is_empty() {
            first_call = first;
        }
        let mut times = Vec::new();
        let started = Instant::now();
        while times.len() < MAX_RUNS && (times.len() < min_runs || started.elapsed() < MIN_TIME) {
            let t = Instant::now();
            let doc = lede::annotate(black_box(&text));
            times.push(t.elapsed());
            black_box(doc);
        }
        times.sort();
        let r = Result {
            name,
            bytes: text.len(),
            runs: times.len(),
            median: times[times.len() / 2],
            min: times[0],
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
