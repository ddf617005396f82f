//! The command-line tool, run as a process: errors exit 2 with one line on stderr, input from a file or stdin,
//! `--pretty`, `--offsets utf8|utf16|chars`, and a 10 MB input.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SEED: &str = include_str!("fixtures/seed.txt");

/// News text with non-ASCII before and inside likely annotations, so the three offset units differ.
const NON_ASCII: &str = "👨‍👩‍👧 Ünïcödé headline — “Ça va très bien,” said French President Emmanuel Macron in Paris on \
    Oct. 7, 2023, after France and Germany agreed a €5 billion plan. Russian President Vladimir Putin said 40 percent.\n";

fn lede() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lede"))
}

fn run(args: &[&str]) -> Output {
    lede().args(args).output().expect("the lede binary runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = lede()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the lede binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    // Write from another thread so a large output cannot deadlock against a full input pipe.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("lede finishes");
    writer
        .join()
        .expect("writer thread")
        .expect("stdin accepts the input");
    out
}

/// A fresh file under Cargo's per-test temporary directory.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("lede-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("the temporary file can be written");
    path
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "lede failed: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// Asserts a failure: exit code 2, nothing on stdout, exactly one line on stderr that starts "lede: " and contains `needle`.
fn assert_fails(out: &Output, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit code; stderr: {err}");
    assert!(out.stdout.is_empty(), "nothing on stdout on error");
    assert_eq!(err.lines().count(), 1, "one line on stderr, got {err:?}");
    assert!(
        err.starts_with("lede: ") && err.contains(needle),
        "stderr {err:?} should mention {needle:?}"
    );
}

/// One annotation of an output: kind, text and offsets.
#[derive(Debug, PartialEq)]
struct Span {
    kind: String,
    text: String,
    start: usize,
    end: usize,
}

fn spans(v: &Value) -> Vec<Span> {
    let anns = v["annotations"].as_array().expect("annotations array");
    anns.iter()
        .map(|a| Span {
            kind: a["kind"].as_str().expect("kind").to_string(),
            text: a["text"].as_str().expect("text").to_string(),
            start: a["start"].as_u64().expect("start") as usize,
            end: a["end"].as_u64().expect("end") as usize,
        })
        .collect()
}

/// The (kind, text) pairs of some spans: what must not change with the offset unit.
fn kinds_and_texts(spans: &[Span]) -> Vec<(&str, &str)> {
    spans
        .iter()
        .map(|s| (s.kind.as_str(), s.text.as_str()))
        .collect()
}

#[test]
fn missing_file_exits_2() {
    assert_fails(&run(&["/nonexistent/lede/article.txt"]), "no such file");
}

#[test]
fn directory_exits_2() {
    assert_fails(&run(&[env!("CARGO_TARGET_TMPDIR")]), "directory");
}

#[test]
fn non_utf8_names_the_byte_offset() {
    let path = temp_file("latin1.txt", b"Caf\xe9 Russia said \xff");
    let out = run(&[path.to_str().unwrap()]);
    assert_fails(&out, "byte offset 3");
    let out = run_stdin(&[], b"ok \xc3\x28 no");
    assert_fails(&out, "byte offset 3");
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
    std::fs::remove_file(path).ok();
}

#[test]
fn bad_options_exit_2() {
    assert_fails(&run(&["--offsets", "words"]), "unknown offset unit");
    assert_fails(&run(&["--offsets"]), "--offsets needs a value");
    assert_fails(&run(&["--frobnicate"]), "unknown option");
    assert_fails(&run(&["a.txt", "b.txt"]), "only one FILE");
}

#[test]
fn help_and_version() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("usage: lede"));
    let out = run(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("lede {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn stdin_and_file_give_the_same_output() {
    let path = temp_file("seed.txt", SEED.as_bytes());
    let from_file = run(&[path.to_str().unwrap()]);
    let from_stdin = run_stdin(&[], SEED.as_bytes());
    let from_dash = run_stdin(&["-"], SEED.as_bytes());
    assert_eq!(json(&from_file)["version"], 1);
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert_eq!(from_file.stdout, from_dash.stdout);
    assert_eq!(
        from_file.stdout.iter().filter(|&&b| b == b'\n').count(),
        1,
        "compact output is one line"
    );
    std::fs::remove_file(path).ok();
}

#[test]
fn pretty_is_the_same_json_indented() {
    let compact = run_stdin(&[], SEED.as_bytes());
    let pretty = run_stdin(&["--pretty"], SEED.as_bytes());
    assert_eq!(json(&compact), json(&pretty));
    let text = String::from_utf8_lossy(&pretty.stdout);
    assert!(
        text.lines().count() > 3 && text.contains("\n  \"version\": 1"),
        "indented: {text}"
    );
}

#[test]
fn offset_units_count_differently_on_non_ascii_text() {
    let outs: Vec<Value> = ["utf8", "utf16", "chars"]
        .iter()
        .map(|u| json(&run_stdin(&["--offsets", u], NON_ASCII.as_bytes())))
        .collect();
    let (b, u, c) = (spans(&outs[0]), spans(&outs[1]), spans(&outs[2]));
    assert_eq!(
        kinds_and_texts(&b),
        kinds_and_texts(&u),
        "the unit changes offsets only"
    );
    assert_eq!(
        kinds_and_texts(&b),
        kinds_and_texts(&c),
        "the unit changes offsets only"
    );
    // The default unit is utf16.
    assert_eq!(json(&run_stdin(&[], NON_ASCII.as_bytes())), outs[1]);
    // Each unit's offsets index the text in that unit.
    let utf16: Vec<u16> = NON_ASCII.encode_utf16().collect();
    let chars: Vec<char> = NON_ASCII.chars().collect();
    for ((b, u), c) in b.iter().zip(&u).zip(&c) {
        assert_eq!(
            NON_ASCII.get(b.start..b.end),
            Some(b.text.as_str()),
            "utf8 {b:?}"
        );
        assert_eq!(
            utf16
                .get(u.start..u.end)
                .and_then(|s| String::from_utf16(s).ok())
                .as_deref(),
            Some(u.text.as_str()),
            "utf16 {u:?}"
        );
        assert_eq!(
            chars
                .get(c.start..c.end)
                .map(|s| s.iter().collect::<String>())
                .as_deref(),
            Some(c.text.as_str()),
            "chars {c:?}"
        );
        // Everything follows the emoji prefix: bytes > UTF-16 units > code points.
        assert!(b.start > u.start && u.start > c.start, "{b:?} {u:?} {c:?}");
    }
    // `--offsets=UNIT` works too.
    assert_eq!(
        json(&run_stdin(&["--offsets=chars"], NON_ASCII.as_bytes())),
        outs[2]
    );
}

#[test]
fn ten_megabytes_work() {
    let mut big = String::with_capacity(10 << 20);
    while big.len() < 10 << 20 {
        big.push_str(SEED);
        big.push_str(NON_ASCII);
    }
    let path = temp_file("big.txt", big.as_bytes());
    let out = run(&[path.to_str().unwrap(), "--offsets", "utf8"]);
    std::fs::remove_file(path).ok();
    let v = json(&out);
    let found = spans(&v);
    let mut prev = 0;
    for s in &found {
        assert_eq!(big.get(s.start..s.end), Some(s.text.as_str()), "{s:?}");
        assert!(s.start >= prev, "sorted by start");
        prev = s.start;
    }
    // The text repeats, so most annotations of one copy recur in every copy (those at the joins may change).
    let one = spans(&json(&run_stdin(&[], SEED.as_bytes()))).len();
    let copies = big.len() / (SEED.len() + NON_ASCII.len());
    assert!(
        found.len() >= one * copies / 2,
        "{} annotations in {copies} copies of a text with {one}",
        found.len()
    );
}
