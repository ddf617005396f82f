//! Property tests: on any text, `annotate` does not panic and every span it returns is a faithful range of the input,
//! in every offset unit of the public output.
//!
//! Two generators: arbitrary Unicode strings, and "newsy" strings assembled from the pieces news text is made of
//! (capitalised words, names, country words, numbers with scales and currencies, quotation marks of every kind,
//! emoji with ZWJ and flags, combining marks, newlines) so the recognisers actually fire and their edges get exercised.

#![cfg(not(target_arch = "wasm32"))]

use lede::{annotate, Output, Unit};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Checks the document's byte ranges and the public output in all three units; returns the first broken rule.
fn check(text: &str) -> Result<(), String> {
    let doc = annotate(text);
    let mut prev: Option<(usize, usize)> = None;
    for a in &doc.annotations {
        let r = &a.range;
        if r.start >= r.end || r.end > text.len() {
            return Err(format!("range {r:?} is empty or out of 0..{}", text.len()));
        }
        if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            return Err(format!("range {r:?} splits a character"));
        }
        if let Some((ps, pe)) = prev {
            if r.start < ps || (r.start == ps && r.end > pe) {
                return Err(format!(
                    "{r:?} after {ps}..{pe}: not sorted by start, longest first"
                ));
            }
        }
        prev = Some((r.start, r.end));
    }
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    for unit in [Unit::Utf8, Unit::Utf16, Unit::Chars] {
        let out = serde_json::to_value(Output::new(text, &doc, unit)).map_err(|e| e.to_string())?;
        let anns = out["annotations"]
            .as_array()
            .ok_or("no annotations array")?;
        if anns.len() != doc.annotations.len() {
            return Err(format!(
                "{unit:?}: {} annotations in the output, {} in the document",
                anns.len(),
                doc.annotations.len()
            ));
        }
        let mut prev_start = 0;
        for (a, d) in anns.iter().zip(&doc.annotations) {
            let (s, e) = (
                a["start"].as_u64().unwrap_or(u64::MAX) as usize,
                a["end"].as_u64().unwrap_or(0) as usize,
            );
            let want = &text[d.range.clone()];
            let got = match unit {
                Unit::Utf8 => text.get(s..e).map(str::to_string),
                Unit::Utf16 => utf16.get(s..e).and_then(|u| String::from_utf16(u).ok()),
                Unit::Chars => chars.get(s..e).map(|c| c.iter().collect()),
            };
            if got.as_deref() != Some(want) || a["text"] != want {
                return Err(format!("{unit:?}: span {s}..{e} gives {got:?}; annotation text {} ; document text {want:?}", a["text"]));
            }
            if s < prev_start {
                return Err(format!("{unit:?}: output not sorted by start at {s}"));
            }
            prev_start = s;
        }
    }
    Ok(())
}

/// One piece of news-like text.
fn newsy_piece() -> impl Strategy<Value = String> {
    let fixed: Vec<&'static str> = vec![
        // words and names
        "the",
        "said",
        "President",
        "Prime Minister",
        "Vladimir Putin",
        "Putin",
        "Xi Jinping",
        "al-Assad",
        "Ben-Gvir",
        "Mr.",
        "Dr.",
        "he",
        "told",
        "according to",
        "Kremlin",
        "Hamas",
        "BRICS",
        "Su-35",
        "@user",
        "’s",
        "'s",
        "n’t",
        // countries and demonyms
        "Russia",
        "Iran",
        "U.S.",
        "United States",
        "North Korea",
        "Russian",
        "Iranians",
        "America",
        "Georgia",
        "Jordan",
        "Moscow",
        "Gaza",
        "Western",
        // figures
        "$",
        "€",
        "£",
        "%",
        "percent",
        "billion",
        "million",
        "1.7",
        "46,000",
        "2024",
        "Oct.",
        "7,",
        "February",
        "five-year",
        "two",
        "hundreds",
        "20 years",
        "third",
        "one",
        "5 km",
        "10:30",
        "1990s",
        "’90s",
        "0",
        "-",
        "–",
        "—",
        // quotation marks of every kind
        "\"",
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "‚",
        "‹",
        "›",
        "「",
        "」",
        "『",
        "』",
        "″",
        "′",
        "``",
        "''",
        // punctuation and space
        ".",
        ",",
        ":",
        ";",
        "?",
        "!",
        "(",
        ")",
        "[",
        "]",
        "…",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\u{a0}",
        "\u{2009}",
        // emoji, ZWJ sequences, flags, modifiers, keycaps
        "😀",
        "👨‍👩‍👧‍👦",
        "🇺🇸",
        "🇷🇺🇮🇷",
        "👍🏽",
        "1️⃣",
        "🏳️‍🌈",
        // combining marks, CJK, RTL, astral letters, controls
        "\u{301}",
        "e\u{301}",
        "\u{308}\u{308}",
        "习近平",
        "「我们」",
        "مسعود",
        "בנימין",
        "\u{200f}",
        "\u{200d}",
        "𝐑𝐮𝐬",
        "\u{feff}",
        "\u{0}",
    ];
    prop_oneof![
        6 => proptest::sample::select(fixed).prop_map(str::to_string),
        // capitalised and all-caps words
        2 => "[A-Z][a-z]{0,9}",
        1 => "[A-Z]{2,6}",
        2 => "[a-z]{1,8}",
        // numbers, with separators and decimals
        2 => "[0-9]{1,4}([,.][0-9]{1,3})?",
        // anything at all, now and then
        1 => any::<char>().prop_map(String::from),
    ]
}

/// News-like text: pieces joined by a space most of the time, sometimes glued together.
fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec((newsy_piece(), prop::bool::weighted(0.7)), 0..120).prop_map(|pieces| {
        let mut s = String::new();
        for (p, space) in pieces {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn arbitrary_unicode_gives_faithful_spans(text in any::<String>()) {
        if let Err(e) = check(&text) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}")));
        }
    }

    #[test]
    fn newsy_text_gives_faithful_spans(text in newsy()) {
        if let Err(e) = check(&text) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}")));
        }
    }

    #[test]
    fn newsy_text_around_the_seed_gives_faithful_spans(before in newsy(), after in newsy()) {
        let text = format!("{before}{}{after}", include_str!("fixtures/seed.txt"));
        if let Err(e) = check(&text) {
            return Err(TestCaseError::fail(format!("{e}\ntext: {text:?}")));
        }
    }
}

#[test]
fn the_seed_gives_faithful_spans() {
    check(include_str!("fixtures/seed.txt")).unwrap();
}
