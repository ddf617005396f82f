//! A Bloom filter over words: a compact set with no start-up cost, built at compile time by `build.rs` from a word list
//! and compiled into the binary as bytes. A lookup may say "present" for a word that is not (about 0.3% of absent words
//! with the sizes `build.rs` picks); it never says "absent" for a word that is present.
//!
//! This file is shared by `build.rs` (which includes it with `#[path]`) and the crate, so both hash the same way.

/// Hash functions per word.
pub const PROBES: u32 = 8;
/// Bits per word the filter is sized for (used by build.rs).
#[allow(dead_code)]
pub const BITS_PER_WORD: usize = 12;

/// FNV-1a, 64 bits: two 32-bit halves drive the probes (double hashing).
fn hash(word: &str) -> (u32, u32) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h as u32, ((h >> 32) as u32) | 1)
}

/// The bit positions of `word` in a filter of `bits` bits.
pub fn probes(word: &str, bits: usize) -> impl Iterator<Item = usize> {
    let (a, b) = hash(word);
    (0..PROBES).map(move |i| (a.wrapping_add(i.wrapping_mul(b)) as usize) % bits)
}

/// A filter's bytes, as `build.rs` wrote them (bit `i` is bit `i % 8` of byte `i / 8`).
#[allow(dead_code)] // build.rs uses only `probes`
pub struct Bloom(pub &'static [u8]);

#[allow(dead_code)]
impl Bloom {
    pub fn contains(&self, word: &str) -> bool {
        let bits = self.0.len() * 8;
        bits > 0 && probes(word, bits).all(|p| self.0[p / 8] & (1 << (p % 8)) != 0)
    }
}
