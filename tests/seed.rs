//! The seed article (tests/fixtures/seed.txt, the article lede was specified with) against its hand-made gold annotation
//! (tests/fixtures/seed.gold.tsv, copied from ../shared/eval). Scores the same way as ../shared/eval/score.py: gold
//! mentions are resolved by searching forward for their text, matching is one-to-one by kind, lenient (overlap) or
//! strict (exact offsets), and attributes are compared on the lenient matches.
//!
//! The bar: macro-F1 at least 0.98 (overlap) and 0.95 (exact), every kind's F1 and attribute accuracy at least 0.95,
//! and every quote's speaker right.

use lede::{annotate, Output, Unit};
use serde_json::Value;

const TEXT: &str = include_str!("fixtures/seed.txt");
const GOLD: &str = include_str!("fixtures/seed.gold.tsv");
const KINDS: [&str; 4] = ["person", "country", "figure", "quote"];

struct Mention {
    kind: String,
    start: usize,
    end: usize,
    attr: String,
}

/// Code-point offsets (what score.py compares) of the gold mentions.
fn gold() -> Vec<Mention> {
    let chars: Vec<char> = TEXT.chars().collect();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut cursor = std::collections::HashMap::new();
    let mut out = Vec::new();
    for line in GOLD
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (kind, surface) = (f[0], f[1]);
        let attr = f
            .get(2)
            .copied()
            .unwrap_or("")
            .trim_end_matches(" demonym")
            .to_string();
        let pat: Vec<char> = surface.chars().collect();
        let from = *cursor.get(kind).unwrap_or(&0);
        let start = (from..chars.len().saturating_sub(pat.len() - 1))
            .find(|&s| {
                chars[s..s + pat.len()] == pat[..]
                    && !(is_word(pat[0]) && s > 0 && is_word(chars[s - 1]))
                    && !(is_word(pat[pat.len() - 1])
                        && chars.get(s + pat.len()).is_some_and(|&c| is_word(c)))
            })
            .unwrap_or_else(|| panic!("gold {kind} {surface:?} not found after {from}"));
        cursor.insert(kind, start + pat.len());
        out.push(Mention {
            kind: kind.into(),
            start,
            end: start + pat.len(),
            attr,
        });
    }
    out
}

fn system() -> Vec<Mention> {
    let doc = annotate(TEXT);
    let out = serde_json::to_value(Output::new(TEXT, &doc, Unit::Chars)).unwrap();
    let key = |k: &str| match k {
        "person" => "name",
        "country" => "code",
        "figure" => "class",
        _ => "speaker",
    };
    out["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let kind = a["kind"].as_str().unwrap().to_string();
            let attr = match &a[key(&kind)] {
                Value::String(s) => s.clone(),
                _ => String::new(),
            };
            Mention {
                kind,
                start: a["start"].as_u64().unwrap() as usize,
                end: a["end"].as_u64().unwrap() as usize,
                attr,
            }
        })
        .collect()
}

/// One-to-one matching, best overlap first for each gold mention in order (as score.py does).
fn matches(gold: &[&Mention], sys: &[&Mention], strict: bool) -> Vec<(usize, usize)> {
    let mut used = vec![false; sys.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let mut best: Option<(usize, usize)> = None;
        for (si, s) in sys.iter().enumerate() {
            let ok = if strict {
                s.start == g.start && s.end == g.end
            } else {
                s.start < g.end && g.start < s.end
            };
            if used[si] || !ok {
                continue;
            }
            let ov = g.end.min(s.end) - g.start.max(s.start);
            if best.is_none_or(|(b, _)| ov > b) {
                best = Some((ov, si));
            }
        }
        if let Some((_, si)) = best {
            used[si] = true;
            pairs.push((gi, si));
        }
    }
    pairs
}

fn f1(tp: usize, ns: usize, ng: usize) -> f64 {
    let p = if ns == 0 { 1.0 } else { tp as f64 / ns as f64 };
    let r = if ng == 0 { 1.0 } else { tp as f64 / ng as f64 };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn seed_article_meets_the_bar() {
    let (gold, sys) = (gold(), system());
    let mut report = String::new();
    let mut failures = Vec::new();
    let (mut sum_lenient, mut sum_strict) = (0.0, 0.0);
    for kind in KINDS {
        let g: Vec<&Mention> = gold.iter().filter(|m| m.kind == kind).collect();
        let s: Vec<&Mention> = sys.iter().filter(|m| m.kind == kind).collect();
        let lenient = matches(&g, &s, false);
        let strict = matches(&g, &s, true);
        let scored: Vec<_> = lenient
            .iter()
            .filter(|(gi, _)| !g[*gi].attr.is_empty() || kind == "quote")
            .collect();
        let good = scored
            .iter()
            .filter(|(gi, si)| g[*gi].attr.eq_ignore_ascii_case(&s[*si].attr))
            .count();
        let fl = f1(lenient.len(), s.len(), g.len());
        let fs = f1(strict.len(), s.len(), g.len());
        let acc = if scored.is_empty() {
            1.0
        } else {
            good as f64 / scored.len() as f64
        };
        sum_lenient += fl;
        sum_strict += fs;
        report += &format!(
            "{kind:8} gold {:3} sys {:3} F1 {fl:.3} strict {fs:.3} attr {acc:.3}\n",
            g.len(),
            s.len()
        );
        if fl < 0.95 {
            failures.push(format!("{kind} F1 {fl:.3} < 0.95"));
        }
        if acc < 0.95 {
            failures.push(format!("{kind} attribute accuracy {acc:.3} < 0.95"));
        }
        if kind == "quote" && good != scored.len() {
            failures.push(format!(
                "{} of {} quote speakers wrong",
                scored.len() - good,
                scored.len()
            ));
        }
    }
    let macro_f1 = sum_lenient / 4.0;
    report += &format!("macro-F1 {macro_f1:.3} strict {:.3}\n", sum_strict / 4.0);
    let macro_strict = sum_strict / 4.0;
    if macro_f1 < 0.98 {
        failures.push(format!("macro-F1 {macro_f1:.3} < 0.98"));
    }
    if macro_strict < 0.95 {
        failures.push(format!("strict macro-F1 {macro_strict:.3} < 0.95"));
    }
    println!("{report}");
    assert!(failures.is_empty(), "{}\n{report}", failures.join("\n"));
}
