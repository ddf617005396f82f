//! The data tables compiled into lede (each file under `data/` names its source at its top), and the small helpers
//! that read them. Tables are plain text: `#` starts a comment line, fields are separated by tabs.

/// The text of the table `data/NAME` as compiled in: build.rs drops its comment lines first.
macro_rules! table {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $name))
    };
}
pub(crate) use table;

/// The non-comment, non-empty lines of a table, with their fields split on tabs.
pub fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A hash map with [`FastHasher`]: for lookups of short words, in tables compiled in and per document.
pub type Map<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;
/// A hash set with [`FastHasher`].
pub type Set<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

/// FNV-1a: several times faster than the standard SipHash on the short keys lede looks up (words, names). It does not
/// resist crafted collisions; the keys are the reader's own text and compiled-in words, and a collision costs time, never
/// a wrong answer.
#[derive(Default)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
