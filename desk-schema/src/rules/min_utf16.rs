//! `min_utf16 = N`: at least `N` UTF-16 code units, what JavaScript's
//! `.length`, an HTML `maxlength` and most form libraries count. A character
//! outside the Basic Multilingual Plane (most emoji) is two units.
//!
//! A character is one or two units, so `maxLength: N` is a sound bound for
//! `max_utf16 = N` and `minLength: ceil(N / 2)` for `min_utf16 = N`; the
//! keywords `x-maxUtf16` / `x-minUtf16` are exact.

use schemars::Schema;
use serde_json::Value;

use super::{Text, keywords, tighten};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at least `limit` UTF-16 code units.
#[inline]
pub fn check(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text() {
        let units = super::utf16_units(s);
        if units < limit {
            report.push(path, Kind::MinUtf16 { limit, units });
        }
    }
}

super::rule_value!(Text, limit: usize);

/// Writes `minLength: ceil(limit / 2)` (sound; a tighter one is kept) and
/// `x-minUtf16: limit` (exact).
pub fn schema(schema: &mut Schema, limit: usize) {
    tighten(schema, "minLength", limit.div_ceil(2) as i128, true);
    keywords(schema).insert("x-minUtf16".into(), Value::from(limit));
}
