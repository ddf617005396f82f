//! Prepares the data tables for compiling in:
//! - the Bloom filter of given names (src/bloom.rs) from data/given_names.txt and data/given_names_extra.txt, so the names
//!   cost about 25 KB in the binary instead of 124 KB, and nothing at start-up;
//! - every other table under data/ as `OUT_DIR/data/NAME` without its `#` comment lines (the comments name sources and
//!   explain the table for reviewers; the binary, which the page downloads, does not need them). `data::table!` reads these.

#[path = "src/bloom.rs"]
mod bloom;

use std::path::PathBuf;

const LISTS: &[&str] = &["data/given_names.txt", "data/given_names_extra.txt"];

fn main() {
    let mut words: Vec<String> = Vec::new();
    for list in LISTS {
        println!("cargo:rerun-if-changed={list}");
        let text =
            std::fs::read_to_string(list).unwrap_or_else(|e| panic!("cannot read {list}: {e}"));
        words.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
    }
    println!("cargo:rerun-if-changed=src/bloom.rs");
    let bits = (words.len() * bloom::BITS_PER_WORD).div_ceil(64) * 64;
    let mut bytes = vec![0u8; bits / 8];
    for w in &words {
        for p in bloom::probes(w, bits) {
            bytes[p / 8] |= 1 << (p % 8);
        }
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("given_names.bloom"), bytes)
        .expect("cannot write the given-name filter");

    println!("cargo:rerun-if-changed=data");
    std::fs::create_dir_all(out_dir.join("data")).expect("cannot create OUT_DIR/data");
    let mut entries: Vec<_> = std::fs::read_dir("data")
        .expect("cannot list data/")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("given_names") || !(name.ends_with(".tsv") || name.ends_with(".txt")) {
            continue;
        }
        println!("cargo:rerun-if-changed=data/{name}");
        let text = std::fs::read_to_string(entry.path())
            .unwrap_or_else(|e| panic!("cannot read data/{name}: {e}"));
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| [l, "\n"])
            .collect();
        std::fs::write(out_dir.join("data").join(&name), kept)
            .unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
    }
}
