//! Accuracy on news lede was not specified with: every article tests/eval/NAME.txt against its hand-made gold
//! annotation tests/eval/NAME.tsv (written by the rules of ../shared/eval/GUIDELINES.md, in the format of
//! ../shared/eval/gold/seed.tsv), scored pooled the way ../shared/eval/score.py scores (tests/common/score.rs).
//! `scripts/score.sh` (`make score`) prints the same numbers with score.py itself, and the errors.
//!
//! The bar is set a little under what lede reaches, so that a change that makes it worse fails:
//! pooled macro-F1 at least [`MACRO`] (overlap) and [`MACRO_STRICT`] (exact), every kind's F1 at least [`KIND_F1`] and
//! attribute accuracy at least [`KIND_ATTR`], and every article's own macro-F1 at least [`DOC_MACRO`].

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use common::score::{self, Score, KINDS};
use lede::{annotate, Output, Unit};

/// Pooled macro-F1 (overlap); lede reaches 0.999 on the twenty-nine articles (2026-11-28). All were tuned on by now;
/// as first scored, before any fix made for them, the later ones reached 0.970 (eight articles, markets_quarter …
/// obituary_physicist), 0.963 (five, us_shutdown … go_masters) and 0.970 (four, africa_currencies … ukraine_dispatch).
const MACRO: f64 = 0.98;
/// Pooled macro-F1 (exact offsets); lede reaches 0.999.
const MACRO_STRICT: f64 = 0.98;
/// Each kind's pooled F1; the lowest is person, 0.995.
const KIND_F1: f64 = 0.95;
/// Each kind's attribute accuracy; the lowest is quote speakers, 0.978.
const KIND_ATTR: f64 = 0.93;
/// Each article's macro-F1; the lowest is tech_ai_spending, 0.983. Kept at 0.90 so that a new article written as
/// unseen text (first scores so far 0.91–1.00) can join before its fixes.
const DOC_MACRO: f64 = 0.90;

#[test]
fn eval_articles_meet_the_bar() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/eval exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    assert!(
        names.len() >= 6,
        "tests/eval holds {} articles",
        names.len()
    );
    let mut pooled = Score::default();
    let mut report = String::new();
    let mut failures = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let tsv = std::fs::read_to_string(dir.join(format!("{name}.tsv")))
            .unwrap_or_else(|_| panic!("tests/eval/{name}.txt has no gold file {name}.tsv"));
        let gold = score::gold(&format!("{name}.tsv"), &text, &tsv);
        let out = serde_json::to_value(Output::new(&text, &annotate(&text), Unit::Chars)).unwrap();
        let sys = score::system(&out);
        let mut one = Score::default();
        one.add(&gold, &sys);
        pooled.add(&gold, &sys);
        report += &format!(
            "{name:20} macro-F1 {:.3} strict {:.3}\n",
            one.macro_f1(),
            one.macro_f1_strict()
        );
        if one.macro_f1() < DOC_MACRO {
            failures.push(format!(
                "{name}: macro-F1 {:.3} < {DOC_MACRO}",
                one.macro_f1()
            ));
        }
    }
    report += &pooled.table();
    for (kind, c) in KINDS.iter().zip(&pooled.kinds) {
        if c.f1() < KIND_F1 {
            failures.push(format!("{kind} F1 {:.3} < {KIND_F1}", c.f1()));
        }
        if c.attr() < KIND_ATTR {
            failures.push(format!(
                "{kind} attribute accuracy {:.3} < {KIND_ATTR}",
                c.attr()
            ));
        }
    }
    if pooled.macro_f1() < MACRO {
        failures.push(format!("macro-F1 {:.3} < {MACRO}", pooled.macro_f1()));
    }
    if pooled.macro_f1_strict() < MACRO_STRICT {
        failures.push(format!(
            "strict macro-F1 {:.3} < {MACRO_STRICT}",
            pooled.macro_f1_strict()
        ));
    }
    println!("{report}");
    assert!(failures.is_empty(), "{}\n{report}", failures.join("\n"));
}
