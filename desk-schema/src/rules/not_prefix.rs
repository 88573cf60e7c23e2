//! `not_prefix = "P"`: a string must not start with `P`, a prefix the server
//! reserves. In the schema: `not: {type: string, pattern: "^P"}`, the text
//! escaped for ECMA-262 (with the `u` flag) and Rust's `regex` alike.

use schemars::Schema;
use serde_json::json;

use super::{Text, escape_regex, keywords};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, does not start with `prefix`.
///
/// ```
/// use desk_schema::{rules::not_prefix, Path, Report};
/// let mut report = Report::new();
/// not_prefix::check("@TGS#abc", "@TGS#", &Path::Root, &mut report);
/// assert_eq!(report.violations()[0].code(), "reserved_prefix");
/// ```
#[inline]
pub fn check(
    value: &(impl Text + ?Sized),
    prefix: &'static str,
    path: &Path<'_>,
    report: &mut Report,
) {
    if let Some(s) = value.text()
        && s.starts_with(prefix)
    {
        report.push(path, Kind::ReservedPrefix { prefix });
    }
}

super::rule_value!(Text, prefix: &'static str);

/// Writes `not: {type: string, pattern: ^prefix}` (the `type` keeps `null`
/// and other types out of the negation).
pub fn schema(schema: &mut Schema, prefix: &str) {
    let pattern = format!("^{}", escape_regex(prefix));
    let obj = keywords(schema);
    let not = json!({ "type": "string", "pattern": pattern });
    match obj.get_mut("not") {
        // A second prefix rule: negate either pattern.
        Some(existing) => {
            let old = existing.take();
            *existing = json!({ "anyOf": [old, not] });
        }
        None => {
            obj.insert("not".into(), not);
        }
    }
}
