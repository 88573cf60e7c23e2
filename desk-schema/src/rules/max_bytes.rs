//! `max_bytes = N`: at most `N` bytes of UTF-8, the unit
//! the Desk API counts in (a Chinese character is 3 bytes, most emoji 4).
//!
//! Checking costs O(1): a Rust string knows its byte length. Characters are
//! counted only to write the message of a violation.
//!
//! In JSON Schema, `maxLength` counts characters. Since a character is at
//! least one byte, `maxLength: N` is a sound bound (it never rejects what this
//! rule accepts), and `x-maxBytes: N` is exact for validators that register
//! it. Since a character is at most four bytes, `minLength: ceil(N/4)` is the
//! sound lower bound.

use schemars::Schema;
use serde_json::Value;

use super::{Text, keywords, tighten};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at most `limit` bytes.
///
/// ```
/// use desk_schema::{rules::max_bytes, Path, Report};
/// let mut report = Report::new();
/// max_bytes::check("汉字", 6, &Path::Root, &mut report);
/// assert!(report.is_empty());
/// max_bytes::check("汉字!", 6, &Path::Root, &mut report);
/// assert_eq!(report.to_string(), "(root): 7 bytes in UTF-8 (3 characters); at most 6 bytes");
/// ```
#[inline]
pub fn check(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text()
        && s.len() > limit
    {
        report.push(
            path,
            Kind::MaxBytes {
                limit,
                bytes: s.len(),
                chars: crate::text::chars(s),
            },
        );
    }
}

super::rule_value!(Text, limit: usize);

/// Writes `maxLength: limit` (sound; a tighter `maxLength` from another rule
/// is kept) and `x-maxBytes: limit` (exact).
pub fn schema(schema: &mut Schema, limit: usize) {
    tighten(schema, "maxLength", limit as i128, false);
    keywords(schema).insert("x-maxBytes".into(), Value::from(limit));
}
