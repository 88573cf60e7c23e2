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
    /// Why two values may be equal in Rust where their JSON texts differ as
    /// JSON Schema's `uniqueItems` compares them, or the reverse: the
    /// [`unequal`] causes found, `0` for none. Not for a unit enum with an
    /// alias or `other`, a struct with an `Option` or a defaulted field or
    /// that ignores unknown fields, a float, a set (its order), or a
    /// `serde_json::Value` (`1` and `1.0`).
    const UNEQUAL: u16;
    /// Whether two values are equal in Rust exactly when their JSON texts
    /// are equal as JSON Schema's `uniqueItems` compares them
    /// ([`Self::UNEQUAL`] is `0`).
    const JSON_EQ: bool = Self::UNEQUAL == 0;
    /// Why a set inside (outside other derived types, which check their
    /// own) may hold items whose equality is not JSON's ([`Self::SET_EQ`]):
    /// such a set drops what `uniqueItems` keeps, or the reverse. `0` by
    /// default (a derived type checks its own sets, and answers for those
    /// in the fields that name its type parameters).
    const SETS_UNEQUAL: u16 = 0;
    /// Whether every set inside holds items whose equality is JSON's
    /// ([`Self::SETS_UNEQUAL`] is `0`).
    const SETS_AS_JSON: bool = Self::SETS_UNEQUAL == 0;
    /// Why the type's own `Eq`, `Ord` and `Hash` (derived), by which a set
    /// compares its items as serde builds it, may compare otherwise than
    /// JSON does: [`Self::UNEQUAL`], and a field serde skips and fills by a
    /// function (`default = "..."`) at any depth
    /// ([`unequal::FILLED`]: a derived `Ord` compares it and JSON does not
    /// hold it, so a clock or a counter makes two items of one text two set
    /// items, where `uniqueItems` sees a repeat). `unique` compares by
    /// `JsonEq` instead, which leaves such a field out. `UNEQUAL` by
    /// default.
    const SET_UNEQUAL: u16 = Self::UNEQUAL;
    /// Whether a set compares the type's values as JSON does
    /// ([`Self::SET_UNEQUAL`] is `0`).
    const SET_EQ: bool = Self::SET_UNEQUAL == 0;
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

/// The causes of [`Facts::UNEQUAL`], and the compile errors that name them.
macro_rules! unequal_causes {
    ($($(#[$doc:meta])* $name:ident = $bit:literal: $what:literal, $fix:literal;)*) => {
        /// Why a type's values may compare otherwise than their JSON does
        /// ([`Facts::UNEQUAL`]): one bit for each cause. A compile error
        /// about `unique` or a set names the first cause (the lowest bit)
        /// and what to do about it ([`refuse_unequal`]).
        pub mod unequal {
            $($(#[$doc])* pub const $name: u16 = 1 << $bit;)*
        }

        /// Each cause with its compile error, for `unique` on items, on a
        /// key, and a set, in that order.
        const UNEQUAL_MESSAGES: &[(u16, [&str; 3])] = &[$(
            (
                unequal::$name,
                [
                    concat!(
                        "`unique`: Rust compares these items otherwise than JSON Schema's \
                         `uniqueItems`, as they are or hold ", $what, ", so a validator of the \
                         schema would pass a list that Rust refuses, or the reverse; ", $fix, ", or compare items \
                         that have fields by a plain key (`unique(by = field)`)"
                    ),
                    concat!(
                        "`unique(by = ...)`: Rust compares this key otherwise than JSON \
                         Schema's `x-uniqueBy`, as it is or holds ", $what, ", so a validator of the schema would \
                         pass a list that Rust refuses, or the reverse; ", $fix, ", or compare \
                         by a field of a plain type (a string, an integer, a `bool`, a `char`, \
                         a unit enum without aliases)"
                    ),
                    concat!(
                        "a set here holds items that Rust compares otherwise than JSON \
                         Schema's `uniqueItems`, as they are or hold ", $what, ", so one side would drop or refuse \
                         what the other keeps; ", $fix, ", or use a `Vec` with `unique` or \
                         `unique(by = field)`"
                    ),
                ],
            ),
        )*];
    };
}

unequal_causes! {
    /// A unit enum or a variant with an alias, or an `other` variant: two
    /// texts, one value.
    ALIAS = 0: "a unit enum or a variant with an alias, or an `other` variant (two texts read as \
        one value)", "remove that alias or `other` variant";
    /// An `Option` field: absent and `null` are one value.
    OPTION = 1: "a struct with an `Option` field (absent and `null` read as one value)",
        "make that field required (not an `Option`)";
    /// A field with a serde default: absent and the default are one value.
    DEFAULT = 2: "a struct with a field serde fills in by default (a `default` on the field or \
        the struct: absent and the default read as one value)", "remove that `default`";
    /// A struct, a struct variant or an internally or adjacently tagged
    /// enum without `deny_unknown_fields`: serde drops a property it does
    /// not know.
    OPEN = 3: "a struct, a struct variant or an internally or adjacently tagged enum without \
        `#[serde(deny_unknown_fields)]` (serde drops a property it does not know)",
        "add `#[serde(deny_unknown_fields)]` to that type";
    /// An adjacently tagged enum with a unit variant, or a newtype
    /// variant whose content reads `null`: its content absent and `null`
    /// are one value.
    ADJACENT = 4: "an adjacently tagged enum with a unit variant, or a variant whose content \
        reads `null` (an `Option`: the content absent and `null` read as one value)",
        "tag that enum externally (serde's default)";
    /// An internally tagged enum's unit variant: serde reads it from its
    /// tag alone and drops every other property.
    INTERNAL_UNIT = 5: "an internally tagged enum with a unit variant (serde reads the variant \
        from its tag alone and drops every other property, with `deny_unknown_fields` too)",
        "tag that enum externally (serde's default)";
    /// A float: `1` and `1.0` are one number to JSON Schema, and rounding
    /// makes two texts one value.
    FLOAT = 6: "a float (`1` and `1.0` are one number to JSON Schema, and rounding makes two \
        texts one value)", "use an integer type there";
    /// A set: `[1,2]` and `[2,1]` are one set, and two values to JSON Schema.
    SET = 7: "a set (`[1,2]` and `[2,1]` are one set in Rust, two values to JSON Schema)",
        "use a `Vec` there";
    /// A `serde_json::Value`: Rust tells `1` from `1.0`, JSON Schema does
    /// not.
    VALUE = 8: "a `serde_json::Value` (Rust tells `1` from `1.0`, JSON Schema does not)",
        "give that value a type of its own";
    /// A field read whole (`#[desk(skip)]`): compared by its type's own
    /// equality.
    WHOLE = 9: "a field read whole (`#[desk(skip)]`, compared by its type's own equality)",
        "check that field (`#[desk(nested)]`, or its rules)";
    /// A field whose type reads `null` though not written `Option<...>` (an
    /// alias, `Box<Option<_>>`, a type parameter): serde may fill it in when
    /// it is absent, and absent and `null` are then one value. (Whether it
    /// does is up to the type's `Deserialize`: a plain newtype over an
    /// `Option` is refused too, where serde would call the field missing.)
    NULL = 10: "a field not written `Option<...>` whose type reads `null` (an alias of an \
        `Option`, a `Box<Option<_>>`, a type argument, a newtype over an `Option`: serde may fill \
        it in when it is absent, and absent and `null` then read as one value)", "give that field \
        a type that reads no `null`";
    /// A field serde skips and fills by a function (`default = "..."`),
    /// which a derived `Ord` or `Eq` compares (sets only).
    FILLED = 11: "a field serde skips and fills by a function (`default = \"...\"`), which a \
        derived `Ord` or `Eq` compares (a clock or a counter makes two items of one text two set \
        items)", "fill that field by its type's `Default` (a plain `#[serde(skip)]`)";
    /// A `unique(by = ...)` key that reads `null` without being an
    /// `Option`: Rust compares `null` as a value, `x-uniqueBy` sees no key.
    NULL_KEY = 12: "a type that reads `null` without being an `Option` (a newtype over one: Rust \
        compares `null` as a value, where `x-uniqueBy` sees no key)", "make the key field an \
        `Option`";
}

/// A compile error where a comparison (`compared`) may compare values
/// otherwise than their JSON, for the causes `why` ([`Facts::UNEQUAL`]):
/// it names the first cause (the lowest bit) and what to do about it. The
/// derive calls it in a `const` at the field or the rule, which the error
/// points at (`track_caller`).
///
/// # Panics
///
/// When `why` names a cause: in a `const`, that is the compile error.
#[track_caller]
pub const fn refuse_unequal(compared: Compared, why: u16) {
    let message = unequal_message(compared, why);
    assert!(message.is_empty(), "{}", message);
}

/// Which comparison a compile error of [`refuse_unequal`] is about.
#[derive(Clone, Copy)]
pub enum Compared {
    /// `unique` on a list's items.
    Items = 0,
    /// `unique(by = key)`: the key.
    Key = 1,
    /// A set's items.
    Set = 2,
}

/// The compile error for a comparison ([`Compared`]) whose values may
/// compare otherwise than their JSON for the causes `why`
/// ([`Facts::UNEQUAL`]): it names the first cause (its lowest bit), and
/// what to do about it. Empty when there is none (`why` is `0`).
const fn unequal_message(compared: Compared, why: u16) -> &'static str {
    let mut i = 0;
    while i < UNEQUAL_MESSAGES.len() {
        let (bit, messages) = UNEQUAL_MESSAGES[i];
        if why & bit != 0 {
            return messages[compared as usize];
        }
        i += 1;
    }
    ""
}

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

/// A field type the derive reads by its names as the standard library's
/// (`String`, `Option<T>`, `Box<T>`, `u8`, ...; see `STD_PATHS` in the derive's
/// `facts.rs`) is not asked its [`Facts`], which are known: a type of
/// another crate or of the user's that takes one of those names
/// (`struct Box`, `type f64 = u64`) would be read as what it is not. The
/// derive asks [`Same`] of each such type, as written (`Self`) and with each
/// name written as the standard library's path (`T`), which refuses it.
#[diagnostic::on_unimplemented(
    message = "this type is written with the names of `{T}`, and is `{Self}`",
    label = "desk-schema reads this type by its names, as the standard library's",
    note = "desk-schema reads the standard library's type names (`String`, `Vec`, `Option`, `Box`, `u8`, `f64`, ...) as those types, without asking them; give your type (or alias) another name, or write it by a path (`units::f64`)"
)]
pub trait Same<T: ?Sized> {
    /// Named by the derive, in a `const`, for each field type it reads by
    /// its names: `<Written as Same<Std>>::SAME`.
    const SAME: () = ();
}

impl<T: ?Sized> Same<T> for T {}

/// A field type written `Option<...>` (or `Box<Option<...>>`) with a
/// serde default: the derive takes its default to be `None`, which passes
/// every rule, and checks it no further. Asked of each such type that
/// [`Same`] does not check (its item is a type of the user's), it refuses
/// an `Option` that is not the standard library's.
#[diagnostic::on_unimplemented(
    message = "this type is written `Option<...>`, and is `{Self}`",
    label = "desk-schema reads this type by its name, as the standard library's `Option`",
    note = "desk-schema reads a defaulted field written `Option<...>` (or `Box<Option<...>>`) as the standard library's `Option`, absent as `None`; give your type (or alias) another name"
)]
pub trait IsOption {
    /// Named by the derive: `<Written as IsOption>::IS`.
    const IS: () = ();
}

#[diagnostic::do_not_recommend]
impl<T> IsOption for Option<T> {}

#[diagnostic::do_not_recommend]
impl<T: ?Sized + IsOption> IsOption for Box<T> {}

#[cfg(test)]
mod tests {
    use super::{Compared, UNEQUAL_MESSAGES, unequal, unequal_message};

    /// Each cause has its own bit and its own three messages, each naming
    /// its comparison; no cause, no message; of several, the lowest bit's.
    #[test]
    fn each_cause_names_itself_and_the_first_of_several_wins() {
        let mut all = 0u16;
        for &(bit, messages) in UNEQUAL_MESSAGES {
            assert_eq!(bit.count_ones(), 1);
            assert_eq!(all & bit, 0, "bit {bit} twice");
            all |= bit;
            for (compared, start) in [
                (Compared::Items, "`unique`: "),
                (Compared::Key, "`unique(by = ...)`: "),
                (Compared::Set, "a set here"),
            ] {
                let message = unequal_message(compared, bit);
                assert!(message.starts_with(start), "{message}");
                assert_eq!(message, messages[compared as usize]);
            }
        }
        let texts: std::collections::BTreeSet<&str> = UNEQUAL_MESSAGES
            .iter()
            .flat_map(|(_, m)| m)
            .copied()
            .collect();
        assert_eq!(texts.len(), 3 * UNEQUAL_MESSAGES.len());
        assert_eq!(unequal_message(Compared::Items, 0), "");
        let both = unequal::FLOAT | unequal::OPEN;
        assert_eq!(
            unequal_message(Compared::Set, both),
            unequal_message(Compared::Set, unequal::OPEN)
        );
        assert!(unequal_message(Compared::Set, both).contains("deny_unknown_fields"));
    }
}
