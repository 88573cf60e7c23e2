//! `printable_ascii`: every byte in 0x20..=0x7E (space to `~`), the rule for
//! group IDs and user IDs. The schema's `pattern` is `^[ -~]*$`.

use schemars::Schema;

use super::{Text, add_pattern};
use crate::{Kind, Path, Report};

/// The JSON Schema pattern for printable ASCII (ECMA-262 and Rust `regex` agree on it).
pub(crate) const PATTERN: &str = "^[ -~]*$";

/// Checks that `value`, when present, is printable ASCII; reports the offset
/// of the first byte outside it.
///
/// ```
/// use desk_schema::{rules::printable_ascii, Path, Report};
/// let mut report = Report::new();
/// printable_ascii::check("user_1", &Path::Root, &mut report);
/// printable_ascii::check("tab\there", &Path::Root, &mut report);
/// assert_eq!(report.violations()[0].code(), "charset");
/// ```
#[inline]
pub fn check(value: &(impl Text + ?Sized), path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text()
        && let Some(offset) = first_outside_printable(s.as_bytes())
    {
        let code_point = s
            .get(offset..)
            .and_then(|t| t.chars().next())
            .unwrap_or_default();
        report.push(path, Kind::Charset { offset, code_point });
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that is below 0x20 or above 0x7E,
/// possibly with more high bits set after the first such byte. A byte below
/// 0x20 borrows into its high bit when 0x20 is taken away; a byte of 0x7F or
/// more has its high bit, or gets it when 1 is added. Neither test carries
/// into a neighbouring byte before it has fired.
#[inline]
fn outside_bits(word: u64) -> u64 {
    let below = word.wrapping_sub(ONES * 0x20) & !word;
    let above = word.wrapping_add(ONES) | word;
    (below | above) & HIGHS
}

#[inline]
fn outside(b: u8) -> bool {
    !(0x20..=0x7E).contains(&b)
}

/// The offset of the first byte outside 0x20..=0x7E: eight bytes at a time,
/// and byte by byte only in a word that fails.
pub(crate) fn first_outside_printable(bytes: &[u8]) -> Option<usize> {
    let (words, rest) = bytes.as_chunks::<8>();
    for (i, word) in words.iter().enumerate() {
        if outside_bits(u64::from_le_bytes(*word)) != 0 {
            return word.iter().position(|&b| outside(b)).map(|p| i * 8 + p);
        }
    }
    let done = words.len() * 8;
    rest.iter().position(|&b| outside(b)).map(|p| done + p)
}

/// Writes the printable-ASCII `pattern`.
pub fn schema(schema: &mut Schema) {
    add_pattern(schema, PATTERN);
}

#[cfg(test)]
mod tests {
    use super::first_outside_printable;

    #[test]
    fn agrees_with_the_byte_by_byte_definition_for_every_byte_at_every_position() {
        for bad in 0..=255u8 {
            for len in [1, 7, 8, 9, 16, 33] {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = bad;
                    // A second bad byte later must not change the answer.
                    if at + 2 < len {
                        bytes[at + 2] = 0x00;
                    }
                    let expected = bytes.iter().position(|b| !(0x20..=0x7E).contains(b));
                    assert_eq!(
                        first_outside_printable(&bytes),
                        expected,
                        "byte {bad:#x} at {at} of {len}"
                    );
                }
            }
        }
        assert_eq!(first_outside_printable(b""), None);
        assert_eq!(first_outside_printable(&[0x20; 40]), None);
        assert_eq!(first_outside_printable(&[0x7E; 40]), None);
    }
}
