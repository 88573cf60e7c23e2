//! `ascii`: every character below U+0080. The schema's `pattern` is
//! `^[\x00-\x7F]*$`.

use schemars::Schema;

use super::{Text, add_pattern};
use crate::{Kind, Path, Report};

/// The JSON Schema pattern for ASCII (ECMA-262 with the `u` flag and Rust
/// `regex` agree on it).
pub(crate) const PATTERN: &str = "^[\\x00-\\x7F]*$";

/// Checks that `value`, when present, is ASCII; reports the offset of the
/// first byte outside it.
///
/// ```
/// use desk_schema::{rules::ascii, Path, Report};
/// let mut report = Report::new();
/// ascii::check("tab\there", &Path::Root, &mut report);
/// assert!(report.is_empty());
/// ascii::check("café", &Path::Root, &mut report);
/// assert_eq!(report.violations()[0].code(), "ascii");
/// ```
#[inline]
pub fn check(value: &(impl Text + ?Sized), path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text()
        && let Some(offset) = s.bytes().position(|b| !b.is_ascii())
    {
        let code_point = s
            .get(offset..)
            .and_then(|t| t.chars().next())
            .unwrap_or_default();
        report.push(path, Kind::Ascii { offset, code_point });
    }
}

super::rule_value!(Text);

/// Writes the ASCII `pattern`.
pub fn schema(schema: &mut Schema) {
    add_pattern(schema, PATTERN, None);
}
