//! `min_graphemes = N`: at least `N` extended grapheme clusters
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
use super::{Text, keywords, tighten};
use crate::{Kind, Path, Report};

/// Checks that `value`, when present, has at least `limit` grapheme clusters.
#[inline]
pub fn check(value: &(impl Text + ?Sized), limit: usize, path: &Path<'_>, report: &mut Report) {
    if let Some(s) = value.text() {
        let graphemes = s.graphemes(true).take(limit).count();
        if graphemes < limit {
            report.push(path, Kind::MinGraphemes { limit, graphemes });
        }
    }
}

super::rule_value!(Text, limit: usize);

/// Writes `minLength: limit` (sound), `x-minGraphemes: limit` (exact) and
/// states the rule in `description`.
pub fn schema(schema: &mut Schema, limit: usize) {
    tighten(schema, "minLength", limit as i128, true);
    keywords(schema).insert("x-minGraphemes".into(), Value::from(limit));
    describe(
        schema,
        &format!("At least {limit} grapheme clusters (user-perceived characters)."),
    );
}
