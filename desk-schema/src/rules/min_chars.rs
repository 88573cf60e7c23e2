//! `min_chars = N`: at least `N` Unicode scalar values, what JSON
//! Schema's `maxLength` and `minLength` count.
//!
//! A string of `n` bytes has at most `n` characters, so the count is skipped
//! when the byte length alone decides.

use schemars::Schema;

use serde_json::Value;

use super::{Text, keywords, tighten};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at least `limit` characters.
#[inline]
pub fn check(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text() {
        // Four bytes per character at most: a long enough string needs no count.
        if s.len() < limit.saturating_mul(4) {
            let chars = crate::text::chars(s);
            if chars < limit {
                report.push(path, Kind::MinChars { limit, chars });
            }
        }
    }
}

super::rule_value!(Text, limit: usize);

/// Writes `minLength: limit`, unless another rule set a tighter one.
pub fn schema(schema: &mut Schema, limit: usize) {
    tighten(schema, "minLength", limit as i128, true);
    // An annotation: the exact character limit, so that a validator's
    // `minLength` error (also a sound bound of other rules) can be told apart.
    keywords(schema).insert("x-minChars".into(), Value::from(limit));
}
