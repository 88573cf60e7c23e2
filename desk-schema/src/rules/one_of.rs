//! `one_of("A", "B")`: a string must be one of a listed set of texts;
//! `one_of(1, 2)`: a number must be one of a listed set of integers (the
//! integer enums of Tencent's APIs, `ImageFormat`'s 1, 2, 3, 4 and 255).

use schemars::Schema;
use serde_json::Value;

use super::{Number, Text, allows_null, keywords};
use crate::{Actual, Allowed, Kind, Path, Report};

/// What `one_of` lists: texts, which a string is compared with, or
/// integers, which a number is ([`Number`]: an integer exactly, a float
/// when it is that integer).
#[diagnostic::on_unimplemented(
    message = "`one_of` with texts checks strings and with integers numbers, and `{V}` is neither",
    label = "`one_of` on a field of type `{V}`"
)]
pub trait Listed<V: ?Sized> {
    /// The list, as a violation carries it.
    fn allowed(&'static self) -> Allowed;
    /// Whether `value` is absent, or one of the list (or a number past its
    /// type, which the type's own check reports).
    fn holds(&self, value: &V) -> bool;
}

fn text_in<V: Text + ?Sized>(texts: &[&str], value: &V) -> bool {
    value.text().is_none_or(|s| texts.contains(&s))
}

fn integer_in<V: Number + ?Sized>(integers: &[i128], value: &V) -> bool {
    if value.beyond() {
        return true;
    }
    match value.actual() {
        None => true,
        Some(Actual::Integer(n)) => integers.contains(&n),
        #[allow(
            clippy::cast_possible_truncation,
            clippy::float_cmp,
            reason = "a whole float within 2^63 is that integer exactly"
        )]
        Some(Actual::Float(f)) => {
            f.fract() == 0.0 && f.abs() < 9.2e18 && integers.contains(&(f as i128))
        }
    }
}

impl<V: Text + ?Sized> Listed<V> for [&'static str] {
    fn allowed(&'static self) -> Allowed {
        Allowed::Texts(self)
    }
    fn holds(&self, value: &V) -> bool {
        text_in(self, value)
    }
}

impl<V: Text + ?Sized, const N: usize> Listed<V> for [&'static str; N] {
    fn allowed(&'static self) -> Allowed {
        Allowed::Texts(self)
    }
    fn holds(&self, value: &V) -> bool {
        text_in(self, value)
    }
}

impl<V: Number + ?Sized> Listed<V> for [i128] {
    fn allowed(&'static self) -> Allowed {
        Allowed::Integers(self)
    }
    fn holds(&self, value: &V) -> bool {
        integer_in(self, value)
    }
}

impl<V: Number + ?Sized, const N: usize> Listed<V> for [i128; N] {
    fn allowed(&'static self) -> Allowed {
        Allowed::Integers(self)
    }
    fn holds(&self, value: &V) -> bool {
        integer_in(self, value)
    }
}

/// An integer list beside the field's `range` bounds: a number outside them
/// is left to `range` (one violation, as the schema's validators give it:
/// the npm package drops the `enum` beside a `range`), as is one outside
/// the field's type, which the walk cannot read. The derive writes this
/// form (bounds `None` without a `range`).
#[derive(Debug)]
pub struct Integers {
    /// The `range` rule's least value, if any.
    pub min: Option<i128>,
    /// The `range` rule's greatest value, if any.
    pub max: Option<i128>,
    /// The listed integers.
    pub list: &'static [i128],
}

impl<V: Number + ?Sized> Listed<V> for Integers {
    fn allowed(&'static self) -> Allowed {
        Allowed::Integers(self.list)
    }
    fn holds(&self, value: &V) -> bool {
        value.outside(self.min, self.max).is_some() || integer_in(self.list, value)
    }
}

/// Checks that `value`, when present, is one of `allowed`.
///
/// ```
/// use desk_schema::{rules::one_of, Path, Report};
/// let mut report = Report::new();
/// one_of::check("Admin", &["Admin"], &Path::Root, &mut report);
/// one_of::check("Owner", &["Admin"], &Path::Root, &mut report);
/// one_of::check(&255_u8, &[1, 2, 3, 4, 255], &Path::Root, &mut report);
/// one_of::check(&5_u8, &[1, 2, 3, 4, 255], &Path::Root, &mut report);
/// assert_eq!(report.len(), 2);
/// assert_eq!(report.violations()[1].message(), "not an allowed value; expected one of 1, 2, 3, 4, 255");
/// ```
#[inline]
pub fn check<V: ?Sized, L: Listed<V> + ?Sized>(
    value: &V,
    allowed: &'static L,
    path: &Path<'_>,
    report: &mut Report,
) {
    if !allowed.holds(value) {
        report.push(
            path,
            Kind::Enum {
                allowed: allowed.allowed(),
            },
        );
    }
}

/// This rule as a value ([`super::Check`]), with the list `check` takes:
/// `items(...)` holds its rules so.
#[derive(Debug)]
pub struct Rule<L: ?Sized + 'static>(pub &'static L);

impl<L: ?Sized> Clone for Rule<L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L: ?Sized> Copy for Rule<L> {}

impl<V: ?Sized, L: Listed<V> + ?Sized> super::Check<V> for Rule<L> {
    #[inline]
    fn check(&self, value: &V, path: &Path<'_>, report: &mut Report) {
        check(value, self.0, path, report);
    }
}

/// A list as a schema's `enum` holds it.
pub trait SchemaList {
    /// The values, as JSON.
    fn enum_values(&self) -> Vec<Value>;
}

impl SchemaList for [&str] {
    fn enum_values(&self) -> Vec<Value> {
        self.iter().map(|t| Value::from(*t)).collect()
    }
}

impl<const N: usize> SchemaList for [&str; N] {
    fn enum_values(&self) -> Vec<Value> {
        self[..].enum_values()
    }
}

impl SchemaList for [i128] {
    fn enum_values(&self) -> Vec<Value> {
        // The derive lists integers a JSON number holds exactly (64 bits).
        self.iter()
            .map(|&n| {
                i64::try_from(n)
                    .map(Value::from)
                    .or_else(|_| u64::try_from(n).map(Value::from))
                    .unwrap_or(Value::Null)
            })
            .collect()
    }
}

impl<const N: usize> SchemaList for [i128; N] {
    fn enum_values(&self) -> Vec<Value> {
        self[..].enum_values()
    }
}

impl SchemaList for Integers {
    fn enum_values(&self) -> Vec<Value> {
        self.list.enum_values()
    }
}

/// Writes `enum` (with `null` kept when the field's schema allows it).
pub fn schema<L: SchemaList + ?Sized>(schema: &mut Schema, allowed: &L) {
    let nullable = allows_null(schema);
    let mut values = allowed.enum_values();
    if nullable {
        values.push(Value::Null);
    }
    keywords(schema).insert("enum".into(), Value::Array(values));
}
