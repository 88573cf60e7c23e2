//! `range(min = A, max = B)`: a number within integer bounds (both inclusive).

use schemars::Schema;

use super::{Number, tighten};
use crate::{Actual, Kind, Path, Report};

/// Checks that `value`, when present, lies in `min..=max`. On an integer
/// type, a bound at the type's own least or greatest value is left out of
/// the violation (`range(min = 0, max = 1)` on a `u8` says "at most 1"), as
/// the schema, which writes the type's bounds anyway, says it.
///
/// ```
/// use desk_schema::{rules::range, Path, Report};
/// let mut report = Report::new();
/// range::check(&0u32, Some(1), None, &Path::Root, &mut report);
/// assert_eq!(report.to_string(), "(root): 0 is out of range; must be at least 1");
/// ```
#[inline]
pub fn check<N: Number + ?Sized>(
    value: &N,
    min: Option<i128>,
    max: Option<i128>,
    path: &Path<'_>,
    report: &mut Report,
) {
    if value.beyond() {
        // A `u128` or `i128` past what JSON carries: the type's own check
        // reports it, as the walk's read does, and the derive narrows it to
        // this rule's bounds there (`range_bounds`).
        return;
    }
    if let Some(actual) = value.outside(min, max) {
        let (min, max) = if N::WHOLE {
            (min.filter(|&m| m > N::MIN), max.filter(|&m| m < N::MAX))
        } else {
            (min, max)
        };
        report.push(path, Kind::Range { min, max, actual });
    }
}

super::rule_value!(Number, min: Option<i128>, max: Option<i128>);

/// Writes `minimum` / `maximum` (keeping a tighter bound already there).
pub fn schema(schema: &mut Schema, min: Option<i128>, max: Option<i128>) {
    if let Some(lo) = min {
        tighten(schema, "minimum", lo, true);
    }
    if let Some(hi) = max {
        tighten(schema, "maximum", hi, false);
    }
}

/// Gives the `range` violations from `start` on, found reading numbers that
/// lie outside their type under a `range` rule of bounds `min` and `max`,
/// the bounds the number must lie within (see [`narrow`]): after the
/// walk's read of a field, and after a typed field's own check (a `u128`
/// past 64 bits).
pub(crate) fn narrow_outside(
    report: &mut Report,
    start: usize,
    min: Option<i128>,
    max: Option<i128>,
) {
    for kind in report.kinds_from(start) {
        narrow(kind, min, max);
    }
}

/// A number outside its type, under a `range` rule of bounds `min` and
/// `max`: on an integer, the type's bounds narrowed by the rule's (`-1`
/// under `range(min = 1)` on a `u32` must be "from 1 to 4294967295", not
/// "from 0"); past an `f32`, the rule's, when it has a bound on the side the
/// number lies. Any other kind is left as it is.
fn narrow(kind: &mut Kind, min: Option<i128>, max: Option<i128>) {
    let Kind::Range {
        min: low,
        max: high,
        actual,
    } = kind
    else {
        return;
    };
    match (*low, *high) {
        (Some(type_min), Some(type_max)) => {
            *low = Some(min.map_or(type_min, |m| m.max(type_min)));
            *high = Some(max.map_or(type_max, |m| m.min(type_max)));
        }
        (None, None) => {
            let past = match actual {
                Some(Actual::Float(f)) if *f > 0.0 => max.is_some(),
                Some(Actual::Float(_)) => min.is_some(),
                _ => false,
            };
            if past {
                (*low, *high) = (min, max);
            }
        }
        _ => {}
    }
}
