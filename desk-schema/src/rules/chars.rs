//! `max_chars` / `min_chars`: length in Unicode scalar values, what JSON
//! Schema's `maxLength` and `minLength` count.
//!
//! A string of `n` bytes has at most `n` characters, so the count is skipped
//! when the byte length alone decides.

use schemars::Schema;

use super::{Text, tighten};
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

/// Writes `maxLength: limit`, unless another rule set a tighter one.
pub fn schema_max(schema: &mut Schema, limit: usize) {
    tighten(schema, "maxLength", limit as i128, false);
}

/// Writes `minLength: limit`, unless another rule set a tighter one.
pub fn schema_min(schema: &mut Schema, limit: usize) {
    tighten(schema, "minLength", limit as i128, true);
}
