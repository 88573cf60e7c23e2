//! `range(min = A, max = B)`: a number within integer bounds (both inclusive).

use schemars::Schema;

use super::{Number, tighten, tighten_float};
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

/// This rule as a value ([`super::Check`]), with the arguments `check`
/// takes: `items(...)` holds its rules so.
#[derive(Clone, Copy, Debug)]
pub struct Rule(pub Option<i128>, pub Option<i128>);

impl<V: Number + ?Sized> super::Check<V> for Rule {
    #[inline]
    fn check(&self, value: &V, path: &Path<'_>, report: &mut Report) {
        check(value, self.0, self.1, path, report);
    }

    #[inline]
    fn range(&self) -> Option<(Option<i128>, Option<i128>)> {
        Some((self.0, self.1))
    }
}

/// Writes `minimum` / `maximum` (keeping a tighter bound already there).
/// On an `f32` (`"format": "float"`) they are the doubles that round within
/// the rule's bounds, as serde rounds the double it reads (`as f32`): the
/// rule judges the value the type holds, and a validator reads doubles.
pub fn schema(schema: &mut Schema, min: Option<i128>, max: Option<i128>) {
    let single = schema.get("format").and_then(serde_json::Value::as_str) == Some("float");
    for (key, bound, lower) in [("minimum", min, true), ("maximum", max, false)] {
        match bound {
            Some(b) if single => tighten_float(schema, key, f32_edge(b, lower), lower),
            Some(b) => tighten(schema, key, b, lower),
            None => {}
        }
    }
}

/// The least (`lower`) or greatest double that rounds to an `f32` within
/// `bound` (an integer below 2^23, as the derive makes sure): halfway to the
/// next `f32` out, which rounds back to the bound (ties go to the even
/// one, and an `f32` below 2^23 has an even last bit when it is an integer);
/// just inside it should halfway round out.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::float_cmp,
    reason = "the bound is within 2^23, which an f32 holds exactly; the rounding is compared exactly"
)]
fn f32_edge(bound: i128, lower: bool) -> f64 {
    let at = bound as f32;
    let out = if lower { at.next_down() } else { at.next_up() };
    let half = f64::midpoint(f64::from(at), f64::from(out));
    match (half as f32 == at, lower) {
        (true, _) => half,
        (false, true) => half.next_up(),
        (false, false) => half.next_down(),
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
                // A typed NaN, on neither side: any bound the rule has.
                Some(Actual::Float(f)) if f.is_nan() => min.is_some() || max.is_some(),
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

#[cfg(test)]
mod tests {
    use super::f32_edge;

    #[test]
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_precision_loss,
        clippy::float_cmp,
        reason = "serde's rounding, under test, exactly"
    )]
    fn an_f32_bound_is_the_last_double_that_rounds_within_it() {
        let max = (1_i128 << 23) - 1;
        let bounds = [0, 1, -1, 3, 7, 100, 1 << 22, (1 << 22) + 1, max - 1, max];
        for b in bounds.into_iter().flat_map(|b| [b, -b]) {
            let (lo, hi) = (f32_edge(b, true), f32_edge(b, false));
            assert!(
                hi as f32 <= b as f32 && (hi.next_up() as f32) > b as f32,
                "{b}"
            );
            assert!(
                lo as f32 >= b as f32 && (lo.next_down() as f32) < b as f32,
                "{b}"
            );
        }
        // Halfway rounds to the even one: in for 1 and for every bound the
        // derive takes; out for 2^24 - 1, which it refuses.
        assert_eq!(f32_edge(1, false), 1.0 + 2_f64.powi(-24));
        assert_eq!(f32_edge(max, false), max as f64 + 0.25);
        let odd = (1 << 24) - 1;
        assert_eq!(f32_edge(odd, false), (odd as f64 + 0.5).next_down());
        assert_eq!(f32_edge(0, true), -(2_f64.powi(-150)));
    }
}
