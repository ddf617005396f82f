//! Countries: names, aliases and demonyms of every sovereign state and Palestine (data/countries.tsv).
//!
//! One left-to-right pass over the tokens. At each capitalised word, the longest table entry that starts there and
//! matches token by token wins; the scan then resumes after it. Names are compared case-sensitively as written
//! ("US" is the country, "us" the pronoun), except in ALL-CAPS text, and always on whole tokens, so "Iran" never
//! matches inside "Iranian" (the demonym does) while "Russia" in "Russia-Ukraine" or "Russia’s" does.
//!
//! Besides the countries, the lookup holds phrases that contain a country name but name something else
//! ("Latin America", "Northern Ireland", "Mexico City", from data/ambiguous_countries.tsv): a match of one of those
//! hides the country inside it. A few names are also given names, US states or common nouns ("Jordan", "Georgia",
//! "Chad", "Turkey"); a mention of such a word alone is decided by the clues in that same file, see [`decide`].
//!
//! Two things are handled by rule rather than by rows:
//! - **Dotted abbreviations**: a run of single capital letters each followed by a touching "." ("U.S.", "U.K.",
//!   "U.S.A.", "U.A.E.") is looked up by its letters among the all-caps aliases ("US", "UK", "USA", "UAE"). The span
//!   includes the final period, also at the end of a sentence ("in the U.S.").
//! - **ALL-CAPS text**: in a line where most words are all caps (a headline), and for any all-caps word of four or more
//!   letters, names are compared case-insensitively ("RUSSIA", "NORTH KOREA"). There "US" may be the pronoun
//!   ("LET US PRAY"), so an all-caps "US" next to other all-caps words counts only by [`us_is_country`].
//!
//! Architecture invariant: the tables are built at compile time (build.rs); finding does no allocation per token, and looks
//! at most a bounded number of tokens around each candidate, so it runs in time linear in the text.

use crate::data::{Keys, WordMap, WordSet};
use crate::text::{TokKind, Tokens};
use crate::CountryForm;
use std::ops::Range;

/// A country from the table.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// Short English name.
    pub name: &'static str,
}

/// One mention of a country in the text.
#[derive(Debug)]
pub struct CountryMention {
    pub range: Range<usize>,
    pub country: &'static Country,
    pub form: CountryForm,
}

/// Finds the country mentions, in text order, not overlapping.
pub fn find(toks: &Tokens) -> Vec<CountryMention> {
    let table = table();
    let mut out: Vec<CountryMention> = Vec::new();
    // The mentions of ambiguous words, decided at the end by [`resolve`].
    let mut pending: Vec<Pending> = Vec::new();
    // The style of the line of token `i`, asked for only when needed.
    let mut lines = Lines::default();
    let mut i = 0usize;
    while i < toks.len() {
        let t = &toks.toks[i];
        // Only a word is capitalised (the tokenizer sets `cap` on words alone): one test, one branch, where most
        // tokens go on.
        if !t.cap() {
            i += 1;
            continue;
        }
        // (An abbreviation starts with a one-letter token.)
        let abbr = if t.end() - t.start() == 1 {
            abbreviation(table, toks, i)
        } else {
            None
        };
        let Some((end, e)) = abbr.or_else(|| lookup(table, toks, i, || lines.at(toks, i).caps))
        else {
            i += 1;
            continue;
        };
        let entry = &table.entries[e];
        if let Target::Country(c, form) = entry.target() {
            // "US$ 995 million": a currency, not a mention of the country.
            let currency = toks.touch(end - 1) && toks.str_at(end) == "$";
            let pronoun = entry.pronoun_like()
                && end == i + 1
                && !us_is_country(toks, i, lines.at(toks, i).caps);
            // "speaking in French": the language.
            let language = form == CountryForm::Demonym
                && end == i + 1
                && table.languages.contains(toks.s(i))
                && is_language(toks, i, &table.tongues);
            if !currency && !pronoun && !language {
                if let Some(word) = entry.word() {
                    let decision = decide(toks, i, lines.at(toks, i), &table.words[word]);
                    pending.push(Pending {
                        mention: out.len(),
                        word,
                        tok: i,
                        decision,
                    });
                }
                let range = toks.toks[i].start()..toks.toks[end - 1].end();
                out.push(CountryMention {
                    range,
                    country: &table.countries[c],
                    form,
                });
            }
        }
        i = end;
    }
    if pending.is_empty() {
        return out;
    }
    let drop = resolve(&pending, table.words);
    let mut n = 0;
    out.retain(|_| {
        n += 1;
        !drop.get(n - 1).copied().unwrap_or(false)
    });
    out
}

/// A mention of an ambiguous word, waiting for [`resolve`].
struct Pending {
    /// Index into the mentions found.
    mention: usize,
    /// Index into [`Table::words`].
    word: usize,
    /// Token index of the mention.
    tok: usize,
    decision: Option<Decision>,
}

/// How far (in tokens) a decided mention of an ambiguous word speaks for an undecided one: about an article, so that
/// in a file of many articles one article's "Michael Jordan" does not decide another's "Jordan".
const NEAR: usize = 1500;

/// Which mentions to drop: each undecided mention of an ambiguous word follows the nearest mention of the same
/// word within [`NEAR`] tokens decided by a neighbouring name, else the nearest decided by clue words, else the
/// word's default. Two passes (forward and backward) over the pending mentions.
fn resolve(pending: &[Pending], words: &[Word]) -> Vec<bool> {
    // For each pending mention and strength: the nearest decided (distance, country) before and after it.
    type Near = [Option<(usize, bool)>; 2];
    let mut before: Vec<Near> = vec![[None; 2]; pending.len()];
    let mut after: Vec<Near> = vec![[None; 2]; pending.len()];
    let mut last: Vec<Near> = vec![[None; 2]; words.len()];
    for (k, p) in pending.iter().enumerate() {
        before[k] = last[p.word].map(|o| o.map(|(tok, c)| (p.tok - tok, c)));
        if let Some(d) = p.decision {
            last[p.word][d.strength as usize] = Some((p.tok, d.country));
        }
    }
    let mut last: Vec<Near> = vec![[None; 2]; words.len()];
    for (k, p) in pending.iter().enumerate().rev() {
        after[k] = last[p.word].map(|o| o.map(|(tok, c)| (tok - p.tok, c)));
        if let Some(d) = p.decision {
            last[p.word][d.strength as usize] = Some((p.tok, d.country));
        }
    }
    let max = pending.iter().map(|p| p.mention + 1).max().unwrap_or(0);
    let mut drop = vec![false; max];
    for (k, p) in pending.iter().enumerate() {
        let country = p.decision.map(|d| d.country).unwrap_or_else(|| {
            (0..2)
                .rev()
                .find_map(|s| {
                    let near = [before[k][s], after[k][s]]
                        .into_iter()
                        .flatten()
                        .filter(|&(d, _)| d <= NEAR);
                    near.min_by_key(|&(d, _)| d).map(|(_, c)| c)
                })
                .unwrap_or(words[p.word].default_country)
        });
        drop[p.mention] = !country;
    }
    drop
}

/// What a table entry names.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// A country (index into [`Table::countries`]) by a name or a demonym.
    Country(usize, CountryForm),
    /// A phrase that contains a country name but names something else.
    Not,
}

/// One name, demonym or "not" phrase of the tables, cut into tokens: its first token is [`Table::keys`]
/// `index - back` (see [`Entry::index`]), the others [`Table::tokens`] `rest`, `rest + 1`, …. Small numbers rather
/// than slices and enums, which would cost pointers and padding in the download.
#[derive(Debug)]
struct Entry {
    rest: u16,
    /// The entry's index less its key's: a small number that changes slowly (the key itself would cost 1.1 KB gzip).
    back: u8,
    n: u8,
    /// Bit `k`: token `k` touches token `k + 1` (no space between), as it must in the text.
    touch: u8,
    /// Index into [`Table::countries`].
    country: u8,
    /// 0 a name, 1 a demonym, 2 a "not" phrase.
    form: u8,
    /// This entry is an ambiguous word alone: index into [`Table::words`], or `u8::MAX`.
    word: u8,
}

impl Entry {
    /// The number of tokens.
    fn len(&self) -> usize {
        self.n as usize
    }

    /// Where the entry is in [`Table::entries`], the one place an `Entry` exists (it is neither `Clone` nor made at
    /// run time): found from its address.
    fn index(&self) -> usize {
        (self as *const Entry as usize - TABLE.entries.as_ptr() as usize)
            / std::mem::size_of::<Entry>()
    }

    /// Token `k`'s text.
    fn tok(&self, k: usize) -> &'static str {
        let s = match k {
            0 => TABLE
                .keys
                .key(self.index().wrapping_sub(self.back as usize)),
            _ => TABLE.tokens.key(self.rest as usize + k - 1),
        };
        s.unwrap_or_default()
    }

    /// Whether token `k` touches token `k + 1`.
    fn touch(&self, k: usize) -> bool {
        k < 8 && self.touch & (1 << k) != 0
    }

    /// What the entry names.
    fn target(&self) -> Target {
        match self.form {
            0 => Target::Country(self.country as usize, CountryForm::Name),
            1 => Target::Country(self.country as usize, CountryForm::Demonym),
            _ => Target::Not,
        }
    }

    /// The ambiguous word this entry is alone (index into [`Table::words`]).
    fn word(&self) -> Option<usize> {
        (self.word != u8::MAX).then_some(self.word as usize)
    }

    /// An all-caps alias that is also an English word ("US"): see [`us_is_country`].
    fn pronoun_like(&self) -> bool {
        self.n == 1 && PRONOUN_LIKE.contains(&self.tok(0))
    }
}

/// A country name that is also something else, with its clues (data/ambiguous_countries.tsv).
#[derive(Debug)]
struct Word {
    default_country: bool,
    /// A capitalised neighbour makes it part of a longer name.
    names: bool,
    country: WordSet,
    other: WordSet,
}

/// The lookup, built by build.rs from data/countries.tsv and data/ambiguous_countries.tsv (`country_tables` there:
/// every name, alias and demonym of a country and every "not" phrase is an [`Entry`], cut into tokens by the text's
/// tokenizer).
struct Table {
    countries: &'static [Country],
    /// Grouped by first token, in the order of `keys`; in a group longest first, then in table order.
    entries: &'static [Entry],
    /// The first tokens, as written: key `k`'s entries are `k + after[k]..k + 1 + after[k + 1]` (`after[k]`: the
    /// entries before key `k`'s beyond one a key, a small non-decreasing number that compresses well).
    keys: Keys,
    after: &'static [u8],
    /// Slots (see `data::layout`) of the keys in upper case, pointing at `keys`: for ALL-CAPS text. Made on first
    /// use.
    upper: std::sync::OnceLock<Vec<u32>>,
    /// The entries' tokens after the first.
    tokens: Keys,
    /// The letters of an all-caps alias ("US", "UAE") → its entry, for the dotted forms.
    abbrevs: WordMap<usize>,
    words: &'static [Word],
    /// Demonyms that are also languages ("French").
    languages: WordSet,
    /// Languages that are no demonym ("Swahili").
    tongues: WordSet,
}

impl Table {
    /// The entries whose first token is `s` as written.
    fn exact(&self, s: &[u8]) -> Option<std::ops::Range<usize>> {
        self.group(self.keys.find_bytes(s)?)
    }

    /// The entries whose first token in upper case is `s` (in the unlikely case of several such first tokens, the
    /// first found's).
    fn upper(&self, s: &str) -> Option<std::ops::Range<usize>> {
        let upper = self.upper.get_or_init(|| {
            let mut slots = crate::data::slots(self.keys.len());
            let mut buf = String::new();
            for k in 0..self.keys.len() {
                let key = self.keys.key(k).unwrap_or_default();
                let h = if key.is_ascii() {
                    // FNV-1a of the upper-case bytes, without copying them.
                    key.bytes().fold(0x811c_9dc5u32, |h, b| {
                        (h ^ b.to_ascii_uppercase() as u32).wrapping_mul(0x0100_0193)
                    })
                } else {
                    buf.clear();
                    buf.extend(key.chars().map(crate::case::upper));
                    crate::data::hash(buf.as_bytes())
                };
                crate::data::place(&mut slots, h, k);
            }
            slots
        });
        let mask = upper.len().checked_sub(1)?;
        let mut i = crate::data::hash(s.as_bytes()) as usize & mask;
        for _ in 0..upper.len() {
            let k = (*upper.get(i)? as usize).checked_sub(1)?;
            let key = self.keys.key(k)?;
            let same = if key.is_ascii() {
                key.len() == s.len()
                    && key
                        .bytes()
                        .zip(s.bytes())
                        .all(|(a, b)| a.to_ascii_uppercase() == b)
            } else {
                key.chars().map(crate::case::upper).eq(s.chars())
            };
            if same {
                return self.group(k);
            }
            i = (i + 1) & mask;
        }
        None
    }

    fn group(&self, k: usize) -> Option<std::ops::Range<usize>> {
        Some(k + *self.after.get(k)? as usize..k + 1 + *self.after.get(k + 1)? as usize)
    }
}

include!(concat!(env!("OUT_DIR"), "/tables/country.rs"));

/// All-caps aliases that are also English words when a headline is set in capitals.
const PRONOUN_LIKE: &[&str] = &["US"];

fn table() -> &'static Table {
    &TABLE
}

/// Whether the demonym at token `i` names a language: the object of speaking or writing ("speaks French",
/// "learn German", "said in Russian", "a statement in Arabic"), with nothing after it in its phrase (punctuation,
/// the end, or "and"/"or" and one more word before punctuation: "in French and English."). Looks at most three
/// tokens either side. In a list of languages ("19 languages, including Japanese", "languages such as Dutch") or
/// joined to a tongue that is no demonym ("Japanese and Swahili", "Swahili, French"), it is a language anywhere.
fn is_language(toks: &Tokens, i: usize, tongues: &WordSet) -> bool {
    let is = |k: usize, list: &[&str]| {
        toks.is_word(k) && list.iter().any(|w| toks.s(k).eq_ignore_ascii_case(w))
    };
    let tongue = |k: usize| toks.is_word(k) && tongues.contains(toks.s(k));
    let joined = |k: usize| is(k, &["and", "or"]) || toks.str_at(k) == ",";
    if (joined(i + 1) && tongue(i + 2)) || (i >= 2 && joined(i - 1) && tongue(i - 2)) {
        return true;
    }
    let listed = i >= 2
        && is(i - 1, &["including", "like", "as"])
        && (i.saturating_sub(4)..i - 1).any(|k| is(k, &["languages", "tongues"]));
    if listed {
        return true;
    }
    let ends = |k: usize| {
        toks.get(k)
            .is_none_or(|t| t.kind == TokKind::Punct || t.line_start())
    };
    let phrase_ends = ends(i + 1)
        || is(i + 1, &["fluently", "well", "natively"])
        || (is(i + 1, &["and", "or"]) && toks.is_cap_word(i + 2) && ends(i + 3));
    if !phrase_ends || i == 0 {
        return false;
    }
    if is(i - 1, LANGUAGE_TAKERS) {
        return true;
    }
    let via = is(i - 1, &["in", "into"])
        || (is(i - 1, &["from"]) && i >= 2 && is(i - 2, &["translated"]));
    via && i >= 2 && is(i - 2, LANGUAGE_USES)
}

/// Words that take a language as their object: "speaks French", "fluent Russian".
const LANGUAGE_TAKERS: &[&str] = &[
    "speak",
    "speaks",
    "spoke",
    "speaking",
    "spoken",
    "learn",
    "learns",
    "learning",
    "learned",
    "learnt",
    "teach",
    "teaches",
    "teaching",
    "taught",
    "study",
    "studies",
    "studied",
    "studying",
    "understand",
    "understands",
    "fluent",
    "native",
];

/// Words before "in" + a language: "speaking in French", "a statement in Russian", "translated into German".
const LANGUAGE_USES: &[&str] = &[
    "speaking",
    "speak",
    "speaks",
    "spoke",
    "spoken",
    "said",
    "says",
    "say",
    "wrote",
    "written",
    "write",
    "writes",
    "writing",
    "published",
    "printed",
    "posted",
    "sang",
    "sung",
    "sing",
    "tweeted",
    "answered",
    "replied",
    "broadcast",
    "taught",
    "translated",
    "interview",
    "statement",
    "message",
    "speech",
    "letter",
    "video",
    "text",
    "subtitles",
    "subtitled",
    "signs",
    "lessons",
    "classes",
    "courses",
    "fluent",
    "fluently",
    "conducted",
    "available",
    "dubbed",
    "remarks",
    "comments",
    "address",
    "books",
    "songs",
];

/// The longest entry that matches at token `i`: (index of the token after it, entry).
/// `caps_line` tells whether token `i`'s line is set in capitals (asked only of a short all-caps word).
fn lookup(
    table: &Table,
    toks: &Tokens,
    i: usize,
    caps_line: impl FnOnce() -> bool,
) -> Option<(usize, usize)> {
    let t = toks.get(i)?;
    // (The bytes, for the exact lookup: no `&str` to make, with its checks, for each capitalised word.)
    let s = toks.bytes_of(t);
    // Case-insensitive for an all-caps word in a capitals line, or any all-caps word of four letters or more.
    let fold = t.all_caps() && (s.len() >= 4 || caps_line());
    let cands = if fold {
        table.upper(toks.s(i))
    } else {
        table.exact(s)
    }?;
    'cand: for e in cands {
        let entry = table.entries.get(e)?;
        let n = entry.len();
        if i + n > toks.len() {
            continue;
        }
        for k in 1..n {
            if toks.touch(i + k - 1) != entry.touch(k - 1)
                || !same_token(entry.tok(k), toks.s(i + k), fold)
            {
                continue 'cand;
            }
        }
        return Some((i + n, e));
    }
    None
}

/// A dotted abbreviation at token `i` ("U.S.", "U.K.", "U.S.A.") whose letters are an all-caps alias.
fn abbreviation(table: &Table, toks: &Tokens, i: usize) -> Option<(usize, usize)> {
    let mut letters = [0u8; 6];
    let mut n = 0;
    let mut j = i;
    let mut dotted = false;
    loop {
        let s = toks.str_at(j).as_bytes();
        if !toks.is_word(j) || s.len() != 1 || !s[0].is_ascii_uppercase() || n == letters.len() {
            break;
        }
        letters[n] = s[0];
        n += 1;
        if toks.touch(j) && toks.str_at(j + 1) == "." {
            dotted = true;
            j += 2;
            // The next letter must follow the period directly ("U.S.", not "A. B.").
            if !toks.touch(j - 1) {
                break;
            }
        } else {
            j += 1;
            break;
        }
    }
    // The run must end where it ends: "U.S.S.R." is not "U.S." followed by more.
    if n < 2 || !dotted || (toks.touch(j - 1) && toks.is_word(j) && toks.str_at(j).len() == 1) {
        return None;
    }
    let key = std::str::from_utf8(&letters[..n]).ok()?;
    table.abbrevs.get(key).map(|e| (j, e))
}

/// Table token `a` and text token `b` are the same, exactly or (with `fold`) ignoring case; the apostrophes
/// ' ’ ʼ are one, and so are the hyphens - ‐ ‑.
fn same_token(a: &str, b: &str, fold: bool) -> bool {
    if a == b {
        return true;
    }
    let one_of = |set: &[&str]| set.contains(&a) && set.contains(&b);
    if one_of(&["'", "’", "ʼ"]) || one_of(&["-", "‐", "‑"]) {
        return true;
    }
    fold && (a.eq_ignore_ascii_case(b)
        || a.chars()
            .map(crate::case::upper)
            .eq(b.chars().map(crate::case::upper)))
}

/// How one line is set: mostly in capitals (a headline), or in title case.
#[derive(Clone, Copy, Debug, Default)]
struct LineStyle {
    caps: bool,
    title: bool,
}

/// The style of the line [`find`] is in, found when first asked for: most lines have no mention to ask about, and
/// are never read for it (reading every line cost a tenth of the instructions of `find` and many mispredicted
/// branches).
#[derive(Default)]
struct Lines {
    /// The first token after the line last read (0 before any).
    end: usize,
    style: LineStyle,
}

impl Lines {
    /// The style of the line of token `i` (which is never less than at the call before).
    fn at(&mut self, toks: &Tokens, i: usize) -> LineStyle {
        if i >= self.end {
            // The line starts at the last line start at or before `i`, or where the last line read ended (a line
            // start, or the first token): each token is read back at most once, so all calls are linear.
            let mut start = i;
            while start > self.end && !toks.get(start).is_some_and(|t| t.line_start()) {
                start -= 1;
            }
            (self.style, self.end) = line_style(toks, start);
        }
        self.style
    }
}

/// The style of the line whose first token is `start`, and the first token of the next line (or the token count).
/// [`Lines::at`] asks for a line as [`find`] reaches a mention in it, so the line's tokens are read while they are
/// still in cache (a pass of its own over a long text's tokens ran from memory: 2 ms a megabyte in wasm).
fn line_style(toks: &Tokens, start: usize) -> (LineStyle, usize) {
    let (mut words, mut caps, mut long, mut long_cap) = (0usize, 0usize, 0usize, 0usize);
    let mut end = start;
    for t in toks.toks.get(start..).unwrap_or_default() {
        if t.line_start() && end > start {
            break;
        }
        end += 1;
        if t.kind != TokKind::Word || t.end() - t.start() < 2 {
            continue;
        }
        words += 1;
        caps += t.all_caps() as usize;
        if t.end() - t.start() >= 4 {
            long += 1;
            long_cap += t.cap() as usize;
        }
    }
    let caps = caps >= 2 && caps * 2 > words;
    let title = !caps && long >= 3 && long_cap * 5 >= long * 4;
    (LineStyle { caps, title }, end)
}

/// Whether an all-caps "US" at token `i` is the country. Outside capitals it always is; in a capitals context
/// (a capitals line, or an all-caps word next to it) it is the country after "THE", before a word or a hyphen
/// ("US TROOPS", "US-CHINA") unless an object-taking verb or preposition comes before it ("LET US GO"),
/// and at the end of a phrase only after "IN", "INTO" and the like ("TROOPS IN US.").
fn us_is_country(toks: &Tokens, i: usize, caps_line: bool) -> bool {
    let prev = if i > 0 && toks.is_word(i - 1) {
        toks.s(i - 1)
    } else {
        ""
    };
    let next_word = toks.is_word(i + 1);
    let caps_near =
        |j: usize| matches!(toks.get(j), Some(t) if t.all_caps() && t.end() - t.start() >= 3);
    let caps_context = caps_line || (i > 0 && caps_near(i - 1)) || caps_near(i + 1);
    if !caps_context {
        return true;
    }
    let is = |w: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    if is(prev, &["THE"]) {
        return true;
    }
    if is(prev, OBJECT_TAKERS) {
        return false;
    }
    let hyphen = toks.touch(i) && matches!(toks.str_at(i + 1), "-" | "‐" | "‑");
    next_word
        || hyphen
        || is(
            prev,
            &[
                "IN", "INTO", "INSIDE", "ACROSS", "FROM", "OUTSIDE", "ATTACK", "ATTACKS",
            ],
        )
}

/// Verbs and prepositions after which an all-caps "US" is the pronoun.
const OBJECT_TAKERS: &[&str] = &[
    "LET", "LETS", "TELL", "TELLS", "TOLD", "GIVE", "GIVES", "GAVE", "HELP", "HELPS", "JOIN",
    "JOINS", "ASK", "ASKS", "ASKED", "SHOW", "SHOWS", "FOR", "WITH", "AMONG", "OF", "ABOUT",
    "BEHIND", "LIKE", "UNITE", "UNITES", "LEAVE", "LEAVES", "MAKE", "MAKES", "TAKE", "TAKES",
    "KEEP", "KEEPS", "SAVE", "SAVES", "TEACH", "TEACHES", "GET", "GETS", "BRING", "BRINGS",
    "FOLLOW", "CALL", "CONTACT", "EMAIL", "SEND", "PROTECT", "TO", "BY", "ALL", "BOTH",
];

/// How a mention of an ambiguous word was decided.
#[derive(Clone, Copy, Debug)]
struct Decision {
    /// It is the country.
    country: bool,
    /// What decided it: clue words around it (0) or a name next to it (1, the stronger).
    strength: u8,
}

/// Decides a mention of an ambiguous word at token `i` from its neighbours and the clues around it, or `None`
/// where nothing decides it (the caller then follows the text's other mentions, then the word's default).
fn decide(toks: &Tokens, i: usize, style: LineStyle, w: &Word) -> Option<Decision> {
    if w.names && !style.caps && !style.title {
        let name_word = |j: usize, exempt: &[&str]| -> bool {
            match toks.get(j) {
                Some(t) => {
                    t.kind == TokKind::Word
                        && t.cap()
                        && !t.all_caps()
                        && !exempt.contains(&toks.s(j))
                }
                None => false,
            }
        };
        let prev = i > 0 && !toks.toks[i].line_start() && name_word(i - 1, NOT_NAME_BEFORE);
        let next = matches!(toks.get(i + 1), Some(t) if !t.line_start())
            && name_word(i + 1, NOT_NAME_AFTER);
        if prev || next {
            return Some(Decision {
                country: false,
                strength: 1,
            });
        }
    }
    const WINDOW: usize = 10;
    let (mut yes, mut no) = (0usize, 0usize);
    for j in i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(toks.len()) {
        if j == i || !toks.is_word(j) {
            continue;
        }
        let s = toks.bytes_at(j);
        yes += w.country.contains_bytes(s) as usize;
        no += w.other.contains_bytes(s) as usize;
    }
    (yes != no).then_some(Decision {
        country: yes > no,
        strength: 0,
    })
}

/// Capitalised words that may come right before a country name without making it part of a person's name.
const NOT_NAME_BEFORE: &[&str] = &[
    "In",
    "From",
    "To",
    "Of",
    "With",
    "And",
    "For",
    "On",
    "At",
    "By",
    "The",
    "Into",
    "Onto",
    "Toward",
    "Towards",
    "Across",
    "Near",
    "Inside",
    "Outside",
    "Via",
    "Against",
    "About",
    "Between",
    "Where",
    "When",
    "Before",
    "After",
    "Since",
    "Until",
    "Under",
    "Over",
    "Through",
    "Around",
    "Within",
    "Without",
    "Beyond",
    "Unlike",
    "Like",
    "Including",
    "While",
    "As",
    "But",
    "Or",
    "Both",
    "Neighboring",
    "Neighbouring",
    "Visiting",
    "Visit",
    "Meanwhile",
    "Also",
    "Only",
    "Even",
    "If",
    "Then",
    "So",
    "Yet",
    "Despite",
    "Today",
    "Yesterday",
    "Now",
    "However",
    "Instead",
    "Still",
    "Recently",
    "Earlier",
    "Later",
    "Separately",
    "Why",
    "How",
    "What",
    "Whether",
    "Neither",
    "Nor",
    "Either",
    "Has",
    "Have",
    "Had",
    "Did",
    "Does",
    "Do",
    "Is",
    "Was",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "Says",
    "Said",
    "Although",
    "Though",
    "Because",
    "Once",
    "Whereas",
    "Beside",
    "Besides",
    "Along",
    "Amid",
    "Among",
    "Upon",
];

/// Capitalised words that may come right after a country name: titles, days and months.
const NOT_NAME_AFTER: &[&str] = &[
    "President",
    "Prime",
    "Premier",
    "Foreign",
    "Defense",
    "Defence",
    "Interior",
    "Finance",
    "King",
    "Queen",
    "Crown",
    "Prince",
    "Princess",
    "Emir",
    "Sheikh",
    "Minister",
    "Ambassador",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_cut_as_the_tokenizer_cuts_them() {
        let t = table();
        for e in t.entries {
            let mut s = String::new();
            for k in 0..e.len() {
                s.push_str(e.tok(k));
                if k + 1 < e.len() && !e.touch(k) {
                    s.push(' ');
                }
            }
            let toks = Tokens::new(&s);
            let got: Vec<&str> = (0..toks.len()).map(|i| toks.s(i)).collect();
            let want: Vec<&str> = (0..e.len()).map(|k| e.tok(k)).collect();
            assert_eq!(got, want, "{s}");
            assert!((0..toks.len()).all(|i| toks.touch(i) == e.touch(i)), "{s}");
        }
        for s in ["New Zealand", "Guinea-Bissau", "France"] {
            let first = Tokens::new(s).s(0);
            let found = t.exact(first.as_bytes()).into_iter().flatten();
            let text = |e: &Entry| (0..e.len()).map(|k| e.tok(k)).collect::<String>();
            assert!(
                found
                    .into_iter()
                    .any(|e| text(&t.entries[e]) == s.replace([' '], "")),
                "{s}"
            );
        }
    }

    fn found(text: &str) -> Vec<(&str, &'static str, &'static str)> {
        let toks = Tokens::new(text);
        find(&toks)
            .into_iter()
            .map(|m| (&text[m.range], m.country.code, m.form.as_str()))
            .collect()
    }

    #[test]
    fn tables_load() {
        let t = table();
        assert_eq!(t.countries.len(), 197);
        let mut codes: Vec<&str> = t.countries.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 197, "duplicate codes");
        assert!(t
            .countries
            .iter()
            .all(|c| c.code.len() == 2 && c.code.bytes().all(|b| b.is_ascii_uppercase())));
        // The scan only starts at capitalised words, so every entry must start with one.
        for e in t.entries {
            assert!(
                e.tok(0).chars().next().is_some_and(char::is_uppercase),
                "{:?}",
                e.tok(0)
            );
        }
        assert_eq!(
            t.words.len(),
            t.entries
                .iter()
                .filter_map(|e| e.word())
                .max()
                .map_or(0, |w| w + 1)
        );
    }

    #[test]
    fn no_alias_is_claimed_twice() {
        let t = table();
        let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
        for e in t.entries {
            if let Target::Country(c, _) = e.target() {
                let key: String = (0..e.len()).map(|k| e.tok(k)).collect();
                if let Some(prev) = seen.insert(key.clone(), t.countries[c].code) {
                    assert_eq!(
                        prev, t.countries[c].code,
                        "{key} is claimed by two countries"
                    );
                }
            }
        }
    }

    #[test]
    fn longest_entry_and_dotted_forms() {
        assert_eq!(
            found("North Korean troops"),
            [("North Korean", "KP", "demonym")]
        );
        assert_eq!(
            found("the U.S.A. and U.A.E."),
            [("U.S.A.", "US", "name"), ("U.A.E.", "AE", "name")]
        );
        assert_eq!(found("the U.S.S.R. fell"), []);
        assert_eq!(found("the U.S-led bloc"), [("U.S", "US", "name")]);
    }

    #[test]
    fn a_name_decides_the_bare_mentions_near_it_only() {
        let near = "Michael Jordan scored. Later Jordan rested.";
        assert_eq!(found(near), []);
        let far = format!(
            "Michael Jordan scored. {} Jordan expelled a diplomat.",
            "Rain fell. ".repeat(600)
        );
        assert_eq!(
            found(&far).into_iter().map(|m| m.1).collect::<Vec<_>>(),
            ["JO"]
        );
    }

    #[test]
    fn never_panics_on_scrambled_names() {
        // Pseudo-random strings built from pieces of names, marks and odd characters; every span must be a
        // non-empty slice on char boundaries, in order and not overlapping.
        let pieces = [
            "U",
            ".",
            "S",
            "US",
            "us",
            " ",
            "\n",
            "’",
            "'",
            "-",
            "‑",
            "$",
            "Côte",
            "d",
            "Ivoire",
            "Jordan",
            "Georgia",
            "Michael",
            "Bosnia",
            "and",
            "Herzegovina",
            "NORTH",
            "KOREA",
            "LET",
            "THE",
            "é",
            "\u{301}",
            "🇺🇸",
            "Latin",
            "America",
            "Congo",
            "Republic",
            "of",
            "the",
            "Islamic",
            "In",
            "Atlanta",
            "Tbilisi",
            ",",
            "A",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..12 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                if seed & 0x300 == 0 {
                    text.push(' ');
                }
            }
            let toks = Tokens::new(&text);
            let mut last = 0;
            for m in find(&toks) {
                assert!(
                    m.range.start >= last && m.range.start < m.range.end,
                    "{text:?}"
                );
                assert!(text.get(m.range.clone()).is_some(), "{text:?}");
                last = m.range.end;
            }
        }
    }

    #[test]
    fn never_panics_at_the_edges() {
        for text in [
            "",
            "U",
            "U.",
            "U.S",
            "US",
            "Côte d",
            "Jordan",
            "Georgia Tech",
            "LET US",
            "A.B.C.D.E.F.G.H.",
        ] {
            let _ = found(text);
        }
    }
}
