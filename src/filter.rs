//! An xor filter over words (Graf and Lemire, "Xor Filters: Faster and Smaller Than Bloom and Cuckoo Filters", 2020):
//! a compact set with no start-up cost, built at compile time by `build.rs` from a word list and compiled into the
//! binary as bytes. It stores one 8-bit fingerprint per slot, about 1.23 slots per word (9.9 bits per word, where a
//! Bloom filter with the same error needs about 12). A lookup may say "present" for a word that is not (1 in 256
//! absent words); it never says "absent" for a word that is present.
//!
//! Layout of the bytes: the seed (8 bytes, little-endian), then three blocks of equal length of fingerprints. A word
//! hashes to one slot in each block; it is present when the xor of the three slots equals its fingerprint.
//!
//! This file is shared by `build.rs` (which includes it with `#[path]` and calls [`build`]) and the crate, so both
//! hash the same way.

/// Bytes before the fingerprints: the seed.
const HEADER: usize = 8;

/// FNV-1a of the word, mixed with the seed by the murmur3 finaliser.
fn hash(word: &str, seed: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut h = h ^ seed;
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The word's three slots (one per block of `block` slots) and its fingerprint.
fn slots(h: u64, block: usize) -> ([usize; 3], u8) {
    // Lemire's multiply-shift maps a 32-bit value onto 0..block without a division.
    let reduce = |x: u64| ((x as u32 as u64 * block as u64) >> 32) as usize;
    (
        [
            reduce(h),
            block + reduce(h.rotate_left(21)),
            2 * block + reduce(h.rotate_left(42)),
        ],
        (h ^ (h >> 32)) as u8,
    )
}

/// A filter's bytes, as [`build`] made them.
#[allow(dead_code)] // build.rs uses only `build`
pub struct Filter(pub &'static [u8]);

#[allow(dead_code)]
impl Filter {
    pub fn contains(&self, word: &str) -> bool {
        let Some((seed, fingerprints)) = self.0.split_first_chunk::<HEADER>() else {
            return false;
        };
        let block = fingerprints.len() / 3;
        if block == 0 {
            return false;
        }
        let ([a, b, c], f) = slots(hash(word, u64::from_le_bytes(*seed)), block);
        match (
            fingerprints.get(a),
            fingerprints.get(b),
            fingerprints.get(c),
        ) {
            (Some(x), Some(y), Some(z)) => x ^ y ^ z == f,
            _ => false,
        }
    }
}

/// The filter of `words` (duplicates are allowed). Construction "peels" the slot graph: a slot that only one word
/// maps to can be set last, for that word; repeating this orders every word, and the fingerprints are then assigned
/// in reverse order. Peeling fails with a small probability for a given seed; the next seed is tried.
#[allow(dead_code)] // the crate only reads filters
pub fn build<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    let mut words: Vec<&str> = words.into_iter().collect();
    words.sort_unstable();
    words.dedup();
    let block = (words.len() * 123 / 100 + 32).div_ceil(3);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    loop {
        let hashes: Vec<u64> = words.iter().map(|w| hash(w, seed)).collect();
        // Per slot: how many words map to it, and the xor of their hashes (the last one left is that word's hash).
        let mut count = vec![0u32; 3 * block];
        let mut xor = vec![0u64; 3 * block];
        for &h in &hashes {
            for s in slots(h, block).0 {
                count[s] += 1;
                xor[s] ^= h;
            }
        }
        let mut queue: Vec<usize> = (0..3 * block).filter(|&s| count[s] == 1).collect();
        let mut order: Vec<(u64, usize)> = Vec::with_capacity(words.len());
        while let Some(s) = queue.pop() {
            if count[s] != 1 {
                continue;
            }
            let h = xor[s];
            order.push((h, s));
            for t in slots(h, block).0 {
                count[t] -= 1;
                xor[t] ^= h;
                if count[t] == 1 {
                    queue.push(t);
                }
            }
        }
        if order.len() == words.len() {
            let mut bytes = vec![0u8; HEADER + 3 * block];
            bytes[..HEADER].copy_from_slice(&seed.to_le_bytes());
            let fp = &mut bytes[HEADER..];
            for &(h, s) in order.iter().rev() {
                let ([a, b, c], f) = slots(h, block);
                fp[s] = 0;
                fp[s] = f ^ fp[a] ^ fp[b] ^ fp[c];
            }
            return bytes;
        }
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(bytes: Vec<u8>) -> Filter {
        Filter(Box::leak(bytes.into_boxed_slice()))
    }

    #[test]
    fn every_word_is_found_and_few_others() {
        let words: Vec<String> = (0..5000).map(|i| format!("Name{i}")).collect();
        let filter = leak(build(words.iter().map(String::as_str)));
        assert!(words.iter().all(|w| filter.contains(w)));
        let false_positives = (0..100_000)
            .filter(|i| filter.contains(&format!("Other{i}")))
            .count();
        // 1 in 256 expected: 390 of 100,000.
        assert!((200..600).contains(&false_positives), "{false_positives}");
        assert!(filter.0.len() < 5000 * 10 / 8 + 64);
    }

    #[test]
    fn duplicates_empty_and_broken_filters() {
        let filter = leak(build(["Ann", "Ann", "Bo"]));
        assert!(filter.contains("Ann") && filter.contains("Bo"));
        let empty = leak(build([]));
        assert!(!empty.contains("Ann"));
        assert!(!Filter(&[]).contains("Ann"));
        assert!(!Filter(&[1, 2, 3]).contains("Ann"));
    }
}
