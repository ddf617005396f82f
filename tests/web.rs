//! The wasm binding in a real browser: `wasm-pack test --headless --chrome -- --test web` (run by `make test`).
//!
//! Every annotation the binding returns must satisfy `text.slice(start, end) === annotation.text` with JavaScript's own
//! `String.prototype.slice` (UTF-16 code units), on the seed article and on texts full of characters outside the BMP,
//! combining marks, CJK and right-to-left script; and every data-driven case (tests/cases/*.tsv) must pass through the
//! binding exactly as it passes natively.

#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/seed.txt");

/// Texts whose UTF-16, UTF-8 and code-point offsets all differ, shaped like news so the recognisers fire on them.
const HARD_TEXTS: &[&str] = &[
    // Emoji: a ZWJ family, flags (regional-indicator pairs), a skin-tone modifier, a keycap.
    "👨‍👩‍👧‍👦 President Joe Biden met 🇺🇸🇫🇷 French President Emmanuel Macron in Paris on Oct. 7, 2023. \
     “We agree,” Macron said 👍🏽. Exports rose 12 percent to $1.7 billion 1️⃣.",
    // Combining marks (decomposed accents) inside and around names and figures.
    "Jose\u{301} Mari\u{301}a Aznar told Spain’s parliament that 40 percent of Zu\u{308}rich’s 3 million \
     residents were “ve\u{301}ry worried”, said Franc\u{327}ois Hollande.",
    // CJK, with full-width punctuation and corner-bracket quotes.
    "Chinese President Xi Jinping (习近平) said 「我们支持和平」 on Tuesday; China bought 5 million tonnes of soy \
     from Brazil, up 20%.",
    // Right-to-left: Arabic and Hebrew, with a bidi control character.
    "Iranian President Masoud Pezeshkian (مسعود پزشکیان) met Israel’s Benjamin Netanyahu (בנימין נתניהו) \
     \u{200f}in 2024, officials said. “السلام عليكم,” he said, citing 46,000 deaths.",
    // Astral-plane letters (mathematical alphanumerics) and lone combining marks at the edges.
    "\u{301}𝐑𝐮𝐬𝐬𝐢𝐚 and Russia signed a 20-year treaty worth $2 billion, Vladimir Putin said.\u{308}",
    // Quotes of every kind, nested and unbalanced.
    "‘Vital, Sensitive, and Strategic’ — «Germany» said „nein“; ‹sure› \"ok\" 'fine' “open-ended",
];

/// Calls the binding and returns its result as a JS object.
fn annotate_js(text: &str) -> JsValue {
    match lede::wasm::annotate(JsValue::from_str(text)) {
        Ok(v) => v,
        Err(e) => panic!("annotate failed on {text:?}: {:?}", JsValue::from(e)),
    }
}

/// Checks, with JavaScript's String.prototype.slice, that every annotation's text is the slice of `text` at its offsets.
fn check_slices(text: &str) -> usize {
    let out = annotate_js(text);
    assert_eq!(
        Reflect::get(&out, &"version".into()).unwrap().as_f64(),
        Some(1.0),
        "version of the output"
    );
    let anns: Array = Reflect::get(&out, &"annotations".into())
        .unwrap()
        .dyn_into()
        .expect("annotations is an array");
    let js_text = JsString::from(text);
    let len = js_text.length();
    let mut prev_start = 0;
    for a in anns.iter() {
        let get = |k: &str| Reflect::get(&a, &k.into()).unwrap();
        let start = get("start").as_f64().expect("start is a number") as u32;
        let end = get("end").as_f64().expect("end is a number") as u32;
        let ann_text = get("text").as_string().expect("text is a string");
        assert!(
            start < end && end <= len,
            "span {start}..{end} out of 0..{len} in {text:?}"
        );
        assert!(
            start >= prev_start,
            "annotations not sorted by start at {start} in {text:?}"
        );
        prev_start = start;
        let slice: String = js_text.slice(start, end).into();
        assert_eq!(
            slice, ann_text,
            "text.slice({start}, {end}) != annotation text in {text:?}"
        );
        // JavaScript sees the same character boundaries as Rust: no span splits a surrogate pair.
        let units: Vec<u16> = slice.encode_utf16().collect();
        assert_eq!(
            units.len() as u32,
            end - start,
            "{ann_text:?} has {} UTF-16 units, span says {}",
            units.len(),
            end - start
        );
    }
    anns.length() as usize
}

#[wasm_bindgen_test]
fn seed_offsets_slice_exactly_in_javascript() {
    check_slices(SEED);
}

#[wasm_bindgen_test]
fn hard_unicode_offsets_slice_exactly_in_javascript() {
    for text in HARD_TEXTS {
        check_slices(text);
    }
    // The seed with every hard text spliced into it, so spans sit after many non-BMP characters.
    let mixed: String = HARD_TEXTS
        .iter()
        .map(|h| format!("{h}\n{SEED}\n"))
        .collect();
    check_slices(&mixed);
}

#[wasm_bindgen_test]
fn empty_and_tiny_inputs() {
    for text in ["", " ", "\n", "\u{301}", "😀", "“", "”“", "\u{feff}"] {
        assert_eq!(check_slices(text), 0, "{text:?} should have no annotations");
    }
    for text in [
        "$",
        "1",
        "5%",
        "“a”",
        "Ab",
        "US",
        "1\u{301}",
        "\u{1F1FA}\u{1F1F8}",
    ] {
        check_slices(text);
    }
}

#[wasm_bindgen_test]
fn binding_output_equals_native_output() {
    // The JS object and the native JSON are the same contract: compare them whole on the seed and the hard texts.
    for text in HARD_TEXTS.iter().copied().chain([SEED]) {
        let from_js: serde_json::Value =
            serde_wasm_bindgen::from_value(annotate_js(text)).expect("result converts to JSON");
        let doc = lede::annotate(text);
        let native = serde_json::to_value(lede::Output::new(text, &doc, lede::Unit::Utf16))
            .expect("output serialises");
        assert_eq!(
            from_js, native,
            "binding and native output differ on {text:?}"
        );
    }
}

#[wasm_bindgen_test]
fn all_cases_through_the_binding() {
    let (n, failures) = common::run_all(|text| {
        serde_wasm_bindgen::from_value(annotate_js(text)).expect("result converts to JSON")
    });
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed in wasm:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn case_texts_have_exact_offsets_in_javascript() {
    for (file, src) in common::FILES {
        for case in common::parse(file, src) {
            check_slices(&case.text);
            let out = serde_wasm_bindgen::from_value(annotate_js(&case.text))
                .expect("result converts to JSON");
            if let Err(e) = common::check_offsets(&case.text, &out) {
                panic!("{file}:{}: {e}", case.line);
            }
        }
    }
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(lede::wasm::version(), env!("CARGO_PKG_VERSION"));
}
