//! Quotation marks: which punctuation tokens are marks, their family, and which way each one can face.
//!
//! Curly marks say their direction; straight marks (`"`, `'`) take it from the characters around them. An
//! apostrophe (`don’t`, `countries’`, `’90s`, `rock ’n’ roll`), an inch or foot mark (`5'11"`) and a mark that
//! belongs to a JSON-like wrapper (`[[{“value”:”`) are not marks at all. Every decision here looks at a few
//! characters or tokens around the mark, never further.

use crate::text::{is_mark, is_plain_punct, TokKind, Tokens};

/// A closing mark only closes an opening mark of its own family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Family {
    /// `"`, `“ ”`, `„ “`.
    Double,
    /// `'`, `‘ ’`, `‚ ‘`.
    Single,
    /// `« »`, `» «`.
    Guillemet,
    /// `‹ ›`, `› ‹`.
    SingleGuillemet,
}

/// What one mark can do. A mark that can do both is decided by what is open when it comes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Mark {
    pub fam: Family,
    pub open: bool,
    pub close: bool,
    /// A closing mark that may also be a plural possessive (`the countries’ ties`): it closes only when no plain
    /// closing mark follows in the same paragraph.
    pub weak: bool,
}

/// The quotation mark whose bytes are `s`, with its family. Every mark starts with the byte `"`, `'`, 0xC2 or 0xE2:
/// [`super::find`] skips other punctuation by its first byte.
fn mark_of(s: &[u8]) -> Option<(char, Family)> {
    // As UTF-8 bytes: « » are C2 AB and C2 BB, the others E2 80 and one byte.
    Some(match *s {
        [b'"'] => ('"', Family::Double),
        [b'\''] => ('\'', Family::Single),
        [0xC2, 0xAB] => ('«', Family::Guillemet),
        [0xC2, 0xBB] => ('»', Family::Guillemet),
        // ‘ ’ ‚ ‛ (U+2018..U+201B) and “ ” „ ‟ (U+201C..U+201F).
        [0xE2, 0x80, b @ 0x98..=0x9F] => (
            char::from_u32(0x2000 + u32::from(b & 0x3F))?,
            if b < 0x9C {
                Family::Single
            } else {
                Family::Double
            },
        ),
        [0xE2, 0x80, 0xB9] => ('‹', Family::SingleGuillemet),
        [0xE2, 0x80, 0xBA] => ('›', Family::SingleGuillemet),
        _ => return None,
    })
}

/// The family of quotation mark `s`.
#[cfg(test)]
fn family(s: &str) -> Option<Family> {
    mark_of(s.as_bytes()).map(|m| m.1)
}

/// The token's text is a quotation mark of any family.
pub(super) fn is_quote_mark(s: &str) -> bool {
    mark_of(s.as_bytes()).is_some()
}

// What `classify` asks of the character on either side of a mark, one bit each: worked out once per side rather
// than by a test of the character per question.
/// White space, or no character at all (the start or the end of the text).
const SPACE: u8 = 1;
/// A letter, digit or combining mark.
const ALNUM: u8 = 2;
/// A mark after it opens (besides space): `( [ { < - – — / “ ‘ « ‹ „ ‚ " '`.
const OPENS: u8 = 4;
/// An ASCII digit.
const DIGIT: u8 = 8;
/// `s` or `S` (a plural possessive before an apostrophe).
const ESS: u8 = 16;
/// `(`, `[` or `{`: a mark after it does not close.
const BRACKET: u8 = 32;
/// `, ; : ! ? ) ] }`: a mark before it does not open.
const STOP: u8 = 64;
/// `{ } [ ] :` or `n N`: the mark may belong to a JSON-like wrapper ([`in_wrapper`]) or be an apostrophe of
/// `rock ’n’ roll` ([`n_contraction`]), which look at the tokens around it. Neither can be so unless this bit is set
/// on one side (each needs a token touching the mark whose character next to it is one of these).
const ODD: u8 = 128;

/// The bits of each ASCII character (a table built at compile time: one load per side).
static ASCII_BITS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b'0'..=b'9' => ALNUM | DIGIT,
            b's' | b'S' => ALNUM | ESS,
            b'n' | b'N' => ALNUM | ODD,
            b'a'..=b'z' | b'A'..=b'Z' => ALNUM,
            // `char::is_whitespace` in ASCII: U+0009..U+000D and the space.
            b'\t'..=b'\r' | b' ' => SPACE,
            b'(' => OPENS | BRACKET,
            b'[' | b'{' => OPENS | BRACKET | ODD,
            b'<' | b'-' | b'/' | b'"' | b'\'' => OPENS,
            b',' | b';' | b'!' | b'?' | b')' => STOP,
            b':' | b']' | b'}' => STOP | ODD,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The bits of character `c` (`None`: the start or the end of the text, which counts as space). ASCII and the
/// common punctuation of [`is_plain_punct`] (the neighbours of most marks) are answered without the Unicode tables.
fn bits(c: Option<char>) -> u8 {
    let Some(c) = c else { return SPACE };
    if let Some(&b) = ASCII_BITS.get(c as usize) {
        b
    } else if is_plain_punct(c) {
        if matches!(c, '–' | '—' | '“' | '‘' | '«' | '‹' | '„' | '‚') {
            OPENS
        } else {
            0
        }
    } else if c.is_whitespace() {
        SPACE
    } else if c.is_alphanumeric() || is_mark(c) {
        ALNUM
    } else {
        0
    }
}

/// The bits of the general punctuation U+2010..U+2027 and U+2030..U+203F, whose UTF-8 is E2 80 `x` (`x` is 0x90..=0xA7
/// or 0xB0..=0xBF): `OPENS` for – — ‘ ‚ “ „ ‹ (`x` = 0x93, 0x94, 0x98, 0x9A, 0x9C, 0x9E, 0xB9), no other bit (this is
/// [`is_plain_punct`]). `None` for other `x`.
#[inline]
fn punct_bits(x: u8) -> Option<u8> {
    const OPENERS: u64 =
        1 << 0x13 | 1 << 0x14 | 1 << 0x18 | 1 << 0x1A | 1 << 0x1C | 1 << 0x1E | 1 << 0x39;
    if x < 0x90 || (0xA8..0xB0).contains(&x) {
        return None;
    }
    Some(if OPENERS >> (x & 0x3F) & 1 != 0 {
        OPENS
    } else {
        0
    })
}

/// The bits of the character that ends at byte `at` of `text` (a char boundary), as `bits(char_before(text, at))`,
/// with ASCII and the punctuation of [`punct_bits`] (most neighbours of marks) read from the bytes.
#[inline]
fn bits_before(text: &str, at: usize) -> u8 {
    let b = text.as_bytes();
    match at.checked_sub(1).and_then(|k| b.get(k)) {
        Some(&x) if x < 0x80 => ASCII_BITS[usize::from(x)],
        // E2 three bytes back starts the last character, as `at` is a char boundary.
        Some(&x) if at >= 3 && b[at - 3] == 0xE2 && b[at - 2] == 0x80 => {
            punct_bits(x).unwrap_or_else(|| bits(char_before(text, at)))
        }
        _ => bits(char_before(text, at)),
    }
}

/// The bits of the character that starts at byte `at` of `text` (a char boundary), as `bits(char_at(text, at))`.
#[inline]
fn bits_at(text: &str, at: usize) -> u8 {
    let b = text.as_bytes();
    match b.get(at) {
        Some(&x) if x < 0x80 => ASCII_BITS[usize::from(x)],
        Some(0xE2) if b.get(at + 1) == Some(&0x80) => b
            .get(at + 2)
            .and_then(|&x| punct_bits(x))
            .unwrap_or_else(|| bits(char_at(text, at))),
        _ => bits(char_at(text, at)),
    }
}

/// Words that an apostrophe at a word start shortens: `’em`, `'til`, `rock 'n roll`; and the clitics that tokenized
/// text writes apart (`Reuters 's`, `I 'm`, `wo n't`).
const ELISIONS: &[&str] = &[
    "em", "tis", "twas", "til", "cause", "cos", "n", "bout", "nuff", "s", "re", "ll", "ve", "d",
    "m", "t",
];

/// Classifies token `i`: `None` unless it is a quotation mark that can open or close a quote.
pub(super) fn classify(toks: &Tokens, i: usize) -> Option<Mark> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Punct {
        return None;
    }
    let (c, fam) = mark_of(toks.bytes_of(t))?;
    let text = toks.text;
    let prev = bits_before(text, t.start());
    let next = bits_at(text, t.end());
    if (prev | next) & ODD != 0
        && (in_wrapper(toks, i) || (fam == Family::Single && n_contraction(toks, i)))
    {
        return None;
    }
    let l_space = prev & SPACE != 0;
    let r_space = next & SPACE != 0;
    let l_open = prev & (SPACE | OPENS) != 0;
    let l_alnum = prev & ALNUM != 0;
    let r_alnum = next & ALNUM != 0;
    let r_bound = !r_alnum;
    // Opening: space or an opening bracket before, text after. Closing: text before, space or punctuation after.
    let open_ctx = l_open && next & (SPACE | STOP) == 0;
    let close_ctx = prev & (SPACE | BRACKET) == 0 && r_bound;
    let loose = l_space && r_space;
    // A mark alone at a paragraph start opens (tokenized text writes `" We won , " he said .`).
    let line_open = loose && t.line_start() && !r_space_to_line_end(text, t.end());
    // A mark between spaces after a comma and before a lowercase word closes a quote (`…moments , " said
    // Washington`), never opens one; before a capital it may open the next in a list (`" Ice " , " Fire "`).
    let loose_close = loose
        && i > 0
        && toks.bytes_at(i - 1) == b","
        && toks.is_word(i + 1)
        && !toks.is_cap_word(i + 1);
    let mark = |open: bool, close: bool| {
        Some(Mark {
            fam,
            open,
            close,
            weak: false,
        })
    };
    let weak = || {
        Some(Mark {
            fam,
            open: false,
            close: true,
            weak: true,
        })
    };
    let after_s = prev & ESS != 0;
    match c {
        '"' => {
            if prev & DIGIT != 0 {
                // An inch mark (`12" screen`) unless it closes an open quote (`"in 2024"`).
                return if r_bound { mark(false, true) } else { None };
            }
            match (open_ctx || line_open, close_ctx || loose_close) {
                (true, false) => mark(true, false),
                (false, true) => mark(false, true),
                _ => mark(true, true),
            }
        }
        '“' | '‟' => {
            if loose_close {
                mark(false, true)
            } else if loose && !line_open {
                mark(true, true)
            } else if close_ctx && !open_ctx {
                // German „…“, or a typist's wrong-way closing mark.
                mark(false, true)
            } else {
                mark(true, false)
            }
        }
        '”' => {
            if open_ctx && !close_ctx {
                // Swedish ”…”, or a wrong-way opening mark.
                mark(true, true)
            } else {
                mark(false, true)
            }
        }
        '„' | '‚' => {
            if r_space {
                None
            } else {
                mark(true, false)
            }
        }
        '«' | '‹' => {
            if close_ctx && !open_ctx {
                mark(true, true)
            } else {
                mark(true, false)
            }
        }
        '»' | '›' => {
            if open_ctx && !close_ctx {
                mark(true, true)
            } else {
                mark(false, true)
            }
        }
        '‘' | '‛' => {
            if (l_alnum && r_alnum) || (l_open && elided(toks, i)) {
                None
            } else if loose {
                mark(true, true)
            } else if close_ctx && !open_ctx {
                mark(false, true)
            } else if open_ctx {
                mark(true, false)
            } else {
                None
            }
        }
        '’' => {
            if r_alnum {
                // Never opens: don’t, Trump’s, 1990’s; ’90s, ’em.
                None
            } else if after_s && r_bound {
                weak()
            } else if close_ctx || loose {
                mark(false, true)
            } else {
                None
            }
        }
        _ => {
            // The straight single mark '.
            if (l_alnum && r_alnum) || (l_open && elided(toks, i)) {
                None
            } else if prev & DIGIT != 0 {
                // A foot mark (`6' tall`) unless it closes an open quote.
                if r_bound {
                    mark(false, true)
                } else {
                    None
                }
            } else if after_s && r_bound {
                weak()
            } else if open_ctx && !close_ctx {
                mark(true, false)
            } else if close_ctx || loose {
                mark(false, true)
            } else {
                None
            }
        }
    }
}

/// The character that ends just before byte `at`, if any (ASCII without decoding).
fn char_before(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at.checked_sub(1)?) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(..at)?.chars().next_back(),
    }
}

/// The character that starts at byte `at`, if any (ASCII without decoding).
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// Only spaces lie between byte `at` and the end of its line.
fn r_space_to_line_end(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    // Bounded: a run of spaces longer than this is not worth telling apart.
    for c in rest.chars().take(64) {
        if c == '\n' || c == '\r' {
            return true;
        }
        if !c.is_whitespace() {
            return false;
        }
    }
    true
}

/// Two digits and then no digit at byte `at`: the `90` of `’90s`, the `24` of `'24`.
fn two_digits(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let d = |k: usize| b.get(at + k).is_some_and(u8::is_ascii_digit);
    d(0) && d(1) && !d(2)
}

/// Mark `i` (after space or an opening bracket) starts a word that an apostrophe shortens: `’90s`, `'24`, `’em`.
fn elided(toks: &Tokens, i: usize) -> bool {
    toks.get(i).is_some_and(|t| two_digits(toks.text, t.end())) || elision(toks, i)
}

/// The word after mark `i` is one an apostrophe shortens, and it touches the mark.
fn elision(toks: &Tokens, i: usize) -> bool {
    toks.touch(i) && toks.is_word(i + 1) && {
        let w = toks.bytes_at(i + 1);
        ELISIONS
            .iter()
            .any(|e| e.as_bytes().eq_ignore_ascii_case(w))
    }
}

/// `'`, `‘` or `’`.
fn is_single(s: &[u8]) -> bool {
    matches!(mark_of(s), Some(('\'' | '‘' | '’', _)))
}

/// Mark `i` is one of the two apostrophes of `rock ’n’ roll`.
fn n_contraction(toks: &Tokens, i: usize) -> bool {
    let is_n = |k: usize| toks.bytes_at(k).eq_ignore_ascii_case(b"n");
    let first =
        is_n(i + 1) && toks.touch(i) && toks.touch(i + 1) && is_single(toks.bytes_at(i + 2));
    let last = i >= 2
        && is_n(i - 1)
        && toks.touch(i - 2)
        && toks.touch(i - 1)
        && is_single(toks.bytes_at(i - 2));
    is_single(toks.bytes_at(i)) && (first || last)
}

/// Mark `i` belongs to a JSON-like wrapper rather than to the prose: it touches a brace (`{“`, `“}`), it follows
/// an opening or precedes a closing square bracket (`[“`, `”]`), or it is one side of a key-value colon (`”:”`,
/// `":{`). Square brackets on the inner side are prose: an editor's insertion (`“[He] said`, `…[them]”`).
fn in_wrapper(toks: &Tokens, i: usize) -> bool {
    let before = |k: usize| -> &[u8] {
        if k < i && toks.touch(k) {
            toks.bytes_at(k)
        } else {
            b""
        }
    };
    let after = |k: usize| -> &[u8] {
        if k > i && toks.touch(k - 1) {
            toks.bytes_at(k)
        } else {
            b""
        }
    };
    let p1 = if i >= 1 { before(i - 1) } else { b"" };
    let n1 = after(i + 1);
    if matches!(p1, b"{" | b"}" | b"[") || matches!(n1, b"{" | b"}" | b"]") {
        return true;
    }
    if n1 == b":" {
        let n2 = after(i + 2);
        if mark_of(n2).is_some() || matches!(n2, b"{" | b"[") {
            return true;
        }
    }
    if p1 == b":" && i >= 2 {
        let p2 = before(i - 2);
        if mark_of(p2).is_some() || matches!(p2, b"}" | b"]") {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bits_say_what_the_character_tests_say() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = [
                (SPACE, c.is_whitespace()),
                (ALNUM, c.is_alphanumeric() || is_mark(c)),
                (OPENS, "([{<-–—/“‘«‹„‚\"'".contains(c)),
                (DIGIT, c.is_ascii_digit()),
                (ESS, c == 's' || c == 'S'),
                (BRACKET, "([{".contains(c)),
                (STOP, ",;:!?)]}".contains(c)),
                (ODD, "{}[]:nN".contains(c)),
            ];
            for (bit, is) in want {
                assert_eq!(bits(Some(c)) & bit != 0, is, "{c:?} bit {bit}");
            }
        }
        assert_eq!(bits(None), SPACE);
    }

    #[test]
    fn bits_from_the_bytes_as_from_the_chars() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let n = c.len_utf8();
            for text in [format!("{c}{c}"), format!("a{c}"), format!("{c}a")] {
                for at in [0, 1, n, text.len()]
                    .into_iter()
                    .filter(|&k| text.is_char_boundary(k))
                {
                    assert_eq!(
                        bits_before(&text, at),
                        bits(char_before(&text, at)),
                        "{c:?} {at}"
                    );
                    assert_eq!(bits_at(&text, at), bits(char_at(&text, at)), "{c:?} {at}");
                }
            }
        }
    }

    #[test]
    fn every_mark_starts_with_a_byte_find_looks_for() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            if family(&s).is_some() {
                assert!(
                    matches!(s.as_bytes()[0], b'"' | b'\'' | 0xC2 | 0xE2),
                    "{c:?}"
                );
            }
        }
    }

    /// The classification of every mark in `text`, as (mark, open, close, weak).
    fn marks(text: &str) -> Vec<(String, bool, bool, bool)> {
        let t = Tokens::new(text);
        (0..t.len())
            .filter_map(|i| classify(&t, i).map(|m| (t.s(i).to_string(), m.open, m.close, m.weak)))
            .collect()
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(marks(
            "don’t Trump’s Hamas’s it's 1990’s ’90s '24 rock ’n’ roll rock 'n' roll ’em"
        )
        .is_empty());
    }

    #[test]
    fn plural_possessive_is_a_weak_close() {
        assert_eq!(
            marks("the countries’ ties"),
            [("’".to_string(), false, true, true)]
        );
    }

    #[test]
    fn straight_marks_take_direction_from_context() {
        let m = marks("He said \"yes,\" and (\"no\")");
        let dirs: Vec<(bool, bool)> = m.iter().map(|x| (x.1, x.2)).collect();
        assert_eq!(
            dirs,
            [(true, false), (false, true), (true, false), (false, true)]
        );
    }

    #[test]
    fn wrapper_marks_are_not_marks() {
        assert!(marks("[[{“value”:”\nText\n“}]]").is_empty());
        assert!(marks("{\"a\":\"b\"}").is_empty());
        assert_eq!(marks("“[He] left [them]”").len(), 2);
    }

    #[test]
    fn inch_marks_only_close() {
        assert_eq!(
            marks("a 12\" screen"),
            [("\"".to_string(), false, true, false)]
        );
        assert_eq!(marks("5'11\""), [("\"".to_string(), false, true, false)]);
    }
}
