//! Prepares the data tables for compiling in:
//! - the xor filter of given names (src/filter.rs) from data/given_names.txt and data/given_names_extra.txt, so the names
//!   cost about 21 KB in the binary instead of 124 KB, and nothing at start-up;
//! - every other table under data/ as `OUT_DIR/data/NAME` without its `#` comment lines (the comments name sources and
//!   explain the table for reviewers; the binary, which the page downloads, does not need them). `data::table!` reads these;
//! - the recognisers' lookup tables as Rust source, `OUT_DIR/tables/*.rs`, which they `include!`: the work their first call
//!   used to do (parsing rows, cutting names into tokens, grouping and sorting) is done here, once per build.

#[allow(dead_code, unused)]
#[path = "src/data.rs"]
mod data;
#[path = "src/filter.rs"]
mod filter;
#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

use std::path::{Path, PathBuf};

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
    println!("cargo:rerun-if-changed=src/filter.rs");
    let bytes = filter::build(words.iter().map(String::as_str));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("given_names.filter"), bytes)
        .expect("cannot write the given-name filter");

    println!("cargo:rerun-if-changed=data");
    std::fs::create_dir_all(out_dir.join("data")).expect("cannot create OUT_DIR/data");
    let mut entries: Vec<_> = std::fs::read_dir("data")
        .expect("cannot list data/")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in &entries {
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

    println!("cargo:rerun-if-changed=src/data.rs");
    println!("cargo:rerun-if-changed=src/text.rs");
    let tables = out_dir.join("tables");
    std::fs::create_dir_all(&tables).expect("cannot create OUT_DIR/tables");
    let write = |name: &str, code: String| {
        std::fs::write(tables.join(name), code)
            .unwrap_or_else(|e| panic!("cannot write {name}: {e}"))
    };
    write("country.rs", country_tables());
    write("person.rs", person_tables());
    write("figure_lexicon.rs", figure_tables());
    write("speaker.rs", speaker_tables());
}

// ---- The lookup tables as Rust source ------------------------------------------------------------------------------
// Each recogniser's tables, built here from the data files the way the recogniser reads them (its doc comments and
// the data files' headers say what the rows mean) and written out as `static` items for `include!`: the first text
// annotated pays nothing for them. Keys of sets and maps are written one per line, sorted (`data::Keys`).

/// The non-comment rows of `data/NAME`, split on tabs (as `data::rows` splits the compiled-in tables).
fn rows(name: &str) -> Vec<Vec<&'static str>> {
    let path = Path::new("data").join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    data::rows(Box::leak(text.into_boxed_str())).collect()
}

/// `s` as a Rust string literal.
fn q(s: &str) -> String {
    format!("{s:?}")
}

/// A `&[&str]` literal.
fn strs(v: &[&str]) -> String {
    format!(
        "&[{}]",
        v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
    )
}

/// Comma-separated items in `&[...]`.
fn slice(items: impl IntoIterator<Item = String>) -> String {
    format!("&[{}]", items.into_iter().collect::<Vec<_>>().join(",\n"))
}

/// A `data::Keys` literal of `keys` (distinct, in this order), looked up by key.
fn keys(keys: &[&str]) -> String {
    assert!(keys.iter().all(|k| !k.contains('\n')));
    format!(
        "crate::data::Keys::new({}, {}, true)",
        q(&keys.iter().flat_map(|k| [*k, "\n"]).collect::<String>()),
        keys.len()
    )
}

/// A `data::Keys` literal of `strs` (in this order), read by index only.
fn str_list(strs: &[&str]) -> String {
    assert!(strs.iter().all(|k| !k.contains('\n')));
    format!(
        "crate::data::Keys::new({}, {}, false)",
        q(&strs.iter().flat_map(|k| [*k, "\n"]).collect::<String>()),
        strs.len()
    )
}

/// A `data::WordSet` literal of `keys` (sorted, duplicates dropped: neighbours share prefixes, which compresses).
fn word_set<'a>(keys: impl IntoIterator<Item = &'a str>) -> String {
    let mut keys: Vec<&str> = keys.into_iter().collect();
    keys.sort_unstable();
    keys.dedup();
    format!("crate::data::WordSet({})", self::keys(&keys))
}

/// A `data::WordMap` literal of (key, value literal) pairs with distinct keys, sorted by key.
fn word_map(entries: &[(&str, String)]) -> String {
    let mut entries: Vec<&(&str, String)> = entries.iter().collect();
    entries.sort_unstable_by_key(|e| e.0);
    let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
    assert!(keys.windows(2).all(|w| w[0] != w[1]), "duplicate map keys");
    format!(
        "crate::data::WordMap {{ keys: {}, values: {} }}",
        self::keys(&keys),
        slice(entries.iter().map(|e| e.1.clone()))
    )
}

/// Groups `(key, value)` pairs by key, in order of each key's first appearance.
fn group<V>(pairs: impl IntoIterator<Item = (&'static str, V)>) -> Vec<(&'static str, Vec<V>)> {
    let mut out: Vec<(&'static str, Vec<V>)> = Vec::new();
    let mut at = std::collections::HashMap::new();
    for (k, v) in pairs {
        let i = *at.entry(k).or_insert_with(|| {
            out.push((k, Vec::new()));
            out.len() - 1
        });
        out[i].1.push(v);
    }
    out
}

/// The tokens of `s` as the text's tokenizer cuts them, and whether each touches the next.
fn tokens(s: &'static str) -> (Vec<&'static str>, Vec<bool>) {
    let t = text::Tokens::new(s);
    (
        (0..t.len()).map(|i| t.s(i)).collect(),
        (0..t.len()).map(|i| t.touch(i)).collect(),
    )
}

/// The first column of a word list.
fn first_column(name: &str) -> Vec<&'static str> {
    rows(name)
        .into_iter()
        .filter_map(|r| r.first().copied())
        .collect()
}

/// src/country.rs: `static TABLE: Table`, from countries.tsv and ambiguous_countries.tsv.
fn country_tables() -> String {
    struct Entry {
        toks: Vec<&'static str>,
        touch: Vec<bool>,
        /// (country index, form: 0 name, 1 demonym, 2 a "not" phrase).
        target: (usize, u8),
        country: bool,
        word: Option<usize>,
    }
    let entry = |s: &'static str, target: (usize, u8), country: bool| {
        let (toks, touch) = tokens(s);
        Entry {
            toks,
            touch,
            target,
            country,
            word: None,
        }
    };
    let mut countries = Vec::new();
    let mut entries = Vec::new();
    for row in rows("countries.tsv") {
        let (Some(&code), Some(&name)) = (row.first(), row.get(1)) else {
            continue;
        };
        let c = countries.len();
        countries.push(format!(
            "Country {{ code: {}, name: {} }}",
            q(code),
            q(name)
        ));
        let aliases = row.get(2).copied().unwrap_or("");
        let demonyms = row.get(3).copied().unwrap_or("");
        let names = std::iter::once(name).chain(aliases.split('|'));
        for s in names.filter(|s| !s.is_empty()) {
            entries.push(entry(s, (c, 0), true));
        }
        for s in demonyms.split('|').filter(|s| !s.is_empty()) {
            entries.push(entry(s, (c, 1), true));
        }
    }
    let mut words = Vec::new();
    let mut languages = Vec::new();
    let mut tongues = Vec::new();
    for row in rows("ambiguous_countries.tsv") {
        match row.as_slice() {
            ["language", word, ..] if !word.is_empty() => languages.push(*word),
            ["tongue", word, ..] if !word.is_empty() => tongues.push(*word),
            ["not", phrase, ..] if !phrase.is_empty() => entries.push(entry(phrase, (0, 2), false)),
            ["word", word, default, names, rest @ ..] => {
                let clues = |k: usize| {
                    word_set(
                        rest.get(k)
                            .map_or("", |s| *s)
                            .split('|')
                            .filter(|w| !w.is_empty()),
                    )
                };
                let w = words.len();
                words.push(format!(
                    "Word {{ default_country: {}, names: {}, country: {}, other: {} }}",
                    *default == "country",
                    *names == "yes",
                    clues(0),
                    clues(1)
                ));
                for e in entries.iter_mut() {
                    if e.country && e.toks.len() == 1 && e.toks[0] == *word {
                        e.word = Some(w);
                    }
                }
            }
            _ => {}
        }
    }
    // The entries grouped by first token (the keys of `exact`, sorted), each group longest first and then in table
    // order, so that a key's entries are a range.
    let mut order: Vec<usize> = (0..entries.len())
        .filter(|&i| !entries[i].toks.is_empty())
        .collect();
    order.sort_by_key(|&i| {
        (
            entries[i].toks[0],
            std::cmp::Reverse(entries[i].toks.len()),
            i,
        )
    });
    let mut keys: Vec<&str> = order.iter().map(|&i| entries[i].toks[0]).collect();
    keys.dedup();
    // Key `k`'s entries start at `k + after[k]`.
    let mut after: Vec<u8> = Vec::new();
    for (pos, &i) in order.iter().enumerate() {
        if pos == 0 || entries[order[pos - 1]].toks[0] != entries[i].toks[0] {
            after.push(
                u8::try_from(pos - after.len()).expect("at most 255 entries beyond one a key"),
            );
        }
    }
    after.push(
        u8::try_from(order.len() - keys.len()).expect("at most 255 entries beyond one a key"),
    );
    assert_eq!(after.len(), keys.len() + 1);
    let mut abbrevs: Vec<(&str, usize)> = Vec::new();
    let mut tokens: Vec<&str> = Vec::new();
    let mut entry_src = Vec::new();
    for (pos, &i) in order.iter().enumerate() {
        let e = &entries[i];
        let first = e.toks[0];
        let caps = (2..=6).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_uppercase());
        if e.toks.len() == 1 && caps && e.country {
            // The last such entry in table order.
            match abbrevs.iter_mut().find(|a| a.0 == first) {
                Some(a) if order[a.1] < i => a.1 = pos,
                Some(_) => {}
                None => abbrevs.push((first, pos)),
            }
        }
        assert!(e.toks.len() <= 8, "country entries have at most 8 tokens");
        let touch = e
            .touch
            .iter()
            .enumerate()
            .filter(|(_, &t)| t)
            .fold(0u8, |b, (k, _)| b | 1 << k);
        let key = keys.binary_search(&first).expect("a key per first token");
        let back = u8::try_from(pos - key).expect("an entry at most 255 places after its key");
        entry_src.push(format!(
            "Entry {{ rest: {}, back: {back}, n: {}, touch: {touch}, country: {}, form: {}, word: {} }}",
            // (0 for an entry of one token, which has no rest: equal numbers compress better.)
            if e.toks.len() == 1 { 0 } else { tokens.len() },
            e.toks.len(),
            e.target.0,
            e.target.1,
            e.word.map_or(u8::MAX, |w| u8::try_from(w)
                .expect("fewer than 255 ambiguous words")),
        ));
        tokens.extend(&e.toks[1..]);
    }
    let abbrevs: Vec<(&str, String)> = abbrevs
        .into_iter()
        .map(|(k, i)| (k, i.to_string()))
        .collect();
    format!(
        "static WORDS: [Word; {}] = [{}];\nstatic TABLE: Table = Table {{\ncountries: {},\nentries: {},\nkeys: {},\nafter: &{after:?},\nupper: std::sync::OnceLock::new(),\ntokens: {},\nabbrevs: {},\nwords: &WORDS,\nlanguages: {},\ntongues: {},\n}};\n",
        words.len(),
        words.join(",\n"),
        slice(countries),
        slice(entry_src),
        self::keys(&keys),
        str_list(&tokens),
        word_map(&abbrevs),
        word_set(languages),
        word_set(tongues)
    )
}

/// Name particles of src/person.rs (`PARTICLES`, which a unit test there keeps equal to this list): a family name glued
/// to one ("el-Sisi") is also keyed by the bare name.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "del", "della", "di", "da",
    "du", "dos", "das", "le", "la", "ter", "ten", "zu", "y", "ben", "wa",
];

/// src/person.rs: `static LEXICON: Lexicon`, the word tables and the xor filter of given names.
fn person_tables() -> String {
    let mut titles: Vec<(&'static str, Vec<&'static str>, &str)> = Vec::new();
    for row in rows("titles.tsv") {
        let class = match row.get(1).copied() {
            Some("honorific") => "Honorific",
            Some("relation") => "Relation",
            Some("occupation") => "Occupation",
            _ => "Role",
        };
        let phrase: Vec<&'static str> = row[0].split(' ').filter(|w| !w.is_empty()).collect();
        if let Some(&last) = phrase.last() {
            titles.push((last, phrase, class));
        }
    }
    // Each word as written in the table (lowercase) and capitalised, so tokens are looked up as they stand.
    let title_words: Vec<&str> = titles
        .iter()
        .flat_map(|(_, p, _)| p.iter().flat_map(|w| w.split('-')))
        .flat_map(|w| {
            let mut cap: String = w.chars().take(1).flat_map(char::to_uppercase).collect();
            cap.push_str(&w[w.chars().next().map_or(0, char::len_utf8)..]);
            [w, &*Box::leak(cap.into_boxed_str())]
        })
        .collect();
    let titles: Vec<(&str, String)> = group(titles.into_iter().map(|(k, p, c)| (k, (p, c))))
        .into_iter()
        .map(|(k, mut list)| {
            list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
            let src = list
                .iter()
                .map(|(p, c)| format!("({}, TitleClass::{c})", strs(p)));
            (k, slice(src))
        })
        .collect();
    let family_first = first_column("family_names_first.txt");
    let mut notable = Vec::new();
    let mut notable_full = Vec::new();
    for row in rows("notable_people.txt") {
        let parts: Vec<&'static str> = row[0].split_whitespace().collect();
        let (Some(&first), Some(&last)) = (parts.first(), parts.last()) else {
            continue;
        };
        notable_full.push(row[0]);
        // A second column names the part the person is known by ("Lula"): that is the key.
        if let Some(&known) = row.get(1) {
            notable.push(known);
            continue;
        }
        if family_first.contains(&first) {
            notable.push(first);
            continue;
        }
        notable.push(last);
        if let Some((particle, bare)) = last.split_once('-') {
            if PARTICLES.contains(&particle) {
                notable.push(bare);
            }
        }
    }
    let org_names = group(rows("org_names.txt").into_iter().filter_map(|r| {
        let (seq, _) = tokens(r[0]);
        Some((*seq.first()?, seq))
    }));
    let org_names: Vec<(&str, String)> = org_names
        .into_iter()
        .map(|(k, seqs)| (k, slice(seqs.iter().map(|s| strs(s)))))
        .collect();
    // person.rs puts each table behind a sieve (`Sifted`, `SiftedMap`).
    let sifted = |set: String| format!("Sifted::new({set})");
    let sifted_map = |map: String| format!("SiftedMap::new({map})");
    format!(
        "static LEXICON: Lexicon = Lexicon {{\ngiven: Filter(include_bytes!(concat!(env!(\"OUT_DIR\"), \"/given_names.filter\"))),\nstop: {},\norg: {},\ntitles: {},\ntitle_words: {},\nfamily_first: {},\nnotable: {},\nnotable_full: {},\norg_names: {},\nverbs: {},\n}};\n",
        sifted(word_set(first_column("name_stopwords.txt"))),
        sifted(word_set(first_column("org_words.txt"))),
        sifted_map(word_map(&titles)),
        sifted(word_set(title_words)),
        sifted(word_set(family_first.iter().copied())),
        sifted(word_set(notable)),
        sifted(word_set(notable_full)),
        sifted_map(word_map(&org_names)),
        sifted(word_set(first_column("speech_verbs.txt"))),
    )
}

/// src/quote/speaker.rs: `static VERBS: Verbs` (speech_verbs.txt and attribution_verbs.txt), `static TITLE_WORDS:
/// WordSet` (every word of titles.tsv's phrases), and `FEMALE_WORDS`, `MALE_WORDS` (gender_words.tsv).
fn speaker_tables() -> String {
    let mut words = Vec::new();
    let mut phrases = Vec::new();
    let verbs = first_column("speech_verbs.txt")
        .into_iter()
        .chain(first_column("attribution_verbs.txt"));
    for entry in verbs {
        match entry.split_once(' ') {
            Some((a, b)) => phrases.push(format!("({}, {})", q(a), q(b.trim()))),
            None => words.push(entry),
        }
    }
    let titles = first_column("titles.tsv");
    let gender = rows("gender_words.tsv");
    let gendered = |g: &str| {
        word_set(
            gender
                .iter()
                .filter(|r| r.get(1) == Some(&g))
                .filter_map(|r| r.first().copied()),
        )
    };
    format!(
        "static VERBS: Verbs = Verbs {{ words: {}, phrases: {} }};\nstatic TITLE_WORDS: crate::data::WordSet = {};\n\
         static FEMALE_WORDS: crate::data::WordSet = {};\nstatic MALE_WORDS: crate::data::WordSet = {};\n",
        word_set(words),
        slice(phrases),
        word_set(titles.iter().flat_map(|t| t.split_whitespace())),
        gendered("f"),
        gendered("m"),
    )
}

/// src/figure/lexicon.rs: `static LEXICON: Lexicon`, from number_words.tsv, currencies.tsv and units.tsv.
fn figure_tables() -> String {
    #[derive(Default)]
    struct Lex {
        role: Option<&'static str>,
        value: u64,
        label: bool,
        countnoun: bool,
        yearprep: bool,
        weekday: bool,
        agenoun: bool,
        ageverb: bool,
        moneyverb: bool,
        measure: bool,
        /// (tokens, Rust source but for the index of the first token).
        seqs: Vec<(Vec<&'static str>, String)>,
    }
    // Keys in ASCII lower case, in order of first appearance.
    let mut entries: Vec<(String, Lex)> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut entry = |word: &str| -> Option<usize> {
        if word.is_empty() {
            return None;
        }
        let key = word.to_ascii_lowercase();
        Some(*seen.entry(key.clone()).or_insert_with(|| {
            entries.push((key, Lex::default()));
            entries.len() - 1
        }))
    };
    let mut lexes: Vec<Lex> = Vec::new();
    let mut at = |word: &str, lexes: &mut Vec<Lex>| -> Option<usize> {
        let i = entry(word)?;
        if i == lexes.len() {
            lexes.push(Lex::default());
        }
        Some(i)
    };
    for r in rows("number_words.tsv") {
        let (Some(&word), Some(&kind)) = (r.first(), r.get(1)) else {
            continue;
        };
        let value = r.get(2).and_then(|v| v.parse().ok()).unwrap_or(0);
        let Some(i) = at(word, &mut lexes) else {
            continue;
        };
        let e = &mut lexes[i];
        match kind {
            "label" => e.label = true,
            "countnoun" => e.countnoun = true,
            "yearprep" => e.yearprep = true,
            "weekday" => e.weekday = true,
            "agenoun" => e.agenoun = true,
            "ageverb" => e.ageverb = true,
            "moneyverb" => e.moneyverb = true,
            "measure" => e.measure = true,
            _ => {
                let role = match kind {
                    "unit" => "Unit",
                    "teen" => "Teen",
                    "ten" => "Ten",
                    "hundred" => "Hundred",
                    "scale" => "Scale",
                    "abbr" => "Abbr",
                    "dozen" => "Dozen",
                    "vague" => "Vague",
                    "article" => "Article",
                    "half" => "Half",
                    "few" => "Few",
                    "ordinal" => "Ordinal",
                    "fraction" => "Fraction",
                    "month" => "Month",
                    _ => continue,
                };
                e.role = Some(role);
                e.value = value;
            }
        }
    }
    let seq = |surface: &'static str,
               what: String|
     -> Option<(&'static str, Vec<&'static str>, String)> {
        let (toks, touch) = tokens(surface);
        let first = *toks.first()?;
        let exact = surface.chars().any(char::is_uppercase);
        let glued_only =
            toks.len() == 1 && surface.len() == 1 && surface.as_bytes()[0].is_ascii_alphabetic();
        assert!(toks.len() <= 8, "figure rows have at most 8 tokens");
        let touch = touch[..toks.len() - 1]
            .iter()
            .enumerate()
            .filter(|(_, &t)| t)
            .fold(0u8, |b, (k, _)| b | 1 << k);
        // `tok` is filled in when the row's tokens are listed, below.
        let src = format!(
            "Seq {{ extra: EXTRA, n: {}, touch: {touch}, exact: {exact}, glued_only: {glued_only}, what: {what} }}",
            toks.len()
        );
        Some((first, toks, src))
    };
    let mut seqs = Vec::new();
    for r in rows("currencies.tsv") {
        let (Some(&surface), Some(&code), Some(&place)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let place = match place {
            "pre" => "Pre",
            "post" => "Post",
            _ => "Both",
        };
        let flags = r.get(3).copied().unwrap_or("");
        let what = format!(
            "What::Currency {{ code: {}, place: Place::{place}, scale_only: {}, cent: {} }}",
            q(code),
            flags.contains("scale"),
            flags.contains("cent")
        );
        seqs.extend(seq(surface, what));
    }
    for r in rows("units.tsv") {
        let (Some(&surface), Some(&unit), Some(&class)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let class = match class {
            "duration" => "Duration",
            "percent" => "Percent",
            "time" => "Time",
            _ => "Quantity",
        };
        seqs.extend(seq(
            surface,
            format!(
                "What::Unit {{ unit: {}, class: UnitClass::{class} }}",
                q(unit)
            ),
        ));
    }
    for (first, toks, src) in seqs {
        if let Some(i) = at(first, &mut lexes) {
            lexes[i].seqs.push((toks, src));
        }
    }
    let mut tokens: Vec<&str> = Vec::new();
    // Every entry's rows, one after the other: an entry holds where its own start and how many there are.
    let mut seqs = Vec::new();
    let mut lexes_src = Vec::new();
    for e in lexes.iter_mut() {
        // Longest first; the sort is stable, so currencies (listed first) win ties with units ("pounds").
        e.seqs.sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        // (0 for a word without rows: any start gives the empty range, and equal numbers compress better.)
        let first = if e.seqs.is_empty() { 0 } else { seqs.len() };
        for (toks, src) in &e.seqs {
            // The row's first token is `tokens.len()`, its index `seqs.len()`.
            let extra = u8::try_from(tokens.len() - seqs.len())
                .expect("at most 255 tokens beyond one a row");
            seqs.push(src.replace("extra: EXTRA", &format!("extra: {extra}")));
            tokens.extend(toks);
        }
        assert!(seqs.len() <= usize::from(u16::MAX) && e.seqs.len() <= usize::from(u8::MAX));
        lexes_src.push(format!(
            "Lex {{ role: {}, value: {}, flags: {}, seq: {first}, seqs: {} }}",
            e.role
                .map_or("None".to_string(), |r| format!("Some(Role::{r})")),
            e.value,
            // The bits of lexicon.rs's `Lex` methods, in their order.
            [
                e.label,
                e.countnoun,
                e.yearprep,
                e.weekday,
                e.agenoun,
                e.ageverb,
                e.moneyverb,
                e.measure
            ]
            .iter()
            .enumerate()
            .fold(0u8, |f, (i, &b)| f | (u8::from(b) << i)),
            e.seqs.len()
        ));
    }
    // Sorted by key (the order is free: the index is made at run time), which compresses better.
    let mut sorted: Vec<(&str, String)> = entries
        .iter()
        .map(|(k, _)| k.as_str())
        .zip(lexes_src)
        .collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let keys: Vec<&str> = sorted.iter().map(|e| e.0).collect();
    format!(
        "static LEXICON: Lexicon = Lexicon {{\nkeys: {},\nlexes: {},\nseqs: {},\ntokens: {},\nindex: std::sync::OnceLock::new(),\n}};\n",
        str_list(&keys),
        slice(sorted.into_iter().map(|e| e.1)),
        slice(seqs),
        str_list(&tokens)
    )
}
