//! The wasm binding: the only module that knows about JavaScript. It hands the core's [`Output`] to JS with offsets
//! in UTF-16 code units, so `text.slice(a.start, a.end) === a.text` holds for every annotation.

use wasm_bindgen::prelude::*;

use crate::{annotate as annotate_core, Output, Unit};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Offsets count UTF-16 code units: `text.slice(a.start, a.end) === a.text`. */
interface AnnotationBase { start: number; end: number; text: string; }
export interface PersonAnnotation extends AnnotationBase {
  kind: "person";
  /** The fullest form of the name the text gives ("Putin" -> "Vladimir Putin"). */
  name: string;
  /** A title or role the text gives the person ("Russian President"). */
  title?: string;
  /** Index into `entities`. */
  entity: number;
}
export interface CountryAnnotation extends AnnotationBase {
  kind: "country";
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
  form: "name" | "demonym";
  entity: number;
}
export interface FigureAnnotation extends AnnotationBase {
  kind: "figure";
  class: "money" | "percent" | "count" | "duration" | "date" | "quantity";
  /** A number, or an ISO 8601 date ("2023-10-07", "2022-02", "2024"). */
  value?: number | string;
  /** ISO 4217 currency, "percent", a time unit ("year"), or a measure ("km"). */
  unit?: string;
}
export interface QuoteAnnotation extends AnnotationBase {
  kind: "quote";
  /** The person the text says spoke it, or null. */
  speaker: string | null;
  speaker_entity: number | null;
}
export type Annotation = PersonAnnotation | CountryAnnotation | FigureAnnotation | QuoteAnnotation;
export interface Entity {
  id: number;
  kind: "person" | "country";
  name: string;
  code?: string;
  title?: string;
  mentions: number;
}
export interface Annotated {
  version: 1;
  /** Sorted by start; a quote comes before the spans it contains. */
  annotations: Annotation[];
  entities: Entity[];
}
"#;

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `JSON.parse`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(json: &str) -> Result<JsValue, JsValue>;
}

/// Annotates `text`; returns `{version, annotations, entities}` with UTF-16 offsets.
///
/// The result crosses to JavaScript as the CLI's JSON, parsed by `JSON.parse`: one string copy and the engine's own
/// parser, several times faster than building each object with a call per property from wasm. The objects are the
/// same: keys in the same order, absent fields absent, `null` where the contract says null, and numbers exact (serde_json
/// writes the shortest form that reads back as the same double; the core's numbers are always finite). Characters
/// outside ASCII are escaped in that JSON ([`Output::to_json_ascii`]): an ASCII string decodes from wasm memory
/// several times faster.
#[wasm_bindgen(unchecked_return_type = "Annotated")]
pub fn annotate(text: &str) -> Result<JsValue, JsError> {
    let doc = annotate_core(text);
    let json = Output::new(text, &doc, Unit::Utf16).to_json_ascii();
    json_parse(&json).map_err(|_| JsError::new("lede: cannot build the result"))
}

/// The crate version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
