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
    // Candidates for the flat layer (non-quote), resolved greedily by start, longest first.
    enum Cand {
        Person(usize),
        Country(usize),
        Figure(usize),
    }
    let mut flat: Vec<(Range<usize>, Cand)> =
        Vec::with_capacity(figures.len() + countries.len() + people.mentions.len());
    for (i, p) in people.mentions.iter().enumerate() {
        flat.push((p.range.clone(), Cand::Person(i)));
    }
    for (i, c) in countries.iter().enumerate() {
        flat.push((c.range.clone(), Cand::Country(i)));
    }
    for (i, f) in figures.iter().enumerate() {
        flat.push((f.range.clone(), Cand::Figure(i)));
    }
    flat.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));

    let mut doc = Document::default();
    // Entity numbering: first mention order, across kinds.
    let mut person_entity_of: Vec<Option<usize>> = vec![None; people.entities.len()];
    let mut country_entity: std::collections::HashMap<&'static str, usize> =
        std::collections::HashMap::new();
    let mut last_end = 0usize;
    let mut kept: Vec<Annotation> = Vec::with_capacity(flat.len() + quotes.len());
    for (range, cand) in flat {
        if range.start < last_end || range.start >= range.end {
            continue;
        }
        last_end = range.end;
        let attrs = match cand {
            Cand::Person(i) => {
                let e = person_entity(
                    &mut doc,
                    &mut person_entity_of,
                    &people,
                    people.mentions[i].entity,
                );
                doc.entities[e].mentions += 1;
                Attrs::Person { entity: e }
            }
            Cand::Country(i) => {
                let c = &countries[i];
                let e = *country_entity.entry(c.country.code).or_insert_with(|| {
                    doc.entities.push(Entity {
                        kind: Kind::Country,
                        name: c.country.name.to_string(),
                        code: Some(c.country.code),
                        title: None,
                        mentions: 0,
                    });
                    doc.entities.len() - 1
                });
                doc.entities[e].mentions += 1;
                Attrs::Country {
                    entity: e,
                    form: c.form,
                }
            }
            Cand::Figure(i) => Attrs::Figure(figures[i].attrs.clone()),
        };
        kept.push(Annotation { range, attrs });
    }
    for (range, speaker) in quotes.into_iter().zip(speakers) {
        let speaker = speaker.map(|pe| person_entity(&mut doc, &mut person_entity_of, &people, pe));
        kept.push(Annotation {
            range,
            attrs: Attrs::Quote { speaker },
        });
    }
    // Sorted by start; at equal starts the longer (enclosing) span first, so a quote precedes what it contains.
    kept.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
    });
    doc.annotations = kept;
    doc
}

/// The document entity of person `pe` (an index into `people.entities`), created at its first use.
fn person_entity(
    doc: &mut Document,
    entity_of: &mut [Option<usize>],
    people: &person::People,
    pe: usize,
) -> usize {
    *entity_of[pe].get_or_insert_with(|| {
        let src = &people.entities[pe];
        doc.entities.push(Entity {
            kind: Kind::Person,
            name: src.name.clone(),
            code: None,
            title: src.title.clone(),
            mentions: 0,
        });
        doc.entities.len() - 1
    })
}
