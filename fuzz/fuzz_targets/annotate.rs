//! Fuzzes `lede::annotate` on arbitrary UTF-8: it must not panic, and every span must be a faithful range of the input
//! (in bounds, on character boundaries, non-empty, sorted by start then longest first), in every offset unit.
//!
//! Run: `cargo +nightly fuzz run annotate` (add `-- -max_len=4096 -dict=...` as needed).

#![no_main]

use lede::{annotate, Output, Unit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = annotate(text);
    let mut prev = (0, usize::MAX);
    for a in &doc.annotations {
        let r = &a.range;
        assert!(
            r.start < r.end && r.end <= text.len(),
            "range {r:?} of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "range {r:?} splits a character"
        );
        assert!(
            r.start > prev.0 || (r.start == prev.0 && r.end <= prev.1),
            "{r:?} after {prev:?}: not sorted"
        );
        prev = (r.start, r.end);
    }
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    for unit in [Unit::Utf8, Unit::Utf16, Unit::Chars] {
        let out =
            serde_json::to_value(Output::new(text, &doc, unit)).expect("the output serialises");
        let anns = out["annotations"].as_array().expect("an annotations array");
        assert_eq!(anns.len(), doc.annotations.len());
        for (a, d) in anns.iter().zip(&doc.annotations) {
            let want = &text[d.range.clone()];
            let (s, e) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            let got = match unit {
                Unit::Utf8 => text.get(s..e).map(str::to_string),
                Unit::Utf16 => utf16.get(s..e).and_then(|u| String::from_utf16(u).ok()),
                Unit::Chars => chars.get(s..e).map(|c| c.iter().collect()),
            };
            assert_eq!(got.as_deref(), Some(want), "{unit:?} span {s}..{e}");
            assert_eq!(a["text"], want);
        }
    }
});
