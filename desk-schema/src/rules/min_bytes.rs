//! `min_bytes = N`: at least `N` bytes of UTF-8, the unit
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

/// Checks that `value`, when present, has at least `limit` bytes.
#[inline]
pub fn check(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text()
        && s.len() < limit
    {
        report.push(
            path,
            Kind::MinBytes {
                limit,
                bytes: s.len(),
            },
        );
    }
}

super::rule_value!(Text, limit: usize);

/// Writes `minLength: ceil(limit / 4)` (sound; a tighter `minLength` from
/// another rule is kept) and `x-minBytes: limit` (exact).
pub fn schema(schema: &mut Schema, limit: usize) {
    tighten(schema, "minLength", limit.div_ceil(4) as i128, true);
    keywords(schema).insert("x-minBytes".into(), Value::from(limit));
}
