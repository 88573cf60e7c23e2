//! `max_items = N`: at most `N` items of a list or a set, or entries of a map.

use schemars::Schema;
use serde_json::Value;

use super::{Count, is_object, keywords};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at most `limit` items.
///
/// ```
/// use desk_schema::{rules::max_items, Path, Report};
/// let mut report = Report::new();
/// max_items::check(&vec![1, 2, 3], 2, &Path::Root, &mut report);
/// assert_eq!(report.to_string(), "(root): 3 items; at most 2 items");
/// ```
#[inline]
pub fn check(value: &(impl Count + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(items) = value.count()
        && items > limit
    {
        report.push(path, Kind::MaxItems { limit, items });
    }
}

super::rule_value!(Count, limit: usize);

/// Writes `maxItems`, or `maxProperties` for a map.
pub fn schema(schema: &mut Schema, limit: usize) {
    let key = if is_object(schema) {
        "maxProperties"
    } else {
        "maxItems"
    };
    keywords(schema).insert(key.into(), Value::from(limit));
}
