//! The public output contract, shared by the command-line tool (as JSON) and the wasm binding (as JS objects):
//!
//! `{"version": 1, "annotations": [...], "entities": [...]}`; each annotation has `kind`, `start`, `end`, `text` and
//! its kind's attributes; offsets count [`Unit`]s (UTF-16 code units unless the caller asks otherwise).

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::offsets::{self, Unit};
use crate::{Attrs, CountryForm, Document, Kind, Value};

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
        offsets::convert_ranges(text, unit, &mut offs);
        Output {
            text,
            doc,
            offsets: offs,
            unit,
        }
    }

    /// The JSON text of the output: compact (one line), or indented when `pretty`.
    ///
    /// The compact form, which the CLI prints and the wasm binding hands to `JSON.parse`, is written by hand into one
    /// preallocated `String` (see [`Output::write_compact`]); it is byte for byte what serde_json writes for the
    /// [`Serialize`] impl below, which the pretty form still goes through (a test holds the two equal).
    pub fn to_json(&self, pretty: bool) -> String {
        if !pretty {
            let mut out = String::with_capacity(self.json_capacity());
            self.write_compact(&mut out, false);
            return out;
        }
        // Serialising plain strings and numbers into a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A guess at the compact JSON's length that is rarely short: each annotation's text plus its fields and names.
    fn json_capacity(&self) -> usize {
        let texts: usize = self.doc.annotations.iter().map(|a| a.range.len()).sum();
        64 + texts + 128 * self.doc.annotations.len() + 96 * self.doc.entities.len()
    }

    /// Appends the compact JSON of the output to `out`: the same bytes as `serde_json::to_string(self)`, or, when
    /// `ascii`, the same but with characters outside ASCII escaped. Each constant stretch between two values is
    /// one `push_str` (`","end":`), and each entity's name, title and code are escaped once, not at every mention.
    fn write_compact(&self, out: &mut String, ascii: bool) {
        let doc = self.doc;
        let known = Escaped::new(doc, ascii);
        out.push_str("{\"version\":");
        push_uint(out, VERSION as u64);
        out.push_str(",\"annotations\":[");
        for (i, a) in doc.annotations.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(match a.kind() {
                Kind::Person => "{\"kind\":\"person\",\"start\":",
                Kind::Country => "{\"kind\":\"country\",\"start\":",
                Kind::Figure => "{\"kind\":\"figure\",\"start\":",
                Kind::Quote => "{\"kind\":\"quote\",\"start\":",
            });
            push_uint(out, self.offsets[2 * i] as u64);
            out.push_str(",\"end\":");
            push_uint(out, self.offsets[2 * i + 1] as u64);
            out.push_str(",\"text\":");
            push_str(out, self.text.get(a.range.clone()).unwrap_or(""), ascii);
            match &a.attrs {
                Attrs::Person { entity } => {
                    out.push_str(",\"name\":");
                    out.push_str(known.name(*entity));
                    let title = known.title(*entity);
                    if !title.is_empty() {
                        out.push_str(",\"title\":");
                        out.push_str(title);
                    }
                    out.push_str(",\"entity\":");
                    push_uint(out, *entity as u64);
                }
                Attrs::Country { entity, form } => {
                    out.push_str(",\"code\":");
                    match known.code(*entity) {
                        "" => out.push_str("null"),
                        c => out.push_str(c),
                    }
                    out.push_str(",\"name\":");
                    out.push_str(known.name(*entity));
                    out.push_str(match form {
                        CountryForm::Name => ",\"form\":\"name\",\"entity\":",
                        CountryForm::Demonym => ",\"form\":\"demonym\",\"entity\":",
                    });
                    push_uint(out, *entity as u64);
                }
                Attrs::Figure(f) => {
                    out.push_str(",\"class\":\"");
                    out.push_str(f.class.as_str());
                    out.push('"');
                    if let Some(v) = &f.value {
                        out.push_str(",\"value\":");
                        push_value(out, v);
                    }
                    if let Some(u) = f.unit {
                        out.push_str(",\"unit\":");
                        push_str(out, u, ascii);
                    }
                }
                Attrs::Quote { speaker: Some(e) } => {
                    out.push_str(",\"speaker\":");
                    out.push_str(known.name(*e));
                    out.push_str(",\"speaker_entity\":");
                    push_uint(out, *e as u64);
                }
                Attrs::Quote { speaker: None } => {
                    out.push_str(",\"speaker\":null,\"speaker_entity\":null");
                }
            }
            out.push('}');
        }
        out.push_str("],\"entities\":");
        self.write_entities(out, ascii);
        out.push('}');
    }

    /// Appends the JSON array of the entities.
    fn write_entities(&self, out: &mut String, ascii: bool) {
        out.push('[');
        for (i, e) in self.doc.entities.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"id\":");
            push_uint(out, i as u64);
            out.push_str(",\"kind\":\"");
            out.push_str(e.kind.as_str());
            out.push_str("\",\"name\":");
            push_str(out, &e.name, ascii);
            if let Some(c) = e.code {
                out.push_str(",\"code\":");
                push_str(out, c, ascii);
            }
            if let Some(t) = &e.title {
                out.push_str(",\"title\":");
                push_str(out, t, ascii);
            }
            out.push_str(",\"mentions\":");
            push_uint(out, e.mentions as u64);
            out.push('}');
        }
        out.push(']');
    }

    /// The output in the three parts the wasm binding's JavaScript builds the result objects from, with no JSON at
    /// all (parsing JSON was most of the binding's time, first of the annotations, then of the entities):
    ///
    /// - `nums`, integers: the contract's version; the number of strings, then each one's end in `strings` (in UTF-16
    ///   code units, each starting where the one before ends); the number of entities, then [`JS_ENTITY_STRIDE`] an
    ///   entity: kind (in [`Kind`] order), mentions, the index of its name, code and title among the strings (-1
    ///   absent); then [`JS_STRIDE`] an annotation: kind (0 person, 1 country by name, 2 country by demonym, 3 quote,
    ///   4 figure), start, end, then person and country: entity; quote: the speaker's entity or -1; figure: class (in
    ///   [`FigureClass`] order), value (-1 none, -2 null, -3 a number: the next of `values`, or a date: its string's
    ///   index), the unit's string index or -1. Unused slots are 0. Integers, so that JavaScript reads small integers
    ///   (no boxed doubles in the objects); offsets, counts and indices fit in an i32, as no JavaScript string is 2^31
    ///   code units long.
    /// - `values`: the figures' numbers, in order, exact.
    /// - `strings`: the entities' names, codes and titles, the date values and the units (each unit once), end to end.
    ///
    /// The annotation's `text` is not sent: it is the caller's string sliced at the UTF-16 offsets.
    ///
    /// [`FigureClass`]: crate::FigureClass
    pub fn js_parts(&self) -> (Vec<i32>, Vec<f64>, String) {
        let doc = self.doc;
        let mut strings = String::new();
        let mut ends = Vec::new();
        let mut end = 0;
        let mut string = |s: &str| -> i32 {
            strings.push_str(s);
            end += s.chars().map(|c| c.len_utf16() as i32).sum::<i32>();
            ends.push(end);
            ends.len() as i32 - 1
        };
        let mut entities = Vec::with_capacity(doc.entities.len() * JS_ENTITY_STRIDE);
        for e in &doc.entities {
            let name = string(&e.name);
            let code = e.code.map_or(-1, &mut string);
            let title = e.title.as_deref().map_or(-1, &mut string);
            entities.extend_from_slice(&[e.kind as i32, e.mentions as i32, name, code, title]);
        }
        let mut annotations = Vec::with_capacity(doc.annotations.len() * JS_STRIDE);
        let mut values = Vec::new();
        let mut units: Vec<(&str, i32)> = Vec::new();
        for (a, o) in doc.annotations.iter().zip(self.offsets.chunks_exact(2)) {
            let (kind, x, y, z) = match &a.attrs {
                Attrs::Person { entity } => (0, *entity as i32, 0, 0),
                Attrs::Country { entity, form } => (
                    1 + i32::from(*form == CountryForm::Demonym),
                    *entity as i32,
                    0,
                    0,
                ),
                Attrs::Quote { speaker } => (3, speaker.map_or(-1, |e| e as i32), 0, 0),
                Attrs::Figure(f) => {
                    let value = match &f.value {
                        None => -1,
                        Some(Value::Number(n)) if !n.is_finite() => -2,
                        Some(Value::Number(n)) => {
                            // As the JSON writes it: an integral value as an integer, so -0 is 0.
                            values.push(if *n == 0.0 { 0.0 } else { *n });
                            -3
                        }
                        Some(Value::Date { year, month, day }) => {
                            string(&iso_date(*year, *month, *day))
                        }
                    };
                    let unit = f
                        .unit
                        .map_or(-1, |u| match units.iter().find(|(v, _)| *v == u) {
                            Some(&(_, i)) => i,
                            None => {
                                let i = string(u);
                                units.push((u, i));
                                i
                            }
                        });
                    (4, f.class as i32, value, unit)
                }
            };
            annotations.extend_from_slice(&[kind, o[0] as i32, o[1] as i32, x, y, z]);
        }
        let mut nums = Vec::with_capacity(3 + ends.len() + entities.len() + annotations.len());
        nums.extend_from_slice(&[VERSION as i32, ends.len() as i32]);
        nums.extend_from_slice(&ends);
        nums.push(doc.entities.len() as i32);
        nums.extend_from_slice(&entities);
        nums.extend_from_slice(&annotations);
        (nums, values, strings)
    }
}

/// The JSON strings of the entities' names, titles and codes, escaped once each: one text, and where each is in it.
struct Escaped {
    text: String,
    /// Per entity: the ends of its name, title and code in `text` (each starting where the one before ends); an
    /// absent title or code is empty.
    ends: Vec<[usize; 3]>,
}

impl Escaped {
    fn new(doc: &Document, ascii: bool) -> Escaped {
        let mut text = String::with_capacity(doc.entities.iter().map(|e| e.name.len() + 4).sum());
        let ends = doc
            .entities
            .iter()
            .map(|e| {
                push_str(&mut text, &e.name, ascii);
                let name = text.len();
                if let Some(t) = &e.title {
                    push_str(&mut text, t, ascii);
                }
                let title = text.len();
                if let Some(c) = e.code {
                    push_str(&mut text, c, ascii);
                }
                [name, title, text.len()]
            })
            .collect();
        Escaped { text, ends }
    }

    /// Field `f` (0 name, 1 title, 2 code) of entity `e`, as a JSON string, or "" when absent.
    fn field(&self, e: usize, f: usize) -> &str {
        let end = self.ends.get(e).map_or(0, |x| x[f]);
        let start = match (f, e) {
            (0, 0) => 0,
            (0, _) => self.ends.get(e - 1).map_or(0, |x| x[2]),
            _ => self.ends.get(e).map_or(0, |x| x[f - 1]),
        };
        self.text.get(start..end).unwrap_or("")
    }

    fn name(&self, e: usize) -> &str {
        self.field(e, 0)
    }

    fn title(&self, e: usize) -> &str {
        self.field(e, 1)
    }

    fn code(&self, e: usize) -> &str {
        self.field(e, 2)
    }
}

/// The numbers per annotation in [`Output::js_parts`].
pub const JS_STRIDE: usize = 6;

/// The numbers per entity in [`Output::js_parts`].
pub const JS_ENTITY_STRIDE: usize = 5;

/// Appends `n` in decimal, two digits at a time: each pair a copy from a table of the hundred pairs, most
/// significant first (the pairs are found from the least significant, into a small array).
fn push_uint(out: &mut String, mut n: u64) {
    const PAIRS: &str = "0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";
    // Every pair is below 100, so the slice is in bounds and the copy two bytes.
    let push_pair = |out: &mut String, p: u64| {
        let i = p as usize * 2;
        out.push_str(&PAIRS[i..i + 2]);
    };
    let mut pairs = [0u8; 10];
    let mut k = pairs.len();
    while n >= 100 && k > 0 {
        k -= 1;
        pairs[k] = (n % 100) as u8;
        n /= 100;
    }
    if n >= 10 {
        push_pair(out, n);
    } else {
        out.push(char::from(b'0' + n as u8));
    }
    for &p in &pairs[k..] {
        push_pair(out, u64::from(p));
    }
}

/// Appends a figure's value as [`ValueOut`] serialises it.
fn push_value(out: &mut String, v: &Value) {
    match *v {
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 => {
            let i = n as i64;
            if i < 0 {
                out.push('-');
            }
            push_uint(out, i.unsigned_abs());
        }
        // A fraction: serde_json's shortest round-trip form (rare enough to go through it).
        Value::Number(n) => out.push_str(&serde_json::to_string(&n).unwrap_or_default()),
        Value::Date { year, month, day } => {
            out.push('"');
            push_iso_date(out, year, month, day);
            out.push('"');
        }
    }
}

/// Appends [`iso_date`] of the date (which has no character to escape), digit by digit when every part has its
/// usual width.
fn push_iso_date(out: &mut String, year: i32, month: Option<u8>, day: Option<u8>) {
    let digits = |out: &mut String, n: u32, width: u32| {
        for k in (0..width).rev() {
            out.push(char::from(b'0' + (n / 10u32.pow(k) % 10) as u8));
        }
    };
    let (Ok(y @ 0..=9999), Some(0..=99) | None, Some(0..=99) | None) =
        (u32::try_from(year), month, day)
    else {
        out.push_str(&iso_date(year, month, day));
        return;
    };
    digits(out, y, 4);
    if let Some(m) = month {
        out.push('-');
        digits(out, u32::from(m), 2);
        if let Some(d) = day {
            out.push('-');
            digits(out, u32::from(d), 2);
        }
    }
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"` and `\`, and the control characters below
/// U+0020 (`\b \t \n \f \r` by name, the others as `\u00xx`). Runs of plain bytes are copied whole; the scan
/// looks at eight bytes at a time. When `ascii`, characters outside ASCII are escaped too (`\u00e9`, and a surrogate
/// pair for those outside the Basic Multilingual Plane), as `JSON.stringify` never does but `JSON.parse` reads.
fn push_str(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    let bytes = s.as_bytes();
    let plain = |w: u64| !(has_special(w) || (ascii && w & 0x8080_8080_8080_8080 != 0));
    // Most strings need no escape: they are checked eight bytes at a time, the last eight as one word too (with
    // bytes already seen, which are plain), and copied whole.
    let mut i = 0;
    while let Some(c) = bytes.get(i..i + 8) {
        if !plain(u64::from_le_bytes([
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
        ])) {
            break;
        }
        i += 8;
    }
    let last = match bytes.len().checked_sub(8).and_then(|k| bytes.get(k..)) {
        Some(c) => u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        // Shorter than eight bytes: padded with spaces, which are plain.
        None => bytes
            .iter()
            .rev()
            .fold(0x2020_2020_2020_2020u64, |w, &b| (w << 8) | u64::from(b)),
    };
    if i + 8 > bytes.len() && plain(last) {
        out.push_str(s);
    } else {
        push_escaped(out, s, i, ascii);
    }
    out.push('"');
}

/// Appends `s` escaped, as [`push_str`] does but for the quotes, its first `from` bytes being plain.
fn push_escaped(out: &mut String, s: &str, from: usize, ascii: bool) {
    let bytes = s.as_bytes();
    let mut run = 0; // start of the run of bytes not yet copied
    let mut i = from;
    while i < bytes.len() {
        // Skip eight plain bytes at a time: no byte below 0x20, no '"', no '\'. The last few bytes are padded with
        // spaces, which are plain, so the end of a short string needs no byte loop either.
        let w = match bytes.get(i..i + 8) {
            Some(c) => u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
            None => bytes
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .rev()
                .fold(0x2020_2020_2020_2020u64, |w, &b| (w << 8) | u64::from(b)),
        };
        let non_ascii = ascii && w & 0x8080_8080_8080_8080 != 0;
        if !(has_special(w) || non_ascii) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            0x0C => "\\f",
            b'\r' => "\\r",
            0..=0x1F => "",
            0x80.. if ascii => {
                out.push_str(s.get(run..i).unwrap_or(""));
                let c = s
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .unwrap_or('\u{FFFD}');
                let mut units = [0u16; 2];
                for &u in c.encode_utf16(&mut units).iter() {
                    push_u_escape(out, u);
                }
                i += c.len_utf8().max(1);
                run = i;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // Bytes below 0x80 are whole characters, so `run..i` and `i + 1..` are on character boundaries.
        out.push_str(s.get(run..i).unwrap_or(""));
        if esc.is_empty() {
            push_u_escape(out, u16::from(b));
        } else {
            out.push_str(esc);
        }
        i += 1;
        run = i;
    }
    out.push_str(s.get(run..).unwrap_or(""));
}

/// Appends `\u` and the four lowercase hex digits of `u`.
fn push_u_escape(out: &mut String, u: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX[usize::from((u >> shift) & 0xF)]));
    }
}

/// Some byte of `w` is below 0x20, or is `"` or `\` (the classic SWAR zero-byte tests).
fn has_special(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    below_space | zero(w ^ (ONES * b'"' as u64)) | zero(w ^ (ONES * b'\\' as u64)) != 0
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
        s.collect_seq(
            out.doc
                .annotations
                .iter()
                .enumerate()
                .map(|(i, a)| AnnotationOut {
                    out,
                    ann: a,
                    start: out.offsets[2 * i],
                    end: out.offsets[2 * i + 1],
                }),
        )
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

/// "2023-10-07", "2022-02" or "2024": what `format!("{year:04}-{m:02}-{d:02}")` gives (a day only with a month),
/// written without `core::fmt`, whose formatting machinery would otherwise be linked into the wasm for this alone.
pub fn iso_date(year: i32, month: Option<u8>, day: Option<u8>) -> String {
    let mut s = String::with_capacity(11);
    // `{:04}` pads after the sign, to a width that counts it.
    if year < 0 {
        s.push('-');
    }
    push_padded(&mut s, year.unsigned_abs(), if year < 0 { 3 } else { 4 });
    if let Some(m) = month {
        s.push('-');
        push_padded(&mut s, m.into(), 2);
        if let Some(d) = day {
            s.push('-');
            push_padded(&mut s, d.into(), 2);
        }
    }
    s
}

/// `n` in decimal, with leading zeros up to `width` digits. A digit at a time, most significant first (found from the
/// least significant, into a small array): not [`push_uint`], whose table of pairs the wasm build would otherwise
/// link for the dates alone.
fn push_padded(out: &mut String, mut n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut k = digits.len();
    while k > 0 {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    k = k.min(digits.len().saturating_sub(width));
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

struct Entities<'a>(&'a Document);

impl Serialize for Entities<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityOut(i, e)),
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII form (non-ASCII characters escaped, as `js_parts` writes its strings) parses to the same value.
    #[test]
    fn ascii_json_is_the_same_value() {
        let text =
            "“Ça va”, dit Zoë Müller 😀 in Côte d’Ivoire on 7 October 2023, \"he\" said.\u{1}";
        let doc = crate::annotate(text);
        let out = Output::new(text, &doc, Unit::Utf16);
        let mut ascii = String::new();
        out.write_compact(&mut ascii, true);
        assert!(ascii.is_ascii());
        let a: serde_json::Value = serde_json::from_str(&ascii).unwrap();
        let b: serde_json::Value = serde_json::from_str(&out.to_json(false)).unwrap();
        assert_eq!(a, b);
        let mut s = String::new();
        push_str(&mut s, "a😀é\"\n", true);
        assert_eq!(s, r#""a\ud83d\ude00\u00e9\"\n""#);
    }

    /// The hand-written compact JSON is serde_json's, byte for byte, for every kind, escape and value form.
    #[test]
    fn compact_json_is_serde_json() {
        let texts = [
            "",
            "Russian President Vladimir Putin said on Oct. 7, 2023 that “the $1.7 billion deal” was 12.5% done.",
            "\"Quote \\ with\tcontrol\u{1}chars\u{1f}\r\n and \u{8}\u{c}\" said Mr Smith, 45, of France.\n",
            "He paid 1.25 million euros, 0.5 percent, 3.14159 km and ½ of 2 1/2 dozen on 2022-02 in 2024. “Ça va”, dit Zoë Müller 😀.",
        ];
        for text in texts {
            let doc = crate::annotate(text);
            for unit in [Unit::Utf8, Unit::Utf16, Unit::Chars] {
                let out = Output::new(text, &doc, unit);
                assert_eq!(
                    out.to_json(false),
                    serde_json::to_string(&out).unwrap(),
                    "{text:?}"
                );
            }
        }
        let mut s = String::new();
        for b in 0u8..0x80 {
            s.push(b as char);
        }
        let mut out = String::new();
        push_str(&mut out, &s.repeat(3), false);
        assert_eq!(out, serde_json::to_string(&s.repeat(3)).unwrap());
        for v in [
            0.5,
            -2.0,
            1e21,
            1700000000.0,
            9_007_199_254_740_992.0,
            -0.25,
        ] {
            let mut out = String::new();
            push_value(&mut out, &Value::Number(v));
            assert_eq!(
                out,
                serde_json::to_string(&ValueOut(&Value::Number(v))).unwrap()
            );
        }
    }

    /// Strings of every length up to 20 with a byte to escape (or a character outside ASCII) at every place: the
    /// word-at-a-time scan misses none, in either mode.
    #[test]
    fn push_str_escapes_at_every_place() {
        for len in 0..20 {
            for at in 0..=len {
                for special in ["\"", "\\", "\n", "\u{1}", "é", "😀", "x"] {
                    let s: String = (0..len)
                        .map(|k| if k == at { special } else { "a" })
                        .collect();
                    let mut out = String::new();
                    push_str(&mut out, &s, false);
                    assert_eq!(out, serde_json::to_string(&s).unwrap(), "{s:?}");
                    let mut ascii = String::new();
                    push_str(&mut ascii, &s, true);
                    assert!(ascii.is_ascii());
                    assert_eq!(serde_json::from_str::<String>(&ascii).unwrap(), s);
                }
            }
        }
    }

    /// Dates are written as `iso_date` writes them, in every width.
    #[test]
    fn dates_are_iso_date() {
        for year in [-12345, -5, 0, 7, 99, 2023, 9999, 10000, 123456] {
            for month in [
                None,
                Some(0),
                Some(2),
                Some(12),
                Some(99),
                Some(100),
                Some(255),
            ] {
                for day in [None, Some(1), Some(31), Some(100)] {
                    let mut out = String::new();
                    push_value(&mut out, &Value::Date { year, month, day });
                    assert_eq!(out, format!("\"{}\"", iso_date(year, month, day)));
                }
            }
        }
    }

    /// The integer writer agrees with `to_string` at every digit count and pair boundary.
    #[test]
    fn iso_date_is_format() {
        for year in [
            i32::MIN,
            -12345,
            -999,
            -10,
            -1,
            0,
            7,
            99,
            2024,
            9999,
            10000,
            i32::MAX,
        ] {
            for m in [None, Some(0u8), Some(2), Some(12), Some(255)] {
                for d in [None, Some(0u8), Some(7), Some(31), Some(255)] {
                    let want = match (m, d) {
                        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
                        (Some(m), None) => format!("{year:04}-{m:02}"),
                        _ => format!("{year:04}"),
                    };
                    assert_eq!(iso_date(year, m, d), want);
                }
            }
        }
    }

    #[test]
    fn push_uint_is_to_string() {
        let mut n = 1u64;
        for _ in 0..20 {
            for v in [
                n.saturating_sub(1),
                n,
                n.saturating_add(1),
                n.saturating_mul(7),
            ] {
                let mut out = String::new();
                push_uint(&mut out, v);
                assert_eq!(out, v.to_string());
            }
            n = n.saturating_mul(10);
        }
        let mut out = String::new();
        push_uint(&mut out, u64::MAX);
        assert_eq!(out, u64::MAX.to_string());
    }
}
