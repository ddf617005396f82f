//! The data tables compiled into lede (each file under `data/` names its source at its top), and the small helpers
//! that read them. Tables are plain text: `#` starts a comment line, fields are separated by tabs.

/// The non-comment, non-empty lines of a table, with their fields split on tabs.
pub fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}
