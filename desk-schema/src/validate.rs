//! The traits the derive implements, and their implementations for the
//! standard types a field can have.

use std::borrow::Cow;

use serde::Deserializer;
use serde_json::Value;

use crate::walk::{self, Scalar, Walk, scalar};
use crate::{Actual, JsonType, Kind, Path, Report};

/// A type whose values can be checked against its rules.
///
/// Derive it with `#[derive(Validate)]`. `validate()` checks with the default
/// context; `validate_with(&ctx)` with a given one, which also reaches nested
/// types.
///
/// ```
/// use desk_schema::Validate;
///
/// #[derive(Validate, serde::Deserialize)]
/// struct Greeting {
///     /// At most 12 bytes of UTF-8.
///     #[desk(max_bytes = 12)]
///     text: String,
/// }
///
/// assert!(Greeting { text: "你好世界".into() }.validate().is_ok()); // 12 bytes
/// let report = Greeting { text: "你好，世界".into() }.validate().unwrap_err();
/// assert_eq!(report.to_string(), "/text: 15 bytes in UTF-8 (5 characters); at most 12 bytes");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `Validate`",
    label = "`{Self}` does not derive `Validate`",
    note = "add `#[derive(desk_schema::Validate)]` to `{Self}`, with its rules in `#[desk(...)]`"
)]
pub trait Validate {
    /// Configuration that rules may read (`()` when none is declared).
    type Context: Default;

    /// Checks every rule with the default context. Passing allocates nothing.
    ///
    /// # Errors
    ///
    /// A [`Report`] of every violation, in the order of [`Report::sort`]
    /// (by path), the order the raw paths and the npm package give too.
    fn validate(&self) -> Result<(), Report> {
        self.validate_with(&Self::Context::default())
    }

    /// Checks every rule with `ctx`.
    ///
    /// # Errors
    ///
    /// As [`Validate::validate`].
    fn validate_with(&self, ctx: &Self::Context) -> Result<(), Report>;

    /// Checks every rule with the default context, proving the value
    /// ([`Valid`](crate::Valid)) or giving it back with the report.
    ///
    /// # Errors
    ///
    /// [`Rejected`](crate::Rejected): the value, given back, with the report.
    fn validate_into(self) -> Result<crate::Valid<Self>, crate::Rejected<Self>>
    where
        Self: Sized,
    {
        crate::valid::check(self, &Self::Context::default())
    }

    /// [`Validate::validate_into`] with `ctx`.
    ///
    /// # Errors
    ///
    /// As [`Validate::validate_into`].
    fn validate_into_with(
        self,
        ctx: &Self::Context,
    ) -> Result<crate::Valid<Self>, crate::Rejected<Self>>
    where
        Self: Sized,
    {
        crate::valid::check(self, ctx)
    }
}

/// A type that derives [`Validate`], as the functions that read JSON need
/// it: [`Validate`], and the walk of raw JSON with the type's own context
/// ([`ValidateIn`]`<Self::Context>`).
///
/// Implemented for every such type: it is the bound of
/// [`from_json_str`](crate::from_json_str), [`validate_value`](crate::validate_value)
/// and their kin, so that a type that does not derive `Validate` is one
/// error there. A generic function that calls them can bound its type by
/// it too.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `Validate`",
    label = "`{Self}` does not derive `Validate`",
    note = "add `#[derive(desk_schema::Validate)]` to `{Self}`, with its rules in `#[desk(...)]`",
    note = "if `{Self}` derives it, a type it holds declares a `#[desk(context = ...)]` that `{Self}` does not: check `{Self}` inside a type that declares that context",
    note = "if `{Self}` is a generic type that derives it, a type argument may not be what its fields ask: a map key parameter takes a string type (`KeyParam`), a nested one a type that derives `Validate`, one in a `#[serde(default)]` field a type with `Default` (serde asks it of the parameter)"
)]
pub trait ValidateJson: Validate + ValidateIn<<Self as Validate>::Context> {}

#[diagnostic::do_not_recommend]
impl<T: Validate + ValidateIn<<T as Validate>::Context> + ?Sized> ValidateJson for T {}

/// What a raw JSON value is read as once its shape is right: borrowed text
/// for strings, the number for integers, each item's view for lists, and a
/// struct of field views for derived types. Rules check views; a view of a
/// complete value converts back to the type. Every such type compares as
/// its JSON does ([`crate::JsonEq`], what `unique` asks), so that a bound
/// a generic type needs to read a field gives `unique` what it needs too.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `Validate`",
    label = "`{Self}` does not derive `Validate`",
    note = "derive `Validate` for `{Self}`, or mark the field that holds it `#[desk(skip)]`"
)]
pub trait JsonView: crate::JsonEq {
    /// The view of a value read from JSON that borrows from the input `'de`.
    type View<'de>;

    /// The typed value, when the view is complete (every required field
    /// present and of the right shape).
    fn from_view(view: &Self::View<'_>) -> Option<Self>
    where
        Self: Sized;

    /// The JSON types serde's own `Deserialize` reads this type from (bits
    /// of `__private::types`): what decides which variant of an untagged
    /// enum a value goes to. Every type whose bits are not known is taken
    /// to read from any JSON type.
    #[doc(hidden)]
    const JSON_TYPES: u8 = crate::types::ANY;

    /// The JSON types the walk reads this type from: [`Self::JSON_TYPES`],
    /// except that a struct is an object only (serde also reads it from an
    /// array; the walk and the schema do not). An untagged enum sends a
    /// value to the variant that reads its type, and names these types when
    /// none does.
    #[doc(hidden)]
    const WALK_TYPES: u8 = Self::JSON_TYPES;
}

/// The walk behind [`Validate`], for a value inside a larger document and for
/// its raw JSON form.
///
/// `C` is the context of the outermost type. The derive implements this for
/// every `C` when a type declares no context of its own, so a type without
/// configuration nests inside any other.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `Validate`, or declares a `#[desk(context = ...)]` that the type holding it does not",
    label = "`{Self}` cannot be checked here",
    note = "derive `Validate` for `{Self}`, or mark the field that holds it `#[desk(skip)]`",
    note = "a type with `#[desk(context = X)]` is checked in `X` alone (one without, in any context): declare `#[desk(context = X)]` on the types that hold it, a generic one among them when it checks a default over its parameter (it checks defaults in `()`)"
)]
pub trait ValidateIn<C: ?Sized>: JsonView {
    /// Checks the rules of `self` and of every nested value, recording
    /// violations at paths below `path`.
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report);

    /// Reads a JSON value from `deserializer` as if it were deserialized into
    /// `Self`, checking its JSON types, required and unknown properties and
    /// every rule as it goes, without building a tree. Returns the value's
    /// view when its own JSON type is right. An `Err` is the input's own
    /// error (malformed JSON), after which nothing more can be read.
    ///
    /// Whether serde's typed parse, held to the walk's reading of JSON
    /// (structs as objects only, unit variants as strings), reads exactly
    /// what the walk reads, and `validate()` then reports exactly what the
    /// walk reports: `from_json_str` may then take the typed parse as its
    /// fast path. False where serde reads through its own buffer
    /// (internally and adjacently tagged enums), reads maps (a repeated key
    /// is kept silently) or a skipped field (read whole, by the walk from a
    /// `serde_json::Value`), and where a field has a serde default (one that
    /// breaks the field's rules is `required` to the walk).
    #[doc(hidden)]
    const SERDE_SAME: bool;

    /// Written by the derive; not for calling or implementing by hand.
    #[doc(hidden)]
    fn check_de<'de, D: Deserializer<'de>>(
        deserializer: D,
        ctx: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<Self::View<'de>>, D::Error>;
}

/// [`Leaf`], written by one line: `leaf!(impl {generics} for Type)` for a
/// plain value (`Checked` is `Self`), `... => Checked` for a container,
/// whose `Checked` names its items' (for an alias of a container, which
/// the derive gates whole: `type Names = Vec<Mine>` is then `Mine`'s one
/// error, not the container's many).
macro_rules! leaf {
    (impl $({$($g:tt)*})? for $t:ty) => {
        leaf!(impl $({$($g)*})? for $t => Self);
    };
    (impl $({$($g:tt)*})? for $t:ty => $checked:ty) => {
        impl $(<$($g)*>)? Leaf for $t {
            type Checked = $checked;
        }
    };
}

/// A type with no rules of its own: a field of it needs no `nested`.
///
/// Types that derive `Validate` are not `Leaf`, which is how a missing
/// `#[desk(nested)]` becomes a compile error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a plain value: if it derives `Validate`, mark the field `#[desk(nested)]`; otherwise mark it `#[desk(skip)]`",
    label = "rules on a field of type `{Self}`",
    note = "rules check strings, numbers and `bool`s, and the standard library's lists, sets and maps of them; a type of the standard library's that is none of those (`PathBuf`, `NonZeroU8`), or another crate's, cannot derive `Validate`: hold the value as one of those types, or skip the field"
)]
pub trait Leaf {
    /// `Self`: the derive writes the type of a field with rules and no
    /// `nested`, when it is not the standard library's, as
    /// `<T as Leaf>::Checked`, so that a type that is not `Leaf` (one of
    /// the user's, derived or not; `PathBuf`) is one error, in these words,
    /// rather than one for each generated item that names it.
    #[doc(hidden)]
    type Checked: ?Sized;

    /// Runs the type's own check (what it holds beyond JSON's reach, as a
    /// `u128` past 64 bits; for most types nothing). Written by the derive
    /// for a field with rules and no `nested`, as `<T as Leaf>::…`, so that
    /// a type that is not `Leaf` is one error naming only this trait.
    #[doc(hidden)]
    #[inline]
    fn validate_leaf<C: ?Sized>(&self, ctx: &C, path: &Path<'_>, report: &mut Report)
    where
        Self: ValidateIn<C>,
    {
        self.validate_in(ctx, path, report);
    }
}

/// A type the derive refuses where it sees it written, refused by [`Leaf`]
/// where it cannot see it (behind an alias), in the derive's words: a
/// trait no type implements, whose error is the refusal, and the impl of
/// `Leaf` that asks it. (`do_not_recommend` keeps that impl out of the list
/// of `Leaf`'s types in other errors; rustc still says this trait's words.)
macro_rules! refused {
    ($(#[$doc:meta])* $name:ident, $message:literal, $label:literal, impl {$($g:tt)*} for $t:ty) => {
        $(#[$doc])*
        #[doc(hidden)]
        #[diagnostic::on_unimplemented(message = $message, label = $label)]
        pub trait $name {
            /// Never: no type implements the trait.
            type Checked: ?Sized;
        }
        #[diagnostic::do_not_recommend]
        impl<$($g)*> Leaf for $t
        where
            Self: $name,
        {
            type Checked = <Self as $name>::Checked;
        }
    };
}

refused!(
    /// A reference (`type Text<'a> = &'a str`).
    Borrowed,
    "a borrowed field cannot hold every valid JSON string (serde fails on one with escapes, which a JSON Schema cannot see); use `Cow<'a, str>` with `#[serde(borrow)]`, which borrows from the text where it can, or `String`",
    "a borrowed type, through an alias",
    impl {T: ?Sized} for &T
);
refused!(
    /// A fixed-size array (`type Pair = [String; 2]`).
    FixedSize,
    "a fixed-size array is not supported; use a `Vec` with `min_items` and `max_items`",
    "a fixed-size array, through an alias",
    impl {T, const N: usize} for [T; N]
);

/// What `#[desk(nested)]` checks in a type whose context is `C` (`()` for a
/// type that declares none): a type checked in that context. The derive
/// implements it for every `C` on a type without `#[desk(context = ...)]`,
/// and for its own context on a type with one; a container holds it when
/// its items do.
///
/// The derive writes a nested field's own types as
/// `<<T as Nested>::Checked as InContext<C>>::Checked`: a type that does not
/// derive `Validate` is the error of [`Nested`], one with another context
/// this one.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is checked with another context than `{C}`, the context of the type that holds it",
    label = "`{Self}` declares another `#[desk(context = ...)]`",
    note = "a type without `#[desk(context = ...)]` has the context `()`; declare the same context on both types (a type's context reaches the types it nests), or mark the field `#[desk(skip)]`"
)]
pub trait InContext<C> {
    /// `Self`, as the derive names it (a container: of its items'
    /// `Checked`).
    type Checked: ?Sized;
}

/// What `#[desk(nested)]` checks: a type that derives `Validate`, or a
/// standard type or container the derive knows.
///
/// The derive writes a nested field's own types as `<T as Nested>::Checked`,
/// so that a type that does not derive `Validate` is one error, in these
/// words, rather than one for each generated item that names it.
/// `#[diagnostic::on_unimplemented]` for the traits `#[desk(nested)]`
/// asks of a type ([`Nested`], [`Gate`]): one wording for both.
macro_rules! nested_words {
    ($item:item) => {
        #[doc(hidden)]
        #[diagnostic::on_unimplemented(
            message = "`{Self}` does not derive `Validate`, so `#[desk(nested)]` cannot check it",
            label = "`{Self}` does not derive `Validate`",
            note = "derive `Validate` for `{Self}`, or mark the field `#[desk(skip)]` (then only read as serde reads it)"
        )]
        $item
    };
}

nested_words! {
/// A nested type as the derive names a field's type that names no type
/// parameter of the deriving type: `Self` with each type argument written
/// as its own `Gated` (a container's items, a derived generic type's
/// arguments its nested fields hold). A type argument that does not
/// derive `Validate` (`Wrapper<NotDerived>`) is then one error, at the
/// field, rather than one for each generated item that asks the outer
/// type for a trait (which an impl without the argument's bound would
/// still be chosen for).
pub trait Gate {
    /// `Self`, its type arguments through their own `Gated`.
    type Gated: ?Sized;
}
}

/// [`Gate`] of a derived generic type, which its [`Gate`] impl passes on:
/// the arguments' own [`Gate`] is asked here, in an impl rustc names, so a
/// type argument that does not derive `Validate` is reported as itself (in
/// [`Gate`]'s words), while every [`Gate`] impl stays out of the list of
/// types rustc suggests for another.
#[doc(hidden)]
pub trait GateArgs {
    /// `Self`, its type arguments through their own [`Gate::Gated`].
    type Gated: ?Sized;
}

/// What serde's derive asks of a derived generic type's arguments beyond
/// reading them: `Default` for a parameter a defaulted field holds,
/// `BuildHasher + Default` for a hasher, the type's own `Default` for a
/// container's `#[serde(default)]`. The derive names a nested field's type
/// that holds a type parameter of the deriving type through it, where the
/// impls' bounds answer for the rest: a missing bound is one error, at the
/// field, rather than one for each generated item that asks the type for a
/// trait.
#[doc(hidden)]
pub trait SerdeBounds {
    /// `Self`.
    type Checked: ?Sized;
}

nested_words! {
pub trait Nested {
    /// `Self`, as the derive names it (a container: of its items'
    /// `Checked`).
    type Checked: ?Sized;

    /// A derived struct's fields' Rust names, in declaration order (none
    /// for other types).
    const RUST_NAMES: &'static [&'static str] = &[];
    /// Each field's JSON name, in the same order (the Rust names, unless
    /// serde renames one).
    const JSON_NAMES: &'static [&'static str] = Self::RUST_NAMES;

    /// The Rust names of the fields that are no key for `unique(by = ...)`,
    /// since the paths would compare them otherwise: those serde fills in
    /// where the JSON has none (a default other than an `Option`'s `None`,
    /// `skip`, `skip_deserializing`: the typed value holds a value, the JSON
    /// nothing), and those desk-schema reads whole (`#[desk(skip)]`: the walk
    /// has no view of them to compare).
    const NO_KEYS: &'static [&'static str] = &[];

    /// The JSON name of the field named `rust` in Rust.
    #[inline]
    #[must_use]
    fn json_name(rust: &str) -> Option<&'static str> {
        let i = Self::RUST_NAMES.iter().position(|name| *name == rust)?;
        Self::JSON_NAMES.get(i).copied()
    }
}
}

/// A map key the walk and the schema read as serde does: the property name
/// itself, as text. Serde reads a key of another type (an enum, a newtype,
/// a number) by that type's own rules, from the string, which neither the
/// walk nor a JSON Schema follows.
///
/// The derive writes a map key that is not a standard string type as
/// `<K as MapKey>::Checked` (an alias of `String` passes), so that any
/// other key is one error, in these words; and it bounds a type parameter
/// used as a key (`BTreeMap<K, V>` in `G<K>`) by it, so that `G<Color>` is
/// that error where it is written. Sealed: the standard string types alone
/// are read as serde reads them.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a map key: desk-schema reads a key as the property name's text",
    label = "a map key must be a string type",
    note = "serde reads a key of another type (an enum, a newtype, a number) from the string by that type's own rules, which the walk and the JSON Schema cannot follow",
    note = "use a `String` key (or `Box<str>`), and check the keys with `#[desk(keys(...))]`, e.g. `keys(one_of(\"a\", \"b\"))`"
)]
pub trait MapKey {
    /// `Self`.
    type Checked: ?Sized;
}

/// What the maps' impls and a key parameter's bound (`K` in
/// `BTreeMap<K, V>` of a generic type) ask of a key: a [`MapKey`] of the
/// standard string types (sealed), which converts from and to the
/// property name's text. [`MapKey`] itself asks nothing more, so that a
/// key that is none (`Option<K>`) is one error, not one for each of these.
/// Each type is an impl of its own, so that a type that is none is one
/// error too, not one for each bound it misses.
///
/// The derive bounds a type parameter used as a key by it (`K` in
/// `Keyed<K, V>` with `entries: BTreeMap<K, V>`). A generic type that
/// passes its parameter on to such a type (`Outer<K>` holding
/// `Keyed<K, u8>`) bounds it itself: `Outer<K: Ord + KeyParam>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a map key: desk-schema reads a key as the property name's text",
    label = "a map key must be a string type",
    note = "use a `String` key (or `Box<str>`), and check the keys with `#[desk(keys(...))]`, e.g. `keys(one_of(\"a\", \"b\"))`"
)]
pub trait KeyParam:
    MapKey
    + key::Sealed
    + for<'a> From<&'a str>
    + AsRef<str>
    + Ord
    + core::hash::Hash
    + crate::JsonEq
    + schemars::JsonSchema
{
}

mod key {
    /// Only the standard string types are map keys.
    pub trait Sealed {}
}

/// The standard string types, each a [`MapKey`] and a [`KeyParam`].
macro_rules! map_keys {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl MapKey for $t {
            type Checked = Self;
        }
        impl key::Sealed for $t {}
        impl KeyParam for $t {}
    )*};
}
map_keys!(String, Box<str>, std::rc::Rc<str>, std::sync::Arc<str>);

// A container's `Checked` names its items' `Checked` (for a type alias of
// a container, which the derive gates whole). None is listed in the gate's
// error: the derive gates the items, never a container it can see.
#[diagnostic::do_not_recommend]
impl<T: Nested<Checked: Sized>> Nested for Option<T> {
    type Checked = Option<T::Checked>;
}
#[diagnostic::do_not_recommend]
impl<T: Nested<Checked: Sized> + ?Sized> Nested for Box<T> {
    type Checked = Box<T::Checked>;
    // A boxed struct's fields are its own, as serde reads them
    // (`unique(by = field)` on a list of boxed items).
    const RUST_NAMES: &'static [&'static str] = T::RUST_NAMES;
    const JSON_NAMES: &'static [&'static str] = T::JSON_NAMES;
    const NO_KEYS: &'static [&'static str] = T::NO_KEYS;
}
#[diagnostic::do_not_recommend]
impl<T: Nested<Checked: Sized>> Nested for Vec<T> {
    type Checked = Vec<T::Checked>;
}
#[diagnostic::do_not_recommend]
impl<T: Nested<Checked: Sized>> Nested for Box<[T]> {
    type Checked = Box<[T::Checked]>;
}
#[diagnostic::do_not_recommend]
impl<K, V: Nested<Checked: Sized>, S> Nested for std::collections::HashMap<K, V, S> {
    type Checked = std::collections::HashMap<K, V::Checked, S>;
}
#[diagnostic::do_not_recommend]
impl<K, V: Nested<Checked: Sized>> Nested for std::collections::BTreeMap<K, V> {
    type Checked = std::collections::BTreeMap<K, V::Checked>;
}
#[diagnostic::do_not_recommend]
impl<T: Nested<Checked: Sized>, S> Nested for std::collections::HashSet<T, S> {
    type Checked = std::collections::HashSet<T::Checked, S>;
}
#[diagnostic::do_not_recommend]
impl<T: Nested<Checked: Sized>> Nested for std::collections::BTreeSet<T> {
    type Checked = std::collections::BTreeSet<T::Checked>;
}

// A container's `Gated` names its items' `Gated`, asked in an impl of
// `GateArgs` as for a derived generic type: an item that does not derive
// `Validate` (`Wrapper<Vec<NotDerived>>`) is then reported as itself, not
// as the container.
macro_rules! gate_containers {
    ($([$($params:tt)*] [$($bounded:tt)*] $t:ty => $gated:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<$($params)*> Gate for $t where $t: GateArgs {
            type Gated = <$t as GateArgs>::Gated;
        }
        impl<$($bounded)*> GateArgs for $t {
            type Gated = $gated;
        }
    )*};
}

gate_containers! {
    [T] [T: Gate<Gated: Sized>] Option<T> => Option<T::Gated>;
    // `Box<[T]>` through `[T]`.
    [T: ?Sized] [T: Gate + ?Sized] Box<T> => Box<T::Gated>;
    [T] [T: Gate<Gated: Sized>] [T] => [T::Gated];
    [T] [T: Gate<Gated: Sized>] Vec<T> => Vec<T::Gated>;
    // A key through `MapKey`, for an alias of a map (`type M =
    // BTreeMap<Color, T>`): the derive gates a key it can see.
    [K, V, S] [K: MapKey<Checked: Sized>, V: Gate<Gated: Sized>, S: core::hash::BuildHasher + Default]
        std::collections::HashMap<K, V, S> => std::collections::HashMap<K::Checked, V::Gated, S>;
    [K, V] [K: MapKey<Checked: Sized>, V: Gate<Gated: Sized>] std::collections::BTreeMap<K, V> =>
        std::collections::BTreeMap<K::Checked, V::Gated>;
    // A set's items with what the set asks of them (`Ord`; `Eq + Hash`),
    // a hasher with what serde asks (`Env<BTreeSet<Color>>` without `Ord`
    // on `Color` is then one error, at the gate).
    [T, S] [T: Gate<Gated: Sized> + Eq + core::hash::Hash, S: core::hash::BuildHasher + Default]
        std::collections::HashSet<T, S> => std::collections::HashSet<T::Gated, S>;
    [T] [T: Gate<Gated: Sized> + Ord] std::collections::BTreeSet<T> =>
        std::collections::BTreeSet<T::Gated>;
}

// A container is checked in the context its items are checked in (for a
// type alias of a container, which the derive gates whole).
macro_rules! in_context_containers {
    ($([$($params:tt)*] $t:ty => $checked:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<C, $($params)*> InContext<C> for $t {
            type Checked = $checked;
        }
    )*};
}

in_context_containers! {
    [T: InContext<C, Checked: Sized>] Option<T> => Option<T::Checked>;
    [T: InContext<C, Checked: Sized>] Box<T> => Box<T::Checked>;
    [T: InContext<C, Checked: Sized>] Vec<T> => Vec<T::Checked>;
    [T: InContext<C, Checked: Sized>] Box<[T]> => Box<[T::Checked]>;
    [K, V: InContext<C, Checked: Sized>, S] std::collections::HashMap<K, V, S> =>
        std::collections::HashMap<K, V::Checked, S>;
    [K, V: InContext<C, Checked: Sized>] std::collections::BTreeMap<K, V> =>
        std::collections::BTreeMap<K, V::Checked>;
    [T: InContext<C, Checked: Sized>, S] std::collections::HashSet<T, S> =>
        std::collections::HashSet<T::Checked, S>;
    [T: InContext<C, Checked: Sized>] std::collections::BTreeSet<T> =>
        std::collections::BTreeSet<T::Checked>;
}

/// A set's item type as the derive names it in a `#[desk(nested)]` field
/// (`S`, the set, is `BTreeSet<()>` or `HashSet<()>`): `Self`, bounded by
/// what the set asks of its items (`Ord`; `Eq` and `Hash`: `sets!`), as serde's
/// `Deserialize` of the set and the walk (which builds one) ask it. An item
/// type without them is then rustc's error at the item type, which it gives
/// once for the generated items that ask the set for a trait of ours.
#[doc(hidden)]
pub trait SetItem<S> {
    /// `Self`.
    type Item;
}

/// A value whose constants are the same at every depth: its own.
macro_rules! facts {
    ($($t:ty)*) => {$(
        #[diagnostic::do_not_recommend]
        impl Nested for $t {
            type Checked = Self;
        }
        #[diagnostic::do_not_recommend]
        impl Gate for $t {
            type Gated = Self;
        }
        #[diagnostic::do_not_recommend]
        impl<C> InContext<C> for $t {
            type Checked = Self;
        }
        impl<D> crate::types::Facts<D> for $t {
            // As the type's own check says (false for `Value`, whose
            // repeated keys only the walk sees).
            const SERDE_SAME: bool = <$t as ValidateIn<()>>::SERDE_SAME;
            const JSON_TYPES: u8 = <$t as JsonView>::JSON_TYPES;
            const WALK_TYPES: u8 = <$t as JsonView>::WALK_TYPES;
            // `u128` and `i128` are the only 16-byte integers.
            const WIDE_INTEGER: bool = core::mem::size_of::<$t>() == 16
                && <$t as JsonView>::JSON_TYPES == crate::types::INTEGER;
            // Floats (any number: `1` and `1.0`, and rounding) and
            // `serde_json::Value` (any type) compare otherwise than JSON.
            const UNEQUAL: u16 = match <$t as JsonView>::JSON_TYPES {
                crate::types::NUMBER => crate::types::unequal::FLOAT,
                crate::types::ANY => crate::types::unequal::VALUE,
                _ => 0,
            };
        }
    )*};
}

/// A plain `Copy` value: its own view, and no rules of its own.
macro_rules! plain_copy {
    ($t:ty, $types:ident) => {
        facts!($t);
        leaf!(impl for $t);
        impl JsonView for $t {
            type View<'de> = $t;
            const JSON_TYPES: u8 = crate::types::$types;
            fn from_view(view: &$t) -> Option<Self> {
                Some(*view)
            }
        }
    };
}

macro_rules! string_like {
    ($($t:ty)*) => {$(
        facts!($t);
        leaf!(impl for $t);
        impl JsonView for $t {
            type View<'de> = Cow<'de, str>;
            const JSON_TYPES: u8 = crate::types::STRING;
            fn from_view(view: &Cow<'_, str>) -> Option<Self> {
                Some(<$t>::from(&**view))
            }
        }
        impl<C: ?Sized> ValidateIn<C> for $t {
            const SERDE_SAME: bool = true;
            #[inline]
            fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
            fn check_de<'de, D: Deserializer<'de>>(de: D, _: &C, path: &Path<'_>, walk: &mut Walk) -> Result<Option<Cow<'de, str>>, D::Error> {
                Ok(match scalar(de)? {
                    Scalar::Str(s) => Some(s),
                    other => {
                        walk.type_error(path, "string", other.json_type());
                        None
                    }
                })
            }
        }
    )*};
}
string_like!(String Box<str> std::sync::Arc<str> std::rc::Rc<str>);

leaf!(impl for Cow<'_, str>);
facts!(Cow<'_, str> Value);
impl JsonView for Cow<'_, str> {
    type View<'de> = Cow<'de, str>;
    const JSON_TYPES: u8 = crate::types::STRING;
    /// Always owned: the typed value outlives the input.
    fn from_view(view: &Cow<'_, str>) -> Option<Self> {
        Some(Cow::Owned(view.clone().into_owned()))
    }
}
impl<C: ?Sized> ValidateIn<C> for Cow<'_, str> {
    const SERDE_SAME: bool = true;
    #[inline]
    fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
    fn check_de<'de, D: Deserializer<'de>>(
        de: D,
        ctx: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<Cow<'de, str>>, D::Error> {
        <String as ValidateIn<C>>::check_de(de, ctx, path, walk)
    }
}

// A `char` is a string of exactly one character, as serde reads it (and as
// schemars writes it: `minLength` and `maxLength` 1). Any other string does
// not match the field's type, as a `#[desk(skip)]` field's value that does
// not deserialize (the schema of the two is the same, so every path says
// the same).
plain_copy!(char, STRING);
impl<C: ?Sized> ValidateIn<C> for char {
    const SERDE_SAME: bool = true;
    #[inline]
    fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
    fn check_de<'de, D: Deserializer<'de>>(
        de: D,
        _: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<char>, D::Error> {
        Ok(match scalar(de)? {
            Scalar::Str(s) => {
                let mut chars = s.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    Some(c)
                } else {
                    walk.report.push(path, crate::walk::field::not_its_type());
                    None
                }
            }
            other => {
                walk.type_error(path, "string", other.json_type());
                None
            }
        })
    }
}

plain_copy!(bool, BOOLEAN);
impl<C: ?Sized> ValidateIn<C> for bool {
    const SERDE_SAME: bool = true;
    #[inline]
    fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
    fn check_de<'de, D: Deserializer<'de>>(
        de: D,
        _: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<bool>, D::Error> {
        Ok(match scalar(de)? {
            Scalar::Bool(b) => Some(b),
            other => {
                walk.type_error(path, "boolean", other.json_type());
                None
            }
        })
    }
}

/// Floats: the view is the number as the field's type holds it ([`Actual`]:
/// the double `serde_json` reads, rounded to the type as serde rounds it,
/// `as`; an integer literal converted as serde converts it, `as` too), so
/// that `range` judges the value `validate()` sees (`1.00000001` rounds to
/// `1.0f32`, within `range(max = 1)`), and a violation quotes the figure
/// `validate()` quotes (`91.0`, however the text spells it); the schema's
/// bounds on an `f32` are the doubles that round within the rule's
/// (`rules::range::schema`). An integer literal's verdict is its exact
/// value's: `range` takes no bound where the type cannot tell an integer
/// from its neighbours, and rounding keeps the order. A number the type
/// cannot hold (an `f32` given `1e39`, which would convert to infinity) is
/// `range`, as `serde_json` refuses it;
/// and so is a typed value that is not finite (infinity, NaN), which no
/// JSON number can be (`serde_json` writes it as `null`), and which serde
/// makes of `1e39` where it reads an `f32` through its buffer (an
/// internally tagged enum's content).
macro_rules! floats {
    ($($t:ty)*) => {$(
        facts!($t);
        leaf!(impl for $t);
        impl JsonView for $t {
            type View<'de> = Actual;
            const JSON_TYPES: u8 = crate::types::NUMBER;
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            fn from_view(view: &Actual) -> Option<Self> {
                Some(match *view {
                    Actual::Integer(i) => i as $t,
                    Actual::Float(f) => f as $t,
                })
            }
        }
        impl<C: ?Sized> ValidateIn<C> for $t {
            const SERDE_SAME: bool = true;
            #[inline]
            fn validate_in(&self, _: &C, path: &Path<'_>, report: &mut Report) {
                if !self.is_finite() {
                    report.push_unreadable(
                        path,
                        Kind::Range {
                            min: None,
                            max: None,
                            actual: Some(Actual::Float(f64::from(*self))),
                        },
                    );
                }
            }
            fn check_de<'de, D: Deserializer<'de>>(
                de: D,
                _: &C,
                path: &Path<'_>,
                walk: &mut Walk,
            ) -> Result<Option<Actual>, D::Error> {
                #[allow(
                    clippy::cast_possible_truncation,
                    reason = "the conversion serde makes, tested for infinity"
                )]
                let past = |f: f64| (f as $t).is_infinite();
                Ok(match scalar(de)? {
                    // Past what the type holds (an `f32` given `1e39`):
                    // serde_json refuses to read it as one, and converting
                    // it would give infinity, which JSON cannot say.
                    Scalar::F64(f) if past(f) => {
                        walk.report.push(
                            path,
                            Kind::Range {
                                min: None,
                                max: None,
                                actual: Some(Actual::Float(f)),
                            },
                        );
                        None
                    }
                    // Held as the type holds it: `f64::from` widens exactly.
                    #[allow(
                        clippy::cast_possible_truncation,
                        clippy::unnecessary_cast,
                        reason = "serde's own rounding, then back exactly"
                    )]
                    Scalar::F64(f) => Some(Actual::Float(f64::from(f as $t))),
                    #[allow(
                        clippy::cast_precision_loss,
                        reason = "serde's own conversion of an integer to a float"
                    )]
                    Scalar::I64(i) => Some(Actual::Float(f64::from(i as $t))),
                    #[allow(
                        clippy::cast_precision_loss,
                        reason = "serde's own conversion of an integer to a float"
                    )]
                    Scalar::U64(u) => Some(Actual::Float(f64::from(u as $t))),
                    other => {
                        walk.type_error(path, "number", other.json_type());
                        None
                    }
                })
            }
        }
    )*};
}
floats!(f32 f64);

leaf!(impl for Value);
impl JsonView for Value {
    type View<'de> = Value;
    const JSON_TYPES: u8 = crate::types::ANY;
    fn from_view(view: &Value) -> Option<Self> {
        Some(view.clone())
    }
}
/// A `Value` is read whole, as serde reads it, except that a key given
/// twice in an object inside it is a `duplicate_key` (serde keeps the last
/// silently): so the typed parse, which cannot see it, is not the walk's
/// answer (`SERDE_SAME` is false).
impl<C: ?Sized> ValidateIn<C> for Value {
    const SERDE_SAME: bool = false;
    #[inline]
    fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
    fn check_de<'de, D: Deserializer<'de>>(
        de: D,
        _: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<Value>, D::Error> {
        serde::de::DeserializeSeed::deserialize(crate::walk::Buffered { path, walk }, de).map(Some)
    }
}

/// Whether a double `serde_json` read lies past what 64 bits hold, where
/// any spelling of a whole number is out of range rather than a `type`
/// error (`1e30` for an integer field). -2^63 itself is past: it is also
/// what a literal just below `i64::MIN` rounds to.
pub(crate) fn past_64_bits(f: f64) -> bool {
    f.is_finite() && !(f > -9.223_372_036_854_776e18 && f < 1.844_674_407_370_955_2e19)
}

/// Reads an integer of type `T`, reporting a non-integer as `type` and an
/// integer outside `T` as `range` with `T`'s bounds.
fn integer<T: TryFrom<i128>>(
    scalar: &Scalar<'_>,
    min: i128,
    max: i128,
    path: &Path<'_>,
    walk: &mut Walk,
) -> Option<T> {
    let actual = match *scalar {
        Scalar::I64(i) => i128::from(i),
        Scalar::U64(u) => i128::from(u),
        Scalar::F64(f) => {
            // serde_json reads an integer literal as i64 or u64 whenever it
            // fits, so a float here was written with a fraction or exponent
            // (a `type` error, as serde says: `5.0`, `1e19`), unless it lies
            // past what 64 bits hold, where any spelling is out of range.
            if !past_64_bits(f) {
                walk.type_error(path, "integer", JsonType::Number);
                return None;
            }
            // Its digits past 2^53 are lost: reported without a figure, as
            // the frontend package (which has only the float) reports it.
            walk.report.push(
                path,
                Kind::Range {
                    min: Some(min),
                    max: Some(max),
                    actual: None,
                },
            );
            return None;
        }
        ref other => {
            walk.type_error(path, "integer", other.json_type());
            return None;
        }
    };
    if let Ok(v) = T::try_from(actual) {
        return Some(v);
    }
    walk.report.push(
        path,
        Kind::Range {
            min: Some(min),
            max: Some(max),
            actual: Some(Actual::Integer(actual)),
        },
    );
    None
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        plain_copy!($t, INTEGER);
        impl<C: ?Sized> ValidateIn<C> for $t {
            const SERDE_SAME: bool = true;
            #[inline]
            fn validate_in(&self, _: &C, _: &Path<'_>, _: &mut Report) {}
            fn check_de<'de, D: Deserializer<'de>>(de: D, _: &C, path: &Path<'_>, walk: &mut Walk) -> Result<Option<$t>, D::Error> {
                let s = scalar(de)?;
                #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
                Ok(integer::<$t>(&s, <$t>::MIN as i128, <$t>::MAX as i128, path, walk))
            }
        }
    )*};
}
integers!(i8 i16 i32 i64 u8 u16 u32 u64 usize isize);

/// The integers JSON carries exactly here: `serde_json` reads a number past
/// 64 bits as a float, so `u128` and `i128` fields hold values from
/// `i64::MIN` (`0` for `u128`) to `u64::MAX`. The schema says the same bounds,
/// and a typed value outside them is a `range` violation.
macro_rules! wide_integers {
    ($($t:ty: $min:expr),*) => {$(
        plain_copy!($t, INTEGER);
        impl<C: ?Sized> ValidateIn<C> for $t {
            const SERDE_SAME: bool = true;
            #[inline]
            fn validate_in(&self, _: &C, path: &Path<'_>, report: &mut Report) {
                let max = i128::from(u64::MAX);
                let actual = i128::try_from(*self).ok();
                if actual.is_none_or(|n| n < $min || n > max) {
                    // Without its figure, as the walk reports the double
                    // `serde_json` reads for the same text.
                    report.push_unreadable(path, Kind::Range { min: Some($min), max: Some(max), actual: None });
                }
            }
            fn check_de<'de, D: Deserializer<'de>>(de: D, _: &C, path: &Path<'_>, walk: &mut Walk) -> Result<Option<$t>, D::Error> {
                let s = scalar(de)?;
                Ok(integer::<$t>(&s, $min, i128::from(u64::MAX), path, walk))
            }
        }
    )*};
}
wide_integers!(u128: 0, i128: i128::from(i64::MIN));

impl<D, T: crate::types::Facts<D>> crate::types::Facts<D> for Option<T> {
    const SERDE_SAME: bool = T::SERDE_SAME;
    const JSON_TYPES: u8 = crate::types::NULL | T::JSON_TYPES;
    const WALK_TYPES: u8 = crate::types::NULL | T::WALK_TYPES;
    const WIDE_INTEGER: bool = T::WIDE_INTEGER;
    const UNEQUAL: u16 = T::UNEQUAL;
    const SETS_UNEQUAL: u16 = T::SETS_UNEQUAL;
    const SET_UNEQUAL: u16 = T::SET_UNEQUAL;
    const BUFFERED_WIDE: bool = T::BUFFERED_WIDE;
    const OPTION: bool = true;
}
leaf!(impl {T: Leaf<Checked: Sized>} for Option<T> => Option<T::Checked>);
impl<T: JsonView> JsonView for Option<T> {
    type View<'de> = Option<T::View<'de>>;
    const JSON_TYPES: u8 = crate::types::NULL | T::JSON_TYPES;
    const WALK_TYPES: u8 = crate::types::NULL | T::WALK_TYPES;
    fn from_view(view: &Self::View<'_>) -> Option<Self> {
        match view {
            None => Some(None),
            Some(inner) => T::from_view(inner).map(Some),
        }
    }
}
impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Option<T> {
    const SERDE_SAME: bool = T::SERDE_SAME;
    #[inline]
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
        if let Some(inner) = self {
            inner.validate_in(ctx, path, report);
        }
    }
    fn check_de<'de, D: Deserializer<'de>>(
        de: D,
        ctx: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<Self::View<'de>>, D::Error> {
        walk::option::<D, T, C>(de, ctx, path, walk)
    }
}

impl<D, T: crate::types::Facts<D>> crate::types::Facts<D> for Box<T> {
    const SERDE_SAME: bool = T::SERDE_SAME;
    const JSON_TYPES: u8 = T::JSON_TYPES;
    const WALK_TYPES: u8 = T::WALK_TYPES;
    const WIDE_INTEGER: bool = T::WIDE_INTEGER;
    const UNEQUAL: u16 = T::UNEQUAL;
    const SETS_UNEQUAL: u16 = T::SETS_UNEQUAL;
    const SET_UNEQUAL: u16 = T::SET_UNEQUAL;
    const BUFFERED_WIDE: bool = T::BUFFERED_WIDE;
    const BOXED_OPTION: bool = T::OPTION;
}
leaf!(impl {T: Leaf + ?Sized} for Box<T> => Box<T::Checked>);
/// A box's view is boxed too, so that a recursive type's view has a size.
impl<T: JsonView> JsonView for Box<T> {
    type View<'de> = Box<T::View<'de>>;
    const JSON_TYPES: u8 = T::JSON_TYPES;
    const WALK_TYPES: u8 = T::WALK_TYPES;
    fn from_view(view: &Self::View<'_>) -> Option<Self> {
        T::from_view(view).map(Box::new)
    }
}
impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Box<T> {
    const SERDE_SAME: bool = T::SERDE_SAME;
    #[inline]
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
        (**self).validate_in(ctx, path, report);
    }
    fn check_de<'de, D: Deserializer<'de>>(
        de: D,
        ctx: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<Self::View<'de>>, D::Error> {
        Ok(T::check_de(de, ctx, path, walk)?.map(Box::new))
    }
}

/// The path of property `key` of the object whose fields share `slot`
/// (`parent.key("")`): the derive writes each field's name into one slot
/// rather than building each field's path whole.
#[doc(hidden)]
#[inline]
pub fn field_at<'s, 'a>(slot: &'s mut Path<'a>, key: &'a str) -> &'s Path<'a> {
    if let Path::Key(_, name) = slot {
        *name = key;
    }
    slot
}

#[inline]
fn validate_items<'t, C: ?Sized, T: ValidateIn<C> + 't>(
    items: impl IntoIterator<Item = &'t T>,
    ctx: &C,
    path: &Path<'_>,
    report: &mut Report,
) {
    // One path for every item, its index written in place: one word per
    // item where a path of its own would be three.
    let mut at = path.index(0);
    for (i, item) in items.into_iter().enumerate() {
        if let Path::Index(_, n) = &mut at {
            *n = i;
        }
        item.validate_in(ctx, &at, report);
    }
}

fn items_from_view<T: JsonView>(view: &[Option<T::View<'_>>]) -> Option<Vec<T>> {
    view.iter()
        .map(|item| item.as_ref().and_then(T::from_view))
        .collect()
}

/// A list: an array, as serde reads it when its items are read so.
macro_rules! list_facts {
    ($($list:ty)*) => {$(
        impl<D, T: crate::types::Facts<D>> crate::types::Facts<D> for $list {
            const SERDE_SAME: bool = T::SERDE_SAME;
            const JSON_TYPES: u8 = crate::types::ARRAY;
            const WALK_TYPES: u8 = crate::types::ARRAY;
            const WIDE_INTEGER: bool = T::WIDE_INTEGER;
            const UNEQUAL: u16 = T::UNEQUAL;
            const SETS_UNEQUAL: u16 = T::SETS_UNEQUAL;
            const SET_UNEQUAL: u16 = T::SET_UNEQUAL;
            const BUFFERED_WIDE: bool = T::BUFFERED_WIDE;
        }
    )*};
}
list_facts!(Vec<T> Box<[T]>);

leaf!(impl {T: Leaf<Checked: Sized>} for Vec<T> => Vec<T::Checked>);
impl<T: JsonView> JsonView for Vec<T> {
    type View<'de> = Vec<Option<T::View<'de>>>;
    const JSON_TYPES: u8 = crate::types::ARRAY;
    fn from_view(view: &Self::View<'_>) -> Option<Self> {
        items_from_view::<T>(view)
    }
}
impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Vec<T> {
    const SERDE_SAME: bool = T::SERDE_SAME;
    #[inline]
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
        validate_items(self, ctx, path, report);
    }
    fn check_de<'de, D: Deserializer<'de>>(
        de: D,
        ctx: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<Self::View<'de>>, D::Error> {
        walk::array::<D, T, C>(de, ctx, path, walk)
    }
}

leaf!(impl {T: Leaf<Checked: Sized>} for [T] => [T::Checked]);
impl<T: JsonView> JsonView for Box<[T]> {
    type View<'de> = Vec<Option<T::View<'de>>>;
    const JSON_TYPES: u8 = crate::types::ARRAY;
    fn from_view(view: &Self::View<'_>) -> Option<Self> {
        items_from_view::<T>(view).map(Vec::into_boxed_slice)
    }
}
impl<C: ?Sized, T: ValidateIn<C>> ValidateIn<C> for Box<[T]> {
    const SERDE_SAME: bool = T::SERDE_SAME;
    #[inline]
    fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
        validate_items(self, ctx, path, report);
    }
    fn check_de<'de, D: Deserializer<'de>>(
        de: D,
        ctx: &C,
        path: &Path<'_>,
        walk: &mut Walk,
    ) -> Result<Option<Self::View<'de>>, D::Error> {
        walk::array::<D, T, C>(de, ctx, path, walk)
    }
}

/// Checks each value of a map at its key's path.
fn validate_entries<'v, C: ?Sized, V: ValidateIn<C> + 'v>(
    entries: impl Iterator<Item = (&'v str, &'v V)>,
    ctx: &C,
    path: &Path<'_>,
    report: &mut Report,
) {
    for (k, v) in entries {
        v.validate_in(ctx, &path.key(k), report);
    }
}

/// Maps and sets: serde keeps a repeated key or item silently, so never
/// the same as the walk, at any depth.
///
/// A map's equality is its values' (keys are strings). A set's is not
/// JSON's (`[1,2]` and `[2,1]` are one set), and its items must compare as
/// JSON does, or it keeps what `uniqueItems` calls a repeat, or the reverse.
macro_rules! never_same {
    ($($t:ident [$($p:ident)*] $item:ident $types:ident $set:literal)*) => {$(
        impl<D, $($p),*> crate::types::Facts<D> for std::collections::$t<$($p),*>
        where
            $item: crate::types::Facts<D>,
        {
            const SERDE_SAME: bool = false;
            const JSON_TYPES: u8 = crate::types::$types;
            const WALK_TYPES: u8 = crate::types::$types;
            const WIDE_INTEGER: bool = $item::WIDE_INTEGER;
            const UNEQUAL: u16 = if $set { crate::types::unequal::SET } else { $item::UNEQUAL };
            const SET_UNEQUAL: u16 =
                if $set { crate::types::unequal::SET } else { $item::SET_UNEQUAL };
            const SETS_UNEQUAL: u16 =
                (if $set { $item::SET_UNEQUAL } else { 0 }) | $item::SETS_UNEQUAL;
            const BUFFERED_WIDE: bool = $item::BUFFERED_WIDE;
        }
    )*};
}
never_same! {
    HashMap [K V S] V OBJECT false
    BTreeMap [K V] V OBJECT false
    HashSet [T S] T ARRAY true
    BTreeSet [T] T ARRAY true
}

macro_rules! maps {
    ($($map:ident [$($bound:tt)*] [$($extra:tt)*])*) => {$(
        leaf!(
            impl {K: MapKey<Checked: Sized>, V: Leaf<Checked: Sized> $(, $extra)*}
                for std::collections::$map<K, V $(, $extra)*>
                => std::collections::$map<K::Checked, V::Checked $(, $extra)*>
        );
        impl<K, V $(, $extra)*> JsonView for std::collections::$map<K, V $(, $extra)*>
        where
            K: KeyParam,
            V: JsonView,
            $($extra: core::hash::BuildHasher + Default,)*
        {
            type View<'de> = walk::EntryViews<'de, V>;
            const JSON_TYPES: u8 = crate::types::OBJECT;
            fn from_view(view: &Self::View<'_>) -> Option<Self> {
                view.iter()
                    .map(|(k, v)| Some((K::from(k), V::from_view(v.as_ref()?)?)))
                    .collect()
            }
        }
        impl<C: ?Sized, K, V $(, $extra)*> ValidateIn<C> for std::collections::$map<K, V $(, $extra)*>
        where
            K: KeyParam,
            V: ValidateIn<C>,
            $($extra: core::hash::BuildHasher + Default,)*
        {
            const SERDE_SAME: bool = false;
            #[inline]
            fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
                validate_entries(self.iter().map(|(k, v)| (k.as_ref(), v)), ctx, path, report);
            }
            fn check_de<'de, D: Deserializer<'de>>(
                de: D,
                ctx: &C,
                path: &Path<'_>,
                walk: &mut Walk,
            ) -> Result<Option<Self::View<'de>>, D::Error> {
                walk::map::<D, V, C>(de, ctx, path, walk)
            }
        }
    )*};
}
maps! {
    HashMap [Eq + core::hash::Hash] [S]
    BTreeMap [Ord] []
}

/// Reports each item of a set read from JSON that repeats an earlier one:
/// serde would drop it silently, and the schema says `uniqueItems`. Only
/// the items that are values of their type are compared: one with a shape
/// violation inside it (recorded from `since` on: a property its type
/// refuses, say) is refused as a whole, as serde refuses it, and repeats
/// nothing.
fn set_repeats<T: JsonView>(
    views: &[Option<T::View<'_>>],
    path: &Path<'_>,
    report: &mut Report,
    since: (usize, usize),
    mut seen: impl FnMut(T, usize) -> Option<usize>,
) {
    let refused = refused_items(report, path, since, views.len());
    for (i, view) in views.iter().enumerate() {
        if refused.get(i).copied().unwrap_or(false) {
            continue;
        }
        if let Some(value) = view.as_ref().and_then(T::from_view)
            && let Some(first) = seen(value, i)
        {
            report.push(&path.index(i), Kind::Duplicate { key: None, first });
        }
    }
}

/// Which of a list's `len` items at `path` hold a shape violation (not a
/// repeated key) recorded since `(violations, shape violations)` were
/// counted: none at all (an empty list) when no shape violation was
/// recorded since. A set's repeats and `unique`'s whole items compare only
/// the others.
pub(crate) fn refused_items(
    report: &Report,
    path: &Path<'_>,
    since: (usize, usize),
    len: usize,
) -> Vec<bool> {
    refused_within(report, path, since, len, None)
}

/// [`refused_items`], of each item's property `key` (its JSON name) and
/// what is inside it, not the whole item: `unique(by = key)` compares only
/// the keys that are values of their type.
pub(crate) fn refused_keys(
    report: &Report,
    path: &Path<'_>,
    since: (usize, usize),
    len: usize,
    key: &str,
) -> Vec<bool> {
    refused_within(report, path, since, len, Some(key))
}

/// Which items at `path` (or, with `key`, which of their properties `key`)
/// hold a shape violation recorded since `since`.
fn refused_within(
    report: &Report,
    path: &Path<'_>,
    since: (usize, usize),
    len: usize,
    key: Option<&str>,
) -> Vec<bool> {
    if report.shape_count() == since.1 {
        return Vec::new();
    }
    let list = path.to_pointer();
    // The key's segment as a pointer writes it (`/` and `~` escaped).
    let key = key.map(|name| Path::Root.key(name).to_pointer());
    let mut refused = vec![false; len];
    for v in &report.violations()[since.0..] {
        if !v.kind().is_shape() || matches!(v.kind(), Kind::DuplicateKey { .. }) {
            continue;
        }
        let Some(rest) = v
            .path()
            .strip_prefix(list.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
        else {
            continue;
        };
        let (segment, below) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let within = key.as_deref().is_none_or(|key| {
            below
                .strip_prefix(key)
                .is_some_and(|after| after.is_empty() || after.starts_with('/'))
        });
        let index = segment.parse::<usize>().ok().filter(|_| within);
        if let Some(slot) = index.and_then(|i| refused.get_mut(i)) {
            *slot = true;
        }
    }
    refused
}

macro_rules! sets {
    ($($set:ident $map:ident [$($bound:tt)*] [$($extra:tt)*])*) => {$(
        impl<T: $($bound)*> SetItem<std::collections::$set<()>> for T {
            type Item = T;
        }
        leaf!(
            impl {T: Leaf<Checked: Sized> $(, $extra)*} for std::collections::$set<T $(, $extra)*>
                => std::collections::$set<T::Checked $(, $extra)*>
        );
        impl<T $(, $extra)*> JsonView for std::collections::$set<T $(, $extra)*>
        where
            T: JsonView + $($bound)*,
            $($extra: core::hash::BuildHasher + Default,)*
        {
            type View<'de> = Vec<Option<T::View<'de>>>;
            const JSON_TYPES: u8 = crate::types::ARRAY;
            fn from_view(view: &Self::View<'_>) -> Option<Self> {
                view.iter().map(|v| v.as_ref().and_then(T::from_view)).collect()
            }
        }
        /// A set is a JSON array without repeats. serde drops a repeat
        /// silently; the walk reports it as `duplicate` (the schema says
        /// `uniqueItems`), so `from_json_str` never loses an item.
        impl<C: ?Sized, T $(, $extra)*> ValidateIn<C> for std::collections::$set<T $(, $extra)*>
        where
            T: ValidateIn<C> + $($bound)*,
            $($extra: core::hash::BuildHasher + Default,)*
        {
            const SERDE_SAME: bool = false;
            #[inline]
            fn validate_in(&self, ctx: &C, path: &Path<'_>, report: &mut Report) {
                validate_items(self, ctx, path, report);
            }
            fn check_de<'de, D: Deserializer<'de>>(
                de: D,
                ctx: &C,
                path: &Path<'_>,
                walk: &mut Walk,
            ) -> Result<Option<Self::View<'de>>, D::Error> {
                let since = (walk.report.len(), walk.report.shape_count());
                let views = walk::array::<D, T, C>(de, ctx, path, walk)?;
                if let Some(views) = &views {
                    let mut first = std::collections::$map::<T, usize>::default();
                    set_repeats::<T>(views, path, &mut walk.report, since, |value, i| {
                        match first.get(&value) {
                            Some(&j) => Some(j),
                            None => {
                                first.insert(value, i);
                                None
                            }
                        }
                    });
                }
                Ok(views)
            }
        }
    )*};
}
sets! {
    BTreeSet BTreeMap [Ord] []
    HashSet HashMap [Eq + core::hash::Hash] [S]
}

/// Why the key that `key` reads may compare otherwise than JSON does
/// ([`Facts::UNEQUAL`](crate::types::Facts::UNEQUAL)), `0` for no cause:
/// the derive calls it in a `const` for `unique(by = key)`, naming the key
/// by a closure. A key that reads `null` is one only as an `Option` (or a
/// boxed one), whose `None` is no key on every path; any other (a newtype
/// over an `Option`, an untagged enum with a unit variant) would compare
/// `null` as a value in Rust, where `x-uniqueBy` sees no key
/// ([`unequal::NULL_KEY`](crate::types::unequal::NULL_KEY)).
#[must_use]
pub const fn key_unequal<I: ?Sized, K: crate::types::Facts<crate::types::Top> + ?Sized>(
    _: fn(&I) -> &K,
) -> u16 {
    let null = K::JSON_TYPES & crate::types::NULL != 0 && !K::OPTION && !K::BOXED_OPTION;
    K::UNEQUAL
        | if null {
            crate::types::unequal::NULL_KEY
        } else {
            0
        }
}

/// The item type of a list field, for rules that name an item's field.
pub type ItemOf<L> = <L as crate::rules::EachItem>::Item;

/// The value type of a map field, for `values(range(...))`.
pub type ValueOf<M> = <M as crate::rules::Entries>::Value;

/// `Validate::validate_with` of a derived type: its checks from the root,
/// into a new report.
///
/// # Errors
///
/// The report, when it holds a violation.
#[inline]
pub fn validate_with<C: ?Sized, T: ValidateIn<C> + ?Sized>(
    value: &T,
    ctx: &C,
) -> Result<(), Report> {
    let mut report = Report::new();
    value.validate_in(ctx, &Path::Root, &mut report);
    report.into_result()
}

/// Records the violation of a field-level custom rule, if any (its result
/// through [`crate::rules::custom::RuleResult`], which the derive asks by path, so that another
/// return type is one error in its words).
#[inline]
pub fn record(violation: Option<Kind>, path: &Path<'_>, report: &mut Report) {
    if let Some(kind) = violation {
        report.push(path, kind);
    }
}

#[cfg(test)]
mod tests {
    use super::{Leaf, Path, Report, ValidateIn};

    /// Runs the type's own check on `value`, as the derive would write it.
    fn own_check<T: Leaf + ValidateIn<()>>(value: &T) -> usize {
        let mut report = Report::new();
        value.validate_leaf(&(), &Path::Root, &mut report);
        report.len()
    }

    /// The derive writes no `validate_leaf` call for these types, nor for an
    /// `Option`, `Vec` or `Box` of one (`plain_key` in the derive's
    /// `emit/checks.rs`): their own check must find nothing, at their
    /// extremes too.
    #[test]
    fn leaf_types_check_nothing() {
        macro_rules! extremes {
            ($($t:ty),*) => {$(
                for v in [<$t>::MIN, <$t>::MAX, <$t>::default()] {
                    assert_eq!(own_check(&v), 0, stringify!($t));
                    assert_eq!(own_check(&Some(v)), 0);
                    assert_eq!(own_check(&vec![v, v]), 0);
                    assert_eq!(own_check(&Box::new(v)), 0);
                    assert_eq!(own_check(&Some(vec![Box::new(v)])), 0);
                }
            )*};
        }
        extremes!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, char);
        for v in [true, false] {
            assert_eq!(own_check(&v), 0);
            assert_eq!(own_check(&vec![Some(v)]), 0);
        }
        for v in [String::new(), "\u{0}\u{10FFFF}".repeat(1000)] {
            assert_eq!(own_check(&v), 0);
            assert_eq!(own_check(&Some(Box::new(vec![v.clone()]))), 0);
        }
        // The list's edge: a wide integer has a check of its own.
        assert_eq!(own_check(&u128::MAX), 1);
    }

    /// A float's own check (so the derive calls it) finds what no JSON
    /// number is: infinity and NaN, in an `Option`, `Vec` or `Box` too;
    /// any finite value passes.
    #[test]
    fn floats_check_that_they_are_finite() {
        for v in [f64::MIN, f64::MAX, f64::MIN_POSITIVE, -0.0, 0.0] {
            assert_eq!(own_check(&v), 0);
            assert_eq!(own_check(&Some(vec![Box::new(v)])), 0);
        }
        for v in [f32::MIN, f32::MAX, f32::EPSILON] {
            assert_eq!(own_check(&v), 0);
        }
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(own_check(&v), 1);
            assert_eq!(own_check(&Some(vec![Box::new(v), Box::new(1.0)])), 1);
        }
        for v in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            assert_eq!(own_check(&v), 1);
            assert_eq!(own_check(&vec![Some(v), None, Some(v)]), 2);
        }
    }
}
