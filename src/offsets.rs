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
/// One forward pass over the offsets in sorted order; the bytes between two offsets are counted, not decoded: every
/// byte that is not a UTF-8 continuation byte starts a character, and a four-byte character is two UTF-16 units.
pub fn convert(text: &str, unit: Unit, offsets: &mut [usize]) {
    if unit == Unit::Utf8 || offsets.is_empty() || text.is_ascii() {
        return;
    }
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut counted = 0usize; // offset in `unit` of the byte position `pos`
    let mut pos = 0usize;
    for i in order {
        let target = offsets[i].min(bytes.len());
        if target > pos {
            let span = bytes.get(pos..target).unwrap_or(&[]);
            counted += match unit {
                Unit::Utf16 => span.iter().map(|&b| utf16_units(b)).sum::<usize>(),
                _ => span.iter().filter(|&&b| !is_continuation(b)).count(),
            };
            pos = target;
        }
        offsets[i] = counted;
    }
}

/// A UTF-8 continuation byte (`10xxxxxx`): part of the character before it.
fn is_continuation(b: u8) -> bool {
    (b as i8) < -64
}

/// The UTF-16 code units that UTF-8 byte `b` adds: one for the lead byte of a character, two for the lead byte of a
/// four-byte character (a surrogate pair), none for a continuation byte.
fn utf16_units(b: u8) -> usize {
    usize::from(!is_continuation(b)) + usize::from(b >= 0xF0)
}

#[cfg(test)]
mod tests {
    use super::*;

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
