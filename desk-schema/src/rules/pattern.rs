//! `pattern = "REGEX"`: a string must match a regular expression (anywhere
//! in it, as JSON Schema's `pattern`; anchor it with `^` and `$`).
//!
//! The derive accepts the subset of regular expressions that ECMAScript
//! (with the `u` flag, as Ajv compiles a schema) and Rust's `regex` crate
//! read alike, and refuses the rest at compile time with what to write
//! instead: `\d`, `\w`, `\s`, `\b` (Unicode in Rust, ASCII in JavaScript),
//! lookaround, backreferences, named groups, inline flags, nested classes
//! and set operations. ECMAScript's `.` (any character but `\n`, `\r`,
//! U+2028 and U+2029) is written out as that class in the check and the
//! schema's `pattern`, since validators that follow Rust's reading (the
//! `jsonschema` crate) would otherwise let those through; the report names
//! the pattern as written (the schema holds it beside, as `x-pattern`).
//!
//! Checking needs the `pattern` feature (the `regex` crate): without it, a
//! `pattern` rule is a compile error that says so.

#[cfg(feature = "pattern")]
use std::sync::OnceLock;

use schemars::Schema;

use super::{Text, add_pattern};
use crate::{Path, Report};

/// A pattern, compiled on first use. The derive writes one per rule, as a
/// `static`.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    written: &'static str,
    #[cfg(feature = "pattern")]
    compiled: OnceLock<Option<regex::Regex>>,
}

impl Pattern {
    /// The pattern `source`, in the subset and spelling the derive checks.
    #[must_use]
    pub const fn new(source: &'static str) -> Self {
        Pattern::written_as(source, source)
    }

    /// The pattern `source`, which its attribute wrote as `written` (`.`,
    /// which the derive writes out as its class): the report names
    /// `written`.
    #[must_use]
    pub const fn written_as(source: &'static str, written: &'static str) -> Self {
        Pattern {
            source,
            written,
            #[cfg(feature = "pattern")]
            compiled: OnceLock::new(),
        }
    }

    /// The pattern, as every engine reads it alike: what the check and the
    /// schema's `pattern` use.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        self.source
    }

    /// The pattern as written: what the report names (`x-pattern` in the
    /// schema, where it differs from [`Pattern::as_str`]).
    #[must_use]
    pub fn as_written(&self) -> &'static str {
        self.written
    }

    /// Whether `text` matches. A pattern the `regex` crate cannot build (the
    /// derive has refused every one it can tell, so only one past the
    /// crate's size limits) matches nothing: it is reported, not skipped.
    #[cfg(feature = "pattern")]
    fn is_match(&self, text: &str) -> bool {
        self.compiled
            .get_or_init(|| regex::Regex::new(self.source).ok())
            .as_ref()
            .is_some_and(|re| re.is_match(text))
    }
}

/// Implemented for every type when the `pattern` feature is on.
#[diagnostic::on_unimplemented(
    message = "the `pattern` rule needs desk-schema's `pattern` feature",
    label = "`pattern` without the feature",
    note = "in Cargo.toml, on the desk-schema dependency: features = [\"pattern\"] (desk-schema = {{ version = \"0.1\", features = [\"pattern\"] }})"
)]
pub trait PatternFeature {}

#[cfg(feature = "pattern")]
impl<T: ?Sized> PatternFeature for T {}

/// Compiles only with the `pattern` feature: the derive calls it once per
/// pattern, so that a missing feature is one error at the attribute.
pub const fn needs_feature<T: PatternFeature + ?Sized>() {}

/// Checks that `value`, when present, matches `pattern`.
///
/// ```
/// # #[cfg(feature = "pattern")] {
/// use desk_schema::{rules::pattern::{self, Pattern}, Path, Report};
/// static TEAM: Pattern = Pattern::new("^team-[a-z]+$");
/// let mut report = Report::new();
/// pattern::check("team-a", &TEAM, &Path::Root, &mut report);
/// assert!(report.is_empty());
/// pattern::check("Team-A", &TEAM, &Path::Root, &mut report);
/// assert_eq!(report.to_string(), "(root): does not match the pattern ^team-[a-z]+$");
/// # }
/// ```
#[inline]
pub fn check<V: Text + ?Sized>(value: &V, pattern: &Pattern, path: &Path<'_>, report: &mut Report) {
    #[cfg(feature = "pattern")]
    if let Some(s) = value.text()
        && !pattern.is_match(s)
    {
        report.push(
            path,
            crate::Kind::Pattern {
                pattern: pattern.as_written(),
            },
        );
    }
    #[cfg(not(feature = "pattern"))]
    let _ = (value, pattern, path, report);
}

super::rule_value!(Text, pattern: &'static Pattern);

/// Writes `pattern` (or, beside another, an `allOf` entry with it), and
/// beside it `x-pattern`, the pattern as written, where it differs.
pub fn schema(schema: &mut Schema, pattern: &Pattern) {
    add_pattern(schema, pattern.source, Some(pattern.written));
}
