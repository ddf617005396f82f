//! The word tables of the figure recogniser, built at compile time by build.rs (`figure_tables` there) from
//! data/number_words.tsv, data/currencies.tsv and data/units.tsv, and looked up by token without allocating.
//!
//! Every table row is keyed by the lowercased text of its first token; a row of several tokens ("per cent", "US$",
//! "km/h") is a [`Seq`], matched token by token against the text with the same tokenizer, so "US$" only matches
//! where "US" and "$" touch and "per cent" only where the two words are apart.

use std::sync::OnceLock;

use crate::data::Keys;
use crate::text::{TokKind, Tokens};

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

/// One multi-token row: its tokens ([`Lexicon::tokens`] from [`Seq::tok`], `n` of them), whether each pair touches
/// (bit `k` of `touch`: token `k` touches token `k + 1`), and what it means.
#[derive(Debug)]
pub struct Seq {
    /// The row's first token is [`Lexicon::tokens`] `index + extra` (`index`: the row's place in [`Lexicon::seqs`]):
    /// a small number that changes only after a row of several tokens, which compresses better than the token index
    /// itself (0.5 KB gzip).
    extra: u8,
    n: u8,
    touch: u8,
    /// Matched in its own case (the surface has a capital letter).
    exact: bool,
    /// A single letter ("p", "W"): only glued to the digits ("50p"), never apart.
    pub glued_only: bool,
    pub what: What,
}

/// Everything the tables say about one (lowercased) word or sign. The word's flags are bits of one byte (see the
/// methods), and its rows are a range of one table rather than a slice of their own, which keeps the 700-odd entries
/// compiled into the page small (16 bytes each, no pointer).
#[derive(Debug)]
pub struct Lex {
    pub role: Option<Role>,
    /// The number a cardinal, scale or month word stands for.
    pub value: u64,
    flags: u8,
    /// The word's rows in [`Lexicon::seqs`]: `seqs` of them from `seq`.
    seq: u16,
    seqs: u8,
}

impl Lex {
    /// Rows of the currency and unit tables that start with this word, longest first.
    pub fn seqs(&self) -> &'static [Seq] {
        let start = usize::from(self.seq);
        LEXICON
            .seqs
            .get(start..start + usize::from(self.seqs))
            .unwrap_or_default()
    }

    /// A word or sign that can start a figure: one with a number role (including months), or the first token of a
    /// currency written before its number. Any other word at the start of a figure candidate is rejected.
    pub fn starts(&self) -> bool {
        self.role.is_some()
            || self.seqs().iter().any(|s| {
                matches!(
                    s.what,
                    What::Currency {
                        place: Place::Pre | Place::Both,
                        ..
                    }
                )
            })
    }

    /// A word after which a bare number is a name or a label, not an amount ("phase 2", "Article 5").
    pub fn label(&self) -> bool {
        self.flags & 1 != 0
    }
    /// A noun after which a four-digit number counts things, not a year ("2023 people").
    pub fn countnoun(&self) -> bool {
        self.flags & 2 != 0
    }
    /// A preposition that makes 1000-2100 a year ("in 1066").
    pub fn yearprep(&self) -> bool {
        self.flags & 4 != 0
    }
    /// A day name: a number after it is not a name's number ("on Friday 20 people died").
    pub fn weekday(&self) -> bool {
        self.flags & 8 != 0
    }
    /// A noun for people: "under"/"over" and a number after it is an age ("children under five").
    pub fn agenoun(&self) -> bool {
        self.flags & 16 != 0
    }
    /// A verb of a life event: "at" and a number after it is an age ("died at 91", "graduating at 21").
    pub fn ageverb(&self) -> bool {
        self.flags & 32 != 0
    }
    /// A verb of spending or paying: a vague plural of a large scale after it is money ("pour billions into").
    pub fn moneyverb(&self) -> bool {
        self.flags & 64 != 0
    }
    /// A measured property: "of" and a bare number after it is a quantity ("a body mass index of 35").
    pub fn measure(&self) -> bool {
        self.flags & 128 != 0
    }
}

/// A hash of the ASCII-lowercased `s` from its first, second, second-to-last and last bytes and its length (not
/// every byte: the keys are short words, which these tell apart well enough for a table a quarter full; keys that
/// share all five only probe a little further), mixed so that its high bits (which pick the slot) depend on all of
/// them: a fixed table needs no protection against flooding. Setting bit 5 lowercases ASCII letters; it also folds
/// some other bytes together, which only costs a rare extra probe.
fn hash_lower(s: &[u8]) -> u32 {
    let n = s.len();
    let at = |k: usize| u32::from(s.get(k).copied().unwrap_or(0) | 0x20);
    let h = at(0) | at(1) << 8 | at(n.wrapping_sub(2)) << 16 | at(n.wrapping_sub(1)) << 24;
    let h = (h ^ n as u32).wrapping_mul(0x9e37_79b9);
    (h ^ (h >> 15)).wrapping_mul(0x85eb_ca77)
}

/// The slot of hash `h` in a table of `mask + 1` slots (a power of two up to 2^16): its high bits.
fn slot(h: u32, mask: usize) -> usize {
    (h >> 16) as usize & mask
}

/// The compiled tables: an open-addressing hash table keyed by lowercased word, looked up without copying the token.
pub struct Lexicon {
    /// The keys, in ASCII lower case, one per line.
    keys: Keys,
    /// What each key stands for, in the order of `keys`.
    lexes: &'static [Lex],
    /// The rows of every key ([`Lex::seqs`]).
    seqs: &'static [Seq],
    /// The tokens of the rows ([`Seq`]).
    tokens: Keys,
    /// Made on first use (one pass over the keys).
    index: OnceLock<Index>,
}

struct Index {
    /// The keys, as bytes.
    keys: Vec<&'static [u8]>,
    /// Power-of-two sized, kept small so that it stays in cache: each slot holds the key's index in `keys` and
    /// `lexes` plus one (0 for an empty slot). A key sits at the first free slot from its [`hash_lower`] on.
    slots: Vec<u16>,
    /// A filter that rejects most words before hashing: the bit [`sketch`] of every key is set.
    sketch: Vec<u64>,
    /// A finer filter for the keys that can start a figure ([`Lex::starts`], about 240 of them) and the decades of a
    /// life ("twenties"): both bits [`start_bits`] of each are set.
    starts: Box<Filter>,
    /// A coarser filter of the same words, asked first because it is cheaper (no mixing): the bit [`pre_bit`] of
    /// each is set, and of the apostrophes ' ’ ‘ (which `figure::next_start` asks about on their own).
    pre: Box<PreFilter>,
}

/// The size of the sketch: 5 bits of each of the first two bytes, and the length.
const SKETCH_BITS: usize = 32 * 32 * 32;

include!(concat!(env!("OUT_DIR"), "/tables/figure_lexicon.rs"));

/// The sketch bit of a word: its first two bytes (case folded) and its length. Only the low five bits of each byte
/// count, and ASCII upper and lower case differ in bit 5 alone, so no case mapping is needed.
#[inline]
fn sketch(s: &[u8]) -> usize {
    let b0 = s.first().map_or(0, |&b| b as usize & 31);
    let b1 = s.get(1).map_or(0, |&b| b as usize & 31);
    (b0 << 10) | (b1 << 5) | (s.len() & 31)
}

/// The bit of a token in [`Starts`]' first filter: the low five bits (the same for either ASCII case) of its first
/// and last bytes and of its length, 32 × 32 × 32 bits: bit `len % 32` of the word of `first` and `last` (an index
/// under 1024, so no bounds check).
#[inline]
fn pre_bit(first: u8, last: u8, len: usize) -> (usize, u32) {
    (
        usize::from(first & 31) << 5 | usize::from(last & 31),
        1 << (len & 31),
    )
}

/// Sets the [`pre_bit`] of a key, word or sign `s` in `pre`.
fn set_pre_bit(pre: &mut PreFilter, s: &[u8]) {
    let (first, last) = (s.first().copied(), s.last().copied());
    let (w, bit) = pre_bit(first.unwrap_or(0), last.unwrap_or(0), s.len());
    pre[w] |= bit;
}

/// The first filter of [`Starts`] ([`pre_bit`]).
type PreFilter = [u32; 1024];

/// The first filter of no key (see [`Starts::default`]).
static EMPTY_PRE: PreFilter = [0; 1024];

/// The size of the filter of [`start_bits`], 2^15 bits, in words: a fixed size, so that a bit
/// index of 15 bits needs no bounds check.
const FILTER_WORDS: usize = (1 << 15) / 64;

/// A filter of [`Starts`].
type Filter = [u64; FILTER_WORDS];

/// The filters of no key (see [`Starts::default`]).
static EMPTY_FILTER: Filter = [0; FILTER_WORDS];

/// The two bits of a word in the filter of the keys that start a figure: its first, second and last bytes (bit 5,
/// ASCII case, cleared) and its length, mixed into 15 bits twice. A word passes when both bits are set (the second is
/// asked only when the first is): on the news bench text hardly a token with no such entry does, where one bit let
/// "be" (which packs like "¥") and `"` through.
#[inline]
fn start_bits(s: &[u8]) -> (usize, usize) {
    let f = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0) & !0x20);
    let packed = f(s.first()) << 24 | f(s.get(1)) << 16 | f(s.last()) << 8 | (s.len() as u32 & 255);
    (
        (packed.wrapping_mul(0x9e37_79b1) >> 17) as usize,
        (packed.wrapping_mul(0x85eb_ca77) >> 17) as usize,
    )
}

/// Sets both [`start_bits`] of `s` and its [`pre_bit`] in the filters of `ix`.
fn set_start_bits(ix: &mut Index, s: &[u8]) {
    let (b, c) = start_bits(s);
    for b in [b, c] {
        if let Some(w) = ix.starts.get_mut(b / 64) {
            *w |= 1 << (b % 64);
        }
    }
    set_pre_bit(&mut ix.pre, s);
}

/// The longest key worth looking up; longer tokens are in no table.
const MAX_KEY: usize = 31;

impl Lexicon {
    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let n = self.lexes.len().min(u16::MAX as usize - 1);
            let size = (n * 4).max(2).next_power_of_two();
            let mut ix = Index {
                keys: Vec::with_capacity(n),
                slots: vec![0; size],
                sketch: vec![0; SKETCH_BITS / 64],
                starts: Box::new([0; FILTER_WORDS]),
                pre: Box::new([0; 1024]),
            };
            for k in 0..n {
                let key = self.keys.key(k).unwrap_or_default().as_bytes();
                let mut i = slot(hash_lower(key), size - 1);
                while ix.slots[i] != 0 {
                    i = (i + 1) & (size - 1);
                }
                ix.slots[i] = k as u16 + 1;
                ix.keys.push(key);
                let b = sketch(key);
                ix.sketch[b / 64] |= 1 << (b % 64);
                if self.lexes[k].starts() {
                    set_start_bits(&mut ix, key);
                }
            }
            // The other words that can start a figure: the decades of a life (`age_decade`).
            for w in super::DECADE_WORDS {
                set_start_bits(&mut ix, w.as_bytes());
            }
            for w in ["'", "\u{2019}", "\u{2018}"] {
                set_pre_bit(&mut ix.pre, w.as_bytes());
            }
            ix
        })
    }

    /// The index of `key` (any ASCII case) in `keys` and `lexes`. (The keys are in lower case, so only `key`'s bytes
    /// need lowering to compare.)
    fn find(&self, ix: &Index, key: &[u8]) -> Option<usize> {
        let mask = ix.slots.len().checked_sub(1)?;
        let mut k = slot(hash_lower(key), mask);
        // At most a quarter of the slots are taken, so an empty one ends every probe; the bound only guards a broken table.
        for _ in 0..ix.slots.len() {
            let idx = (*ix.slots.get(k)? as usize).checked_sub(1)?;
            if ix.keys.get(idx).is_some_and(|w| {
                w.len() == key.len()
                    && w.iter()
                        .zip(key)
                        .all(|(&a, &b)| a == b.to_ascii_lowercase())
            }) {
                return Some(idx);
            }
            k = (k + 1) & mask;
        }
        None
    }

    /// The table entry for token `i`, if any. Inlined up to the sketch test, which rejects most tokens; the probe
    /// is [`Lexicon::lookup`]. (Not inlined in the wasm build, where the copies at every call site cost size.)
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn get(&self, toks: &Tokens, i: usize) -> Option<&'static Lex> {
        let t = toks.get(i)?;
        let s = toks.bytes_of(t);
        if s.is_empty() || s.len() > MAX_KEY {
            return None;
        }
        let ix = self.index();
        let b = sketch(s);
        if ix.sketch.get(b / 64)? & (1 << (b % 64)) == 0 {
            return None;
        }
        self.lookup(ix, s)
    }

    /// The filter of the words and signs whose entry [`Lex::starts`] a figure, to ask with [`Starts::pre_may`] and
    /// [`Starts::fine_may`].
    pub fn starts(&self) -> Starts<'_> {
        let ix = self.index();
        Starts {
            pre: &ix.pre,
            fine: &ix.starts,
        }
    }

    /// The table entry for the word `s`, which passed the sketch.
    #[inline(never)]
    fn lookup(&self, ix: &Index, s: &[u8]) -> Option<&'static Lex> {
        self.lexes.get(self.find(ix, s)?)
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
    ) -> Option<(&'static Seq, usize)> {
        seq_of(self.get(toks, i), toks, i, want)
    }
}

/// [`Lexicon::seq_at`] with the table entry of token `i` already looked up: `lex`.
pub fn seq_of(
    lex: Option<&Lex>,
    toks: &Tokens,
    i: usize,
    want: impl Fn(&Seq) -> bool,
) -> Option<(&'static Seq, usize)> {
    lex?.seqs()
        .iter()
        .filter(|s| want(s))
        .find_map(|s| s.matches(toks, i).map(|end| (s, end)))
}

/// The filter of [`Lexicon::starts`] (the default lets nothing through).
#[derive(Clone, Copy)]
pub struct Starts<'a> {
    /// The bits [`pre_bit`].
    pre: &'a PreFilter,
    /// The bits [`start_bits`].
    fine: &'a Filter,
}

impl Default for Starts<'_> {
    fn default() -> Self {
        Starts {
            pre: &EMPTY_PRE,
            fine: &EMPTY_FILTER,
        }
    }
}

impl Starts<'_> {
    /// Whether the word or sign `s` may have an entry that [`Lex::starts`] a figure: false for most, with no hashing.
    /// (True does not mean it has one.) `figure::next_start` asks its two halves, [`Starts::pre_may`] and
    /// [`Starts::fine_may`], in turn.
    #[cfg(test)]
    pub fn may(self, s: &[u8]) -> bool {
        let (first, last) = (s.first().copied(), s.last().copied());
        self.pre_may(first.unwrap_or(0), last.unwrap_or(0), s.len()) && self.fine_may(s)
    }

    /// The second, finer half of the filter, for a word or sign that passed the first ([`Starts::pre_may`]).
    #[inline]
    pub fn fine_may(self, s: &[u8]) -> bool {
        let (b, c) = start_bits(s);
        let set = |b: usize| {
            self.fine
                .get(b / 64)
                .is_some_and(|w| w & (1 << (b % 64)) != 0)
        };
        s.len() <= MAX_KEY && set(b) && set(c)
    }

    /// The first, coarser half of the filter, which also lets the apostrophes through: of a token whose first
    /// and last bytes are `first` and `last`, `len` bytes long.
    #[inline]
    pub fn pre_may(self, first: u8, last: u8, len: usize) -> bool {
        let (w, bit) = pre_bit(first, last, len);
        self.pre[w] & bit != 0
    }
}

impl Seq {
    /// Where the row's tokens start in [`Lexicon::tokens`]. (A `Seq` exists only in [`Lexicon::seqs`]: it is neither
    /// `Clone` nor made at run time, so its address gives its index.)
    fn tok(&self) -> usize {
        let index = (self as *const Seq as usize - LEXICON.seqs.as_ptr() as usize)
            / std::mem::size_of::<Seq>();
        index + self.extra as usize
    }

    /// The index just past this row if it matches at token `i`, whose table entry holds this row (so token `i` is
    /// the row's first token in some ASCII case: only an exact row compares it again).
    fn matches(&self, toks: &Tokens, i: usize) -> Option<usize> {
        let n = self.n as usize;
        // A one-letter unit matches only as written: "2h" is two hours, "2H" a half-year or a name.
        let exact = self.exact || self.glued_only;
        for k in 0..n {
            if k == 0 && !exact {
                continue;
            }
            let want = LEXICON.tokens.key(self.tok() + k)?.as_bytes();
            let got = toks.bytes_of(toks.get(i + k)?);
            let same = if exact {
                got == want
            } else {
                got.eq_ignore_ascii_case(want)
            };
            if !same || (k > 0 && toks.touch(i + k - 1) != (self.touch & (1 << (k - 1)) != 0)) {
                return None;
            }
        }
        // (Token `i` exists: it has an entry.)
        toks.get(i)?;
        Some(i + n)
    }
}

#[cfg(test)]
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

/// The tables.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::rows;

    const NUMBER_WORDS: &str = crate::data::table!("number_words.tsv");

    /// build.rs packs the flags in the order of `Lex`'s methods: each bit reads back as the table's word says.
    #[test]
    fn flags_read_back_by_name() {
        let lx = lexicon();
        let t = Tokens::new("phase people in Friday children died spent index");
        let flags = |i: usize| {
            let l = lx.get(&t, i).expect("a table word");
            [
                l.label(),
                l.countnoun(),
                l.yearprep(),
                l.weekday(),
                l.agenoun(),
                l.ageverb(),
                l.moneyverb(),
                l.measure(),
            ]
        };
        let only = |bits: &[usize]| {
            let mut want = [false; 8];
            for &b in bits {
                want[b] = true;
            }
            want
        };
        assert_eq!(flags(0), only(&[0]), "phase: label");
        assert_eq!(flags(1), only(&[1, 4]), "people: countnoun, agenoun");
        assert_eq!(flags(2), only(&[2]), "in: yearprep");
        assert_eq!(flags(3), only(&[3]), "Friday: weekday");
        assert_eq!(flags(4), only(&[1, 4]), "children: countnoun, agenoun");
        assert_eq!(flags(5), only(&[5]), "died: ageverb");
        assert_eq!(flags(6), only(&[6]), "spent: moneyverb");
        assert_eq!(flags(7), only(&[7]), "index: measure");
    }

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
        assert!(lx.lexes.len() * 2 <= lx.index().slots.len());
        let t = Tokens::new("bpd crores Kilogrammes");
        assert!((0..3).all(|i| lx.get(&t, i).is_some()));
        // Every key is found, in any case.
        for (k, lex) in lx.lexes.iter().enumerate() {
            let key = lx.keys.key(k).expect("a key per entry");
            let t = Tokens::new(key);
            assert_eq!(t.len(), 1, "{key}");
            let found = lx.get(&t, 0).map(|l| l as *const Lex);
            assert_eq!(found, Some(lex as *const Lex), "{key} (entry {k})");
            let upper = key.to_ascii_uppercase();
            assert!(lx.get(&Tokens::new(&upper), 0).is_some(), "{upper}");
            // The filter of `next_start` lets every key that starts a figure through, in any case.
            if lex.starts() {
                assert!(lx.starts().may(key.as_bytes()), "{key}");
                assert!(lx.starts().may(upper.as_bytes()), "{upper}");
            }
        }
    }

    /// `figure::next_start` passes an apostrophe only before a number, for `apostrophe_decade`: `money_prefix`
    /// would find nothing at one.
    #[test]
    fn no_apostrophe_has_an_entry() {
        let t = Tokens::new("' \u{2019} \u{2018}");
        assert_eq!(t.len(), 3);
        assert!((0..3).all(|i| lexicon().get(&t, i).is_none()));
        // ... and the first filter lets them through to that test.
        for i in 0..3 {
            let s = t.bytes_at(i);
            let (first, last) = (s[0], s[s.len() - 1]);
            assert!(lexicon().starts().pre_may(first, last, s.len()));
        }
    }

    /// `figure::next_start` passes a sign with no number right after it: a currency row that starts with a sign
    /// (`$`, `€`) is that one token, so `money_prefix` finds no number after it there.
    #[test]
    fn a_sign_first_currency_is_one_token() {
        let lx = lexicon();
        for (k, lex) in lx.lexes.iter().enumerate() {
            let key = lx.keys.key(k).expect("a key per entry");
            if Tokens::new(key).toks[0].kind != TokKind::Punct {
                continue;
            }
            for s in lex.seqs() {
                if matches!(
                    s.what,
                    What::Currency {
                        place: Place::Pre | Place::Both,
                        ..
                    }
                ) {
                    assert_eq!(s.n, 1, "{key}");
                }
            }
        }
    }

    /// `Seq::matches` takes a row's first token as matched by the entry it is found under.
    #[test]
    fn every_row_starts_with_its_key() {
        let lx = lexicon();
        for (k, lex) in lx.lexes.iter().enumerate() {
            let key = lx.keys.key(k).expect("a key per entry");
            for s in lex.seqs() {
                let first = lx.tokens.key(s.tok()).expect("a first token");
                assert!(first.eq_ignore_ascii_case(key), "{first} under {key}");
            }
        }
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
