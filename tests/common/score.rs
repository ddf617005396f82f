//! Scoring against hand-made gold files, the same way as ../shared/eval/score.py, for the native accuracy tests
//! (tests/seed.rs, tests/eval.rs).
//!
//! A gold file has one mention a line, `kind<TAB>surface<TAB>attribute`, in document order within each kind; `#` lines
//! are comments. Each surface is found by searching forward from the previous mention of the same kind, on word
//! boundaries where the surface starts or ends with a word character. Offsets are counted in code points. Matching
//! is one-to-one by kind, best overlap first for each gold mention in order, lenient (overlap) or strict (exact
//! offsets); attributes (person name, country code, figure class, quote speaker) are compared, ignoring case, on the
//! lenient matches that have a gold attribute, and on every quote match.

use std::collections::HashMap;

use serde_json::Value;

pub const KINDS: [&str; 4] = ["person", "country", "figure", "quote"];

/// One mention, gold or system: code-point offsets and its scored attribute.
pub struct Mention {
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub attr: String,
}

/// The gold mentions of `text` from the gold file `tsv`; panics (naming `name`) on a surface it cannot find.
pub fn gold(name: &str, text: &str, tsv: &str) -> Vec<Mention> {
    let chars: Vec<char> = text.chars().collect();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut cursor: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (kind, surface) = (f[0], f.get(1).copied().unwrap_or(""));
        let attr = f.get(2).copied().unwrap_or("");
        let attr = attr.strip_suffix(" demonym").unwrap_or(attr).to_string();
        let pat: Vec<char> = surface.chars().collect();
        assert!(!pat.is_empty(), "{name}:{}: empty surface", n + 1);
        let from = *cursor.get(kind).unwrap_or(&0);
        let start = (from..(chars.len() + 1).saturating_sub(pat.len()))
            .find(|&s| {
                chars[s..s + pat.len()] == pat[..]
                    && !(is_word(pat[0]) && s > 0 && is_word(chars[s - 1]))
                    && !(is_word(pat[pat.len() - 1])
                        && chars.get(s + pat.len()).is_some_and(|&c| is_word(c)))
            })
            .unwrap_or_else(|| {
                panic!(
                    "{name}:{}: gold {kind} {surface:?} not found after {from}",
                    n + 1
                )
            });
        cursor.insert(kind.to_string(), start + pat.len());
        out.push(Mention {
            kind: kind.into(),
            start,
            end: start + pat.len(),
            attr,
        });
    }
    out
}

/// The mentions of lede's output JSON, written with offsets in code points (`Unit::Chars`).
pub fn system(out: &Value) -> Vec<Mention> {
    let key = |k: &str| match k {
        "person" => "name",
        "country" => "code",
        "figure" => "class",
        _ => "speaker",
    };
    out["annotations"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|a| {
            let kind = a["kind"].as_str().unwrap_or("").to_string();
            let attr = match &a[key(&kind)] {
                Value::String(s) => s.clone(),
                _ => String::new(),
            };
            Mention {
                kind,
                start: a["start"].as_u64().unwrap_or(0) as usize,
                end: a["end"].as_u64().unwrap_or(0) as usize,
                attr,
            }
        })
        .collect()
}

/// One-to-one matching, best overlap first for each gold mention in order (as score.py does).
pub fn matches(gold: &[&Mention], sys: &[&Mention], strict: bool) -> Vec<(usize, usize)> {
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

/// Counts for one kind, pooled over documents.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub gold: usize,
    pub sys: usize,
    pub tp: usize,
    pub tp_strict: usize,
    pub attr_scored: usize,
    pub attr_good: usize,
}

impl Counts {
    pub fn f1(&self) -> f64 {
        f1(self.tp, self.sys, self.gold)
    }

    pub fn f1_strict(&self) -> f64 {
        f1(self.tp_strict, self.sys, self.gold)
    }

    /// Attribute accuracy on the lenient matches (1.0 when none is scored).
    pub fn attr(&self) -> f64 {
        if self.attr_scored == 0 {
            1.0
        } else {
            self.attr_good as f64 / self.attr_scored as f64
        }
    }
}

pub fn f1(tp: usize, ns: usize, ng: usize) -> f64 {
    let p = if ns == 0 { 1.0 } else { tp as f64 / ns as f64 };
    let r = if ng == 0 { 1.0 } else { tp as f64 / ng as f64 };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Pooled counts per kind (in [`KINDS`] order) over documents given as (gold, system) mentions.
#[derive(Clone, Debug, Default)]
pub struct Score {
    pub kinds: [Counts; 4],
}

impl Score {
    /// Adds one document.
    pub fn add(&mut self, gold: &[Mention], sys: &[Mention]) {
        for (k, kind) in KINDS.iter().enumerate() {
            let g: Vec<&Mention> = gold.iter().filter(|m| m.kind == *kind).collect();
            let s: Vec<&Mention> = sys.iter().filter(|m| m.kind == *kind).collect();
            let lenient = matches(&g, &s, false);
            let strict = matches(&g, &s, true);
            let scored: Vec<&(usize, usize)> = lenient
                .iter()
                .filter(|(gi, _)| !g[*gi].attr.is_empty() || *kind == "quote")
                .collect();
            let good = scored
                .iter()
                .filter(|(gi, si)| g[*gi].attr.to_lowercase() == s[*si].attr.to_lowercase())
                .count();
            let c = &mut self.kinds[k];
            c.gold += g.len();
            c.sys += s.len();
            c.tp += lenient.len();
            c.tp_strict += strict.len();
            c.attr_scored += scored.len();
            c.attr_good += good;
        }
    }

    pub fn macro_f1(&self) -> f64 {
        self.kinds.iter().map(Counts::f1).sum::<f64>() / 4.0
    }

    pub fn macro_f1_strict(&self) -> f64 {
        self.kinds.iter().map(Counts::f1_strict).sum::<f64>() / 4.0
    }

    /// A table like score.py's.
    pub fn table(&self) -> String {
        let mut s = String::new();
        for (kind, c) in KINDS.iter().zip(&self.kinds) {
            s += &format!(
                "{kind:8} gold {:4} sys {:4} F1 {:.3} strict {:.3} attr {:.3}\n",
                c.gold,
                c.sys,
                c.f1(),
                c.f1_strict(),
                c.attr()
            );
        }
        s += &format!(
            "macro-F1 {:.3} strict {:.3}\n",
            self.macro_f1(),
            self.macro_f1_strict()
        );
        s
    }
}
