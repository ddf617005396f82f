//! Quotes: spans in quotation marks, marks included, and who the text says spoke them.

use std::ops::Range;

use crate::person::People;
use crate::text::Tokens;

/// Finds the quotes, in text order, not overlapping (a quote nested in another is part of the outer one).
pub fn find(_toks: &Tokens) -> Vec<Range<usize>> {
    Vec::new() // TODO(quotes helper)
}

/// For each quote, the person entity (an index into `people.entities`) the text says spoke it.
pub fn speakers(_toks: &Tokens, quotes: &[Range<usize>], _people: &People) -> Vec<Option<usize>> {
    vec![None; quotes.len()] // TODO(quotes helper)
}
