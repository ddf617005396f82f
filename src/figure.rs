//! Figures: money, percent, count, duration, date and quantity, in digits or number words, with normalised values.
//!
//! One pass over the tokens. At each token that can start a figure (a number, a number word, a month name, a
//! currency sign or code) the recogniser reads forward a bounded number of tokens:
//!
//! - **dates**: a month with a day and/or a year ("Oct. 7, 2023", "February 2022", "December 31", "31 December 2004"),
//!   ISO and slashed dates ("2023-10-07", "10/07/2023"), decades ("1990s", "the ’90s"), and a bare year: a plain four-digit
//!   number 1900-2099 (1000-2100 after "in", "since" ...) that no unit or count noun ("2023 people") follows.
//! - **times of day**, only with digits ("10:30", "3 p.m.", "10am"): class date, unit "time", no value.
//! - a **number**: digits ("46,000", "1.7") or words ("forty-two", "two hundred", "a dozen", "Seventeen"), with an
//!   optional scale ("170 million", "$2bn", "£3m", "500 crore") and "and a half"; then what follows or precedes it
//!   decides the class: a currency sign, code or name → money (unit: ISO 4217); "%", "percent", "per cent" → percent;
//!   a time unit → duration ("20 years", "five-year", "16-year-old"); a measure → quantity ("5 km"); nothing → count.
//! - vague plurals ("hundreds", "tens of thousands", "several hundred") are counts with no value; "of" and a
//!   currency or unit after them gives that class instead ("millions of dollars").
//!
//! The span is the number with its scale, currency, percent word or sign and unit; qualifiers ("more than",
//! "at least", "approximately") stay outside it because the figure starts at the number.
//!
//! Rules that keep out what is not a figure:
//! - ordinals ("third", "1st", "twenty-first") and fractions ("two-thirds") are skipped;
//! - the lone word "one" is a pronoun or a label far more often than an amount ("one of the few", "phase one"), so it
//!   counts only with a unit, scale, currency or percent ("one year", "one million"), coordinated with a number ("one
//!   or two days", "one chance, maybe two"), or counting a group after a count ("12 members of one family");
//! - digits glued to letters ("G7", "MH17", "5G") or hyphened to a capitalised word ("Su-35", "F-16", "COVID-19"),
//!   and numbers after a label word ("phase 2", "Article 5", "No. 1") or right after a capitalised word inside a
//!   sentence ("Boeing 737", "Windows 11", "iPhone 16"; not a weekday or a month: "on Friday 20 people") are names,
//!   not amounts, and so are capitalised number words inside a sentence ("Group of Seven", "the Big Four"); but a
//!   tally out of another number after a team's name is an amount ("Fenerbahce 66 from 30"), and a number word after
//!   "of" and a hyphen is one ("best-of-five");
//! - five digits or more with no separator before a capitalised word are a catalogue number ("14738 Ferreira");
//! - numbered-list markers ("1." at the start of a line), fractions and ratios ("1/2", "24/7", "3:1"), phone-like
//!   runs of digit groups ("+44 20 7946 0958", "555-1234"), and numbers after "#", "+", "/", "@" are skipped.
//!
//! Choices where the guidelines leave room:
//! - an age written "16-year-old" is a duration of 16 years, and its span includes "-old"; "16 years old" spans
//!   "16 years". So is an age written as a bare number: "aged 23", "at age 5", "aged 19 to 26", and a number from 1 to
//!   120 between commas or parentheses right after a capitalised word ("Maria Gonzalez, 54, who", "Tom Smith (67)"),
//!   or after a comma at the end of an attribution ("said Jannik Sinner, 22."; the name may end in a hyphened lower-case
//!   part: "Cho Hun-hyun, 71,"); "at the age of 10"; after a noun for people and "under"/"over" ("children under
//!   two", data/number_words.tsv flag `agenoun`); and after a verb of a life event and "at", where the number closes
//!   the phrase ("died at 91", "graduating at 21,", "written at 87 with", flag `ageverb`).
//! - a vague plural right after a verb of spending is money with no unit ("pour billions into AI", flag `moneyverb`),
//!   and a bare number after a measured property and "of" is a quantity ("a body mass index of at least 35", flag
//!   `measure`).
//! - an exchange rate ("152.3 to the dollar") is money with no unit, and so is a later level of it in the same sentence
//!   after a word of movement ("could fall past 155 if").
//! - numbers in continental style are read too: "." grouping thousands and "," marking decimals ("€4,1 billion",
//!   "1.234.567"); a lone "." before exactly "000" groups thousands ("5.000 workers"), see [`dec`].
//! - "a day or two", "a mile or two": the number after "a"/"an", a unit and "or"/"to" takes that unit.
//! - "m" after digits is million ("£3m", "2.3m people"), never metres; "pounds" is money (GBP) only after a scale word
//!   ("5 million pounds") and a weight (lb) otherwise, and other ambiguous currency names ("won", "rand", "pesos")
//!   likewise need a scale word (data/currencies.tsv, flag `scale`).
//! - a day and month without a year ("December 31") and an ambiguous slashed date ("10/07/2023") keep what is certain:
//!   no value, or only the year.
//! - "percentage points" and "basis points" are class percent with those units.
//!
//! Coordination: a bare number joined by "and", "or", "to" or a dash to a figure with a unit takes that figure's class
//! and unit ("14 and seven years" → "14" is a duration in years; "3 to 5 percent" → "3" is a percent; "22 to 24
//! October" → "22" is a date).
//!
//! Values are exact where the text is: "1.7 billion" is computed as 17 × 10⁹ / 10 in integers ([`dec`]).

mod dec;
mod lexicon;

use std::ops::Range;

use crate::text::{TokKind, Tokens};
use crate::{FigureAttrs, FigureClass, Value};
use dec::Dec;
use lexicon::{lexicon, seq_of, Lex, Lexicon, Place, Role, Seq, Starts, UnitClass, What};

/// One figure in the text.
#[derive(Debug)]
pub struct Figure {
    pub range: Range<usize>,
    pub attrs: FigureAttrs,
}

/// Finds the figures, in text order, not overlapping.
pub fn find(toks: &Tokens) -> Vec<Figure> {
    let lx = lexicon();
    let mut out = Vec::new();
    let mut last = Last {
        end: usize::MAX,
        class: FigureClass::Count,
    };
    // The end of the last exchange rate ("152.3 to the dollar"), for the levels that follow it.
    let mut rate_end = usize::MAX;
    // The filter is asked at words and signs only: a text of digits alone needs no table.
    let starts = if toks.toks.iter().any(|t| t.kind != TokKind::Number) {
        lx.starts()
    } else {
        Starts::default()
    };
    let mut i = 0;
    loop {
        i = next_start(toks, starts, i);
        if i >= toks.len() {
            break;
        }
        let Some(mut c) = candidate(toks, lx, i, &last) else {
            i += 1;
            continue;
        };
        if c.bare {
            coordinate(toks, lx, &mut c);
        }
        if c.bare {
            unit_before(toks, lx, &mut c);
        }
        if c.bare {
            exchange_rate(toks, lx, &mut c);
        }
        if c.bare {
            measure_before(toks, lx, &mut c);
        }
        if c.bare
            && c.digits
            && (after_rate(toks, rate_end, c.start) || rate_level(toks, lx, rate_end, &c))
        {
            c.class = FigureClass::Money;
            c.bare = false;
        }
        if c.bare && is_age(toks, lx, &c) {
            c.class = FigureClass::Duration;
            c.unit = Some("year");
            c.bare = false;
        }
        if c.bare && !bare_is_figure(toks, lx, &c) {
            i += 1;
            continue;
        }
        let negative = minus_before(toks, &c);
        if negative {
            c.start -= 1;
        }
        let (Some(first), Some(lastt)) = (
            toks.get(c.start),
            c.end.checked_sub(1).and_then(|e| toks.get(e)),
        ) else {
            i += 1;
            continue;
        };
        let range = first.start()..lastt.end();
        let value = match c.date {
            Some(d) => Some(d),
            None => c
                .num
                .map(|d| Value::Number(if negative { -d.to_f64() } else { d.to_f64() })),
        };
        out.push(Figure {
            range,
            attrs: FigureAttrs {
                class: c.class,
                value,
                unit: c.unit,
            },
        });
        if c.class == FigureClass::Money && c.unit.is_none() && c.digits {
            rate_end = c.end;
        }
        last = Last {
            end: c.end,
            class: c.class,
        };
        i = c.end.max(i + 1);
    }
    out
}

/// The figure found last: its end token (exclusive) and class, for the rules about ranges ("2019-2020", "Oct. 7-8").
struct Last {
    end: usize,
    class: FigureClass,
}

/// A figure being read: tokens `start..end` and what it is.
#[derive(Clone, Debug)]
struct Cand {
    start: usize,
    end: usize,
    class: FigureClass,
    num: Option<Dec>,
    date: Option<Value>,
    unit: Option<&'static str>,
    /// A number with nothing after it (a count so far): subject to coordination and to the label rules.
    bare: bool,
    /// The number is the lone word "one".
    one: bool,
    /// Written in digits.
    digits: bool,
    /// The scale multiplier the number carries ("million"), if any.
    scale: Option<u128>,
}

impl Cand {
    fn date(start: usize, end: usize, date: Option<Value>, unit: Option<&'static str>) -> Cand {
        Cand {
            start,
            end,
            class: FigureClass::Date,
            num: None,
            date,
            unit,
            bare: false,
            one: false,
            digits: true,
            scale: None,
        }
    }
}

/// A number as read, before what follows it decides the class.
#[derive(Clone, Copy, Debug)]
struct Num {
    start: usize,
    end: usize,
    val: Option<Dec>,
    /// "hundreds", "several thousand": no exact value.
    vague: bool,
    digits: bool,
    one: bool,
    scale: Option<u128>,
    /// A plain four-digit number (no comma, no point): a possible year.
    year: Option<i32>,
    /// The table entry of the token after the number, once looked up: that token's index and its entry (see
    /// [`entry_at`]); what follows a number is asked about several times.
    after: Option<(usize, Option<&'static Lex>)>,
}

/// `lx.get(toks, k)`, taken from what `num` remembers when it looked `k` up already.
#[inline]
fn entry_at(toks: &Tokens, lx: &Lexicon, num: &Num, k: usize) -> Option<&'static Lex> {
    match num.after {
        Some((a, lex)) if a == k => lex,
        _ => lx.get(toks, k),
    }
}

/// The first token from `i` on at which [`candidate`] can find a figure (`toks.len()` if none): one loop that reads
/// each token once and rejects most cheaply (no hashing, no calls), where a test per token cost a call or three in
/// the wasm build. It asks what `candidate` asks first: a number; an apostrophe glued to a number
/// (`apostrophe_decade`, which needs that; no apostrophe has a table entry, so `money_prefix` finds nothing at one:
/// a test holds this); or a word or sign that both halves of [`Starts`] let through: one whose entry can start a
/// figure (every other word gets `None` there; `money_prefix` looks for a currency written first, which such an
/// entry has) or a decade of a life (`age_decade` reads no other word).
// (Out of line: inside `find` its loop kept less in registers.)
#[inline(never)]
fn next_start(toks: &Tokens, starts: Starts, i: usize) -> usize {
    let bytes = toks.text.as_bytes();
    let mut rest = toks.toks.get(i..).unwrap_or_default().iter();
    // (The index of the token `rest.next()` gave is `toks.len() - rest.len() - 1`: no count kept in the loop.)
    while let Some(t) = rest.next() {
        if t.kind == TokKind::Number {
            return toks.len() - rest.len() - 1;
        }
        let next = rest.as_slice().first();
        // A sign or apostrophe starts a figure only before a number: `apostrophe_decade` needs one, and `money_prefix`
        // needs one right after the currency row, which is that one token when it starts with a sign (a test holds
        // this). Most punctuation (a run of quotation marks) is passed here, before any filter.
        if t.kind == TokKind::Punct && next.is_none_or(|n| n.kind != TokKind::Number) {
            continue;
        }
        // The first filter, from the first and last bytes and the length, before the token's slice is made.
        let (Some(&first), Some(&last)) =
            (bytes.get(t.start()), bytes.get(t.end().wrapping_sub(1)))
        else {
            continue;
        };
        if !starts.pre_may(first, last, t.end().wrapping_sub(t.start())) {
            continue;
        }
        let s = bytes.get(t.start()..t.end()).unwrap_or_default();
        let may = if t.kind == TokKind::Punct && is_apostrophe(s) {
            next.is_some_and(|n| n.start() == t.end())
        } else {
            starts.fine_may(s)
        };
        if may {
            return toks.len() - rest.len() - 1;
        }
    }
    toks.len()
}

/// ' ’ ‘, as bytes.
fn is_apostrophe(s: &[u8]) -> bool {
    matches!(s, b"'" | b"\xE2\x80\x99" | b"\xE2\x80\x98")
}

/// The figure that starts at token `i`, if one does.
fn candidate(toks: &Tokens, lx: &Lexicon, i: usize, last: &Last) -> Option<Cand> {
    let t = toks.get(i)?;
    match t.kind {
        TokKind::Number => at_number(toks, lx, i, last),
        TokKind::Word => {
            if toks.bytes_at(i).ends_with(b"ties") {
                if let Some(c) = age_decade(toks, i) {
                    return Some(c);
                }
            }
            let lex = lx.get(toks, i)?;
            if lex.role == Some(Role::Month) {
                if let Some(c) = month_date(toks, lx, i, Some(lex)) {
                    return Some(c);
                }
            }
            // (What `money_prefix` and `read_words` would look up again first: a currency written before its
            // number, a number role.)
            let currency_first = lex.seqs().iter().any(|s| {
                matches!(
                    s.what,
                    What::Currency {
                        place: Place::Pre | Place::Both,
                        ..
                    }
                )
            });
            if currency_first {
                if let Some(c) = money_prefix_of(toks, lx, i, Some(lex)) {
                    return Some(c);
                }
            }
            let num = read_role(toks, lx, i, lex.role?)?;
            finish(toks, lx, &num)
        }
        TokKind::Punct => apostrophe_decade(toks, i).or_else(|| money_prefix(toks, lx, i)),
    }
}

/// The decades of a life, as words.
const DECADE_WORDS: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// "in her early eighties", "in his 80s", "their late twenties": a decade of someone's age, a duration in years with no
/// value. Only after a possessive (and "early", "mid", "late"): "the eighties" and "the 80s" name decades of a century.
fn age_decade(toks: &Tokens, i: usize) -> Option<Cand> {
    let s = toks.bytes_at(i);
    let end = match toks.get(i)?.kind {
        TokKind::Word
            if DECADE_WORDS
                .iter()
                .any(|w| s.eq_ignore_ascii_case(w.as_bytes())) =>
        {
            i + 1
        }
        TokKind::Number
            if s.len() == 2
                && s.ends_with(b"0")
                && !matches!(s, b"00" | b"10")
                && toks.touch(i)
                && toks.bytes_at(i + 1) == b"s"
                && !(toks.touch(i + 1) && toks.is_word(i + 2)) =>
        {
            i + 2
        }
        _ => return None,
    };
    let is = |k: usize, words: &[&str]| one_of(toks.bytes_at(k), words);
    let mut p = i.checked_sub(1)?;
    if is(p, &["early", "mid", "late"]) {
        p = p.checked_sub(1)?;
    }
    is(p, &["his", "her", "their", "my", "your", "our"]).then(|| Cand {
        start: i,
        end,
        class: FigureClass::Duration,
        num: None,
        date: None,
        unit: Some("year"),
        bare: false,
        one: false,
        digits: toks.get(i).is_some_and(|t| t.kind == TokKind::Number),
        scale: None,
    })
}

/// "the '90s", "the ’80s": an apostrophe, two digits ending in 0 and "s" (class date, no value, like "1990s").
fn apostrophe_decade(toks: &Tokens, i: usize) -> Option<Cand> {
    let d = toks.bytes_at(i + 1);
    let ok = is_apostrophe(toks.bytes_at(i))
        && !(i > 0 && toks.touch(i - 1) && toks.is_word(i - 1))
        && toks.touch(i)
        && toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Number)
        && d.len() == 2
        && d.ends_with(b"0")
        && toks.touch(i + 1)
        && toks.bytes_at(i + 2) == b"s"
        && !(toks.touch(i + 2) && toks.is_word(i + 3));
    ok.then(|| Cand::date(i, i + 3, None, None))
}

// ---------------------------------------------------------------------------------------------------------------
// Reading numbers

/// Reads the digits at `i` (a number token whose context allows it), with its scale.
fn read_digits(toks: &Tokens, lx: &Lexicon, i: usize) -> Option<Num> {
    read_digits_with(toks, lx, i, None)
}

/// [`read_digits`], with the entry of a token after it if already looked up.
fn read_digits_with(toks: &Tokens, lx: &Lexicon, i: usize, next: Option<Next>) -> Option<Num> {
    let s = toks.str_at(i);
    let val = Dec::parse(s)?;
    // (What `s.parse()` gives of four digits, without the general parser.)
    let year = if s.len() == 4 {
        digits_u32(s.as_bytes()).map(|y| y as i32)
    } else {
        None
    };
    let mut num = Num {
        start: i,
        end: i + 1,
        val: Some(val),
        vague: false,
        digits: true,
        one: false,
        scale: None,
        year,
        after: next.map(|n| (n.at, n.lex)),
    };
    with_half_and_scale(toks, lx, &mut num);
    Some(num)
}

/// Reads number words at `i`: "forty-two", "two hundred and fifty thousand", "a dozen", "half a million",
/// "hundreds", "tens of thousands", "several hundred".
fn read_words(toks: &Tokens, lx: &Lexicon, i: usize) -> Option<Num> {
    read_role(toks, lx, i, lx.role(toks, i)?)
}

/// [`read_words`] at a word whose role is known: `role`.
fn read_role(toks: &Tokens, lx: &Lexicon, i: usize, role: Role) -> Option<Num> {
    // A number word hyphened to a word before it ("year-one", "catch-twenty") is part of a name; not after "of"
    // ("best-of-five", a count of games).
    if i >= 2
        && toks.touch(i - 1)
        && toks.touch(i - 2)
        && is_dash(toks.bytes_at(i - 1))
        && toks.is_word(i - 2)
        && !toks.bytes_at(i - 2).eq_ignore_ascii_case(b"of")
    {
        return None;
    }
    let vague = |start: usize, end: usize, scale: Option<u128>| Num {
        start,
        end,
        val: None,
        vague: true,
        digits: false,
        one: false,
        scale,
        year: None,
        after: None,
    };
    match role {
        Role::Vague => {
            let tens = toks.bytes_at(i).eq_ignore_ascii_case(b"tens");
            let mut end = i + 1;
            // "hundreds of thousands (of millions)"
            while end < i + 2 * MAX_WORDS
                && toks.bytes_at(end).eq_ignore_ascii_case(b"of")
                && lx.role(toks, end + 1) == Some(Role::Vague)
                && !toks.bytes_at(end + 1).eq_ignore_ascii_case(b"dozens")
                && !toks.bytes_at(end + 1).eq_ignore_ascii_case(b"tens")
            {
                end += 2;
            }
            if tens && end == i + 1 {
                return None;
            }
            Some(vague(i, end, Some(1)))
        }
        Role::Few => {
            let end = scale_words_after(toks, lx, i + 1)?;
            Some(vague(i, end, Some(1)))
        }
        Role::Half => {
            // "half a million", "half a dozen"
            if !toks.bytes_at(i + 1).eq_ignore_ascii_case(b"a") {
                return None;
            }
            let r = lx.role(toks, i + 2)?;
            let m = lx.get(toks, i + 2).map(|l| l.value as u128)?;
            if !matches!(r, Role::Scale | Role::Hundred | Role::Dozen) {
                return None;
            }
            let val = Dec::int(m).mul(5).map(|d| Dec {
                mant: d.mant,
                frac: 1,
            });
            Some(Num {
                start: i,
                end: i + 3,
                val,
                vague: false,
                digits: false,
                one: false,
                scale: Some(m),
                year: None,
                after: None,
            })
        }
        Role::Article => match lx.role(toks, i + 1) {
            Some(Role::Few) => {
                let end = scale_words_after(toks, lx, i + 2)?;
                Some(vague(i, end, Some(1)))
            }
            Some(Role::Scale | Role::Hundred | Role::Dozen) => compose(toks, lx, i),
            _ => None,
        },
        Role::Unit | Role::Teen | Role::Ten => compose(toks, lx, i),
        _ => None,
    }
}

/// The most words one number is read over ("two hundred and fifty-three thousand four hundred and twelve" is 10):
/// a bound that keeps a run of number words from being re-read from each of its words.
const MAX_WORDS: usize = 16;

/// The end of the scale words after a vague multiplier ("several hundred thousand").
fn scale_words_after(toks: &Tokens, lx: &Lexicon, i: usize) -> Option<usize> {
    let mut end = i;
    while end < i + MAX_WORDS
        && matches!(
            lx.role(toks, end),
            Some(Role::Hundred | Role::Scale | Role::Dozen)
        )
    {
        end += 1;
    }
    (end > i).then_some(end)
}

/// Cardinal words from `i`: units, teens and tens ("forty-two" with its hyphen), "hundred", "dozen", scale words,
/// and "and" inside them ("two hundred and fifty"). "a" counts as one before a scale word.
fn compose(toks: &Tokens, lx: &Lexicon, i: usize) -> Option<Num> {
    let mut total: u128 = 0;
    let mut cur: u128 = 0;
    let mut last: Option<Role> = None;
    let mut after_and = false;
    let mut scale: Option<u128> = None;
    let mut j = i;
    let mut end = i;
    let mut words = 0;
    while let Some(role) = lx.role(toks, j).filter(|_| words < MAX_WORDS) {
        let v = lx.get(toks, j).map_or(0, |l| l.value) as u128;
        let ok = match role {
            Role::Unit | Role::Teen => match last {
                None => true,
                Some(Role::Ten) => role == Role::Unit && !after_and,
                Some(Role::Hundred | Role::Scale) => true,
                _ => false,
            },
            Role::Ten => matches!(last, None | Some(Role::Hundred | Role::Scale)),
            Role::Hundred | Role::Dozen => matches!(
                last,
                Some(Role::Unit | Role::Teen | Role::Ten | Role::Article)
            ),
            Role::Scale => {
                matches!(
                    last,
                    Some(
                        Role::Unit
                            | Role::Teen
                            | Role::Ten
                            | Role::Hundred
                            | Role::Dozen
                            | Role::Article
                    )
                )
            }
            Role::Article => last.is_none(),
            _ => false,
        };
        if !ok {
            break;
        }
        match role {
            Role::Unit | Role::Teen | Role::Ten => cur = cur.checked_add(v)?,
            Role::Hundred | Role::Dozen => cur = cur.checked_mul(v)?,
            Role::Scale => {
                total = total.checked_add(cur.checked_mul(v)?)?;
                cur = 0;
                scale = Some(scale.map_or(v, |s| s.min(v)));
            }
            _ => cur = 1,
        }
        last = Some(role);
        words += 1;
        end = j + 1;
        after_and = false;
        // What joins this word to the next: a hyphen inside "forty-two", "and" after "hundred" or a scale word.
        let next = j + 1;
        if role == Role::Ten && is_dash(toks.bytes_at(next)) && toks.touch(j) && toks.touch(next) {
            if lx.role(toks, next + 1) == Some(Role::Unit) {
                j = next + 1;
                continue;
            }
            break;
        }
        if matches!(role, Role::Hundred | Role::Scale)
            && toks.bytes_at(next).eq_ignore_ascii_case(b"and")
            && matches!(
                lx.role(toks, next + 1),
                Some(Role::Unit | Role::Teen | Role::Ten)
            )
        {
            after_and = true;
            j = next + 1;
            continue;
        }
        if toks.touch(j) {
            break;
        }
        j = next;
    }
    if words == 0 || last == Some(Role::Article) {
        return None;
    }
    let one = words == 1 && toks.bytes_at(i).eq_ignore_ascii_case(b"one");
    let val = Some(Dec::int(total.checked_add(cur)?));
    let mut num = Num {
        start: i,
        end,
        val,
        vague: false,
        digits: false,
        one,
        scale,
        year: None,
        after: None,
    };
    with_half_and_scale(toks, lx, &mut num);
    Some(num)
}

/// Extends a number with "and a half" and, for digits, a scale word or abbreviation ("170 million", "£3m", "$2 bn",
/// "$1.7-billion").
// (In place: `Num` is too large to pass and return by value cheaply.)
fn with_half_and_scale(toks: &Tokens, lx: &Lexicon, num: &mut Num) {
    let e = num.end;
    if num.scale.is_none()
        && toks.bytes_at(e).eq_ignore_ascii_case(b"and")
        && toks.bytes_at(e + 1).eq_ignore_ascii_case(b"a")
        && toks.bytes_at(e + 2).eq_ignore_ascii_case(b"half")
    {
        if let Some(v) = num.val.and_then(Dec::plus_half) {
            num.val = Some(v);
            num.end = e + 3;
            num.one = false;
        }
    }
    if num.scale.is_some() || (!num.digits && num.end == e) {
        return;
    }
    let e = num.end;
    let glued = toks.touch(e - 1);
    // The entry of the token after the number (which the caller may have looked up: `num.after`), kept for `suffix`
    // and `is_year`, which ask about it again; a word's (or sign's) entry gives its role, as `Lexicon::role` does.
    let lex_e = entry_at(toks, lx, num, e);
    num.after = Some((e, lex_e));
    let word_entry = |k: usize, lex: Option<&'static Lex>| {
        lex.filter(|_| toks.get(k).is_some_and(|t| t.kind != TokKind::Number))
    };
    let (role, at, lex) = match word_entry(e, lex_e).and_then(|l| l.role.map(|r| (r, l))) {
        Some((r, l)) => (r, e, l),
        None if is_dash(toks.bytes_at(e)) && glued && toks.touch(e) => {
            match word_entry(e + 1, lx.get(toks, e + 1)) {
                Some(l) if l.role == Some(Role::Scale) => (Role::Scale, e + 1, l),
                _ => return,
            }
        }
        None => return,
    };
    let ok = match role {
        Role::Scale => true,
        Role::Hundred | Role::Dozen => !glued,
        Role::Abbr => glued || toks.bytes_at(at).len() >= 2,
        _ => false,
    };
    if !ok {
        return;
    }
    let mut m = lex.value as u128;
    let mut end = at + 1;
    // A second scale word: "1.5 lakh crore", "5 hundred thousand".
    if role != Role::Abbr && !toks.touch(at) {
        let second = word_entry(end, lx.get(toks, end)).filter(|l| l.role == Some(Role::Scale));
        if let Some(m2) = second.and_then(|l| m.checked_mul(l.value as u128)) {
            m = m2;
            end += 1;
        }
    }
    if let Some(v) = num.val.and_then(|v| v.mul(m)) {
        num.val = Some(v);
        num.scale = Some(m);
        num.end = end;
        num.one = false;
        num.year = None;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers in digits

/// What a special form at a number token gave.
enum Form {
    Fig(Cand),
    /// Not a figure, and the number is not one either ("1/2", "3:1").
    Skip,
    /// Not this form; read the number normally.
    Other,
}

fn at_number(toks: &Tokens, lx: &Lexicon, i: usize, last: &Last) -> Option<Cand> {
    let year_only = match digit_context(toks, i, last) {
        Ctx::Skip => return None,
        Ctx::YearOnly => true,
        Ctx::Ok => false,
    };
    // (`age_decade` reads only two digits ending in 0 at a number.)
    let s = toks.bytes_at(i);
    if s.len() == 2 && s.ends_with(b"0") {
        if let Some(c) = age_decade(toks, i) {
            return (!year_only).then_some(c);
        }
    }
    // The table entry of the token after the number, looked up once: the forms below and `read_digits` ask about it.
    let next = Next {
        at: i + 1,
        lex: lx.get(toks, i + 1),
    };
    // One form at a time, in this order: the first that is one decides. Each is asked only when it can be one: the
    // dashed and slashed forms and a decade need the number glued to what follows (they give `Other` otherwise), a
    // day before a month one or two digits (`small_int`).
    let glued = toks.touch(i);
    let mut form = if glued {
        dashed_or_slashed(toks, i)
    } else {
        Form::Other
    };
    if matches!(form, Form::Other) {
        form = time_of_day(toks, lx, i, next);
    }
    if matches!(form, Form::Other) && s.len() <= 2 {
        form = day_month(toks, lx, i, next);
    }
    if matches!(form, Form::Other) && glued {
        form = decade(toks, i);
    }
    match form {
        Form::Fig(c) => return (!year_only || c.class == FigureClass::Date).then_some(c),
        Form::Skip => return None,
        Form::Other => {}
    }
    let num = read_digits_with(toks, lx, i, Some(next))?;
    let c = finish(toks, lx, &num);
    if year_only && c.as_ref().is_some_and(|c| c.class != FigureClass::Date) {
        return None;
    }
    c
}

/// A token's table entry, once looked up: `lex` is `lx.get(toks, at)`.
#[derive(Clone, Copy)]
struct Next {
    at: usize,
    lex: Option<&'static Lex>,
}

impl Next {
    /// `lx.get(toks, k)`, from this one when it is of token `k`.
    fn get(self, toks: &Tokens, lx: &Lexicon, k: usize) -> Option<&'static Lex> {
        if k == self.at {
            self.lex
        } else {
            lx.get(toks, k)
        }
    }
}

enum Ctx {
    Ok,
    Skip,
    /// After a lowercase word and a hyphen ("mid-2023"): only a year.
    YearOnly,
}

/// Whether the digits at `i` can be a figure, judging by what they are glued to.
fn digit_context(toks: &Tokens, i: usize, last: &Last) -> Ctx {
    let s = toks.bytes_at(i);
    // A numbered-list marker: "1." or "2)" opening a line.
    if toks.get(i).is_some_and(|t| t.line_start())
        && s.len() <= 2
        && toks.touch(i)
        && matches!(toks.bytes_at(i + 1), b"." | b")")
    {
        return Ctx::Skip;
    }
    // Digit groups in a row on one line are a phone or account number ("+44 20 7946 0958"), and so is "555-1234".
    let is_num = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Number);
    let same_line = |k: usize| toks.get(k).is_some_and(|t| !t.line_start());
    let free_num_before =
        i > 0 && is_num(i - 1) && !(i >= 2 && toks.touch(i - 2) && toks.is_word(i - 2));
    if (free_num_before && same_line(i)) || (is_num(i + 1) && same_line(i + 1) && !toks.touch(i)) {
        return Ctx::Skip;
    }
    if is_dash(toks.bytes_at(i + 1)) && toks.touch(i) && toks.touch(i + 1) && is_num(i + 2) {
        let b = toks.bytes_at(i + 2);
        if (s.len() == 3 && b.len() == 4) || (b.len() > 1 && b.starts_with(b"0")) {
            return Ctx::Skip;
        }
        // Three groups or more ("1-800-555-0199"), unless an ISO date ("2023-10-07", read as one).
        let iso = s.len() == 4 && b.len() == 2 && toks.bytes_at(i + 4).len() == 2;
        if toks.touch(i + 2)
            && toks.bytes_at(i + 3) == b"-"
            && toks.touch(i + 3)
            && is_num(i + 4)
            && !iso
        {
            return Ctx::Skip;
        }
    }
    if i == 0 || !toks.touch(i - 1) {
        return Ctx::Ok;
    }
    let p = i - 1;
    let prev = toks.bytes_at(p);
    match toks.get(p).map(|t| t.kind) {
        // "G7", "MH17", "A321"
        Some(TokKind::Word) | Some(TokKind::Number) => Ctx::Skip,
        _ if is_dash(prev) => {
            if p == 0 || !toks.touch(p - 1) {
                return Ctx::Ok;
            }
            match toks.get(p - 1) {
                // "Su-35", "F-16", "COVID-19"; "mid-2023" is a year.
                Some(w) if w.kind == TokKind::Word => {
                    if !w.cap() && plain_year(s).is_some() {
                        Ctx::YearOnly
                    } else {
                        Ctx::Skip
                    }
                }
                // A range "10-12", "2019-2020": only when the first number was a figure, and after a date only a year
                // ("Oct. 7-8" and "2023-24" add nothing).
                Some(n) if n.kind == TokKind::Number => {
                    if last.end == p && (last.class != FigureClass::Date || plain_year(s).is_some())
                    {
                        Ctx::Ok
                    } else {
                        Ctx::Skip
                    }
                }
                _ => Ctx::Ok,
            }
        }
        _ => match prev {
            b"/" | b"\\" | b":" | b"." | b"#" | b"+" | b"@" | b"_" | b"&" | b"=" | b"^" | b"~"
            | b"*" | b"|" => Ctx::Skip,
            // "’90s", "'24"
            _ if is_apostrophe(prev) && s.len() == 2 => Ctx::Skip,
            _ => Ctx::Ok,
        },
    }
}

/// `s` as a plain four-digit year token.
fn plain_year(s: &[u8]) -> Option<i32> {
    if s.len() == 4 && !s.starts_with(b"0") {
        digits_u32(s).map(|y| y as i32)
    } else {
        None
    }
}

/// The number written by `s`, ASCII digits only (one to nine, so no overflow): what `parse::<u32>` gives of such a
/// string, without making one.
fn digits_u32(s: &[u8]) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0, |n, &b| n * 10 + u32::from(b - b'0')))
}

/// The plain one- or two-digit number at `i` (no comma, no point).
fn small_int(toks: &Tokens, i: usize) -> Option<u32> {
    let s = toks.bytes_at(i);
    if matches!(toks.get(i), Some(t) if t.kind == TokKind::Number) && (1..=2).contains(&s.len()) {
        digits_u32(s)
    } else {
        None
    }
}

/// "2023-10-07" (ISO date), "10/07/2023" (slashed date), and the fractions and ratios "1/2", "24/7" (skipped).
fn dashed_or_slashed(toks: &Tokens, i: usize) -> Form {
    let sep = toks.bytes_at(i + 1);
    if !(toks.touch(i) && toks.touch(i + 1) && (sep == b"/" || sep == b"-"))
        || toks.get(i + 2).map(|t| t.kind) != Some(TokKind::Number)
    {
        return Form::Other;
    }
    let three = toks.touch(i + 2)
        && toks.bytes_at(i + 3) == sep
        && toks.touch(i + 3)
        && toks.get(i + 4).map(|t| t.kind) == Some(TokKind::Number);
    if sep == b"-" {
        // Only the ISO form; other dashed numbers are ranges, read one by one.
        if let (Some(y), true, Some(m), Some(d)) = (
            plain_year(toks.bytes_at(i)),
            three,
            small_int(toks, i + 2),
            small_int(toks, i + 4),
        ) {
            if toks.bytes_at(i + 2).len() == 2
                && toks.bytes_at(i + 4).len() == 2
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
            {
                return Form::Fig(Cand::date(i, i + 5, Some(ymd(y, m, d)), None));
            }
        }
        return Form::Other;
    }
    if !three {
        return Form::Skip;
    }
    let (a, b) = (small_int(toks, i), small_int(toks, i + 2));
    let ys = toks.bytes_at(i + 4);
    let (Some(a), Some(b)) = (a, b) else {
        return Form::Skip;
    };
    let year = match (plain_year(ys), ys.len()) {
        (Some(y), _) => y,
        (None, 2) => 2000 + digits_u32(ys).map_or(0, |y| y as i32),
        _ => return Form::Skip,
    };
    // Day and month: certain only when one of them is over 12.
    let value = match (a, b) {
        (a, b) if a > 12 && (1..=12).contains(&b) && a <= 31 => Some(ymd(year, b, a)),
        (a, b) if b > 12 && (1..=12).contains(&a) && b <= 31 => Some(ymd(year, a, b)),
        (a, b) if (1..=31).contains(&a) && (1..=31).contains(&b) && (a <= 12 || b <= 12) => None,
        _ => return Form::Skip,
    };
    let value = value.or(Some(Value::Date {
        year,
        month: None,
        day: None,
    }));
    Form::Fig(Cand::date(i, i + 5, value, None))
}

fn ymd(year: i32, month: u32, day: u32) -> Value {
    Value::Date {
        year,
        month: Some(month as u8),
        day: Some(day as u8),
    }
}

/// "10:30", "10:30 a.m.", "3pm", "3 p.m.", "10.30am": a time of day (class date, unit "time", no value).
/// "3:1" and other colon pairs are skipped.
/// `next` is the entry of a token after the number.
fn time_of_day(toks: &Tokens, lx: &Lexicon, i: usize, next: Next) -> Form {
    let s = toks.bytes_at(i);
    if toks.touch(i) && toks.bytes_at(i + 1) == b":" && toks.touch(i + 1) {
        let h = small_int(toks, i);
        let m = small_int(toks, i + 2).filter(|_| toks.bytes_at(i + 2).len() == 2);
        return match (h, m) {
            (Some(h), Some(m)) if h <= 24 && m <= 59 => {
                let end = meridiem(toks, lx.get(toks, i + 3), i + 3).unwrap_or(i + 3);
                Form::Fig(Cand::date(i, end, None, Some("time")))
            }
            _ => Form::Skip,
        };
    }
    // "3pm", "10.30am": an hour 1-12, or hh.mm, before a mark, which has a table entry (`meridiem` asks it).
    let lex = next.get(toks, lx, i + 1);
    let hour_like = lex.is_some() && s.len() <= 5 && {
        let (h, m): (&[u8], &[u8]) = match s.iter().position(|&b| b == b'.') {
            Some(p) => (&s[..p], &s[p + 1..]),
            None => (s, b"00"),
        };
        digits_u32(h).is_some_and(|h| (1..=12).contains(&h))
            && m.len() == 2
            && digits_u32(m).is_some_and(|m| m <= 59)
    };
    if hour_like {
        if let Some(end) = meridiem(toks, lex, i + 1) {
            return Form::Fig(Cand::date(i, end, None, Some("time")));
        }
    }
    Form::Other
}

/// The end of an "a.m."/"pm"/"o'clock" mark at `j` (right after the number), whose table entry is `lex`.
fn meridiem(toks: &Tokens, lex: Option<&Lex>, j: usize) -> Option<usize> {
    let glued = j > 0 && toks.touch(j - 1);
    let (s, end) = seq_of(lex, toks, j, |s| {
        matches!(
            s.what,
            What::Unit {
                class: UnitClass::Time,
                ..
            }
        ) && (glued || !s.glued_only)
    })?;
    // "a.m." may close with the sentence's full stop; a glued "am" must not run on into a word ("5amazing").
    let _ = s;
    if toks.touch(end - 1) && toks.is_word(end) {
        return None;
    }
    Some(end)
}

/// "31 December 2004", "7 October", "7th of October": a day before a month name.
/// `next` is the entry of a token after the number.
fn day_month(toks: &Tokens, lx: &Lexicon, i: usize, next: Next) -> Form {
    let Some(day) = small_int(toks, i).filter(|d| (1..=31).contains(d)) else {
        return Form::Other;
    };
    let mut j = i + 1;
    let mut ordinal = false;
    // (`lx.role(toks, j)`, from `next`.)
    let role_j = || {
        let word = toks.get(j).is_some_and(|t| t.kind != TokKind::Number);
        word.then(|| next.get(toks, lx, j).and_then(|l| l.role))
            .flatten()
    };
    if toks.touch(i) && role_j() == Some(Role::Ordinal) && toks.bytes_at(j).len() == 2 {
        j += 1;
        ordinal = true;
    }
    if ordinal && toks.bytes_at(j).eq_ignore_ascii_case(b"of") {
        j += 1;
    }
    let Some((month, after)) = month_at(toks, lx, j, next) else {
        return Form::Other;
    };
    let (year, end) = year_after(toks, after);
    let value = year.map(|y| ymd(y, month, day));
    Form::Fig(Cand::date(i, end, value, None))
}

/// A capitalised month name at `j`, with the full stop of an abbreviation ("Oct."): its number and the index after it.
/// `known` may hold the entry of token `j`.
fn month_at(toks: &Tokens, lx: &Lexicon, j: usize, known: Next) -> Option<(u32, usize)> {
    let t = toks.get(j)?;
    if t.kind != TokKind::Word || !t.cap() {
        return None;
    }
    let lex = known.get(toks, lx, j)?;
    if lex.role != Some(Role::Month) {
        return None;
    }
    let mut end = j + 1;
    // "Oct." keeps its period; "May." and "July." end a sentence: a full month name is not abbreviated.
    let w = toks.bytes_at(j);
    let full = ["may", "june", "july"]
        .iter()
        .any(|m| w.eq_ignore_ascii_case(m.as_bytes()));
    if toks.touch(j) && toks.bytes_at(end) == b"." && w.len() <= 4 && !full {
        end += 1;
    }
    Some((lex.value as u32, end))
}

/// A year right after a date's day, optionally after a comma ("Oct. 7, 2023"): the year and the index after it.
fn year_after(toks: &Tokens, j: usize) -> (Option<i32>, usize) {
    let k = if toks.bytes_at(j) == b"," { j + 1 } else { j };
    match plain_year(toks.bytes_at(k)).filter(|y| (1000..=2199).contains(y)) {
        Some(y) if !toks.touch(k) || !toks.is_word(k + 1) => (Some(y), k + 1),
        _ => (None, j),
    }
}

/// "1990s", "the 1800s": a decade or century (class date, no value).
fn decade(toks: &Tokens, i: usize) -> Form {
    match plain_year(toks.bytes_at(i)) {
        Some(y)
            if y % 10 == 0
                && (1000..=2090).contains(&y)
                && toks.touch(i)
                && toks.bytes_at(i + 1) == b"s" =>
        {
            Form::Fig(Cand::date(i, i + 2, None, None))
        }
        _ => Form::Other,
    }
}

/// "Oct. 7, 2023", "December 31", "February 2022": a month name with a day and/or a year. A month with no number is
/// not a figure, so "May" and "March" need their number too.
/// `lex` is the entry of token `i`.
fn month_date(toks: &Tokens, lx: &Lexicon, i: usize, lex: Option<&'static Lex>) -> Option<Cand> {
    let (month, j) = month_at(toks, lx, i, Next { at: i, lex })?;
    if toks.touch(j - 1) && toks.get(j).is_some_and(|t| t.kind == TokKind::Number) {
        return None; // "Jan2023", not a date we read
    }
    if let Some(y) = plain_year(toks.bytes_at(j)).filter(|y| (1000..=2199).contains(y)) {
        if toks.touch(j) && toks.is_word(j + 1) {
            return None;
        }
        return Some(Cand::date(
            i,
            j + 1,
            Some(Value::Date {
                year: y,
                month: Some(month as u8),
                day: None,
            }),
            None,
        ));
    }
    let day = small_int(toks, j).filter(|d| (1..=31).contains(d))?;
    let mut k = j + 1;
    if toks.touch(j) && lx.role(toks, k) == Some(Role::Ordinal) && toks.bytes_at(k).len() == 2 {
        k += 1;
    } else if toks.touch(j) && toks.is_word(k) {
        return None;
    }
    let (year, end) = year_after(toks, k);
    let value = year.map(|y| ymd(y, month, day));
    Some(Cand::date(i, end, value, None))
}

// ---------------------------------------------------------------------------------------------------------------
// Money, units and the class of a number

/// A currency sign or code before a number: "$1.7 billion", "£3m", "US$5", "USD 10", "Rs 500 crore".
fn money_prefix(toks: &Tokens, lx: &Lexicon, i: usize) -> Option<Cand> {
    money_prefix_of(toks, lx, i, lx.get(toks, i))
}

/// [`money_prefix`] with the table entry of token `i` already looked up: `lex`.
fn money_prefix_of(toks: &Tokens, lx: &Lexicon, i: usize, lex: Option<&Lex>) -> Option<Cand> {
    if i > 0
        && toks.touch(i - 1)
        && matches!(
            toks.get(i - 1).map(|t| t.kind),
            Some(TokKind::Word | TokKind::Number)
        )
    {
        return None;
    }
    let (seq, j) = seq_of(lex, toks, i, |s| {
        matches!(
            s.what,
            What::Currency {
                place: Place::Pre | Place::Both,
                ..
            }
        )
    })?;
    let What::Currency {
        code,
        cent,
        scale_only,
        ..
    } = seq.what
    else {
        return None;
    };
    if toks.get(j).map(|t| t.kind) != Some(TokKind::Number) {
        return None;
    }
    let num = read_digits(toks, lx, j)?;
    // A code that is also a name or a word ("COP29", "COP 29", "TRY 5") is money only with a scale ("COP 2bn").
    if scale_only && num.scale.is_none() {
        return None;
    }
    if toks.touch(num.end - 1) && toks.is_word(num.end) {
        return None;
    }
    let val = if cent {
        num.val.and_then(Dec::hundredth)
    } else {
        num.val
    };
    Some(Cand {
        start: i,
        end: num.end,
        class: FigureClass::Money,
        num: val,
        date: None,
        unit: Some(code),
        bare: false,
        one: false,
        digits: true,
        scale: num.scale,
    })
}

/// The currency or unit written after a number ending at `e`: glued ("5km", "50p"), apart ("20 years"), or
/// hyphened ("five-year", "5-km"); with the index after it.
fn suffix<'l>(toks: &Tokens, lx: &'l Lexicon, num: &Num) -> Option<(&'l Seq, usize)> {
    let e = num.end;
    let glued = toks.touch(e - 1);
    let scaled = num.scale.is_some() || num.vague;
    let time_ok = !num.vague
        && num.scale.is_none()
        && num
            .val
            .and_then(Dec::as_int)
            .is_some_and(|h| (1..=12).contains(&h));
    let want = |glued: bool| {
        move |s: &Seq| {
            (glued || !s.glued_only)
                && match s.what {
                    What::Currency {
                        place, scale_only, ..
                    } => place != Place::Pre && (scaled || !scale_only),
                    What::Unit {
                        class: UnitClass::Time,
                        ..
                    } => time_ok,
                    What::Unit { .. } => true,
                }
        }
    };
    let found = match seq_of(entry_at(toks, lx, num, e), toks, e, want(glued)) {
        Some(found) => Some(found),
        None if glued && is_dash(toks.bytes_at(e)) && toks.touch(e) => {
            lx.seq_at(toks, e + 1, want(false))
        }
        None => None,
    };
    // "three quarters of the vote" is a fraction, not nine months.
    found.filter(|&(s, end)| {
        !(matches!(
            s.what,
            What::Unit {
                unit: "quarter",
                ..
            }
        ) && toks.bytes_at(end).eq_ignore_ascii_case(b"of"))
    })
}

/// Decides the class of a number from what follows it, and builds the figure.
fn finish(toks: &Tokens, lx: &Lexicon, num: &Num) -> Option<Cand> {
    let mut c = Cand {
        start: num.start,
        end: num.end,
        class: FigureClass::Count,
        num: num.val,
        date: None,
        unit: None,
        bare: false,
        one: num.one,
        digits: num.digits,
        scale: num.scale,
    };
    if let Some(p) = proportion(toks, lx, num) {
        return Some(p);
    }
    // "twenty-first", "two-thirds": ordinals and fractions; but digits write no ordinal that way, so "10-second" is a
    // duration.
    if is_dash(toks.bytes_at(num.end))
        && toks.touch(num.end - 1)
        && toks.touch(num.end)
        && matches!(
            lx.role(toks, num.end + 1),
            Some(Role::Ordinal | Role::Fraction)
        )
        && !(num.digits && toks.bytes_at(num.end + 1).eq_ignore_ascii_case(b"second"))
    {
        return None;
    }
    if num.vague {
        // "millions of dollars", "thousands of years"
        if toks.bytes_at(num.end).eq_ignore_ascii_case(b"of") {
            let of = Num {
                end: num.end + 1,
                ..*num
            };
            if let Some((seq, end)) = suffix(toks, lx, &of).filter(|_| !toks.touch(num.end)) {
                apply(&mut c, seq, end);
                c.num = None;
                return (c.class != FigureClass::Date).then_some(c);
            }
        }
        // "pour billions into AI", "spent thousands on it": a vague amount after a verb of spending is money (currency
        // unknown); not with "of" ("paid hundreds of workers").
        let scaled = lx.get(toks, num.start).is_some_and(|l| l.value > 0);
        if scaled
            && num.end == num.start + 1
            && !toks.bytes_at(num.end).eq_ignore_ascii_case(b"of")
            && num.start > 0
            && lx.get(toks, num.start - 1).is_some_and(|l| l.moneyverb())
        {
            c.class = FigureClass::Money;
        }
        c.num = None;
        return Some(c);
    }
    if let Some((seq, end)) = suffix(toks, lx, num) {
        apply(&mut c, seq, end);
        if let What::Currency { cent: true, .. } = seq.what {
            c.num = c.num.and_then(Dec::hundredth);
        }
        if c.class == FigureClass::Date {
            c.num = None; // a time of day
        }
        // "a one-day international": a cricket format's name, not a duration.
        if c.class == FigureClass::Duration
            && toks.bytes_at(c.start).eq_ignore_ascii_case(b"one")
            && c.unit == Some("day")
            && is_dash(toks.bytes_at(c.end.saturating_sub(2)))
            && one_of(
                toks.bytes_at(c.end),
                &["international", "internationals", "cricket"],
            )
        {
            return None;
        }
        // "16-year-old", "a 10-year-olds' league"
        if c.class == FigureClass::Duration
            && is_dash(toks.bytes_at(c.end))
            && toks.touch(c.end - 1)
            && toks.touch(c.end)
            && one_of(toks.bytes_at(c.end + 1), &["old", "olds"])
        {
            c.end += 2;
        }
    } else {
        c.bare = true;
        // "a 10-fold rise": a multiplier, counted like "tenfold".
        if num.digits
            && is_dash(toks.bytes_at(c.end))
            && toks.touch(c.end - 1)
            && toks.touch(c.end)
            && toks.bytes_at(c.end + 1).eq_ignore_ascii_case(b"fold")
        {
            c.end += 2;
        }
    }
    // Digits glued to a word we did not read ("5G", "3D", "2nd") are a name or an ordinal.
    if toks.touch(c.end - 1) && toks.is_word(c.end) {
        return None;
    }
    if c.bare && !num.vague && num.scale.is_none() {
        if let Some(y) = num.year {
            if is_year(
                toks,
                lx,
                num.start,
                y,
                entry_at(toks, lx, num, num.start + 1),
            ) {
                c.class = FigureClass::Date;
                c.date = Some(Value::Date {
                    year: y,
                    month: None,
                    day: None,
                });
                c.num = None;
            }
        }
    }
    Some(c)
}

/// "one in six", "1 in 5 adults", "one in a million": a proportion, class percent with no value. The second number is
/// larger than the first, is not a year ("5 in 2023"), and has no unit ("one in 10 years" is a count and a duration).
fn proportion(toks: &Tokens, lx: &Lexicon, num: &Num) -> Option<Cand> {
    let a = num.val.and_then(Dec::as_int)?;
    let j = num.end + 1;
    if num.vague
        || num.scale.is_some()
        || a == 0
        || !toks.bytes_at(num.end).eq_ignore_ascii_case(b"in")
        || toks.touch(num.end - 1)
    {
        return None;
    }
    let second = match toks.get(j)?.kind {
        TokKind::Number => read_digits(toks, lx, j)?,
        TokKind::Word => read_words(toks, lx, j)?,
        TokKind::Punct => return None,
    };
    let b = second.val.and_then(Dec::as_int)?;
    if second.vague
        || second.year.is_some()
        || b <= a
        || suffix(toks, lx, &second).is_some()
        || (toks.touch(second.end - 1) && toks.is_word(second.end))
    {
        return None;
    }
    Some(Cand {
        start: num.start,
        end: second.end,
        class: FigureClass::Percent,
        num: None,
        date: None,
        unit: None,
        bare: false,
        one: false,
        digits: num.digits,
        scale: None,
    })
}

/// Sets the class and unit a currency or unit row gives.
fn apply(c: &mut Cand, seq: &Seq, end: usize) {
    c.end = end;
    match seq.what {
        What::Currency { code, .. } => {
            c.class = FigureClass::Money;
            c.unit = Some(code);
        }
        What::Unit { unit, class } => {
            c.class = match class {
                UnitClass::Duration => FigureClass::Duration,
                UnitClass::Quantity => FigureClass::Quantity,
                UnitClass::Percent => FigureClass::Percent,
                UnitClass::Time => FigureClass::Date,
            };
            c.unit = Some(unit);
        }
    }
}

/// A plain four-digit number `y` at `i` is a year: 1900-2099, or 1000-2100 after "in", "since" ...; and no count
/// noun follows it ("2023 people"). `next` is the table entry of token `i + 1`.
fn is_year(toks: &Tokens, lx: &Lexicon, i: usize, y: i32, next: Option<&Lex>) -> bool {
    let in_range = (1900..=2099).contains(&y)
        || ((1000..=2100).contains(&y)
            && i > 0
            && lx.get(toks, i - 1).is_some_and(|l| l.yearprep()));
    in_range && !next.is_some_and(|l| l.countnoun())
}

/// Coordination: a bare number before "and", "or", "to" or a dash and a figure with a unit takes its class and unit
/// ("14 and seven years", "3 to 5 percent", "10-12 km"), and its scale when it has none ("between 3 and 5 million
/// dollars"); a day before a day and a month is a date ("from 22 to 24 October 2024" → 2024-10-22).
fn coordinate(toks: &Tokens, lx: &Lexicon, c: &mut Cand) {
    if c.class != FigureClass::Count || c.num.is_none() {
        return;
    }
    let conj = toks.bytes_at(c.end);
    if conj.eq_ignore_ascii_case(b"of") {
        part_of_span(toks, lx, c);
        return;
    }
    if !(["and", "or", "to"]
        .iter()
        .any(|w| conj.eq_ignore_ascii_case(w.as_bytes()))
        || is_dash(conj))
    {
        return;
    }
    let j = c.end + 1;
    let starts_number = match toks.get(j) {
        Some(t) if t.kind == TokKind::Number => true,
        Some(t) if t.kind == TokKind::Word => {
            matches!(lx.role(toks, j), Some(Role::Unit | Role::Teen | Role::Ten))
        }
        _ => false,
    };
    if !starts_number {
        return;
    }
    // The second figure sees this one as the figure before it, for the range rule.
    let here = Last {
        end: c.end,
        class: c.class,
    };
    let Some(next) = candidate(toks, lx, j, &here) else {
        return;
    };
    // "from 22 to 24 October": a day before a day and a month.
    let day = c.num.and_then(Dec::as_int).filter(|d| (1..=31).contains(d));
    if let (Some(day), true) = (day, next.class == FigureClass::Date && next.unit.is_none()) {
        if c.digits && c.scale.is_none() && small_int(toks, j).is_some() {
            c.class = FigureClass::Date;
            c.date = match next.date {
                Some(Value::Date {
                    year,
                    month,
                    day: Some(_),
                }) => Some(Value::Date {
                    year,
                    month,
                    day: Some(day as u8),
                }),
                _ => None,
            };
            c.num = None;
            c.bare = false;
        }
        return;
    }
    if next.start != j
        || !matches!(
            next.class,
            FigureClass::Duration
                | FigureClass::Quantity
                | FigureClass::Percent
                | FigureClass::Money
        )
    {
        return;
    }
    c.class = next.class;
    c.unit = next.unit;
    c.bare = false;
    if c.scale.is_none() && c.digits == next.digits {
        if let Some(m) = next.scale.filter(|&m| m > 1) {
            c.num = c.num.and_then(|v| v.mul(m));
        }
    }
}

/// "26 of the past 28 months", "four of the last 10 years": a number of a span of time counts that time unit. Not the
/// lone "one" ("one of the past five years" is a pronoun).
fn part_of_span(toks: &Tokens, lx: &Lexicon, c: &mut Cand) {
    if c.one || !toks.bytes_at(c.end + 1).eq_ignore_ascii_case(b"the") {
        return;
    }
    let mut j = c.end + 2;
    if one_of(
        toks.bytes_at(j),
        &[
            "past", "last", "next", "previous", "first", "final", "coming",
        ],
    ) {
        j += 1;
    }
    let here = Last {
        end: c.end,
        class: c.class,
    };
    if !toks
        .get(j)
        .is_some_and(|t| t.kind == TokKind::Number || lx.role(toks, j).is_some())
    {
        return;
    }
    if let Some(next) = candidate(toks, lx, j, &here) {
        if next.start == j && next.class == FigureClass::Duration {
            c.class = next.class;
            c.unit = next.unit;
            c.bare = false;
        }
    }
}

/// "152.3 to the dollar", "7.1 per euro", "18 against the dollar": an exchange rate, the price of one unit of a currency
/// in another the text does not name here, is money with no unit.
fn exchange_rate(toks: &Tokens, lx: &Lexicon, c: &mut Cand) {
    let e = c.end;
    if !c.digits || !one_of(toks.bytes_at(e), &["to", "per", "against"]) {
        return;
    }
    let j = if one_of(toks.bytes_at(e + 1), &["the", "a", "one", "each"]) {
        e + 2
    } else {
        e + 1
    };
    let single = |s: &Seq| matches!(s.what, What::Currency { place, .. } if place != Place::Pre);
    let Some((_, end)) = lx.seq_at(toks, j, single) else {
        return;
    };
    // The currency ends the phrase ("to the dollar, and", "against the dollar on Monday"); "the euro zone" or "the
    // dollar store" name something else.
    let after = toks.bytes_at(end);
    let ends = !toks.is_word(end)
        || [
            "on",
            "in",
            "at",
            "and",
            "or",
            "but",
            "after",
            "before",
            "from",
            "since",
            "while",
            "as",
            "by",
            "for",
            "when",
            "with",
            "this",
            "last",
            "amid",
            "compared",
            "following",
            "today",
            "yesterday",
        ]
        .iter()
        .any(|w| after.eq_ignore_ascii_case(w.as_bytes()));
    if end != j + 1 || !ends {
        return;
    }
    c.class = FigureClass::Money;
    c.bare = false;
}

/// "a body mass index of at least 35", "a temperature of 40.": a bare number after a measured property and "of" (and a
/// qualifier) that closes the phrase is a quantity with no unit.
fn measure_before(toks: &Tokens, lx: &Lexicon, c: &mut Cand) {
    let is = |k: usize, words: &[&str]| one_of(toks.bytes_at(k), words);
    let Some(mut k) = c.start.checked_sub(1) else {
        return;
    };
    // "at least", "at most", "more than", "less than": two words.
    let two = (is(k, &["least", "most"]) && is(k.wrapping_sub(1), &["at"]))
        || (is(k, &["than"])
            && is(
                k.wrapping_sub(1),
                &["more", "less", "greater", "higher", "lower"],
            ));
    if k >= 2 && two {
        k -= 2;
    } else if k >= 1
        && is(
            k,
            &[
                "over", "above", "below", "under", "about", "around", "nearly", "almost", "roughly",
            ],
        )
    {
        k -= 1;
    }
    if k < 1 || !is(k, &["of"]) || !lx.get(toks, k - 1).is_some_and(|l| l.measure()) {
        return;
    }
    let closes = toks.get(c.end).is_none_or(|t| {
        t.line_start() || (t.kind == TokKind::Punct && !is_dash(toks.bytes_at(c.end)))
    }) || is(
        c.end,
        &["and", "or", "but", "in", "on", "for", "with", "when"],
    );
    if closes {
        c.class = FigureClass::Quantity;
        c.bare = false;
    }
}

/// "at 152.3 to the dollar, and it could fall past 155": a bare number after a word of movement, in the sentence of an
/// exchange rate that ends at `rate_end` and at most [`RATE_REACH`] tokens before `i`, is another level of that rate.
fn after_rate(toks: &Tokens, rate_end: usize, i: usize) -> bool {
    if rate_end > i || i - rate_end > RATE_REACH || i == 0 {
        return false;
    }
    let moves = [
        "to", "past", "beyond", "above", "below", "under", "over", "near", "towards", "toward",
    ];
    one_of(toks.bytes_at(i - 1), &moves)
        && (rate_end..i).all(|k| !matches!(toks.bytes_at(k), b"." | b"!" | b"?" | b";"))
        && toks.get(i).is_some_and(|t| !t.line_start())
        && (rate_end..i).all(|k| !toks.get(k).is_some_and(|t| t.line_start()))
        && closes_level(toks, i + 1)
}

/// "Last week I sold at 1,540", "trading at 129.5,", "fall from 57 to about 120 per dollar", "end the year at 1,700.":
/// in a text that has given an exchange rate before (ending at `rate_end`), a bare number after a word of level or
/// movement (and at most one qualifier) that closes its phrase, with a currency named at most [`CURRENCY_REACH`] tokens
/// before it in its paragraph, is a level of that currency's rate.
fn rate_level(toks: &Tokens, lx: &Lexicon, rate_end: usize, c: &Cand) -> bool {
    if rate_end > c.start {
        return false;
    }
    let word = |k: usize, ws: &[&str]| one_of(toks.bytes_at(k), ws);
    let Some(mut k) = c.start.checked_sub(1) else {
        return false;
    };
    if k > 0
        && word(
            k,
            &["about", "around", "nearly", "roughly", "almost", "some"],
        )
    {
        k -= 1;
    }
    let levels = [
        "at", "to", "from", "past", "beyond", "above", "below", "under", "over", "near", "towards",
        "toward",
    ];
    if !word(k, &levels) {
        return false;
    }
    // "from 57 to about 120": "to" closes the first level.
    let closes = closes_level(toks, c.end) || (word(k, &["from"]) && word(c.end, &["to"]));
    if !closes {
        return false;
    }
    let currency = |j: usize| {
        lx.seq_at(toks, j, |s: &Seq| {
            matches!(s.what, What::Currency { place, cent: false, .. } if place != Place::Pre)
        })
        .is_some()
    };
    let from = k.saturating_sub(CURRENCY_REACH);
    for j in (from..k).rev() {
        if toks.is_word(j) && currency(j) {
            return true;
        }
        if toks.get(j).is_some_and(|t| t.line_start()) {
            return false;
        }
    }
    false
}

/// How far before a level a currency is looked for (see [`rate_level`]).
const CURRENCY_REACH: usize = 40;

/// Whether the token at `k` ends the phrase of a level ("past 155 if", "to 7.3 by June"), not a count's noun ("to 155
/// ships").
fn closes_level(toks: &Tokens, k: usize) -> bool {
    !toks.is_word(k)
        || one_of(
            toks.bytes_at(k),
            &[
                "if", "by", "in", "on", "next", "this", "and", "or", "but", "when", "as", "after",
                "before", "unless", "later", "soon", "again",
            ],
        )
}

/// How far after an exchange rate a bare number can be another level of it.
const RATE_REACH: usize = 16;

/// "a day or two", "an hour or two", "a mile or two": a bare number after "or"/"to" and "a"/"an" with a unit takes
/// that unit.
fn unit_before(toks: &Tokens, lx: &Lexicon, c: &mut Cand) {
    let i = c.start;
    if i < 3
        || !(one_of(toks.bytes_at(i - 1), &["or", "to"])
            && one_of(toks.bytes_at(i - 3), &["a", "an"]))
    {
        return;
    }
    let unit = lx.seq_at(toks, i - 2, |s| {
        !s.glued_only
            && matches!(
                s.what,
                What::Unit {
                    class: UnitClass::Duration | UnitClass::Quantity,
                    ..
                }
            )
    });
    if let Some((seq, end)) = unit.filter(|&(_, end)| end == i - 1) {
        let end_here = c.end;
        apply(c, seq, end);
        c.end = end_here;
        c.bare = false;
    }
}

/// An age: "aged 23", "at age 23", "aged 19 to 26", and a number between commas or parentheses right after a
/// name ("Maria Gonzalez, 54, who", "Wei, 71, took over", "Tom Smith (67)"): a whole number from 1 to 120.
fn is_age(toks: &Tokens, lx: &Lexicon, c: &Cand) -> bool {
    let i = c.start;
    let whole = c.scale.is_none()
        && c.num
            .and_then(Dec::as_int)
            .is_some_and(|n| (1..=120).contains(&n));
    if !whole || i == 0 {
        return false;
    }
    let is = |k: usize, words: &[&str]| one_of(toks.bytes_at(k), words);
    // "She was 91.", "a daughter who was four": a person's pronoun, "was"/"is" and the number closing the clause.
    if i >= 2
        && is(i - 1, &["was", "is", "turned", "turns"])
        && is(i - 2, &["he", "she", "who"])
        && (c.end >= toks.len() || is(c.end, &[".", ",", ";", "when", "and"]))
    {
        return true;
    }
    // "dies at 91", "died at 87 in Lisbon", "graduating at 21,", "written at 87 with": a verb of a life event, "at"
    // and the number closing the phrase (not "written at 10 Downing Street").
    let closes = |k: usize| {
        toks.get(k).is_none_or(|t| {
            t.line_start() || (t.kind == TokKind::Punct && !is_dash(toks.bytes_at(k)))
        }) || is(
            k,
            &[
                "in", "with", "and", "when", "after", "before", "but", "from", "for", "on",
                "while", "as",
            ],
        )
    };
    if i >= 2
        && is(i - 1, &["at"])
        && lx.get(toks, i - 2).is_some_and(|l| l.ageverb())
        && closes(c.end)
    {
        return true;
    }
    let aged = |k: usize| {
        let w = toks.bytes_at(k);
        toks.is_word(k)
            && !toks.get(k).is_some_and(|t| t.cap() && !t.sent_start())
            && ["aged", "age", "ages"]
                .iter()
                .any(|a| w.eq_ignore_ascii_case(a.as_bytes()))
    };
    // "aged 23", "at the age of 10", "aged under 5", "children under two", "people over 65".
    let next_is_num = toks.get(c.end).is_some_and(|t| t.kind == TokKind::Number)
        || matches!(
            lx.role(toks, c.end),
            Some(Role::Unit | Role::Teen | Role::Ten)
        );
    if !next_is_num {
        if aged(i - 1) || (i >= 2 && is(i - 1, &["of"]) && aged(i - 2)) {
            return true;
        }
        if i >= 2
            && is(i - 1, &["under", "over"])
            && (aged(i - 2) || lx.get(toks, i - 2).is_some_and(|l| l.agenoun()))
        {
            return true;
        }
    }
    if !c.digits || c.end != i + 1 {
        return false;
    }
    // The second number of "aged 19 to 26".
    if i >= 3
        && (one_of(toks.bytes_at(i - 1), &["to", "and", "or"]) || is_dash(toks.bytes_at(i - 1)))
        && toks.get(i - 2).is_some_and(|t| t.kind == TokKind::Number)
        && aged(i - 3)
    {
        return true;
    }
    // "Nwosu, then 37, broke": "then" or "now" after the comma.
    let o = if i >= 3 && is(i - 1, &["then", "now"]) && toks.bytes_at(i - 2) == b"," {
        i - 2
    } else {
        i - 1
    };
    let (open, close) = (toks.bytes_at(o), toks.bytes_at(c.end));
    // `said Jannik Sinner, 22.`: an age may also end the sentence of an attribution.
    let said = |k: usize| {
        one_of(
            toks.bytes_at(k),
            &["said", "says", "added", "told", "asked"],
        )
    };
    let attribution_end = close == b"." && (o.saturating_sub(5)..o).any(said);
    let framed =
        (open == b"," && (close == b"," || attribution_end)) || (open == b"(" && close == b")");
    // A name's last word, capitalised or the lower-case part of a hyphened one ("Cho Hun-hyun, 71,").
    let name_end = |k: usize| {
        toks.is_cap_word(k)
            || (k >= 2
                && toks.is_word(k)
                && toks.touch(k - 1)
                && toks.touch(k - 2)
                && is_dash(toks.bytes_at(k - 1))
                && toks.is_cap_word(k - 2))
    };
    if !framed || o < 1 || !name_end(o - 1) || toks.get(o - 1).is_some_and(|t| t.all_caps()) {
        return false;
    }
    // Not a month, a weekday or a unit before the comma ("June, 12,"), nor a list of numbers ("1, 2, 3").
    let date_word = lx
        .get(toks, o - 1)
        .is_some_and(|l| l.weekday() || l.role == Some(Role::Month));
    !date_word
        && toks
            .get(c.end + 1)
            .is_none_or(|t| t.kind != TokKind::Number)
}

/// Whether a bare number (no unit) is a figure: not the lone word "one", and not a label or a name's number
/// ("phase 2", "No. 1", "Boeing 737").
fn bare_is_figure(toks: &Tokens, lx: &Lexicon, c: &Cand) -> bool {
    if c.one {
        return one_is_count(toks, lx, c);
    }
    let i = c.start;
    if i == 0 {
        return true;
    }
    let label_at = |k: usize| lx.get(toks, k).is_some_and(|l| l.label()) && toks.is_word(k);
    if label_at(i - 1)
        || (i >= 2 && toks.bytes_at(i - 1) == b"." && toks.touch(i - 2) && label_at(i - 2))
    {
        return false;
    }
    if !c.digits {
        // "Group of Seven", "Air Force One", "the Big Four": a capitalised number word inside a sentence is a name,
        // unless the words around it are capitalised too (a title-case headline: "Israel Frees Seven Hostages").
        let Some(t) = toks.get(i) else { return true };
        let titled = toks.is_cap_word(i - 1) && toks.is_cap_word(c.end);
        return !t.cap() || t.sent_start() || t.line_start() || titled;
    }
    if toks.bytes_at(i).contains(&b',') || is_score(toks, i) {
        return true;
    }
    // "an asteroid, 14738 Ferreira", "the 90210 code": five digits or more with no separator before a capitalised word
    // inside a sentence are a catalogue number or a code (amounts that large are written "14,738").
    let s = toks.bytes_at(i);
    if s.len() >= 5
        && s.iter().all(|b| b.is_ascii_digit())
        && toks.is_cap_word(c.end)
        && !toks.get(c.end).is_some_and(|t| t.sent_start())
    {
        return false;
    }
    // "Boeing 737", "Windows 11", "Trump 2.0": a number right after a capitalised word inside a sentence, where the word
    // before that is not capitalised too and the next is not (which would be a title-case headline: "Hamas Frees 33
    // Hostages"). An acronym before a year is an event ("BRICS 2024 summit").
    let p = i - 1;
    let Some(pt) = toks.get(p) else { return true };
    let word = toks.bytes_at(p);
    let camel = word.iter().skip(1).any(|b| b.is_ascii_uppercase()); // "iPhone 16", "eBay"
    if pt.kind != TokKind::Word || !(pt.cap() || camel) || pt.sent_start() || pt.line_start() {
        return true;
    }
    // "on Friday 20 people were killed", "in March 200 people"
    if lx
        .get(toks, p)
        .is_some_and(|l| l.weekday() || l.role == Some(Role::Month))
    {
        return true;
    }
    if c.class == FigureClass::Date
        && (pt.all_caps() || lx.get(toks, p).is_some_and(|l| l.yearprep()))
    {
        return true;
    }
    // "Fenerbahce 66 from 30", "Smith 12 of 20": a tally out of another number, not a name's number.
    if one_of(toks.bytes_at(c.end), &["from", "of"])
        && small_int(toks, c.end + 1).is_some()
        && !(toks.touch(c.end + 1) && toks.is_word(c.end + 2))
    {
        return true;
    }
    let cap_before = p > 0 && toks.is_cap_word(p - 1) && !is_determiner(toks.bytes_at(p - 1));
    // An all-caps word after a capitalised one is the rest of a model name ("Boeing 737 MAX"), not a title-case
    // headline ("Hamas Frees 33 Hostages").
    let cap_after = toks.is_cap_word(c.end)
        && (pt.all_caps() || !toks.get(c.end).is_some_and(|t| t.all_caps()));
    cap_before || cap_after
}

/// Whether the lone word "one" is an amount, not a pronoun or a determiner ("one of the few", "one man who"): opposed
/// to another number ("one chance, maybe two", "one or two drinks"), or counting a group after a count ("12 members
/// of one family").
fn one_is_count(toks: &Tokens, lx: &Lexicon, c: &Cand) -> bool {
    let (i, e) = (c.start, c.end);
    let is = |k: usize, words: &[&str]| one_of(toks.bytes_at(k), words);
    let number_at = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokKind::Number)
            || matches!(lx.role(toks, k), Some(Role::Unit | Role::Teen | Role::Ten))
                && !is(k, &["one"])
    };
    // "one or two", "one to three"
    if is(e, &["or", "to"]) && number_at(e + 1) {
        return true;
    }
    // A lower-case noun after "one": "one chance, maybe two", "12 members of one family".
    let noun = toks
        .get(e)
        .is_some_and(|t| t.kind == TokKind::Word && !t.cap())
        && !is(
            e,
            &[
                "of", "another", "other", "who", "that", "which", "thing", "is", "was", "and",
                "or", "in", "to",
            ],
        );
    if !noun {
        return false;
    }
    let mut k = e + 1;
    if toks.bytes_at(k) == b"," {
        k += 1;
        if is(
            k,
            &["maybe", "perhaps", "possibly", "probably", "or", "even"],
        ) {
            k += 1;
        }
        return number_at(k);
    }
    i >= 3 && is(i - 1, &["of", "from"]) && toks.is_word(i - 2) && number_at(i - 3)
}

/// "beat Fenerbahce 2-1", "Arsenal 0-0 Chelsea": a match score after a team's name, two numbers of one or two digits
/// joined by a dash (a model number has more digits: "Boeing 737-800").
fn is_score(toks: &Tokens, i: usize) -> bool {
    let short = |k: usize| small_int(toks, k).is_some();
    short(i)
        && toks.touch(i)
        && is_dash(toks.bytes_at(i + 1))
        && toks.touch(i + 1)
        && short(i + 2)
        && (!toks.touch(i + 2) || matches!(toks.bytes_at(i + 3), b"," | b"." | b";" | b":" | b")"))
}

/// A determiner, capitalised at a sentence start ("A Boeing 737", "The Falcon 9") without making a title.
fn is_determiner(s: &[u8]) -> bool {
    [
        "a", "an", "the", "this", "that", "its", "his", "her", "their", "our",
    ]
    .iter()
    .any(|d| s.eq_ignore_ascii_case(d.as_bytes()))
}

/// A measured amount or a percentage below zero: the spoken "minus" before it ("minus 14 degrees Celsius", "minus 2
/// percent"), or for a measured amount a minus sign glued to its digits ("-14C", "−14 °C") with a space or an opening
/// bracket before the sign (not the dash of a range "5-14C"). Not after a number ("10 minus 4 degrees").
fn minus_before(toks: &Tokens, c: &Cand) -> bool {
    // (Both rules below are for a quantity or a percentage only: most figures are neither.)
    if !matches!(c.class, FigureClass::Quantity | FigureClass::Percent) {
        return false;
    }
    let Some(m) = c.start.checked_sub(1) else {
        return false;
    };
    let after_number = || {
        m.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|t| t.kind == TokKind::Number)
    };
    let s = toks.bytes_at(m);
    if s.eq_ignore_ascii_case(b"minus") {
        return !after_number();
    }
    c.class == FigureClass::Quantity
        && c.digits
        && matches!(s, b"-" | b"\xE2\x88\x92" | b"\xE2\x80\x93")
        && toks.touch(m)
        && (m == 0 || !toks.touch(m - 1) || matches!(toks.bytes_at(m - 1), b"(" | b"["))
        && !after_number()
}

/// `s` is one of `words`, ignoring ASCII case.
fn one_of(s: &[u8], words: &[&str]) -> bool {
    words.iter().any(|w| s.eq_ignore_ascii_case(w.as_bytes()))
}

/// - – ‐ ‑ —, as bytes.
fn is_dash(s: &[u8]) -> bool {
    matches!(
        s,
        b"-" | b"\xE2\x80\x93" | b"\xE2\x80\x90" | b"\xE2\x80\x91" | b"\xE2\x80\x94"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_being_read_stay_small() {
        // At 128 bytes or less a move is a few register copies; past it, a call to `memcpy` (see `Dec`).
        assert!(std::mem::size_of::<Num>() <= 128);
        assert!(std::mem::size_of::<Cand>() <= 128);
    }

    fn figs(text: &str) -> Vec<(String, &'static str, Option<Value>, Option<&'static str>)> {
        let t = Tokens::new(text);
        find(&t)
            .into_iter()
            .map(|f| {
                (
                    text[f.range].to_string(),
                    f.attrs.class.as_str(),
                    f.attrs.value,
                    f.attrs.unit,
                )
            })
            .collect()
    }

    #[test]
    fn reads_the_seed_forms() {
        let f = figs(
            "a $1.7 billion deal, 46,000 people, 14 and seven years, Oct. 7, 2023, and phase one",
        );
        let spans: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            spans,
            [
                "$1.7 billion",
                "46,000",
                "14",
                "seven years",
                "Oct. 7, 2023"
            ]
        );
        assert_eq!(f[0].2, Some(Value::Number(1_700_000_000.0)));
        assert_eq!(f[2].1, "duration");
    }

    #[test]
    fn never_panics_on_fragments() {
        for s in [
            "$", "5-", "Oct.", "1/", "10:", "a", "half a", "tens of", "2023-", "£3", "-5", "5 and",
            "twenty-",
        ] {
            let _ = figs(s);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz {
    use proptest::prelude::*;

    use super::*;

    /// Pieces that exercise every path: digits, signs, month names, number words, units, joiners.
    const PIECES: &[&str] = &[
        "1",
        "12",
        "2023",
        "46,000",
        "1.7",
        "0",
        "99999999999999999999999999999999999999999",
        "$",
        "£",
        "US",
        "C",
        "€",
        "-",
        "–",
        "/",
        ":",
        ".",
        ",",
        "%",
        "'",
        "’",
        " ",
        " ",
        " ",
        "\n",
        "Oct",
        "May",
        "of",
        "the",
        "a",
        "and",
        "to",
        "half",
        "one",
        "forty",
        "hundred",
        "million",
        "m",
        "bn",
        "k",
        "hundreds",
        "tens",
        "several",
        "years",
        "year",
        "old",
        "per",
        "cent",
        "pm",
        "a.m.",
        "s",
        "st",
        "km",
        "pounds",
        "é",
        "😀",
        "Boeing",
        "phase",
        "No",
        "under",
        "aged",
        "at",
        "died",
        "billions",
        "spent",
        "index",
        "least",
        "Hun",
        "12345",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn spans_are_ordered_and_on_char_boundaries(idx in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = idx.iter().map(|&k| PIECES[k]).collect();
            let toks = Tokens::new(&text);
            let mut prev_end = 0;
            for f in find(&toks) {
                prop_assert!(f.range.start >= prev_end && f.range.start < f.range.end && f.range.end <= text.len());
                prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
                prev_end = f.range.end;
            }
        }
    }
}
