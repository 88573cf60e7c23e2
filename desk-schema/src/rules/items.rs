//! `max_items` / `min_items`: the size of a list.

use schemars::Schema;
use serde_json::Value;

use super::{List, keywords};
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
pub fn max(value: &(impl List + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(list) = value.items()
        && list.len() > limit
    {
        report.push(
            path,
            Kind::MaxItems {
                limit,
                items: list.len(),
            },
        );
    }
}

/// Checks that `value`, when present, has at least `limit` items.
#[inline]
pub fn min(value: &(impl List + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(list) = value.items()
        && list.len() < limit
    {
        report.push(
            path,
            Kind::MinItems {
                limit,
                items: list.len(),
            },
        );
    }
}

/// Writes `maxItems`.
pub fn schema_max(schema: &mut Schema, limit: usize) {
    keywords(schema).insert("maxItems".into(), Value::from(limit));
}

/// Writes `minItems`.
pub fn schema_min(schema: &mut Schema, limit: usize) {
    keywords(schema).insert("minItems".into(), Value::from(limit));
}
