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

// The result objects are built in JavaScript, from the numbers and the small JSON of `Output::js_parts`: one typed
// array view of wasm memory and one `JSON.parse` of the entities, instead of parsing the JSON of every annotation
// (which took most of the time: megabytes of keys per megabyte of text). Every object has its keys in the contract's
// order, as the JSON would give them; `text` is the caller's string sliced at the UTF-16 offsets.
#[wasm_bindgen(inline_js = r#"
const CLASSES = ['money', 'percent', 'count', 'duration', 'date', 'quantity'];
export function build(text, n, meta) {
  const { version, entities, strings } = JSON.parse(meta);
  const annotations = new Array(Math.floor(n.length / 7));
  for (let i = 0, k = 0; i < annotations.length; i++, k += 7) {
    const start = n[k + 1], end = n[k + 2], t = text.slice(start, end), x = n[k + 3];
    let a;
    switch (n[k]) {
      case 0: {
        const e = entities[x];
        a = e.title === undefined
          ? { kind: 'person', start, end, text: t, name: e.name, entity: x }
          : { kind: 'person', start, end, text: t, name: e.name, title: e.title, entity: x };
        break;
      }
      case 1: {
        const e = entities[x];
        a = { kind: 'country', start, end, text: t, code: e.code === undefined ? null : e.code, name: e.name,
              form: n[k + 4] === 1 ? 'demonym' : 'name', entity: x };
        break;
      }
      case 2: {
        a = { kind: 'figure', start, end, text: t, class: CLASSES[x] };
        const tag = n[k + 4];
        if (tag === 1) a.value = n[k + 5];
        else if (tag === 2) a.value = strings[n[k + 5]];
        else if (tag === 3) a.value = null;
        if (n[k + 6] >= 0) a.unit = strings[n[k + 6]];
        break;
      }
      default:
        a = x < 0
          ? { kind: 'quote', start, end, text: t, speaker: null, speaker_entity: null }
          : { kind: 'quote', start, end, text: t, speaker: entities[x].name, speaker_entity: x };
    }
    annotations[i] = a;
  }
  return { version, annotations, entities };
}
"#)]
extern "C" {
    /// The result objects from [`Output::js_parts`] (the JavaScript above).
    fn build(text: &JsValue, nums: &[f64], meta: &str) -> JsValue;
}

/// Annotates `text`; returns `{version, annotations, entities}` with UTF-16 offsets.
///
/// The core's output crosses to JavaScript as numbers in a typed array and a small JSON of the entities
/// ([`Output::js_parts`]), from which JavaScript builds the objects: they are the objects `JSON.parse` makes of the
/// CLI's JSON (keys in the same order, absent fields absent, `null` where the contract says null, numbers exact), and
/// each annotation's `text` is `text.slice(start, end)` of the string given.
#[wasm_bindgen(unchecked_return_type = "Annotated")]
pub fn annotate(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    let Some(s) = text.as_string() else {
        return Err(JsError::new("lede: annotate takes a string"));
    };
    let doc = annotate_core(&s);
    let (nums, meta) = Output::new(&s, &doc, Unit::Utf16).js_parts();
    Ok(build(&text, &nums, &meta))
}

/// The crate version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
