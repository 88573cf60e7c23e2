//! The JSON types a type is read from, as bits (`JsonView::JSON_TYPES`):
//! what decides which variant of an untagged enum reads a value.

/// `null`.
pub const NULL: u8 = 1;
/// `true` or `false`.
pub const BOOLEAN: u8 = 1 << 1;
/// A number without a fraction.
pub const INTEGER: u8 = 1 << 2;
/// A number with a fraction or an exponent.
pub const FRACTION: u8 = 1 << 3;
/// Any number (what a float reads).
pub const NUMBER: u8 = INTEGER | FRACTION;
/// A string.
pub const STRING: u8 = 1 << 4;
/// An array.
pub const ARRAY: u8 = 1 << 5;
/// An object.
pub const OBJECT: u8 = 1 << 6;
/// Any JSON value.
pub const ANY: u8 = (1 << 7) - 1;
/// Not a JSON type: what a newtype or an untagged enum reads when it
/// reaches itself with no JSON level between (see [`Facts`]); the derive
/// refuses such a type.
pub const CYCLE: u8 = 1 << 7;
/// What a struct reads: serde's derived `Deserialize` takes an object,
/// and an array of the fields in order.
pub const STRUCT: u8 = OBJECT | ARRAY;
/// What an externally tagged enum reads: a string (a unit variant) or
/// an object of one property.
pub const EXTERNAL: u8 = STRING | OBJECT;

/// The names of the types in `bits`, as a `type` violation says them
/// (`"string or array"`).
#[must_use]
pub fn names(bits: u8) -> String {
    let names = schema_names(bits);
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_owned(),
        None => "nothing".to_owned(),
    }
}

/// The JSON Schema `type` names of the types in `bits`, in the order a
/// `type` violation names them (`number` stands for both of its bits).
#[must_use]
pub fn schema_names(bits: u8) -> Vec<&'static str> {
    let all = [
        (NULL, "null"),
        (BOOLEAN, "boolean"),
        (NUMBER, "number"),
        (INTEGER, "integer"),
        (STRING, "string"),
        (ARRAY, "array"),
        (OBJECT, "object"),
    ];
    let mut left = bits;
    let mut names = Vec::new();
    for (bit, name) in all {
        if left & bit == bit {
            names.push(name);
            left &= !bit;
        }
    }
    names
}

/// The first variant that reads JSON type `found`, from each variant's
/// bits in order.
#[must_use]
pub fn variant_for(variants: &[u8], found: crate::JsonType) -> Option<usize> {
    use crate::JsonType;
    let bit = match found {
        JsonType::Null => NULL,
        JsonType::Boolean => BOOLEAN,
        JsonType::Integer => INTEGER,
        JsonType::Number => FRACTION,
        JsonType::String => STRING,
        JsonType::Array => ARRAY,
        JsonType::Object => OBJECT,
    };
    variants.iter().position(|v| v & bit != 0)
}

/// The standard containers, by their own paths: the derive writes a field
/// type that it reads as the type itself in them (`Vec<Self>`) with these,
/// and asks rustc that the type as written is the same, so that a name of
/// the user's (`type Vec<T> = BTreeSet<T>`) is not taken for the standard
/// one.
pub use std::{
    boxed::Box as StdBox,
    collections::{BTreeMap as StdBTreeMap, HashMap as StdHashMap},
    option::Option as StdOption,
    vec::Vec as StdVec,
};

/// The bottom of a depth count ([`Facts`]).
pub enum Z {}

/// One more level of a depth count ([`Facts`]).
pub struct S<D>(core::marker::PhantomData<D>);

/// The depth at which the derive asks for a type's [`Facts`]: sixteen
/// derived types deep.
pub type Top = S<BelowTop>;

/// One level below [`Top`]: what a derived type's own constants ask its
/// fields for, written out rather than read through its own `Facts<Top>`,
/// so that nothing but the field's type is named (see `Nested`).
pub type BelowTop = S<S<S<S<S<S<S<S<S<S<S<S<S<S<S<Z>>>>>>>>>>>>>>>;

/// A type's constants, computed `D` derived types deep: what a derived type
/// learns from its fields' types without naming its own constants, so that
/// a recursive type (a tree, two types that hold each other) has an answer
/// instead of a cycle (rustc's E0391). Each derived type counts down one
/// level; wrappers and plain values answer at every depth.
///
/// At the bottom ([`Z`]), `SERDE_SAME` is `false`, which is always sound:
/// it only turns off the typed fast path of `from_json_str`. A derived
/// type's JSON types at the bottom are its constant ones (a struct reads an
/// object), and [`CYCLE`] for a newtype or an untagged enum, whose types
/// come from a field: one that reaches itself that way has no JSON level
/// between the two, serde would recurse without end, and the derive's
/// compile-time check refuses it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not derive `Validate`",
    label = "`{Self}` does not derive `Validate`",
    note = "derive `Validate` for `{Self}`, or mark the field that holds it `#[desk(skip)]`"
)]
pub trait Facts<D> {
    /// `ValidateIn::SERDE_SAME`.
    const SERDE_SAME: bool;
    /// `JsonView::JSON_TYPES`.
    const JSON_TYPES: u8;
    /// `JsonView::WALK_TYPES`.
    const WALK_TYPES: u8;
    /// Whether a `u128` or `i128` is inside: serde cannot read one from the
    /// buffer it reads tagged and untagged content into ("u128 is not
    /// supported"), so the derive refuses such a type there. None by
    /// default.
    const WIDE_INTEGER: bool = false;
    /// Whether two values are equal in Rust exactly when their JSON texts
    /// are equal as JSON Schema's `uniqueItems` compares them: not for a
    /// unit enum with an alias or `other`, a struct with an `Option` or a
    /// defaulted field or that ignores unknown fields, a float, a set (its
    /// order), or a `serde_json::Value` (`1` and `1.0`).
    const JSON_EQ: bool;
    /// Whether every set inside (outside other derived types, which check
    /// their own) holds items whose equality is JSON's ([`Self::JSON_EQ`]):
    /// otherwise a set drops what `uniqueItems` keeps, or the reverse.
    /// True by default (a derived type checks its own sets, and answers for
    /// those in the fields that name its type parameters).
    const SETS_AS_JSON: bool = true;
    /// Whether the type's own `Eq`, `Ord` and `Hash` (derived), by which a
    /// set compares its items as serde builds it, compare as JSON does:
    /// [`Self::JSON_EQ`] and no field serde skips and fills by a function
    /// (`default = "..."`) at any depth (which a derived `Ord` compares and
    /// JSON does not hold: a clock or a counter makes two items of one text
    /// two set items, where `uniqueItems` sees a repeat). `unique`
    /// compares by `JsonEq` instead, which leaves such a field out.
    /// `JSON_EQ` by default.
    const SET_EQ: bool = Self::JSON_EQ;
    /// Whether a `u128` or `i128` given to a type parameter lands inside a
    /// tagged or untagged enum's content (see [`Self::WIDE_INTEGER`]): a
    /// generic type's own derive cannot refuse it, so the type that gives
    /// the argument does, at its field. False by default.
    const BUFFERED_WIDE: bool = false;
    /// `Option<_>` itself, whose `None` (`null`, or an absent field) is no
    /// key to `unique(by = ...)`, as to `x-uniqueBy`. False by default.
    const OPTION: bool = false;
    /// `Box<Option<_>>`, which `unique(by = ...)` reads as the `Option`.
    /// False by default.
    const BOXED_OPTION: bool = false;
}

/// What a type's equality is not JSON's with: the words the derive's
/// compile errors about sets and `unique` share.
macro_rules! unequal_why {
    () => {
        "an alias or `other` variant, an `Option` field, a field with a default, a struct \
         without `deny_unknown_fields`, an adjacently tagged enum, an internally tagged \
         enum's unit variant, a float, a set, a `serde_json::Value` or a field read whole \
         (`#[desk(skip)]`) inside"
    };
}

/// The compile error of a set whose items Rust compares otherwise than
/// JSON ([`Facts::SETS_AS_JSON`] is false). One text, so that each derived
/// type names it instead of writing it out.
pub const SETS_UNEQUAL: &str = concat!(
    "a set here holds items that Rust compares otherwise than JSON Schema's `uniqueItems` (",
    unequal_why!(),
    ", or a field serde skips and fills by a function, `default = \"...\"`, which a derived \
     `Ord` or `Eq` compares): one side would drop \
     or refuse what the other keeps; use a `Vec` with `unique` or `unique(by = field)`, or \
     make the item type exact (`deny_unknown_fields`, no `Option`, default, skipped or \
     `#[desk(skip)]` fields, no aliases)"
);

/// The compile error of a `u128` or `i128` given as a type argument that
/// lands inside a tagged or untagged enum's content
/// ([`Facts::BUFFERED_WIDE`]).
pub const WIDE_BUFFERED: &str = "a `u128` or `i128` given as a type argument lands inside an \
     internally or adjacently tagged or an untagged enum: serde reads that content into a buffer \
     that holds no 128-bit integers, and refuses every value (\"u128 is not supported\"); use \
     `u64` or `i64`";

/// A compile error's text, and the trait that says where a `#[desk(skip)]`
/// field's type is asked by autoref (`walk::field::skipped`) that it cannot
/// be read from serde's buffer: a 128-bit integer, or a type that derives
/// `Validate` (which may hold one, where only a checked field's facts tell).
macro_rules! wide_in {
    ($(#[$doc:meta])* $text:ident, $fits:ident, $message:literal, $skipped:literal) => {
        $(#[$doc])*
        pub const $text: &str = $message;

        $(#[$doc])*
        /// Implemented by the answer for any type but `u128`, `i128` and a
        /// type that derives `Validate`.
        #[diagnostic::on_unimplemented(
            message = $skipped,
            label = "`{T}` is read through serde's buffer here"
        )]
        pub trait $fits<T: ?Sized> {}
    };
}

wide_in!(
    /// The compile error of a `u128` or `i128` inside an untagged enum's
    /// content, read through serde's buffer.
    WIDE_UNTAGGED,
    FitsUntagged,
    "a `u128` or `i128` inside an untagged enum: serde reads the variant's content into a buffer \
     that holds no 128-bit integers, and refuses every value (\"u128 is not supported\"); use \
     `u64` or `i64`, or an externally tagged enum",
    "`{T}` in a `#[desk(skip)]` field of an untagged enum: serde reads the variant's content into \
     a buffer that holds no 128-bit integers, and refuses every value that holds a `u128` or \
     `i128` (\"u128 is not supported\"), which only a checked field's type tells; use `u64` or \
     `i64`, check the field (`#[desk(nested)]`, for a type that derives `Validate`), or use an \
     externally tagged enum"
);

wide_in!(
    /// The compile error of a `u128` or `i128` inside an internally or
    /// adjacently tagged enum's content, read through serde's buffer.
    WIDE_TAGGED,
    FitsTagged,
    "a `u128` or `i128` inside an internally or adjacently tagged enum: serde reads the \
     variant's content into a buffer that holds no 128-bit integers, and refuses every value \
     (\"u128 is not supported\"); use `u64` or `i64`, or an externally tagged enum",
    "`{T}` in a `#[desk(skip)]` field of an internally or adjacently tagged enum: serde reads \
     the variant's content into a buffer that holds no 128-bit integers, and refuses every \
     value that holds a `u128` or `i128` (\"u128 is not supported\"), which only a checked \
     field's type tells; use `u64` or `i64`, check the field (`#[desk(nested)]`, for a type that \
     derives `Validate`), or use an externally tagged enum"
);

/// Implemented by the answer for any type but the standard ones whose JSON
/// Schema (schemars') is not what serde reads: a `#[desk(skip)]` field is
/// read by serde and stated by that schema, so such a type there would pass
/// on one path what another refuses.
#[diagnostic::on_unimplemented(
    message = "`{T}` in a `#[desk(skip)]` field: serde reads it otherwise than its JSON Schema \
               states, so the paths would not agree",
    label = "serde and this type's schema disagree",
    note = "serde refuses what the schema takes: an unknown property or an overflow in a \
            `Duration`, `SystemTime` or `Range`, a second property beside a `Result`'s or \
            `Bound`'s variant, a NUL in a `CString`, another platform's `OsString`, any text \
            as a `SocketAddr`, a map key it parses from the string (`256` or `01` for a `u8` \
            key; any text for a `bool` or `char`); and a `Weak` reads `null`, which the schema \
            may refuse",
    note = "hold the data in a type of your own that derives `Validate` (with \
            `#[serde(deny_unknown_fields)]` for an object), or as a `String` with a rule, \
            parsed after the check; key a map by `String`"
)]
pub trait ReadAsSchema<T: ?Sized> {}

/// Implemented by the answer for any map key type but those serde parses
/// from the JSON string (a number, `bool`, `char`, a `NonZero` integer, a
/// network address, a standard wrapper or container of one): in a
/// `#[desk(skip)]` field, the map's schema (schemars') takes any digits or
/// any text there.
#[diagnostic::on_unimplemented(
    message = "a map key of `{K}` in a `#[desk(skip)]` field: serde parses it from the JSON \
               string by rules the field's schema cannot state (its schema takes any digits \
               for a number, `256` and `01` for a `u8`, or any text); use a `String` key",
    label = "serde parses this key from the JSON string"
)]
pub trait KeyAsText<K: ?Sized> {}

macro_rules! unique_unequal {
    ($rule:literal, $what:literal, $instead:literal, $whose:literal) => {
        concat!(
            $rule,
            ": Rust compares ",
            $what,
            " otherwise than JSON Schema (",
            unequal_why!(),
            "), so a validator of the schema would pass a list that Rust refuses, or the \
             reverse; ",
            $instead,
            ", or make the ",
            $whose,
            " exact (`deny_unknown_fields`, no `Option`, default or `#[desk(skip)]` fields, no aliases)"
        )
    };
}

/// The compile error of `unique` (without `by`) on items whose equality is
/// not JSON's ([`Facts::JSON_EQ`] is false).
pub const UNIQUE_ITEMS_UNEQUAL: &str = unique_unequal!(
    "`unique`",
    "the items",
    "compare by a plain key (`unique(by = field)`)",
    "item type"
);

/// The compile error of `unique(by = key)` on a key whose equality is not
/// JSON's.
pub const UNIQUE_KEY_UNEQUAL: &str = unique_unequal!(
    "`unique(by = ...)`",
    "the key",
    "compare by a field of a plain type (a string, an integer, a `bool`, a `char`, a unit enum \
     without aliases)",
    "key's type"
);

/// Whether `names` holds `name` (the derive asks it in a `const`: is a
/// `unique(by = ...)` key one of [`Nested::NO_KEYS`](crate::Nested::NO_KEYS)?).
#[must_use]
pub const fn names_hold(names: &[&str], name: &str) -> bool {
    let mut i = 0;
    while i < names.len() {
        let (a, b) = (names[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return true;
            }
        }
        i += 1;
    }
    false
}
