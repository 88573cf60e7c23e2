//! Equality as JSON compares values, for `unique`: the typed check and the
//! walk compare items (and `unique(by = ...)` keys) with it, as JSON
//! Schema's `uniqueItems` and the npm package's `x-uniqueBy` compare their
//! JSON, never by a type's own `PartialEq`, which may be written by hand
//! (a case-insensitive id) or compare a field JSON does not hold (one serde
//! skips).

use core::hash::{Hash, Hasher};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Equality and hashing as the JSON of two values compares: what `unique`
/// and `unique(by = ...)` compare, on every path.
///
/// `#[derive(Validate)]` implements it from the fields serde reads (not one
/// serde skips), whatever the type's own `PartialEq` says; the standard
/// library's strings, integers, `bool`, `char` and containers of them
/// implement it by their value. Where a type's JSON is not its value (a
/// float, an `Option` field, a default, an alias: `Facts::JSON_EQ`), the
/// derive refuses `unique` on it at compile time, and what this trait says
/// of it is never asked.
///
/// ```
/// use desk_schema::JsonEq;
/// assert!("a".json_eq("a"));
/// assert!(!vec![1, 2].json_eq(&vec![2, 1]));
/// ```
#[diagnostic::on_unimplemented(
    message = "`unique` compares items or keys as their JSON compares, and `{Self}` does not say how",
    label = "`{Self}` is not `JsonEq`",
    note = "derive `Validate` for `{Self}` if it is your own type; another crate's type cannot be compared: compare by another field"
)]
pub trait JsonEq {
    /// Whether `self` and `other` are the same JSON value.
    fn json_eq(&self, other: &Self) -> bool;

    /// Feeds `state` what [`JsonEq::json_eq`] compares: two values it calls
    /// equal feed the same.
    fn json_hash<H: Hasher>(&self, state: &mut H);
}

/// A value compared by [`JsonEq`], as `Eq` and `Hash` (for the scan of
/// `unique`).
pub(crate) struct ByJson<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: JsonEq + ?Sized> PartialEq for ByJson<'_, T> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.0.json_eq(other.0)
    }
}

impl<T: JsonEq + ?Sized> Eq for ByJson<'_, T> {}

impl<T: JsonEq + ?Sized> Hash for ByJson<'_, T> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.json_hash(state);
    }
}

/// Values that are their JSON: compared by their own `Eq` and `Hash`.
macro_rules! by_value {
    ($($t:ty),*) => {$(
        impl JsonEq for $t {
            #[inline]
            fn json_eq(&self, other: &Self) -> bool {
                self == other
            }
            #[inline]
            fn json_hash<H: Hasher>(&self, state: &mut H) {
                Hash::hash(self, state);
            }
        }
    )*};
}

by_value!(
    str,
    String,
    bool,
    char,
    (),
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize
);

impl JsonEq for crate::rules::unique::key::NoKey {
    fn json_eq(&self, _: &Self) -> bool {
        match *self {}
    }
    fn json_hash<H: Hasher>(&self, _: &mut H) {
        match *self {}
    }
}

/// Floats, never compared (`unique` refuses them: `1` and `1.0` are one
/// JSON number): by their bits.
macro_rules! floats {
    ($($t:ty)*) => {$(
        impl JsonEq for $t {
            fn json_eq(&self, other: &Self) -> bool {
                self.to_bits() == other.to_bits()
            }
            fn json_hash<H: Hasher>(&self, state: &mut H) {
                self.to_bits().hash(state);
            }
        }
    )*};
}

floats!(f32 f64);

/// Never compared (`unique` refuses a `serde_json::Value`: `1` and `1.0`):
/// by its own equality, hashing only its JSON type.
impl JsonEq for serde_json::Value {
    fn json_eq(&self, other: &Self) -> bool {
        self == other
    }
    fn json_hash<H: Hasher>(&self, state: &mut H) {
        core::mem::discriminant(self).hash(state);
    }
}

impl<T: JsonEq> JsonEq for Option<T> {
    #[inline]
    fn json_eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => a.json_eq(b),
            (None, None) => true,
            _ => false,
        }
    }
    #[inline]
    fn json_hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Some(value) => {
                state.write_u8(1);
                value.json_hash(state);
            }
            None => state.write_u8(0),
        }
    }
}

/// What points at a value, or holds one it may borrow: the value's.
macro_rules! pointers {
    ($({$($g:tt)*} $t:ty;)*) => {$(
        impl<$($g)*> JsonEq for $t {
            #[inline]
            fn json_eq(&self, other: &Self) -> bool {
                (**self).json_eq(&**other)
            }
            #[inline]
            fn json_hash<H: Hasher>(&self, state: &mut H) {
                (**self).json_hash(state);
            }
        }
    )*};
}

pointers! {
    {T: JsonEq + ?Sized} &T;
    {T: JsonEq + ?Sized} Box<T>;
    {T: JsonEq + ?Sized} std::rc::Rc<T>;
    {T: JsonEq + ?Sized} std::sync::Arc<T>;
    {T: JsonEq + ToOwned + ?Sized} Cow<'_, T>;
}

/// Two sequences of as many items, item by item.
fn items_eq<'a, T: JsonEq + 'a>(
    (len, items): (usize, impl Iterator<Item = &'a T>),
    (other_len, others): (usize, impl Iterator<Item = &'a T>),
) -> bool {
    len == other_len && items.zip(others).all(|(a, b)| a.json_eq(b))
}

/// A sequence's length, then its items.
fn items_hash<'a, T: JsonEq + 'a, H: Hasher>(
    (len, items): (usize, impl Iterator<Item = &'a T>),
    state: &mut H,
) {
    state.write_usize(len);
    for item in items {
        item.json_hash(state);
    }
}

impl<T: JsonEq> JsonEq for [T] {
    fn json_eq(&self, other: &Self) -> bool {
        items_eq((self.len(), self.iter()), (other.len(), other.iter()))
    }
    fn json_hash<H: Hasher>(&self, state: &mut H) {
        items_hash((self.len(), self.iter()), state);
    }
}

impl<T: JsonEq> JsonEq for Vec<T> {
    #[inline]
    fn json_eq(&self, other: &Self) -> bool {
        self.as_slice().json_eq(other.as_slice())
    }
    #[inline]
    fn json_hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().json_hash(state);
    }
}

/// An ordered map or set: its entries, in its order (two equal ones hold
/// the same keys, so they come in the same order).
impl<K: JsonEq, V: JsonEq> JsonEq for BTreeMap<K, V> {
    fn json_eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other)
                .all(|((k, v), (k2, v2))| k.json_eq(k2) && v.json_eq(v2))
    }
    fn json_hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for (k, v) in self {
            k.json_hash(state);
            v.json_hash(state);
        }
    }
}

impl<T: JsonEq> JsonEq for BTreeSet<T> {
    fn json_eq(&self, other: &Self) -> bool {
        items_eq((self.len(), self.iter()), (other.len(), other.iter()))
    }
    fn json_hash<H: Hasher>(&self, state: &mut H) {
        items_hash((self.len(), self.iter()), state);
    }
}

/// The hash of an unordered collection: the sum of its entries' hashes,
/// each by a hasher of fixed keys, so that the order they come in does
/// not matter.
fn unordered<T>(
    len: usize,
    entries: impl Iterator<Item = T>,
    hash: impl Fn(&T, &mut std::hash::DefaultHasher),
    state: &mut impl Hasher,
) {
    let sum = entries.fold(0u64, |sum, entry| {
        let mut h = std::hash::DefaultHasher::new();
        hash(&entry, &mut h);
        sum.wrapping_add(h.finish())
    });
    state.write_usize(len);
    state.write_u64(sum);
}

/// Whether each entry of `items` has one of `others` that `same` calls
/// equal, where both hold as many (an unordered collection's entries are
/// distinct as JSON: a map's keys are text, and a set's items are refused
/// under `unique` unless its items compare as JSON does). By search, not
/// by the collection's own hashing, which asks its items' `Eq` and `Hash`:
/// `JsonEq` asks nothing but `JsonEq` of what a value holds, so that a type
/// over parameters proves it from its parameters' alone.
fn each_found<T>(
    (len, items): (usize, impl Iterator<Item = T>),
    (other_len, others): (usize, impl Iterator<Item = T> + Clone),
    same: impl Fn(&T, &T) -> bool,
) -> bool {
    len == other_len && {
        let mut items = items;
        items.all(|a| others.clone().any(|b| same(&a, &b)))
    }
}

impl<K: JsonEq, V: JsonEq, S> JsonEq for HashMap<K, V, S> {
    fn json_eq(&self, other: &Self) -> bool {
        each_found(
            (self.len(), self.iter()),
            (other.len(), other.iter()),
            |(k, v), (k2, v2)| k.json_eq(k2) && v.json_eq(v2),
        )
    }
    fn json_hash<H: Hasher>(&self, state: &mut H) {
        unordered(
            self.len(),
            self.iter(),
            |(k, v), h| {
                k.json_hash(h);
                v.json_hash(h);
            },
            state,
        );
    }
}

impl<T: JsonEq, S> JsonEq for HashSet<T, S> {
    fn json_eq(&self, other: &Self) -> bool {
        each_found(
            (self.len(), self.iter()),
            (other.len(), other.iter()),
            JsonEq::json_eq,
        )
    }
    fn json_hash<H: Hasher>(&self, state: &mut H) {
        unordered(self.len(), self.iter(), JsonEq::json_hash, state);
    }
}

/// How the derive's `JsonEq` impls compare a field, chosen by method
/// resolution (autoref): by the field type's [`JsonEq`], which every type
/// `Validate` reads has (the standard library's, and every derived type,
/// whose impl asks only `JsonEq` of its parameters). A type without it (one
/// that does not derive `Validate`, under `#[desk(nested)]`) is the
/// derive's error already, in its words: the second level keeps rustc from
/// adding one about `JsonEq`, and where it is compiled into a program
/// (`cargo build`) it is an error of its own, never an answer.
#[doc(hidden)]
pub mod field {
    use core::hash::Hasher;

    use super::JsonEq;

    /// A field of two values, compared.
    pub struct Two<'a, T: ?Sized>(pub &'a T, pub &'a T);

    /// A field of one value, hashed.
    pub struct One<'a, T: ?Sized>(pub &'a T);

    /// By [`JsonEq`].
    pub trait Compared {
        /// Whether the two are the same JSON value.
        fn __desk_json_eq(&self) -> bool;
    }

    impl<T: JsonEq + ?Sized> Compared for Two<'_, T> {
        #[inline]
        fn __desk_json_eq(&self) -> bool {
            self.0.json_eq(self.1)
        }
    }

    /// A type that is an error elsewhere: never compiled into a program.
    pub trait Uncompared {
        /// Never called.
        fn __desk_json_eq(&self) -> bool;
    }

    impl<T: ?Sized> Uncompared for &Two<'_, T> {
        fn __desk_json_eq(&self) -> bool {
            let () = Refused::<T>::BUILT;
            false
        }
    }

    /// By [`JsonEq`].
    pub trait Hashed {
        /// Feeds `state` the value's JSON.
        fn __desk_json_hash<H: Hasher>(&self, state: &mut H);
    }

    impl<T: JsonEq + ?Sized> Hashed for One<'_, T> {
        #[inline]
        fn __desk_json_hash<H: Hasher>(&self, state: &mut H) {
            self.0.json_hash(state);
        }
    }

    /// A type that is an error elsewhere: never compiled into a program.
    pub trait Unhashed {
        /// Never called.
        fn __desk_json_hash<H: Hasher>(&self, state: &mut H);
    }

    impl<T: ?Sized> Unhashed for &One<'_, T> {
        fn __desk_json_hash<H: Hasher>(&self, _: &mut H) {
            let () = Refused::<T>::BUILT;
        }
    }

    /// A compile error where it is built (`cargo build`; `cargo check`
    /// does not evaluate it): a field or key `unique` cannot compare.
    pub struct Refused<T: ?Sized>(core::marker::PhantomData<T>);

    impl<T: ?Sized> Refused<T> {
        /// The error.
        pub const BUILT: () = panic!(
            "`unique` cannot compare a field or key of a type that is not `JsonEq` as JSON \
             does: derive `Validate` for it, or compare by another field"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::JsonEq;
    use std::borrow::Cow;
    use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

    fn json_eq<T: JsonEq + ?Sized>() {}

    /// Every type `Validate` reads has `JsonEq` (the derive's impls refuse a
    /// field without it where they are built, on the promise that such a
    /// field is a compile error elsewhere).
    #[test]
    fn every_standard_type_read_is_json_eq() {
        json_eq::<String>();
        json_eq::<str>();
        json_eq::<Box<str>>();
        json_eq::<std::rc::Rc<str>>();
        json_eq::<std::sync::Arc<str>>();
        json_eq::<Cow<'_, str>>();
        json_eq::<serde_json::Value>();
        json_eq::<bool>();
        json_eq::<char>();
        json_eq::<f32>();
        json_eq::<f64>();
        json_eq::<u128>();
        json_eq::<i128>();
        json_eq::<Option<Box<Vec<u8>>>>();
        json_eq::<Box<[i64]>>();
        json_eq::<HashMap<String, Vec<u16>>>();
        json_eq::<BTreeMap<Box<str>, usize>>();
        json_eq::<HashSet<String>>();
        json_eq::<BTreeSet<isize>>();
    }

    /// Equal values hash alike; an unordered collection whatever its order.
    #[test]
    fn equal_values_hash_alike() {
        use core::hash::{BuildHasher, BuildHasherDefault};
        fn hash<T: JsonEq + ?Sized>(value: &T) -> u64 {
            let mut h = BuildHasherDefault::<std::hash::DefaultHasher>::default().build_hasher();
            value.json_hash(&mut h);
            core::hash::Hasher::finish(&h)
        }
        let a: HashMap<String, u8> = (0..50).map(|i| (i.to_string(), i)).collect();
        let b: HashMap<String, u8> = (0..50).rev().map(|i| (i.to_string(), i)).collect();
        assert!(a.json_eq(&b));
        assert_eq!(hash(&a), hash(&b));
        let mut c = b.clone();
        c.insert("7".into(), 8);
        assert!(!a.json_eq(&c));
        assert!(!vec!["a"].json_eq(&vec!["A"]));
        assert!(Some("x").json_eq(&Some("x")));
        assert!(!Some("x").json_eq(&None));
    }
}
