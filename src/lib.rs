//! lede finds the people, countries, figures and quotes in news text.
//!
//! [`annotate`] takes the text as it is and returns a [`Document`]: annotations whose ranges are byte offsets into that
//! same text (the core never copies or normalises the input), and the entities (people, countries) they refer to.
//! [`Output`] turns a document into the public contract, `{"version": 1, "annotations": [...], "entities": [...]}`,
//! with offsets in the unit the caller asks for ([`Unit`]); the command-line tool and the wasm binding both use it.
//!
//! The pipeline, one pass each over the tokens of [`text`]:
//! quotes (`quote`) → figures (`figure`) → countries (`country`) → people (`person`) → speakers (`quote`) →
//! overlap resolution and entity grouping (here).

use std::ops::Range;

mod case;
mod country;
mod data;
mod figure;
mod filter;
mod offsets;
mod output;
mod person;
mod quote;
mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use offsets::Unit;
pub use output::{Output, VERSION};

/// The four kinds of annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Country,
    Figure,
    Quote,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Country => "country",
            Kind::Figure => "figure",
            Kind::Quote => "quote",
        }
    }
}

/// How a country is named: by its name or an alias ("Russia", "U.S."), or by a demonym ("Russian", "Iranians").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryForm {
    Name,
    Demonym,
}

impl CountryForm {
    pub fn as_str(self) -> &'static str {
        match self {
            CountryForm::Name => "name",
            CountryForm::Demonym => "demonym",
        }
    }
}

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureClass {
    Money,
    Percent,
    Count,
    Duration,
    Date,
    Quantity,
}

impl FigureClass {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureClass::Money => "money",
            FigureClass::Percent => "percent",
            FigureClass::Count => "count",
            FigureClass::Duration => "duration",
            FigureClass::Date => "date",
            FigureClass::Quantity => "quantity",
        }
    }
}

/// A figure's normalised value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number: 1700000000 for "$1.7 billion", 5 for "five-year".
    Number(f64),
    /// A calendar date, as precise as the text gives it; written as ISO 8601 ("2023-10-07", "2022-02", "2024").
    Date {
        year: i32,
        month: Option<u8>,
        day: Option<u8>,
    },
}

/// The attributes of a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureAttrs {
    pub class: FigureClass,
    pub value: Option<Value>,
    /// ISO 4217 code for money ("USD"), "percent", a time unit ("year", "day"), or a measure ("km").
    pub unit: Option<&'static str>,
}

/// What one annotation says, by kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Attrs {
    /// A mention of the person `entity` (an index into [`Document::entities`]).
    Person {
        entity: usize,
    },
    /// A mention of the country `entity`.
    Country {
        entity: usize,
        form: CountryForm,
    },
    Figure(FigureAttrs),
    /// A quotation; `speaker` is the person entity the text says spoke it.
    Quote {
        speaker: Option<usize>,
    },
}

impl Attrs {
    pub fn kind(&self) -> Kind {
        match self {
            Attrs::Person { .. } => Kind::Person,
            Attrs::Country { .. } => Kind::Country,
            Attrs::Figure(_) => Kind::Figure,
            Attrs::Quote { .. } => Kind::Quote,
        }
    }
}

/// One annotation: a byte range of the input text and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    pub range: Range<usize>,
    pub attrs: Attrs,
}

impl Annotation {
    pub fn kind(&self) -> Kind {
        self.attrs.kind()
    }
}

/// A person or a country that one or more annotations mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: Kind,
    /// The fullest name the text gives (person), or the country's short English name.
    pub name: String,
    /// ISO 3166-1 alpha-2, for countries.
    pub code: Option<&'static str>,
    /// The title or role the text gives a person ("Russian President"), for the tooltip.
    pub title: Option<String>,
    pub mentions: usize,
}

/// The result of [`annotate`]: annotations sorted by start (then longest first), and the entities they mention.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub annotations: Vec<Annotation>,
    pub entities: Vec<Entity>,
}

/// Annotates `text`. Never panics, and runs in time linear in the length of the text.
///
/// Only the first 4 GiB are read: the tokens stop at the last one that ends at or before byte `u32::MAX` (see
/// [`text::Tokens::new`]), so nothing past that is annotated.
pub fn annotate(text: &str) -> Document {
    let toks = stage(|| text::Tokens::new(text));
    let quotes = stage(|| quote::find(&toks));
    let figures = stage(|| figure::find(&toks));
    let countries = stage(|| country::find(&toks));
    let people = stage(|| person::find(&toks, &countries, &figures, &quotes));
    let speakers = stage(|| quote::speakers(&toks, &quotes, &people, &countries));
    stage(|| assemble(quotes, speakers, figures, countries, people))
}

/// Runs one step of [`annotate`] as a function of its own in the wasm build. Each step has one caller, so the
/// compiler would inline them all into `annotate`, one function of 47 KB of wasm, which the engine compiles whole
/// at the first call (V8's baseline compiler; its optimising compiler later, whole, when a loop in it gets hot).
/// Apart, the largest step is 14 KB and each has fewer locals, which V8's baseline compiler carries through every
/// branch: 3% fewer instructions compiling the first call in Node 20, the same speed after. Natively nothing
/// changes (the steps are inlined as before).
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn stage<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// Joins the recognisers' results into one document: resolves overlaps between persons, countries and figures
/// (a quote may contain any of them), numbers the entities in order of first mention, and counts mentions.
fn assemble(
    quotes: Vec<Range<usize>>,
    speakers: Vec<Option<usize>>,
    figures: Vec<figure::Figure>,
    countries: Vec<country::CountryMention>,
    people: person::People,
) -> Document {
    // Candidates for the flat layer (non-quote), resolved greedily by start, longest first; at equal ranges persons,
    // then countries, then figures, each in their order. A candidate is its index in that order (persons, countries,
    // figures), so the order is that of a stable sort by range of the three lists one after the other.
    let (n_people, n_countries) = (people.mentions.len(), countries.len());
    let n_flat = n_people + n_countries + figures.len();
    // Candidate `h` of list `l` (0 persons, 1 countries, 2 figures).
    let range_in = |l: usize, h: usize| match l {
        0 => people.mentions.get(h).map(|p| &p.range),
        1 => countries.get(h).map(|c| &c.range),
        _ => figures.get(h).map(|f| &f.range),
    };
    // Each recogniser gives its results in that order already (in text order, not overlapping), so merging the
    // three lists gives the sorted order with no sort; should one not (checked here, in one pass), the candidates
    // are sorted as keys (start, longest first, index in the three lists one after the other), which are unique, so
    // [`sort_keys`] gives the same order.
    let lens = [n_people, n_countries, figures.len()];
    let ordered = (0..3)
        .all(|l| (1..lens[l]).all(|h| range_in(l, h - 1).map(key) <= range_in(l, h).map(key)));
    let mut sorted: Vec<SortKey> = Vec::new();
    if !ordered {
        for (l, &len) in lens.iter().enumerate() {
            for h in 0..len {
                if let Some(r) = range_in(l, h) {
                    sorted.push((r.start, usize::MAX - r.end, sorted.len()));
                }
            }
        }
        sort_keys(&mut sorted);
    }
    // The merge: the next candidate of each list and its key ((usize::MAX, usize::MAX) past its end, greater than any
    // candidate's, whose start is below its end, a token offset, at most `u32::MAX`).
    let key_in = |l: usize, h: usize| range_in(l, h).map_or((usize::MAX, usize::MAX), key);
    let mut heads = [0usize; 3];
    let mut keys = [key_in(0, 0), key_in(1, 0), key_in(2, 0)];
    let mut next = 0;
    // The next candidate, as (list, index in it).
    let mut next_candidate = || -> Option<(usize, usize)> {
        if !ordered {
            let i = sorted.get(next)?.2;
            next += 1;
            return Some(match i.checked_sub(n_people) {
                None => (0, i),
                Some(c) if c < n_countries => (1, c),
                Some(c) => (2, c - n_countries),
            });
        }
        // The least key, the first list at equal keys.
        let mut l = 0;
        for m in 1..3 {
            if keys[m] < keys[l] {
                l = m;
            }
        }
        let h = heads[l];
        if h >= lens[l] {
            return None;
        }
        heads[l] += 1;
        keys[l] = key_in(l, h + 1);
        Some((l, h))
    };

    let mut doc = Document {
        annotations: Vec::with_capacity(n_flat + quotes.len()),
        entities: Vec::new(),
    };
    // Entity numbering: first mention order, across kinds; the persons of the flat layer first, then the quotes'
    // speakers (numbered in a last pass over the quotes).
    let mut person_entity_of: Vec<Option<usize>> = vec![None; people.entities.len()];
    // The document entity of each country, by its ISO code's two letters (A-Z, as country.rs's tests hold): an array
    // rather than a hash map, which would link std's SipHash into the wasm for this one use.
    let mut country_entity: Vec<Option<usize>> = vec![None; 26 * 26];
    let mut last_end = 0usize;
    // The quotes, merged in as the kept candidates go: sorted by start; at equal starts the longer (enclosing) span
    // first, so a quote precedes what it contains, and at equal ranges the candidate first. Quotes are in text order
    // and do not overlap, and the kept candidates neither, so this is the order of a stable sort by start, longest
    // first, of the kept candidates followed by the quotes. Their speakers are person indices here.
    let n_quotes = quotes.len().min(speakers.len());
    let mut qi = 0;
    while let Some((l, h)) = next_candidate() {
        let Some(range) = range_in(l, h).cloned() else {
            break;
        };
        if range.start < last_end || range.start >= range.end {
            continue;
        }
        last_end = range.end;
        while qi < n_quotes && key(&quotes[qi]) < key(&range) {
            doc.annotations.push(Annotation {
                range: quotes[qi].clone(),
                attrs: Attrs::Quote {
                    speaker: speakers[qi],
                },
            });
            qi += 1;
        }
        let attrs = if l == 0 {
            let e = person_entity(
                &mut doc.entities,
                &mut person_entity_of,
                &people,
                people.mentions[h].entity,
            );
            doc.entities[e].mentions += 1;
            Attrs::Person { entity: e }
        } else if l == 1 {
            let c = &countries[h];
            let code = c.country.code;
            let slot = match *code.as_bytes() {
                [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
                    country_entity.get_mut(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
                }
                _ => None,
            };
            // Any other code (none in the table) finds its entity by search.
            let known = match &slot {
                Some(s) => **s,
                None => doc.entities.iter().position(|e| e.code == Some(code)),
            };
            let e = known.unwrap_or_else(|| {
                doc.entities.push(Entity {
                    kind: Kind::Country,
                    name: c.country.name.to_string(),
                    code: Some(code),
                    title: None,
                    mentions: 0,
                });
                doc.entities.len() - 1
            });
            if let Some(s) = slot {
                *s = Some(e);
            }
            doc.entities[e].mentions += 1;
            Attrs::Country {
                entity: e,
                form: c.form,
            }
        } else {
            Attrs::Figure(figures[h].attrs.clone())
        };
        doc.annotations.push(Annotation { range, attrs });
    }
    for (range, &speaker) in quotes.iter().zip(&speakers).skip(qi) {
        doc.annotations.push(Annotation {
            range: range.clone(),
            attrs: Attrs::Quote { speaker },
        });
    }
    // The speakers' entities, in the order of the quotes (as the annotations hold them).
    for a in &mut doc.annotations {
        if let Attrs::Quote {
            speaker: Some(pe), ..
        } = &mut a.attrs
        {
            *pe = person_entity(&mut doc.entities, &mut person_entity_of, &people, *pe);
        }
    }
    doc
}

/// The sort key of a range: by start, longest first.
fn key(r: &Range<usize>) -> (usize, usize) {
    (r.start, usize::MAX - r.end)
}

/// A sort key whose last field makes it unique: (start, `usize::MAX - end`, index), or (offset, index, 0).
pub(crate) type SortKey = (usize, usize, usize);

/// Sorts unique keys, so in the one order a stable sort by the leading fields gives. Every sort of another element
/// type or with another comparator is one more copy of core's sort code (2-5 KB of wasm each): the crate's sorts
/// all come here. Unique keys have one sorted order, so the unstable sort gives it: its code is 625 bytes of wasm
/// (gzip) smaller than the stable one's, and both are fallbacks only (lists out of order, offsets out of order).
pub(crate) fn sort_keys(keys: &mut [SortKey]) {
    keys.sort_unstable();
}

/// The document entity of person `pe` (an index into `people.entities`), created at its first use.
fn person_entity(
    entities: &mut Vec<Entity>,
    entity_of: &mut [Option<usize>],
    people: &person::People,
    pe: usize,
) -> usize {
    *entity_of[pe].get_or_insert_with(|| {
        let src = &people.entities[pe];
        entities.push(Entity {
            kind: Kind::Person,
            name: src.name.clone(),
            code: None,
            title: src.title.clone(),
            mentions: 0,
        });
        entities.len() - 1
    })
}
