//! Exact decimal numbers, so that "1.7 billion" is 1700000000 and not 1700000000.0000002.
//!
//! A [`Dec`] is `mant / 10^frac` held in integers; scaling multiplies the integer, and only the final conversion to
//! `f64` rounds (once, to the nearest double, as parsing the decimal string would).

/// `mant / 10^frac`.
///
/// Packed to 8-byte alignment: 24 bytes rather than 32, which keeps the figures being read (`Num`, `Cand`, each with
/// an `Option<Dec>`) at 128 bytes or less, moved with a few register copies rather than a call to `memcpy`. (Fields
/// are read and written by value only; a packed field cannot be borrowed.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, packed(8))]
pub struct Dec {
    pub mant: u128,
    pub frac: u32,
}

/// More decimal places than this cannot be held in a `u128` power of ten.
const MAX_FRAC: u32 = 30;

impl Dec {
    pub fn int(n: u128) -> Dec {
        Dec { mant: n, frac: 0 }
    }

    /// Parses a number token: digits, thousands groups with `,` ("46,000": a first group of one to three digits, then
    /// groups of three), and at most one decimal point; or the same in continental European style, with `.` grouping
    /// thousands and `,` as the decimal mark ("1.234.567", "4,1", "1.234,5"). A lone `.` before exactly "000"
    /// groups thousands too ("5.000 workers"): English writes no such decimal. Anything else ("1,2,3", "1.2.3",
    /// "007", "1234,567") is not a number.
    pub fn parse(s: &str) -> Option<Dec> {
        // Most number tokens are plain digits ("2023", "45"): read them without the group and decimal splitting.
        if !s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit()) {
            if s.len() > 1 && s.starts_with('0') {
                return None;
            }
            let n = s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
            return Some(Dec::int(u128::from(n)));
        }
        if let Some(d) = Dec::parse_with(s, b',', b'.') {
            // (`d` has one `.` at most, and digits only after it.)
            let b = s.as_bytes();
            return match b.iter().position(|&c| c == b'.') {
                Some(p)
                    if b.len() - p == 4
                        && b.ends_with(b"000")
                        && (1..=3).contains(&p)
                        && !b[..p].contains(&b',')
                        && !(p == 1 && b[0] == b'0') =>
                {
                    Some(Dec::int(d.mant))
                }
                _ => Some(d),
            };
        }
        // Continental: a decimal part of three digits is not one ("1,234" is English and was read above).
        let fract = s.split_once(',').map(|(_, f)| f);
        if fract.is_some_and(|f| f.len() == 3) || (fract.is_none() && !s.contains('.')) {
            return None;
        }
        Dec::parse_with(s, b'.', b',')
    }

    /// Digits with thousands groups separated by `group` (a first group of one to three digits, then groups of
    /// three) and at most one decimal mark `dec` (both ASCII, so read as bytes).
    fn parse_with(s: &str, group: u8, dec: u8) -> Option<Dec> {
        let s = s.as_bytes();
        // Long tokens (a run of digits) are refused before any scan: unless it starts with the group "0" and a
        // separator (then its leading zeros may be many), a number read here starts with a digit other than 0 or is
        // "0" and a decimal part (at most MAX_FRAC digits), so it has at most 39 digits (more overflow a `u128`), a
        // separator for three of them at most and one decimal mark: under 64 bytes.
        if s.len() > 64 && !(s.first() == Some(&b'0') && s.get(1) == Some(&group)) {
            return None;
        }
        // One pass over the bytes (splitting into groups cost about 300 instructions a number): `run` counts the
        // digits of the group being read, or of the decimal part once the mark is passed. A first group has one to
        // three digits when groups follow (any number otherwise), every later group three; a decimal part one to
        // MAX_FRAC digits. Every refusal gives `None`, so the order of the checks does not matter.
        if s.first() == Some(&b'0') && s.get(1).is_some_and(u8::is_ascii_digit) {
            return None; // a first group of two digits or more starting with "0"
        }
        let mut mant: u128 = 0;
        let mut run = 0;
        let mut grouped = false;
        let mut in_fract = false;
        for &b in s {
            if b.is_ascii_digit() {
                mant = mant.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
                run += 1;
                continue;
            }
            if in_fract || run == 0 || (grouped && run != 3) || (b != group && b != dec) {
                return None;
            }
            if b == group {
                if run > 3 {
                    return None;
                }
                grouped = true;
            } else {
                in_fract = true;
            }
            run = 0;
        }
        if run == 0 || (in_fract && run > MAX_FRAC as usize) || (!in_fract && grouped && run != 3) {
            return None;
        }
        let frac = if in_fract { run as u32 } else { 0 };
        Some(Dec { mant, frac })
    }

    /// The integer value, if the number is a whole number.
    pub fn as_int(self) -> Option<u128> {
        // Most numbers have no decimals: no 128-bit division for them.
        if self.frac == 0 {
            return Some(self.mant);
        }
        let p = 10u128.checked_pow(self.frac)?;
        (self.mant % p == 0).then_some(self.mant / p)
    }

    /// `self * m`, exactly.
    pub fn mul(self, m: u128) -> Option<Dec> {
        Some(Dec {
            mant: self.mant.checked_mul(m)?,
            frac: self.frac,
        })
    }

    /// `self / 100`, exactly (cents, pence).
    pub fn hundredth(self) -> Option<Dec> {
        (self.frac + 2 <= MAX_FRAC).then_some(Dec {
            mant: self.mant,
            frac: self.frac + 2,
        })
    }

    /// `self + 0.5`, exactly.
    pub fn plus_half(self) -> Option<Dec> {
        if self.frac + 1 > MAX_FRAC {
            return None;
        }
        let five = 5u128.checked_mul(10u128.checked_pow(self.frac)?)?;
        Some(Dec {
            mant: self.mant.checked_mul(10)?.checked_add(five)?,
            frac: self.frac + 1,
        })
    }

    pub fn to_f64(self) -> f64 {
        match self.as_int() {
            // (A whole number under 2^64 converts from `u64` to the same double, the nearest, without the
            // 128-bit conversion routine.)
            Some(n) => match u64::try_from(n) {
                Ok(n) => n as f64,
                Err(_) => n as f64,
            },
            None => self.mant as f64 / 10f64.powi(self.frac as i32),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dec_is_small() {
        assert_eq!(std::mem::size_of::<Dec>(), 24);
    }

    #[test]
    fn parses_groups_and_decimals() {
        assert_eq!(Dec::parse("46,000"), Some(Dec::int(46000)));
        assert_eq!(Dec::parse("1.7"), Some(Dec { mant: 17, frac: 1 }));
        assert_eq!(Dec::parse("1,234,567.5").map(Dec::to_f64), Some(1234567.5));
        for bad in [
            "1,2,3", "1234,567", "1.2.3", "007", "1,2.3", "1.23.4", "12,345,6",
        ] {
            assert_eq!(Dec::parse(bad), None, "{bad}");
        }
        assert_eq!(Dec::parse(&"9".repeat(60)), None);
    }

    #[test]
    fn plain_digits_read_as_the_general_path_reads_them() {
        for s in [
            "0",
            "7",
            "45",
            "2023",
            "007",
            "00",
            "1234567890123456789",
            "99999999999999999999",
        ] {
            // (For a plain digit string the general path is the English reading alone: no `,` or `.` to read otherwise.)
            assert_eq!(Dec::parse(s), Dec::parse_with(s, b',', b'.'), "{s}");
        }
    }

    /// `parse_with` as it was written before the one-pass loop: groups split out, then read.
    fn parse_with_by_groups(s: &str, group: u8, dec: u8) -> Option<Dec> {
        let s = s.as_bytes();
        let (int, fract) = match s.iter().position(|&b| b == dec) {
            Some(p) => (&s[..p], Some(&s[p + 1..])),
            None => (s, None),
        };
        let mut mant: u128 = 0;
        let mut groups = int.split(|&b| b == group);
        let first = groups.next()?;
        let grouped = int.contains(&group);
        if first.is_empty()
            || (grouped && first.len() > 3)
            || (first.len() > 1 && first.starts_with(b"0"))
        {
            return None;
        }
        for (k, g) in std::iter::once(first).chain(groups).enumerate() {
            if (k > 0 && g.len() != 3) || !g.iter().all(|b| b.is_ascii_digit()) {
                return None;
            }
            for &b in g {
                mant = mant.checked_mul(10)?.checked_add((b - b'0') as u128)?;
            }
        }
        let mut frac = 0;
        if let Some(f) = fract {
            if f.is_empty() || f.len() as u32 > MAX_FRAC || !f.iter().all(|b| b.is_ascii_digit()) {
                return None;
            }
            for &b in f {
                mant = mant.checked_mul(10)?.checked_add((b - b'0') as u128)?;
            }
            frac = f.len() as u32;
        }
        Some(Dec { mant, frac })
    }

    #[test]
    fn one_pass_reads_as_the_groups_did() {
        // Every string of up to seven of these bytes, and some long ones near the limits.
        let alphabet = [b'0', b'1', b'9', b',', b'.', b'x'];
        let mut all: Vec<String> = vec![String::new()];
        let mut layer: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..7 {
            let mut next = Vec::new();
            for s in &layer {
                for &b in &alphabet {
                    let mut t = s.clone();
                    t.push(b);
                    all.push(String::from_utf8(t.clone()).unwrap());
                    next.push(t);
                }
            }
            layer = next;
        }
        for n in [28, 29, 30, 31, 38, 39, 40, 41] {
            all.push(format!("1.{}", "9".repeat(n)));
            all.push("9".repeat(n));
            all.push(format!("{}.5", "9".repeat(n)));
            all.push(format!(
                "340,282,366,920,938,463,463,374,607,431,768,211,45{}",
                "5".repeat(n % 3)
            ));
        }
        for s in &all {
            for (g, d) in [(b',', b'.'), (b'.', b',')] {
                assert_eq!(
                    Dec::parse_with(s, g, d),
                    parse_with_by_groups(s, g, d),
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn parses_european_separators() {
        let f = |s: &str| Dec::parse(s).map(Dec::to_f64);
        assert_eq!(f("4,1"), Some(4.1));
        assert_eq!(f("3,75"), Some(3.75));
        assert_eq!(f("1.234.567"), Some(1234567.0));
        assert_eq!(f("1.234,5"), Some(1234.5));
        assert_eq!(f("5.000"), Some(5000.0));
        assert_eq!(f("1.250"), Some(1.25));
        assert_eq!(f("0.000"), Some(0.0));
    }

    #[test]
    fn scales_exactly() {
        let v = Dec::parse("1.7")
            .and_then(|d| d.mul(1_000_000_000))
            .map(Dec::to_f64);
        assert_eq!(v, Some(1_700_000_000.0));
        assert_eq!(
            Dec::parse("0.1").and_then(|d| d.mul(3)).map(Dec::to_f64),
            Some(0.3)
        );
        assert_eq!(Dec::int(50).hundredth().map(Dec::to_f64), Some(0.5));
        assert_eq!(Dec::int(2).plus_half().map(Dec::to_f64), Some(2.5));
        assert_eq!(
            Dec::parse("1.5").and_then(Dec::plus_half).map(Dec::to_f64),
            Some(2.0)
        );
    }
}
