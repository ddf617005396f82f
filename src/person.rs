//! People: full names and later partial mentions, linked to the fullest form the text gives, with titles as cues.

use std::ops::Range;

use crate::country::CountryMention;
use crate::figure::Figure;
use crate::text::Tokens;

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

/// Finds the people.
pub fn find(_toks: &Tokens, _countries: &[CountryMention], _figures: &[Figure], _quotes: &[Range<usize>]) -> People {
    People::default() // TODO(people helper)
}
