//! The shape matrix: every wrapper around every kind of inner type, written
//! by a macro, not by hand. `tests/tests/zoo.rs` runs each type through the
//! same differential test as the zoo (typed check, walk, the `jsonschema`
//! crate, and serde as the oracle), and `corpus/zoo.json` carries them to
//! strict Ajv in the conformance suite.
//!
//! Inner kinds (each a derived type, so that every wrapper takes it with
//! `nested`): a string with byte and charset limits, an integer and a float
//! with ranges, a unit enum with an alias and `other`, a struct, the three
//! tagged forms of an enum with data, an untagged enum, and a recursive
//! type. Wrappers: the type itself, `Option`, `Vec`, `Box`, a map with
//! string keys, a newtype and a `transparent` struct; sets of the inner
//! types whose equality is JSON's.
#![allow(non_snake_case, missing_docs, reason = "generated test payloads")]

use desk_schema::Validate;
use serde::Deserialize;

/// Text: 1 to 4 bytes of printable ASCII.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Validate)]
pub struct Text(#[desk(min_bytes = 1, max_bytes = 4, printable_ascii)] pub String);

/// An integer from 1 to 9.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Validate)]
pub struct Digit(#[desk(range(min = 1, max = 9))] pub u8);

/// A float from 0 to 1.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Share(#[desk(range(min = 0, max = 1))] pub f64);

/// A unit enum with an alias and `other`.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub enum Tone {
    #[serde(alias = "Loud")]
    High,
    Low,
    #[serde(other)]
    Unknown,
}

/// A struct of two fields, one optional.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    #[desk(max_bytes = 3)]
    pub a: String,
    #[desk(range(max = 5))]
    #[serde(default)]
    pub b: Option<u8>,
}

/// Internally tagged.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(tag = "t")]
pub enum Internal {
    A {
        #[desk(max_bytes = 2)]
        x: String,
    },
    B {
        #[desk(range(max = 3))]
        n: u8,
    },
}

/// Adjacently tagged.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
pub enum Adjacent {
    Word(#[desk(max_bytes = 2)] String),
    Count(#[desk(range(max = 3))] u8),
    Nothing,
}

/// Externally tagged.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub enum External {
    Word(#[desk(max_bytes = 2)] String),
    Point {
        #[desk(range(max = 3))]
        x: u8,
    },
    Nothing,
}

/// Untagged, each variant of its own JSON type.
#[derive(Debug, PartialEq, Deserialize, Validate)]
#[serde(untagged)]
pub enum Loose {
    Word(#[desk(max_bytes = 2)] String),
    Count(#[desk(range(max = 3))] u8),
    Many(#[desk(max_items = 2, items(max_bytes = 2))] Vec<String>),
}

/// Recursive: a node with a label and up to two children.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct Node {
    #[desk(max_bytes = 3)]
    pub label: String,
    #[desk(nested, max_items = 2)]
    #[serde(default)]
    pub kids: Vec<Node>,
}

/// The wrappers around one inner type, in a module of its own.
macro_rules! wrappers {
    ($module:ident, $inner:ty) => {
        pub mod $module {
            use super::*;

            /// The inner type itself, as a field.
            #[derive(Debug, PartialEq, Deserialize, Validate)]
            #[serde(deny_unknown_fields)]
            pub struct Plain {
                #[desk(nested)]
                pub v: $inner,
            }

            /// An `Option` of it, which may be absent.
            #[derive(Debug, PartialEq, Deserialize, Validate)]
            pub struct Opt {
                #[desk(nested)]
                #[serde(default)]
                pub v: Option<$inner>,
            }

            /// A list of at most two.
            #[derive(Debug, PartialEq, Deserialize, Validate)]
            pub struct List {
                #[desk(nested, max_items = 2)]
                pub v: Vec<$inner>,
            }

            /// A box of it.
            #[derive(Debug, PartialEq, Deserialize, Validate)]
            pub struct Boxed {
                #[desk(nested)]
                pub v: Box<$inner>,
            }

            /// A map of at most two entries, keys of at most 3 bytes.
            #[derive(Debug, PartialEq, Deserialize, Validate)]
            pub struct Map {
                #[desk(nested, max_items = 2, keys(max_bytes = 3))]
                pub v: std::collections::BTreeMap<String, $inner>,
            }

            /// A newtype over it.
            #[derive(Debug, PartialEq, Deserialize, Validate)]
            pub struct Newtype(#[desk(nested)] pub $inner);

            /// A transparent struct over it.
            #[derive(Debug, PartialEq, Deserialize, Validate)]
            #[serde(transparent)]
            pub struct Transparent {
                #[desk(nested)]
                pub v: $inner,
            }
        }
    };
}

wrappers!(text, Text);
wrappers!(digit, Digit);
wrappers!(share, Share);
wrappers!(tone, Tone);
wrappers!(pair, Pair);
wrappers!(internal, Internal);
wrappers!(adjacent, Adjacent);
wrappers!(external, External);
wrappers!(loose, Loose);
wrappers!(node, Node);

/// Sets, of the inner types whose equality is JSON's.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct TextSet {
    #[desk(nested, max_items = 3)]
    pub v: std::collections::BTreeSet<Text>,
}

/// A hash set of digits.
#[derive(Debug, PartialEq, Deserialize, Validate)]
pub struct DigitSet {
    #[desk(nested, max_items = 3)]
    pub v: std::collections::HashSet<Digit>,
}

/// Every type of the matrix, by path: the tests loop over them.
#[macro_export]
macro_rules! for_each_matrix_type {
    ($m:ident) => {
        $crate::for_each_matrix_type!(@inner $m: text digit share tone pair internal adjacent external loose node);
        $m!(TextSet);
        $m!(DigitSet);
    };
    (@inner $m:ident: $($module:ident)*) => {$(
        $m!($module::Plain);
        $m!($module::Opt);
        $m!($module::List);
        $m!($module::Boxed);
        $m!($module::Map);
        $m!($module::Newtype);
        $m!($module::Transparent);
    )*};
}
