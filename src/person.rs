//! People: full names and later partial mentions, linked to the fullest form the text gives, with titles as cues.
//!
//! Two passes over the tokens, both linear:
//!
//! 1. **Names with evidence.** A *run* is a maximal sequence of capitalised words on one line, joined by spaces,
//!    hyphens (`Ben-Gvir`), name particles (`al-Assad`, `van der`), initials (`W. E. B.`) and `O’`-style prefixes.
//!    Titles (data/titles.tsv), countries and figures break runs. A run is a person when the text gives evidence:
//!    a title before it ("President", "spokesperson", "Mr"), a given name first (data/given_names*.txt), a speech verb
//!    after it, an apposition with a role ("Rod Eddington, BA’s chief executive"), a relation before it ("his wife,"),
//!    an age ("Smith, 45," or "Edin Dzeko, the 38-year-old Bosnian"), an initial or particle inside it, or the whole
//!    run being a widely known person's full name (data/notable_people.txt: "Fumio Kishida"). A title word that starts
//!    such a full name is part of the name ("Sheikh Hasina"). Organisation words (data/org_words.txt), known
//!    organisation names (data/org_names.txt) and "& Co" after it veto a run, and so does a results line's slot of a
//!    team ("Huddersfield 1 Crystal Palace 1"). An article before a run makes it a team, paper or place ("the Florida
//!    Marlins"), unless a given name starts it and it ends in no plural. A capitalised word that starts the sentence
//!    is dropped from a run whose next part is a given name ("Reliever Mark Acre"). Capitalised words right before a
//!    title that introduces a name are the title's ("Chief Financial Officer Amy Hood", "Green Growth Minister
//!    Sophie Hermans"), and after "<title> of" the name starts at its given name ("Secretary of State Antony
//!    Blinken"). After "in", "at" or "near", initials and particles are no evidence: firms and places have them too
//!    ("at D.A. Davidson", "in Deir al-Balah").
//!    In headline lines (Title Case or ALL CAPS) only two-word names that start with a given name count here.
//!    A two-word run without evidence becomes a person when its last word stands alone elsewhere in a speaker's slot
//!    ("Ryne Sandberg homered" … "Sandberg said", "Mr Sandberg").
//!    Some slots only people fill, and make even a one-word run a person: sports results (bowling figures
//!    "Vass 7-0-29-0", scorecards "c Knight b Hollioake 21", goal minutes "Hajaj ( 47th )", line-up numbers
//!    "13 - Japie Mulder ,") and an age ("Duran, 45,"). A lone word as a quote's speaker is not enough: companies
//!    speak there as often as people ("Boeing said"). A name introduced as a name ("gave only his first name, Bohdan,")
//!    is a person even as one word. On a credit line ("By Asad Hashim and Rupam Jain", "(Reporting by Camillus Eboh in
//!    Abuja …; Writing by …)") a run after "by", "and", "," or ";" is a person. A name part goes on through an apostrophe
//!    into a lowercase tail that is no possessive or contraction ("Ndung'u", not "Smith's"). A hyphenated first part
//!    that ends in a lowercase word is a modifier ("Harvard-educated Amara Okafor"), and a firm's when it is a seat or
//!    market ("Perth-based Pilbara Minerals", "London-listed …": no person). A period after a title ends it unless the
//!    title is a short capitalised abbreviation ("Sen. Warren", not "the envoy. Trade"). A list carries evidence
//!    backwards, but not into a place's slot ("In Addis Ababa, Tigist Alemayehu, a teacher,").
//! 2. **Later mentions.** Every multi-word name is an entity; its surname (last part) and, for family-name-first names
//!    ("Xi Jinping"), its first part become keys, and so does an inner part a widely known person goes by ("Lula" of
//!    "Luiz Inácio Lula da Silva"). Any capitalised word elsewhere that is such a key, or that starts the whole name
//!    again, is a mention of that entity; a key that is also a title word ("Son" of "Masayoshi Son") only before an
//!    age or a speech verb ("Son, 67,"). A lone letter is no key, and a key reaches only `KEY_REACH` bytes past the
//!    person's last mention (a digest of many stories reuses words). A key shared by two entities names the one of them
//!    named near, if only one is; otherwise it stays ambiguous: the mention becomes an entity of its own, named as
//!    written, rather than a guess — except where the text makes it plain: a surname one widely known bearer has
//!    ("Boris Yeltsin" beside "Naina Yeltsin") means that bearer, and when every later bearer came in as a relative
//!    ("her son, Miguel Ferreira"), the surname after the first bearer's full name means that first bearer: news calls
//!    relatives by their given names. A long surname ending in a doubled "yy"/"ii" is a key without its last letter
//!    too ("Zelenskyy" written "Zelensky"), and surnames that differ only in a final v/w or y/i name one person ("Peskov"
//!    and "Peskow", "Zelenskiy"). A given name alone ("Victor") is a mention of the one person named in full with
//!    it before (not when two share it, nor where a place or team of that name stands: "to London", "Bradford 4"), and
//!    a given name joined to such a mention by "and" ("Miguel and Tomás") is a person of its own. In an ALL-CAPS
//!    headline, a word that is such a key (for a person named within a story's length of it) or a widely known family
//!    name is a mention too.

use crate::country::CountryMention;
use crate::data::{Keys, Map, WordMap, WordSet};
use crate::figure::Figure;
use crate::filter::Filter;
use crate::text::{TokKind, Token, Tokens};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

/// One mention of a person.
#[derive(Debug)]
pub struct PersonMention {
    pub range: Range<usize>,
    /// Index into [`People::entities`].
    pub entity: usize,
}

/// A person the text mentions.
#[derive(Debug)]
pub struct PersonEntity {
    /// The fullest form of the name the text gives.
    pub name: String,
    /// The title or role found next to a mention ("Russian President").
    pub title: Option<String>,
}

#[derive(Debug, Default)]
pub struct People {
    /// In text order, not overlapping.
    pub mentions: Vec<PersonMention>,
    pub entities: Vec<PersonEntity>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TitleClass {
    Honorific,
    Role,
    /// A role that counts only in lowercase ("singer", "analyst").
    Occupation,
    Relation,
}

/// The word tables, laid out by build.rs (`person_tables` there) from the data files named below, each behind a
/// [`Sieve`].
struct Lexicon {
    /// Given names (data/given_names*.txt), as an xor filter built by build.rs.
    given: Filter,
    /// data/name_stopwords.txt.
    stop: Sifted,
    /// data/org_words.txt.
    org: Sifted,
    /// Lowercase last word of a title phrase -> the phrases ending in it (lowercase words, hyphen compounds as one
    /// word), longest first (data/titles.tsv).
    titles: SiftedMap<&'static [(&'static [&'static str], TitleClass)]>,
    /// Every word of every title phrase, lowercase and capitalised ("prime", "Minister"): never part of a name.
    title_words: Sifted,
    /// Family names written first ("Wang Donghai", "Kim In-so"; data/family_names_first.txt).
    family_first: Sifted,
    /// The family names of widely known public figures (data/notable_people.txt): the first part of a family-name-first
    /// name, else the last part, and for a particle-glued family name ("el-Sisi") also the bare name ("Sisi").
    notable: Sifted,
    /// The full names of data/notable_people.txt as written there, one space between parts ("Fumio Kishida",
    /// "Sheikh Hasina"): a run that is one of them is a person, and a title word that starts one is part of the name.
    notable_full: Sifted,
    /// Organisation names that look like people's names, as token texts, by first token (data/org_names.txt).
    org_names: SiftedMap<&'static [&'static [&'static str]]>,
    /// data/speech_verbs.txt.
    verbs: Sifted,
}

include!(concat!(env!("OUT_DIR"), "/tables/person.rs"));

/// A quick "no" before a compiled-in table's lookup: [`Bits`] of the table's keys, made on first use. Most words lede
/// asks about are in no table; the sieve turns most of them away with a few byte loads and a multiply, before the hash
/// of every byte and the comparison the table needs. A word it lets through is looked up as before, so the answer is
/// always the table's.
struct Sieve(OnceLock<Box<Bits>>);

impl Sieve {
    const fn new() -> Self {
        Sieve(OnceLock::new())
    }

    fn bits(&self, keys: &Keys) -> &Bits {
        self.0.get_or_init(|| Bits::of(keys))
    }

    /// The index in `keys` of the word whose bytes are `s`, whose signature is `h`.
    fn find(&self, keys: &Keys, h: usize, s: &[u8]) -> Option<usize> {
        self.bits(keys).has(h).then(|| lookup(keys, s)).flatten()
    }

    /// The index in `keys` of the text of token `i` (read as bytes). (Out of line: inlined at its many callers, it
    /// pushed the callers' own small helpers out of line.)
    #[inline(never)]
    fn find_at(&self, keys: &Keys, t: &Tokens, i: usize) -> Option<usize> {
        let b = t.bytes_at(i);
        self.bits(keys)
            .has(sig(b))
            .then(|| lookup(keys, b))
            .flatten()
    }

    /// The index in `keys` of the text of token `i` lowercased (as [`Sieve::find_lower`]).
    fn find_lower_at(&self, keys: &Keys, t: &Tokens, i: usize, buf: &mut String) -> Option<usize> {
        self.find_lower(keys, t.str_at(i), buf)
    }

    /// The index in `keys` of `s` lowercased (as [`lower`], into `buf`): lowercased only past the sieve (ASCII;
    /// other text is lowercased first, as a letter's lowercase may be longer or shorter).
    fn find_lower(&self, keys: &Keys, s: &str, buf: &mut String) -> Option<usize> {
        let h = match lower_sig(s.as_bytes()) {
            Some(h) => h,
            None => sig(lower(s, buf).as_bytes()),
        };
        if !self.bits(keys).has(h) {
            return None;
        }
        lookup(keys, lower(s, buf).as_bytes())
    }
}

/// The index in `keys` of the word whose bytes are `s`: the table's lookup, out of line, so that the sieve's "no"
/// before it is all that is inlined (inlined, the hash loop made every call save and restore registers it never
/// needed). Bytes, not `&str`: a word is compared with the keys as bytes, and its callers need not make a `&str`.
#[inline(never)]
fn lookup(keys: &Keys, s: &[u8]) -> Option<usize> {
    keys.find_bytes(s)
}

/// 4096 bits, the bit of each key's [`sig`] set: a word whose bit is clear is none of the keys. The sieve of the
/// compiled-in tables ([`Sieve`]) and of a document's own maps in `find`.
struct Bits([u64; 64]);

impl Bits {
    fn new() -> Self {
        Bits([0; 64])
    }

    /// The bits of `keys`: made once per table, out of line (not inlined with each lookup).
    #[cold]
    #[inline(never)]
    fn of(keys: &Keys) -> Box<Self> {
        let mut bits = Box::new(Bits::new());
        (0..keys.len())
            .filter_map(|k| keys.key(k))
            .for_each(|k| bits.insert(k));
        bits
    }

    fn insert(&mut self, s: &str) {
        self.set(sig(s.as_bytes()));
    }

    /// Sets the bit of signature `h`.
    fn set(&mut self, h: usize) {
        self.0[h >> 6] |= 1 << (h & 63);
    }

    /// `s` may be one of the keys (false: it is not).
    fn may(&self, s: &str) -> bool {
        self.has(sig(s.as_bytes()))
    }

    /// The text of token `i` may be one of the keys.
    fn may_at(&self, t: &Tokens, i: usize) -> bool {
        self.has(sig(t.bytes_at(i)))
    }

    /// The bit of signature `h` is set.
    fn has(&self, h: usize) -> bool {
        self.0[h >> 6] & (1 << (h & 63)) != 0
    }
}

/// 12 bits of a word's length, first and last byte.
fn sig(b: &[u8]) -> usize {
    sig_of(
        b.len(),
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    )
}

/// 12 bits of two words (a name's first two tokens) from their [`sig`]s `a` and `b`, side by side, mixed as in
/// `sig_of`.
fn pair_sig(a: usize, b: usize) -> usize {
    ((a | b << 12) as u32).wrapping_mul(0x9E37_79B1) as usize >> 20
}

/// The [`sig`] of ASCII `b` lowercased (None for other text): lowercasing keeps the length and lowercases the first and
/// last bytes, all that `sig` reads.
fn lower_sig(b: &[u8]) -> Option<usize> {
    let low = |c: Option<&u8>| c.map_or(0, u8::to_ascii_lowercase);
    // (A plain loop: std's `is_ascii`, made for long text, is several times the code, for words of a few bytes.)
    b.iter()
        .all(u8::is_ascii)
        .then(|| sig_of(b.len(), low(b.first()), low(b.last())))
}

/// 12 bits of a length, a first and a last byte (0 for none).
fn sig_of(len: usize, first: u8, last: u8) -> usize {
    let h = (len as u32 ^ u32::from(first) << 8 ^ u32::from(last) << 16).wrapping_mul(0x9E37_79B1);
    (h >> 20) as usize
}

/// A word set ([`WordSet`]) behind a [`Sieve`].
struct Sifted {
    set: WordSet,
    sieve: Sieve,
}

impl Sifted {
    const fn new(set: WordSet) -> Self {
        Sifted {
            set,
            sieve: Sieve::new(),
        }
    }

    fn contains(&self, s: &str) -> bool {
        self.contains_sig(sig(s.as_bytes()), s.as_bytes())
    }

    /// Whether the word whose bytes are `s`, whose [`sig`] is `h`, is in the set (for a word asked about in several
    /// sets).
    fn contains_sig(&self, h: usize, s: &[u8]) -> bool {
        self.sieve.find(&self.set.0, h, s).is_some()
    }

    /// Whether the text of token `i` is in the set: its bytes are read as text only past the sieve.
    fn contains_at(&self, t: &Tokens, i: usize) -> bool {
        self.sieve.find_at(&self.set.0, t, i).is_some()
    }

    /// Whether the text of token `i` lowercased (as [`lower`], into `buf`) is in the set: lowercased only past the
    /// sieve.
    fn contains_lower_at(&self, t: &Tokens, i: usize, buf: &mut String) -> bool {
        self.sieve.find_lower_at(&self.set.0, t, i, buf).is_some()
    }
}

/// A word map ([`WordMap`]) behind a [`Sieve`].
struct SiftedMap<V: 'static> {
    map: WordMap<V>,
    sieve: Sieve,
}

impl<V: Copy> SiftedMap<V> {
    const fn new(map: WordMap<V>) -> Self {
        SiftedMap {
            map,
            sieve: Sieve::new(),
        }
    }

    /// The value of `s` lowercased (as [`Sifted::contains_lower_at`]).
    fn get_lower(&self, s: &str, buf: &mut String) -> Option<V> {
        let k = self.sieve.find_lower(&self.map.keys, s, buf)?;
        self.map.values.get(k).copied()
    }

    /// The value of the text of token `i` (as [`Sifted::contains_at`]).
    fn get_at(&self, t: &Tokens, i: usize) -> Option<V> {
        let k = self.sieve.find_at(&self.map.keys, t, i)?;
        self.map.values.get(k).copied()
    }

    /// The value of the text of token `i` lowercased (as [`Sifted::contains_lower_at`]).
    fn get_lower_at(&self, t: &Tokens, i: usize, buf: &mut String) -> Option<V> {
        let k = self.sieve.find_lower_at(&self.map.keys, t, i, buf)?;
        self.map.values.get(k).copied()
    }
}

/// Name particles. build.rs keeps a copy of this list to key notable names (`person_tables`); a unit test keeps the
/// two equal.
#[cfg_attr(not(test), allow(dead_code))]
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "del", "della", "di", "da",
    "du", "dos", "das", "le", "la", "ter", "ten", "zu", "y", "ben", "wa",
];

/// `s` is one of [`PARTICLES`], as written there (lowercase). The same list as a `match`, which compiles to a switch on
/// the length and a few comparisons instead of a scan of 25 strings: it runs for most capitalised words.
/// (A unit test keeps the two lists equal.)
fn is_particle(s: &[u8]) -> bool {
    // Every particle is lowercase ASCII of at most 5 bytes and starts with one of these letters: most words are told
    // by their first byte (capitalised name words, above all), before the comparisons.
    let initial = |c: u8| {
        matches!(
            c,
            b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b't' | b'v' | b'w' | b'y' | b'z'
        )
    };
    s.len() <= 5 && s.first().is_some_and(|&c| initial(c)) && is_listed_particle(s)
}

/// `s` is one of [`PARTICLES`] (see [`is_particle`]).
#[inline(never)]
fn is_listed_particle(s: &[u8]) -> bool {
    matches!(
        s,
        b"al"
            | b"el"
            | b"bin"
            | b"ibn"
            | b"bint"
            | b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"de"
            | b"del"
            | b"della"
            | b"di"
            | b"da"
            | b"du"
            | b"dos"
            | b"das"
            | b"le"
            | b"la"
            | b"ter"
            | b"ten"
            | b"zu"
            | b"y"
            | b"ben"
            | b"wa"
    )
}

/// `s` is a particle in any ASCII case ("Le", "VAN"), lowercased on the stack: particles have at most 5 bytes.
fn is_particle_any_case(b: &[u8]) -> bool {
    // Every particle starts with one of these letters (`| 0x20` lowercases an ASCII letter, and takes no other byte
    // to one).
    if b.len() > 5
        || !b.first().is_some_and(|&c| {
            matches!(
                c | 0x20,
                b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b't' | b'v' | b'w' | b'y' | b'z'
            )
        })
    {
        return false;
    }
    let mut low = [0u8; 5];
    for (d, c) in low.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    is_listed_particle(&low[..b.len()])
}

/// Lowercase words allowed at the front of a title phrase ("former Prime Minister", "acting President").
const TITLE_MODIFIERS: &[&str] = &[
    "former", "acting", "deputy", "interim", "late", "then", "ex", "outgoing", "incoming",
    "senior", "chief",
];

fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Lowercases `s` into `buf` (reused across calls) and returns it.
fn lower<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(s.chars().map(crate::case::lower));
    }
    buf
}

/// An apostrophe, typographic or straight.
fn is_apostrophe(b: &[u8]) -> bool {
    b == "’".as_bytes() || b == b"'"
}

/// Token lies inside a country or figure mention.
const BLOCKED: u8 = 1;
/// Token lies inside a country mention.
const COUNTRY: u8 = 2;
/// Token lies on a headline line (Title Case or ALL CAPS).
const HEADLINE: u8 = 4;
/// Token is a capitalised word that may be part of a name (see `Ctx::new`).
const NAME: u8 = 8;
/// Token is a title word (see `Ctx::title_word`); known only for a capitalised, unblocked word not in capitals.
const TITLE: u8 = 16;
/// Token is a name word (`NAME`) that is a stop word (data/name_stopwords.txt; see `Ctx::stop`).
const STOP: u8 = 32;
/// Token is capitalised or in capitals (`Token::cap` or `Token::all_caps`).
const UPPER: u8 = 64;
/// Token is an initial (see `Ctx::initial`).
const INITIAL: u8 = 128;

/// The first index at or after `i` whose byte in `f` has any of `bits` (`f.len()` if none; `i` if past the end):
/// eight bytes at a time, since most tokens have none of the flags the passes look for.
fn next_with(f: &[u8], mut i: usize, bits: u8) -> usize {
    let mask = u64::from_le_bytes([bits; 8]);
    while let Some(chunk) = f.get(i..).and_then(|r| r.first_chunk::<8>()) {
        let hit = u64::from_le_bytes(*chunk) & mask;
        if hit != 0 {
            // The lowest byte with a flag set is the first token (little-endian).
            return i + hit.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    match f.get(i..) {
        Some(rest) => {
            i + rest
                .iter()
                .position(|&b| b & bits != 0)
                .unwrap_or(rest.len())
        }
        None => i,
    }
}

/// Per-token facts the passes share.
struct Ctx<'a, 't> {
    t: &'a Tokens<'t>,
    lex: &'static Lexicon,
    /// One byte of flags per token (`BLOCKED`, `COUNTRY`...): one small array the passes read instead of several.
    f: Vec<u8>,
}

impl<'a, 't> Ctx<'a, 't> {
    fn word(&self, i: usize) -> bool {
        self.t.is_word(i)
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        matches!(self.t.get(i), Some(tok) if tok.kind == TokKind::Punct)
            && self.t.bytes_at(i) == p.as_bytes()
    }

    /// The hyphen group starting at word token `i` (`Ben-Gvir`, `President-elect`): its last token index.
    fn group_end(&self, i: usize) -> usize {
        let mut j = i;
        while self.t.touch(j)
            && (self.is_hyphen(j + 1) || self.apostrophe_tail(j))
            && self.t.touch(j + 1)
            && self.word(j + 2)
        {
            j += 2;
        }
        j
    }

    /// Word `j` goes on through an apostrophe into a lowercase tail that is no possessive or contraction
    /// ("Ndung’u", "Ma'ruf"): the name part is whole only with its tail ("Ndung’u’s" still ends at the possessive).
    fn apostrophe_tail(&self, j: usize) -> bool {
        let t = self.t;
        if !is_apostrophe(t.bytes_at(j + 1)) || !t.touch(j + 1) || !t.is_word(j + 2) {
            return false;
        }
        let tail = t.s(j + 2);
        tail.len() <= 8
            && tail.chars().next().is_some_and(char::is_lowercase)
            && !matches!(tail, "s" | "t" | "d" | "m" | "ll" | "re" | "ve")
    }

    /// The hyphen group ending at word token `j`: its first token index.
    fn group_start(&self, j: usize) -> usize {
        let mut i = j;
        while i >= 2
            && self.t.touch(i - 1)
            && self.is_hyphen(i - 1)
            && self.t.touch(i - 2)
            && self.word(i - 2)
        {
            i -= 2;
        }
        i
    }

    /// The last token of the name unit at word `i`: its hyphen group, or `O’Brien` (a capital letter, an apostrophe and a
    /// capitalised word, touching).
    fn unit_end(&self, i: usize) -> usize {
        let t = self.t;
        // Most words touch nothing: then the unit is the word (as `group_end` would find).
        if !t.touch(i) {
            return i;
        }
        if is_apostrophe(t.bytes_at(i + 1))
            && t.touch(i + 1)
            && t.is_cap_word(i + 2)
            && t.str_at(i).chars().count() == 1
        {
            return self.group_end(i + 2);
        }
        self.group_end(i)
    }

    fn is_hyphen(&self, i: usize) -> bool {
        let b = self.t.bytes_at(i);
        b == b"-" || b == "‐".as_bytes() || b == "‑".as_bytes()
    }

    /// `f` holds `BLOCKED` and `COUNTRY` (see `mark_ranges`); the rest is computed here, in one pass over the tokens.
    fn new(t: &'a Tokens<'t>, lex: &'static Lexicon, mut f: Vec<u8>) -> Self {
        let toks = &t.toks[..t.len().min(f.len())];
        // `HEADLINE` (see `headline_line`): only a line with few lowercase words of four or more bytes against its
        // words in capitals can be one, so this pass counts just its words in capitals; the lowercase words are
        // counted at its end (see `few_lower_long`), and the line's other counts after that, if it can.
        let (mut first, mut upper) = (0, 0usize);
        // A capitalised, unblocked word that is not ALL CAPS has its title word looked up now (the passes ask again
        // about the same words), and is a name word unless it is a title word or a handle.
        let mut next = 0;
        while let Some(tok) = toks.get(next) {
            let i = next;
            next = i + 1;
            if tok.line_start() && i > first {
                if few_lower_long(&toks[first..i], upper) {
                    headline_line(t, first..i, &mut f);
                }
                (first, upper) = (i, 0);
            }
            let (cap, all_caps) = (tok.cap(), tok.all_caps());
            // Most tokens are neither capitalised nor in capitals: nothing more to know about them, nor about the
            // tokens after them up to the next that starts a line or is capitalised or in capitals (passed over at once).
            if !cap && !all_caps {
                let rest = toks.get(next..).unwrap_or_default();
                next += (rest.iter())
                    .position(|tok| tok.line_start() || tok.cap() || tok.all_caps())
                    .unwrap_or(rest.len());
                continue;
            }
            upper += 1;
            let fl = f[i] | UPPER;
            f[i] = fl;
            if tok.kind != TokKind::Word || !cap || fl & BLOCKED != 0 {
                continue;
            }
            // (The word's bytes: the table lookups below compare bytes; its text is made only for the few
            // questions about its characters.)
            let b = t.bytes_of(tok);
            // The neighbour first; the characters last (a letter is at most 4 bytes).
            if t.touch(i)
                && t.get(i + 1).is_some_and(|n| n.kind == TokKind::Punct)
                && t.bytes_at(i + 1) == b"."
                && b.len() <= 4
                && t.s(i).chars().count() == 1
                && t.s(i).chars().all(char::is_uppercase)
            {
                f[i] |= INITIAL;
            }
            if all_caps {
                continue;
            }
            // (One signature for both lookups.)
            let h = sig(b);
            if lex.title_words.contains_sig(h, b) {
                f[i] |= TITLE;
                continue;
            }
            // Handles, hashtags, URLs, and the "s" of "U.S": not names. ("W.E.B." initials are handled by the run
            // builder.)
            if i > 0 && t.touch(i - 1) {
                let p = t.bytes_at(i - 1);
                if matches!(p, b"@" | b"#" | b"/" | b"_")
                    || (p == b"." && t.s(i).chars().count() != 1)
                {
                    continue;
                }
            }
            f[i] |= NAME;
            if lex.stop.contains_sig(h, b) {
                f[i] |= STOP;
            }
        }
        if few_lower_long(&toks[first..], upper) {
            headline_line(t, first..toks.len(), &mut f);
        }
        Ctx { t, lex, f }
    }

    /// Token `i` has flag `bit` (false past the end).
    fn flag(&self, i: usize, bit: u8) -> bool {
        self.f.get(i).is_some_and(|&b| b & bit != 0)
    }

    fn blocked(&self, i: usize) -> bool {
        self.flag(i, BLOCKED)
    }

    fn country(&self, i: usize) -> bool {
        self.flag(i, COUNTRY)
    }

    fn headline(&self, i: usize) -> bool {
        self.flag(i, HEADLINE)
    }

    /// A capitalised word that may be part of a name (not a title word, country, figure, handle or ALL-CAPS word).
    fn name_word(&self, i: usize) -> bool {
        self.flag(i, NAME)
    }

    /// Token `i` is a word of a title phrase ("minister", "prime"), in any case: known from `new` for capitalised
    /// words, looked up when asked for the few other words the passes ask about (neighbours of runs).
    fn title_word(&self, i: usize) -> bool {
        match (self.t.get(i), self.f.get(i)) {
            (Some(tok), Some(&b))
                if tok.kind == TokKind::Word
                    && tok.cap()
                    && !tok.all_caps()
                    && b & BLOCKED == 0 =>
            {
                b & TITLE != 0
            }
            _ => self.word(i) && self.lex.title_words.contains_at(self.t, i),
        }
    }

    /// Token `i` is a stop word (data/name_stopwords.txt): known from `new` for name words (the passes ask about
    /// them again and again), looked up for others.
    fn stop(&self, i: usize) -> bool {
        match self.f.get(i) {
            Some(&b) if b & NAME != 0 => b & STOP != 0,
            _ => self.lex.stop.contains_at(self.t, i),
        }
    }

    /// An initial: one capital letter with a period glued on ("W."), not in a country or figure (see `Ctx::new`).
    fn initial(&self, i: usize) -> bool {
        self.flag(i, INITIAL)
    }

    fn particle(&self, i: usize) -> bool {
        self.word(i) && is_particle(self.t.bytes_at(i))
    }

    /// A particle in either case ("Le" of "Bruno Le Maire", "Van" of "Dries Van Noten").
    fn particle_any_case(&self, i: usize) -> bool {
        self.word(i) && is_particle_any_case(self.t.bytes_at(i))
    }
}

/// A candidate name: tokens `first..=last`, with its parts (hyphen groups) as (first token, last token).
struct Run {
    first: usize,
    last: usize,
    parts: Vec<(usize, usize)>,
    /// Number of initials ("W.") in the run, and whether one stands after the first part ("George W. Bush").
    initials: usize,
    middle_initial: bool,
    has_particle: bool,
    /// Parts that are particles ("bint", "van", "Al").
    particles: usize,
    org: bool,
}

/// Builds the run that starts at name word `i` (which must satisfy `name_word`), its parts in `parts` (a spare
/// vector, emptied first: one allocation serves every run).
fn build_run(cx: &Ctx, i: usize, mut parts: Vec<(usize, usize)>) -> Run {
    let t = cx.t;
    parts.clear();
    let mut run = Run {
        first: i,
        last: i,
        parts,
        initials: 0,
        middle_initial: false,
        has_particle: false,
        particles: 0,
        org: false,
    };
    let mut j = i;
    loop {
        // One part at j.
        if cx.initial(j) {
            run.initials += 1;
            run.middle_initial |= !run.parts.is_empty();
            run.parts.push((j, j + 1));
            run.last = j + 1;
        } else if cx.name_word(j) || (j > i && cx.particle(j)) {
            // (Most words touch nothing after them: then the part is the word, as `group_end` would find.)
            let mut end = j;
            if t.touch(j) {
                end = cx.group_end(j);
                // O’Brien, D'Angelo: a one-letter capital, an apostrophe, a capitalised word, all touching.
                if end == j
                    && is_apostrophe(t.bytes_at(j + 1))
                    && t.touch(j + 1)
                    && t.is_cap_word(j + 2)
                    && t.s(j).chars().count() == 1
                {
                    end = j + 2;
                }
            }
            // (A name word is capitalised, and no particle is: only a word that is not one came here as a particle.)
            if !cx.name_word(j) {
                run.has_particle = true;
            }
            if cx.lex.org.contains_at(t, end) {
                run.org = true;
            }
            run.parts.push((j, end));
            run.last = end;
        } else {
            break;
        }
        // What joins the next part: a space on the same line, or a particle's hyphen (al-Assad).
        let next = run.last + 1;
        let Some(tok) = t.get(next) else { break };
        if tok.line_start() {
            break;
        }
        if t.touch(run.last) {
            // Initials may be written together ("J.K. Rowling").
            if cx.initial(next) && run.initials > 0 && t.bytes_at(run.last) == b"." {
                j = next;
                continue;
            }
            // Only a particle may be glued to what follows by a hyphen ("al-Assad"); "Russia’s" etc. end here.
            if cx.is_hyphen(next)
                && t.touch(next)
                && cx.word(next + 1)
                && run.parts.last().is_some_and(|p| cx.particle(p.0))
            {
                j = next + 1;
                continue;
            }
            break;
        }
        // (Initials and name words are capitalised, particles not: asked first, as the likelier.)
        if cx.initial(next) || cx.name_word(next) {
            // Stop words do not continue a name unless they are given names ("Theresa May").
            if cx.stop(next) && !cx.lex.given.contains(t.s(next)) {
                break;
            }
            j = next;
            continue;
        }
        if cx.particle(next) {
            // A particle needs a name after it.
            let after = if t.touch(next) && cx.is_hyphen(next + 1) {
                next + 2
            } else {
                next + 1
            };
            if cx.name_word(after) || cx.particle(after) {
                j = next;
                continue;
            }
            break;
        }
        // A family name that is also a title ("John Major", "Billie Jean King"): after a given name, capitalised, and
        // not itself followed by a name it would introduce.
        if run.parts.len() <= 2
            && t.is_cap_word(next)
            && !t.toks[next].all_caps()
            && cx.title_word(next)
            && cx.lex.given.contains(t.s(run.first))
            && !cx.name_word(next + 1)
            && !(t.is_word(next + 1) && cx.title_word(next + 1))
            && !cx.initial(next + 1)
            && !(t.touch(next) && cx.is_punct(next + 1, "."))
        {
            run.parts.push((next, next));
            run.last = next;
        }
        break;
    }
    // A regnal number ("Leopold III", "Charles VI") closes the name.
    let next = run.last + 1;
    if !t.touch(run.last)
        && t.get(next).is_some_and(|x| !x.line_start())
        && t.is_word(next)
        && t.bytes_at(next).len() <= 4
        && t.bytes_at(next)
            .iter()
            .all(|b| matches!(b, b'I' | b'V' | b'X'))
        && !run.parts.is_empty()
    {
        run.parts.push((next, next));
        run.last = next;
    }
    // A trailing particle is not part of the name.
    while let Some(&(a, b)) = run.parts.last() {
        if a == b && cx.particle(a) && run.parts.len() > 1 {
            run.parts.pop();
            run.last = run.parts.last().map(|p| p.1).unwrap_or(a);
        } else {
            break;
        }
    }
    // (Counted once the parts are final: a particle dropped above is no part.)
    run.particles = particles(cx, &run.parts);
    run
}

/// The parts that are particles, in any case ("van", "Le").
fn particles(cx: &Ctx, parts: &[(usize, usize)]) -> usize {
    parts
        .iter()
        .filter(|&&(a, b)| a == b && cx.particle_any_case(a))
        .count()
}

/// A run after "<title> of" ("Secretary of State Antony Blinken"): drops the parts before the first given name (or
/// family name that comes first) that starts a name of at least two parts, if there is one past the first part; those
/// parts belong to the title. Without one, a first part that is an organisation word goes ("Secretary of State
/// Rubio"), so that the surname after it stays free to be a mention.
fn title_tail(cx: &Ctx, run: &mut Run) {
    let t = cx.t;
    let found = (1..run.parts.len().saturating_sub(1)).find(|&k| {
        let (a, b) = run.parts[k];
        let s = t.s(a);
        a == b && (cx.lex.given.contains(s) || cx.lex.family_first.contains(s)) && !cx.stop(a)
    });
    let k = match found {
        Some(k) => k,
        None if run.parts.len() >= 2 && cx.lex.org.contains_at(t, run.parts[0].1) => 1,
        None => return,
    };
    run.parts.drain(..k);
    run.first = run.parts[0].0;
    run.org = run.parts.iter().any(|&(_, b)| cx.lex.org.contains_at(t, b));
    run.initials = run
        .parts
        .iter()
        .filter(|&&(a, b)| b == a + 1 && cx.initial(a))
        .count();
    run.middle_initial = run.parts[1..]
        .iter()
        .any(|&(a, b)| b == a + 1 && cx.initial(a));
    run.has_particle = run.parts.iter().any(|&(a, _)| cx.particle(a));
    run.particles = particles(cx, &run.parts);
}

/// "Reliever Mark Acre", "Outspoken Andrei Medvedev": a sentence starts with a capitalised common word and a given
/// name follows. The name starts at the given name. (Three parts at least, so "Will Smith" stays whole.)
fn trim_sentence_word(cx: &Ctx, run: &mut Run) {
    let t = cx.t;
    if run.parts.len() < 3 || !t.toks[run.first].sent_start() {
        return;
    }
    let ((a, b), (c, d)) = (run.parts[0], run.parts[1]);
    let first = t.s(a);
    // The dropped word must look like a common word (a suffix of nouns, adjectives, participles): an unknown given name
    // stays ("Abdi Mohamed Farah").
    const SUFFIXES: &[&str] = &[
        "er", "or", "ed", "en", "ive", "ing", "ly", "al", "ish", "ic", "ant", "ent", "ist", "re",
    ];
    if a == b
        && c == d
        && first.len() >= 5
        && SUFFIXES.iter().any(|x| first.ends_with(x))
        && !cx.lex.given.contains(first)
        && !cx.particle_any_case(a)
        && !cx.lex.family_first.contains(first)
        && cx.lex.given.contains(t.s(c))
        && !cx.stop(c)
    {
        run.parts.remove(0);
        run.first = c;
    }
}

/// The title phrase that ends right before token `i`: (first token of the displayed title, class).
fn title_before(cx: &Ctx, i: usize, buf: &mut String) -> Option<(usize, TitleClass)> {
    let t = cx.t;
    let mut j = i.checked_sub(1)?;
    // "Mr." / "Gen." : a period glued to the title. Only a short capitalised word is such an abbreviation: after
    // "envoy." or "the President." the sentence ends.
    if cx.is_punct(j, ".") && j > 0 && t.touch(j - 1) {
        j -= 1;
        if !t.toks[j].cap() || t.s(j).len() > 5 {
            return None;
        }
    }
    if !cx.word(j) || cx.blocked(j) {
        return None;
    }
    let key_start = cx.group_start(j);
    // (The phrases borrow the lexicon, not `buf`, which is free again for the comparisons below.)
    let phrases = cx
        .lex
        .titles
        .get_lower(&t.text[t.toks[key_start].start()..t.toks[j].end()], buf)?;
    for (phrase, class) in phrases {
        // Match the phrase's earlier words backwards.
        let mut k = key_start;
        let mut ok = true;
        for w in phrase[..phrase.len() - 1].iter().rev() {
            if k == 0 || !cx.word(k - 1) {
                ok = false;
                break;
            }
            let s = cx.group_start(k - 1);
            if !lower(&t.text[t.toks[s].start()..t.toks[k - 1].end()], buf).eq(*w) {
                ok = false;
                break;
            }
            k = s;
        }
        if !ok {
            continue;
        }
        if *class == TitleClass::Relation {
            return None; // relations introduce names only after a comma: see relation_before
        }
        // Occupations are written in lowercase ("singer Adele"), honorifics capitalised ("Miss Marple", not "will miss England").
        if (*class == TitleClass::Occupation && t.toks[j].cap())
            || (*class == TitleClass::Honorific && !t.toks[key_start].cap())
        {
            continue;
        }
        // Widen the displayed title over modifiers: capitalised words ("Finance", "Kremlin"), countries ("Russian",
        // "U.S."), and a few lowercase words ("former"), on the same line, at most 6 tokens back.
        let mut start = k;
        let mut steps = 0;
        while start > 0 && steps < 6 && !t.toks[start].line_start() {
            let p = start - 1;
            let ok = if cx.word(p) {
                let tok = &t.toks[p];
                // (`stop` reads the flag that `Ctx::new` set for a name word.)
                (tok.cap() && !cx.stop(p))
                    || cx.blocked(p)
                    || TITLE_MODIFIERS.contains(&lower(t.s(p), buf))
            } else {
                // Inside a country mention ("U.S.") or a hyphen compound ("Far-right").
                cx.blocked(p) || (cx.is_hyphen(p) && t.touch(p) && p > 0 && t.touch(p - 1))
            };
            if !ok {
                break;
            }
            start = p;
            steps += 1;
        }
        while start < k && !cx.word(start) {
            start += 1;
        }
        return Some((start, *class));
    }
    None
}

/// "his wife, Bushra Bibi": a relation word and a comma right before token `i`.
fn relation_before(cx: &Ctx, i: usize, buf: &mut String) -> bool {
    if i < 2 || !cx.is_punct(i - 1, ",") || !cx.word(i - 2) {
        return false;
    }
    cx.lex
        .titles
        .get_lower_at(cx.t, i - 2, buf)
        .is_some_and(|v| {
            v.iter()
                .any(|(p, c)| *c == TitleClass::Relation && p.len() == 1)
        })
}

/// "her son, Miguel Ferreira", "his wife Naina": a lowercase relation word right before token `i`, a comma between or not.
fn relative_before(cx: &Ctx, i: usize, buf: &mut String) -> bool {
    let w = if i >= 1 && cx.is_punct(i - 1, ",") {
        i.wrapping_sub(2)
    } else {
        i.wrapping_sub(1)
    };
    cx.word(w)
        && !cx.t.toks[w].cap()
        && cx.lex.titles.get_lower_at(cx.t, w, buf).is_some_and(|v| {
            v.iter()
                .any(|(p, c)| *c == TitleClass::Relation && p.len() == 1)
        })
}

/// "…," said Frank-Juergen Weise: a speech verb right before the name.
fn verb_before(cx: &Ctx, i: usize, buf: &mut String) -> bool {
    let t = cx.t;
    if i == 0 || !cx.word(i - 1) || t.toks[i - 1].cap() {
        return false;
    }
    // "according to Osama Rabie"
    if t.s(i - 1) == "to" && i >= 2 && t.s(i - 2).eq_ignore_ascii_case("according") {
        return true;
    }
    cx.lex.verbs.contains_lower_at(t, i - 1, buf)
}

/// "Tuvalu’s prime minister, Feleti Teo,": a role and a comma right before the name.
fn role_comma_before(cx: &Ctx, i: usize, buf: &mut String) -> bool {
    i >= 2
        && cx.is_punct(i - 1, ",")
        && matches!(
            title_before(cx, i - 1, buf),
            Some((_, TitleClass::Role | TitleClass::Occupation))
        )
}

/// "Duran, 45, takes on …": an age in commas right after the name (one or two digits, not in a list of numbers).
fn age_after(cx: &Ctx, last: usize) -> bool {
    let t = cx.t;
    cx.is_punct(last + 1, ",")
        && t.get(last + 2).is_some_and(|x| x.kind == TokKind::Number)
        && t.s(last + 2).len() <= 2
        && !t.s(last + 2).starts_with('0')
        && cx.is_punct(last + 3, ",")
        && !t.get(last + 4).is_some_and(|x| x.kind == TokKind::Number)
}

/// "Aryna Sabalenka of Belarus": "of" and a country right after the name (not a date: "Revolution of 25 April").
fn of_country_after(cx: &Ctx, last: usize) -> bool {
    cx.t.str_at(last + 1) == "of"
        && (cx.country(last + 2) || (cx.t.str_at(last + 2) == "the" && cx.country(last + 3)))
}

/// "gave only his first name, Bohdan,", "gave her name as Olena": a name introduced as a name; even one word is a person.
fn name_slot(cx: &Ctx, first: usize) -> bool {
    let t = cx.t;
    first >= 2 && matches!(t.bytes_at(first - 1), b"," | b"as") && t.bytes_at(first - 2) == b"name"
}

/// Credit lines: "By Asad Hashim and Rupam Jain", "(Reporting by Camillus Eboh in Abuja and Duncan Miriri in Nairobi;
/// Writing by Chijioke Ohuocha)". A run right after "by", "and", "," or ";" on a line that opens with "By" or with a
/// credit word and "by" ("Reporting by", "Additional reporting by") is a person. (Looks back at most `CREDIT_REACH`
/// tokens for the line's start.)
fn credit_slot(cx: &Ctx, first: usize) -> bool {
    const CREDIT_REACH: usize = 48;
    let t = cx.t;
    if first == 0
        || !matches!(
            t.bytes_at(first - 1),
            b"by" | b"By" | b"and" | b"," | b";" | b"&"
        )
    {
        return false;
    }
    let Some(mut s) = (first.saturating_sub(CREDIT_REACH)..first)
        .rev()
        .find(|&k| t.toks[k].line_start())
    else {
        return false;
    };
    if matches!(t.str_at(s), "(" | "[") {
        s += 1;
    }
    if t.str_at(s) == "By" || t.str_at(s) == "BY" {
        return true;
    }
    if t.str_at(s).eq_ignore_ascii_case("additional") {
        s += 1;
    }
    matches!(
        t.str_at(s),
        "Reporting" | "Writing" | "Editing" | "Compiled" | "Photographs" | "Research"
    ) && t.str_at(s + 1) == "by"
}

/// Evidence after the run: a speech verb, an apposition with a role, or an age.
fn evidence_after(cx: &Ctx, last: usize, buf: &mut String) -> bool {
    let t = cx.t;
    let n = last + 1;
    if cx.word(n) && cx.lex.verbs.contains_lower_at(t, n, buf) {
        return true;
    }
    if !cx.is_punct(n, ",") {
        return false;
    }
    // "Semyon Sharetsky, told Reuters"
    if cx.word(n + 1) && !t.toks[n + 1].cap() && cx.lex.verbs.contains_lower_at(t, n + 1, buf) {
        return true;
    }
    // "Smith, 45, said"
    if matches!(t.get(n + 1), Some(tok) if tok.kind == TokKind::Number) && cx.is_punct(n + 2, ",") {
        return true;
    }
    // "Rod Eddington, BA’s chief executive": a lowercase role word within a few tokens, before any other comma.
    for k in n + 1..(n + 7).min(t.len()) {
        if cx.is_punct(k, ",") || cx.is_punct(k, ".") {
            break;
        }
        // "Edin Dzeko, the 38-year-old Bosnian": an age.
        if t.str_at(k) == "old" && k >= 2 && cx.is_hyphen(k - 1) && t.str_at(k - 2) == "year" {
            return true;
        }
        if cx.word(k)
            && !t.toks[k].cap()
            && cx.lex.titles.get_lower_at(t, k, buf).is_some_and(|v| {
                v.iter()
                    .any(|(_, c)| matches!(c, TitleClass::Role | TitleClass::Occupation))
            })
        {
            return true;
        }
    }
    false
}

/// A number token at `i` with an ordinal suffix glued on ("47th", "2nd"): the index after the suffix.
fn ordinal_at(cx: &Ctx, i: usize) -> Option<usize> {
    let t = cx.t;
    (t.get(i)?.kind == TokKind::Number
        && t.touch(i)
        && matches!(t.bytes_at(i + 1), b"th" | b"st" | b"nd" | b"rd"))
    .then_some(i + 2)
}

/// Bowling figures right at `i`: three or four numbers joined by hyphens, all touching ("7-0-29-0", "6.5-1-23-4").
fn bowling_figures_at(cx: &Ctx, i: usize) -> bool {
    let t = cx.t;
    let mut k = i;
    let mut numbers = 0;
    // Overs have at most two digits (and maybe a ball count, "6.5"), the others at most three: not a date or a phone.
    while t.get(k).is_some_and(|x| x.kind == TokKind::Number) {
        let s = t.s(k);
        let ok = if numbers == 0 {
            s.split('.').next().is_some_and(|w| w.len() <= 2)
        } else {
            s.len() <= 3
        };
        if !ok {
            return false;
        }
        numbers += 1;
        if !(t.touch(k) && cx.is_hyphen(k + 1) && t.touch(k + 1)) {
            break;
        }
        k += 2;
    }
    numbers >= 3
}

/// A lowercase scorecard word at `i` standing on its own: "c", "b", "st", "lbw" (a catch, a bowler, a stumping).
fn scorecard_word(cx: &Ctx, i: usize, words: &[&[u8]]) -> bool {
    let t = cx.t;
    cx.word(i)
        && words.contains(&t.bytes_at(i))
        && !t.touch(i)
        && !(i > 0 && t.touch(i - 1))
        && !t.toks[i].line_start()
}

/// Slots that only people fill in sports results, seen from the name `first..=last`:
/// - bowling figures after it ("Hollioake 6.5-1-23-4");
/// - a cricket scorecard around it: "c Knight b Hollioake 21", "Thorpe lbw b Croft", "Lewis not out 14";
/// - a goal minute after it, in brackets or before a closing one ("Hajaj ( 47th )", "( 12 - Leboeuf 46th )");
/// - a shirt number before it in a line-up, followed by a list mark or the line's end ("13 - Japie Mulder ,").
fn sports_slot(cx: &Ctx, first: usize, last: usize) -> bool {
    let t = cx.t;
    let n = last + 1;
    let next_on_line = t.get(n).is_some_and(|x| !x.line_start());
    if next_on_line {
        if bowling_figures_at(cx, n) {
            return true;
        }
        // Batsman: the line starts with the name, then how the wicket fell.
        if t.toks[first].line_start()
            && (scorecard_word(cx, n, &[b"c", b"b", b"lbw", b"st"])
                || (matches!(t.str_at(n), "not" | "run")
                    && t.str_at(n + 1) == "out"
                    && t.get(n + 2).is_some_and(|x| x.kind == TokKind::Number)))
        {
            return true;
        }
        // Goal minute: "( 47th )", "( 52nd minute )", "Leboeuf 46th )".
        if cx.is_punct(n, "(") {
            if let Some(k) = ordinal_at(cx, n + 1) {
                if cx.is_punct(k, ")") || cx.is_punct(k, ",") || t.str_at(k) == "minute" {
                    return true;
                }
            }
        }
        if let Some(k) = ordinal_at(cx, n) {
            if cx.is_punct(k, ")") {
                return true;
            }
        }
    }
    if first >= 1 {
        let p = first - 1;
        // Fielder or bowler: "c Knight b", "b Hollioake 21", "st Russell b".
        if scorecard_word(cx, p, &[b"c", b"b", b"st"])
            && next_on_line
            && (scorecard_word(cx, n, &[b"b"])
                || (t.get(n).is_some_and(|x| x.kind == TokKind::Number)
                    && t.get(n + 1).is_none_or(|x| x.line_start())))
        {
            return true;
        }
        // Line-up: "13 - Japie Mulder ,", "1 - Dawie Theron ( Garry Pagel , 66 )".
        if p >= 1
            && cx.is_hyphen(p)
            && !t.touch(p)
            && !t.touch(p - 1)
            && t.get(p - 1).is_some_and(|x| x.kind == TokKind::Number)
            && t.s(p - 1).len() <= 2
            && (!next_on_line || matches!(t.str_at(n), "," | ";" | "("))
        {
            return true;
        }
    }
    false
}

/// A score of one to three digits standing alone at token `i` ("1", "42", not "92-90" or "6.5").
fn lone_score(cx: &Ctx, i: usize) -> bool {
    let t = cx.t;
    t.get(i)
        .is_some_and(|x| x.kind == TokKind::Number && !x.line_start())
        && t.bytes_at(i).len() <= 3
        && t.bytes_at(i).iter().all(|b| b.is_ascii_digit())
        && !t.touch(i)
        && !(i > 0 && t.touch(i - 1))
}

/// The name `first..=last` is a team in a results line, next to the other team and the scores:
/// "Huddersfield 1 Crystal Palace 1", "Wigan 42 Bradford Bulls 36", "Benetton ( Italy ) 92 Dinamo ( Russia ) 81".
/// Either a score and another capitalised word follow it, or a score follows it and a score after a name (or a country
/// in brackets) stands before it. (A country in brackets may stand right after the team.)
fn score_line_team(cx: &Ctx, first: usize, last: usize) -> bool {
    let t = cx.t;
    let mut n = last + 1;
    if country_in_parens(cx, last) {
        n = last + 3;
        while cx.country(n) {
            n += 1;
        }
        n += 1;
    }
    if !lone_score(cx, n) {
        return false;
    }
    if t.get(n + 1).is_some_and(|x| x.cap() && !x.line_start()) && t.is_cap_word(n + 1) {
        return true;
    }
    first >= 2
        && !t.toks[first].line_start()
        && lone_score(cx, first - 1)
        && (t.is_cap_word(first - 2) || cx.is_punct(first - 2, ")"))
}

/// "the" or "The" right before token `i`, on the same line.
fn the_before(cx: &Ctx, i: usize) -> bool {
    i > 0 && !cx.t.toks[i].line_start() && cx.t.bytes_at(i - 1).eq_ignore_ascii_case(b"the")
}

/// The name ends in a word that looks like a plural ("Marlins", "Braves", "Falls"), as teams' and places' names do.
fn plural_end(cx: &Ctx, last: usize) -> bool {
    let s = cx.t.bytes_at(last);
    s.len() >= 4 && s.ends_with(b"s") && !s.ends_with(b"ss") && !s.ends_with(b"us")
}

/// "Linford Christie (Britain)": a country in brackets right after the name, as results tables and bylines write it.
fn country_in_parens(cx: &Ctx, last: usize) -> bool {
    cx.is_punct(last + 1, "(") && cx.country(last + 2) && {
        let mut k = last + 2;
        while cx.country(k) {
            k += 1;
        }
        cx.is_punct(k, ")")
    }
}

/// Marks the tokens `line` with `HEADLINE` in `out` if the line is a headline: at least four words, no more than one
/// number, and nearly every word of four or more bytes capitalised (Title Case, unless the line ends like a sentence)
/// or nearly every word in capitals.
///
/// Either way, the line has at most a quarter as many lowercase (neither capitalised nor in capitals) words of four
/// or more bytes as words capitalised or in capitals: those lowercase words are among the words not in capitals,
/// which are at most a quarter of the words in capitals, and among the long words not capitalised, at most a quarter
/// of the long words capitalised. `Ctx::new` counts only these two as it goes, and calls this for no other line.
fn headline_line(t: &Tokens, line: Range<usize>, out: &mut [u8]) {
    let (mut words, mut long, mut cap_long, mut caps, mut numbers) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for tok in t.toks.get(line.clone()).unwrap_or_default() {
        numbers += usize::from(tok.kind == TokKind::Number);
        if tok.kind == TokKind::Word {
            words += 1;
            caps += usize::from(tok.all_caps());
            let is_long = tok.end() - tok.start() >= 4;
            long += usize::from(is_long);
            cap_long += usize::from(is_long && tok.cap());
        }
    }
    // A line that ends like a sentence is prose, however many capitals it has.
    let ends_sentence = line.end > line.start
        && t.toks[line.end - 1].kind == TokKind::Punct
        && matches!(t.s(line.end - 1), "." | "”" | "\"" | ",");
    let all_caps = caps * 5 >= words * 4;
    let title_case = long >= 3 && cap_long * 5 >= long * 4 && !ends_sentence;
    // Results tables ("2. Venuste Niyongabo (Burundi) 3:51.01") are rows of names and numbers, not headlines.
    if words >= 4 && numbers < 2 && (all_caps || title_case) {
        if let Some(line) = out.get_mut(line) {
            line.iter_mut().for_each(|h| *h |= HEADLINE);
        }
    }
}

/// A line of tokens, `upper` of them capitalised or in capitals, has at most a quarter as many lowercase words of
/// four or more bytes (`lower_long * 4 <= upper`), the test a headline must pass before `headline_line`. Counted
/// here, once per line, rather than token by token: the count stops as soon as it is over (prose has such a word in
/// its first few), and is not needed when the line has too few lowercase tokens to be over.
fn few_lower_long(line: &[Token], upper: usize) -> bool {
    // `lower_long * 4 <= upper` is `lower_long <= upper / 4`, and the lowercase tokens bound `lower_long`.
    let mut spare = upper / 4;
    if line.len().saturating_sub(upper) <= spare {
        return true;
    }
    for tok in line {
        if !tok.cap()
            && !tok.all_caps()
            && tok.kind == TokKind::Word
            && tok.end() - tok.start() >= 4
        {
            if spare == 0 {
                return false;
            }
            spare -= 1;
        }
    }
    true
}

/// Sets `bit` in `out` for the tokens covered by any of the (sorted, non-overlapping) ranges: one forward walk over
/// the tokens, galloping from one range to the next (a binary search from the start only if a range starts before
/// the one before it).
fn mark_ranges(t: &Tokens, ranges: impl Iterator<Item = Range<usize>>, out: &mut [u8], bit: u8) {
    let mut k = 0;
    let mut last_start = 0;
    for r in ranges {
        if r.start < last_start {
            k = t.index_at(r.start);
        }
        last_start = r.start;
        // The first token at or after the range's start: it lies below the first power of two steps on that does not
        // start before the range.
        let rest = &t.toks[k.min(t.len())..];
        let mut hi = 1;
        while hi < rest.len() && rest[hi].start() < r.start {
            hi *= 2;
        }
        k += rest[..hi.min(rest.len())].partition_point(|x| x.start() < r.start);
        while k < t.len() && t.toks[k].start() < r.end {
            out[k] |= bit;
            k += 1;
        }
    }
}

/// A name found in pass 1.
struct Found {
    first: usize,
    last: usize,
    /// Number of parts (hyphen groups, initials).
    parts: usize,
    title: Option<Range<usize>>,
    /// Introduced by an honorific ("Prince Harry"): a one-part name that later mentions may repeat alone.
    honorific: bool,
}

/// The text of a run's part (first token, last token).
fn part_text<'t>(t: &Tokens<'t>, (a, b): (usize, usize)) -> &'t str {
    &t.text[t.toks[a].start()..t.toks[b].end()]
}

/// Marks as people the two-word candidates (see `find`) whose last word stands alone elsewhere, within [`KEY_REACH`],
/// after a title or a speech verb or before a speech verb or a role. One sweep over the tokens, looking up only
/// capitalised name words.
fn promote_by_surname(cx: &Ctx, cands: &mut [(Found, bool)], buf: &mut String) {
    let t = cx.t;
    let mut by_last: Map<&str, Few> = Map::default();
    // A sieve before the map, which every name word is looked up in.
    let mut last_bits = Bits::new();
    for (k, (f, person)) in cands.iter().enumerate() {
        if !*person
            && f.parts == 2
            && f.last == f.first + 1
            && !cx.headline(f.first)
            && !the_before(cx, f.first)
            && !t.toks[f.first].sent_start()
            && !cx.stop(f.first)
        {
            push_few(&mut by_last, t.s(f.last), k);
            last_bits.insert(t.s(f.last));
        }
    }
    if by_last.is_empty() {
        return;
    }
    let mut next = 0;
    loop {
        let i = next_with(&cx.f, next, NAME);
        if i >= t.len() {
            break;
        }
        next = i + 1;
        if cx.headline(i) {
            continue;
        }
        let Some(ks) = last_bits
            .may_at(t, i)
            .then(|| by_last.get(t.s(i)))
            .flatten()
        else {
            continue;
        };
        let alone = !(i > 0 && !t.toks[i].line_start() && (cx.name_word(i - 1) || t.touch(i - 1)))
            && !(t.get(i + 1).is_some_and(|x| !x.line_start()) && cx.name_word(i + 1));
        // "said Eagles owner Jeffrey Lurie": a word before a role is the role's team or firm, not a name.
        let before_role = t.get(i + 1).is_some_and(|x| !x.cap()) && cx.title_word(i + 1);
        if !alone || before_role {
            continue;
        }
        // Only a speaker's slot: "Sandberg said", "…, said Sandberg." (a punctuation mark after it), "Mr Sandberg".
        let verb_after = t.is_word(i + 1)
            && !t.toks[i + 1].cap()
            && cx.lex.verbs.contains_lower_at(t, i + 1, buf);
        let closed = t
            .get(i + 1)
            .is_none_or(|x| x.kind == TokKind::Punct || x.line_start());
        let evident = verb_after
            || (closed && verb_before(cx, i, buf))
            || matches!(title_before(cx, i, buf), Some((_, TitleClass::Honorific)));
        if !evident {
            continue;
        }
        let at = t.toks[i].start();
        for &k in ks.as_slice() {
            let f = &cands[k].0;
            if f.last != i && at.abs_diff(t.toks[f.first].start()) <= KEY_REACH {
                cands[k].1 = true;
            }
        }
    }
}

/// Canonical form of the name `first..=last`: its text with each run of whitespace made one space. Tokens hold no
/// whitespace, so the text is its own canonical form when every gap between tokens is empty or one space: then it is
/// borrowed, not copied.
#[inline(never)]
fn canonical_name<'t>(t: &Tokens<'t>, first: usize, last: usize) -> Cow<'t, str> {
    let s = &t.text[t.toks[first].start()..t.toks[last].end()];
    let plain = (first..last).all(|k| {
        let (end, next) = (t.toks[k].end(), t.toks[k + 1].start());
        end == next || (next == end + 1 && t.text.as_bytes()[end] == b' ')
    });
    if plain {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(canonical(s))
    }
}

/// Canonical form of a name: its text with each run of whitespace made one space.
fn canonical(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, w) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Pass 1 of [`find`]: the names the text gives evidence for, in text order, and the tokens vetoed as no part of a
/// name (organisations, titles). A function of its own (as is pass 2's setup in `find`), so that each is compiled with
/// its own registers.
#[inline(never)]
fn names_with_evidence(cx: &Ctx, buf: &mut String) -> (Vec<Found>, Vec<bool>) {
    let (t, lex) = (cx.t, cx.lex);
    let mut cands: Vec<(Found, bool)> = Vec::new();
    let mut spare: Vec<(usize, usize)> = Vec::new();
    let mut vetoed = vec![false; t.len()];
    let mut i = 0;
    while i < t.len() {
        // Only a name word starts a run: the flags are searched for the next one first.
        i = next_with(&cx.f, i, NAME);
        if i >= t.len() {
            break;
        }
        // Not in the middle of a dotted abbreviation ("U.S.", "A.G."), whose first letter starts any run.
        // A stop word that is also a given name starts a name after a title ("captain Will Carling").
        // (The cheap per-token flag first: the rest, and the set lookups, run only for capitalised name words.)
        let starts = cx.name_word(i)
            && !(i > 0 && t.touch(i - 1) && t.bytes_at(i - 1) == b".")
            && (!cx.stop(i)
                || cx.initial(i)
                || (lex.given.contains(t.s(i)) && title_before(cx, i, buf).is_some()));
        if !starts {
            i += 1;
            continue;
        }
        // An organisation that looks like a name ("Morgan Stanley"): never a person, not even in part.
        if let Some(len) = lex.org_names.get_at(t, i).and_then(|seqs| {
            seqs.iter()
                .find(|seq| seq.iter().enumerate().all(|(k, w)| t.str_at(i + k) == *w))
                .map(|seq| seq.len())
        }) {
            vetoed[i..i + len].iter_mut().for_each(|v| *v = true);
            i += len;
            continue;
        }
        let mut run = build_run(cx, i, std::mem::take(&mut spare));
        trim_sentence_word(cx, &mut run);
        // "Secretary of State Antony Blinken", "Minister of Foreign Affairs Ayman Safadi": after a title and "of", the
        // capitalised words up to a given name that starts a two-part name end the title; the name starts there.
        let of_title = i >= 2 && t.bytes_at(i - 1) == b"of" && cx.title_word(i - 2);
        if of_title {
            title_tail(cx, &mut run);
            // The title's words are no name, nor glued to the name after them.
            vetoed[i..run.first].iter_mut().for_each(|v| *v = true);
        }
        let next = run.last + 1;
        // An organisation's name goes on across "of", "for", "and", "&" ("Office for National Statistics",
        // "Bank of Tokyo"): the capitalised words after such a link belong to the organisation too.
        let org_continues = run.first >= 2
            && vetoed[run.first - 2]
            && matches!(
                t.bytes_at(run.first - 1),
                b"of" | b"for" | b"and" | b"&" | b"on" | b"de"
            );
        // "Edward D. Jones & Co", "A.G. Edwards & Sons", "Procter & Gamble": a firm's name.
        let ampersand =
            t.bytes_at(next) == b"&" && t.get(next + 1).is_some_and(|x| x.cap() && !x.line_start());
        // "Chief Financial Officer Amy Hood", "Climate and Green Growth Minister Sophie Hermans": capitalised words
        // right before a title that introduces a name are the title's own, not a name. ("Mark Carney Prime Minister
        // since March": a title after a name that introduces none is the name's.)
        let before_title = t.get(next).is_some_and(|x| x.cap() && !x.line_start())
            && !t.touch(run.last)
            && cx.title_word(next)
            && (next + 1..next + 4)
                .find(|&k| !(cx.title_word(k) && t.toks[k].cap() && !t.touch(k - 1)))
                .is_some_and(|k| cx.name_word(k) && !t.touch(k - 1));
        // "Perth-based Pilbara Minerals", "London-listed Glencore": a firm after its seat or its market.
        let firm_seat = {
            let (a, b) = run.parts[0];
            b > a
                && matches!(
                    t.s(b),
                    "based" | "listed" | "headquartered" | "registered" | "owned" | "controlled"
                )
        };
        // "Harvard-educated Amara Okafor", "U.S.-born Jane Doe": a first part that ends in a lowercase word is a
        // modifier, no part of the name.
        if !firm_seat && run.parts.len() >= 2 {
            let (a, b) = run.parts[0];
            if b > a
                && cx.is_hyphen(b - 1)
                && t.get(b)
                    .is_some_and(|x| x.kind == TokKind::Word && !x.cap())
            {
                run.parts.remove(0);
                run.first = run.parts[0].0;
            }
        }
        if run.org
            || firm_seat
            || org_continues
            || ampersand
            || before_title
            || score_line_team(cx, run.first, run.last)
        {
            vetoed[run.first..=run.last]
                .iter_mut()
                .for_each(|v| *v = true);
            i = next;
            spare = run.parts;
            continue;
        }
        let n = run.parts.len();
        // (Asked only where it decides: of a one-part run, only after "the".)
        let first_given = |run: &Run| {
            let (a, b) = run.parts[0];
            // A hyphenated given name counts by its first half ("Frank-Juergen", "Jean-Pierre").
            let head = t.s(a);
            // (No given name has one letter: a lone capital is an initial or a model letter, "C-130J Super".)
            !cx.stop(a)
                && head.chars().nth(1).is_some()
                && (lex
                    .given
                    .contains(&t.text[t.toks[a].start()..t.toks[b].end()])
                    || (b > a && lex.given.contains(head)))
        };
        // A title word that starts a widely known person's name is part of it ("Sheikh Hasina").
        let named_title = run.first >= 1
            && cx.title_word(run.first - 1)
            && !t.toks[run.first].line_start()
            && lex
                .notable_full
                .contains(&t.text[t.toks[run.first - 1].start()..t.toks[run.last].end()]);
        let first = if named_title {
            run.first - 1
        } else {
            run.first
        };
        let title = title_before(cx, first, buf);
        let family_first = n >= 2
            && lex.family_first.contains_at(t, run.parts[0].0)
            && run.parts[0].0 == run.parts[0].1;
        // "at D.A. Davidson", "in Deir al-Balah": after these prepositions initials and particles are a firm's or a
        // place's as often as a person's, and count as no evidence.
        let place_slot =
            run.first >= 1 && matches!(t.bytes_at(run.first - 1), b"in" | b"at" | b"near");
        let person = if named_title
            || (n <= 4 && n > run.initials && sports_slot(cx, run.first, run.last))
            || ((2..=4).contains(&n) && n > run.initials && credit_slot(cx, run.first))
            || (n <= 3 && run.initials == 0 && name_slot(cx, run.first))
        {
            true
        } else if the_before(cx, run.first) && (!first_given(&run) || plural_end(cx, run.last)) {
            // "the Florida Marlins", "the San Diego Padres", "the Vancouver Sun": an article makes a team, a paper, a
            // place. ("the Marc Dutroux case": a given name and a surname that is no plural stay a person.)
            false
        } else if cx.headline(run.first) {
            n == 2 && n > run.initials && (first_given(&run) || title.is_some())
                || country_in_parens(cx, run.last)
        } else {
            match title {
                Some((_, TitleClass::Honorific)) => true,
                // Particles do not count toward the length ("President Luiz Inácio Lula da Silva").
                Some((_, TitleClass::Role | TitleClass::Occupation)) => {
                    n.saturating_sub(run.particles) <= 4
                }
                _ => {
                    n >= 2
                        && n > run.initials
                        && n.saturating_sub(run.initials + run.particles) <= 4
                        && (first_given(&run)
                            || family_first
                            || (!place_slot
                                && (run.middle_initial
                                    || run.initials >= 2
                                    || (run.initials >= 1 && !t.toks[run.first].line_start())
                                    || run.has_particle))
                            || relation_before(cx, run.first, buf)
                            || verb_before(cx, run.first, buf)
                            || role_comma_before(cx, run.first, buf)
                            || of_country_after(cx, run.last)
                            || (n <= 3
                                && lex
                                    .notable_full
                                    .contains(part_text(t, (run.first, run.last))))
                            || evidence_after(cx, run.last, buf))
                        || country_in_parens(cx, run.last)
                        || (n == 1 && run.initials == 0 && age_after(cx, run.last))
                }
            }
        };
        {
            let honorific = matches!(title, Some((_, TitleClass::Honorific)));
            // A title keeps its text for the tooltip, abbreviation period included ("Sen.").
            let title = title.map(|(s, _)| t.toks[s].start()..t.toks[first - 1].end());
            cands.push((
                Found {
                    first,
                    last: run.last,
                    parts: n + usize::from(named_title),
                    title,
                    honorific,
                },
                person,
            ));
        }
        i = next;
        spare = run.parts;
    }
    // A two-word name without evidence whose surname stands alone elsewhere with evidence of its own ("Ryne Sandberg
    // homered … , said Sandberg", "Mr Sandberg") is a person: the text vouches for the name. Companies speak alone too
    // ("Boeing said"), but their names seldom end in the word they speak as. (Not at a sentence's start, where any word
    // is capitalised: "Joining Chang …".)
    promote_by_surname(cx, &mut cands, buf);
    // Lists: a two- or three-part name next to a person in a list ("Mark Calcavecchia, Payne Stewart, Billy Mayfair")
    // is a person too. One sweep each way carries the evidence along the whole list.
    // A role in brackets may stand between them ("Wasim Akram ( captain ) , Moin Khan").
    let in_list = |a: &Found, b: &Found| -> bool {
        let sep = if cx.is_punct(a.last + 1, "(")
            && cx.word(a.last + 2)
            && !t.toks[a.last + 2].cap()
            && cx.is_punct(a.last + 3, ")")
        {
            a.last + 4
        } else {
            a.last + 1
        };
        b.first == sep + 1
            && matches!(t.str_at(sep), "," | ";" | "and" | "&")
            && !cx.headline(a.first)
            && (2..=3).contains(&b.parts)
    };
    for k in 1..cands.len() {
        if cands[k - 1].1 && !cands[k].1 && in_list(&cands[k - 1].0, &cands[k].0) {
            cands[k].1 = true;
        }
    }
    // (Backwards, not from a place's slot: "In Addis Ababa, Tigist Alemayehu, a teacher, said".)
    let place_slot = |a: &Found| {
        a.first >= 1
            && matches!(
                t.str_at(a.first - 1),
                "in" | "In" | "at" | "At" | "near" | "Near"
            )
    };
    for k in (1..cands.len()).rev() {
        if cands[k].1
            && !cands[k - 1].1
            && !place_slot(&cands[k - 1].0)
            && (2..=3).contains(&cands[k - 1].0.parts)
            && in_list(&cands[k - 1].0, &cands[k].0)
        {
            cands[k - 1].1 = true;
        }
    }
    let found: Vec<Found> = cands.into_iter().filter(|c| c.1).map(|c| c.0).collect();
    (found, vetoed)
}

/// Finds the people.
pub fn find(
    t: &Tokens,
    countries: &[CountryMention],
    figures: &[Figure],
    _quotes: &[Range<usize>],
) -> People {
    let lex = lexicon();
    let mut f = vec![0u8; t.len()];
    mark_ranges(
        t,
        countries.iter().map(|c| c.range.clone()),
        &mut f,
        COUNTRY | BLOCKED,
    );
    mark_ranges(t, figures.iter().map(|f| f.range.clone()), &mut f, BLOCKED);
    let cx = Ctx::new(t, lex, f);
    let mut buf = String::new();

    // Pass 1: names with evidence.
    let (found, vetoed) = names_with_evidence(&cx, &mut buf);

    // Entities for multi-part names, keyed by canonical text.
    let mut people = People::default();
    // (The maps are made at their size: a key or two for each name, a few for some.)
    let n = found.len();
    // The canonical name of each found name of two parts or more (the others are no entity here), made once for the
    // map below and for pass 2.
    let names: Vec<Cow<str>> = (found.iter())
        .map(|f| match f.parts {
            2.. => canonical_name(t, f.first, f.last),
            _ => Cow::Borrowed(""),
        })
        .collect();
    // (Values as in `keys`, so that both maps share one copy of the map's code.)
    let mut by_name: Map<&str, Option<usize>> = sized(n);
    // The entity of each found name of two parts or more (`usize::MAX` for the others).
    let mut entity_of: Vec<usize> = vec![usize::MAX; n];
    // Sieves before the maps that every capitalised word of pass 2 is looked up in (most are in none): each key put
    // in a map is put in its sieve too.
    // (`starts` has two: of the first token, and of the first two (see [`pair_sig`]), asked if the first passes; a text
    // naming many people passes many first words, one naming many with the same given name fewer pairs.)
    let (mut key_bits, mut start_bits, mut given_bits) = (Bits::new(), Bits::new(), Bits::new());
    let mut pair_bits = Bits::new();
    let mut keys: Map<&str, Option<usize>> = sized(n);
    // Stem of a surname key (see `variant_stem`) -> entity (None: two people share it).
    let mut stems: Map<&str, Option<usize>> = sized(n); // surname/first-part key -> entity (None: ambiguous)
                                                        // Surname key -> its bearers' group in `recency` (every entity the key names).
    let mut sharing: Map<&str, usize> = sized(n);
    let mut recency = Recency::default();
    // First two token texts -> entities (every multi-part name has at least two tokens). Keyed by two tokens, not one,
    // so that a text naming many people with the same given name does not compare each mention with all of them.
    let mut starts: Map<(&str, &str), Few> = sized(n);
    // Entity -> the tokens of its full name where it first stands, first and last (for re-matching full names).
    let mut tokens_of: Vec<(usize, usize)> = Vec::new();
    let mut named_at: Vec<usize> = Vec::new(); // entity -> where its full name first stands (byte offset)
                                               // Surname key -> its bearers, for a key two of them share (see `principal`).
    let mut owners: Map<&str, Owners> = sized(n);
    // Given name (a multi-part name's first word) -> entity (None: two people share it).
    let mut given_of: Map<&str, Option<usize>> = sized(n);
    for ((f, name), entity) in found.iter().zip(&names).zip(&mut entity_of) {
        if f.parts < 2 {
            continue;
        }
        let e = by_name
            .entry(name)
            .or_insert(Some(people.entities.len()))
            .unwrap_or_default();
        *entity = e;
        if e < people.entities.len() {
            continue;
        }
        people.entities.push(PersonEntity {
            name: name.to_string(),
            title: None,
        });
        tokens_of.push((f.first, f.last));
        named_at.push(t.toks[f.first].start());
        push_few(&mut starts, (t.s(f.first), t.str_at(f.first + 1)), e);
        let first_sig = sig(t.bytes_at(f.first));
        start_bits.set(first_sig);
        pair_bits.set(pair_sig(first_sig, sig(t.bytes_at(f.first + 1))));
        // Surname: the last part ("Putin", "Ben-Gvir"); after a particle also the bare last word ("Assad").
        let (ls, le) = last_part(&cx, f.first, f.last);
        // An initial is no surname ("Thomas S", "Dieter U." of a name cut short): a lone letter is no key.
        if le > ls || t.s(ls).chars().count() > 1 {
            let key = &t.text[t.toks[ls].start()..t.toks[le].end()];
            insert_key(&mut keys, (&mut sharing, &mut recency), key, e, &named_at);
            key_bits.insert(key);
            // "Zelenskyy" is written "Zelensky" too: the spelling without the doubled last letter is a key as well.
            let single = undoubled(key);
            if single.len() < key.len() {
                keys.entry(single).or_insert(Some(e));
                key_bits.insert(single);
            }
            // "Peskov" written "Peskow", "Zelensky" "Zelenskiy": the stem before a final v/w/y/i.
            for k in [key, single] {
                if let Some(stem) = variant_stem(k) {
                    stems
                        .entry(stem)
                        .and_modify(|v: &mut Option<usize>| {
                            if *v != Some(e) {
                                *v = None;
                            }
                        })
                        .or_insert(Some(e));
                }
            }
        }
        if le > ls && (cx.particle(ls) || cx.particle(ls.saturating_sub(1))) {
            insert_key(
                &mut keys,
                (&mut sharing, &mut recency),
                t.s(le),
                e,
                &named_at,
            );
            key_bits.insert(t.s(le));
        }
        // Family name first ("Xi Jinping"): a short first part that is not a given name.
        let fs = t.s(f.first);
        let korean_style =
            f.last >= 2 && cx.is_hyphen(f.last - 1) && !t.toks[f.last].cap() && t.touch(f.last - 1);
        let fs_given = lex.given.contains(fs);
        if lex.family_first.contains(fs)
            || korean_style
            || (!fs_given && !cx.initial(f.first) && fs.chars().count() <= 4)
        {
            keys.entry(fs).or_insert(Some(e));
            key_bits.insert(fs);
        }
        // The bearers of each surname key (see `principal`).
        let notable = lex.notable_full.contains(&people.entities[e].name);
        // Introduced as someone's relative ("her son, Miguel Ferreira", "his wife Naina Yeltsin").
        let relative = relative_before(&cx, f.first, &mut buf);
        note_owner(
            &mut owners,
            &t.text[t.toks[ls].start()..t.toks[le].end()],
            e,
            relative,
            notable,
        );
        if le > ls && (cx.particle(ls) || cx.particle(ls.saturating_sub(1))) {
            note_owner(&mut owners, t.s(le), e, relative, notable);
        }
        // The given name, for a mention by it alone ("Amara").
        if ls > f.first && fs_given && !cx.initial(f.first) && !cx.particle_any_case(f.first) {
            given_bits.insert(fs);
            given_of
                .entry(fs)
                .and_modify(|v| {
                    if *v != Some(e) {
                        *v = None;
                    }
                })
                .or_insert(Some(e));
        }
        // The part a widely known person goes by ("Lula" of "Luiz Inácio Lula da Silva").
        for k in f.first + 1..f.last {
            if cx.word(k) && lex.notable.contains_at(t, k) {
                keys.entry(t.s(k)).or_insert(Some(e));
                key_bits.insert(t.s(k));
            }
        }
    }

    // Pass 2: every mention, in text order: pass-1 names, full-name repeats, and surname keys.
    let mut fi = 0;
    let mut i = 0;
    let mut single: Map<String, usize> = Map::default();
    // Where each named entity was last mentioned: a later mention by surname or repeat must come within KEY_REACH of it.
    recency.last = named_at.clone();
    let no_keys: Map<&str, Option<usize>> = Map::default();
    let near = |last_seen: &[usize], e: usize, at: usize| {
        last_seen
            .get(e)
            .is_none_or(|&seen| at.abs_diff(seen) <= KEY_REACH)
    };
    // "Prince Harry" … "Harry": a one-part name an honorific introduced is a key too, unless a full name claims it.
    for f in found.iter().filter(|f| f.parts == 1 && f.honorific) {
        let word = t.s(f.first);
        if !keys.contains_key(word) {
            let e = resolve_single(&mut people, &keys, &mut single, word);
            keys.insert(word, Some(e));
            key_bits.insert(word);
        }
    }
    while i < t.len() {
        // A pass-1 name starting here.
        while fi < found.len() && found[fi].first < i {
            fi += 1;
        }
        // Below, a token that is neither capitalised nor in capitals, and starts no pass-1 name, is passed over: they
        // are skipped at once, searching the flags.
        let stop = found.get(fi).map_or(t.len(), |f| f.first);
        if let Some(upto) = cx.f.get(..stop) {
            i = next_with(upto, i, UPPER);
            if i >= t.len() {
                break;
            }
        }
        if let Some(f) = found.get(fi).filter(|f| f.first == i) {
            let range = t.toks[f.first].start()..t.toks[f.last].end();
            let e = if f.parts >= 2 {
                // A two-part family name of someone named in full ("Le Maire" of "Bruno Le Maire") is that person.
                let name = names.get(fi).map_or("", |n| n);
                match key_bits.may(name).then(|| keys.get(name)).flatten() {
                    Some(&Some(full)) => Some(full),
                    _ => entity_of.get(fi).copied(),
                }
            } else {
                None
            };
            let e = e
                .or_else(|| {
                    let name = &t.text[range.clone()];
                    matches!(keys.get(name), Some(None))
                        .then(|| principal(&owners, &named_at, name, range.start))
                        .flatten()
                })
                .unwrap_or_else(|| {
                    resolve_single(&mut people, &keys, &mut single, &t.text[range.clone()])
                });
            if let (Some(title), None) = (&f.title, &people.entities[e].title) {
                people.entities[e].title = Some(t.text[title.clone()].to_string());
            }
            recency.seen(e, range.start);
            people.mentions.push(PersonMention { range, entity: e });
            i = f.last + 1;
            continue;
        }
        if vetoed[i] {
            i += 1;
            continue;
        }
        // A surname that is also a title word ("Son" of "Masayoshi Son", "Major") is a mention where a person's slot
        // follows: an age ("Son, 67,") or a speech verb ("Major said").
        if t.toks[i].cap()
            && !t.toks[i].all_caps()
            && !cx.blocked(i)
            && (i == 0 || !t.touch(i - 1))
            && cx.title_word(i)
            && (age_after(&cx, i)
                || (cx.word(i + 1) && cx.lex.verbs.contains_lower_at(t, i + 1, &mut buf)))
        {
            if let Some(&Some(e)) = keys.get(t.s(i)) {
                if near(&recency.last, e, t.toks[i].start()) {
                    recency.seen(e, t.toks[i].start());
                    people.mentions.push(PersonMention {
                        range: t.toks[i].start()..t.toks[i].end(),
                        entity: e,
                    });
                    i += 1;
                    continue;
                }
            }
        }
        if !cx.name_word(i) {
            // (`caps_mention` wants an ALL-CAPS word on a headline line: the flags first, for the many other tokens.)
            if let Some((first, e)) = (t.toks[i].all_caps() && cx.headline(i))
                .then(|| caps_mention(&cx, i, &keys, (&tokens_of, &named_at), &mut buf))
                .flatten()
            {
                let e = e.unwrap_or_else(|| {
                    let name = buf.clone();
                    resolve_single(&mut people, &keys, &mut single, &name)
                });
                people.mentions.push(PersonMention {
                    range: t.toks[first].start()..t.toks[i].end(),
                    entity: e,
                });
            }
            i += 1;
            continue;
        }
        // (The word's signature, for the sieves here and below.)
        let sig_i = sig(t.bytes_at(i));
        // A whole known name again (e.g. in a headline).
        if let Some(cands) = (start_bits.has(sig_i)
            && pair_bits.has(pair_sig(sig_i, sig(t.bytes_at(i + 1)))))
        .then(|| starts.get(&(t.s(i), t.str_at(i + 1))))
        .flatten()
        {
            if let Some((e, len)) = cands.as_slice().iter().find_map(|&e| {
                let (a, b) = tokens_of[e];
                let len = b - a + 1;
                // (Token texts compared as bytes; past the end of the text `bytes` is empty, and no token is.)
                let ok = (0..len).all(|k| t.bytes_at(i + k) == t.bytes_at(a + k))
                    && (1..len).all(|k| !t.toks[i + k].line_start())
                    && near(&recency.last, e, t.toks[i].start());
                ok.then_some((e, len))
            }) {
                recency.seen(e, t.toks[i].start());
                people.mentions.push(PersonMention {
                    range: t.toks[i].start()..t.toks[i + len - 1].end(),
                    entity: e,
                });
                i += len;
                continue;
            }
        }
        // A surname (or family name) alone. Not when another capitalised name word is glued on by a space:
        // "Trump Tower", "Melania Trump" are other things.
        let mut end = cx.unit_end(i);
        // A family name with a capitalised particle ("Le Maire", "Van Noten", "Al Kaabi").
        // (The flag and the neighbour first: most name words have no name word after them.)
        if cx.name_word(i + 1) && !t.touch(i) && cx.particle_any_case(i) {
            let longer = cx.unit_end(i + 1);
            if keys.contains_key(&t.text[t.toks[i].start()..t.toks[longer].end()]) {
                end = longer;
            }
        }
        let key = &t.text[t.toks[i].start()..t.toks[end].end()];
        let at = t.toks[i].start();
        // (The key's signature, for the sieves and sets below: made once; a key of one token is that token.)
        let h = if end == i { sig_i } else { sig(key.as_bytes()) };
        // A key of a person named far off (see KEY_REACH) counts as no key at all; a key two people share names the
        // one of them named near, if only one is.
        // (Whether the key itself is one is asked again below: the answer is kept. Every key is in `key_bits`.)
        let direct = key_bits.has(h).then(|| keys.get(key)).flatten();
        let (far, near_key) = match direct
            .or_else(|| {
                // (`undoubled` gives most keys back as they are: looked up again only when it cut a letter.)
                let single = undoubled(key);
                (single.len() < key.len())
                    .then(|| keys.get(single))
                    .flatten()
            })
            .or_else(|| variant_stem(key).and_then(|s| stems.get(s)))
        {
            Some(&Some(e)) if !near(&recency.last, e, at) => (true, None),
            Some(&None) => match sharing.get(key).map(|&g| recency.close(g, at, &named_at)) {
                None | Some([None, _]) => (true, None),
                Some([Some(e), None]) => (false, Some(Some(e))),
                Some(_) => (false, Some(None)),
            },
            k => (false, k.copied()),
        };
        // (`Some(None)` here is `key` itself ambiguous in `keys`, as `principal` wants: only such a key has a group in
        // `sharing`.)
        let known = near_key
            .map(|k| k.or_else(|| principal(&owners, &named_at, key, at)))
            .or_else(|| {
                // A widely known public figure's family name alone ("Biden"): a person, named as the text writes it.
                lex.notable.contains_sig(h, key.as_bytes()).then_some(None)
            })
            .or_else(|| {
                // A given name alone, of the one person named in full before with that given name ("Amara").
                match given_bits.has(h).then(|| given_of.get(key)).flatten() {
                    Some(&Some(e))
                        if end == i
                            && named_at[e] < at
                            && lex.given.contains(key)
                            && given_alone(&cx, i) =>
                    {
                        Some(Some(e))
                    }
                    _ => None,
                }
            });
        if let Some(k) = known {
            // In a Title Case headline every word is capitalised: neighbours say nothing there.
            let joins = |k: usize| !cx.headline(i) && cx.name_word(k) && !vetoed[k] && !cx.stop(k);
            let joined_before = i > 0 && !t.touch(i - 1) && !t.toks[i].line_start() && joins(i - 1);
            let joined_after = !t.touch(end)
                && !t.toks.get(end + 1).is_some_and(|x| x.line_start())
                && joins(end + 1);
            // A surname two people share is a mention only with evidence of its own ("Khan said").
            // (Looked for only when the word stands alone: the search for evidence is the costly part.)
            let evident = |buf: &mut String| {
                k.is_some()
                    || (lex.notable.contains_sig(h, key.as_bytes()) && (far || direct.is_none()))
                    || title_before(&cx, i, buf).is_some()
                    || evidence_after(&cx, end, buf)
            };
            if !joined_before && !joined_after && evident(&mut buf) {
                let e = match k {
                    Some(e) => {
                        recency.seen(e, at);
                        e
                    }
                    // (Not the entity of a far-off full name the key names: see KEY_REACH.)
                    None => resolve_single(&mut people, &no_keys, &mut single, key),
                };
                // Initials before a known surname belong to the mention ("M. Butcher").
                let mut first = i;
                while first >= 2 && cx.initial(first - 2) && !t.touch(first - 1) {
                    first -= 2;
                }
                people.mentions.push(PersonMention {
                    range: t.toks[first].start()..t.toks[end].end(),
                    entity: e,
                });
                // "their two sons, Miguel and Tomás": a given name joined by "and" to one that names a person here is
                // a person too, by that name alone, when nobody named in full has it.
                let n = end + 2;
                let by_given = direct.is_none() && given_bits.has(h) && given_of.contains_key(key);
                if by_given
                    && t.str_at(end + 1) == "and"
                    && cx.name_word(n)
                    && cx.unit_end(n) == n
                    && !keys.contains_key(t.s(n))
                    && !given_of.contains_key(t.s(n))
                    && !cx.stop(n)
                    && lex.given.contains(t.s(n))
                    && given_alone(&cx, n)
                {
                    let e = resolve_single(&mut people, &keys, &mut single, t.s(n));
                    people.mentions.push(PersonMention {
                        range: t.toks[n].start()..t.toks[n].end(),
                        entity: e,
                    });
                    i = n + 1;
                    continue;
                }
            }
        }
        i = end + 1;
    }
    people
}

/// How far (bytes) from a person's last mention a surname alone (or the full name again, without evidence of its own)
/// still names them: some fifteen hundred words since the person was last named, more than a story leaves a person
/// unmentioned. Past it, in a digest of many stories pasted whole, the same word is more often something else ("Paris"
/// of "Alexander Paris", then the city) or another person ("Clinton" of "Hillary Clinton", then of "Bill Clinton").
const KEY_REACH: usize = 10000;

/// Where each named entity was last mentioned (`last`: a later mention by surname must come within [`KEY_REACH`] of
/// it), and for each surname key the bearers that may be within reach of the point pass 2 has come to.
///
/// A key many people bear ("Aaron Smith", "Abby Smith", ... each then "Smith") would otherwise have every mention of
/// it look at every bearer, which grows with the square of the text. Pass 2 reads the text in order, so:
/// - a bearer last seen more than KEY_REACH before one mention is out of reach of every later one until it is seen
///   again: [`Recency::close`] drops it from its group's `active` list, and [`Recency::seen`] puts it back;
/// - a bearer whose full name stands more than KEY_REACH further on joins `active` only when the text comes that
///   close (a group's bearers are in order of their full names: [`Recency::join`] checks it).
///
/// Every bearer within reach is therefore in `active`, and a mention looks at the ones it drops plus at most two.
#[derive(Default)]
struct Recency {
    last: Vec<usize>,
    groups: Vec<Group>,
    /// Entity -> the groups it bears (at most two: its surname key and, after a particle, its last word), each with
    /// whether the entity is in that group's `active` list.
    member: Vec<[Option<(usize, bool)>; 2]>,
}

/// The bearers of one surname key (see [`Recency`]).
#[derive(Default)]
struct Group {
    /// In order of first mention of their full names.
    all: Vec<usize>,
    /// `all[..next]` have been let into `active`.
    next: usize,
    active: Vec<usize>,
    /// The mention asked about last: asked about an earlier one, or with bearers out of order, the group is searched
    /// whole (as it would be without this bookkeeping).
    at: usize,
    whole: bool,
}

impl Recency {
    /// Adds entity `e` (its full name at `named_at[e]`) to the bearers of group `g`.
    fn join(&mut self, g: usize, e: usize, named_at: &[usize]) {
        let Some(group) = self.groups.get_mut(g) else {
            return;
        };
        if group.all.last() == Some(&e) {
            return;
        }
        let at = |e: Option<&usize>| e.and_then(|&e| named_at.get(e)).copied();
        if at(group.all.last()) > at(Some(&e)) {
            group.whole = true;
        }
        group.all.push(e);
        if self.member.len() <= e {
            self.member.resize(e + 1, [None; 2]);
        }
        match &mut self.member[e] {
            [slot @ None, _] | [_, slot @ None] => *slot = Some((g, false)),
            _ => group.whole = true,
        }
    }

    /// Entity `e` is mentioned at `at`.
    fn seen(&mut self, e: usize, at: usize) {
        if let Some(s) = self.last.get_mut(e) {
            *s = (*s).max(at);
        }
        for (g, active) in self.member.get_mut(e).into_iter().flatten().flatten() {
            if !*active {
                *active = true;
                if let Some(group) = self.groups.get_mut(*g) {
                    group.active.push(e);
                }
            }
        }
    }

    /// Up to two bearers of group `g` within reach of a mention at `at`; a third is not looked for.
    fn close(&mut self, g: usize, at: usize, named_at: &[usize]) -> [Option<usize>; 2] {
        let last = &self.last;
        let near = |e: usize| last.get(e).is_none_or(|&s| at.abs_diff(s) <= KEY_REACH);
        let Some(group) = self.groups.get_mut(g) else {
            return [None; 2];
        };
        let mut found = [None; 2];
        let mut n = 0;
        if group.whole || at < group.at {
            for &e in group.all.iter().filter(|&&e| near(e)).take(2) {
                found[n] = Some(e);
                n += 1;
            }
            return found;
        }
        group.at = at;
        let member = &mut self.member;
        let mut flag = |e: usize, g: usize, on: bool| {
            for (h, active) in member.get_mut(e).into_iter().flatten().flatten() {
                if *h == g {
                    let was = *active;
                    *active = on;
                    return was;
                }
            }
            on
        };
        while let Some(&e) = group.all.get(group.next) {
            if named_at
                .get(e)
                .is_some_and(|&n| n > at.saturating_add(KEY_REACH))
            {
                break;
            }
            group.next += 1;
            if !flag(e, g, true) {
                group.active.push(e);
            }
        }
        let mut j = 0;
        while n < 2 {
            let Some(&e) = group.active.get(j) else {
                break;
            };
            if near(e) {
                found[n] = Some(e);
                n += 1;
                j += 1;
            } else if last.get(e).is_some_and(|&s| s < at) {
                // Behind and out of reach: so for every later mention, until seen again.
                group.active.swap_remove(j);
                flag(e, g, false);
            } else {
                j += 1;
            }
        }
        found
    }
}

/// How far (bytes) from a person's full name an ALL-CAPS headline may mention them by surname: a long story's length.
const CAPS_REACH: usize = 6000;

/// An ALL-CAPS word in a headline line that is a known person's surname key or a widely known family name
/// ("SQUASH - HILL BRANDS JANSHER A CHEAT" after "Peter Hill"): the mention's first token (a given name in capitals
/// before it that matches the person's joins it) and the entity (None: a notable name not in the text, named as `buf`,
/// which holds the word in Title Case afterwards).
fn caps_mention(
    cx: &Ctx,
    i: usize,
    keys: &Map<&str, Option<usize>>,
    (tokens_of, named_at): (&[(usize, usize)], &[usize]),
    buf: &mut String,
) -> Option<(usize, Option<usize>)> {
    let t = cx.t;
    let tok = t.get(i)?;
    if tok.kind != TokKind::Word || !tok.all_caps() || !cx.headline(i) || cx.blocked(i) {
        return None;
    }
    let s = t.s(i);
    if s.len() < 3 || !s.is_ascii() {
        return None;
    }
    // Not a piece of a dotted abbreviation or a possessive ("U.S.", "SCHUMACHER'S" keeps only the name).
    if i > 0 && t.touch(i - 1) && matches!(t.str_at(i - 1), "." | "'" | "’") {
        return None;
    }
    buf.clear();
    buf.push_str(&s[..1]);
    buf.extend(s[1..].chars().map(|c| c.to_ascii_lowercase()));
    if cx.lex.stop.contains(buf.as_str()) || cx.lex.title_words.contains(buf.as_str()) {
        return None;
    }
    let e = match keys.get(buf.as_str()) {
        // A family name written first ("Hong" of "Hong Ying") is too often a place's first word ("HONG KONG").
        Some(&Some(e)) if tokens_of.get(e).map(|&(a, _)| t.s(a)) == Some(buf.as_str()) => {
            return None;
        }
        // The person must be named near the headline (its story), not in some other article pasted with it.
        Some(&Some(e)) => {
            let at = named_at.get(e).copied().unwrap_or(usize::MAX);
            if at.abs_diff(tok.start()) > CAPS_REACH {
                return None;
            }
            Some(e)
        }
        Some(None) => return None,
        None if cx.lex.notable.contains(buf.as_str()) => None,
        None => return None,
    };
    // "RANDALL CUNNINGHAM": the person's given name in capitals just before.
    let mut first = i;
    if let (Some(e), Some(p)) = (e, i.checked_sub(1)) {
        let caps_word = t
            .get(p)
            .is_some_and(|x| x.kind == TokKind::Word && x.all_caps());
        if caps_word && !t.touch(p) && !cx.blocked(p) {
            if let Some(given) = tokens_of.get(e).map(|&(a, _)| t.s(a)) {
                if t.s(p).eq_ignore_ascii_case(given) && t.s(p) != given {
                    first = p;
                }
            }
        }
    }
    Some((first, e))
}

/// The last part of the name `first..=last`: its final hyphen group, with a glued particle ("al-Assad").
fn last_part(cx: &Ctx, first: usize, last: usize) -> (usize, usize) {
    let mut s = cx.group_start(last).max(first);
    // "O’Brien": the prefix letter and apostrophe belong to the surname.
    if s >= first + 2
        && matches!(cx.t.str_at(s - 1), "’" | "'")
        && cx.t.touch(s - 1)
        && cx.t.touch(s - 2)
    {
        s -= 2;
    }
    // "al-Assad": group_start already took the particle if hyphen-glued; a spaced particle ("van der Leyen") too.
    while s > first && cx.particle_any_case(s - 1) && s - 1 > first {
        s -= 1;
    }
    (s, last)
}

/// The given name at `i` stands where a person's name does, not a place's or a team's that shares it ("to London",
/// "St Louis", "Bradford 4 2", "( Jerry ) Koosman", "Lawrence of Arabia"): not after a preposition, a capitalised word
/// or a bracket, and not before a number, a capitalised word, "of" or a bracket.
fn given_alone(cx: &Ctx, i: usize) -> bool {
    let t = cx.t;
    let before_ok = i == 0
        || t.toks[i].line_start()
        || match t.get(i - 1) {
            Some(p) if p.kind == TokKind::Word => {
                !p.cap()
                    && !matches!(
                        t.s(i - 1),
                        "to" | "from" | "for" | "of" | "at" | "in" | "on" | "by" | "near" | "into"
                    )
            }
            Some(_) => !matches!(t.s(i - 1), "(" | "["),
            None => true,
        };
    let after_ok = match t.get(i + 1) {
        Some(n) if !n.line_start() => match n.kind {
            TokKind::Word => !n.cap() && t.s(i + 1) != "of",
            TokKind::Number => false,
            _ => !matches!(t.s(i + 1), ")" | "]"),
        },
        _ => true,
    };
    before_ok && after_ok && !cx.blocked(i)
}

/// The people who bear one surname key, as far as [`principal`] needs them.
struct Owners {
    /// The first entity named with it.
    first: usize,
    /// Every later bearer was introduced as a relative ("her son, Miguel Ferreira").
    others_relatives: bool,
    /// The one bearer whose full name is a widely known person's (data/notable_people.txt), if exactly one is.
    notable: Option<usize>,
    notables: u8,
}

/// Notes entity `e` (introduced as a relative or not, widely known or not) as bearing surname `key`.
fn note_owner<'t>(
    owners: &mut Map<&'t str, Owners>,
    key: &'t str,
    e: usize,
    relative: bool,
    notable: bool,
) {
    let o = owners.entry(key).or_insert(Owners {
        first: e,
        others_relatives: true,
        notable: None,
        notables: 0,
    });
    if o.first != e && !relative {
        o.others_relatives = false;
    }
    if notable && o.notable != Some(e) {
        o.notable = Some(e);
        o.notables = o.notables.saturating_add(1);
    }
}

/// The person a surname two people share (`key`, ambiguous in pass 2's `keys`: the caller knows) means at byte `at`, if
/// the text makes it plain (else None: the surname stays ambiguous):
/// - the one widely known bearer ("Boris Yeltsin" beside "Naina Yeltsin", "Joe Biden" beside "Hunter Biden"), anywhere,
///   as the bare family name of a widely known person is that person even where the text gives no full name; or
/// - the first bearer, if named in full before `at` and every other came in as a relative ("her son, Miguel
///   Ferreira"): news calls relatives by their given names and keeps the bare surname for its subject.
fn principal(
    owners: &Map<&str, Owners>,
    named_at: &[usize],
    key: &str,
    at: usize,
) -> Option<usize> {
    let o = owners.get(key)?;
    let before = |e: usize| named_at.get(e).is_some_and(|&n| n < at);
    match o.notable {
        Some(e) if o.notables == 1 => Some(e),
        _ => (o.others_relatives && before(o.first)).then_some(o.first),
    }
}

/// A long surname that ends in a doubled "yy" or "ii" ("Zelenskyy"), without its last letter ("Zelensky"): a
/// transliteration written both ways. Any other word as it is.
fn undoubled(key: &str) -> &str {
    let b = key.as_bytes();
    match b {
        [.., x, y] if b.len() >= 7 && x == y && matches!(x, b'y' | b'i') => &key[..key.len() - 1],
        _ => key,
    }
}

/// A surname of at least six ASCII letters without a final v or w, or without up to two final y/i ("Peskov",
/// "Peskow" -> "Pesko"; "Zelensky", "Zelenskyy", "Zelenskiy" -> "Zelensk"): transliterations differ there, so two
/// keys with one stem of at least five letters name one person.
fn variant_stem(key: &str) -> Option<&str> {
    let b = key.as_bytes();
    // (The ending first: most words have none of these, and are told without a look at their other letters.)
    let n = match b {
        [.., b'v' | b'w'] => b.len() - 1,
        [.., b'i' | b'y', b'i' | b'y'] => b.len() - 2,
        [.., b'i' | b'y'] => b.len() - 1,
        _ => return None,
    };
    (b.len() >= 6 && n >= 5 && b.iter().all(u8::is_ascii_alphabetic)).then(|| &key[..n])
}

/// An empty map with room for `n` keys.
fn sized<K, V>(n: usize) -> Map<K, V> {
    Map::with_capacity_and_hasher(n, Default::default())
}

/// The indices a per-document map keeps for one key: most keys have one, which then takes no allocation.
enum Few {
    One(usize),
    Many(Vec<usize>),
}

impl Few {
    fn push(&mut self, x: usize) {
        match self {
            Few::One(one) => *self = Few::Many(vec![*one, x]),
            Few::Many(v) => v.push(x),
        }
    }

    fn as_slice(&self) -> &[usize] {
        match self {
            Few::One(one) => std::slice::from_ref(one),
            Few::Many(v) => v,
        }
    }
}

/// Adds `x` to the indices of `key` in `map`.
fn push_few<K: std::hash::Hash + Eq>(map: &mut Map<K, Few>, key: K, x: usize) {
    map.entry(key)
        .and_modify(|f| f.push(x))
        .or_insert(Few::One(x));
}

/// Makes `key` name entity `e`, or (named already for another) ambiguous; `sharing` keeps every entity of a key, as
/// a group of `recency`.
fn insert_key<'t>(
    keys: &mut Map<&'t str, Option<usize>>,
    (sharing, recency): (&mut Map<&'t str, usize>, &mut Recency),
    key: &'t str,
    e: usize,
    named_at: &[usize],
) {
    let g = *sharing.entry(key).or_insert_with(|| {
        recency.groups.push(Group::default());
        recency.groups.len() - 1
    });
    recency.join(g, e, named_at);
    keys.entry(key)
        .and_modify(|v| {
            if *v != Some(e) {
                *v = None;
            }
        })
        .or_insert(Some(e));
}

/// The entity for a one-word mention: the full-name entity its key names, or (unknown or ambiguous) an entity of its own.
fn resolve_single(
    people: &mut People,
    keys: &Map<&str, Option<usize>>,
    single: &mut Map<String, usize>,
    word: &str,
) -> usize {
    if let Some(Some(e)) = keys.get(word) {
        return *e;
    }
    if let Some(&e) = single.get(word) {
        return e;
    }
    let e = people.entities.len();
    people.entities.push(PersonEntity {
        name: word.to_string(),
        title: None,
    });
    single.insert(word.to_string(), e);
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the people of `text` have at each mention, in order.
    fn mention_names(text: &str) -> Vec<(String, String)> {
        let t = Tokens::new(text);
        let p = find(&t, &[], &[], &[]);
        p.mentions
            .iter()
            .map(|m| {
                (
                    text[m.range.clone()].to_string(),
                    p.entities[m.entity].name.clone(),
                )
            })
            .collect()
    }

    /// Trailing particles dropped from a run ("Jan van de la") are not counted among its particles: the length tests
    /// subtract that count from the number of parts (counted before the drop, this panicked on overflow in a debug
    /// build, and in release "Minister Jan" was no person).
    #[test]
    fn dropped_trailing_particles_are_not_counted() {
        for text in [
            "Minister Jan van de la left.",
            "Minister Jan van de la",
            "He met Dr Anna de la, then Ana van der.",
            "Officials said Pieter van der de la met Jan Smith van de.",
            "Officials said Anna Maria Luisa Carla Sofia van de met him.",
        ] {
            let names = mention_names(text);
            if text.starts_with("Minister") {
                assert_eq!(names, [("Jan".to_string(), "Jan".to_string())], "{text:?}");
            }
            // Five parts, no particle among them: too long for a name without evidence (with "van de" counted, 5 - 2
            // passed the length test).
            if text.contains("Sofia") {
                assert_eq!(names, [], "{text:?}");
            }
            assert!(
                names
                    .iter()
                    .all(|(m, _)| !m.ends_with(" la") && !m.ends_with(" de")),
                "{text:?}: {names:?}"
            );
        }
    }

    /// [`Recency::close`] answers as a search of every bearer would, on random texts' worth of bearers, mentions and
    /// questions in text order (bearers named ahead of the point, seen again after dropping out of reach, sharing
    /// two keys).
    #[test]
    fn recency_is_a_search_of_every_bearer() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..300 {
            let (n_groups, n_people) = (1 + next(3), 2 + next(12));
            let mut named_at: Vec<usize> = (0..n_people).map(|_| next(8 * KEY_REACH)).collect();
            if next(2) == 0 {
                named_at.sort_unstable();
            }
            let mut r = Recency::default();
            r.groups.resize_with(n_groups, Group::default);
            for e in 0..n_people {
                r.join(next(n_groups), e, &named_at);
                if next(4) == 0 {
                    r.join(next(n_groups), e, &named_at);
                }
            }
            r.last = named_at.clone();
            let mut at = 0;
            for _ in 0..200 {
                at += next(KEY_REACH / 2);
                if next(3) == 0 {
                    r.seen(next(n_people), at);
                }
                let g = next(n_groups);
                let last = r.last.clone();
                let near = |e: &usize| at.abs_diff(last[*e]) <= KEY_REACH;
                let expect: Vec<usize> = r.groups[g].all.iter().copied().filter(near).collect();
                let got = r.close(g, at, &named_at);
                match expect[..] {
                    [] => assert_eq!(got, [None, None]),
                    [e] => assert_eq!(got, [Some(e), None]),
                    _ => assert!(
                        got.iter().all(|e| e.is_some_and(|e| expect.contains(&e)))
                            && got[0] != got[1]
                    ),
                }
            }
        }
    }

    #[test]
    fn a_surname_reaches_only_so_far() {
        let filler = "The rain fell on the town all day. ".repeat(KEY_REACH / 30);
        let text = format!("Alexander Paris spoke. {filler}Later, Paris was quiet.");
        let names = mention_names(&text);
        assert_eq!(names.len(), 1, "{names:?}");
        let near = "Alexander Paris spoke. Later, Paris was quiet.";
        assert_eq!(mention_names(near).len(), 2);
    }

    #[test]
    fn a_shared_surname_names_the_one_named_near() {
        let filler = "The rain fell on the town all day. ".repeat(KEY_REACH / 30);
        let text =
            format!("Hillary Clinton spoke. {filler}Bill Clinton spoke. Later, Clinton left.");
        let names = mention_names(&text);
        let last = names.last().expect("mentions");
        assert_eq!(
            (last.0.as_str(), last.1.as_str()),
            ("Clinton", "Bill Clinton")
        );
        let both = "Hillary Clinton spoke. Bill Clinton spoke. Later, Clinton left.";
        // Both named near: the surname alone stays ambiguous (and without evidence of its own, no mention).
        let names = mention_names(both);
        assert!(
            names.iter().all(|n| n.0 != "Clinton" || n.1 == "Clinton"),
            "{names:?}"
        );
    }

    #[test]
    fn build_rs_keys_notable_names_with_these_particles() {
        let build = include_str!("../build.rs");
        let list = |src: &str| -> Vec<String> {
            let start = src
                .find("const PARTICLES: &[&str] = &[")
                .expect("PARTICLES")
                + 29;
            let end = start + src[start..].find("];").expect("end of PARTICLES");
            src[start..end]
                .split(',')
                .map(|p| p.trim().trim_matches('"').to_string())
                .filter(|p| !p.is_empty())
                .collect()
        };
        let ours: Vec<String> = PARTICLES.iter().map(|p| p.to_string()).collect();
        assert_eq!(list(build), ours);
        assert!(LEXICON.notable.contains("Sisi") && LEXICON.notable.contains("el-Sisi"));
    }

    #[test]
    fn particle_match_agrees_with_the_list() {
        for p in PARTICLES {
            assert!(is_particle(p.as_bytes()), "{p}");
            assert!(is_particle_any_case(p.to_uppercase().as_bytes()), "{p}");
        }
        for w in ["a", "alb", "Della", "dellas", "Le", "Émile", ""] {
            let listed = PARTICLES.contains(&w);
            assert_eq!(is_particle(w.as_bytes()), listed, "{w}");
            let any = PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w));
            assert_eq!(is_particle_any_case(w.as_bytes()), any, "{w}");
        }
    }
}
