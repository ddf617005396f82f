//! The word tables of the figure recogniser, built once from data/number_words.tsv, data/currencies.tsv and
//! data/units.tsv, and looked up by token without allocating.
//!
//! Every table row is keyed by the lowercased text of its first token; a row of several tokens ("per cent", "US$",
//! "km/h") is a [`Seq`], matched token by token against the text with the same tokenizer, so "US$" only matches
//! where "US" and "$" touch and "per cent" only where the two words are apart.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::data::rows;
use crate::text::{TokKind, Tokens};

const NUMBER_WORDS: &str = include_str!("../../data/number_words.tsv");
const CURRENCIES: &str = include_str!("../../data/currencies.tsv");
const UNITS: &str = include_str!("../../data/units.tsv");

/// What a word does for numbers (data/number_words.tsv, column `role`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// 0-9.
    Unit,
    /// 10-19.
    Teen,
    /// 20, 30 ... 90.
    Ten,
    Hundred,
    Scale,
    Abbr,
    Dozen,
    Vague,
    Article,
    Half,
    Few,
    Ordinal,
    Fraction,
    Month,
}

/// Where a currency is written relative to its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Pre,
    Post,
    Both,
}

/// What a unit measures (data/units.tsv, column `class`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitClass {
    Duration,
    Quantity,
    Percent,
    /// a.m., p.m., o'clock: the number is a time of day.
    Time,
}

/// What a token sequence stands for.
#[derive(Clone, Copy, Debug)]
pub enum What {
    Currency {
        code: &'static str,
        place: Place,
        scale_only: bool,
        cent: bool,
    },
    Unit {
        unit: &'static str,
        class: UnitClass,
    },
}

/// One multi-token row: its tokens, whether each pair touches, and what it means.
#[derive(Debug)]
pub struct Seq {
    toks: Vec<&'static str>,
    touch: Vec<bool>,
    /// Matched in its own case (the surface has a capital letter).
    exact: bool,
    /// A single letter ("p", "W"): only glued to the digits ("50p"), never apart.
    pub glued_only: bool,
    pub what: What,
}

/// Everything the tables say about one (lowercased) word or sign.
#[derive(Debug, Default)]
pub struct Lex {
    pub role: Option<Role>,
    /// The number a cardinal, scale or month word stands for.
    pub value: u64,
    pub label: bool,
    pub countnoun: bool,
    pub yearprep: bool,
    /// Rows of the currency and unit tables that start with this word, longest first.
    pub seqs: Vec<Seq>,
}

/// FNV-1a: the keys are short words, and SipHash's resistance to flooding is not needed for a fixed table.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The compiled tables.
pub struct Lexicon {
    words: HashMap<String, Lex, BuildHasherDefault<Fnv>>,
}

/// The longest key worth looking up; longer tokens are in no table.
const MAX_KEY: usize = 24;

impl Lexicon {
    fn entry(&mut self, word: &str) -> &mut Lex {
        self.words.entry(word.to_ascii_lowercase()).or_default()
    }

    /// The table entry for token `i`, if any.
    pub fn get(&self, toks: &Tokens, i: usize) -> Option<&Lex> {
        let s = toks.str_at(i).as_bytes();
        if s.is_empty() || s.len() > MAX_KEY {
            return None;
        }
        let mut buf = [0u8; MAX_KEY];
        let key = &mut buf[..s.len()];
        key.copy_from_slice(s);
        key.make_ascii_lowercase();
        // Lowercasing ASCII bytes keeps UTF-8 valid.
        let key = std::str::from_utf8(key).ok()?;
        self.words.get(key)
    }

    /// The role of token `i` (a word or sign), if it has one.
    pub fn role(&self, toks: &Tokens, i: usize) -> Option<Role> {
        if !matches!(toks.get(i), Some(t) if t.kind != TokKind::Number) {
            return None;
        }
        self.get(toks, i).and_then(|l| l.role)
    }

    /// The longest row starting at token `i` that `want` accepts, with the index just past it.
    pub fn seq_at(
        &self,
        toks: &Tokens,
        i: usize,
        want: impl Fn(&Seq) -> bool,
    ) -> Option<(&Seq, usize)> {
        let lex = self.get(toks, i)?;
        lex.seqs
            .iter()
            .filter(|s| want(s))
            .find_map(|s| s.matches(toks, i).map(|end| (s, end)))
    }
}

impl Seq {
    /// The index just past this row if it matches at token `i`.
    fn matches(&self, toks: &Tokens, i: usize) -> Option<usize> {
        for (k, want) in self.toks.iter().enumerate() {
            let got = toks.get(i + k)?;
            let s = &toks.text[got.start..got.end];
            let same = if self.exact {
                s == *want
            } else {
                s.eq_ignore_ascii_case(want)
            };
            if !same || (k > 0 && toks.touch(i + k - 1) != self.touch[k - 1]) {
                return None;
            }
        }
        Some(i + self.toks.len())
    }
}

fn seq(surface: &'static str, what: What) -> Option<Seq> {
    let t = Tokens::new(surface);
    if t.is_empty() {
        return None;
    }
    let toks: Vec<&'static str> = (0..t.len()).map(|i| t.s(i)).collect();
    let touch = (0..t.len().saturating_sub(1)).map(|i| t.touch(i)).collect();
    let exact = surface.chars().any(char::is_uppercase);
    let glued_only =
        toks.len() == 1 && surface.len() == 1 && surface.as_bytes()[0].is_ascii_alphabetic();
    Some(Seq {
        toks,
        touch,
        exact,
        glued_only,
        what,
    })
}

fn role(name: &str) -> Option<Role> {
    Some(match name {
        "unit" => Role::Unit,
        "teen" => Role::Teen,
        "ten" => Role::Ten,
        "hundred" => Role::Hundred,
        "scale" => Role::Scale,
        "abbr" => Role::Abbr,
        "dozen" => Role::Dozen,
        "vague" => Role::Vague,
        "article" => Role::Article,
        "half" => Role::Half,
        "few" => Role::Few,
        "ordinal" => Role::Ordinal,
        "fraction" => Role::Fraction,
        "month" => Role::Month,
        _ => return None,
    })
}

fn build() -> Lexicon {
    let mut lx = Lexicon {
        words: HashMap::default(),
    };
    for r in rows(NUMBER_WORDS) {
        let (Some(&word), Some(&kind)) = (r.first(), r.get(1)) else {
            continue;
        };
        let value = r.get(2).and_then(|v| v.parse().ok()).unwrap_or(0);
        let e = lx.entry(word);
        match kind {
            "label" => e.label = true,
            "countnoun" => e.countnoun = true,
            "yearprep" => e.yearprep = true,
            _ => {
                if let Some(role) = role(kind) {
                    e.role = Some(role);
                    e.value = value;
                }
            }
        }
    }
    let mut seqs: Vec<Seq> = Vec::new();
    for r in rows(CURRENCIES) {
        let (Some(&surface), Some(&code), Some(&place)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let place = match place {
            "pre" => Place::Pre,
            "post" => Place::Post,
            _ => Place::Both,
        };
        let flags = r.get(3).copied().unwrap_or("");
        let what = What::Currency {
            code,
            place,
            scale_only: flags.contains("scale"),
            cent: flags.contains("cent"),
        };
        seqs.extend(seq(surface, what));
    }
    for r in rows(UNITS) {
        let (Some(&surface), Some(&unit), Some(&class)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let class = match class {
            "duration" => UnitClass::Duration,
            "percent" => UnitClass::Percent,
            "time" => UnitClass::Time,
            _ => UnitClass::Quantity,
        };
        seqs.extend(seq(surface, What::Unit { unit, class }));
    }
    for s in seqs {
        let first = s.toks[0];
        lx.entry(first).seqs.push(s);
    }
    for e in lx.words.values_mut() {
        // Longest first; the sort is stable, so currencies (listed first) win ties with units ("pounds").
        e.seqs.sort_by(|a, b| b.toks.len().cmp(&a.toks.len()));
    }
    lx
}

/// The tables, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_read() {
        let lx = lexicon();
        let t = Tokens::new("Seventeen US$ per cent");
        assert_eq!(lx.role(&t, 0), Some(Role::Teen));
        assert!(lx
            .seq_at(&t, 1, |s| matches!(
                s.what,
                What::Currency { code: "USD", .. }
            ))
            .is_some());
        let (s, end) = lx.seq_at(&t, 3, |_| true).expect("per cent");
        assert!(matches!(
            s.what,
            What::Unit {
                unit: "percent",
                ..
            }
        ));
        assert_eq!(end, 5);
    }

    #[test]
    fn no_word_has_two_number_roles() {
        let mut seen = std::collections::HashSet::new();
        for r in rows(NUMBER_WORDS) {
            if role(r[1]).is_some() {
                assert!(
                    seen.insert(r[0].to_ascii_lowercase()),
                    "{} has two roles",
                    r[0]
                );
            }
        }
    }
}
