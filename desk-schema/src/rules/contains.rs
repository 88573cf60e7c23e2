//! `contains = "C"`: a string must contain `C`. In the schema: one entry of
//! `allOf`, `{pattern: "C", x-contains: "C"}`.

use super::{Text, all_of_pattern, escape_regex};
use crate::{Kind, Path, Report};
use schemars::Schema;

/// Checks that `value`, when present, contains `substring`.
///
/// ```
/// use desk_schema::{rules::contains, Path, Report};
/// let mut report = Report::new();
/// contains::check("user@example.com", "@", &Path::Root, &mut report);
/// assert!(report.is_empty());
/// ```
#[inline]
pub fn check(
    value: &(impl Text + ?Sized),
    substring: &'static str,
    path: &Path<'_>,
    report: &mut Report,
) {
    if let Some(s) = value.text()
        && !s.contains(substring)
    {
        report.push(path, Kind::Contains { substring });
    }
}

super::rule_value!(Text, text: &'static str);

/// Writes `allOf: [{pattern: "C", x-contains: "C"}]`.
pub fn schema(schema: &mut Schema, substring: &str) {
    all_of_pattern(schema, &escape_regex(substring), "x-contains", substring);
}
