//! Offset units. The core counts in UTF-8 bytes; this module is the one place that converts them to what a caller
//! counts in: UTF-16 code units (a JavaScript string index, the default of the public contract) or code points.

use std::str::FromStr;

/// The unit that offsets in the public output count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes: an index into a Rust `&str`.
    Utf8,
    /// UTF-16 code units: an index into a JavaScript string.
    #[default]
    Utf16,
    /// Unicode code points: an index into a Python `str`.
    Chars,
}

impl FromStr for Unit {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "utf8" | "bytes" => Ok(Unit::Utf8),
            "utf16" => Ok(Unit::Utf16),
            "chars" | "codepoints" => Ok(Unit::Chars),
            _ => Err(format!(
                "unknown offset unit {s:?} (expected utf8, utf16 or chars)"
            )),
        }
    }
}

/// Converts byte offsets into `text` to `unit`, in place. Each offset must lie on a character boundary of `text`
/// (annotation ranges always do). Linear in `text.len()` plus `offsets.len() log offsets.len()`.
///
/// One forward pass over the offsets in sorted order, counting whole eight-byte words up to the word an offset falls
/// in and then the bytes of that word before it, under a mask; the bytes are counted, not decoded: every byte that
/// is not a UTF-8 continuation byte starts a character, and a four-byte character is two UTF-16 units ([`units`]).
pub fn convert(text: &str, unit: Unit, offsets: &mut [usize]) {
    if unit == Unit::Utf8 || offsets.is_empty() || text.is_ascii() {
        return;
    }
    let bytes = text.as_bytes();
    let utf16 = unit == Unit::Utf16;
    let mut order: Vec<crate::SortKey> = (offsets.iter().enumerate())
        .map(|(i, &o)| (o, i, 0))
        .collect();
    crate::sort_keys(&mut order);
    let mut counted = 0usize; // the units in `bytes[..pos]`
    let mut pos = 0usize; // a multiple of 8
    for (target, i, _) in order {
        let target = target.min(bytes.len());
        let whole = target & !7;
        while pos < whole {
            counted += units(word(bytes, pos), utf16, 8);
            pos += 8;
        }
        offsets[i] = counted + units(word(bytes, pos), utf16, target - pos);
    }
}

/// [`convert`] for `[start0, end0, start1, end1, ...]`, the ranges of annotations sorted by start, without sorting:
/// one forward pass converts the starts, and each end on the way, unless a later range starts before it (a quote
/// and the spans inside it); such an end waits, in order, until the pass reaches it. Offsets in any other order go
/// through [`convert`].
pub fn convert_ranges(text: &str, unit: Unit, offsets: &mut [usize]) {
    if unit == Unit::Utf8 || offsets.is_empty() || text.is_ascii() {
        return;
    }
    let bytes = text.as_bytes();
    let in_order = offsets.len() % 2 == 0
        && offsets
            .chunks_exact(2)
            .try_fold(0, |prev, r| {
                (prev <= r[0] && r[0] <= r[1] && r[1] <= bytes.len()).then_some(r[0])
            })
            .is_some();
    if !in_order {
        return convert(text, unit, offsets);
    }
    let mut pass = Pass {
        bytes,
        utf16: unit == Unit::Utf16,
        pos: 0,
        counted: 0,
    };
    // Ends not yet reached, as (byte offset, index into `offsets`), the nearest last; each at or after `pass.pos`.
    // At most one range of each layer (quotes, the flat annotations, which do not overlap within a layer) contains
    // a start, so this holds one or two.
    let mut waiting: Vec<(usize, usize)> = Vec::new();
    let n = offsets.len();
    for i in (0..n).step_by(2) {
        let (start, end) = (offsets[i], offsets[i + 1]);
        while let Some(&(at, k)) = waiting.last() {
            if at > start {
                break;
            }
            waiting.pop();
            offsets[k] = pass.to(at);
        }
        offsets[i] = pass.to(start);
        let next_start = offsets.get(i + 2).copied().unwrap_or(usize::MAX);
        if end <= next_start && waiting.last().is_none_or(|w| w.0 >= end) {
            offsets[i + 1] = pass.to(end);
        } else {
            let at = waiting.partition_point(|w| w.0 > end);
            waiting.insert(at, (end, i + 1));
        }
    }
    while let Some((at, k)) = waiting.pop() {
        offsets[k] = pass.to(at);
    }
}

/// A forward pass over the text: the units in `bytes[..pos]`.
struct Pass<'a> {
    bytes: &'a [u8],
    utf16: bool,
    pos: usize,
    counted: usize,
}

impl Pass<'_> {
    /// Moves on to byte `to` (at or after `pos`) and returns the units before it.
    #[inline(always)]
    fn to(&mut self, to: usize) -> usize {
        let (bytes, utf16) = (self.bytes, self.utf16);
        let mut at = self.pos;
        let mut counted = self.counted;
        // A word of ASCII (most of a news text) is eight units, no need to count them.
        while at + 8 <= to {
            // [`word`], read here without a call (the wasm build does not inline it): the eight bytes are there.
            let w = match bytes.get(at..).and_then(|r| r.first_chunk::<8>()) {
                Some(c) => u64::from_le_bytes(*c),
                None => word(bytes, at),
            };
            counted += if w & HIGH == 0 { 8 } else { units(w, utf16, 8) };
            at += 8;
        }
        let n = to - at;
        let w = word(bytes, at);
        counted += if w & HIGH & ((1u64 << (8 * n)) - 1) == 0 {
            n
        } else {
            units(w, utf16, n)
        };
        self.pos = to;
        self.counted = counted;
        counted
    }
}

/// The eight bytes of `bytes` from `at` as a little-endian word, zeros past the end.
fn word(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(c) => u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
        None => {
            let mut buf = [0u8; 8];
            let rest = bytes.get(at..).unwrap_or(&[]);
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    }
}

/// The characters (or, when `utf16`, the UTF-16 code units) that start in the first `n` (at most 8) bytes of `w`,
/// with bit tricks: bit 7 of each byte is set for a character's first byte (not `10xxxxxx`) in one mask and for a
/// four-byte lead (`11110xxx`) in the other; the bits, moved to bit 0 of their bytes, are summed by one multiply
/// (each byte holds at most 2, so the sum fits the top byte; a multiply is cheaper than `count_ones` on targets
/// without a popcount instruction).
fn units(w: u64, utf16: bool, n: usize) -> usize {
    (lanes(w, utf16, n).wrapping_mul(ONES) >> 56) as usize
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The count of [`units`] before the sum: in bit 0 of each byte of the first `n`, 1 for a character's first byte,
/// plus 1 for a four-byte lead when `utf16`.
fn lanes(w: u64, utf16: bool, n: usize) -> u64 {
    let keep = if n >= 8 {
        HIGH
    } else {
        HIGH & ((1u64 << (8 * n)) - 1)
    };
    let mut lanes = (!(w & !(w << 1)) & keep) >> 7;
    if utf16 {
        lanes += (w & (w << 1) & (w << 2) & (w << 3) & keep) >> 7;
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_long_runs_as_the_chars_do() {
        let text = "Zoë said “hi” 😀 to 東京 and e\u{301}\u{10FFFF} ".repeat(5);
        // Offsets far apart (spans of many eight-byte chunks) and close together, unsorted.
        let all: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut ends: Vec<usize> = all.iter().step_by(37).copied().collect();
        ends.extend(all.iter().skip(100).take(20).rev());
        ends.push(text.len());
        let want16: Vec<usize> = ends
            .iter()
            .map(|&e| text[..e].encode_utf16().count())
            .collect();
        let want_chars: Vec<usize> = ends.iter().map(|&e| text[..e].chars().count()).collect();
        let mut c = ends.clone();
        convert(&text, Unit::Chars, &mut c);
        assert_eq!(c, want_chars);
        convert(&text, Unit::Utf16, &mut ends);
        assert_eq!(ends, want16);
    }

    #[test]
    fn nested_spans_take_the_same_values() {
        let text = "“Zoë” said 😀 the 東京 team, e\u{301} «ok» ".repeat(4);
        let b: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        // Nested and overlapping spans sorted by start, as annotations are.
        let mut spans = Vec::new();
        for k in (0..b.len() - 30).step_by(7) {
            spans.extend([b[k], b[k + 30], b[k + 1], b[k + 3]]);
        }
        spans.extend([b[b.len() - 2], b[b.len() - 1]]);
        for unit in [Unit::Utf16, Unit::Chars] {
            let want: Vec<usize> = spans
                .iter()
                .map(|&e| match unit {
                    Unit::Utf16 => text[..e].encode_utf16().count(),
                    _ => text[..e].chars().count(),
                })
                .collect();
            let mut got = spans.clone();
            convert(&text, unit, &mut got);
            assert_eq!(got, want);
        }
    }

    #[test]
    fn ranges_take_the_values_of_convert() {
        let text = "“Zoë” said 😀 the 東京 team, e\u{301} «ok» ".repeat(9);
        let b: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        // Ranges sorted by start, nested, empty, long and short; then the same out of order.
        let mut ranges = Vec::new();
        for k in (0..b.len() - 60).step_by(5) {
            ranges.extend([b[k], b[k + 60], b[k + 1], b[k + 3], b[k + 2], b[k + 2]]);
        }
        ranges.extend([b[b.len() - 2], b[b.len() - 1]]);
        let mut shuffled = ranges.clone();
        shuffled.swap(0, 6);
        shuffled.swap(3, 5);
        for offsets in [ranges, shuffled] {
            for unit in [Unit::Utf16, Unit::Chars, Unit::Utf8] {
                let mut want = offsets.clone();
                convert(&text, unit, &mut want);
                let mut got = offsets.clone();
                convert_ranges(&text, unit, &mut got);
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn converts_to_utf16_and_chars() {
        let text = "a😀é\u{301}b"; // a(1) 😀(4 bytes, 2 units) é(2 bytes) U+0301(2 bytes) b
        let bytes = [0, 1, 5, 7, 9, 10];
        let mut u16 = bytes;
        convert(text, Unit::Utf16, &mut u16);
        assert_eq!(u16, [0, 1, 3, 4, 5, 6]);
        let mut cp = [10, 0, 5];
        convert(text, Unit::Chars, &mut cp);
        assert_eq!(cp, [5, 0, 2]);
    }
}
