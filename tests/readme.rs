//! The README's example output is what lede really prints for the README's example sentence.

use lede::{annotate, Output, Unit};

#[test]
fn readme_example_is_current() {
    let readme = include_str!("../README.md");
    let json = readme
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("README has a ```json block");
    let sentence = readme
        .split("(for `")
        .nth(1)
        .and_then(|rest| rest.split("`)").next())
        .expect("README names the example sentence as (for `...`)");
    let want: serde_json::Value = serde_json::from_str(json).expect("README example is JSON");
    let doc = annotate(sentence);
    let got = serde_json::to_value(Output::new(sentence, &doc, Unit::Utf16)).unwrap();
    assert_eq!(
        got, want,
        "README example differs from the output for {sentence:?}:\n{got:#}"
    );
}
