//! `printable_ascii`: every byte in 0x20..=0x7E (space to `~`), the rule for
//! group IDs and user IDs.

use schemars::Schema;
use serde_json::Value;

use super::{Text, keywords};
use crate::{Kind, Path, Report};

/// The JSON Schema pattern for printable ASCII (ECMA-262 and Rust `regex` agree on it).
pub const PRINTABLE_ASCII_PATTERN: &str = "^[ -~]*$";

/// Checks that `value`, when present, is printable ASCII; reports the offset
/// of the first byte outside it.
///
/// ```
/// use desk_schema::{rules::charset, Path, Report};
/// let mut report = Report::new();
/// charset::printable_ascii("user_1", &Path::Root, &mut report);
/// charset::printable_ascii("tab\there", &Path::Root, &mut report);
/// assert_eq!(report.violations()[0].code(), "charset");
/// ```
#[inline]
pub fn printable_ascii(value: &(impl Text + ?Sized), path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text()
        && let Some(offset) = s.bytes().position(|b| !(0x20..=0x7E).contains(&b))
    {
        report.push(path, Kind::Charset { offset });
    }
}

/// Writes the printable-ASCII `pattern`.
pub fn schema_printable_ascii(schema: &mut Schema) {
    keywords(schema).insert("pattern".into(), Value::from(PRINTABLE_ASCII_PATTERN));
}
