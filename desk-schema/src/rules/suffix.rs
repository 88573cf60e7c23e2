//! `suffix = "S"`: a string must end with `S`. In the schema: one entry of
//! `allOf`, `{pattern: "S$", x-suffix: "S"}`.

use super::{Text, all_of_pattern, escape_regex};
use crate::{Kind, Path, Report};
use schemars::Schema;

/// Checks that `value`, when present, ends with `suffix`.
///
/// ```
/// use desk_schema::{rules::suffix, Path, Report};
/// let mut report = Report::new();
/// suffix::check("report.json", ".json", &Path::Root, &mut report);
/// assert!(report.is_empty());
/// ```
#[inline]
pub fn check(
    value: &(impl Text + ?Sized),
    suffix: &'static str,
    path: &Path<'_>,
    report: &mut Report,
) {
    if let Some(s) = value.text()
        && !s.ends_with(suffix)
    {
        report.push(path, Kind::Suffix { suffix });
    }
}

super::rule_value!(Text, suffix: &'static str);

/// Writes `allOf: [{pattern: "S$", x-suffix: "S"}]`.
pub fn schema(schema: &mut Schema, suffix: &str) {
    all_of_pattern(
        schema,
        &format!("{}$", escape_regex(suffix)),
        "x-suffix",
        suffix,
    );
}
