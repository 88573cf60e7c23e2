//! One module per rule, named as the rule is in `#[desk(...)]`. Each has the
//! same two entry points:
//!
//! - `check(value, args.., path, report)` checks a typed value and the view
//!   of one read from raw JSON alike (anything its target trait covers:
//!   owned or borrowed text, an `Option` of it, a JSON view of it), and
//!   reports at `path`;
//! - `schema(schema, args..)` writes the rule's JSON Schema keywords;
//! - a rule that is one `check` call also has `Rule(args..)`, the rule as a
//!   value ([`Check`]), in which `items(...)`, `keys(...)` and `values(...)`
//!   hold their rules.
//!
//! `unique` compares items, so its raw form takes views (`check_raw`,
//! `check_raw_by`), and `unique(by = key)` has its own pair (`check_by`,
//! `schema_by`). `check` and `check_by` compare by the items' (or keys')
//! own `Eq` and `Hash`; the derive calls `check_json` and `check_json_by`,
//! which compare as the JSON does ([`crate::JsonEq`]), as the schema's
//! `uniqueItems` and `x-uniqueBy` do. `items(...)`, `keys(...)` and `values(...)` apply other
//! rules to each item, key or value, and have no module of their own.
//!
//! Rules on an `Option` apply to its content when present: `None` passes.

use std::borrow::Cow;
use std::marker::PhantomData;

use crate::{Actual, Path, Report};

use schemars::Schema;
use serde_json::{Value, json};

pub mod ascii;
pub mod contains;
pub mod custom;
pub mod format;
pub mod max_bytes;
pub mod max_chars;
pub mod max_graphemes;
pub mod max_items;
pub mod max_utf16;
pub mod min_bytes;
pub mod min_chars;
pub mod min_graphemes;
pub mod min_items;
pub mod min_utf16;
pub mod not_prefix;
pub mod one_of;
pub mod pattern;
pub mod prefix;
pub mod printable_ascii;
pub mod range;
pub mod suffix;
pub mod unique;

/// A rule as a value: its arguments, checked against a value by the rule's
/// own `check` (each module's `Rule`). The rules inside `items(...)`,
/// `keys(...)` and `values(...)` are given to [`items`], [`keys`],
/// [`values`] and their raw forms this way when all of them are such rules,
/// as one value: two rules as a pair, more as nested pairs (`(a, (b, c))`).
pub trait Check<V: ?Sized> {
    /// The rule's `check` on `value`, reported at `path`.
    fn check(&self, value: &V, path: &Path<'_>, report: &mut Report);

    /// A `range` rule's bounds, `min` and `max`, among these rules: the
    /// walk reports a number it read outside its type with the bounds it
    /// must lie within (`walk::range_bounds`).
    #[inline]
    fn range(&self) -> Option<(Option<i128>, Option<i128>)> {
        None
    }
}

impl<V: ?Sized, A: Check<V>, B: Check<V>> Check<V> for (A, B) {
    #[inline]
    fn check(&self, value: &V, path: &Path<'_>, report: &mut Report) {
        self.0.check(value, path, report);
        self.1.check(value, path, report);
    }

    #[inline]
    fn range(&self) -> Option<(Option<i128>, Option<i128>)> {
        self.0.range().or_else(|| self.1.range())
    }
}

/// `rules` on a value ([`Checked`]: a typed field, or the view the walk
/// read), when there is one: a field whose rules are all calls, given as one
/// value (each module's `Rule`; two as a pair, more as nested pairs). The
/// typed check and the walk call this one function: a rule that does not
/// apply to the type is asked of the same type in the same call on both,
/// and rustc reports it once.
#[inline]
pub fn check<T: Checked, R: Check<T::Value>>(target: T, rules: &R) {
    target.check(rules);
}

/// What [`check`] checks: a value (none when absent), its path and the
/// report.
pub trait Checked {
    /// The value's type.
    type Value: ?Sized;
    /// `rules` on the value, when there is one.
    fn check<R: Check<Self::Value>>(self, rules: &R);
}

/// A typed value, its path and the report.
impl<V: ?Sized> Checked for (&V, &Path<'_>, &mut Report) {
    type Value = V;
    #[inline]
    fn check<R: Check<V>>(self, rules: &R) {
        rules.check(self.0, self.1, self.2);
    }
}

/// `rules` on each item of a typed list or set, at the item's index under
/// `path`: `items(...)` on a typed value.
#[inline]
pub fn items<L: EachItem + ?Sized, R: Check<L::Item>>(
    list: &L,
    rules: &R,
    path: &Path<'_>,
    report: &mut Report,
) {
    list.each_item(|i, item| rules.check(item, &path.index(i), report));
}

/// `rules` on each item of a list read from raw JSON (`L`'s view, `L` named
/// by `_type`), at the item's index under `path`: `items(...)` in the walk. An item of the
/// wrong shape was reported by its read; its rules see it as absent.
#[inline]
pub fn raw_items<'de, L, R>(
    _type: PhantomData<L>,
    view: &L::View<'de>,
    rules: &R,
    path: &Path<'_>,
    report: &mut Report,
) where
    L: RawList<'de>,
    R: Check<Option<L::ItemView>>,
{
    if let Some(items) = L::view_items(view) {
        for (i, item) in items.iter().enumerate() {
            rules.check(item, &path.index(i), report);
        }
    }
}

/// `rules` on each key of a typed map, at the entry's path: `keys(...)`.
#[inline]
pub fn keys<M: Entries + ?Sized, R: Check<str>>(
    map: &M,
    rules: &R,
    path: &Path<'_>,
    report: &mut Report,
) {
    map.each(|key, _| rules.check(key, &path.key(key), report));
}

/// `rules` on each value of a typed map, at the entry's path: `values(...)`.
#[inline]
pub fn values<M: Entries + ?Sized, R: Check<M::Value>>(
    map: &M,
    rules: &R,
    path: &Path<'_>,
    report: &mut Report,
) {
    map.each(|key, value| rules.check(value, &path.key(key), report));
}

/// [`keys`] on a map read from raw JSON (`M`'s view).
#[inline]
pub fn raw_keys<'de, M, R>(
    _type: PhantomData<M>,
    view: &M::View<'de>,
    rules: &R,
    path: &Path<'_>,
    report: &mut Report,
) where
    M: RawEntries<'de>,
    R: Check<str>,
{
    M::view_each(view, |key, _| rules.check(key, &path.key(key), report));
}

/// [`values`] on a map read from raw JSON (`M`'s view). A value of the
/// wrong shape was reported by its read; its rules see it as absent.
#[inline]
pub fn raw_values<'de, M, R>(
    _type: PhantomData<M>,
    view: &M::View<'de>,
    rules: &R,
    path: &Path<'_>,
    report: &mut Report,
) where
    M: RawEntries<'de>,
    R: Check<Option<M::ValueView>>,
{
    M::view_each(view, |key, value| {
        rules.check(value, &path.key(key), report);
    });
}

/// Defines a rule module's `Rule`: the rule's arguments as a value, whose
/// [`Check`] is the module's `check` (for `$bound` values), given the
/// arguments by name in the order `check` takes them.
macro_rules! rule_value {
    ($bound:ident) => {
        /// This rule as a value ([`super::Check`]): `items(...)` holds its
        /// rules so.
        #[derive(Clone, Copy, Debug)]
        pub struct Rule;

        impl<V: super::$bound + ?Sized> super::Check<V> for Rule {
            // A rule without arguments is a test of the value (`ascii`,
            // `printable_ascii`): written where it is called, as the rules
            // with arguments are (see `printable_ascii::check`).
            #[inline(always)]
            #[allow(clippy::inline_always, reason = "measured: see `printable_ascii::check`")]
            fn check(&self, value: &V, path: &crate::Path<'_>, report: &mut crate::Report) {
                check(value, path, report);
            }
        }
    };
    ($bound:ident, $($arg:ident: $ty:ty),+) => {
        /// This rule as a value ([`super::Check`]), with the arguments
        /// `check` takes: `items(...)` holds its rules so.
        #[derive(Clone, Copy, Debug)]
        pub struct Rule($(pub $ty),+);

        impl<V: super::$bound + ?Sized> super::Check<V> for Rule {
            #[inline]
            fn check(&self, value: &V, path: &crate::Path<'_>, report: &mut crate::Report) {
                let Rule($($arg),+) = *self;
                check(value, $($arg,)+ path, report);
            }
        }
    };
}
use rule_value;

/// Text that a string rule can check: `None` when absent.
#[diagnostic::on_unimplemented(
    message = "this rule checks strings, and `{Self}` is not a string",
    label = "a string rule on a field of type `{Self}`",
    note = "string rules apply to `String`, `Box<str>`, `Arc<str>`, `Rc<str>`, `Cow<str>` and an `Option` of one"
)]
pub trait Text {
    /// The text, or `None` when absent.
    fn text(&self) -> Option<&str>;
}

impl Text for str {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for String {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for Box<str> {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for std::sync::Arc<str> {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for std::rc::Rc<str> {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Text for Cow<'_, str> {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: Text + ?Sized> Text for &T {
    fn text(&self) -> Option<&str> {
        (**self).text()
    }
}

impl<T: Text> Text for Option<T> {
    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(Text::text)
    }
}

/// An integer that a range rule can check: `None` when absent. (Its error
/// reads as [`Number`]'s: it is what a `range` rule asks of a number that
/// is not a float, and `range` checks floats too.)
#[diagnostic::on_unimplemented(
    message = "`range` (and `one_of` with numbers) checks numbers, and `{Self}` is not a number",
    label = "a number rule on a field of type `{Self}`"
)]
pub trait Integer {
    /// The type's least value (of the integer inside an `Option`).
    const MIN: i128;
    /// The type's greatest value.
    const MAX: i128;
    /// The value, widened, or `None` when absent.
    fn integer(&self) -> Option<i128>;

    /// Whether the value is present and past what JSON carries for the
    /// type (`MIN..=MAX`: a `u128` or `i128` past 64 bits), which the type's
    /// own check reports.
    #[doc(hidden)]
    fn beyond(&self) -> bool {
        false
    }
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        impl Integer for $t {
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = <$t>::MAX as i128;
            fn integer(&self) -> Option<i128> {
                Some(i128::from(*self))
            }
        }
    )*};
}
integers!(i8 i16 i32 i64 u8 u16 u32 u64);

/// `u128` and `i128` within what JSON carries exactly (see `ValidateIn`).
impl Integer for u128 {
    const MIN: i128 = 0;
    const MAX: i128 = u64::MAX as i128;
    fn integer(&self) -> Option<i128> {
        i128::try_from(*self).ok()
    }
    fn beyond(&self) -> bool {
        *self > u128::from(u64::MAX)
    }
}

impl Integer for i128 {
    const MIN: i128 = i64::MIN as i128;
    const MAX: i128 = u64::MAX as i128;
    fn integer(&self) -> Option<i128> {
        Some(*self)
    }
    fn beyond(&self) -> bool {
        !(<Self as Integer>::MIN..=<Self as Integer>::MAX).contains(self)
    }
}

impl Integer for usize {
    const MIN: i128 = 0;
    const MAX: i128 = usize::MAX as i128;
    fn integer(&self) -> Option<i128> {
        i128::try_from(*self).ok()
    }
}

impl Integer for isize {
    const MIN: i128 = isize::MIN as i128;
    const MAX: i128 = isize::MAX as i128;
    fn integer(&self) -> Option<i128> {
        i128::try_from(*self).ok()
    }
}

impl<T: Integer + ?Sized> Integer for &T {
    const MIN: i128 = T::MIN;
    const MAX: i128 = T::MAX;
    fn integer(&self) -> Option<i128> {
        (**self).integer()
    }
    fn beyond(&self) -> bool {
        (**self).beyond()
    }
}

impl<T: Integer> Integer for Option<T> {
    const MIN: i128 = T::MIN;
    const MAX: i128 = T::MAX;
    fn integer(&self) -> Option<i128> {
        self.as_ref().and_then(Integer::integer)
    }
    fn beyond(&self) -> bool {
        self.as_ref().is_some_and(Integer::beyond)
    }
}

/// A number that `range` can check: an [`Integer`], or a float (`f32`,
/// `f64`, an `Option` of one). Bounds are integers, compared exactly.
#[diagnostic::on_unimplemented(
    message = "`range` (and `one_of` with numbers) checks numbers, and `{Self}` is not a number",
    label = "a number rule on a field of type `{Self}`"
)]
pub trait Number {
    /// The least bound that can make sense for the type.
    const MIN: i128;
    /// The greatest bound that can make sense for the type.
    const MAX: i128;
    /// `Some(actual)` when the value is present and outside `min..=max`.
    fn outside(&self, min: Option<i128>, max: Option<i128>) -> Option<Option<Actual>>;

    /// Whether serde's typed value holds the number as written: false for
    /// floats, which it rounds (so the walk decides, on the written number).
    #[doc(hidden)]
    const EXACT: bool = true;

    /// An integer type: a bound at its own least or greatest value is no
    /// bound of the rule (the type says it), as the schema cannot tell the
    /// two apart.
    #[doc(hidden)]
    const WHOLE: bool = false;

    /// [`Integer::beyond`]: a `u128` or `i128` past what JSON carries.
    #[doc(hidden)]
    fn beyond(&self) -> bool {
        false
    }

    /// The number, when present (what `one_of` compares).
    fn actual(&self) -> Option<Actual>;

    /// An `f32` (or an `Option` of one): serde rounds a decimal to it
    /// (`1.00000001` is `1.0`), which a validator reading the double does
    /// not, so `one_of` cannot compare it alike on every path.
    #[doc(hidden)]
    const ROUNDS: bool = false;
}

impl<T: Integer + ?Sized> Number for T {
    const MIN: i128 = T::MIN;
    const MAX: i128 = T::MAX;
    const WHOLE: bool = true;
    fn beyond(&self) -> bool {
        Integer::beyond(self)
    }
    fn outside(&self, min: Option<i128>, max: Option<i128>) -> Option<Option<Actual>> {
        let n = self.integer()?;
        (min.is_some_and(|lo| n < lo) || max.is_some_and(|hi| n > hi))
            .then_some(Some(Actual::Integer(n)))
    }
    fn actual(&self) -> Option<Actual> {
        self.integer().map(Actual::Integer)
    }
}

/// A float: compared exactly with the integer bounds (every `i64` bound is
/// compared as the float it rounds to only when it is not one exactly).
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::float_cmp,
    clippy::option_option,
    reason = "the bound as a float, and the float as an integer where they are equal, compare exactly"
)]
fn float_outside(v: f64, min: Option<i128>, max: Option<i128>) -> Option<Option<Actual>> {
    let below = min.is_some_and(|lo| v < lo as f64 || (v == lo as f64 && (v as i128) < lo));
    let above = max.is_some_and(|hi| v > hi as f64 || (v == hi as f64 && (v as i128) > hi));
    (below || above || v.is_nan()).then_some(Some(Actual::Float(v)))
}

/// A float's bounds are those every path reads alike: below 2^53 for `f64`
/// (from there on an integer written past a bound, 2^53 + 1, rounds onto
/// it), below 2^23 for `f32` (from there on an odd bound's halfway point to
/// the next `f32` rounds out, and serde's own `f32` parse can round in a
/// decimal that the walk and the schema, reading the double, round out).
macro_rules! floats {
    ($($t:ty: $exact:expr)*) => {$(
        impl Number for $t {
            const MIN: i128 = -$exact;
            const MAX: i128 = $exact;
            const EXACT: bool = false;
            const ROUNDS: bool = $exact < (1_i128 << 53) - 1;
            /// Infinity and NaN, which no JSON number is: the type's own
            /// check reports them, with this rule's bounds (`range_bounds`).
            fn beyond(&self) -> bool {
                !self.is_finite()
            }
            fn outside(&self, min: Option<i128>, max: Option<i128>) -> Option<Option<Actual>> {
                float_outside(f64::from(*self), min, max)
            }
            fn actual(&self) -> Option<Actual> {
                Some(Actual::Float(f64::from(*self)))
            }
        }
        optional_numbers!($t: -$exact, $exact, false);
    )*};
}

/// `Number` for `Option<T>`, `Option<Option<T>>` and `Option<Option<Option<T>>>`
/// of a float type `T` (an integer's `Option` is an [`Integer`] at any
/// depth): absent at any level, no value; an item of such a type is one
/// level deeper in the walk, where an item of the wrong shape is `None`.
macro_rules! optional_numbers {
    ($t:ty: $min:expr, $max:expr, $exact:expr) => {
        optional_numbers!(@one Option<$t>, $t, $min, $max, $exact);
        optional_numbers!(@one Option<Option<$t>>, Option<$t>, $min, $max, $exact);
        optional_numbers!(@one Option<Option<Option<$t>>>, Option<Option<$t>>, $min, $max, $exact);
    };
    (@one $outer:ty, $inner:ty, $min:expr, $max:expr, $exact:expr) => {
        impl Number for $outer {
            const MIN: i128 = $min;
            const MAX: i128 = $max;
            const EXACT: bool = $exact;
            const ROUNDS: bool = <$inner as Number>::ROUNDS;
            fn beyond(&self) -> bool {
                self.as_ref().is_some_and(<$inner as Number>::beyond)
            }
            fn outside(&self, min: Option<i128>, max: Option<i128>) -> Option<Option<Actual>> {
                <$inner as Number>::outside(self.as_ref()?, min, max)
            }
            fn actual(&self) -> Option<Actual> {
                <$inner as Number>::actual(self.as_ref()?)
            }
        }
    };
}

floats!(f32: (1 << 23) - 1 f64: (1 << 53) - 1);

/// A number read from JSON for a float field, as the field's type holds it
/// (see `validate.rs`: the walk's float views are always `Float`).
impl Number for Actual {
    const MIN: i128 = i128::MIN;
    const MAX: i128 = i128::MAX;
    fn outside(&self, min: Option<i128>, max: Option<i128>) -> Option<Option<Actual>> {
        match *self {
            Actual::Integer(n) => n.outside(min, max),
            Actual::Float(f) => float_outside(f, min, max),
        }
    }
    fn actual(&self) -> Option<Actual> {
        Some(*self)
    }
}

// The walk's views of those `Option`s, and of an item of one of them.
optional_numbers!(Actual: i128::MIN, i128::MAX, true);
optional_numbers!(@one
    Option<Option<Option<Option<Actual>>>>,
    Option<Option<Option<Actual>>>,
    i128::MIN,
    i128::MAX,
    true
);

/// A list that a list rule can check: `None` when absent.
#[diagnostic::on_unimplemented(
    message = "this rule checks lists, and `{Self}` is not a list",
    label = "a list rule on a field of type `{Self}`",
    note = "list rules apply to `Vec<T>`, `[T]`, `Box<[T]>` and an `Option` of one (a set's items are unique already: `unique` has nothing to add to one)"
)]
pub trait List {
    /// The type of an item.
    type Item;
    /// The items, or `None` when absent.
    fn items(&self) -> Option<&[Self::Item]>;
}

impl<T> List for [T] {
    type Item = T;
    fn items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<T> List for Vec<T> {
    type Item = T;
    fn items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<T> List for Box<[T]> {
    type Item = T;
    fn items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<L: List + ?Sized> List for &L {
    type Item = L::Item;
    fn items(&self) -> Option<&[L::Item]> {
        (**self).items()
    }
}

impl<L: List> List for Option<L> {
    type Item = L::Item;
    fn items(&self) -> Option<&[L::Item]> {
        self.as_ref().and_then(List::items)
    }
}

/// A collection whose size `min_items` / `max_items` check: a list, or a
/// map (its number of entries). `None` when absent.
#[diagnostic::on_unimplemented(
    message = "`min_items` and `max_items` check lists and maps, and `{Self}` is neither",
    label = "a size rule on a field of type `{Self}`",
    note = "size rules apply to `Vec<T>`, `Box<[T]>`, `HashMap<String, V>`, `BTreeMap<String, V>` and an `Option` of one"
)]
pub trait Count {
    /// The number of items or entries, or `None` when absent.
    fn count(&self) -> Option<usize>;
}

impl<L: List + ?Sized> Count for L {
    fn count(&self) -> Option<usize> {
        self.items().map(<[L::Item]>::len)
    }
}

impl<K, V, S> Count for std::collections::HashMap<K, V, S> {
    fn count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<K, V> Count for std::collections::BTreeMap<K, V> {
    fn count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T, S> Count for std::collections::HashSet<T, S> {
    fn count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T> Count for std::collections::BTreeSet<T> {
    fn count(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T, S> Count for Option<std::collections::HashSet<T, S>> {
    fn count(&self) -> Option<usize> {
        self.as_ref().map(std::collections::HashSet::len)
    }
}

impl<T> Count for Option<std::collections::BTreeSet<T>> {
    fn count(&self) -> Option<usize> {
        self.as_ref().map(std::collections::BTreeSet::len)
    }
}

impl<K, V, S> Count for Option<std::collections::HashMap<K, V, S>> {
    fn count(&self) -> Option<usize> {
        self.as_ref().map(std::collections::HashMap::len)
    }
}

impl<K, V> Count for Option<std::collections::BTreeMap<K, V>> {
    fn count(&self) -> Option<usize> {
        self.as_ref().map(std::collections::BTreeMap::len)
    }
}

/// A map whose keys and values `keys(...)` and `values(...)` check: its
/// entries, with string keys. Nothing when absent.
#[diagnostic::on_unimplemented(
    message = "`keys(...)` and `values(...)` check maps with string keys, and `{Self}` is not one",
    label = "a map rule on a field of type `{Self}`",
    note = "map rules apply to `HashMap<String, V>`, `BTreeMap<String, V>` and an `Option` of one"
)]
pub trait Entries {
    /// The type of a value.
    type Value;
    /// Calls `f` with each entry, in the map's own order.
    fn each(&self, f: impl FnMut(&str, &Self::Value));
}

impl<K: AsRef<str>, V, S> Entries for std::collections::HashMap<K, V, S> {
    type Value = V;
    fn each(&self, mut f: impl FnMut(&str, &V)) {
        for (k, v) in self {
            f(k.as_ref(), v);
        }
    }
}

impl<K: AsRef<str>, V> Entries for std::collections::BTreeMap<K, V> {
    type Value = V;
    fn each(&self, mut f: impl FnMut(&str, &V)) {
        for (k, v) in self {
            f(k.as_ref(), v);
        }
    }
}

impl<M: Entries> Entries for Option<M> {
    type Value = M::Value;
    fn each(&self, f: impl FnMut(&str, &M::Value)) {
        if let Some(m) = self {
            m.each(f);
        }
    }
}

impl<M: Entries + ?Sized> Entries for &M {
    type Value = M::Value;
    fn each(&self, f: impl FnMut(&str, &M::Value)) {
        (**self).each(f);
    }
}

/// The items of a list or a set, each with its index, for `items(...)`:
/// nothing when absent.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this rule checks lists, and `{Self}` is not a list",
    label = "a list rule on a field of type `{Self}`",
    note = "list rules apply to `Vec<T>`, `Box<[T]>`, `HashSet<T>`, `BTreeSet<T>` and an `Option` of one"
)]
pub trait EachItem {
    /// The type of an item.
    type Item;
    /// Calls `f` with each item and its index, in the collection's order.
    fn each_item(&self, f: impl FnMut(usize, &Self::Item));
}

impl<L: List + ?Sized> EachItem for L {
    type Item = L::Item;
    fn each_item(&self, mut f: impl FnMut(usize, &L::Item)) {
        for (i, item) in self.items().into_iter().flatten().enumerate() {
            f(i, item);
        }
    }
}

macro_rules! set_items {
    ($($set:ident [$($extra:tt)*])*) => {$(
        impl<T $(, $extra)*> EachItem for std::collections::$set<T $(, $extra)*> {
            type Item = T;
            fn each_item(&self, mut f: impl FnMut(usize, &T)) {
                for (i, t) in self.iter().enumerate() {
                    f(i, t);
                }
            }
        }
    )*};
}
set_items! { HashSet [S] BTreeSet [] }

impl<T, S> EachItem for Option<std::collections::HashSet<T, S>> {
    type Item = T;
    fn each_item(&self, mut f: impl FnMut(usize, &T)) {
        for (i, t) in self.iter().flatten().enumerate() {
            f(i, t);
        }
    }
}

impl<T> EachItem for Option<std::collections::BTreeSet<T>> {
    type Item = T;
    fn each_item(&self, mut f: impl FnMut(usize, &T)) {
        for (i, t) in self.iter().flatten().enumerate() {
            f(i, t);
        }
    }
}

/// The raw form of [`List`]: the item views of a list read from JSON, reached
/// through the list's own type, so that a list rule on a field that is not a
/// list is refused in the field type's terms on both paths.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this rule checks lists, and `{Self}` is not a list",
    label = "a list rule on a field of type `{Self}`",
    note = "list rules apply to `Vec<T>`, `[T]`, `Box<[T]>` and an `Option` of one"
)]
pub trait RawList<'de>: crate::JsonView {
    /// The view of one item.
    type ItemView;
    /// The views of the items (`None` for an item of the wrong shape), or
    /// `None` when absent.
    fn view_items<'v>(view: &'v Self::View<'de>) -> Option<&'v [Option<Self::ItemView>]>;
}

impl<'de, T: crate::JsonView> RawList<'de> for Vec<T> {
    type ItemView = T::View<'de>;
    fn view_items<'v>(view: &'v Vec<Option<T::View<'de>>>) -> Option<&'v [Option<T::View<'de>>]> {
        Some(view)
    }
}

impl<'de, T: crate::JsonView> RawList<'de> for Box<[T]> {
    type ItemView = T::View<'de>;
    fn view_items<'v>(view: &'v Vec<Option<T::View<'de>>>) -> Option<&'v [Option<T::View<'de>>]> {
        Some(view)
    }
}

impl<'de, T: crate::JsonView + Ord> RawList<'de> for std::collections::BTreeSet<T> {
    type ItemView = T::View<'de>;
    fn view_items<'v>(view: &'v Vec<Option<T::View<'de>>>) -> Option<&'v [Option<T::View<'de>>]> {
        Some(view)
    }
}

impl<'de, T: crate::JsonView + Eq + core::hash::Hash, S: core::hash::BuildHasher + Default>
    RawList<'de> for std::collections::HashSet<T, S>
{
    type ItemView = T::View<'de>;
    fn view_items<'v>(view: &'v Vec<Option<T::View<'de>>>) -> Option<&'v [Option<T::View<'de>>]> {
        Some(view)
    }
}

impl<'de, L: RawList<'de>> RawList<'de> for Option<L> {
    type ItemView = L::ItemView;
    fn view_items<'v>(view: &'v Option<L::View<'de>>) -> Option<&'v [Option<L::ItemView>]> {
        view.as_ref().and_then(L::view_items)
    }
}

/// The raw form of [`Entries`]: the entries of a map read from JSON, reached
/// through the map's own type (see [`RawList`]).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`keys(...)` and `values(...)` check maps with string keys, and `{Self}` is not one",
    label = "a map rule on a field of type `{Self}`",
    note = "map rules apply to `HashMap<String, V>`, `BTreeMap<String, V>` and an `Option` of one"
)]
pub trait RawEntries<'de>: crate::JsonView {
    /// The view of one value.
    type ValueView;
    /// Calls `f` with each entry's key and value view.
    fn view_each(view: &Self::View<'de>, f: impl FnMut(&str, &Option<Self::ValueView>));
}

macro_rules! entries_view {
    ($($map:ident [$($bound:tt)*] [$($extra:tt)*])*) => {$(
        impl<'de, K, V: crate::JsonView $(, $extra)*> RawEntries<'de> for std::collections::$map<K, V $(, $extra)*>
        where
            K: crate::KeyParam,
            $($extra: core::hash::BuildHasher + Default,)*
        {
            type ValueView = V::View<'de>;
            fn view_each(
                view: &crate::walk::EntryViews<'de, V>,
                mut f: impl FnMut(&str, &Option<V::View<'de>>),
            ) {
                for (k, v) in view {
                    f(k, v);
                }
            }
        }
    )*};
}
entries_view! {
    HashMap [Eq + core::hash::Hash] [S]
    BTreeMap [Ord] []
}

impl<'de, M: RawEntries<'de>> RawEntries<'de> for Option<M> {
    type ValueView = M::ValueView;
    fn view_each(view: &Option<M::View<'de>>, f: impl FnMut(&str, &Option<M::ValueView>)) {
        if let Some(v) = view {
            M::view_each(v, f);
        }
    }
}

/// True when `schema` describes an object (a map), so that size rules
/// write `minProperties` / `maxProperties` rather than `minItems` / `maxItems`.
pub(crate) fn is_object(schema: &Schema) -> bool {
    match schema.as_object().and_then(|o| o.get("type")) {
        Some(Value::String(t)) => t == "object",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "object"),
        _ => false,
    }
}

/// The schema's keyword map (a `true` schema becomes `{}` first).
pub(crate) fn keywords(schema: &mut Schema) -> &mut serde_json::Map<String, Value> {
    schema.ensure_object()
}

/// True when `schema` accepts `null` (an `Option` field), so that `enum`
/// can keep accepting it.
pub(crate) fn allows_null(schema: &Schema) -> bool {
    let Some(obj) = schema.as_object() else {
        return true;
    };
    let type_has_null = match obj.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "null"),
        _ => false,
    };
    let branch_has_null = ["anyOf", "oneOf"].iter().any(|k| {
        obj.get(*k).and_then(Value::as_array).is_some_and(|bs| {
            bs.iter()
                .any(|b| b.get("type").and_then(Value::as_str) == Some("null"))
        })
    });
    type_has_null || branch_has_null
}

/// Sets `key` to `value` unless an existing numeric bound is already tighter.
#[allow(
    clippy::cast_precision_loss,
    reason = "a bound past 2^53 is compared with an existing one as a float: only which is tighter is asked"
)]
pub(crate) fn tighten(schema: &mut Schema, key: &str, value: i128, lower: bool) {
    let obj = keywords(schema);
    let keep_old = obj.get(key).and_then(Value::as_f64).is_some_and(|old| {
        if lower {
            old >= value as f64
        } else {
            old <= value as f64
        }
    });
    if !keep_old {
        let v = i64::try_from(value)
            .map(Value::from)
            .or_else(|_| u64::try_from(value).map(Value::from))
            .unwrap_or(Value::Null);
        obj.insert(key.into(), v);
    }
}

/// [`tighten`] with a bound that is not an integer.
pub(crate) fn tighten_float(schema: &mut Schema, key: &str, value: f64, lower: bool) {
    let obj = keywords(schema);
    let keep_old = obj
        .get(key)
        .and_then(Value::as_f64)
        .is_some_and(|old| if lower { old >= value } else { old <= value });
    if !keep_old {
        obj.insert(key.into(), Value::from(value));
    }
}

/// The UTF-16 length of `s`: one unit per character, two for a character
/// past U+FFFF (four bytes of UTF-8, led by 0xF0..=0xF4).
pub(crate) fn utf16_units(s: &str) -> usize {
    s.bytes()
        .map(|b| match b {
            0x80..=0xBF => 0,
            0xF0..=0xF4 => 2,
            _ => 1,
        })
        .sum()
}

/// Escapes `text` for a regular expression that ECMA-262 (with the `u` flag)
/// and Rust's `regex` read alike.
pub(crate) fn escape_regex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if "\\^$.|?*+()[]{}".contains(ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Appends `entry` to the schema's `allOf`.
fn all_of(schema: &mut Schema, entry: Value) {
    let obj = keywords(schema);
    match obj.get_mut("allOf").and_then(Value::as_array_mut) {
        Some(all) => all.push(entry),
        None => {
            obj.insert("allOf".into(), Value::Array(vec![entry]));
        }
    }
}

/// Writes `pattern`, or, when the schema has one already, an `allOf` entry
/// with it, so that both hold. Beside it goes `x-pattern: written`, the
/// pattern as its attribute wrote it (which the report names), where that
/// differs from `pattern`.
pub(crate) fn add_pattern(schema: &mut Schema, pattern: &str, written: Option<&str>) {
    let written = written.filter(|&written| written != pattern);
    let obj = keywords(schema);
    if obj.contains_key("pattern") {
        match written {
            Some(written) => all_of_pattern(schema, pattern, "x-pattern", written),
            None => all_of(schema, json!({ "pattern": pattern })),
        }
    } else {
        obj.insert("pattern".into(), Value::from(pattern));
        if let Some(written) = written {
            obj.insert("x-pattern".into(), Value::from(written));
        }
    }
}

/// Appends `{pattern, keyword: text}` to the schema's `allOf`: a text rule
/// whose `x-` annotation names it in a validator's error.
pub(crate) fn all_of_pattern(schema: &mut Schema, pattern: &str, keyword: &str, text: &str) {
    all_of(schema, json!({ "pattern": pattern, keyword: text }));
}

#[cfg(test)]
mod tests {
    #[test]
    fn utf16_units_are_what_encode_utf16_counts() {
        for s in [
            "",
            "a",
            "é",
            "汉字",
            "😀",
            "a😀b",
            "👨‍👩‍👧",
            "\u{10FFFF}\u{FFFF}\u{80}",
        ] {
            assert_eq!(super::utf16_units(s), s.encode_utf16().count(), "{s:?}");
        }
    }
}
