//! `max_utf16 = N`: at most `N` UTF-16 code units, what JavaScript's
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

/// Checks that `value`, when present, has at most `limit` UTF-16 code units.
///
/// ```
/// use desk_schema::{rules::max_utf16, Path, Report};
/// let mut report = Report::new();
/// max_utf16::check("a😀", 3, &Path::Root, &mut report); // 1 + 2 units
/// assert!(report.is_empty());
/// max_utf16::check("a😀", 2, &Path::Root, &mut report);
/// assert_eq!(report.to_string(), "(root): 3 UTF-16 code units (JavaScript's length); at most 2");
/// ```
#[inline]
pub fn check(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    // At most one unit per byte: a short string needs no count.
    if let Some(s) = value.text()
        && s.len() > limit
    {
        let units = super::utf16_units(s);
        if units > limit {
            report.push(path, Kind::MaxUtf16 { limit, units });
        }
    }
}

super::rule_value!(Text, limit: usize);

/// Writes `maxLength: limit` (sound; a tighter one is kept) and
/// `x-maxUtf16: limit` (exact).
pub fn schema(schema: &mut Schema, limit: usize) {
    tighten(schema, "maxLength", limit as i128, false);
    keywords(schema).insert("x-maxUtf16".into(), Value::from(limit));
}
