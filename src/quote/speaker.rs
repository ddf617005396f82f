//! Speakers: for each quote, the person the text says spoke it.
//!
//! Every quote looks for its attribution in a bounded window, in this order:
//! 0. a headline that opens with a quote and a colon names its speaker next: `‘We won’t be lectured’: Albanese hits back`;
//! 1. after it, when the quote does not end its sentence (a full stop after the closing mark, `“…”.`, ends it):
//!    `"…," X said`, `"…," said X`, `"…," X, <apposition>, <apposition>, said`, `"…," X (D-Mass.) said`,
//!    `said X, head of Y`, `said one resident, X`, `"…," X told Y`, `"…," he said`, `"…," the prime minister said`;
//! 2. before it, in its own sentence: `X said: "…"`, `X said "…"`, `X told Y: "…"`, `According to X, "…"`,
//!    `X said the Iranians “are frightened …”`, `X, R-Ohio, who voted against it, said …`, `The minister, X, said …`,
//!    `X of Kentucky said …`, `X, who said …`, `X called the bill "…"`; a participle clause takes the sentence's
//!    subject (`X opened the meeting by calling for "…"`) or, after an earlier quote in the same sentence, its speaker
//!    (`"…," he wrote, adding that … "…"`);
//! 3. a quote that begins a sentence and has no attribution of its own continues the previous quote's speaker, in
//!    the same or the next paragraph, if no other person is named in between; an unclosed run-on part takes the
//!    speaker of the part that continues it.
//!
//! The speaker named in an attribution is a person mention (from `person`); a pronoun (`he`, `she`) is the most
//! recent speaker or sentence-subject person (a subject may stand behind a title, `Tournament director X said`, or in
//! apposition to one, `The Chancellor, X, welcomed …`), skipping one whose title gives the other gender (`Mr`, `Queen`,
//! `spokeswoman`: data/gender_words.tsv) for the last person mentioned with the pronoun's. A definite description
//! (`the prime minister`, `the Colombian leader`, a headline's `Health secretary says`) is the one person the text
//! describes so before it (anywhere, for a headline): a title before a name or an apposition next to it with the same
//! words and no other role-changing word (`shadow`, `former`), and the same country if both give one (`Colombia’s
//! Gustavo Petro`); two such persons, or none, give nobody, and an age description that fits no title (`The
//! 84-year-old Nobel laureate said`) is the last person described or subject before it. The descriptions are read
//! once per text, next to each person mention ([`Roles`]). An attribution that names no person (`the ministry said`,
//! `a spokesman said`, `The agreement states that "…"`) gives no speaker, and a quote alone on its line without final
//! punctuation is a headline, with no speaker. Speech verbs come from data/speech_verbs.txt (not after a determiner or
//! a possessive: `Australia’s continued approval`), and from data/attribution_verbs.txt the verbs that attribute only
//! a following quote ("called", "described"). Hard-wrapped text is read as the quote finder reads it
//! ([`super::unwrap`]).

use crate::data::WordSet;
use std::ops::Range;

use crate::country::CountryMention;
use crate::person::{People, PersonMention};
use crate::text::{TokKind, Token, Tokens};

use super::marks::is_quote_mark;

/// How far (bytes) an attribution may reach from its quote.
const WINDOW: usize = 250;
/// How far back (bytes) a pronoun looks for its person.
const PRONOUN_WINDOW: usize = 1500;
/// How far back (bytes) a quote may continue the previous quote's speaker.
const CONTINUE_WINDOW: usize = 600;
/// How many person mentions back a role looks for a person with that title.
const ROLE_LOOKBACK: usize = 200;

/// The speech and attribution verbs (data/speech_verbs.txt, data/attribution_verbs.txt), laid out by build.rs
/// (`speaker_tables` there, which also writes `TITLE_WORDS`, every word of data/titles.tsv's phrases).
struct Verbs {
    /// One-word verbs ("said").
    words: WordSet,
    /// Two-word verbs ("according to"), as their two words.
    phrases: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/tables/speaker.rs"));

/// The number of tokens of the speech verb (`said`, `according to`) that starts at token `i`, if one does.
fn speech_verb(toks: &Tokens, i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    let w = toks.bytes_of(t);
    let vocab = vocab();
    if t.kind != TokKind::Word || !vocab.may_be_verb(w) {
        return None;
    }
    let f = vocab.lookup(w);
    if f & VERB != 0 {
        return Some(1);
    }
    let next = toks.str_at(i + 1);
    (f & PHRASE != 0
        && VERBS
            .phrases
            .iter()
            .any(|(a, b)| is_lower_of(a, w) && b.eq_ignore_ascii_case(next)))
    .then_some(2)
}

/// Whether token `t` may start a speech verb, by its kind and its shape ([`Vocab::may_be_verb`]): what
/// [`speech_verb`] asks first, asked inline by the loops that try every token (false for nine words in ten). (A call
/// of its own in the wasm build, where inlined copies cost size.)
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn may_be_verb(toks: &Tokens, t: &Token) -> bool {
    t.kind == TokKind::Word && vocab().may_be_verb(toks.bytes_of(t))
}

/// What a word of [`Vocab`] is (bits of its flags): a one-word speech verb.
const VERB: u8 = 1;
/// The first word of a two-word verb (`according`).
const PHRASE: u8 = 2;
/// A word of data/titles.tsv.
const TITLE: u8 = 4;
/// Words of data/gender_words.tsv.
const FEMALE: u8 = 8;
const MALE: u8 = 16;
/// One of [`ROLE_MODIFIERS`].
const MODIFIER: u8 = 32;

/// Lowercase words that modify a title before a name: `former prime minister X`, `deputy director X`.
const ROLE_MODIFIERS: &[&str] = &[
    "former",
    "deputy",
    "acting",
    "senior",
    "chief",
    "vice",
    "assistant",
    "interim",
    "foreign",
    "finance",
    "defence",
    "defense",
    "prime",
    "general",
    "executive",
    "state",
    "managing",
];

/// Words longer than this (bytes) are never looked up (none is that long).
const LONGEST_WORD: usize = 24;

/// The words speaker attribution looks up, each with what it is: the speech verbs and the first words of the
/// two-word ones ([`VERBS`]), the words of titles ([`TITLE_WORDS`]), the gendered words ([`FEMALE_WORDS`],
/// [`MALE_WORDS`]) and [`ROLE_MODIFIERS`]. Made on first use, as one table so that a word is looked up once, and
/// hashed as it stands in the text, ASCII-lowercased on the fly, instead of copied into a lowercase buffer.
struct Vocab {
    keys: Vec<&'static str>,
    flags: Vec<u8>,
    /// Open addressing with linear probing: a key's index plus one, or 0 when empty; at most half are taken.
    slots: Vec<u32>,
    /// By the low five bits of the first and of the last byte (ASCII case ignored, since `A` and `a` differ only in
    /// bit 5), bit `n` set when a verb or a first word of a two-word verb of that shape has `n` bytes.
    verb_shapes: [[u32; 32]; 32],
    /// The same for every key: what [`Vocab::flags`] asks first (most names and other words have no key's shape).
    shapes: [[u32; 32]; 32],
}

impl Vocab {
    fn new() -> Vocab {
        let mut words: Vec<(&'static str, u8)> = Vec::new();
        for (set, f) in [
            (&VERBS.words, VERB),
            (&TITLE_WORDS, TITLE),
            (&FEMALE_WORDS, FEMALE),
            (&MALE_WORDS, MALE),
        ] {
            words.extend(
                (0..set.0.len())
                    .filter_map(|k| set.0.key(k))
                    .map(|w| (w, f)),
            );
        }
        words.extend(VERBS.phrases.iter().map(|p| (p.0, PHRASE)));
        words.extend(ROLE_MODIFIERS.iter().map(|&w| (w, MODIFIER)));
        let mut v = Vocab {
            keys: Vec::new(),
            flags: Vec::new(),
            slots: crate::data::slots(words.len()),
            verb_shapes: [[0; 32]; 32],
            shapes: [[0; 32]; 32],
        };
        for (w, f) in words {
            let b = w.as_bytes();
            if let (Some(&a), Some(&z), true) = (b.first(), b.last(), b.len() < 32) {
                let (a, z) = (usize::from(a & 31), usize::from(z & 31));
                v.shapes[a][z] |= 1 << b.len();
                if f & (VERB | PHRASE) != 0 {
                    v.verb_shapes[a][z] |= 1 << b.len();
                }
            }
            let h = fold_hash(b);
            if let Some(k) = v.find(b, h) {
                if let Some(x) = v.flags.get_mut(k) {
                    *x |= f;
                }
                continue;
            }
            crate::data::place(&mut v.slots, h, v.keys.len());
            v.keys.push(w);
            v.flags.push(f);
        }
        v
    }

    /// The index of the key whose bytes are `w` ASCII-lowercased, `h` being [`fold_hash`] of `w`.
    fn find(&self, w: &[u8], h: u32) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = h as usize & mask;
        // At most half the slots are taken, so an empty one ends every probe; the bound only guards a broken table.
        for _ in 0..self.slots.len() {
            let k = (*self.slots.get(i)? as usize).checked_sub(1)?;
            if self.keys.get(k).is_some_and(|key| is_lower_of(key, w)) {
                return Some(k);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// What the word `w` is, compared in ASCII lowercase (as the tables hold it); 0 for no word of the tables,
    /// and for words outside ASCII, which none of them matches once lowercased (ASCII lowercasing leaves them).
    fn flags(&self, w: &[u8]) -> u8 {
        if !Vocab::may_be(&self.shapes, w) {
            return 0;
        }
        self.lookup(w)
    }

    /// [`Vocab::flags`] of a word that has the shape of a key (as one that passed [`Vocab::may_be_verb`] has).
    fn lookup(&self, w: &[u8]) -> u8 {
        if w.len() > LONGEST_WORD {
            return 0;
        }
        // One pass for the hash and the test for bytes outside ASCII.
        let (h, or) = fold_hash_or(w);
        if or >= 0x80 {
            return 0;
        }
        self.find(w, h)
            .and_then(|k| self.flags.get(k).copied())
            .unwrap_or(0)
    }

    /// Whether `w` may be a one-word verb or a two-word verb's first word, by its shape alone: a test of a few
    /// instructions that spares nine words in ten the lookup. A word that matches such a key has the key's length
    /// and its first and last bytes but for ASCII case; other bytes that share those low five bits only let more
    /// words through to the lookup.
    fn may_be_verb(&self, w: &[u8]) -> bool {
        Vocab::may_be(&self.verb_shapes, w)
    }

    /// Whether `w` has the shape of a word of `shapes` ([`Vocab::verb_shapes`], [`Vocab::shapes`]).
    #[inline]
    fn may_be(shapes: &[[u32; 32]; 32], w: &[u8]) -> bool {
        let (Some(&a), Some(&z)) = (w.first(), w.last()) else {
            return false;
        };
        w.len() < 32 && shapes[usize::from(a & 31)][usize::from(z & 31)] & (1 << w.len()) != 0
    }
}

fn vocab() -> &'static Vocab {
    static VOCAB: std::sync::OnceLock<Vocab> = std::sync::OnceLock::new();
    VOCAB.get_or_init(Vocab::new)
}

/// FNV-1a of `w` with bit 5 of every byte set, which lowercases ASCII letters (and folds some other bytes together,
/// which only puts them in the same bucket): a word and its ASCII lowercase hash alike.
fn fold_hash(w: &[u8]) -> u32 {
    fold_hash_or(w).0
}

/// [`fold_hash`] of `w`, and the OR of its bytes.
fn fold_hash_or(w: &[u8]) -> (u32, u8) {
    w.iter().fold((0x811c_9dc5, 0), |(h, or): (u32, u8), &b| {
        ((h ^ u32::from(b | 0x20)).wrapping_mul(0x0100_0193), or | b)
    })
}

/// `key` is `w` ASCII-lowercased.
fn is_lower_of(key: &str, w: &[u8]) -> bool {
    key.len() == w.len()
        && key
            .bytes()
            .zip(w)
            .all(|(k, &b)| k == b.to_ascii_lowercase())
}

/// The gender of the pronoun at token `i`, if it is `he` or `she`.
fn pronoun(toks: &Tokens, i: usize) -> Option<Gender> {
    let w = toks.str_at(i);
    if w.eq_ignore_ascii_case("he") {
        Some(Gender::Male)
    } else if w.eq_ignore_ascii_case("she") {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Token `i` follows a determiner or a possessive, so a speech verb there is an adjective or a noun: `Australia’s
/// continued approval`, `the said document`, `his reported remarks`; so is one after a number (`the 36 states`).
fn after_determiner(toks: &Tokens, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    if toks.get(p).is_some_and(|t| t.kind == TokKind::Number) {
        return true;
    }
    let w = toks.s(p);
    [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
    ]
    .iter()
    .any(|d| d.eq_ignore_ascii_case(w))
        || (w == "s" && p > 0 && matches!(toks.s(p - 1), "’" | "'") && toks.touch(p - 1))
}

/// Words that may stand between a subject and its speech verb: `X also said`, `X has told`, `X later added`.
fn is_aux(toks: &Tokens, i: usize) -> bool {
    if !toks.is_word(i) || toks.toks[i].cap() {
        return false;
    }
    let w = toks.bytes_at(i);
    w.ends_with(b"ly")
        || [
            "also",
            "later",
            "then",
            "again",
            "has",
            "had",
            "have",
            "was",
            "once",
            "further",
            "just",
            "previously",
        ]
        .iter()
        .any(|a| a.as_bytes().eq_ignore_ascii_case(w))
}

/// A token that may stand in a title or role before a name: a word (`Israeli`, `former`), a number, or `.` `-` `’`
/// inside one (`U.S.`, `president-elect`, `Israel’s`, `the 26-year-old`). Prepositions end a title: `a spokesman for X` does not name X as speaker.
fn is_title_tok(toks: &Tokens, i: usize) -> bool {
    match toks.get(i) {
        Some(t) if t.kind == TokKind::Word => {
            let w = toks.bytes_of(t);
            // (None of these is longer than five letters.)
            w.len() > 5
                || ![
                    "for", "of", "to", "with", "from", "at", "in", "on", "by", "and", "or", "who",
                    "which", "that",
                ]
                .iter()
                .any(|p| p.as_bytes().eq_ignore_ascii_case(w))
        }
        Some(t) if t.kind == TokKind::Number => true,
        Some(t) => is_title_punct(toks.bytes_of(t)),
        None => false,
    }
}

/// `.`, `-`, `’` or `'`: the punctuation inside a title (`U.S.`, `president-elect`, `Israel’s`).
fn is_title_punct(w: &[u8]) -> bool {
    matches!(w, b"." | b"-" | b"'" | b"\xE2\x80\x99") // the last is `’`
}

/// `’` or `'`, before a possessive `s`.
fn is_apostrophe(w: &[u8]) -> bool {
    matches!(w, b"'" | b"\xE2\x80\x99") // the second is `’`
}

/// What an attribution names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Attr {
    /// A person entity.
    Person(usize),
    /// `he`, `she`.
    Pronoun(Gender),
    /// A role or other noun phrase, tokens `a..b`: `the prime minister`, `the ministry`.
    Role(usize, usize),
    /// An attribution was found, and it names no person.
    Nobody,
    /// The attribution's subject is that of the previous quote in the same sentence: `"…," he wrote, adding that
    /// X needed jets "as soon as possible."`
    Previous,
    /// No attribution.
    Unknown,
}

/// Person mentions, in text order, with lookups by position.
struct Mentions<'p> {
    all: &'p [PersonMention],
    /// Per mention: the token where it starts and the token after it ([`Tokens::index_at`] of its start and end).
    spans: Vec<(usize, usize)>,
    /// Bit `k` set when a mention starts where token `k` starts, and when one ends where token `k` ends: most tokens
    /// are at no mention's edge, and these spare them the binary search of [`Mentions::starting_at`] and
    /// [`Mentions::ending_at`].
    starts: Vec<u64>,
    ends: Vec<u64>,
    /// The last answer of [`Mentions::index_at`], where the next search starts ([`Seek`]): the searches of one quote
    /// are near each other, so each costs the logarithm of a short distance and touches only nearby memory (a binary
    /// search of all the tokens misses the cache at most steps in a long text).
    tok_hint: std::cell::Cell<usize>,
    /// The last answer of [`Mentions::first_from`], where its next search starts ([`search_from`]), for the same
    /// reasons: the descriptions read next to each mention ([`Roles::new`]) ask about the mentions just before it.
    men_hint: std::cell::Cell<usize>,
}

impl<'p> Mentions<'p> {
    fn new(toks: &Tokens, all: &'p [PersonMention]) -> Self {
        let words = toks.len() / 64 + 1;
        let mut men = Mentions {
            all,
            spans: Vec::with_capacity(all.len()),
            starts: vec![0; words],
            ends: vec![0; words],
            tok_hint: std::cell::Cell::new(0),
            men_hint: std::cell::Cell::new(0),
        };
        let set = |bits: &mut [u64], k: usize| {
            if let Some(w) = bits.get_mut(k / 64) {
                *w |= 1 << (k % 64);
            }
        };
        let mut seek = Seek(0);
        for m in all {
            let s = seek.index_at(toks, m.range.start);
            // The end is a few tokens on from the start (mentions do not overlap: these walks cover each token once).
            let mut e = s;
            while toks.get(e).is_some_and(|t| t.start() < m.range.end) {
                e += 1;
            }
            if toks.get(s).is_some_and(|t| t.start() == m.range.start) {
                set(&mut men.starts, s);
            }
            // The token that ends where the mention ends is the last one that starts before that.
            if let Some(l) = e
                .checked_sub(1)
                .filter(|&l| toks.toks[l].end() == m.range.end)
            {
                set(&mut men.ends, l);
            }
            men.spans.push((s, e));
        }
        men
    }

    /// The first mention starting at or after byte `from`, searched from the last answer ([`search_from`]).
    fn first_from(&self, from: usize) -> usize {
        search_from(self.all, &self.men_hint, |m| m.range.start < from)
    }

    /// [`Tokens::index_at`], searched from the last answer ([`gallop`]).
    fn index_at(&self, toks: &Tokens, pos: usize) -> usize {
        let mut seek = Seek(self.tok_hint.get());
        let i = seek.index_at(toks, pos);
        self.tok_hint.set(i);
        i
    }

    /// The mention that starts exactly where token `k` starts, as its index.
    fn starting_at(&self, toks: &Tokens, k: usize) -> Option<usize> {
        if self.starts.get(k / 64)? & (1 << (k % 64)) == 0 {
            return None;
        }
        let at = toks.get(k)?.start();
        let i = self.first_from(at);
        self.all.get(i).filter(|m| m.range.start == at).map(|_| i)
    }

    /// The mention that ends exactly where token `k` ends (the last that starts before that).
    fn ending_at(&self, toks: &Tokens, k: usize) -> Option<&PersonMention> {
        if self.ends.get(k / 64)? & (1 << (k % 64)) == 0 {
            return None;
        }
        let at = toks.get(k)?.end();
        let i = self.first_from(at);
        i.checked_sub(1)
            .and_then(|i| self.all.get(i))
            .filter(|m| m.range.end == at)
    }
}

/// `v.partition_point(pred)` (`pred` holds for a prefix of `v`), searched from index `k` (the previous answer) in
/// steps that double, forward or back: an answer near `k` costs the logarithm of the distance, and touches only the
/// memory around it.
fn gallop<T>(v: &[T], k: usize, pred: impl Fn(&T) -> bool) -> usize {
    let k = k.min(v.len());
    let mut step = 1;
    if k > 0 && !pred(&v[k - 1]) {
        // The answer is at most `hi`.
        let mut hi = k - 1;
        loop {
            let lo = hi.saturating_sub(step);
            if lo == 0 || pred(&v[lo]) {
                return lo + v[lo..hi].partition_point(&pred);
            }
            hi = lo;
            step *= 2;
        }
    }
    // Every element before `lo` holds.
    let mut lo = k;
    loop {
        let hi = (lo + step).min(v.len());
        if hi == v.len() || !pred(&v[hi]) {
            return lo + v[lo..hi].partition_point(&pred);
        }
        lo = hi + 1;
        step *= 2;
    }
}

/// `v.partition_point(pred)`, searched natively from the last answer (`hint`, updated) with [`gallop`]. The wasm build
/// searches all of `v` (`partition_point`): there a copy of `gallop` per caller cost about 150 bytes gzip each, and
/// ran slower than the plain search.
#[cfg(not(target_arch = "wasm32"))]
fn search_from<T>(v: &[T], hint: &std::cell::Cell<usize>, pred: impl Fn(&T) -> bool) -> usize {
    let i = gallop(v, hint.get(), pred);
    hint.set(i);
    i
}

#[cfg(target_arch = "wasm32")]
fn search_from<T>(v: &[T], _: &std::cell::Cell<usize>, pred: impl Fn(&T) -> bool) -> usize {
    v.partition_point(pred)
}

/// [`Tokens::index_at`] for byte positions that mostly come in increasing order (quotes, person mentions): a search
/// from the previous answer ([`gallop`]) instead of a binary search of all the tokens each time.
struct Seek(usize);

impl Seek {
    /// The index of the first token that starts at or after byte `pos`.
    fn index_at(&mut self, toks: &Tokens, pos: usize) -> usize {
        self.0 = gallop(&toks.toks, self.0, |x| x.start() < pos);
        self.0
    }
}

/// A person mention starting at one of tokens `i..i + 7`, with only title tokens before it (`Israeli President
/// Isaac Herzog`); returns its entity and the token after it. A possessive name is not the speaker but part of a
/// title: `Putin’s spokesman Dmitry Peskov` gives Peskov, and `Herzog’s office` gives nobody.
fn person_at(toks: &Tokens, men: &Mentions, i: usize, limit: usize) -> Option<(usize, usize)> {
    let mut k = i;
    let mut end = (i + 7).min(toks.len());
    while k < end {
        let t = &toks.toks[k];
        if t.start() > limit {
            return None;
        }
        if let Some(mi) = men.starting_at(toks, k) {
            let (m, after) = (&men.all[mi], men.spans[mi].1);
            let possessive = matches!(toks.str_at(after), "’" | "'")
                && toks.touch(after)
                && toks.str_at(after + 1).eq_ignore_ascii_case("s");
            if !possessive {
                return Some((m.entity, after));
            }
            k = after + 2;
            end = (k + 5).min(toks.len());
            continue;
        }
        // A full stop after a lowercase word ends the sentence (`said his spokesman. Boris Johnson was away`); one
        // after a capitalised abbreviation does not (`U.S. President`, `Sen.`).
        let full_stop = toks.s(k) == "."
            && k > i
            && toks.touch(k - 1)
            && toks.is_word(k - 1)
            && !toks.toks[k - 1].cap()
            && toks.s(k - 1).len() > 1;
        if !is_title_tok(toks, k)
            || (k > i && t.line_start())
            || full_stop
            || speech_verb(toks, k).is_some()
        {
            return None;
        }
        k += 1;
    }
    None
}

/// The subject of a speech verb that follows it: `X said`, `he said`, `the minister said`; the token after it.
fn subject_after(toks: &Tokens, men: &Mentions, i: usize, limit: usize) -> Option<(Attr, usize)> {
    if let Some(g) = pronoun(toks, i) {
        return Some((Attr::Pronoun(g), i + 1));
    }
    if let Some((e, k)) = person_at(toks, men, i, limit) {
        return Some((Attr::Person(e), k));
    }
    // `called the deal "a start" but said …`: a coordinated verb of the subject before the quote, not a subject.
    if ["and", "but", "or", "yet", "then"]
        .iter()
        .any(|w| toks.str_at(i).eq_ignore_ascii_case(w))
    {
        return None;
    }
    // A role or other noun phrase of a few words, up to the verb.
    let mut k = i;
    while k < toks.len() && k < i + 7 && is_title_tok(toks, k) && speech_verb(toks, k).is_none() {
        k += 1;
    }
    (k > i && speech_verb(toks, k).is_some()).then_some((Attr::Role(i, k), k))
}

/// Who a speech verb names after it: `said X`, `said Israeli President X`, `said the minister`, `said he`.
fn named_after_verb(toks: &Tokens, men: &Mentions, i: usize, limit: usize) -> Attr {
    if let Some(g) = pronoun(toks, i) {
        return Attr::Pronoun(g);
    }
    if let Some((e, _)) = person_at(toks, men, i, limit) {
        return Attr::Person(e);
    }
    // `said the prime minister.`, `said a spokesman,`: a short noun phrase up to punctuation.
    let det = [
        "the", "a", "an", "one", "another", "his", "her", "their", "its",
    ]
    .iter()
    .any(|d| d.eq_ignore_ascii_case(toks.str_at(i)));
    if det || toks.is_cap_word(i) {
        let mut k = i;
        while k < toks.len() && k < i + 5 && toks.is_word(k) && toks.toks[k].start() <= limit {
            k += 1;
        }
        let ends = k >= toks.len()
            || matches!(toks.s(k), "," | "." | ";" | ":" | "!" | "?")
            || toks.toks[k].line_start();
        if ends && k > i {
            // `said one resident, Mary Jones`: a name in apposition to the noun phrase.
            if toks.str_at(k) == "," {
                if let Some(mi) = men.starting_at(toks, k + 1) {
                    return Attr::Person(men.all[mi].entity);
                }
            }
            return Attr::Role(i, k);
        }
    }
    Attr::Unknown
}

/// The attribution after the quote whose closing mark is token `close`.
fn after_quote(toks: &Tokens, men: &Mentions, close: usize) -> Attr {
    let Some(next) = toks.get(close + 1) else {
        return Attr::Unknown;
    };
    if next.line_start() {
        return Attr::Unknown;
    }
    // The quote must leave its sentence open: `"…," he said`, `"…?" she asked`, `"….” he said`.
    let before_close = toks.str_at(close.wrapping_sub(1));
    let open_end = matches!(before_close, "," | "?" | "!" | "—" | "–" | "-" | "…" | ":");
    let lower_next = toks.is_word(close + 1) && !next.cap();
    if !(open_end || !next.sent_start() || lower_next) {
        return Attr::Unknown;
    }
    // `“…”. X said …`: a full stop after the closing mark (British and European style) ends the sentence.
    if matches!(toks.s(close + 1), "." | "!" | "?" | ";") {
        return Attr::Unknown;
    }
    let limit = toks.toks[close].end() + WINDOW;
    let mut j = close + 1;
    if matches!(toks.s(j), "," | "—" | "–" | "-") {
        j += 1;
    }
    if let Some(len) = speech_verb(toks, j) {
        return named_after_verb(toks, men, j + len, limit);
    }
    if let Some(a) = quoted_as_saying(toks, men, j, limit) {
        return a;
    }
    let Some((subj, mut k)) = subject_after(toks, men, j, limit) else {
        return Attr::Unknown;
    };
    // A parenthesis after the name: `"…," Warren (D-Mass.) said`.
    if toks.str_at(k) == "(" {
        if let Some(c) = (k + 1..(k + 10).min(toks.len())).find(|&c| toks.s(c) == ")") {
            k = c + 1;
        }
    }
    // Appositions, up to three: `X, who worked for …, told CNN`, `Sen. X, D-N.Y., the majority leader, told`.
    let mut hops = 0;
    while toks.str_at(k) == "," && !matches!(subj, Attr::Role(..)) && hops < 3 {
        hops += 1;
        let mut a = k + 1;
        while a < toks.len()
            && toks.toks[a].start() <= limit
            && !toks.toks[a].line_start()
            && toks.s(a) != ","
            && !is_quote_mark(toks.s(a))
        {
            a += 1;
        }
        if toks.str_at(a) != "," {
            return Attr::Unknown;
        }
        k = a + 1;
        let mut v = k;
        for _ in 0..2 {
            if is_aux(toks, v) {
                v += 1;
            }
        }
        if speech_verb(toks, v).is_some() {
            break;
        }
        // Another apposition follows: its opening comma is this one's closing comma.
        k = a;
    }
    for _ in 0..2 {
        if is_aux(toks, k) {
            k += 1;
        }
    }
    if speech_verb(toks, k).is_some() {
        subj
    } else {
        Attr::Unknown
    }
}

/// `Interfax quoted Chernomyrdin as saying` within a few tokens from token `j`: the person quoted, or nobody.
fn quoted_as_saying(toks: &Tokens, men: &Mentions, j: usize, limit: usize) -> Option<Attr> {
    let is = |k: usize, w: &str| toks.str_at(k).eq_ignore_ascii_case(w);
    let end = (j + 8).min(toks.len());
    let u = (j..end)
        .take_while(|&k| toks.toks[k].start() <= limit && (k == j || !toks.toks[k].line_start()))
        .find(|&k| is(k, "quoted") || is(k, "quotes") || is(k, "quoting"))?;
    if let Some((e, k)) = person_at(toks, men, u + 1, limit) {
        if is(k, "as") && is(k + 1, "saying") {
            return Some(Attr::Person(e));
        }
    }
    (u + 1..(u + 10).min(toks.len()))
        .any(|k| is(k, "as") && is(k + 1, "saying"))
        .then_some(Attr::Nobody)
}

/// The attribution before the quote whose opening mark is token `open`, in the same sentence and after byte
/// `floor` (the end of the previous quote).
fn before_quote(toks: &Tokens, men: &Mentions, open: usize, floor: usize) -> Attr {
    let Some(t) = toks.get(open) else {
        return Attr::Unknown;
    };
    // A quote that starts its sentence has nothing before it, unless a colon introduces it (`X said:\n"…"`).
    if open == 0 || (t.sent_start() && toks.str_at(open - 1) != ":") {
        return Attr::Unknown;
    }
    let lo = floor.max(t.start().saturating_sub(WINDOW));
    // The last speech verb before the quote in its sentence.
    let mut j = open;
    let (v, len) = loop {
        if j == 0 {
            return Attr::Unknown;
        }
        j -= 1;
        let tj = &toks.toks[j];
        if tj.start() < lo {
            return Attr::Unknown;
        }
        if may_be_verb(toks, tj) {
            if let Some(len) = speech_verb(toks, j).filter(|len| j + len <= open) {
                if !is_passive(toks, j) && !after_determiner(toks, j) {
                    break (j, len);
                }
            }
        }
        if tj.sent_start() || tj.line_start() {
            return Attr::Unknown;
        }
    };
    if len == 2 {
        // `According to X, "…"`.
        return match named_after_verb(toks, men, v + len, t.start()) {
            Attr::Unknown => Attr::Nobody,
            a => a,
        };
    }
    let is = |k: usize, w: &str| toks.str_at(k).eq_ignore_ascii_case(w);
    if is(v, "saying") && v >= 2 && is(v - 1, "as") {
        // `X was quoted as saying: "…"`, `Interfax quoted X as saying: "…"`.
        if is(v - 2, "quoted") {
            return subject_before(toks, men, v - 2, lo);
        }
        let from = v.saturating_sub(10).max(men.index_at(toks, lo));
        if let Some(u) = (from..v - 1)
            .rev()
            .find(|&k| is(k, "quoted") || is(k, "quotes"))
        {
            return match person_at(toks, men, u + 1, t.start()) {
                Some((e, k)) if k == v - 1 => Attr::Person(e),
                _ => Attr::Nobody,
            };
        }
    }
    // A second verb of the sentence's subject: `X told MPs that …, and said hospitals would face "…"`.
    let coordinated = v >= 1 && (is(v - 1, "and") || is(v - 1, "but"));
    match subject_before(toks, men, v, lo) {
        a @ (Attr::Role(..) | Attr::Nobody) if toks.s(v).ends_with("ing") || coordinated => {
            participle_subject(toks, men, v, lo, floor).unwrap_or(a)
        }
        a => a,
    }
}

/// The speech verb at token `j` is passive (`had been promised`, `was told`): its subject was spoken to, and the
/// attribution, if any, is further back (`X said the country had been promised … "…"`).
fn is_passive(toks: &Tokens, j: usize) -> bool {
    let w = toks.s(j);
    j > 0
        && !w.ends_with("ing")
        && ["been", "being", "be", "was", "were", "is", "are"]
            .iter()
            .any(|b| toks.str_at(j - 1).eq_ignore_ascii_case(b))
}

/// The subject of a participle clause (`X opened the meeting by calling for "…"`, `he wrote, adding that "…"`): the
/// person or pronoun that starts the sentence, or the speaker of a quote earlier in the same sentence.
fn participle_subject(
    toks: &Tokens,
    men: &Mentions,
    v: usize,
    lo: usize,
    floor: usize,
) -> Option<Attr> {
    let mut s = v;
    loop {
        let t = toks.get(s)?;
        if t.sent_start() || t.line_start() {
            break;
        }
        let prev = toks.get(s.checked_sub(1)?)?;
        if prev.start() < lo {
            // The previous quote ends this sentence's first part: `"…," he wrote, adding …`.
            return (lo == floor && floor > 0 && prev.end() == floor).then_some(Attr::Previous);
        }
        s -= 1;
    }
    if let Some(g) = pronoun(toks, s) {
        return Some(Attr::Pronoun(g));
    }
    let limit = toks.get(v)?.start();
    person_at(toks, men, s, limit).map(|(e, _)| Attr::Person(e))
}

/// The subject of the speech verb at token `v`, before it: `X said`, `X, head of Y, said`, `he said`.
fn subject_before(toks: &Tokens, men: &Mentions, v: usize, lo: usize) -> Attr {
    let in_window = |k: usize| toks.get(k).is_some_and(|t| t.start() >= lo);
    let Some(mut k) = v.checked_sub(1) else {
        return Attr::Nobody;
    };
    for _ in 0..2 {
        if k > 0 && is_aux(toks, k) {
            k -= 1;
        }
    }
    // A parenthesis between the name and the verb: `Sen. Elizabeth Warren (D-Mass.) said`.
    if k > 0 && toks.s(k) == ")" {
        if let Some(o) = (k.saturating_sub(10)..k)
            .rev()
            .find(|&o| toks.s(o) == "(" && in_window(o))
        {
            if o > 0 && !toks.toks[o].sent_start() {
                k = o - 1;
            }
        }
    }
    // `X, who said …`, `X who told …`: the relative pronoun stands for the name before it.
    if k > 0 && toks.s(k) == "who" {
        let mut m = k - 1;
        if toks.s(m) == "," && m > 0 {
            m -= 1;
        }
        if in_window(m) {
            if let Some(p) = men.ending_at(toks, m) {
                return Attr::Person(p.entity);
            }
        }
    }
    // Skip up to three appositions back to their opening commas: `X, R-Ohio, who voted against it, said`. An
    // apposition that is itself a name is the subject: `China's commerce minister, Wang Wentao, said`.
    let mut hops = 0;
    while toks.str_at(k) == "," && hops < 3 {
        hops += 1;
        let mut a = k;
        let opening = loop {
            if a == 0 || !in_window(a - 1) || toks.toks[a].sent_start() {
                break None;
            }
            a -= 1;
            if toks.s(a) == "," {
                break Some(a);
            }
        };
        let Some(a) = opening else {
            if hops == 1 {
                return Attr::Nobody;
            }
            k -= 1;
            break;
        };
        if let Some((e, after)) = person_at(toks, men, a + 1, toks.toks[k].start()) {
            if after == k {
                return Attr::Person(e);
            }
        }
        let Some(b) = a.checked_sub(1) else {
            return Attr::Nobody;
        };
        if in_window(b) {
            if let Some(m) = men.ending_at(toks, b) {
                return Attr::Person(m.entity);
            }
        }
        k = a;
    }
    if toks.str_at(k) == "," {
        k = k.saturating_sub(1);
    }
    if !in_window(k) {
        return Attr::Nobody;
    }
    if let Some(m) = men.ending_at(toks, k) {
        return Attr::Person(m.entity);
    }
    // `X of Kentucky said`, `X of the Heritage Foundation said`: a name before `of`/`from` and a proper name.
    if toks.is_cap_word(k) {
        let mut j = k;
        while j > 0 && j + 5 > k && in_window(j - 1) && !toks.toks[j].sent_start() {
            let w = toks.s(j - 1);
            if w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("from") {
                if let Some(m) = j.checked_sub(2).and_then(|p| men.ending_at(toks, p)) {
                    return Attr::Person(m.entity);
                }
                break;
            }
            if !(toks.is_cap_word(j - 1) || w == "the") {
                break;
            }
            j -= 1;
        }
    }
    if let Some(g) = pronoun(toks, k) {
        return Attr::Pronoun(g);
    }
    // A noun phrase back to its determiner or the sentence start: `the prime minister said`, `The 84-year-old Nobel
    // laureate said`.
    let phrase_tok = |i: usize| {
        toks.is_word(i)
            || (matches!(toks.s(i), "-") && toks.touch(i))
            || toks.get(i).is_some_and(|t| t.kind == TokKind::Number)
    };
    let mut a = k;
    while a > 0
        && a + 9 > k
        && phrase_tok(a)
        && !toks.toks[a].sent_start()
        && in_window(a - 1)
        && phrase_tok(a - 1)
    {
        let w = toks.s(a);
        if ["the", "a", "an"].iter().any(|d| d.eq_ignore_ascii_case(w)) {
            break;
        }
        a -= 1;
    }
    if toks.is_word(k) {
        Attr::Role(a, k + 1)
    } else {
        Attr::Nobody
    }
}

/// A person's gender, as a title or an apposition gives it (data/gender_words.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

/// Words that make a different role of the one they modify: "the health secretary" is not "the shadow health
/// secretary", nor "the minister" the "Prime Minister".
const ROLE_CHANGERS: &[&str] = &[
    "shadow",
    "former",
    "ex",
    "deputy",
    "vice",
    "assistant",
    "acting",
    "junior",
    "prime",
    "opposition",
    "late",
];

/// A description's head noun that stands for any political leader: `the Colombian leader` is the one person the text
/// ties to Colombia.
const GENERIC_HEADS: &[&str] = &["leader"];

/// How many tokens a description may span, and how many of its words count.
const DESCR_TOKENS: usize = 8;

/// The words of a description: token indices, without countries, possessive endings and punctuation.
#[derive(Clone, Copy, Default)]
struct Words {
    at: [usize; DESCR_TOKENS],
    n: usize,
}

impl Words {
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.at[..self.n].iter().copied()
    }

    fn last(&self) -> Option<usize> {
        self.n.checked_sub(1).map(|k| self.at[k])
    }

    /// Whether one of the words is `w`, ignoring ASCII case.
    fn has(&self, toks: &Tokens, w: &str) -> bool {
        self.iter().any(|k| toks.s(k).eq_ignore_ascii_case(w))
    }
}

/// What the text says a person is, next to one of the person's mentions: the title before the name (`Colombian
/// President Gustavo Petro`, `Bangladesh’s interim leader Muhammad Yunus`, `Mr Streeting`) or an apposition before
/// or after it (`Tuvalu’s prime minister, Feleti Teo`, `Victoria Atkins, the shadow health secretary,`).
struct Descr {
    entity: usize,
    /// Where the mention starts (byte).
    pos: usize,
    words: Words,
}

/// The persons' descriptions and what follows from them, gathered once per text, in text order; a role looks back
/// over at most [`ROLE_LOOKBACK`] of them.
#[derive(Default)]
struct Roles {
    descrs: Vec<Descr>,
    /// (position, entity, country code) of every description that ties an entity to a country.
    nations: Vec<(usize, usize, &'static str)>,
    /// Per entity: the country (ISO code) a description ties it to, the first one given.
    nation: Vec<Option<&'static str>>,
    /// Per entity: the genders its descriptions give (bit 1 female, bit 2 male).
    genders: Vec<u8>,
    /// The last country mention [`descr_words`] started from, where its next search starts ([`search_from`]).
    country_hint: std::cell::Cell<usize>,
}

impl Roles {
    /// The descriptions next to every person mention; each looks at a few tokens around its mention.
    fn new(
        toks: &Tokens,
        men: &Mentions,
        countries: &[CountryMention],
        n_entities: usize,
    ) -> Roles {
        let mut r = Roles {
            nation: vec![None; n_entities],
            genders: vec![0; n_entities],
            ..Roles::default()
        };
        for (m, &(s, e)) in men.all.iter().zip(&men.spans) {
            if s >= toks.len() || m.entity >= n_entities {
                continue;
            }
            // The title before the name, back to the sentence start or a word that is no title.
            let mut j = s;
            while j > 0
                && s - j < DESCR_TOKENS
                && !toks.toks[j].sent_start()
                && !toks.toks[j].line_start()
            {
                let p = j - 1;
                let w = toks.bytes_at(p);
                let ok = (toks.is_cap_word(p) && men.ending_at(toks, p).is_none())
                    || is_role_word(toks, p)
                    || toks.toks[p].kind == TokKind::Number
                    || is_title_punct(w)
                    || (w == b"s" && p > 0 && is_apostrophe(toks.bytes_at(p - 1)));
                if !ok {
                    break;
                }
                j = p;
            }
            if j < s {
                r.add(toks, countries, m, j, s, false);
            }
            // An apposition before the name: `Tuvalu’s prime minister, Feleti Teo`.
            if j == s && s >= 2 && toks.bytes_at(s - 1) == b"," {
                let mut a = s - 1;
                while a > 0
                    && s - a <= DESCR_TOKENS
                    && !toks.toks[a].sent_start()
                    && is_title_tok(toks, a - 1)
                {
                    a -= 1;
                    if men.ending_at(toks, a).is_some() {
                        a += 1;
                        break;
                    }
                }
                if a < s - 1 {
                    r.add(toks, countries, m, a, s - 1, true);
                }
            }
            // An apposition after the name, up to another name: `Victoria Atkins, the shadow health secretary, said`.
            if toks.bytes_at(e) == b"," {
                let mut b = e + 1;
                while b < toks.len()
                    && b - e <= DESCR_TOKENS
                    && !toks.toks[b].line_start()
                    && is_title_tok(toks, b)
                    && toks.bytes_at(b) != b"."
                    && speech_verb(toks, b).is_none()
                    && men.starting_at(toks, b).is_none()
                {
                    b += 1;
                }
                if b > e + 1 {
                    r.add(toks, countries, m, e + 1, b, true);
                }
            }
        }
        r
    }

    /// Records the description in tokens `a..b` of mention `m`; one that must name a role (an apposition) is kept
    /// only if it has a word of data/titles.tsv or data/gender_words.tsv.
    fn add(
        &mut self,
        toks: &Tokens,
        countries: &[CountryMention],
        m: &PersonMention,
        a: usize,
        b: usize,
        role: bool,
    ) {
        let (words, nation) = descr_words(toks, countries, a, b, &self.country_hint);
        let mut genders = 0u8;
        let mut known = false;
        let vocab = vocab();
        for k in words.iter() {
            let f = vocab.flags(toks.bytes_at(k));
            known |= f & TITLE != 0;
            // A word in both gender lists counts as female.
            genders |= if f & FEMALE != 0 {
                1
            } else if f & MALE != 0 {
                2
            } else {
                0
            };
        }
        if role && !known && genders == 0 {
            return;
        }
        let e = m.entity;
        self.genders[e] |= genders;
        if let Some(c) = nation {
            self.nations.push((m.range.start, e, c));
            if self.nation[e].is_none() {
                self.nation[e] = Some(c);
            }
        }
        if words.n > 0 {
            self.descrs.push(Descr {
                entity: e,
                pos: m.range.start,
                words,
            });
        }
    }

    /// Whether the mention that starts at byte `pos` has a description.
    fn described_at(&self, pos: usize) -> bool {
        let k = self.descrs.partition_point(|d| d.pos < pos);
        self.descrs.get(k).is_some_and(|d| d.pos == pos)
    }

    /// The gender the descriptions give person `e`, if they give one and only one.
    fn gender(&self, e: usize) -> Option<Gender> {
        match self.genders.get(e) {
            Some(1) => Some(Gender::Female),
            Some(2) => Some(Gender::Male),
            _ => None,
        }
    }
}

/// The words of tokens `a..b` (at most [`DESCR_TOKENS`]), leaving out countries (returned apart, the first one),
/// possessive endings and punctuation: `Tuvalu’s prime minister` gives `prime`, `minister` and Some("TV"). The
/// search among the countries starts from the answer of the call before (`hint`, updated).
fn descr_words(
    toks: &Tokens,
    countries: &[CountryMention],
    a: usize,
    b: usize,
    hint: &std::cell::Cell<usize>,
) -> (Words, Option<&'static str>) {
    let mut words = Words::default();
    let mut nation = None;
    let Some(ta) = toks.get(a) else {
        return (words, nation);
    };
    let mut c = search_from(countries, hint, |c| c.range.end <= ta.start());
    for k in a..b.min(toks.len()) {
        let t = &toks.toks[k];
        while countries.get(c).is_some_and(|m| m.range.end <= t.start()) {
            c += 1;
        }
        if let Some(m) = countries.get(c).filter(|m| m.range.start <= t.start()) {
            nation = nation.or(Some(m.country.code));
            continue;
        }
        let possessive = toks.bytes_at(k) == b"s" && k > 0 && is_apostrophe(toks.bytes_at(k - 1));
        if t.kind == TokKind::Word && !possessive && words.n < DESCR_TOKENS {
            words.at[words.n] = k;
            words.n += 1;
        }
    }
    (words, nation)
}

/// The person a description names (`the prime minister`, `the Colombian leader`, `Health secretary`): the one person
/// whose title or apposition, before byte `before` (anywhere when `anywhere`, for a headline), has all its words
/// (the same head noun, and no word such as "shadow" or "former" that it lacks), and the same country if both give
/// one; `the Colombian leader` is also the one person tied to Colombia. Two such persons, or none, give nobody; an
/// indefinite phrase (`a spokesman`) or a possessive one (`his lawyer`) too.
fn resolve_role(
    toks: &Tokens,
    roles: &Roles,
    countries: &[CountryMention],
    a: usize,
    b: usize,
    before: usize,
    anywhere: bool,
) -> Role {
    let first = toks.str_at(a);
    let mut a = a;
    if first.eq_ignore_ascii_case("the") {
        a += 1;
    } else if [
        "a", "an", "one", "another", "some", "his", "her", "their", "its", "our",
    ]
    .iter()
    .any(|d| d.eq_ignore_ascii_case(first))
    {
        return Role::Nobody;
    }
    // `the 84-year-old Nobel laureate`: an age marks a description of someone named just before.
    let age_at = (a..b).find(|&k| {
        toks.s(k).eq_ignore_ascii_case("year") && toks.str_at(k + 2).eq_ignore_ascii_case("old")
    });
    let (mut words, nation) = descr_words(toks, countries, a, b, &roles.country_hint);
    if let Some(y) = age_at {
        let n = words.n;
        let kept = words.at[..n]
            .iter()
            .copied()
            .filter(|&k| k != y && k != y + 2);
        let mut w = Words::default();
        for k in kept {
            w.at[w.n] = k;
            w.n += 1;
        }
        words = w;
    }
    let aged = age_at.is_some();
    let Some(head) = words.last() else {
        return if aged { Role::Aged } else { Role::Nobody };
    };
    let head_word = toks.s(head);
    // The descriptions before the role, or around it in a headline: at most ROLE_LOOKBACK.
    let window = |k: usize, len: usize| {
        if anywhere {
            k.saturating_sub(ROLE_LOOKBACK / 2)..len.min(k + ROLE_LOOKBACK / 2)
        } else {
            k.saturating_sub(ROLE_LOOKBACK)..k
        }
    };
    let mut found: Option<usize> = None;
    let mut many = false;
    let mut take = |e: usize| match found {
        Some(f) if f != e => many = true,
        _ => found = Some(e),
    };
    let nation_fits = |e: usize| match (nation, roles.nation.get(e).copied().flatten()) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let k = roles.descrs.partition_point(|d| d.pos < before);
    for p in roles
        .descrs
        .get(window(k, roles.descrs.len()))
        .unwrap_or_default()
    {
        if !p
            .words
            .last()
            .is_some_and(|l| toks.s(l).eq_ignore_ascii_case(head_word))
        {
            continue;
        }
        let has_all = words.iter().all(|k| p.words.has(toks, toks.s(k)));
        let changed = p.words.iter().any(|k| {
            let w = toks.s(k);
            ROLE_CHANGERS.iter().any(|c| c.eq_ignore_ascii_case(w)) && !words.has(toks, w)
        });
        if has_all && !changed && nation_fits(p.entity) {
            take(p.entity);
        }
    }
    let generic = words.n == 1
        && GENERIC_HEADS
            .iter()
            .any(|g| g.eq_ignore_ascii_case(head_word));
    if let (Some(c), true) = (nation, generic) {
        let k = roles.nations.partition_point(|n| n.0 < before);
        for &(_, e, n) in roles
            .nations
            .get(window(k, roles.nations.len()))
            .unwrap_or_default()
        {
            if n == c {
                take(e);
            }
        }
    }
    match (found, many) {
        (Some(e), false) => Role::Person(e),
        (None, _) if aged => Role::Aged,
        _ => Role::Nobody,
    }
}

/// What a description resolves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Person(usize),
    /// An age description with no other match (`the 84-year-old said`): the person the text is about, as for a
    /// pronoun.
    Aged,
    Nobody,
}

/// A lowercase word of a title before a name (`Tournament director Craig Tiley`, `former prime minister X`): a word of
/// data/titles.tsv, or a modifier of one.
fn is_role_word(toks: &Tokens, i: usize) -> bool {
    toks.is_word(i)
        && !toks.toks[i].cap()
        && vocab().flags(toks.bytes_at(i)) & (TITLE | MODIFIER) != 0
}

/// A person mention is the subject of its sentence: only title words stand before it (`Israeli President Isaac
/// Herzog said …`).
/// (`mi` is the mention's index in `men`.)
fn is_subject(toks: &Tokens, men: &Mentions, mi: usize) -> bool {
    let (mut j, after) = men.spans[mi];
    // `The Chancellor, Jeremy Hunt, welcomed …`: a name in apposition to a short first noun phrase.
    if j > 1 && toks.s(j - 1) == "," && toks.str_at(after) == "," {
        let mut a = j - 1;
        for _ in 0..6 {
            a -= 1;
            if toks.toks[a].sent_start() {
                return true;
            }
            if a == 0 || !is_title_tok(toks, a) {
                break;
            }
        }
    }
    for _ in 0..6 {
        match toks.get(j) {
            Some(t) if t.sent_start() => return true,
            Some(_)
                if j > 0
                    && (toks.is_cap_word(j - 1)
                        || matches!(toks.s(j - 1), "." | "-" | "’" | "'")
                        || (toks.s(j - 1) == "s"
                            && matches!(toks.str_at(j.wrapping_sub(2)), "’" | "'"))
                        || is_role_word(toks, j - 1)) =>
            {
                j -= 1
            }
            _ => return false,
        }
    }
    false
}

/// The longest apposition (tokens) between a name and its speech verb that [`speaks_next`] reads over.
const APPOSITION_MAX: usize = 30;

/// A person mention is the subject of a speech verb right after it, though words other than titles stand before it:
/// `Canada's Energy and Natural Resources Minister Tim Hodgson said …`, `In Australia, leader Michael Woodley, whose
/// people fought …, said …` (an apposition of at most [`APPOSITION_MAX`] tokens between commas, in one sentence).
/// (`mi` is the mention's index in `men`.)
fn speaks_next(toks: &Tokens, men: &Mentions, mi: usize) -> bool {
    let j = men.spans[mi].1;
    if speech_verb(toks, j).is_some() && !is_passive(toks, j) {
        return true;
    }
    if toks.str_at(j) != "," {
        return false;
    }
    for k in j + 1..j + APPOSITION_MAX {
        match toks.get(k) {
            Some(t) if t.sent_start() || t.line_start() => return false,
            Some(_) if toks.s(k) == "," => {
                if speech_verb(toks, k + 1).is_some() {
                    return true;
                }
            }
            Some(_) => {}
            None => return false,
        }
    }
    false
}

/// The person a pronoun before byte `at` refers to: the most recent of the last speaker and the last person
/// mention that is a sentence subject, within [`PRONOUN_WINDOW`]. A pronoun of gender `want` skips that person if a
/// title gives them the other gender, for the last person mentioned whose title gives `want` (`“…,” she said` after
/// `Mrs Jones spoke to Mr Smith`), or nobody; where titles tell nothing, gender plays no part. `want` None is any.
fn resolve_pronoun(
    toks: &Tokens,
    men: &Mentions,
    roles: &Roles,
    at: usize,
    last_speaker: Option<(usize, usize)>,
    want: Option<Gender>,
) -> Option<usize> {
    let pick = nearest_subject(toks, men, at, last_speaker);
    let Some(g) = want else {
        return pick;
    };
    match pick {
        Some(e) if roles.gender(e).is_some_and(|h| h != g) => {
            let lo = pronoun_floor(toks, men, at);
            men.all[..men.first_from(at)]
                .iter()
                .rev()
                .take_while(|m| m.range.start >= lo)
                .take(40)
                .find(|m| roles.gender(m.entity) == Some(g))
                .map(|m| m.entity)
        }
        p => p,
    }
}

/// How far back (a byte) a pronoun at byte `at` looks for its person: its own paragraph and the one before, and
/// further back only over paragraphs with no speech verb but a pronoun's, within [`PRONOUN_WINDOW`]; a paragraph where
/// someone else speaks (`The ministry said …`) stops it, so `"…," he said` is not given to a speaker of four paragraphs before.
fn pronoun_floor(toks: &Tokens, men: &Mentions, at: usize) -> usize {
    let lo = at.saturating_sub(PRONOUN_WINDOW);
    let mut k = men.index_at(toks, at);
    // Paragraphs passed: 0 while in the pronoun's own.
    let mut para = usize::from(toks.get(k).is_some_and(|t| t.line_start()));
    let mut verb = false;
    while k > 0 {
        k -= 1;
        let t = &toks.toks[k];
        if t.start() < lo {
            break;
        }
        if para >= 1 && !verb && may_be_verb(toks, t) && speech_verb(toks, k).is_some() {
            // `she also speaks to …`: a pronoun's verb may be the same person's.
            let s = if k > 1 && is_aux(toks, k - 1) {
                k - 2
            } else {
                k.saturating_sub(1)
            };
            // `Asked whether …, she pauses`: a verb with no subject before it in its sentence names nobody else.
            verb = !toks.toks[k].sent_start() && toks.is_word(s) && pronoun(toks, s).is_none();
        }
        if t.line_start() {
            if verb {
                return t.start();
            }
            para += 1;
        }
    }
    lo
}

/// The person an age description that matches no title (`The 84-year-old Nobel laureate, who …, said`) stands for:
/// the last person mentioned before byte `at` (where the description starts), within [`PRONOUN_WINDOW`], who is a
/// sentence subject or has a title or apposition of their own (`Bangladesh’s interim leader Muhammad Yunus sent …`).
fn resolve_aged(toks: &Tokens, men: &Mentions, roles: &Roles, at: usize) -> Option<usize> {
    let lo = at.saturating_sub(PRONOUN_WINDOW);
    (0..men.first_from(at))
        .rev()
        .take_while(|&i| men.all[i].range.start >= lo)
        .take(20)
        .find(|&i| roles.described_at(men.all[i].range.start) || is_subject(toks, men, i))
        .map(|i| men.all[i].entity)
}

/// The most recent of the last speaker and the last person mention that is a sentence subject before byte `at`,
/// within [`PRONOUN_WINDOW`].
fn nearest_subject(
    toks: &Tokens,
    men: &Mentions,
    at: usize,
    last_speaker: Option<(usize, usize)>,
) -> Option<usize> {
    let lo = pronoun_floor(toks, men, at);
    let k = men.first_from(at);
    let subject = (0..k)
        .rev()
        .take_while(|&i| men.all[i].range.start >= lo)
        .take(20)
        .find(|&i| is_subject(toks, men, i) || speaks_next(toks, men, i))
        .map(|i| (men.all[i].entity, men.all[i].range.start));
    let speaker = last_speaker.filter(|&(_, pos)| pos >= lo);
    match (subject, speaker) {
        (Some(s), Some(p)) => Some(if s.1 > p.1 { s.0 } else { p.0 }),
        (s, p) => s.or(p).map(|x| x.0),
    }
}

/// For each quote, the person entity (an index into `people.entities`) the text says spoke it.
/// `countries` are the country mentions, which tie a person to a country (`Colombia’s Gustavo Petro`) for a
/// description (`the Colombian leader`).
pub fn speakers(
    toks: &Tokens,
    quotes: &[Range<usize>],
    people: &People,
    countries: &[CountryMention],
) -> Vec<Option<usize>> {
    let unwrapped = super::unwrap(toks);
    let toks = unwrapped.as_ref().unwrap_or(toks);
    let men = Mentions::new(toks, &people.mentions);
    let roles = Roles::new(toks, &men, countries, people.entities.len());
    let mut out: Vec<Option<usize>> = vec![None; quotes.len()];
    // Per quote: its attribution was found (even if it names nobody), and its last mark closes it.
    let mut decided = vec![false; quotes.len()];
    let mut closed = vec![false; quotes.len()];
    // Per quote: the token of its opening mark.
    let mut opens = vec![0usize; quotes.len()];
    let mut last_speaker: Option<(usize, usize)> = None;
    let mut seek = Seek(0);
    for (qi, q) in quotes.iter().enumerate() {
        let open = seek.index_at(toks, q.start);
        let Some(close) = seek.index_at(toks, q.end).checked_sub(1) else {
            continue;
        };
        if open >= toks.len() || close < open {
            continue;
        }
        opens[qi] = open;
        let close_s = toks.s(close);
        closed[qi] = close > open && is_quote_mark(close_s);
        let whole_line =
            toks.toks[open].line_start() && toks.get(close + 1).is_none_or(|t| t.line_start());
        let final_punct = matches!(
            toks.str_at(close - usize::from(closed[qi])),
            "." | "!" | "?" | "…" | ","
        );
        if whole_line && closed[qi] && !final_punct {
            // A headline.
            decided[qi] = true;
            continue;
        }
        let floor = if qi > 0 { quotes[qi - 1].end } else { 0 };
        // A headline that opens with a quote and a colon names its speaker next: `‘We won’t be lectured’: Albanese
        // hits back`.
        let headline_colon = closed[qi]
            && toks.toks[open].line_start()
            && toks.str_at(close + 1) == ":"
            && toks.get(close + 2).is_some_and(|t| !t.line_start());
        let mut attr = if headline_colon {
            match person_at(toks, &men, close + 2, q.end + WINDOW) {
                Some((e, _)) => Attr::Person(e),
                None => Attr::Nobody,
            }
        } else if closed[qi] {
            after_quote(toks, &men, close)
        } else {
            Attr::Unknown
        };
        if attr == Attr::Unknown {
            attr = before_quote(toks, &men, open, floor);
        }
        if attr == Attr::Unknown {
            attr = headline_subject(toks, &men, open, close).unwrap_or(attr);
        }
        let speaker = match attr {
            Attr::Person(e) => Some(e),
            Attr::Pronoun(g) => resolve_pronoun(toks, &men, &roles, q.start, last_speaker, Some(g)),
            Attr::Role(a, b) => {
                let anywhere = headline_line(toks, open, close).is_some();
                match resolve_role(toks, &roles, countries, a, b, q.start, anywhere) {
                    Role::Person(e) => Some(e),
                    Role::Aged => resolve_aged(toks, &men, &roles, toks.toks[a].start()),
                    Role::Nobody => None,
                }
            }
            Attr::Nobody => None,
            Attr::Previous => qi.checked_sub(1).and_then(|p| out[p]),
            Attr::Unknown => continues(toks, &men, quotes, &out, &opens, qi),
        };
        decided[qi] = attr != Attr::Unknown;
        out[qi] = speaker;
        if let Some(e) = speaker {
            last_speaker = Some((e, q.end));
        }
    }
    // An unclosed run-on part without an attribution of its own takes the speaker of the part right after it.
    for qi in (0..quotes.len().saturating_sub(1)).rev() {
        let next_part =
            || men.index_at(toks, quotes[qi].end) == men.index_at(toks, quotes[qi + 1].start);
        if !decided[qi] && !closed[qi] && out[qi + 1].is_some() && next_part() {
            out[qi] = out[qi + 1];
        }
    }
    out
}

/// The longest headline (bytes) whose subject speaks its quote.
const HEADLINE_MAX: usize = 200;

/// A quote inside a headline (a short line with no final punctuation) that opens with a person is that person's:
/// `Streeting orders inquiry into 'unacceptable' waits`, `Ishiba: 'a very severe result'`, `President Ruto slams
/// "cartels"`.
fn headline_subject(toks: &Tokens, men: &Mentions, open: usize, close: usize) -> Option<Attr> {
    let q_start = toks.get(open)?.start();
    let first = headline_line(toks, open, close)?;
    let (e, after) = person_at(toks, men, first, q_start)?;
    (after <= open).then_some(Attr::Person(e))
}

/// The first token of the headline (a line of at most [`HEADLINE_MAX`] bytes with no final punctuation) that holds
/// the quote from token `open` to `close`, if that line is one.
fn headline_line(toks: &Tokens, open: usize, close: usize) -> Option<usize> {
    let q_start = toks.get(open)?.start();
    let mut first = open;
    while !toks.toks[first].line_start() {
        first = first.checked_sub(1)?;
        if q_start - toks.toks[first].start() > HEADLINE_MAX {
            return None;
        }
    }
    let mut last = close;
    while toks.get(last + 1).is_some_and(|t| !t.line_start()) {
        last += 1;
        if toks.toks[last].end() - toks.toks[first].start() > HEADLINE_MAX {
            return None;
        }
    }
    while last > first && is_quote_mark(toks.s(last)) {
        last -= 1;
    }
    (!matches!(toks.s(last), "." | "!" | "?" | "…")).then_some(first)
}

/// Quote `qi` continues the previous quote's speaker: it starts a sentence, in the same or the next paragraph, close
/// by, with no other person named in between. `opens` holds the token of each quote's opening mark.
fn continues(
    toks: &Tokens,
    men: &Mentions,
    quotes: &[Range<usize>],
    out: &[Option<usize>],
    opens: &[usize],
    qi: usize,
) -> Option<usize> {
    let p = qi.checked_sub(1)?;
    let e = out[p]?;
    let (prev, q) = (&quotes[p], &quotes[qi]);
    let open = opens[qi];
    // More than one line start after the previous quote's opening mark, up to this one's: not the next paragraph.
    // (Counted here, for the few quotes that get this far, each span of tokens once: `p` is always `qi - 1`.)
    let far = || {
        toks.toks
            .get(opens[p] + 1..open + 1)
            .unwrap_or_default()
            .iter()
            .filter(|t| t.line_start())
            .nth(1)
            .is_some()
    };
    if !toks.toks[open].sent_start() || q.start.saturating_sub(prev.end) > CONTINUE_WINDOW || far()
    {
        return None;
    }
    // Names in the rest of the previous quote's sentence are its attribution or apposition (`"…," said X, a
    // cardiologist at the Cleveland Clinic. "…"`); another person named after that takes over.
    // A full stop after an abbreviation or an initial (`Dr.`, `A.`, `Gov.`) does not end that sentence.
    let ends_sentence = |t: usize| {
        let w = toks.str_at(t.wrapping_sub(2));
        toks.toks[t].line_start()
            || (toks.toks[t].sent_start()
                && matches!(toks.str_at(t.wrapping_sub(1)), "." | "!" | "?")
                && toks.is_word(t.wrapping_sub(2))
                && w.len() > 1
                && (!toks.toks[t - 2].cap() || w.chars().count() >= 5))
    };
    let next_sentence = (men.index_at(toks, prev.end)..open)
        .find(|&t| t >= 2 && ends_sentence(t))
        .map_or(q.start, |t| toks.toks[t].start());
    let k = men.first_from(next_sentence);
    let other = men.all[k..]
        .iter()
        .take_while(|m| m.range.start < q.start)
        .any(|m| m.entity != e);
    (!other).then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::PersonEntity;

    /// People built by hand: `names` are (surface text, occurrence, entity) looked up in `text`; `entities` are
    /// (name, title).
    fn people(
        text: &str,
        names: &[(&str, usize, usize)],
        entities: &[(&str, Option<&str>)],
    ) -> People {
        let mut mentions: Vec<PersonMention> = names
            .iter()
            .map(|&(s, nth, entity)| {
                let start = text
                    .match_indices(s)
                    .nth(nth)
                    .map(|(i, _)| i)
                    .expect("name in text");
                PersonMention {
                    range: start..start + s.len(),
                    entity,
                }
            })
            .collect();
        mentions.sort_by_key(|m| m.range.start);
        let entities = entities
            .iter()
            .map(|(n, t)| PersonEntity {
                name: n.to_string(),
                title: t.map(str::to_string),
            })
            .collect();
        People { mentions, entities }
    }

    /// The speaker name of each quote.
    fn who(text: &str, p: &People) -> Vec<Option<String>> {
        let toks = Tokens::new(text);
        let quotes = super::super::find(&toks);
        let countries = crate::country::find(&toks);
        speakers(&toks, &quotes, p, &countries)
            .into_iter()
            .map(|s| s.map(|e| p.entities[e].name.clone()))
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn gallop_is_partition_point() {
        let v: Vec<usize> = (0..40).map(|i| i / 3 * 2).collect();
        for k in 0..45 {
            for x in 0..30 {
                assert_eq!(
                    gallop(&v, k, |&y| y < x),
                    v.partition_point(|&y| y < x),
                    "{k} {x}"
                );
            }
        }
    }

    #[test]
    fn seek_is_index_at() {
        let toks = Tokens::new(
            "“Yes,” he said. A B C D E F G H I J K L M N O P Q R S T U V W X Y Z — “No.”",
        );
        let n = toks.text.len() + 2;
        let mut seek = Seek(0);
        // Forward in steps of every size, then backward, then forward again from anywhere.
        let order = (0..n)
            .chain((0..n).step_by(7))
            .chain((0..n).rev())
            .chain((0..n).map(|i| (i * 13) % n));
        for pos in order {
            assert_eq!(seek.index_at(&toks, pos), toks.index_at(pos), "{pos}");
        }
    }

    #[test]
    fn name_after_quote() {
        let t = "“I harbor no illusions,” Israeli President Isaac Herzog said following the vote.";
        let p = people(t, &[("Isaac Herzog", 0, 0)], &[("Isaac Herzog", None)]);
        assert_eq!(who(t, &p), [some("Isaac Herzog")]);
    }

    #[test]
    fn verb_before_name() {
        let t = "\"We will not pay,\" said Frank-Juergen Weise, head of the agency.";
        let p = people(
            t,
            &[("Frank-Juergen Weise", 0, 0)],
            &[("Frank-Juergen Weise", None)],
        );
        assert_eq!(who(t, &p), [some("Frank-Juergen Weise")]);
    }

    #[test]
    fn apposition_between_name_and_verb() {
        let t = "\"It is over,\" Nikita Smagin, who worked for state media in Tehran, told CNN.";
        let p = people(t, &[("Nikita Smagin", 0, 0)], &[("Nikita Smagin", None)]);
        assert_eq!(who(t, &p), [some("Nikita Smagin")]);
    }

    #[test]
    fn told_names_the_first_person() {
        let t = "“We do consider our relations vital,” Pezeshkian told Putin on Friday.";
        let p = people(
            t,
            &[("Pezeshkian", 0, 0), ("Putin", 0, 1)],
            &[("Masoud Pezeshkian", None), ("Vladimir Putin", None)],
        );
        assert_eq!(who(t, &p), [some("Masoud Pezeshkian")]);
    }

    #[test]
    fn name_before_quote() {
        let t =
            "Michael Ancram said: \"We must act.\" Then he left. Putin told Xi: “We are friends.”";
        let p = people(
            t,
            &[("Michael Ancram", 0, 0), ("Putin", 0, 1), ("Xi", 0, 2)],
            &[
                ("Michael Ancram", None),
                ("Vladimir Putin", None),
                ("Xi Jinping", None),
            ],
        );
        assert_eq!(who(t, &p), [some("Michael Ancram"), some("Vladimir Putin")]);
    }

    #[test]
    fn colon_at_the_end_of_the_previous_paragraph() {
        let t = "Isaac Herzog said:\n“I harbor no illusions.”";
        let p = people(t, &[("Isaac Herzog", 0, 0)], &[("Isaac Herzog", None)]);
        assert_eq!(who(t, &p), [some("Isaac Herzog")]);
    }

    #[test]
    fn partial_quote_in_reported_speech() {
        let t = "Smagin said the Iranians “are frightened by Israel.” Analysts suggest otherwise.";
        let p = people(t, &[("Smagin", 0, 0)], &[("Nikita Smagin", None)]);
        assert_eq!(who(t, &p), [some("Nikita Smagin")]);
    }

    #[test]
    fn according_to() {
        let t = "According to Jane Doe, \"the vote was rigged.\"";
        let p = people(t, &[("Jane Doe", 0, 0)], &[("Jane Doe", None)]);
        assert_eq!(who(t, &p), [some("Jane Doe")]);
    }

    #[test]
    fn pronoun_takes_the_last_speaker() {
        let t = "“They come from another side,” Pezeshkian said. He stressed it.\n“We are strong,” he added.";
        let p = people(t, &[("Pezeshkian", 0, 0)], &[("Masoud Pezeshkian", None)]);
        assert_eq!(
            who(t, &p),
            [some("Masoud Pezeshkian"), some("Masoud Pezeshkian")]
        );
    }

    #[test]
    fn pronoun_takes_a_newer_subject() {
        let t = "“Yes,” Smith said. Jones disagreed.\n“No,” he said.";
        let p = people(
            t,
            &[("Smith", 0, 0), ("Jones", 0, 1)],
            &[("Ann Smith", None), ("Bob Jones", None)],
        );
        assert_eq!(who(t, &p), [some("Ann Smith"), some("Bob Jones")]);
    }

    #[test]
    fn following_quote_continues_the_speaker() {
        let t = "“I harbor no illusions,” Isaac Herzog said following the vote. “The deal will bring challenges.” Among those hurdles is aid.";
        let p = people(t, &[("Isaac Herzog", 0, 0)], &[("Isaac Herzog", None)]);
        assert_eq!(who(t, &p), [some("Isaac Herzog"), some("Isaac Herzog")]);
    }

    #[test]
    fn no_continuation_past_another_person() {
        let t = "“Yes,” Smith said. Jones arrived later. “No.”";
        let p = people(
            t,
            &[("Smith", 0, 0), ("Jones", 0, 1)],
            &[("Ann Smith", None), ("Bob Jones", None)],
        );
        assert_eq!(who(t, &p), [some("Ann Smith"), None]);
    }

    #[test]
    fn role_maps_to_a_titled_person() {
        let t = "Israeli Prime Minister Benjamin Netanyahu met them. “We will win,” the prime minister said.";
        let p = people(
            t,
            &[("Benjamin Netanyahu", 0, 0)],
            &[("Benjamin Netanyahu", Some("Israeli Prime Minister"))],
        );
        assert_eq!(who(t, &p), [some("Benjamin Netanyahu")]);
        let t = "Netanyahu met them. “We will win,” the prime minister said.";
        let p = people(t, &[("Netanyahu", 0, 0)], &[("Benjamin Netanyahu", None)]);
        assert_eq!(who(t, &p), [None]);
    }

    #[test]
    fn organisations_and_documents_give_no_speaker() {
        let t = "Putin spoke. “We deny it,” the Foreign Ministry said. “It is false,” a spokesman said.";
        let p = people(t, &[("Putin", 0, 0)], &[("Vladimir Putin", None)]);
        assert_eq!(who(t, &p), [None, None]);
        let t = "“It is over,” the minister said Putin would lose.";
        let p = people(t, &[("Putin", 0, 0)], &[("Vladimir Putin", None)]);
        assert_eq!(who(t, &p), [None]);
        let t = "Putin signed it. The agreement also states that no party “would facilitate the aggression.”";
        let p = people(t, &[("Putin", 0, 0)], &[("Vladimir Putin", None)]);
        assert_eq!(who(t, &p), [None]);
    }

    #[test]
    fn possessive_names_are_titles() {
        let t = "“No comment,” Putin’s spokesman Dmitry Peskov said. “We deny it,” Herzog’s office said.";
        let p = people(
            t,
            &[("Putin", 0, 0), ("Dmitry Peskov", 0, 1), ("Herzog", 0, 2)],
            &[
                ("Vladimir Putin", None),
                ("Dmitry Peskov", None),
                ("Isaac Herzog", None),
            ],
        );
        assert_eq!(who(t, &p), [some("Dmitry Peskov"), None]);
    }

    #[test]
    fn quoted_as_saying() {
        let t = "\"Lebed is in Chechnya,\" Interfax quoted Chernomyrdin as saying. Edwards was quoted as saying: \"What type of character do we show?\"";
        let p = people(
            t,
            &[("Lebed", 0, 0), ("Chernomyrdin", 0, 1), ("Edwards", 0, 2)],
            &[
                ("Alexander Lebed", None),
                ("Viktor Chernomyrdin", None),
                ("Jonathan Edwards", None),
            ],
        );
        assert_eq!(
            who(t, &p),
            [some("Viktor Chernomyrdin"), some("Jonathan Edwards")]
        );
        let t = "\"Little did I know,\" the agency quoted the unnamed corporal as saying.";
        assert_eq!(who(t, &People::default()), [None]);
    }

    #[test]
    fn title_with_an_age() {
        let t = "\"I kept my composure,\" said the 26-year-old Alex O'Brien, ranked 65th.";
        let p = people(t, &[("Alex O'Brien", 0, 0)], &[("Alex O'Brien", None)]);
        assert_eq!(who(t, &p), [some("Alex O'Brien")]);
    }

    #[test]
    fn pronoun_skips_the_other_gender() {
        let t = "Mrs Ann Smith met Mr Bob Jones. Mr Jones left. “It is a scandal,” she said.";
        let p = people(
            t,
            &[("Ann Smith", 0, 0), ("Bob Jones", 0, 1), ("Jones", 1, 1)],
            &[("Ann Smith", None), ("Bob Jones", None)],
        );
        assert_eq!(who(t, &p), [some("Ann Smith")]);
        // No title gives a gender: the nearest subject, as before.
        let t = "Ann Smith met Bob Jones. Jones left. “It is a scandal,” she said.";
        let p = people(
            t,
            &[("Ann Smith", 0, 0), ("Bob Jones", 0, 1), ("Jones", 1, 1)],
            &[("Ann Smith", None), ("Bob Jones", None)],
        );
        assert_eq!(who(t, &p), [some("Bob Jones")]);
    }

    #[test]
    fn roles_need_one_match() {
        let t = "Prime Minister Ann Smith met Tuvalu’s prime minister, Bob Jones. “No,” the prime minister said.";
        let p = people(
            t,
            &[("Ann Smith", 0, 0), ("Bob Jones", 0, 1)],
            &[("Ann Smith", None), ("Bob Jones", None)],
        );
        assert_eq!(who(t, &p), [None]);
        let t = "Bangladesh’s interim leader Bob Jones spoke. “Yes,” the Bangladeshi leader said.";
        let p = people(t, &[("Bob Jones", 0, 0)], &[("Bob Jones", None)]);
        assert_eq!(who(t, &p), [some("Bob Jones")]);
    }

    #[test]
    fn description_words_leave_out_countries() {
        let t = "Tuvalu’s prime minister, Feleti Teo";
        let toks = Tokens::new(t);
        let countries = crate::country::find(&toks);
        let comma = (0..toks.len()).find(|&k| toks.s(k) == ",").expect("comma");
        let (words, nation) = descr_words(&toks, &countries, 0, comma, &Default::default());
        let words: Vec<&str> = words.iter().map(|k| toks.s(k)).collect();
        assert_eq!(words, ["prime", "minister"]);
        assert_eq!(nation, Some("TV"));
    }

    #[test]
    fn headline_has_no_speaker() {
        let t = "“Yes,” Pezeshkian told Putin.\n‘Vital, Sensitive, and Strategic’\nPutin signed.";
        let p = people(
            t,
            &[("Pezeshkian", 0, 0), ("Putin", 0, 1), ("Putin", 1, 1)],
            &[("Masoud Pezeshkian", None), ("Vladimir Putin", None)],
        );
        assert_eq!(who(t, &p), [some("Masoud Pezeshkian"), None]);
    }

    #[test]
    fn run_on_parts_share_the_speaker() {
        let t = "Smith said: \"We will fight.\n\"We will win.\"\n\"First part.\n\"Second part,\" Jones said.";
        let p = people(
            t,
            &[("Smith", 0, 0), ("Jones", 0, 1)],
            &[("Ann Smith", None), ("Bob Jones", None)],
        );
        assert_eq!(
            who(t, &p),
            [
                some("Ann Smith"),
                some("Ann Smith"),
                some("Bob Jones"),
                some("Bob Jones")
            ]
        );
    }

    #[test]
    fn second_quote_in_the_same_sentence() {
        let t = "\"Yes,\" Smith said, \"and no.\"";
        let p = people(t, &[("Smith", 0, 0)], &[("Ann Smith", None)]);
        assert_eq!(who(t, &p), [some("Ann Smith"), some("Ann Smith")]);
    }

    /// The seed article with People built from its gold person mentions (as a resolver would: each surface text
    /// searched forward from the previous person mention): every gold quote speaker comes out.
    #[test]
    fn seed_speakers_with_gold_people() {
        let text = include_str!("../../tests/fixtures/seed.txt");
        let gold = include_str!("../../tests/fixtures/seed.gold.tsv");
        let mut p = People::default();
        let mut from = 0;
        let mut want = Vec::new();
        for line in gold.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["person", surface, name, ..] => {
                    let start = text[from..].find(surface).expect("gold person in text") + from;
                    from = start + surface.len();
                    let entity = match p.entities.iter().position(|e| e.name == *name) {
                        Some(e) => e,
                        None => {
                            p.entities.push(PersonEntity {
                                name: name.to_string(),
                                title: None,
                            });
                            p.entities.len() - 1
                        }
                    };
                    p.mentions.push(PersonMention {
                        range: start..from,
                        entity,
                    });
                }
                ["quote", _, speaker] => {
                    want.push((!speaker.is_empty()).then(|| speaker.to_string()))
                }
                ["quote", _] => want.push(None),
                _ => {}
            }
        }
        assert_eq!(who(text, &p), want);
    }

    /// Every case of tests/cases/speaker.tsv, with People built from the names the file itself uses (each speaker,
    /// plus the other people its texts name), titled by the capitalised words before their first mention, as the
    /// person finder would give them.
    #[test]
    fn speaker_cases_with_known_names() {
        let src = include_str!("../../tests/cases/speaker.tsv");
        let cases: Vec<Vec<String>> = src
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').map(|f| f.replace("\\n", "\n")).collect())
            .collect();
        let mut names: Vec<String> = [
            "Vladimir Putin",
            "Xi Jinping",
            "Tim Cook",
            "Ivan Duque",
            "Victoria Atkins",
            "John Smith",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for c in &cases {
            if let Some(n) = c
                .iter()
                .find_map(|f| f.strip_prefix("speaker="))
                .filter(|n| !n.is_empty())
            {
                if !names.iter().any(|x| x == n) {
                    names.push(n.to_string());
                }
            }
        }
        let mut failures = Vec::new();
        for c in &cases {
            let (text, span) = (&c[0], &c[2]);
            let want = c
                .iter()
                .find_map(|f| f.strip_prefix("speaker="))
                .unwrap_or("");
            let mut p = People::default();
            for n in &names {
                for (start, _) in text.match_indices(n.as_str()) {
                    let entity = match p.entities.iter().position(|e| e.name == *n) {
                        Some(e) => e,
                        None => {
                            let before: Vec<&str> = text[..start].split_whitespace().collect();
                            let title: Vec<&str> = before
                                .iter()
                                .rev()
                                .take(3)
                                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                                .copied()
                                .collect();
                            let title = title.into_iter().rev().collect::<Vec<_>>().join(" ");
                            p.entities.push(PersonEntity {
                                name: n.clone(),
                                title: (!title.is_empty()).then_some(title),
                            });
                            p.entities.len() - 1
                        }
                    };
                    p.mentions.push(PersonMention {
                        range: start..start + n.len(),
                        entity,
                    });
                }
            }
            p.mentions.sort_by_key(|m| m.range.start);
            let toks = Tokens::new(text);
            let quotes = super::super::find(&toks);
            let countries = crate::country::find(&toks);
            let got = speakers(&toks, &quotes, &p, &countries);
            match quotes.iter().position(|q| &text[q.clone()] == span) {
                None => failures.push(format!("{text:?}: no quote {span:?}")),
                Some(k) => {
                    let name = got[k].map(|e| p.entities[e].name.as_str()).unwrap_or("");
                    if name != want {
                        failures.push(format!(
                            "{text:?}: {span:?} speaker {name:?}, want {want:?}"
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
