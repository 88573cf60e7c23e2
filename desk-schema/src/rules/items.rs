//! `max_items` / `min_items`: the size of a list, or the number of entries of a map.

use schemars::Schema;
use serde_json::Value;

use super::{Count, is_object, keywords};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at most `limit` items.
///
/// ```
/// use desk_schema::{rules::items, Path, Report};
/// let mut report = Report::new();
/// items::max(&vec![1, 2, 3], 2, &Path::Root, &mut report);
/// assert_eq!(report.to_string(), "(root): 3 items; at most 2 items");
/// ```
#[inline]
pub fn max(value: &(impl Count + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(items) = value.count()
        && items > limit
    {
        report.push(path, Kind::MaxItems { limit, items });
    }
}

/// Checks that `value`, when present, has at least `limit` items.
#[inline]
pub fn min(value: &(impl Count + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(items) = value.count()
        && items < limit
    {
        report.push(path, Kind::MinItems { limit, items });
    }
}

/// Writes `maxItems`, or `maxProperties` for a map.
pub fn schema_max(schema: &mut Schema, limit: usize) {
    let key = if is_object(schema) {
        "maxProperties"
    } else {
        "maxItems"
    };
    keywords(schema).insert(key.into(), Value::from(limit));
}

/// Writes `minItems`, or `minProperties` for a map.
pub fn schema_min(schema: &mut Schema, limit: usize) {
    let key = if is_object(schema) {
        "minProperties"
    } else {
        "minItems"
    };
    keywords(schema).insert(key.into(), Value::from(limit));
}
