//! The tokenizer: splits the text into words, numbers and single punctuation marks, each a byte range into the original text.
//!
//! Every recogniser works on these tokens, so they are cut as finely as the recognisers need and no finer:
//! - a **word** is a maximal run of letters and combining marks (`Ben-Gvir` is three tokens: `Ben`, `-`, `Gvir`;
//!   `Trump’s` is `Trump`, `’`, `s`). Recognisers join pieces by checking that tokens touch (`a.end() == b.start()`).
//! - a **number** is a run of ASCII digits, with `,` or `.` inside it when a digit follows (`46,000`, `1.7`).
//! - any other non-space character is a **punct** token of its own.
//!
//! Whitespace is not a token, but each token records whether a line break came before it, and whether it starts a
//! sentence (first token of the text or of a line, or the first after `.`, `!`, `?` and any closing marks).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    // Byte offsets, as u32 to keep the token 12 bytes rather than 24 (read them through `start()` and `end()`): the
    // token array is the largest allocation of a call. `tokenize` stops before any token ending past `u32::MAX`.
    start: u32,
    end: u32,
    pub kind: TokKind,
    // The flags `CAP`, `ALL_CAPS`, `LINE_START`, `SENT_START`, one bit each, read through the methods of those names
    // (lower case): as four bools they would make the token 16 bytes.
    flags: u8,
}

impl Token {
    /// The byte offset of the token's first character.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte offset just past the token's last character.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The first character is uppercase (for words).
    #[inline]
    pub fn cap(&self) -> bool {
        self.flags & CAP != 0
    }

    /// Every letter is uppercase and there are at least two (for words): "NATO", "US".
    #[inline]
    pub fn all_caps(&self) -> bool {
        self.flags & ALL_CAPS != 0
    }

    /// A line break lies between the previous token and this one (or this is the first token).
    #[inline]
    pub fn line_start(&self) -> bool {
        self.flags & LINE_START != 0
    }

    /// The token starts a sentence: first of a line, or first word after sentence-final punctuation.
    #[inline]
    pub fn sent_start(&self) -> bool {
        self.flags & SENT_START != 0
    }

    /// Clears `line_start` and `sent_start` (a line break that does not end a paragraph).
    pub fn clear_starts(&mut self) {
        self.flags &= !(LINE_START | SENT_START);
    }
}

const CAP: u8 = 1;
const ALL_CAPS: u8 = 2;
const LINE_START: u8 = 4;
const SENT_START: u8 = 8;

/// The tokens of one text, with the text they index into.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
}

// The tiny accessors that cannot panic are `#[inline]`: the wasm build (opt-level "s") would otherwise call them, and
// they are among the most called functions of all. (`s` and `str_at` are not: inlined with their slicing checks at
// every call site, they cost about 11 KB gzip of wasm.)
impl<'t> Tokens<'t> {
    /// Tokenizes `text`. A token records its offsets as `u32`, so the tokens stop at the last one that ends at or
    /// before byte `u32::MAX`: the rest of a text of 4 GiB or more has no tokens (and so no annotations).
    pub fn new(text: &'t str) -> Self {
        let toks = tokenize(text);
        Tokens { text, toks }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    #[allow(dead_code)] // `len`'s pair (clippy's len_without_is_empty); no caller needs it since the tables are static
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The text of token `i`.
    pub fn s(&self, i: usize) -> &'t str {
        let t = &self.toks[i];
        &self.text[t.start()..t.end()]
    }

    /// Token `i` if it exists.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The text of token `i`, or "" past either end.
    pub fn str_at(&self, i: usize) -> &'t str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start()..t.end()],
            None => "",
        }
    }

    /// The bytes of token `i`, or none past either end: for comparisons with ASCII words and marks, which need no
    /// char-boundary check ([`Tokens::s`] and [`Tokens::str_at`] check both ends at every call, out of line in the
    /// wasm build).
    pub fn bytes_at(&self, i: usize) -> &'t [u8] {
        self.toks
            .get(i)
            .and_then(|t| self.text.as_bytes().get(t.start()..t.end()))
            .unwrap_or_default()
    }

    /// The bytes of token `t` (one of these tokens).
    #[inline]
    pub fn bytes_of(&self, t: &Token) -> &'t [u8] {
        self.text
            .as_bytes()
            .get(t.start()..t.end())
            .unwrap_or_default()
    }

    /// Tokens `i` and `i + 1` touch: no space between them.
    #[inline]
    pub fn touch(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if t.kind == TokKind::Word)
    }

    #[inline]
    pub fn is_cap_word(&self, i: usize) -> bool {
        matches!(self.toks.get(i), Some(t) if t.kind == TokKind::Word && t.cap())
    }

    /// The index of the first token that starts at or after byte `pos` (binary search).
    pub fn index_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start() < pos)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_mark(c)
}

/// Common punctuation outside ASCII that is certainly neither a letter, a mark nor a space: the quotation marks,
/// dashes and bullets of U+2010..U+2027 and U+2030..U+205E, and « ». A fast path: it spares the Unicode tables
/// (`char::is_alphabetic` on these is a table search); recognisers that test neighbours of quote marks can use it too.
pub fn is_plain_punct(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E | 0xAB | 0xBB)
}

/// Combining marks, which belong to the letter before them.
pub fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F)
}

/// Where the word that goes on at byte `i` ends: after the word characters (letters and marks) from `i` on.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        if b < 0x80 {
            break;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if is_word_char(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Where the run of ASCII letters from byte `i` ends, and whether any of them is lowercase (an ASCII letter is
/// lowercase when its bit 5, 0x20, is set: the OR of the letters tells, with no branch on the case of each).
///
/// Eight bytes at a time (SWAR): a byte is a letter when, lowercased (`| 0x20`) and cut to seven bits, it lies in
/// `a..=z`, i.e. adding 0x1F sets its top bit (it is at least 0x61) and adding 0x05 does not (it is below 0x7B),
/// and the byte itself is ASCII. Seven-bit bytes plus at most 0x1F stay below 0x100, so no carry crosses bytes.
fn ascii_letters_end(bytes: &[u8], mut i: usize) -> (usize, bool) {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let mut bits = 0u64;
    while let Some(chunk) = bytes.get(i..).and_then(|r| r.first_chunk::<8>()) {
        let w = u64::from_le_bytes(*chunk);
        let x = (w | (0x20 * ONES)) & (0x7F * ONES);
        let letters = (x + 0x1F * ONES) & !(x + 0x05 * ONES) & !w & (0x80 * ONES);
        let others = !letters & (0x80 * ONES);
        if others == 0 {
            bits |= w;
            i += 8;
            continue;
        }
        // The letters before the first other byte (the lowest: the word is read little-endian).
        let n = others.trailing_zeros() / 8;
        bits |= w & ((1u64 << (n * 8)) - 1);
        i += n as usize;
        return (i, bits & (0x20 * ONES) != 0);
    }
    while let Some(&b) = bytes.get(i) {
        if !b.is_ascii_alphabetic() {
            break;
        }
        bits |= u64::from(b);
        i += 1;
    }
    (i, bits & (0x20 * ONES) != 0)
}

/// Where a punct token that goes on at byte `i` ends: a letter's combining marks stay with it even after a
/// non-letter base (e.g. a digit + U+20E3), and so do U+FE0F and U+200D (all outside ASCII).
#[inline]
fn marks_end(text: &str, i: usize) -> usize {
    // Usually nothing of the kind follows: a byte below 0xCC is ASCII or the lead byte of something below U+0300.
    match text.as_bytes().get(i) {
        Some(&b) if b >= 0xCC => marks_end_slow(text, i),
        _ => i,
    }
}

#[inline(never)]
fn marks_end_slow(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        let len = match b {
            // U+2000..U+20FF, where the general punctuation is (the quotation marks): only U+200D (E2 80 8D) and
            // the marks U+20D0..U+20FF (E2 83 90..E2 83 BF) go on, told from the bytes without decoding.
            0xE2 => match bytes.get(i + 1..i + 3) {
                Some([0x80, 0x8D] | [0x83, 0x90..=0xBF]) => 3,
                _ => break,
            },
            // The lead bytes of the other marks (U+0300..U+036F: CC, CD; U+0483..: D2; U+0591..: D6;
            // U+0610..U+065F: D8, D9; U+0900..U+094F: E0; U+1AB0.., U+1DC0..: E1; U+FE0F, U+FE20..: EF).
            0xCC | 0xCD | 0xD2 | 0xD6 | 0xD8 | 0xD9 | 0xE0 | 0xE1 | 0xEF => {
                let c = text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' ');
                if is_mark(c) || c == '\u{FE0F}' {
                    c.len_utf8()
                } else {
                    break;
                }
            }
            _ => break,
        };
        i += len;
    }
    i
}

fn tokenize(text: &str) -> Vec<Token> {
    tokenize_upto(text, u32::MAX as usize)
}

/// The tokens of `text` up to the last one that ends at or before byte `limit` (`tokenize` passes `u32::MAX`, the
/// largest offset a `Token` holds; on 32-bit targets no text is longer, and the test below is compiled away).
fn tokenize_upto(text: &str, limit: usize) -> Vec<Token> {
    let bytes = text.as_bytes();
    // News text averages about five bytes a token: a quarter of the length is enough without a reallocation.
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 4 + 1);
    // Tokens are gathered in a small array on the stack and moved to `toks` when it is full: filling it needs no
    // capacity check per token, and its address stays in a register.
    const NONE: Token = Token {
        start: 0,
        end: 0,
        kind: TokKind::Punct,
        flags: 0,
    };
    let mut buf = [NONE; 128];
    let mut n = 0;
    let mut emit = |tok: Token| {
        buf[n % 128] = tok;
        n += 1;
        if n == 128 {
            toks.extend_from_slice(&buf);
            n = 0;
        }
    };
    // The `LINE_START` and `SENT_START` flags of the next token.
    let mut starts = LINE_START | SENT_START;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_whitespace() {
            if b == b'\n' || b == b'\r' {
                starts = LINE_START | SENT_START;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        // The first character (for punctuation).
        let mut c = char::from(b);
        if b.is_ascii_alphabetic() {
            // The ASCII fast path of the word path below: no decoding until a byte outside ASCII.
            let (end, lower) = ascii_letters_end(bytes, i);
            i = end;
            // A letter or mark outside ASCII goes on the word (which is then not all ASCII); anything else ends it.
            let end = match bytes.get(i) {
                Some(&b) if b >= 0x80 => word_end(text, i),
                _ => i,
            };
            if end == i {
                if i > limit {
                    break;
                }
                // No lowercase letter means the first is a capital too.
                let cap = b & 0x20 == 0;
                let all_caps = !lower && i - start >= 2;
                emit(Token {
                    // Both fit: `start < i <= limit <= u32::MAX`.
                    start: start as u32,
                    end: i as u32,
                    kind: TokKind::Word,
                    flags: starts | (u8::from(cap) * CAP) | (u8::from(all_caps) * ALL_CAPS),
                });
                starts = 0;
                // Most words are followed by one space: skip it here, at less cost than the loop's whitespace test.
                if bytes.get(i) == Some(&b' ') {
                    i += 1;
                }
                continue;
            }
            kind = TokKind::Word;
            i = end;
        } else if b.is_ascii_digit() {
            kind = TokKind::Number;
            i += 1;
            // Digits, and `,` or `.` with a digit after them.
            loop {
                i += (bytes.get(i..).unwrap_or_default().iter())
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if matches!(bytes.get(i), Some(b',' | b'.'))
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if b < 0x80 && b != 0x0B {
            // ASCII punctuation (or a control character): what the general path below makes of it, without its
            // tests (U+000B is the one character `char::is_whitespace` holds a space and `is_ascii_whitespace` not).
            kind = TokKind::Punct;
            i = marks_end(text, i + 1);
        } else {
            // SAFETY of slicing: `i` is always on a char boundary (we advance by whole chars).
            if b >= 0x80 {
                c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            }
            let plain = b >= 0x80 && is_plain_punct(c);
            if b >= 0x80 && !plain && is_word_char(c) {
                kind = TokKind::Word;
                i = word_end(text, i + c.len_utf8());
            } else if !plain && c.is_whitespace() {
                // Unicode spaces (no-break space, em space, line separator...), and U+000B.
                if c == '\u{2028}' || c == '\u{2029}' || c == '\u{85}' {
                    starts = LINE_START | SENT_START;
                }
                i += c.len_utf8();
                continue;
            } else {
                kind = TokKind::Punct;
                i = marks_end(text, i + c.len_utf8());
            }
        }
        if i > limit {
            break;
        }
        let flags = if kind == TokKind::Word {
            starts | word_case(&text[start..i])
        } else {
            starts
        };
        emit(Token {
            // Both fit: `start < i <= limit <= u32::MAX`.
            start: start as u32,
            end: i as u32,
            kind,
            flags,
        });
        starts = match c {
            _ if kind != TokKind::Punct => 0,
            // A punct token is one character, unless marks follow it (then it is none of these).
            _ if i - start != c.len_utf8() => 0,
            '.' | '!' | '?' | '…' => SENT_START,
            // Closing marks keep the state; opening marks keep a pending sentence start.
            '"' | '\'' | '”' | '’' | '“' | '‘' | ')' | ']' | '»' | '«' | '(' | '[' | '-' | '–'
            | '—' | ':' => starts & SENT_START,
            _ => 0,
        };
    }
    toks.extend_from_slice(&buf[..n]);
    toks
}

/// The `CAP` and `ALL_CAPS` flags of word `s`: its first character is uppercase; it has two letters or more, all
/// uppercase.
fn word_case(s: &str) -> u8 {
    let first = s.chars().next().is_some_and(|c| c.is_uppercase());
    let mut letters = 0usize;
    let mut upper = 0usize;
    for c in s.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
    }
    (u8::from(first) * CAP) | (u8::from(letters >= 2 && upper == letters) * ALL_CAPS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_at_the_last_token_within_the_limit() {
        let words = |limit| -> Vec<(usize, usize)> {
            let toks = tokenize_upto("ab cd, ef", limit);
            toks.iter().map(|t| (t.start(), t.end())).collect()
        };
        assert_eq!(words(9), [(0, 2), (3, 5), (5, 6), (7, 9)]);
        assert_eq!(words(100), words(9));
        // A token that ends past the limit is dropped, and so is everything after it.
        assert_eq!(words(8), [(0, 2), (3, 5), (5, 6)]);
        assert_eq!(words(6), [(0, 2), (3, 5), (5, 6)]);
        assert_eq!(words(5), [(0, 2), (3, 5)]);
        assert_eq!(words(4), [(0, 2)]);
        assert_eq!(words(1), []);
        assert_eq!(std::mem::size_of::<Token>(), 12);
    }

    #[test]
    fn letters_eight_at_a_time_as_one_at_a_time() {
        let slow = |bytes: &[u8], mut i: usize| {
            let mut lower = false;
            while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                lower |= bytes[i].is_ascii_lowercase();
                i += 1;
            }
            (i, lower)
        };
        for b in 0..=255u8 {
            for at in 0..20 {
                for word in [b"abcdefghijklmnopqrst", b"ABCDEFGHIJKLMNOPQRST"] {
                    let mut bytes = word.to_vec();
                    bytes[at] = b;
                    for from in [0, 1, 7, 8, 13] {
                        assert_eq!(
                            ascii_letters_end(&bytes, from),
                            slow(&bytes, from),
                            "{b} at {at} from {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn marks_told_from_their_bytes_as_from_their_chars() {
        let slow = |text: &str, mut i: usize| {
            while let Some(c) = text[i..].chars().next() {
                if is_mark(c) || c == '\u{FE0F}' || c == '\u{200D}' {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            i
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!(".{c}{c}.");
            assert_eq!(marks_end(&text, 1), slow(&text, 1), "{c:?}");
        }
    }

    fn strs(text: &str) -> Vec<&str> {
        let t = Tokens::new(text);
        (0..t.len()).map(|i| t.s(i)).collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        assert_eq!(
            strs("Ben-Gvir’s $1.7 billion, 46,000."),
            ["Ben", "-", "Gvir", "’", "s", "$", "1.7", "billion", ",", "46,000", "."]
        );
        assert_eq!(strs("Oct. 7, 2023"), ["Oct", ".", "7", ",", "2023"]);
    }

    #[test]
    fn ascii_controls_are_punct_but_a_vertical_tab_is_a_space() {
        assert!('\u{B}'.is_whitespace() && !b'\x0B'.is_ascii_whitespace());
        assert_eq!(
            strs("a\u{B}b\u{1F}c\u{0}"),
            ["a", "b", "\u{1F}", "c", "\u{0}"]
        );
        assert_eq!(strs("1\u{20E3}.\u{301}"), ["1", "\u{20E3}", ".\u{301}"]);
    }

    #[test]
    fn keeps_combining_marks_in_words() {
        assert_eq!(strs("Zoe\u{301} said"), ["Zoe\u{301}", "said"]);
    }

    #[test]
    fn common_punctuation_takes_the_fast_path() {
        for c in [
            '“', '”', '‘', '’', '«', '»', '–', '—', '…', '•', '‹', '›', '„', '′',
        ] {
            assert!(is_plain_punct(c), "{c}");
            assert!(
                !c.is_alphabetic() && !c.is_whitespace() && !is_mark(c),
                "{c}"
            );
        }
        for c in [
            '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{2009}', 'ª', 'º', 'é',
        ] {
            assert!(!is_plain_punct(c), "{c:?}");
        }
        assert_eq!(
            strs("«Oui»—“Yes”…"),
            ["«", "Oui", "»", "—", "“", "Yes", "”", "…"]
        );
    }

    #[test]
    fn flags_ascii_and_unicode_words_alike() {
        let t = Tokens::new("NATO Nato nato A É ÉTÉ");
        let flags: Vec<(bool, bool)> = t.toks.iter().map(|k| (k.cap(), k.all_caps())).collect();
        assert_eq!(
            flags,
            [
                (true, true),
                (true, false),
                (false, false),
                (true, false),
                (true, false),
                (true, true)
            ]
        );
    }

    #[test]
    fn a_mark_after_a_full_stop_does_not_start_a_sentence() {
        let t = Tokens::new("one.\u{301} two. Three");
        let starts: Vec<&str> = (0..t.len())
            .filter(|&i| t.toks[i].sent_start())
            .map(|i| t.s(i))
            .collect();
        assert_eq!(starts, ["one", "Three"]);
    }

    #[test]
    fn marks_sentence_starts() {
        let t = Tokens::new("He left. The end\nNew line “Quoted");
        let starts: Vec<&str> = (0..t.len())
            .filter(|&i| t.toks[i].sent_start())
            .map(|i| t.s(i))
            .collect();
        assert_eq!(starts, ["He", "The", "New"]);
    }
}
