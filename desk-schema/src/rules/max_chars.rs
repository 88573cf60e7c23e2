//! `max_chars = N`: at most `N` Unicode scalar values, what JSON
//! Schema's `maxLength` and `minLength` count.
//!
//! A string of `n` bytes has at most `n` characters, so the count is skipped
//! when the byte length alone decides.

use schemars::Schema;

use serde_json::Value;

use super::{Text, keywords, tighten};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at most `limit` characters.
///
/// ```
/// use desk_schema::{rules::max_chars, Path, Report};
/// let mut report = Report::new();
/// max_chars::check("👍🏽", 2, &Path::Root, &mut report); // thumbs up + skin tone: 2 scalars
/// assert!(report.is_empty());
/// ```
#[inline]
pub fn check(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text()
        && s.len() > limit
    {
        let chars = crate::text::chars(s);
        if chars > limit {
            report.push(path, Kind::MaxChars { limit, chars });
        }
    }
}

super::rule_value!(Text, limit: usize);

/// Writes `maxLength: limit`, unless another rule set a tighter one.
pub fn schema(schema: &mut Schema, limit: usize) {
    tighten(schema, "maxLength", limit as i128, false);
    // An annotation: the exact character limit, so that a validator's
    // `maxLength` error (also a sound bound of other rules) can be told apart.
    keywords(schema).insert("x-maxChars".into(), Value::from(limit));
}
