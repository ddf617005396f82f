//! Countries: names, aliases and demonyms of every sovereign state and Palestine (data/countries.tsv).

use std::ops::Range;

use crate::text::Tokens;
use crate::CountryForm;

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
pub fn find(_toks: &Tokens) -> Vec<CountryMention> {
    Vec::new() // TODO(countries helper)
}
