//! Quotes: spans in quotation marks, marks included, and who the text says spoke them.
//!
//! [`find`] walks the tokens once with a small stack of open marks ([`marks`] decides what each mark can do):
//! - a closing mark closes the nearest open mark of its family; only the outermost quote is kept, so a quote
//!   nested in another (`"… 'There's nothing …' …"`) is part of the outer one;
//! - a paragraph (a line) ends every quote still open in it. News style re-opens a quote at each new paragraph and
//!   closes it only at the end, so an open double quote ends at the last non-space character of its paragraph,
//!   and likewise where a new double quote opens at a sentence start while one is open (`…issued. "Entry…`);
//!   an unclosed single quote is an apostrophe misread, and is dropped, as is an unclosed mark that could as well
//!   have been a closing one (a `"` between spaces);
//! - a quote never holds more than [`MAX_DOUBLE`] (double) or [`MAX_SINGLE`] (single) bytes, nor no letter or digit.
//!
//! Hard-wrapped text (wire copy, e-mail, text copied from a PDF or a terminal: paragraphs separated by blank lines and
//! broken into lines of at most about 100 characters) is read through [`unwrap`]: there a single line break inside a
//! sentence is a space, so a quote or its attribution may run across it.
//!
//! [`speakers`] is in [`speaker`].

use std::ops::Range;

use crate::text::Tokens;

mod marks;
mod speaker;

use marks::{classify, Family};
pub use speaker::speakers;

/// The longest double (or guillemet) quote, in bytes: longer ones come from a stray mark.
pub const MAX_DOUBLE: usize = 4000;
/// The longest single quote, in bytes.
pub const MAX_SINGLE: usize = 1000;
/// How deep quotes may nest; deeper marks are ignored.
const MAX_DEPTH: usize = 8;
/// How far ahead (bytes) a possessive-looking closing mark looks for a plain one.
const WEAK_LOOKAHEAD: usize = 300;

/// An open mark on the stack.
#[derive(Clone, Copy, Debug)]
struct Open {
    fam: Family,
    /// Byte offset of the mark.
    start: usize,
    /// The mark could only open (`“`, or `"` with space before and a word after); one that could also have closed
    /// (a `"` between spaces) makes a quote only when a closing mark pairs with it.
    firm: bool,
}

fn max_len(fam: Family) -> usize {
    match fam {
        Family::Single | Family::SingleGuillemet => MAX_SINGLE,
        Family::Double | Family::Guillemet => MAX_DOUBLE,
    }
}

/// The state of the one pass of [`find`].
struct Finder {
    out: Vec<Range<usize>>,
    stack: Vec<Open>,
    /// Quotes closed directly inside the outermost open one: kept if that one turns out not to be a quote.
    inner: Vec<Range<usize>>,
    /// The end of the last word or number seen, to tell a quote with content from an empty one.
    last_alnum_end: usize,
}

impl Finder {
    fn emit(&mut self, range: Range<usize>) {
        if self.last_alnum_end > range.start && range.end > range.start {
            self.out.push(range);
        }
        self.inner.clear();
        self.stack.clear();
    }

    /// The outermost quote is not a quote after all: keep the quotes closed inside it.
    fn drop_outer(&mut self) {
        self.out.append(&mut self.inner);
        self.stack.clear();
    }

    /// The paragraph ended at byte `end` (its last non-space character) with quotes still open.
    fn end_paragraph(&mut self, end: usize) {
        let Some(k) = self
            .stack
            .iter()
            .position(|o| o.firm && matches!(o.fam, Family::Double | Family::Guillemet))
        else {
            self.drop_outer();
            return;
        };
        let start = self.stack[k].start;
        if k > 0 {
            // Single marks below it were apostrophes misread; quotes closed inside them all lie before `start`.
            self.drop_outer();
        }
        if end - start <= MAX_DOUBLE {
            self.emit(start..end);
        } else {
            self.drop_outer();
        }
    }
}

/// The longest line (in characters) of a hard-wrapped text.
const WRAP_MAX: usize = 100;
/// A line at least this long (in characters) is a full line of a hard-wrapped paragraph.
const WRAP_FULL: usize = 50;

/// Whether `text` is hard-wrapped: some blank line, no line longer than [`WRAP_MAX`] characters, at least three lines
/// of [`WRAP_FULL`] or more, and such full lines are at least half of the non-blank lines.
fn hard_wrapped(text: &str) -> bool {
    let (mut lines, mut full, mut blank) = (0usize, 0usize, 0usize);
    for line in text.lines() {
        let n = line.trim().chars().count();
        if n == 0 {
            blank += 1;
        } else if n > WRAP_MAX {
            return false;
        } else {
            lines += 1;
            full += usize::from(n >= WRAP_FULL);
        }
    }
    blank > 0 && full >= 3 && full * 2 >= lines
}

/// The tokens as the quote finder reads them: in a hard-wrapped text a token after a single line break that does not
/// follow the end of a sentence or a colon starts no line and no sentence (`None` where the text is not hard-wrapped:
/// read the tokens as they are).
pub(crate) fn unwrap<'t>(toks: &Tokens<'t>) -> Option<Tokens<'t>> {
    if !hard_wrapped(toks.text) {
        return None;
    }
    let mut out = Tokens {
        text: toks.text,
        toks: toks.toks.clone(),
    };
    for i in 1..out.toks.len() {
        if !out.toks[i].line_start() {
            continue;
        }
        let gap = toks
            .text
            .get(out.toks[i - 1].end()..out.toks[i].start())
            .unwrap_or("");
        if gap.bytes().filter(|&b| b == b'\n').count() != 1 {
            continue;
        }
        // A line that ends a sentence (`.`, `!`, `?` or `…` and any closing marks) or with a colon may end a paragraph
        // too (text whose short paragraphs are not separated by blank lines): that break stays.
        let mut j = i - 1;
        let sentence_end = loop {
            match toks.s(j) {
                "." | "!" | "?" | "…" | ":" => break true,
                "\"" | "'" | "”" | "’" | ")" | "]" | "»" if j > 0 && j + 4 > i => j -= 1,
                _ => break false,
            }
        };
        if !sentence_end {
            out.toks[i].clear_starts();
        }
    }
    Some(out)
}

/// Finds the quotes: byte ranges from the opening mark to the closing mark, both included, in text order and not
/// overlapping (a quote nested in another is part of the outer one). Linear: one pass over the tokens.
pub fn find(toks: &Tokens) -> Vec<Range<usize>> {
    let unwrapped = unwrap(toks);
    let toks = unwrapped.as_ref().unwrap_or(toks);
    let mut f = Finder {
        out: Vec::new(),
        stack: Vec::with_capacity(MAX_DEPTH),
        inner: Vec::new(),
        last_alnum_end: 0,
    };
    // A quotation mark ([`marks`]' families) starts with one of these bytes: other punctuation (most of it) is
    // passed over without classifying.
    let may_be_mark = |t: &crate::text::Token| {
        t.kind == crate::text::TokKind::Punct
            && matches!(
                toks.text.as_bytes().get(t.start()),
                Some(b'"' | b'\'' | 0xC2 | 0xE2)
            )
    };
    let mut iter = toks.toks.iter().enumerate();
    while let Some(mut next) = iter.next() {
        // While nothing is open only a mark matters (a tight loop finds the next one): `last_alnum_end` is only ever
        // compared with the start of an open mark, which no token before it ends after, so left as it is until one
        // opens it compares the same.
        if f.stack.is_empty() && !may_be_mark(next.1) {
            let Some(mark) = iter.find(|&(_, t)| may_be_mark(t)) else {
                break;
            };
            next = mark;
        }
        let (i, t) = next;
        if !f.stack.is_empty() {
            if t.line_start() && i > 0 {
                f.end_paragraph(toks.toks[i - 1].end());
            }
            if t.kind != crate::text::TokKind::Punct {
                f.last_alnum_end = t.end();
                continue;
            }
        }
        if !may_be_mark(t) {
            continue;
        }
        let Some(m) = classify(toks, i) else { continue };
        if m.close {
            if let Some(pos) = f.stack.iter().rposition(|o| o.fam == m.fam) {
                if m.weak && plain_close_ahead(toks, i, m.fam) {
                    continue;
                }
                let open = f.stack[pos];
                if pos == 0 && t.end() - open.start > max_len(open.fam) {
                    f.drop_outer();
                    continue;
                }
                f.stack.truncate(pos);
                match pos {
                    0 => f.emit(open.start..t.end()),
                    1 if f.last_alnum_end > open.start => f.inner.push(open.start..t.end()),
                    _ => {}
                }
                continue;
            }
        }
        if !m.open {
            continue;
        }
        if m.fam == Family::Double
            && f.stack.first().is_some_and(|o| o.fam == Family::Double)
            && t.sent_start()
            && !toks.touch(i - 1)
        {
            // News style run-on within a line: a new quote opens at a sentence start while one is open.
            f.end_paragraph(toks.toks[i - 1].end());
        }
        if f.stack.len() < MAX_DEPTH {
            f.stack.push(Open {
                fam: m.fam,
                start: t.start(),
                firm: !m.close,
            });
        }
    }
    if let Some(last) = toks.toks.last() {
        if !f.stack.is_empty() {
            f.end_paragraph(last.end());
        }
    }
    f.out
}

/// A plain closing mark of family `fam` follows mark `i` in its paragraph, within [`WEAK_LOOKAHEAD`] bytes and
/// before any opening mark of that family: then mark `i` is a possessive apostrophe, not the closing mark.
fn plain_close_ahead(toks: &Tokens, i: usize, fam: Family) -> bool {
    let Some(from) = toks.get(i).map(|t| t.end()) else {
        return false;
    };
    for j in i + 1..toks.len() {
        let t = &toks.toks[j];
        if t.line_start() || t.start() - from > WEAK_LOOKAHEAD {
            return false;
        }
        match classify(toks, j) {
            Some(m) if m.fam == fam && m.close && !m.weak => return true,
            Some(m) if m.fam == fam && m.open && !m.close => return false,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let t = Tokens::new(text);
        find(&t).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_curly_and_straight_quotes() {
        assert_eq!(
            quotes("“Yes,” he said. \"No,\" she said."),
            ["“Yes,”", "\"No,\""]
        );
    }

    #[test]
    fn nested_quote_is_part_of_the_outer() {
        assert_eq!(
            quotes("\"He said 'There's nothing here' to me,\" she said."),
            ["\"He said 'There's nothing here' to me,\""]
        );
    }

    #[test]
    fn run_on_paragraphs() {
        assert_eq!(quotes("He said: “One.  \n“Two.”"), ["“One.", "“Two.”"]);
        assert_eq!(quotes("He said: \"One. \"Two.\""), ["\"One.", "\"Two.\""]);
    }

    #[test]
    fn unclosed_single_is_dropped_but_its_inner_quotes_stay() {
        assert_eq!(quotes("the 'odd “inner” mark"), ["“inner”"]);
    }

    #[test]
    fn possessive_does_not_close_when_a_plain_close_follows() {
        assert_eq!(
            quotes("‘The parents’ rights matter’ he wrote"),
            ["‘The parents’ rights matter’"]
        );
        assert_eq!(
            quotes("‘Nothing is as it seems’ he wrote"),
            ["‘Nothing is as it seems’"]
        );
    }

    #[test]
    fn hard_wrapped_text_runs_quotes_over_single_line_breaks() {
        let text = "The minister said on Monday that the country would never accept\n\
                    what she called \"a deal that leaves us with nothing at all and\n\
                    takes away our rights\" and that she would fight it in court.\n\n\
                    The opposition said the plan had been agreed months ago and that\n\
                    the minister knew it.";
        assert!(hard_wrapped(text));
        assert_eq!(
            quotes(text),
            ["\"a deal that leaves us with nothing at all and\ntakes away our rights\""]
        );
        // Lines of a normal article are not wrapped: a quote still ends with its line.
        let long =
            "The minister said on Monday that the country would never accept a deal like this.";
        assert!(!hard_wrapped(&format!(
            "{long} {long}\n\n{long}\n{long}\n{long}"
        )));
        assert_eq!(quotes("Short line \"open\nnext line.\""), ["\"open"]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "\"",
            "'",
            "“",
            "”",
            "„",
            "« »",
            "\"\"\"",
            "'\n'",
            "“}",
            "{“",
            "a\"b'c",
            "’’’",
            "\n\n\"\n",
        ] {
            let _ = quotes(s);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use proptest::prelude::*;

    use crate::person::{People, PersonEntity, PersonMention};
    use crate::text::Tokens;

    /// Texts made of marks, brackets, words, digits, spaces and line breaks: the inputs that could confuse the stack.
    fn texts() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "\"",
            "'",
            "“",
            "”",
            "‘",
            "’",
            "„",
            "‚",
            "«",
            "»",
            "‹",
            "›",
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            ".",
            " ",
            " ",
            "\n",
            "said",
            "he",
            "Smith",
            "s",
            "n",
            "90",
            "5",
            "the",
            "according",
            "to",
            "quoted",
            "as",
            "saying",
            "é",
        ]);
        prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn quotes_are_ordered_disjoint_marked_spans(text in texts()) {
            let toks = Tokens::new(&text);
            let quotes = super::find(&toks);
            let mut last = 0;
            for q in &quotes {
                prop_assert!(q.start >= last && q.start < q.end && q.end <= text.len());
                prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
                let first = text[q.start..].chars().next().unwrap_or(' ');
                prop_assert!("\"'“”‘’„‚«»‹›‟‛".contains(first), "quote {:?} starts with {:?}", &text[q.clone()], first);
                // A quote runs over a line break only in hard-wrapped text, and never over a blank line.
                prop_assert!(!text[q.clone()].contains('\n') || super::hard_wrapped(&text));
                prop_assert!(!text[q.clone()].contains("\n\n"));
                last = q.end;
            }
            // Every word is a mention of one person: speakers must stay in range and never panic.
            let mentions: Vec<PersonMention> = toks.toks.iter().filter(|t| t.cap()).map(|t| PersonMention { range: t.start()..t.end(), entity: 0 }).collect();
            let people = People { mentions, entities: vec![PersonEntity { name: "Smith".into(), title: Some("the".into()) }] };
            let speakers = super::speakers(&toks, &quotes, &people, &[]);
            prop_assert_eq!(speakers.len(), quotes.len());
            prop_assert!(speakers.iter().all(|s| s.is_none_or(|e| e == 0)));
        }
    }
}
