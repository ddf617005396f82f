//! The word tables of the figure recogniser, built once from data/number_words.tsv, data/currencies.tsv and
//! data/units.tsv, and looked up by token without allocating.
//!
//! Every table row is keyed by the lowercased text of its first token; a row of several tokens ("per cent", "US$",
//! "km/h") is a [`Seq`], matched token by token against the text with the same tokenizer, so "US$" only matches
//! where "US" and "$" touch and "per cent" only where the two words are apart.

use std::sync::OnceLock;

use crate::data::rows;
use crate::text::{TokKind, Tokens};

const NUMBER_WORDS: &str = crate::data::table!("number_words.tsv");
const CURRENCIES: &str = crate::data::table!("currencies.tsv");
const UNITS: &str = crate::data::table!("units.tsv");

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
    pub weekday: bool,
    /// Rows of the currency and unit tables that start with this word, longest first.
    pub seqs: Vec<Seq>,
}

/// FNV-1a over the ASCII-lowercased bytes of `s`: the keys are short words, and a fixed table needs no protection
/// against flooding.
fn hash_lower(s: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in s {
        h ^= b.to_ascii_lowercase() as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The compiled tables: an open-addressing hash table keyed by lowercased word, looked up without copying the token.
pub struct Lexicon {
    /// Power-of-two sized, kept small so that it stays in cache: each slot holds the key's hash and its index in
    /// `entries` plus one (0 for an empty slot).
    slots: Vec<(u32, u32)>,
    entries: Vec<(String, Lex)>,
    /// A filter that rejects most words before hashing: the bit [`sketch`] of every key is set.
    sketch: Vec<u64>,
}

/// The size of the sketch: 5 bits of each of the first two bytes, and the length.
const SKETCH_BITS: usize = 32 * 32 * 32;

/// The sketch bit of a word: its first two bytes (case folded) and its length.
fn sketch(s: &[u8]) -> usize {
    let b0 = s
        .first()
        .map_or(0, |b| b.to_ascii_lowercase() as usize & 31);
    let b1 = s.get(1).map_or(0, |b| b.to_ascii_lowercase() as usize & 31);
    (b0 << 10) | (b1 << 5) | (s.len() & 31)
}

/// The longest key worth looking up; longer tokens are in no table.
const MAX_KEY: usize = 31;

impl Lexicon {
    /// The slot of `key`: where it is, or the empty slot where it would go.
    fn slot(&self, key: &[u8], h: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = h as usize & mask;
        loop {
            let (sh, idx) = self.slots[k];
            if idx == 0 {
                return k;
            }
            if sh == h
                && self
                    .entries
                    .get(idx as usize - 1)
                    .is_some_and(|(w, _)| w.as_bytes().eq_ignore_ascii_case(key))
            {
                return k;
            }
            k = (k + 1) & mask;
        }
    }

    /// The entry for `word`, made if new; `None` for an empty word or a full table (neither happens with the
    /// shipped tables, which a test checks).
    fn entry(&mut self, word: &str) -> Option<&mut Lex> {
        if word.is_empty() || self.entries.len() * 2 >= self.slots.len() {
            return None;
        }
        let h = hash_lower(word.as_bytes());
        let k = self.slot(word.as_bytes(), h);
        if self.slots[k].1 == 0 {
            let b = sketch(word.as_bytes());
            self.sketch[b / 64] |= 1 << (b % 64);
            self.entries
                .push((word.to_ascii_lowercase(), Lex::default()));
            self.slots[k] = (h, self.entries.len() as u32);
        }
        let idx = self.slots[k].1 as usize - 1;
        self.entries.get_mut(idx).map(|(_, lex)| lex)
    }

    /// The table entry for token `i`, if any.
    pub fn get(&self, toks: &Tokens, i: usize) -> Option<&Lex> {
        let t = toks.get(i)?;
        let s = toks.text.as_bytes().get(t.start..t.end)?;
        let b = sketch(s);
        if s.is_empty() || s.len() > MAX_KEY || self.sketch[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        let (_, idx) = self.slots[self.slot(s, hash_lower(s))];
        let idx = (idx as usize).checked_sub(1)?;
        self.entries.get(idx).map(|(_, lex)| lex)
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
            // A one-letter unit matches only as written: "2h" is two hours, "2H" a half-year or a name.
            let same = if self.exact || self.glued_only {
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

/// Slots in the table: a power of two, at least twice the number of keys (about 600).
const SLOTS: usize = 2048;

fn build() -> Lexicon {
    let mut lx = Lexicon {
        slots: vec![(0, 0); SLOTS],
        entries: Vec::new(),
        sketch: vec![0; SKETCH_BITS / 64],
    };
    for r in rows(NUMBER_WORDS) {
        let (Some(&word), Some(&kind)) = (r.first(), r.get(1)) else {
            continue;
        };
        let value = r.get(2).and_then(|v| v.parse().ok()).unwrap_or(0);
        let Some(e) = lx.entry(word) else { continue };
        match kind {
            "label" => e.label = true,
            "countnoun" => e.countnoun = true,
            "yearprep" => e.yearprep = true,
            "weekday" => e.weekday = true,
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
        if let Some(e) = lx.entry(s.toks[0]) {
            e.seqs.push(s);
        }
    }
    for (_, e) in lx.entries.iter_mut() {
        // Longest first; the sort is stable, so currencies (listed first) win ties with units ("pounds").
        e.seqs.sort_by_key(|s| std::cmp::Reverse(s.toks.len()));
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
    fn the_table_holds_every_key() {
        let lx = lexicon();
        assert!(
            lx.entries.len() * 2 < lx.slots.len(),
            "{} keys: make SLOTS bigger",
            lx.entries.len()
        );
        let t = Tokens::new("bpd crores Kilogrammes");
        assert!((0..3).all(|i| lx.get(&t, i).is_some()));
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
