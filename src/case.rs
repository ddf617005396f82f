//! Upper and lower case of single characters, for the scripts news is written in: Latin (ASCII, Latin-1, Extended-A,
//! the Romanian, pinyin and other letters of Extended-B, and the Vietnamese letters of Latin Extended Additional),
//! Greek and Cyrillic. Other characters are returned unchanged.
//!
//! Why not `char::to_lowercase`: it links the whole Unicode case tables, about 12 KB of the page's gzipped download,
//! for scripts whose names none of lede's tables hold. The mappings here are the same as std's wherever they are
//! one character (a test checks every character of the covered blocks); where std gives several ("İ" → "i̇",
//! "ß" → "SS"), lower case gives the first and upper case leaves the character as it is.

/// Blocks of alternating pairs: (first, last, whether the upper-case member is the odd code point).
const PAIRS: &[(u32, u32, bool)] = &[
    (0x0100, 0x012F, false),
    (0x0132, 0x0137, false),
    (0x0139, 0x0148, true),
    (0x014A, 0x0177, false),
    (0x0179, 0x017E, true),
    (0x01CD, 0x01DC, true),
    (0x01DE, 0x01EF, false),
    (0x01F8, 0x021F, false),
    (0x0222, 0x0233, false),
    (0x0460, 0x0481, false),
    (0x048A, 0x04BF, false),
    (0x04C1, 0x04CE, true),
    (0x04D0, 0x052F, false),
    (0x1E00, 0x1E95, false),
    (0x1EA0, 0x1EFF, false),
];

/// Runs of upper-case letters whose lower case is a fixed distance on: (first, last, distance).
const SHIFTS: &[(u32, u32, u32)] = &[
    (0x41, 0x5A, 0x20),
    (0xC0, 0xD6, 0x20),
    (0xD8, 0xDE, 0x20),
    (0x388, 0x38A, 0x25),
    (0x38E, 0x38F, 0x3F),
    (0x391, 0x3A1, 0x20),
    (0x3A3, 0x3AB, 0x20),
    (0x400, 0x40F, 0x50),
    (0x410, 0x42F, 0x20),
];

/// Single pairs outside those runs: (upper, lower).
const SINGLES: &[(u32, u32)] = &[
    (0x178, 0xFF),
    (0x386, 0x3AC),
    (0x38C, 0x3CC),
    (0x4C0, 0x4CF),
];

/// Lower-case letters whose upper case is another's lower case's pair: (lower, upper). "ı" → "I", "ſ" → "S",
/// final "ς" → "Σ", the micro sign "µ" → Greek "Μ".
const UPPER_ONLY: &[(u32, u32)] = &[(0x131, 0x49), (0x17F, 0x53), (0x3C2, 0x3A3), (0xB5, 0x39C)];

/// The lower case of `c` (the first character of it, where std's has several).
pub fn lower(c: char) -> char {
    let u = c as u32;
    if u < 0x80 {
        return c.to_ascii_lowercase();
    }
    if u == 0x130 {
        return 'i';
    }
    let mapped = if let Some(&(_, _, d)) = SHIFTS.iter().find(|&&(a, b, _)| (a..=b).contains(&u)) {
        u + d
    } else if let Some(&(_, _, odd)) = PAIRS.iter().find(|&&(a, b, _)| (a..=b).contains(&u)) {
        if (u % 2 == 1) == odd {
            u + 1
        } else {
            u
        }
    } else if let Some(&(_, l)) = SINGLES.iter().find(|&&(up, _)| up == u) {
        l
    } else {
        u
    };
    char::from_u32(mapped).unwrap_or(c)
}

/// The upper case of `c` (`c` itself where std's has several characters).
pub fn upper(c: char) -> char {
    let u = c as u32;
    if u < 0x80 {
        return c.to_ascii_uppercase();
    }
    let mapped = if let Some(&(_, _, d)) = SHIFTS
        .iter()
        .find(|&&(a, b, d)| (a + d..=b + d).contains(&u))
    {
        u - d
    } else if let Some(&(_, _, odd)) = PAIRS.iter().find(|&&(a, b, _)| (a..=b).contains(&u)) {
        if (u % 2 == 1) != odd {
            u - 1
        } else {
            u
        }
    } else if let Some(&(up, _)) = SINGLES.iter().find(|&&(_, l)| l == u) {
        up
    } else if let Some(&(_, up)) = UPPER_ONLY.iter().find(|&&(l, _)| l == u) {
        up
    } else {
        u
    };
    char::from_u32(mapped).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks this module claims: Basic Latin to Latin Extended-B's covered runs, Greek and Coptic's letters,
    /// Cyrillic and Cyrillic Supplement, Latin Extended Additional's pairs.
    fn covered(u: u32) -> bool {
        u < 0x180
            || PAIRS.iter().any(|&(a, b, _)| (a..=b).contains(&u))
            || (0x386..=0x3CE).contains(&u)
            || (0x400..=0x52F).contains(&u)
    }

    #[test]
    fn same_as_std_where_std_gives_one_character() {
        for u in 0..0x2000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let std_lower: Vec<char> = c.to_lowercase().collect();
            let std_upper: Vec<char> = c.to_uppercase().collect();
            if covered(u) {
                if std_lower.len() == 1 {
                    assert_eq!(lower(c), std_lower[0], "lower of U+{u:04X}");
                } else {
                    assert_eq!(lower(c), std_lower[0], "first of the lower of U+{u:04X}");
                }
                if std_upper.len() == 1 {
                    assert_eq!(upper(c), std_upper[0], "upper of U+{u:04X}");
                } else {
                    assert_eq!(
                        upper(c),
                        c,
                        "upper of U+{u:04X} (several characters in std)"
                    );
                }
            } else {
                // Outside the covered blocks, a character maps to itself or to what std says.
                assert!(lower(c) == c || std_lower == [lower(c)], "U+{u:04X}");
                assert!(upper(c) == c || std_upper == [upper(c)], "U+{u:04X}");
            }
        }
    }

    #[test]
    fn names_in_news() {
        let low = |s: &str| s.chars().map(lower).collect::<String>();
        let up = |s: &str| s.chars().map(upper).collect::<String>();
        assert_eq!(low("ŁÓDŹ"), "łódź");
        assert_eq!(up("Nguyễn Phú Trọng"), "NGUYỄN PHÚ TRỌNG");
        assert_eq!(up("Ștefan"), "ȘTEFAN");
        assert_eq!(low("ВЛАДИМИР"), "владимир");
        assert_eq!(up("Ελλάδα"), "ΕΛΛΆΔΑ");
        assert_eq!(up("Straße"), "STRAßE");
        assert_eq!(low("İstanbul"), "istanbul");
    }
}
