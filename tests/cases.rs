//! Runs every data-driven case in tests/cases/*.tsv against the native library (format: tests/common/mod.rs).

mod common;

use lede::{annotate, Output, Unit};

fn annotate_json(text: &str) -> serde_json::Value {
    let doc = annotate(text);
    serde_json::to_value(Output::new(text, &doc, Unit::Utf16)).expect("output serialises")
}

#[test]
fn all_cases() {
    let (n, failures) = common::run_all(annotate_json);
    assert!(failures.is_empty(), "{} of {n} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn case_texts_have_exact_offsets() {
    for (file, src) in common::FILES {
        for case in common::parse(file, src) {
            let out = annotate_json(&case.text);
            if let Err(e) = common::check_offsets(&case.text, &out) {
                panic!("{file}:{}: {e}", case.line);
            }
        }
    }
}
