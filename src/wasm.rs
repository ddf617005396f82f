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

/// Annotates `text`; returns `{version, annotations, entities}` with UTF-16 offsets.
#[wasm_bindgen(unchecked_return_type = "Annotated")]
pub fn annotate(text: &str) -> Result<JsValue, JsError> {
    let doc = annotate_core(text);
    let out = Output::new(text, &doc, Unit::Utf16);
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    serde::Serialize::serialize(&out, &ser).map_err(|e| JsError::new(&format!("lede: cannot build the result: {e}")))
}

/// The crate version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
