//! `max_graphemes = N`: at most `N` extended grapheme clusters
//! (UAX #29), what a person sees as one character: `👨‍👩‍👧` is one cluster of
//! five scalars and 18 bytes.
//!
//! JSON Schema has no such count: the exact rule is the keyword
//! `x-maxGraphemes` / `x-minGraphemes` (the npm package registers it, with
//! `Intl.Segmenter`). A grapheme cluster holds one or more characters, so
//! `minLength: N` is also a sound lower bound, while any `maxLength` would
//! reject strings this rule accepts.

use schemars::Schema;
use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;

use super::custom::schema as describe;
use super::{Text, keywords};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at most `limit` grapheme clusters.
///
/// ```
/// use desk_schema::{rules::max_graphemes, Path, Report};
/// let mut report = Report::new();
/// max_graphemes::check("👨‍👩‍👧", 1, &Path::Root, &mut report);
/// assert!(report.is_empty());
/// ```
#[inline]
pub fn check(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text() {
        // Each cluster takes at least one byte.
        if s.len() > limit {
            let graphemes = s.graphemes(true).count();
            if graphemes > limit {
                report.push(path, Kind::MaxGraphemes { limit, graphemes });
            }
        }
    }
}

super::rule_value!(Text, limit: usize);

/// Writes `x-maxGraphemes: limit` (exact; no standard keyword is sound) and
/// states the rule in `description`.
pub fn schema(schema: &mut Schema, limit: usize) {
    keywords(schema).insert("x-maxGraphemes".into(), Value::from(limit));
    describe(
        schema,
        &format!("At most {limit} grapheme clusters (user-perceived characters)."),
    );
}
