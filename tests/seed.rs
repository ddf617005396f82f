//! The seed article (tests/fixtures/seed.txt, the article lede was specified with) against its hand-made gold annotation
//! (tests/fixtures/seed.gold.tsv, copied from ../shared/eval). Scores the same way as ../shared/eval/score.py
//! (tests/common/score.rs): gold mentions are resolved by searching forward for their text, matching is one-to-one by
//! kind, lenient (overlap) or strict (exact offsets), and attributes are compared on the lenient matches.
//!
//! The bar: macro-F1 at least 0.98 (overlap) and 0.95 (exact), every kind's F1 and attribute accuracy at least 0.95,
//! and every quote's speaker right.

mod common;

use common::score::{self, Score, KINDS};
use lede::{annotate, Output, Unit};

const TEXT: &str = include_str!("fixtures/seed.txt");
const GOLD: &str = include_str!("fixtures/seed.gold.tsv");

#[test]
fn seed_article_meets_the_bar() {
    let gold = score::gold("seed.gold.tsv", TEXT, GOLD);
    let out = serde_json::to_value(Output::new(TEXT, &annotate(TEXT), Unit::Chars)).unwrap();
    let mut s = Score::default();
    s.add(&gold, &score::system(&out));
    let report = s.table();
    let mut failures = Vec::new();
    for (kind, c) in KINDS.iter().zip(&s.kinds) {
        if c.f1() < 0.95 {
            failures.push(format!("{kind} F1 {:.3} < 0.95", c.f1()));
        }
        if c.attr() < 0.95 {
            failures.push(format!("{kind} attribute accuracy {:.3} < 0.95", c.attr()));
        }
        if *kind == "quote" && c.attr_good != c.attr_scored {
            failures.push(format!(
                "{} of {} quote speakers wrong",
                c.attr_scored - c.attr_good,
                c.attr_scored
            ));
        }
    }
    if s.macro_f1() < 0.98 {
        failures.push(format!("macro-F1 {:.3} < 0.98", s.macro_f1()));
    }
    if s.macro_f1_strict() < 0.95 {
        failures.push(format!("strict macro-F1 {:.3} < 0.95", s.macro_f1_strict()));
    }
    println!("{report}");
    assert!(failures.is_empty(), "{}\n{report}", failures.join("\n"));
}
