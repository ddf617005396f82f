//! The data tables compiled into lede (each file under `data/` names its source at its top), and the small helpers
//! that read them. Tables are plain text: `#` starts a comment line, fields are separated by tabs.

/// The text of the table `data/NAME` as compiled in: build.rs drops its comment lines first. (The recognisers' tables
/// are laid out by build.rs as statics instead, see below; the unit tests read the text.)
#[allow(unused_macros)]
macro_rules! table {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $name))
    };
}
#[allow(unused_imports)]
pub(crate) use table;

/// The non-comment, non-empty lines of a table, with their fields split on tabs.
#[allow(dead_code)]
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
#[allow(dead_code)]
pub type Set<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

/// A multiply-and-add hash of eight bytes at a time (as rustc's FxHash): several times faster than the standard
/// SipHash on the short keys lede looks up (words, names), and a word of up to eight bytes is one step. It does not
/// resist crafted collisions; the keys are the reader's own text and compiled-in words, and a collision costs time,
/// never a wrong answer. (No map of lede's is iterated, so nothing depends on the order it gives.)
#[derive(Default)]
pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, x: u64) {
        self.0 = self.0.wrapping_add(x).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // The multiply leaves its best bits at the top; the table takes its index from the bottom.
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        // The last 1 to 7 bytes as one word, read without a copy of variable length (a call to `memcpy` at every
        // word hashed): two loads of 4 bytes that overlap, or the first, middle and last byte, which together hold
        // every byte of so short a rest; with its length, so that rests of different lengths make different words.
        let rest = chunks.remainder();
        let n = rest.len();
        if n > 0 {
            let word = match (rest.first_chunk::<4>(), rest.last_chunk::<4>()) {
                (Some(&a), Some(&b)) => {
                    u64::from(u32::from_le_bytes(a)) | u64::from(u32::from_le_bytes(b)) << 32
                }
                _ => {
                    let at = |k: usize| u64::from(rest.get(k).copied().unwrap_or(0));
                    at(0) | at(n / 2) << 8 | at(n - 1) << 16
                }
            };
            self.add(word ^ (n as u64) << 56);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// FNV-1a (32 bits) of `bytes`: the hash of [`WordSet`] and [`WordMap`], computed by build.rs when it lays the tables
/// out and by the lookups here.
pub const fn hash(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// Empty open-addressing slots for `n` keys: a power of two at least twice their number. Each slot holds the index
/// of a key plus one, or 0 when empty; a key sits at the first free slot from its hash on (linear probing), see
/// [`place`].
pub fn slots(n: usize) -> Vec<u32> {
    vec![0u32; (n * 2).max(2).next_power_of_two()]
}

/// Puts key `k`, whose hash is `h`, in `slots` (made by [`slots`] for at least `k + 1` keys).
pub fn place(slots: &mut [u32], h: u32, k: usize) {
    let mask = slots.len() - 1;
    let mut i = h as usize & mask;
    while slots[i] != 0 {
        i = (i + 1) & mask;
    }
    slots[i] = k as u32 + 1;
}

/// Keys compiled in, each ended by a line break, in one string that build.rs writes sorted (it compresses like the
/// word lists under data/, which matters for the download). The index, where each key ends and the hash slots, is
/// made on first use: one pass over the text (all tables together: about 0.45 M instructions natively); storing it
/// would double the tables' compressed size.
#[derive(Debug)]
pub struct Keys {
    text: &'static str,
    /// The number of keys.
    n: usize,
    /// Whether [`Keys::find`] is used (else the keys are only read by index).
    hashed: bool,
    index: std::sync::OnceLock<Index>,
}

#[derive(Debug)]
struct Index {
    keys: Vec<&'static str>,
    slots: Vec<u32>,
}

impl Keys {
    /// The `n` keys of `text` (each ended by `\n`), to be looked up by [`Keys::find`] if `hashed`.
    pub const fn new(text: &'static str, n: usize, hashed: bool) -> Self {
        Keys {
            text,
            n,
            hashed,
            index: std::sync::OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut keys = Vec::with_capacity(self.n);
            let mut slots = if self.hashed {
                slots(self.n)
            } else {
                Vec::new()
            };
            // One pass over the bytes: a line break ends a key; FNV-1a (as [`hash`]) runs along.
            let mut h: u32 = 0x811c_9dc5;
            let mut start = 0;
            for (i, &b) in self.text.as_bytes().iter().enumerate() {
                if b == b'\n' {
                    if self.hashed && keys.len() < self.n {
                        place(&mut slots, h, keys.len());
                    }
                    keys.push(self.text.get(start..i).unwrap_or_default());
                    start = i + 1;
                    h = 0x811c_9dc5;
                } else {
                    h = (h ^ b as u32).wrapping_mul(0x0100_0193);
                }
            }
            Index { keys, slots }
        })
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Key `k`.
    pub fn key(&self, k: usize) -> Option<&'static str> {
        self.index().keys.get(k).copied()
    }

    /// The index of `key`.
    #[inline]
    pub fn find(&self, key: &str) -> Option<usize> {
        self.find_bytes(key.as_bytes())
    }

    /// The index of the key whose bytes are `key`: [`Keys::find`] for a token's bytes, which need no `&str` made
    /// (with its char-boundary checks) to be looked up.
    pub fn find_bytes(&self, key: &[u8]) -> Option<usize> {
        let index = self.index();
        let mask = index.slots.len().checked_sub(1)?;
        let mut i = hash(key) as usize & mask;
        // At most half the slots are taken, so an empty one ends every probe; the bound only guards a broken table.
        for _ in 0..index.slots.len() {
            let k = (*index.slots.get(i)? as usize).checked_sub(1)?;
            if index.keys.get(k).map(|s| s.as_bytes()) == Some(key) {
                return Some(k);
            }
            i = (i + 1) & mask;
        }
        None
    }
}

/// A set of words laid out at compile time by build.rs: nothing to build when the first text comes.
#[derive(Debug)]
pub struct WordSet(pub Keys);

impl WordSet {
    /// Whether `key` is in the set (compared exactly, as written).
    pub fn contains(&self, key: &str) -> bool {
        self.0.find(key).is_some()
    }

    /// Whether the word whose bytes are `key` is in the set ([`Keys::find_bytes`]).
    pub fn contains_bytes(&self, key: &[u8]) -> bool {
        self.0.find_bytes(key).is_some()
    }
}

/// A map from words to values, laid out at compile time by build.rs like [`WordSet`].
#[derive(Debug)]
pub struct WordMap<V: 'static> {
    pub keys: Keys,
    pub values: &'static [V],
}

impl<V: Copy> WordMap<V> {
    /// The value of `key` (compared exactly, as written). Values are small copies: indices, `&'static` slices.
    pub fn get(&self, key: &str) -> Option<V> {
        self.keys
            .find(key)
            .and_then(|k| self.values.get(k).copied())
    }
}
