//! The public output contract, shared by the command-line tool (as JSON) and the wasm binding (as JS objects):
//!
//! `{"version": 1, "annotations": [...], "entities": [...]}`; each annotation has `kind`, `start`, `end`, `text` and
//! its kind's attributes; offsets count [`Unit`]s (UTF-16 code units unless the caller asks otherwise).

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::offsets::{self, Unit};
use crate::{Attrs, Document, Value};

/// The version of the output contract. Bump it when a field changes meaning or disappears.
pub const VERSION: u32 = 1;

/// A document ready to serialise: its offsets already converted to the requested unit.
pub struct Output<'a> {
    text: &'a str,
    doc: &'a Document,
    /// `[start0, end0, start1, end1, ...]` in the output unit.
    offsets: Vec<usize>,
    pub unit: Unit,
}

impl<'a> Output<'a> {
    pub fn new(text: &'a str, doc: &'a Document, unit: Unit) -> Self {
        let mut offs = Vec::with_capacity(doc.annotations.len() * 2);
        for a in &doc.annotations {
            offs.push(a.range.start);
            offs.push(a.range.end);
        }
        offsets::convert(text, unit, &mut offs);
        Output { text, doc, offsets: offs, unit }
    }

    pub fn to_json(&self, pretty: bool) -> String {
        let r = if pretty { serde_json::to_string_pretty(self) } else { serde_json::to_string(self) };
        // Serialising plain strings and numbers into a String cannot fail.
        r.unwrap_or_default()
    }
}

impl Serialize for Output<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Output", 3)?;
        st.serialize_field("version", &VERSION)?;
        st.serialize_field("annotations", &Annotations(self))?;
        st.serialize_field("entities", &Entities(self.doc))?;
        st.end()
    }
}

struct Annotations<'o, 'a>(&'o Output<'a>);

impl Serialize for Annotations<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let out = self.0;
        s.collect_seq(out.doc.annotations.iter().enumerate().map(|(i, a)| AnnotationOut {
            out,
            ann: a,
            start: out.offsets[2 * i],
            end: out.offsets[2 * i + 1],
        }))
    }
}

struct AnnotationOut<'o, 'a> {
    out: &'o Output<'a>,
    ann: &'a crate::Annotation,
    start: usize,
    end: usize,
}

impl Serialize for AnnotationOut<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.out.doc;
        let mut st = s.serialize_struct("Annotation", 9)?;
        st.serialize_field("kind", self.ann.kind().as_str())?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("text", &self.out.text[self.ann.range.clone()])?;
        match &self.ann.attrs {
            Attrs::Person { entity } => {
                let e = &doc.entities[*entity];
                st.serialize_field("name", &e.name)?;
                match &e.title {
                    Some(t) => st.serialize_field("title", t)?,
                    None => st.skip_field("title")?,
                }
                st.serialize_field("entity", entity)?;
            }
            Attrs::Country { entity, form } => {
                let e = &doc.entities[*entity];
                st.serialize_field("code", &e.code)?;
                st.serialize_field("name", &e.name)?;
                st.serialize_field("form", form.as_str())?;
                st.serialize_field("entity", entity)?;
            }
            Attrs::Figure(f) => {
                st.serialize_field("class", f.class.as_str())?;
                match &f.value {
                    Some(v) => st.serialize_field("value", &ValueOut(v))?,
                    None => st.skip_field("value")?,
                }
                match f.unit {
                    Some(u) => st.serialize_field("unit", u)?,
                    None => st.skip_field("unit")?,
                }
            }
            Attrs::Quote { speaker } => {
                let name = speaker.map(|e| doc.entities[e].name.as_str());
                st.serialize_field("speaker", &name)?;
                st.serialize_field("speaker_entity", speaker)?;
            }
        }
        st.end()
    }
}

/// A number is written as an integer when it is one (and exactly representable in a JS number), else as a float;
/// a date as its ISO 8601 string.
struct ValueOut<'a>(&'a Value);

impl Serialize for ValueOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self.0 {
            Value::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
                    s.serialize_i64(n as i64)
                } else {
                    s.serialize_f64(n)
                }
            }
            Value::Date { year, month, day } => s.collect_str(&iso_date(year, month, day)),
        }
    }
}

/// "2023-10-07", "2022-02" or "2024".
pub fn iso_date(year: i32, month: Option<u8>, day: Option<u8>) -> String {
    match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    }
}

struct Entities<'a>(&'a Document);

impl Serialize for Entities<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.entities.iter().enumerate().map(|(i, e)| EntityOut(i, e)))
    }
}

struct EntityOut<'a>(usize, &'a crate::Entity);

impl Serialize for EntityOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.1;
        let mut st = s.serialize_struct("Entity", 6)?;
        st.serialize_field("id", &self.0)?;
        st.serialize_field("kind", e.kind.as_str())?;
        st.serialize_field("name", &e.name)?;
        match e.code {
            Some(c) => st.serialize_field("code", c)?,
            None => st.skip_field("code")?,
        }
        match &e.title {
            Some(t) => st.serialize_field("title", t)?,
            None => st.skip_field("title")?,
        }
        st.serialize_field("mentions", &e.mentions)?;
        st.end()
    }
}
