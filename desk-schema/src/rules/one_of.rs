//! `one_of("A", "B")`: a string must be one of a listed set of values.

use schemars::Schema;
use serde_json::Value;

use super::{Text, allows_null, keywords};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, is one of `allowed`.
///
/// ```
/// use desk_schema::{rules::one_of, Path, Report};
/// let mut report = Report::new();
/// one_of::check("Admin", &["Admin"], &Path::Root, &mut report);
/// one_of::check("Owner", &["Admin"], &Path::Root, &mut report);
/// assert_eq!(report.len(), 1);
/// ```
#[inline]
pub fn check(
    value: &(impl Text + ?Sized),
    allowed: &'static [&'static str],
    path: &Path<'_>,
    report: &mut Report,
) {
    if let Some(s) = value.text()
        && !allowed.contains(&s)
    {
        report.push(path, Kind::Enum { allowed });
    }
}

super::rule_value!(Text, allowed: &'static [&'static str]);

/// Writes `enum` (with `null` kept when the field's schema allows it).
pub fn schema(schema: &mut Schema, allowed: &[&str]) {
    let nullable = allows_null(schema);
    let mut values: Vec<Value> = allowed.iter().map(|s| Value::from(*s)).collect();
    if nullable {
        values.push(Value::Null);
    }
    keywords(schema).insert("enum".into(), Value::Array(values));
}
