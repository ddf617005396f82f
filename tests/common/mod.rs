//! Data-driven cases shared by the native tests (tests/cases.rs) and the wasm tests (tests/web.rs).
//!
//! A case file (tests/cases/*.tsv) has one expectation a line, tab-separated:
//!
//! ```text
//! TEXT <TAB> KIND <TAB> SPAN [<TAB> KEY=VALUE ...]
//! ```
//!
//! - `KIND` is person, country, figure or quote: an annotation of that kind whose text is exactly `SPAN` must exist,
//!   and each `KEY=VALUE` must equal that annotation's attribute (`value=1700000000`, `speaker=` for none).
//!   `SPAN#2` means the second occurrence of SPAN in TEXT.
//! - `!KIND` means no annotation of that kind may overlap SPAN (write `!KIND <TAB> *` for none anywhere in TEXT).
//! - In TEXT, `\n` stands for a line break and `\t` for a tab.
//!
//! Lines starting with `#` are comments; a comment line `## name` names the cases below it in failure reports.

#![allow(dead_code)]

pub mod score;

use serde_json::Value;

pub struct Case {
    pub file: &'static str,
    pub line: usize,
    pub section: String,
    pub text: String,
    pub negate: bool,
    pub kind: String,
    pub span: String,
    pub nth: usize,
    pub attrs: Vec<(String, String)>,
}

pub fn unescape(s: &str) -> String {
    s.replace("\\n", "\n").replace("\\t", "\t")
}

pub fn parse(file: &'static str, src: &str) -> Vec<Case> {
    let mut out = Vec::new();
    let mut section = String::new();
    for (n, line) in src.lines().enumerate() {
        if let Some(name) = line.strip_prefix("## ") {
            section = name.trim().to_string();
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(
            f.len() >= 3,
            "{file}:{}: a case needs TEXT, KIND and SPAN",
            n + 1
        );
        let (negate, kind) = match f[1].strip_prefix('!') {
            Some(k) => (true, k.to_string()),
            None => (false, f[1].to_string()),
        };
        assert!(
            ["person", "country", "figure", "quote"].contains(&kind.as_str()),
            "{file}:{}: unknown kind {kind:?}",
            n + 1
        );
        let (span, nth) = match f[2].rsplit_once('#') {
            Some((s, k)) if !s.is_empty() && k.parse::<usize>().is_ok() => {
                (s.to_string(), k.parse().unwrap())
            }
            _ => (f[2].to_string(), 1),
        };
        let attrs = f[3..]
            .iter()
            .filter(|a| !a.is_empty())
            .map(|a| {
                let (k, v) = a.split_once('=').unwrap_or_else(|| {
                    panic!("{file}:{}: attribute {a:?} is not KEY=VALUE", n + 1)
                });
                (k.to_string(), v.to_string())
            })
            .collect();
        out.push(Case {
            file,
            line: n + 1,
            section: section.clone(),
            text: unescape(f[0]),
            negate,
            kind,
            span: unescape(&span),
            nth,
            attrs,
        });
    }
    out
}

/// UTF-16 offset of the nth occurrence of `span` in `text`.
fn find_utf16(text: &str, span: &str, nth: usize) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut found = None;
    for _ in 0..nth {
        let i = text[from..].find(span)? + from;
        found = Some(i);
        from = i + span.len().max(1);
    }
    let i = found?;
    let s = text[..i].encode_utf16().count();
    Some((s, s + span.encode_utf16().count()))
}

fn attr_str(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// Checks one case against the output JSON of `annotate(case.text)`; returns a description of the failure.
pub fn check(case: &Case, out: &Value) -> Result<(), String> {
    let anns = out["annotations"].as_array().cloned().unwrap_or_default();
    let of_kind: Vec<&Value> = anns
        .iter()
        .filter(|a| a["kind"] == case.kind.as_str())
        .collect();
    let where_ = format!(
        "{}:{} [{}] {:?}",
        case.file, case.line, case.section, case.text
    );
    let found: Vec<String> = of_kind
        .iter()
        .map(|a| format!("{:?}", a["text"].as_str().unwrap_or("")))
        .collect();
    if case.negate {
        if case.span == "*" {
            if !of_kind.is_empty() {
                return Err(format!(
                    "{where_}: expected no {}, found {}",
                    case.kind,
                    found.join(", ")
                ));
            }
            return Ok(());
        }
        let (s, e) = find_utf16(&case.text, &case.span, case.nth)
            .ok_or_else(|| format!("{where_}: span {:?} is not in the text", case.span))?;
        for a in &of_kind {
            let (as_, ae) = (
                a["start"].as_u64().unwrap_or(0) as usize,
                a["end"].as_u64().unwrap_or(0) as usize,
            );
            if as_ < e && s < ae {
                return Err(format!(
                    "{where_}: expected no {} at {:?}, found {}",
                    case.kind, case.span, a
                ));
            }
        }
        return Ok(());
    }
    let (s, e) = find_utf16(&case.text, &case.span, case.nth)
        .ok_or_else(|| format!("{where_}: span {:?} is not in the text", case.span))?;
    let Some(a) = of_kind
        .iter()
        .find(|a| a["start"].as_u64() == Some(s as u64) && a["end"].as_u64() == Some(e as u64))
    else {
        return Err(format!(
            "{where_}: expected {} {:?}; found {} [{}]",
            case.kind,
            case.span,
            case.kind,
            found.join(", ")
        ));
    };
    for (k, want) in &case.attrs {
        let got = attr_str(&a[k.as_str()]);
        if &got != want {
            return Err(format!(
                "{where_}: {} {:?}: {k} should be {want:?}, got {got:?}",
                case.kind, case.span
            ));
        }
    }
    Ok(())
}

/// Every case file, compiled in so the wasm tests can run them too.
pub const FILES: &[(&str, &str)] = &[
    ("person.tsv", include_str!("../cases/person.tsv")),
    ("country.tsv", include_str!("../cases/country.tsv")),
    ("figure.tsv", include_str!("../cases/figure.tsv")),
    ("quote.tsv", include_str!("../cases/quote.tsv")),
    ("speaker.tsv", include_str!("../cases/speaker.tsv")),
    ("mixed.tsv", include_str!("../cases/mixed.tsv")),
];

/// Runs every case with `annotate_json` (text -> output JSON) and returns the failures.
pub fn run_all(annotate_json: impl Fn(&str) -> Value) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut n = 0;
    let mut last: Option<(String, Value)> = None;
    for (file, src) in FILES {
        for case in parse(file, src) {
            n += 1;
            let out = match &last {
                Some((t, v)) if *t == case.text => v.clone(),
                _ => {
                    let v = annotate_json(&case.text);
                    last = Some((case.text.clone(), v.clone()));
                    v
                }
            };
            if let Err(e) = check(&case, &out) {
                failures.push(e);
            }
        }
    }
    (n, failures)
}

/// Every annotation's `text` equals the input sliced at its UTF-16 offsets; annotations are sorted by start.
pub fn check_offsets(text: &str, out: &Value) -> Result<(), String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut prev = 0u64;
    for a in out["annotations"].as_array().into_iter().flatten() {
        let (s, e) = (
            a["start"].as_u64().unwrap_or(u64::MAX),
            a["end"].as_u64().unwrap_or(u64::MAX),
        );
        if s > e || e as usize > units.len() {
            return Err(format!(
                "span {s}..{e} out of bounds ({} units): {a}",
                units.len()
            ));
        }
        if s < prev {
            return Err(format!("annotations not sorted by start at {a}"));
        }
        prev = s;
        let slice = String::from_utf16(&units[s as usize..e as usize])
            .map_err(|_| format!("span {s}..{e} splits a surrogate pair: {a}"))?;
        if Some(slice.as_str()) != a["text"].as_str() {
            return Err(format!(
                "text {:?} != slice {slice:?} at {s}..{e}",
                a["text"]
            ));
        }
    }
    Ok(())
}
