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

/// An entry's hash by keys this process draws once: no text can be
/// written to make two entries of an unordered collection collide (which
/// would make [`same_unordered`] compare them pairwise).
fn entry_hash<T>(entry: &T, hash: &impl Fn(&T, &mut std::hash::DefaultHasher)) -> u64 {
    use core::hash::BuildHasher;
    static KEYS: std::sync::OnceLock<std::hash::RandomState> = std::sync::OnceLock::new();
    let mut h = KEYS.get_or_init(std::hash::RandomState::new).build_hasher();
    hash(entry, &mut h);
    h.finish()
}

/// The hash of an unordered collection: the sum of its entries' hashes
/// ([`entry_hash`]), so that the order they come in does not matter.
fn unordered<T>(
    len: usize,
    entries: impl Iterator<Item = T>,
    hash: impl Fn(&T, &mut std::hash::DefaultHasher),
    state: &mut impl Hasher,
) {
    let sum = entries.fold(0u64, |sum, entry| {
        sum.wrapping_add(entry_hash(&entry, &hash))
    });
    state.write_usize(len);
    state.write_u64(sum);
}

/// Whether two unordered collections hold the same entries, each as many
/// and distinct as JSON (a map's keys are text; a set's items compare as
/// JSON, or `unique` refuses them). Each side's entries by their hash
/// ([`entry_hash`]), then compared run by run of one hash: about
/// `n log n`, where a search of one side for each entry of the other would
/// be `n²` (a list of two maps of 100,000 keys took a minute). By
/// `JsonEq` alone, not by the collection's own lookup, which asks its
/// keys' `Eq` and `Hash`: a type over parameters proves `JsonEq` from its
/// parameters' alone.
fn same_unordered<T>(
    (len, items): (usize, impl Iterator<Item = T>),
    (other_len, others): (usize, impl Iterator<Item = T>),
    hash: impl Fn(&T, &mut std::hash::DefaultHasher),
    same: impl Fn(&T, &T) -> bool,
) -> bool {
    fn by_hash<T>(
        entries: impl Iterator<Item = T>,
        hash: &impl Fn(&T, &mut std::hash::DefaultHasher),
    ) -> Vec<(u64, T)> {
        let mut keyed: Vec<(u64, T)> = entries.map(|e| (entry_hash(&e, hash), e)).collect();
        keyed.sort_unstable_by_key(|(h, _)| *h);
        keyed
    }
    if len != other_len {
        return false;
    }
    let (ours, theirs) = (by_hash(items, &hash), by_hash(others, &hash));
    if ours.len() != theirs.len() {
        return false;
    }
    let mut start = 0;
    while start < ours.len() {
        let h = ours[start].0;
        let end = ours[start..]
            .iter()
            .position(|(x, _)| *x != h)
            .map_or(ours.len(), |n| start + n);
        // The same hashes, run for run, and each of ours among theirs.
        let run = &theirs[start..end];
        if run.iter().any(|(x, _)| *x != h) || theirs.get(end).is_some_and(|(x, _)| *x == h) {
            return false;
        }
        if !ours[start..end]
            .iter()
            .all(|(_, a)| run.iter().any(|(_, b)| same(a, b)))
        {
            return false;
        }
        start = end;
    }
    true
}

impl<K: JsonEq, V: JsonEq, S> JsonEq for HashMap<K, V, S> {
    fn json_eq(&self, other: &Self) -> bool {
        same_unordered(
            (self.len(), self.iter()),
            (other.len(), other.iter()),
            |(k, v), h| {
                k.json_hash(h);
                v.json_hash(h);
            },
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
        same_unordered(
            (self.len(), self.iter()),
            (other.len(), other.iter()),
            JsonEq::json_hash,
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
        // Many entries, in other orders: compared by hash, not one by one.
        let big: HashMap<String, u32> = (0..20_000).map(|i| (format!("k{i}"), i)).collect();
        let mut other: HashMap<String, u32> = HashMap::with_capacity(7);
        other.extend((0..20_000).rev().map(|i| (format!("k{i}"), i)));
        assert!(big.json_eq(&other));
        other.insert("k7".into(), 8);
        assert!(!big.json_eq(&other));
        let set: HashSet<u16> = (0..500).collect();
        let reversed: HashSet<u16> = (0..500).rev().collect();
        assert!(set.json_eq(&reversed));
        assert!(!set.json_eq(&(1..501).collect()));
        assert!(Some("x").json_eq(&Some("x")));
        assert!(!Some("x").json_eq(&None));
    }
}
