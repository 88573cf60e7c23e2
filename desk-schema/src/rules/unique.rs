//! `unique` / `unique(by = field)`: no two list items with the same value (of
//! the key field, when one is named).
//!
//! The scan is O(n) with an open-addressing table of item indices. For lists
//! of up to 128 items (the Desk API allows 100 members) the table lives on the
//! stack, so a passing check allocates nothing.
//!
//! JSON Schema's `uniqueItems` compares whole items, not a key, so the rule
//! by key is stated in `description`; whole-item uniqueness is `uniqueItems`.

use core::hash::{BuildHasher, Hash, Hasher};
use std::collections::hash_map::RandomState;
use std::sync::OnceLock;

use schemars::Schema;
use serde_json::Value;

use super::{List, keywords};
use crate::json_eq::ByJson;
use crate::rules::custom::schema as describe;
use crate::{JsonEq, Kind, Path, Report, Seg};

/// Lists this long or shorter are compared pairwise: cheaper than hashing.
const PAIRWISE_MAX: usize = 4;
/// Slots of the table kept on the stack (two per item, up to 128 items).
const STACK_SLOTS: usize = 256;
/// Slots of the table for short lists (up to 16 items), so that a short list
/// does not clear the whole stack table.
const SMALL_SLOTS: usize = 32;

/// Checks that no two items of `value` share `key(item)`, compared by the
/// key's own `Eq` and `Hash`; a repeat is reported at
/// `/<index>/<key_name>` below `path`. An item whose key is `None` (an
/// optional key field that is absent or `null`) has no key: it is never a
/// repeat, of another such item either, on every path (the walk, and
/// `x-uniqueBy` in the schema). (The derive calls [`check_json_by`], which
/// compares keys as their JSON does.)
///
/// ```
/// use desk_schema::{rules::unique, Path, Report};
/// struct M { id: &'static str, rank: Option<u8> }
/// let list = vec![
///     M { id: "a", rank: None },
///     M { id: "b", rank: None },
///     M { id: "a", rank: Some(1) },
/// ];
/// let mut report = Report::new();
/// unique::check_by(&list, |m: &M| Some(m.id), "Member_Account", &Path::Root.key("MemberList"), &mut report);
/// assert_eq!(report.to_string(), "/MemberList/2/Member_Account: same Member_Account as the 1st item (index 0); each must be unique");
/// // Two items without a rank are not a repeat.
/// let mut report = Report::new();
/// unique::check_by(&list, |m: &M| m.rank.as_ref(), "Rank", &Path::Root, &mut report);
/// assert!(report.is_empty());
/// ```
#[inline]
pub fn check_by<L, K, F>(
    value: &L,
    key: F,
    key_name: &'static str,
    path: &Path<'_>,
    report: &mut Report,
) where
    L: List + ?Sized,
    K: UniqueKey + ?Sized,
    F: for<'a> Fn(&'a L::Item) -> Option<&'a K>,
{
    repeats_by(value, key, key_name, path, report);
}

/// [`check_by`] with keys compared as their JSON compares ([`JsonEq`]),
/// as JSON Schema's `x-uniqueBy` compares them: what `#[desk(unique(by =
/// key))]` checks, whatever the key type's own `PartialEq` says.
#[inline]
pub fn check_json_by<L, K, F>(
    value: &L,
    key: F,
    key_name: &'static str,
    path: &Path<'_>,
    report: &mut Report,
) where
    L: List + ?Sized,
    K: JsonEq + ?Sized,
    F: for<'a> Fn(&'a L::Item) -> Option<&'a K>,
{
    repeats_by(value, |item| key(item).map(ByJson), key_name, path, report);
}

/// [`check_by`] and [`check_json_by`], `key` giving each item's key as
/// they compare it.
#[inline]
fn repeats_by<'a, L, K, F>(
    value: &'a L,
    key: F,
    key_name: &'static str,
    path: &Path<'_>,
    report: &mut Report,
) where
    L: List + ?Sized,
    K: Hash + Eq,
    F: Fn(&'a L::Item) -> Option<K>,
{
    // Inlined up to here: most lists checked are short, and a list of fewer
    // than two items has no repeats to look for.
    if let Some(items) = value.items().filter(|items| items.len() >= 2) {
        report_repeats(items, key, Some(key_name), path, report);
    }
}

/// What [`check`] and [`check_by`] compare, whole items or keys: a type
/// with `Eq` and `Hash` (one trait, so that a type without them is one
/// error, in these words).
#[diagnostic::on_unimplemented(
    message = "`unique` compares items or keys by `Eq` and `Hash`, and `{Self}` has not both",
    label = "`{Self}` is not `Eq` and `Hash`",
    note = "derive `PartialEq, Eq, Hash` for `{Self}` if it is your own type; a float, a `HashMap` or another crate's type without them cannot be compared: compare by another field"
)]
pub trait UniqueKey: Hash + Eq {}

#[diagnostic::do_not_recommend]
impl<T: Hash + Eq + ?Sized> UniqueKey for T {}

/// Checks that no two items of `value` are equal by their own `Eq` and
/// `Hash`; a repeat is reported at its index. (The derive calls
/// [`check_json`].)
pub fn check<L>(value: &L, path: &Path<'_>, report: &mut Report)
where
    L: List + ?Sized,
    L::Item: UniqueKey,
{
    if let Some(items) = value.items() {
        report_repeats(items, Some, None, path, report);
    }
}

/// Checks that no two items of `value` are the same JSON value
/// ([`JsonEq`]), as JSON Schema's `uniqueItems` compares them: what
/// `#[desk(unique)]` checks; a repeat is reported at its index.
pub fn check_json<L>(value: &L, path: &Path<'_>, report: &mut Report)
where
    L: List + ?Sized,
    L::Item: JsonEq,
{
    if let Some(items) = value.items() {
        report_repeats(items, |item| Some(ByJson(item)), None, path, report);
    }
}

/// Writes `x-uniqueBy: key_name` (no standard keyword compares items by one
/// property; the npm package registers this one) and states the rule in
/// `description`.
pub fn schema_by(schema: &mut Schema, key_name: &str) {
    keywords(schema).insert("x-uniqueBy".into(), Value::from(key_name));
    describe(
        schema,
        &format!("No two items may have the same `{key_name}`."),
    );
}

/// Writes `uniqueItems: true`.
pub fn schema(schema: &mut Schema) {
    keywords(schema).insert("uniqueItems".into(), Value::Bool(true));
}

/// Reports every item whose key (or whole value, when `key_name` is `None`)
/// repeats an earlier one's, at `/<index>` or `/<index>/<key_name>` below `path`.
fn report_repeats<'a, T, K, F>(
    items: &'a [T],
    key: F,
    key_name: Option<&'static str>,
    path: &Path<'_>,
    report: &mut Report,
) where
    K: Hash + Eq,
    F: Fn(&'a T) -> Option<K>,
{
    scan(items, key, |dup, first| {
        let kind = Kind::Duplicate {
            key: key_name,
            first,
        };
        match key_name {
            Some(name) => report.push_at(path, &[Seg::Index(dup), Seg::Key(name)], kind),
            None => report.push_at(path, &[Seg::Index(dup)], kind),
        }
    });
}

/// How many items of `items` have a key (not `None`) that an earlier
/// item has: the items less the distinct keys and the items with none.
/// (`MaxMemberCount`'s initial members.)
#[cfg(feature = "create-group")]
pub(crate) fn repeats<'a, T, K, F>(items: &'a [T], key: F) -> usize
where
    K: Hash + Eq,
    F: Fn(&'a T) -> Option<K>,
{
    let mut repeats = 0;
    scan(items, key, |_, _| repeats += 1);
    repeats
}

/// Calls `on_dup(later, first)` for every item whose key equals an earlier one's.
#[inline(never)]
fn scan<'a, T, K, F, D>(items: &'a [T], key: F, mut on_dup: D)
where
    K: Hash + Eq,
    F: Fn(&'a T) -> Option<K>,
    D: FnMut(usize, usize),
{
    let n = items.len();
    if n < 2 {
        return;
    }
    if n <= PAIRWISE_MAX {
        for (j, item) in items.iter().enumerate().skip(1) {
            let Some(kj) = key(item) else { continue };
            if let Some(i) = items[..j]
                .iter()
                .position(|earlier| key(earlier).as_ref() == Some(&kj))
            {
                on_dup(j, i);
            }
        }
        return;
    }
    if let Some(cap) = slots_for(n) {
        table(items, cap, &key, &mut on_dup);
    } else {
        // More items than a slot can number (a list of a zero-sized type):
        // a map of first indices, grown as keys come.
        let mut first = std::collections::HashMap::new();
        for (j, item) in items.iter().enumerate() {
            if let Some(kj) = key(item) {
                let i = *first.entry(kj).or_insert(j);
                if i != j {
                    on_dup(j, i);
                }
            }
        }
    }
}

/// The slots of [`probe`]'s table for `n` items: twice as many, a power of
/// two; `None` for more items than a slot can number in 32 bits.
#[inline]
fn slots_for(n: usize) -> Option<usize> {
    (n < u32::MAX as usize)
        .then(|| n.checked_mul(2)?.checked_next_power_of_two())
        .flatten()
}

/// [`probe`] in a table of `cap` slots (a power of two, at least twice as
/// many as `items`), on the stack for up to 128 items. `items` has fewer
/// than `u32::MAX` items.
fn table<'a, T, K, F, D>(items: &'a [T], cap: usize, key: &F, on_dup: &mut D)
where
    K: Hash + Eq,
    F: Fn(&'a T) -> Option<K>,
    D: FnMut(usize, usize),
{
    if cap <= SMALL_SLOTS {
        let mut slots = [0u64; SMALL_SLOTS];
        probe(&mut slots[..cap], items, key, on_dup);
    } else if cap <= STACK_SLOTS {
        let mut slots = [0u64; STACK_SLOTS];
        probe(&mut slots[..cap], items, key, on_dup);
    } else {
        let mut slots = vec![0u64; cap];
        probe(&mut slots, items, key, on_dup);
    }
}

/// Linear probing. A slot holds the key's hash in its high half (compared
/// first, so a collision of slots rarely costs a key comparison) and
/// `index + 1` in its low half; 0 is empty. `items` has fewer than
/// `u32::MAX` items.
fn probe<'a, T, K, F, D>(slots: &mut [u64], items: &'a [T], key: &F, on_dup: &mut D)
where
    K: Hash + Eq,
    F: Fn(&'a T) -> Option<K>,
    D: FnMut(usize, usize),
{
    const HIGH: u64 = 0xFFFF_FFFF_0000_0000;
    let mask = slots.len() - 1;
    let seeds = KeyHasher::seeds();
    for (j, item) in items.iter().enumerate() {
        let Some(kj) = key(item) else { continue };
        let mut h = KeyHasher::new(seeds);
        kj.hash(&mut h);
        let hash = h.finish();
        let tag = hash & HIGH;
        let mut at = home(hash, mask);
        loop {
            let slot = slots[at];
            if slot == 0 {
                slots[at] = tag | (j as u64 + 1);
                break;
            }
            #[allow(
                clippy::cast_possible_truncation,
                reason = "the low half holds the index"
            )]
            let earlier = (slot as u32 as usize) - 1;
            if slot & HIGH == tag && same_key(items, earlier, key, &kj) {
                on_dup(j, earlier);
                break;
            }
            at = (at + 1) & mask;
        }
    }
}

/// Whether `items[earlier]`'s key is `kj`: out of the probe's loop, which
/// asks only when the tags in the hashes' high halves are alike (a repeat,
/// or one pair of keys in 2^32).
#[cold]
#[inline(never)]
fn same_key<'a, T, K, F>(items: &'a [T], earlier: usize, key: &F, kj: &K) -> bool
where
    K: Eq,
    F: Fn(&'a T) -> Option<K>,
{
    key(&items[earlier]).as_ref() == Some(kj)
}

/// The slot a key whose hash is `hash` is placed at first, in a table of
/// `mask + 1` slots (a power of two): the top `log2(mask + 1)` bits of
/// `hash` times an odd constant (Fibonacci hashing). They
/// depend on every bit of `hash`, and spread evenly hashes that are near a
/// progression, as those of keys that differ only in their last bytes
/// (`00…0001` to `00…0099`) or of sequential numbers are.
///
/// The low bits of `hash`, the slot before, fell on a few slots'
/// neighbours with some seeds: over 10,000 seeds, 100 such keys took 300
/// or more steps of probing with 1 to 2 per cent of them, and up to 4,280
/// (random keys take about 30, and at most about 75); 1,000 `u64`s 4,096
/// apart took 319,205 with one. Bits 32 and up of the product, the slot
/// for one commit, do not depend on the top bits of `hash`: numbers 2^41
/// to 2^53 apart took up to twice random keys' worst (helper-156;
/// `slots_spread_sequential_keys`, `slots_spread_numbers_a_power_of_two_apart`).
#[inline]
fn home(hash: u64, mask: usize) -> usize {
    // As many bits as `mask` has, from the top of the 64 (whatever the
    // width of `usize`).
    let shift = (mask as u64).leading_zeros();
    #[allow(
        clippy::cast_possible_truncation,
        reason = "the shift leaves as many bits as the table's slots need"
    )]
    let top = hash.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_shr(shift) as usize;
    // No more than `mask` already; said so that the index needs no check.
    top & mask
}

/// The hash of a key: words multiplied to 128 bits and folded, in the
/// manner of foldhash and wyhash. A string of up to 16 bytes reads as two
/// words, one of up to 32 bytes (an account) as four, a longer one as two per
/// 16 bytes and two more from its end (the reads overlap, and the length
/// is mixed in through a seed). The last product of a `write` is left open
/// until the next write or `finish`, so that the `0xff` which `str`'s
/// `Hash` writes after the bytes (the length already tells strings apart)
/// is mixed into it instead of costing one more product. Only that byte
/// is: keys of one type all write it there, so it cannot cancel a
/// difference in their bytes, as any other byte could. The seeds are drawn
/// once per process, as `std`'s `HashMap` draws its own, so that no one can
/// choose keys that collide; a collision would only cost a comparison, but
/// many would make the scan quadratic.
struct KeyHasher {
    hash: u64,
    seeds: [u64; 2],
    /// The two words of the last `write`, not yet multiplied.
    open: Option<(u64, u64)>,
    /// Whether a `str`'s terminator has been mixed into `open`.
    ended: bool,
}

impl KeyHasher {
    #[inline]
    fn new(seeds: [u64; 2]) -> Self {
        Self {
            hash: 0,
            seeds,
            open: None,
            ended: false,
        }
    }

    /// This process's seeds.
    fn seeds() -> [u64; 2] {
        static SEEDS: OnceLock<[u64; 2]> = OnceLock::new();
        *SEEDS.get_or_init(|| {
            let state = RandomState::new();
            Self::seeds_from(state.hash_one(0u8), state.hash_one(1u8))
        })
    }

    /// Seeds from two random words, the first made odd: the length is
    /// multiplied by it (`write`), and an odd factor gives no two lengths
    /// one product.
    fn seeds_from(first: u64, second: u64) -> [u64; 2] {
        [first | 1, second]
    }

    /// The hash so far, with the open product multiplied.
    #[inline]
    fn closed(&self) -> u64 {
        match self.open {
            Some((a, b)) => fold(a, b),
            None => self.hash,
        }
    }

    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = fold(self.closed() ^ word ^ self.seeds[0], self.seeds[1]);
        self.open = None;
    }
}

/// The two words [`KeyHasher::write`] folds for `bytes` of over 32 bytes:
/// 16 bytes per product, then the last 16. Out of line, so that the short
/// keys' hash (an account's) stays small enough to be written where it is
/// called.
#[cold]
#[inline(never)]
fn long_words(bytes: &[u8], s0: u64, s1: u64) -> (u64, u64) {
    let len = bytes.len();
    let mut acc = 0u64;
    let mut at = 0;
    while len - at > 16 {
        acc = fold(word(bytes, at) ^ s0 ^ acc, word(bytes, at + 8) ^ s1);
        at += 16;
    }
    (word(bytes, len - 16) ^ acc, word(bytes, len - 8))
}

/// `a * b` to 128 bits, the halves folded.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    #[allow(clippy::cast_possible_truncation, reason = "the halves are folded")]
    let (low, high) = (product as u64, (product >> 64) as u64);
    low ^ high
}

/// The 8 bytes of `bytes` from `at`, little-endian.
#[inline]
fn word(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(w)
}

/// The 4 bytes of `bytes` from `at`, little-endian.
#[inline]
fn half(bytes: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&bytes[at..at + 4]);
    u64::from(u32::from_le_bytes(w))
}

impl Hasher for KeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let [s0, s1] = self.seeds;
        let len = bytes.len();
        let (a, b) = if len > 32 {
            long_words(bytes, s0, s1)
        } else if len > 16 {
            let first = fold(word(bytes, 0) ^ s0, word(bytes, 8) ^ s1);
            (word(bytes, len - 16) ^ first, word(bytes, len - 8))
        } else if len >= 8 {
            (word(bytes, 0), word(bytes, len - 8))
        } else if len >= 4 {
            (half(bytes, 0), half(bytes, len - 4))
        } else if len > 0 {
            let spread = u64::from(bytes[0]) << 16 | u64::from(bytes[len / 2]) << 8;
            (spread | u64::from(bytes[len - 1]), 0)
        } else {
            (0, 0)
        };
        // The length joins the second seed times the first (odd, so that
        // no two lengths give one product): XORed into `b` as it is, a
        // length could be cancelled by the last word of a string of
        // another length, whatever the seeds (`"aabbb"` and `"aabbbb"`
        // hashed alike), where this product of an unknown seed cannot be.
        let second = s1 ^ (len as u64).wrapping_mul(s0);
        self.open = Some((a ^ s0 ^ self.closed(), b ^ second));
        self.ended = false;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        // A `str`'s terminator, right after its bytes: into their open
        // product. Any other byte is multiplied on its own.
        match &mut self.open {
            Some((_, b)) if i == 0xff && !self.ended => {
                *b ^= 0xff << 56;
                self.ended = true;
            }
            _ => self.add(u64::from(i)),
        }
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The table keeps the high half as a tag, and picks a slot with
        // `home`.
        self.closed()
    }
}

/// A key field's value as a key: `Option<&T>` for an `Option<T>` field (no
/// key when `None`), `Some(&value)` for any other type. Chosen by method
/// resolution (autoref), so the derive needs no trait on the key's type:
/// `(&&Key(&value)).__desk_item_key()` tries [`FloatKey`](key::FloatKey),
/// then [`OptionalKey`](key::OptionalKey), then [`PlainKey`](key::PlainKey).
pub(crate) mod key {
    /// A key field's value, or its raw view.
    pub struct Key<'a, T: ?Sized>(pub &'a T);

    /// A float key (anything `HoldsFloat`: `f32`, `f64`, their view, an
    /// `Option`, `Box` or list of one): never compiled into a check. Rust's
    /// floats are neither `Eq` nor `Hash`, and JSON Schema compares numbers
    /// by value, so the derive refuses such a key with its own error
    /// (`Facts::UNEQUAL` holds `unequal::FLOAT`, `refuse_unequal`); this
    /// level keeps the walk from adding rustc's errors about `Hash` (a
    /// float's view has none) to it, and the typed check compiling a
    /// comparison that never runs.
    pub trait FloatKey<'a> {
        /// `NoKey`.
        type Key: ?Sized;
        /// No key.
        fn __desk_item_key(&self) -> Option<&'a Self::Key>;
    }

    /// The key of a [`FloatKey`]: there is none.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NoKey {}

    impl super::raw::WholeView for NoKey {}

    /// A type with a float inside, as a key or its view: `f32`, `f64`,
    /// their view, an `Option`, `Box`, `Vec`, slice or map of one, and a
    /// derived type with a field written so (`holds_float` in the derive).
    pub trait HoldsFloat {}

    impl HoldsFloat for f32 {}
    impl HoldsFloat for f64 {}
    impl HoldsFloat for crate::Actual {}
    impl<T: HoldsFloat> HoldsFloat for Option<T> {}
    impl<T: HoldsFloat + ?Sized> HoldsFloat for Box<T> {}
    impl<T: HoldsFloat> HoldsFloat for Vec<T> {}
    impl<T: HoldsFloat> HoldsFloat for [T] {}
    impl<K, V: HoldsFloat> HoldsFloat for std::collections::BTreeMap<K, V> {}
    impl<K, V: HoldsFloat, S> HoldsFloat for std::collections::HashMap<K, V, S> {}

    impl<'a, T: HoldsFloat + ?Sized> FloatKey<'a> for &Key<'a, T> {
        type Key = NoKey;
        fn __desk_item_key(&self) -> Option<&'a NoKey> {
            None
        }
    }

    /// An optional key: its value, if any.
    pub trait OptionalKey<'a> {
        /// The key's type.
        type Key: ?Sized;
        /// The key, or `None`.
        fn __desk_item_key(&self) -> Option<&'a Self::Key>;
    }

    impl<'a, T> OptionalKey<'a> for &&Key<'a, Option<T>> {
        type Key = T;
        fn __desk_item_key(&self) -> Option<&'a T> {
            self.0.as_ref()
        }
    }

    /// A boxed `Option` is as optional: serde fills an absent one with
    /// `Box::new(None)`, and `null` reads as it, which is no key to the walk
    /// and the schema either.
    impl<'a, T> OptionalKey<'a> for &&Key<'a, Box<Option<T>>> {
        type Key = T;
        fn __desk_item_key(&self) -> Option<&'a T> {
            self.0.as_ref().as_ref()
        }
    }

    /// Any other key: the value itself.
    pub trait PlainKey<'a> {
        /// The key's type.
        type Key: ?Sized;
        /// The key.
        fn __desk_item_key(&self) -> Option<&'a Self::Key>;
    }

    impl<'a, T: ?Sized> PlainKey<'a> for Key<'a, T> {
        type Key = T;
        fn __desk_item_key(&self) -> Option<&'a T> {
            Some(self.0)
        }
    }

    /// A key field's value as the typed check reads it: as [`Key`], and
    /// then [`AnyKey`] for a type without [`crate::JsonEq`] (one that does
    /// not derive `Validate`, read whole or by serde alone), which is the
    /// derive's error already: that level keeps rustc from adding one
    /// about `JsonEq`, and is an error of its own where it is built.
    pub struct TypedKey<'a, T: ?Sized>(pub &'a T);

    impl<T: ?Sized> Clone for TypedKey<'_, T> {
        fn clone(&self) -> Self {
            *self
        }
    }

    impl<T: ?Sized> Copy for TypedKey<'_, T> {}

    impl<'a, T: HoldsFloat + ?Sized> FloatKey<'a> for &TypedKey<'a, T> {
        type Key = NoKey;
        fn __desk_item_key(&self) -> Option<&'a NoKey> {
            None
        }
    }

    impl<'a, T> OptionalKey<'a> for &&TypedKey<'a, Option<T>> {
        type Key = T;
        fn __desk_item_key(&self) -> Option<&'a T> {
            self.0.as_ref()
        }
    }

    impl<'a, T> OptionalKey<'a> for &&TypedKey<'a, Box<Option<T>>> {
        type Key = T;
        fn __desk_item_key(&self) -> Option<&'a T> {
            self.0.as_ref().as_ref()
        }
    }

    impl<'a, T: crate::JsonEq + ?Sized> PlainKey<'a> for TypedKey<'a, T> {
        type Key = T;
        fn __desk_item_key(&self) -> Option<&'a T> {
            Some(self.0)
        }
    }

    /// A key `unique` cannot compare: see [`TypedKey`].
    pub trait AnyKey<'a> {
        /// `NoKey`.
        type Key: ?Sized;
        /// Never built.
        fn __desk_item_key(self) -> Option<&'a Self::Key>;
    }

    impl<'a, T: ?Sized> AnyKey<'a> for TypedKey<'a, T> {
        type Key = NoKey;
        fn __desk_item_key(self) -> Option<&'a NoKey> {
            let () = crate::json_eq::field::Refused::<T>::BUILT;
            None
        }
    }

    /// A list under whole-item `unique`, as the typed check compares it:
    /// `(&&Items(&list)).__desk_list()` tries [`FloatItems`], then [`PlainItems`],
    /// as [`Key`] does for a key.
    pub struct Items<'a, L: ?Sized>(pub &'a L);

    /// Items with a float inside (`HoldsFloat`): no items to compare, as
    /// [`FloatKey`] has no key. The derive refuses such items with its own
    /// error (`refuse_unequal`, for `unequal::FLOAT`); this level keeps the typed check
    /// from compiling a comparison that never runs.
    pub trait FloatItems<'a> {
        /// The items compared: none.
        fn __desk_list(&self) -> &'a [NoKey];
    }

    impl<'a, L> FloatItems<'a> for &Items<'a, L>
    where
        L: crate::rules::List + ?Sized,
        L::Item: HoldsFloat,
    {
        fn __desk_list(&self) -> &'a [NoKey] {
            &[]
        }
    }

    /// Any other items: the list itself.
    pub trait PlainItems<'a> {
        /// The list's type.
        type List: ?Sized;
        /// The list.
        fn __desk_list(&self) -> &'a Self::List;
    }

    impl<'a, L: ?Sized> PlainItems<'a> for Items<'a, L> {
        type List = L;
        fn __desk_list(&self) -> &'a L {
            self.0
        }
    }
}

/// The raw form, on the views of a list read from JSON (the derive's walk
/// calls it; re-exported in `__private`).
pub(crate) mod raw {
    use core::hash::Hash;
    use core::marker::PhantomData;

    use super::report_repeats;
    use crate::json_eq::ByJson;
    use crate::rules::List;
    use crate::{JsonEq, JsonView, Path, Report};

    /// The views of a list of `T` read from raw JSON, for `unique`. Chosen by
    /// method resolution (autoref): views that compare themselves
    /// ([`ViewUnique`]: strings, numbers, unit enums) are compared as they
    /// are, allocating nothing; any other item (a struct, an enum with data)
    /// is built and compared as a `T` ([`ValueUnique`]). The middle field
    /// says where the list's findings begin in the report (its length and
    /// its count of shape violations before them): an item with a shape
    /// violation among them is refused whole, as serde refuses it, and
    /// repeats nothing.
    pub struct RawItems<'a, 'de, T, L: ?Sized>(
        pub &'a L,
        pub (usize, usize),
        pub PhantomData<fn() -> (T, &'de ())>,
    );

    /// A view that holds its whole value: no part of it can be missing
    /// (a string, a number, a unit enum, an `Option` or `Box` of one). A
    /// list's or a map's view can hold an item that did not read (`None`),
    /// and two such views may look equal where the values differ: those
    /// items are built and compared as values ([`ValueUnique`]), which
    /// leaves an item that does not read out.
    pub trait WholeView {}

    macro_rules! whole {
        ($($t:ty)*) => {$( impl WholeView for $t {} )*};
    }
    whole!(() bool char u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);
    impl WholeView for std::borrow::Cow<'_, str> {}
    impl<V: WholeView> WholeView for Option<V> {}
    impl<V: WholeView + ?Sized> WholeView for Box<V> {}

    /// `unique` over views that compare themselves.
    pub trait ViewUnique {
        /// Reports each repeated item at its index below `path`.
        fn __desk_check_unique(&self, path: &Path<'_>, report: &mut Report);
    }

    impl<T, V: Hash + Eq + WholeView, L: List<Item = Option<V>> + ?Sized> ViewUnique
        for &RawItems<'_, '_, T, L>
    {
        fn __desk_check_unique(&self, path: &Path<'_>, report: &mut Report) {
            check_raw(self.0, path, report);
        }
    }

    /// `unique` over items built from their views.
    pub trait ValueUnique {
        /// Reports each repeated item at its index below `path`.
        fn __desk_check_unique(&self, path: &Path<'_>, report: &mut Report);
    }

    impl<'de, T, L> ValueUnique for &&RawItems<'_, 'de, T, L>
    where
        T: JsonView + JsonEq,
        L: List<Item = Option<T::View<'de>>> + ?Sized,
    {
        fn __desk_check_unique(&self, path: &Path<'_>, report: &mut Report) {
            if let Some(items) = self.0.items().filter(|items| items.len() >= 2) {
                // An item holding a shape violation (a property its type
                // refuses, say) is refused whole, as serde refuses it: it
                // repeats nothing, though its view may build a value.
                let refused = crate::validate::refused_items(report, path, self.1, items.len());
                let values = built(items, &refused, T::from_view);
                report_repeats(&values, |v| v.as_ref().map(ByJson), None, path, report);
            }
        }
    }

    /// Each item's value as `build` makes it from the item's view, `None`
    /// for an item that did not read or that `refused` marks (one holding a
    /// shape violation, which serde refuses whole): such an item repeats
    /// nothing.
    fn built<V, T>(
        items: &[Option<V>],
        refused: &[bool],
        build: impl Fn(&V) -> Option<T>,
    ) -> Vec<Option<T>> {
        items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                if refused.get(i).copied().unwrap_or(false) {
                    None
                } else {
                    v.as_ref().and_then(&build)
                }
            })
            .collect()
    }

    /// `unique(by = key)` over the views of a list read from raw JSON. Chosen
    /// by method resolution (autoref), like [`RawItems`]: keys whose views
    /// compare themselves ([`ViewKeyUnique`]) are compared as they are; any
    /// other key (a struct, an enum with data) is built and compared as the
    /// key's type `K` ([`ValueKeyUnique`]), which the typed check compares.
    /// `witness` names `K` (the typed key of an item) and is never called.
    pub struct RawBy<'a, L: ?Sized, V, KV: ?Sized, I, K: ?Sized, G> {
        list: &'a L,
        /// Where the list's findings begin, as [`RawItems`] has it.
        since: (usize, usize),
        key: G,
        types: PhantomData<fn(&V, &KV, &I, &K)>,
    }

    impl<'a, L: ?Sized, V, KV: ?Sized, I, K: ?Sized, G> RawBy<'a, L, V, KV, I, K, G>
    where
        L: List<Item = Option<V>>,
        G: for<'v> Fn(&'v V) -> Option<&'v KV>,
    {
        /// `key` reads an item view's key view; `witness` (an item's typed
        /// key) only names `K`; `since` is where the list's findings begin
        /// in the report.
        pub fn new<W>(list: &'a L, since: (usize, usize), key: G, witness: W) -> Self
        where
            W: for<'i> Fn(&'i I) -> Option<&'i K>,
        {
            let _ = witness;
            Self {
                list,
                since,
                key,
                types: PhantomData,
            }
        }
    }

    /// The view of a field serde never reads (`#[serde(skip)]`), always
    /// `None`: an item view has it so that `unique(by = skipped)` type-checks
    /// on the walk and is refused once, by the derive's assertion
    /// (`Nested::NO_KEYS`), in words, not as a missing field of a view.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NotRead {}

    impl WholeView for NotRead {}

    /// The type of the typed item's key field, as a marker ([`view_of`]
    /// reads it): where the item has no such field, the marker holds rustc's
    /// error type.
    #[must_use]
    pub fn key_type<I, F: ?Sized>(_: impl FnOnce(&I) -> &F) -> PhantomData<fn(&F)> {
        PhantomData
    }

    /// `V`, named through the key field's type `F` ([`view_of`]).
    pub trait ThroughKey<V: ?Sized> {
        /// `V`.
        type Out: ?Sized;
    }

    impl<F: ?Sized, V: ?Sized> ThroughKey<V> for F {
        type Out = V;
    }

    /// `view`, as the walk reads an item view's key field: when the typed
    /// item has no such field (`unique(by = typo)`), `F` is rustc's error
    /// type, the view's type becomes it too and its field access says
    /// nothing, so that the mistake is one error, at the rule, naming the
    /// item's own type.
    pub fn view_of<'a, F, V>(_: &PhantomData<fn(&F)>, view: &'a V) -> &'a <F as ThroughKey<V>>::Out
    where
        F: ThroughKey<V, Out = V> + ?Sized,
        V: ?Sized,
    {
        view
    }

    /// `unique(by = key)` over key views that compare themselves.
    pub trait ViewKeyUnique {
        /// Reports each item whose key repeats an earlier one.
        fn __desk_check_unique_by(
            &self,
            key_name: &'static str,
            path: &Path<'_>,
            report: &mut Report,
        );
    }

    impl<L, V, KV, I, K: ?Sized, G> ViewKeyUnique for &RawBy<'_, L, V, KV, I, K, G>
    where
        L: List<Item = Option<V>> + ?Sized,
        KV: Hash + Eq + WholeView + ?Sized,
        G: for<'v> Fn(&'v V) -> Option<&'v KV>,
    {
        fn __desk_check_unique_by(
            &self,
            key_name: &'static str,
            path: &Path<'_>,
            report: &mut Report,
        ) {
            check_raw_by(self.list, &self.key, key_name, path, report);
        }
    }

    /// `unique(by = key)` over keys built from their views.
    pub trait ValueKeyUnique {
        /// Reports each item whose key repeats an earlier one.
        fn __desk_check_unique_by(
            &self,
            key_name: &'static str,
            path: &Path<'_>,
            report: &mut Report,
        );
    }

    impl<'de, L, V, I, K, G> ValueKeyUnique for &&RawBy<'_, L, V, K::View<'de>, I, K, G>
    where
        L: List<Item = Option<V>> + ?Sized,
        K: JsonView + JsonEq,
        G: for<'v> Fn(&'v V) -> Option<&'v K::View<'de>>,
    {
        fn __desk_check_unique_by(
            &self,
            key_name: &'static str,
            path: &Path<'_>,
            report: &mut Report,
        ) {
            if let Some(items) = self.list.items().filter(|items| items.len() >= 2) {
                // A key holding a shape violation (a property its type
                // refuses, say) is no value of its type: it repeats
                // nothing, though its view may build one.
                let refused =
                    crate::validate::refused_keys(report, path, self.since, items.len(), key_name);
                let keys = built(items, &refused, |v| (self.key)(v).and_then(K::from_view));
                report_repeats(
                    &keys,
                    |k| k.as_ref().map(ByJson),
                    Some(key_name),
                    path,
                    report,
                );
            }
        }
    }

    /// The last level of `(&&RawItems(..)).__desk_check_unique(..)` and
    /// `(&&RawBy::new(..)).__desk_check_unique_by(..)`, taken where neither view
    /// nor value compares: where the typed item or key has no `Eq` and
    /// `Hash`, the typed check's error is then the
    /// only one, not a second naming the walk's types. Where the typed
    /// check compiles, building the code that calls it is an error
    /// (`Refused`): the walk never silently skips a check the typed
    /// value makes.
    pub trait Uncompared {
        /// Never built.
        fn __desk_check_unique(&self, path: &Path<'_>, report: &mut Report);
    }

    impl<T, L: ?Sized> Uncompared for RawItems<'_, '_, T, L> {
        fn __desk_check_unique(&self, _: &Path<'_>, _: &mut Report) {
            let () = Refused::<T>::BUILT;
        }
    }

    /// `Uncompared`, for `unique(by = key)`.
    pub trait UncomparedBy {
        /// Never built.
        fn __desk_check_unique_by(
            &self,
            key_name: &'static str,
            path: &Path<'_>,
            report: &mut Report,
        );
    }

    impl<L: ?Sized, V, KV: ?Sized, I, K: ?Sized, G> UncomparedBy for RawBy<'_, L, V, KV, I, K, G> {
        fn __desk_check_unique_by(&self, _: &'static str, _: &Path<'_>, _: &mut Report) {
            let () = Refused::<K>::BUILT;
        }
    }

    /// A compile error where it is built (`cargo build`; `cargo check` does
    /// not evaluate it): `Uncompared` for a `T` the walk cannot compare.
    struct Refused<T: ?Sized>(PhantomData<T>);

    impl<T: ?Sized> Refused<T> {
        const BUILT: () = panic!(
            "`unique`: the walk of raw JSON cannot compare these items or keys as the typed \
             check does (a key field read whole, such as a `#[desk(skip)]` one): compare by a \
             field with rules of its own"
        );
    }

    /// [`super::check_by`] over the views of a list read from raw JSON: items of the
    /// wrong shape (`None`) are left to the type checks, and items without the
    /// key (absent, or `null` for an optional key) have none.
    fn check_raw_by<L, V, K, F>(
        value: &L,
        key: F,
        key_name: &'static str,
        path: &Path<'_>,
        report: &mut Report,
    ) where
        L: List<Item = Option<V>> + ?Sized,
        K: Hash + Eq + ?Sized,
        F: for<'a> Fn(&'a V) -> Option<&'a K>,
    {
        if let Some(items) = value.items().filter(|items| items.len() >= 2) {
            report_repeats(
                items,
                |item| item.as_ref().and_then(&key),
                Some(key_name),
                path,
                report,
            );
        }
    }

    /// [`super::check`] over the views of a list read from raw JSON.
    pub fn check_raw<L, V>(value: &L, path: &Path<'_>, report: &mut Report)
    where
        L: List<Item = Option<V>> + ?Sized,
        V: Hash + Eq,
    {
        if let Some(items) = value.items().filter(|items| items.len() >= 2) {
            report_repeats(items, Option::as_ref, None, path, report);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::scan;

    /// `key::FloatKey` finds no key, and `key::FloatItems` no items, on the
    /// promise that the derive refuses every float key or item at compile
    /// time: each standard type they are for (`HoldsFloat`: a float, its
    /// view, or an `Option`, `Box`, `Vec`, slice or map of one) must compare
    /// otherwise than JSON. (A derived type's impl carries its own
    /// assertion: the derive's `holds_float`.)
    #[test]
    fn every_float_key_is_refused_by_the_derive() {
        use crate::types::{Facts, Top};
        assert!(
            ![
                <f32 as Facts<Top>>::JSON_EQ,
                <f64 as Facts<Top>>::JSON_EQ,
                <Option<f32> as Facts<Top>>::JSON_EQ,
                <Option<f64> as Facts<Top>>::JSON_EQ,
                <Option<Option<f64>> as Facts<Top>>::JSON_EQ,
                <Box<f64> as Facts<Top>>::JSON_EQ,
                <Vec<f32> as Facts<Top>>::JSON_EQ,
                <Box<[Option<f64>]> as Facts<Top>>::JSON_EQ,
                <std::collections::BTreeMap<String, f64> as Facts<Top>>::JSON_EQ,
                <std::collections::HashMap<String, Vec<f32>> as Facts<Top>>::JSON_EQ,
            ]
            .contains(&true)
        );
    }

    /// Every length the hash reads differently (none, 1 to 3 bytes, a half
    /// word, one to two words, up to 32 bytes, longer), with keys that differ
    /// in one byte only, at every place: each repeat is found, at its first
    /// occurrence, and nothing else is.
    #[test]
    fn finds_exactly_the_repeats_at_every_length() {
        for len in 0..=70usize {
            let mut keys: Vec<Vec<u8>> = (0..len)
                .map(|at| {
                    let mut key = vec![b'a'; len];
                    key[at] = b'b';
                    key
                })
                .collect();
            keys.push(vec![b'a'; len]);
            // Enough keys for the table (more than the pairwise limit).
            keys.extend((0..12u8).map(|i| {
                let mut key = vec![b'c'; len + 1];
                key[0] = i;
                key
            }));
            let distinct = keys.len();
            keys.extend(keys.clone().into_iter().rev().step_by(3));
            let mut found = Vec::new();
            scan(&keys, Some, |dup, first| found.push((dup, first)));
            let expected: Vec<(usize, usize)> = (distinct..keys.len())
                .map(|dup| {
                    (
                        dup,
                        keys.iter().position(|k| *k == keys[dup]).unwrap_or(dup),
                    )
                })
                .collect();
            assert_eq!(found, expected, "keys of {len} bytes");
        }
    }

    /// Keys of several strings and numbers: a string's last product is
    /// left open for the next write, and the next write closes it.
    #[test]
    fn finds_exactly_the_repeats_among_composite_keys() {
        let mut keys: Vec<(String, String, u8)> = (0..30u8)
            .map(|i| ("ab".repeat(usize::from(i)), "c".into(), i % 3))
            .collect();
        // Moving a byte from one string to the next makes another key.
        keys.push(("a".into(), "bc".into(), 1));
        keys.push(("ab".into(), "c".into(), 2));
        keys.extend([keys[4].clone(), keys[30].clone(), keys[0].clone()]);
        let mut found = Vec::new();
        scan(&keys, Some, |dup, first| found.push((dup, first)));
        assert_eq!(found, vec![(32, 4), (33, 30), (34, 0)]);
    }

    /// Only a `str`'s terminator joins its bytes' product: a byte written
    /// after bytes, or after the terminator, is multiplied on its own, so
    /// that no choice of bytes makes keys collide whatever the seeds (a grid
    /// of `(name, row, col)`, or bytes whose last one trades with the byte
    /// after them, all hashed alike when every byte joined the product).
    #[test]
    fn bytes_after_a_write_cannot_cancel_it() {
        use core::hash::{Hash, Hasher};
        fn hash(key: &impl Hash) -> u64 {
            let mut h = super::KeyHasher::new(super::KeyHasher::seeds());
            key.hash(&mut h);
            h.finish()
        }
        let mut hashes = std::collections::HashSet::new();
        for row in 0..=255u8 {
            for col in 0..=255u8 {
                assert!(hashes.insert(hash(&("account_0", row, col))));
            }
        }
        for (last, after) in (0..=255u8).flat_map(|l| [(l, 0u8), (l, 1), (l, 0xff)]) {
            let mut bytes = b"user_000".to_vec();
            bytes.push(last);
            assert!(hashes.insert(hash(&(bytes, after))));
        }
    }

    /// Writes the key numbered by the `u32` into the hasher.
    type Write = fn(u32, &mut super::KeyHasher);

    /// splitmix64 from `state`: seeds that repeat from one run to the next.
    fn splitmix(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Seeds drawn from `state`, as `KeyHasher::seeds` makes its own.
    fn seeds(state: &mut u64) -> [u64; 2] {
        super::KeyHasher::seeds_from(splitmix(state), splitmix(state))
    }

    /// The steps of probing that keys `0..n`, written by `write`, take in
    /// the table `scan` gives `n` items, with each of `runs` seeds drawn
    /// from `state`.
    fn probe_steps(n: u32, runs: usize, state: u64, write: Write) -> Vec<usize> {
        let mut state = state;
        let cap = super::slots_for(n as usize).unwrap();
        (0..runs)
            .map(|_| {
                let seeds = seeds(&mut state);
                let mut slots = vec![false; cap];
                let mut steps = 0;
                for i in 0..n {
                    let mut h = super::KeyHasher::new(seeds);
                    write(i, &mut h);
                    let mut at = super::home(core::hash::Hasher::finish(&h), cap - 1);
                    while slots[at] {
                        at = (at + 1) % cap;
                        steps += 1;
                    }
                    slots[at] = true;
                }
                steps
            })
            .collect()
    }

    /// Keys that differ only in their last bytes (sequential accounts,
    /// zero-padded or after a prefix, in decimal or hex) or in their low
    /// bits (sequential numbers) spread over the table whatever the seeds:
    /// 100 such keys in the 256 slots of a 100-member list take about 30
    /// steps of probing in all, and never many times that, over 300 seeds.
    /// (With the slot taken from the hash's low bits, the decimal accounts
    /// took 1,695 steps with one of them.)
    #[test]
    fn slots_spread_sequential_keys() {
        use core::hash::Hash;
        let families: [(&str, Write); 7] = [
            ("00...0", |i, h| format!("{i:0>32}").hash(h)),
            ("user_00...0", |i, h| format!("user_{i:027}").hash(h)),
            ("hex", |i, h| format!("{i:032x}").hash(h)),
            ("account_0", |i, h| format!("account_{i}").hash(h)),
            ("u64", |i, h| u64::from(i).hash(h)),
            ("u32 by 1,000", |i, h| (i * 1000).hash(h)),
            ("(name, u8)", |i, h| {
                ("row", u8::try_from(i).unwrap_or(0)).hash(h);
            }),
        ];
        for (family, write) in families {
            let steps = probe_steps(100, 300, 0x2545_F491_4F6C_DD1D, write);
            let mean = steps.iter().sum::<usize>() / steps.len();
            let worst = steps.iter().max().copied().unwrap_or_default();
            assert!(mean < 45, "{family}: {mean} steps on average");
            assert!(worst < 150, "{family}: {worst} steps with one seed");
        }
    }

    /// A thousand numbers a power of two apart take no more steps than a
    /// thousand random ones, over the same 200 seeds, at worst and on
    /// average. (With the slot from bits 32 and up of the product, not its
    /// top bits, numbers 2^41 to 2^53 apart took up to twice as many at
    /// worst: those bits of the product do not depend on the hash's top
    /// bits; helper-156.)
    #[test]
    fn slots_spread_numbers_a_power_of_two_apart() {
        use core::hash::Hash;
        let random = probe_steps(1000, 200, 7, |i, h| {
            splitmix(&mut u64::from(i)).hash(h);
        });
        let families: [(&str, Write); 6] = [
            ("i << 12", |i, h| (u64::from(i) << 12).hash(h)),
            ("i << 41", |i, h| (u64::from(i) << 41).hash(h)),
            ("i << 45", |i, h| (u64::from(i) << 45).hash(h)),
            ("i << 49", |i, h| (u64::from(i) << 49).hash(h)),
            ("!(i << 53)", |i, h| (!(u64::from(i) << 53)).hash(h)),
            ("u128 i << 108", |i, h| (u128::from(i) << 108).hash(h)),
        ];
        let mean = |steps: &[usize]| steps.iter().sum::<usize>() / steps.len();
        let worst = |steps: &[usize]| steps.iter().max().copied().unwrap_or_default();
        for (family, write) in families {
            let steps = probe_steps(1000, 200, 7, write);
            assert!(
                mean(&steps) * 10 <= mean(&random) * 11,
                "{family}: {} steps on average, random keys {}",
                mean(&steps),
                mean(&random)
            );
            assert!(
                worst(&steps) * 10 <= worst(&random) * 13,
                "{family}: {} steps at worst, random keys {}",
                worst(&steps),
                worst(&random)
            );
        }
    }

    /// Strings of different lengths whose words differ just as their
    /// lengths do hash apart, whatever the seeds: the length is multiplied
    /// by a seed. (Mixed into the last word as it was, by `^`, the bytes
    /// cancelled it: helper-156 found these nine valid accounts, and
    /// `"aabbb"` and `"aabbbb"`, hashed alike with every seed.)
    #[test]
    fn a_length_cannot_be_cancelled_by_the_bytes() {
        use core::hash::{Hash, Hasher};
        let mut keys: Vec<String> = (24..=32u8)
            .map(|len| {
                let mut key = "00000007".to_string();
                key.extend(core::iter::repeat_n('a', usize::from(len) - 16));
                key.push(char::from(0x41 ^ len));
                key.push_str("aaaaaaa");
                key
            })
            .collect();
        keys.extend(["aabbb".into(), "aabbbb".into()]);
        let mut state = 11;
        for _ in 0..100 {
            let seeds = seeds(&mut state);
            let hashes: std::collections::HashSet<u64> = keys
                .iter()
                .map(|key| {
                    let mut h = super::KeyHasher::new(seeds);
                    key.hash(&mut h);
                    h.finish()
                })
                .collect();
            assert_eq!(hashes.len(), keys.len(), "{keys:?} with seeds {seeds:?}");
        }
    }

    /// Numbers hash through their own writes (`write_u16`, `write_u32`, ...).
    #[test]
    fn finds_exactly_the_repeats_among_numbers() {
        fn repeats<K: core::hash::Hash + Eq>(keys: &[K]) -> Vec<(usize, usize)> {
            let mut found = Vec::new();
            scan(keys, Some, |dup, first| found.push((dup, first)));
            found
        }
        let expected = vec![(40, 3), (41, 39), (42, 0)];
        let mut base: Vec<u64> = (0..40).map(|i| i * 1_000_003).collect();
        base.extend([base[3], base[39], base[0]]);
        assert_eq!(repeats(&base), expected);
        let as_u32: Vec<u32> = base.iter().map(|&k| u32::try_from(k).unwrap()).collect();
        assert_eq!(repeats(&as_u32), expected);
        let small: Vec<i16> = base
            .iter()
            .map(|&k| i16::try_from(k % 30_000).unwrap() - 15_000)
            .collect();
        assert_eq!(repeats(&small), expected);
        let as_char: Vec<char> = (0..40u32)
            .map(|i| char::from_u32(0x4E00 + i).unwrap())
            .chain(['\u{4E03}', '\u{4E27}', '\u{4E00}'])
            .collect();
        assert_eq!(repeats(&as_char), expected);
    }
}
