//! `max_chars` / `min_chars`: length in Unicode scalar values, what JSON
//! Schema's `maxLength` and `minLength` count.
//!
//! A string of `n` bytes has at most `n` characters, so the count is skipped
//! when the byte length alone decides.

use schemars::Schema;
use serde_json::Value;

use super::{Text, keywords};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at most `limit` characters.
///
/// ```
/// use desk_schema::{rules::chars, Path, Report};
/// let mut report = Report::new();
/// chars::max("👍🏽", 2, &Path::Root, &mut report); // thumbs up + skin tone: 2 scalars
/// assert!(report.is_empty());
/// ```
#[inline]
pub fn max(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text()
        && s.len() > limit
    {
        let chars = s.chars().count();
        if chars > limit {
            report.push(path, Kind::MaxChars { limit, chars });
        }
    }
}

/// Checks that `value`, when present, has at least `limit` characters.
#[inline]
pub fn min(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text() {
        // Four bytes per character at most: a long enough string needs no count.
        if s.len() < limit.saturating_mul(4) {
            let chars = s.chars().count();
            if chars < limit {
                report.push(path, Kind::MinChars { limit, chars });
            }
        }
    }
}

/// Writes `maxLength: limit`.
pub fn schema_max(schema: &mut Schema, limit: usize) {
    keywords(schema).insert("maxLength".into(), Value::from(limit));
}

/// Writes `minLength: limit`.
pub fn schema_min(schema: &mut Schema, limit: usize) {
    keywords(schema).insert("minLength".into(), Value::from(limit));
}
