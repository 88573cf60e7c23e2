//! `min_items = N`: at least `N` items of a list or a set, or entries of a map.

use schemars::Schema;
use serde_json::Value;

use super::{Count, is_object, keywords};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at least `limit` items.
#[inline]
pub fn check(value: &(impl Count + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(items) = value.count()
        && items < limit
    {
        report.push(path, Kind::MinItems { limit, items });
    }
}

super::rule_value!(Count, limit: usize);

/// Writes `minItems`, or `minProperties` for a map.
pub fn schema(schema: &mut Schema, limit: usize) {
    let key = if is_object(schema) {
        "minProperties"
    } else {
        "minItems"
    };
    keywords(schema).insert(key.into(), Value::from(limit));
}
