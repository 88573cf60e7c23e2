//! `prefix = "P"`: a string must start with `P`. In the schema: one entry of
//! `allOf`, `{pattern: "^P", x-prefix: "P"}`, so that several text rules on one
//! field all hold and a validator's error names the rule.

use super::{Text, all_of_pattern, escape_regex};
use crate::{Kind, Path, Report};
use schemars::Schema;

/// Checks that `value`, when present, starts with `prefix`.
///
/// ```
/// use desk_schema::{rules::prefix, Path, Report};
/// let mut report = Report::new();
/// prefix::check("team-a", "team-", &Path::Root, &mut report);
/// prefix::check("a-team", "team-", &Path::Root, &mut report);
/// assert_eq!(report.to_string(), r#"(root): does not start with "team-""#);
/// ```
#[inline]
pub fn check(
    value: &(impl Text + ?Sized),
    prefix: &'static str,
    path: &Path<'_>,
    report: &mut Report,
) {
    if let Some(s) = value.text()
        && !s.starts_with(prefix)
    {
        report.push(path, Kind::Prefix { prefix });
    }
}

super::rule_value!(Text, prefix: &'static str);

/// Writes `allOf: [{pattern: "^P", x-prefix: "P"}]`.
pub fn schema(schema: &mut Schema, prefix: &str) {
    all_of_pattern(
        schema,
        &format!("^{}", escape_regex(prefix)),
        "x-prefix",
        prefix,
    );
}
