//! Figures: money, percent, count, duration, date and quantity, in digits or number words, with normalised values.

use std::ops::Range;

use crate::text::Tokens;
use crate::FigureAttrs;

/// One figure in the text.
#[derive(Debug)]
pub struct Figure {
    pub range: Range<usize>,
    pub attrs: FigureAttrs,
}

/// Finds the figures, in text order, not overlapping.
pub fn find(_toks: &Tokens) -> Vec<Figure> {
    Vec::new() // TODO(figures helper)
}
