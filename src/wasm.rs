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

// The result objects are built in JavaScript, from the parts of `Output::js_parts`: typed array views of wasm memory
// (integers, and the figures' numbers) and one string of the entities' names and the figures' strings, instead of
// parsing JSON (which took most of the time: megabytes of keys per megabyte of text). Every object has its keys in
// the contract's order, as the JSON would give them, and is made by one object literal per shape (no property added
// later), so that V8 gives each shape one hidden class; `text` is the caller's string sliced at the UTF-16 offsets.
// The views are used only during the call, before wasm memory can grow.
#[wasm_bindgen(inline_js = r#"
const KINDS = ['person', 'country', 'figure', 'quote'];
const CLASSES = ['money', 'percent', 'count', 'duration', 'date', 'quantity'];
export function build(text, n, f, s) {
  const strings = new Array(n[1]);
  let k = 2;
  for (let i = 0, p = 0; i < strings.length; i++) {
    const e = n[k++];
    strings[i] = s.slice(p, e);
    p = e;
  }
  const entities = new Array(n[k++]);
  for (let id = 0; id < entities.length; id++, k += 5) {
    const kind = KINDS[n[k]], mentions = n[k + 1], name = strings[n[k + 2]], c = n[k + 3], t = n[k + 4];
    entities[id] = c < 0
      ? t < 0 ? { id, kind, name, mentions } : { id, kind, name, title: strings[t], mentions }
      : t < 0 ? { id, kind, name, code: strings[c], mentions } : { id, kind, name, code: strings[c], title: strings[t], mentions };
  }
  const annotations = new Array((n.length - k) / 6);
  for (let i = 0, j = 0; k < n.length; i++, k += 6) {
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
      case 1: case 2: {
        const e = entities[x];
        a = { kind: 'country', start, end, text: t, code: e.code === undefined ? null : e.code, name: e.name,
              form: n[k] === 2 ? 'demonym' : 'name', entity: x };
        break;
      }
      case 3:
        a = x < 0
          ? { kind: 'quote', start, end, text: t, speaker: null, speaker_entity: null }
          : { kind: 'quote', start, end, text: t, speaker: entities[x].name, speaker_entity: x };
        break;
      default: {
        const c = CLASSES[x], y = n[k + 4], u = n[k + 5];
        if (y === -1) {
          a = u < 0
            ? { kind: 'figure', start, end, text: t, class: c }
            : { kind: 'figure', start, end, text: t, class: c, unit: strings[u] };
        } else {
          const value = y === -3 ? f[j++] : y === -2 ? null : strings[y];
          a = u < 0
            ? { kind: 'figure', start, end, text: t, class: c, value }
            : { kind: 'figure', start, end, text: t, class: c, value, unit: strings[u] };
        }
      }
    }
    annotations[i] = a;
  }
  return { version: n[0], annotations, entities };
}
"#)]
extern "C" {
    /// The result objects from [`Output::js_parts`] (the JavaScript above).
    fn build(text: &JsValue, nums: &[i32], values: &[f64], strings: &str) -> JsValue;
}

/// Annotates `text`; returns `{version, annotations, entities}` with UTF-16 offsets.
//
// (Not in the doc comment, which wasm-bindgen copies into the page's JS glue:) the core's output crosses to JavaScript
// as numbers in typed arrays and one string of the entities' names ([`Output::js_parts`]), from which JavaScript
// builds the objects: they are the objects `JSON.parse` makes of the CLI's JSON (keys in the same order, absent
// fields absent, `null` where the contract says null, numbers exact), and each annotation's `text` is
// `text.slice(start, end)` of the string given.
#[wasm_bindgen(unchecked_return_type = "Annotated")]
pub fn annotate(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    let Some(s) = text.as_string() else {
        return Err(JsError::new("lede: annotate takes a string"));
    };
    let doc = annotate_core(&s);
    let (nums, values, strings) = Output::new(&s, &doc, Unit::Utf16).js_parts();
    Ok(build(&text, &nums, &values, &strings))
}

/// The crate version, e.g. "0.1.0".
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
