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
#[inline(always)]
#[allow(
    clippy::inline_always,
    reason = "measured with the rule's `Check` written in place too: the sparse request's `validate()` reads 12.7 K instructions, 13.2 K with either left to the compiler"
)]
pub fn check(value: &(impl Text + ?Sized), path: &Path<'_>, report: &mut Report) {
    // An ID (at most 32 bytes) is read here, in a few words; longer text,
    // and any that fails, out of line.
    if let Some(s) = value.text()
        && !short_printable(s.as_bytes())
    {
        check_text(s, path, report);
    }
}

super::rule_value!(Text);

/// [`check`] on text that [`short_printable`] did not pass.
#[cold]
fn check_text(s: &str, path: &Path<'_>, report: &mut Report) {
    if let Some(offset) = first_outside_printable(s.as_bytes()) {
        let code_point = s
            .get(offset..)
            .and_then(|t| t.chars().next())
            .unwrap_or_default();
        report.push(path, Kind::Charset { offset, code_point });
    }
}

/// True when `bytes` is at most 32 bytes and all printable; false says
/// nothing about longer text. From 16 bytes on, two 16-byte blocks that
/// overlap (the first 16 bytes and the last) are compared at once; a
/// shorter text as two words that overlap, then as bytes.
#[inline(always)]
#[allow(
    clippy::inline_always,
    reason = "measured: left to the compiler it stays a call, 0.7 K more instructions for the sparse request's `validate()`"
)]
fn short_printable(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len > 32 {
        false
    } else if len >= 16 {
        let (first, last) = (block(bytes, 0), block(bytes, len - 16));
        // Signed, a byte from 0x80 is below 0x20: two comparisons a byte.
        !first.iter().zip(last).fold(false, |bad, (&a, b)| {
            bad | signed_outside(a) | signed_outside(b)
        })
    } else if len >= 8 {
        outside_bits(word(bytes, 0)) | outside_bits(word(bytes, len - 8)) == 0
    } else {
        !bytes.iter().any(|&b| outside(b))
    }
}

/// `outside(b)`, written as comparisons of signed bytes, which compilers
/// turn into vector compares.
#[inline]
#[allow(
    clippy::cast_possible_wrap,
    reason = "bytes from 0x80 are meant to be negative"
)]
fn signed_outside(b: u8) -> bool {
    !(0x20..=0x7E).contains(&(b as i8))
}

/// The 16 bytes of `bytes` from `at`.
#[inline]
fn block(bytes: &[u8], at: usize) -> [u8; 16] {
    let mut b = [0u8; 16];
    b.copy_from_slice(&bytes[at..at + 16]);
    b
}

/// The 8 bytes of `bytes` from `at`.
#[inline]
fn word(bytes: &[u8], at: usize) -> [u8; 8] {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[at..at + 8]);
    w
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that is below 0x20 or above 0x7E,
/// possibly with more high bits set after the first such byte. A byte below
/// 0x20 borrows into its high bit when 0x20 is taken away; a byte of 0x7F or
/// more has its high bit, or gets it when 1 is added. Neither test carries
/// into a neighbouring byte before it has fired.
#[inline]
fn outside_bits(word: [u8; 8]) -> u64 {
    let word = u64::from_le_bytes(word);
    let below = word.wrapping_sub(ONES * 0x20) & !word;
    let above = word.wrapping_add(ONES) | word;
    (below | above) & HIGHS
}

#[inline]
fn outside(b: u8) -> bool {
    !(0x20..=0x7E).contains(&b)
}

/// Whether every byte of `bytes` is in 0x20..=0x7E. Each byte is shifted
/// so that the range is 0x00..=0x5E and the largest is kept, lane by lane,
/// 16 lanes at once: the compiler writes vector instructions, with no
/// branch until the end (an `any`, or a fold of booleans, stays byte by
/// byte). The tail shorter than 16 bytes is read as words, and so is text
/// of at most 32 bytes (an account), which has too few blocks to pay for
/// the fold of the lanes.
fn all_printable(bytes: &[u8]) -> bool {
    if bytes.len() <= 32 {
        // 26.4 K -> 25.6 K instructions for the sparse request's
        // `validate()` (`bench/examples/profile_validate.rs`).
        return short_printable(bytes);
    }
    let (blocks, rest) = bytes.as_chunks::<16>();
    let mut worst = [0u8; 16];
    for block in blocks {
        for (w, &b) in worst.iter_mut().zip(block) {
            *w = (*w).max(b.wrapping_sub(0x20));
        }
    }
    let (words, tail) = rest.as_chunks::<8>();
    worst.iter().fold(0, |m, &w| m.max(w)) <= 0x5E
        && words.iter().all(|word| outside_bits(*word) == 0)
        && !tail.iter().any(|&b| outside(b))
}

/// The offset of the first byte outside 0x20..=0x7E. Text that passes is
/// read once, in blocks; text that fails is read again, byte by byte.
pub(crate) fn first_outside_printable(bytes: &[u8]) -> Option<usize> {
    if all_printable(bytes) {
        None
    } else {
        bytes.iter().position(|&b| outside(b))
    }
}

/// Writes the printable-ASCII `pattern`.
pub fn schema(schema: &mut Schema) {
    add_pattern(schema, PATTERN, None);
}

#[cfg(test)]
mod tests {
    use super::{check, first_outside_printable};
    use crate::{Kind, Path, Report};

    #[test]
    fn agrees_with_the_byte_by_byte_definition_for_every_byte_at_every_position() {
        for bad in 0..=255u8 {
            for len in [1, 7, 8, 9, 15, 16, 17, 24, 25, 31, 32, 33, 48, 49, 64] {
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
                    // The rule itself, whose short text is read inline.
                    if let Ok(text) = core::str::from_utf8(&bytes) {
                        let mut report = Report::new();
                        check(text, &Path::Root, &mut report);
                        let offsets: Vec<usize> = report
                            .iter()
                            .filter_map(|v| match v.kind() {
                                Kind::Charset { offset, .. } => Some(*offset),
                                _ => None,
                            })
                            .collect();
                        assert_eq!(offsets, Vec::from_iter(expected), "{text:?}");
                    }
                }
            }
        }
        assert_eq!(first_outside_printable(b""), None);
        assert_eq!(first_outside_printable(&[0x20; 40]), None);
        assert_eq!(first_outside_printable(&[0x7E; 40]), None);
    }
}
