// A map keyed by a type the derive cannot see to be a string (an enum, a
// newtype, an alias of a number): serde reads such a key by the type's own
// rules, which the walk and the schema cannot follow. One error for each,
// at the key, naming nothing generated (a unit enum key was seven, about
// `From<&str>`, `AsRef<str>`, `Slot` and `JsonSchema`).
use std::collections::{BTreeMap, HashMap};

#[derive(serde::Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Color {
    Red,
    Blue,
}

#[derive(serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
struct UserId(String);

impl From<&str> for UserId {
    fn from(s: &str) -> Self {
        UserId(s.to_owned())
    }
}

impl AsRef<str> for UserId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

type Id = u32;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inner {
    #[desk(max_bytes = 3)]
    a: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByColor {
    #[desk(max_items = 2)]
    m: BTreeMap<Color, u32>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByUser {
    // A newtype that converts from and to a string is refused too: its
    // `Deserialize` may read the key otherwise.
    #[desk(keys(max_bytes = 8))]
    m: BTreeMap<UserId, u32>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ById {
    #[desk(max_items = 2)]
    m: Option<BTreeMap<Id, u32>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Lists {
    #[desk(nested)]
    m: Vec<HashMap<Color, Inner>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Boxed {
    // A standard type, but no string.
    #[desk(max_items = 2)]
    m: BTreeMap<Box<u8>, u32>,
}

// A key of another module named like a standard string type.
mod my {
    #[derive(serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
    pub struct String(pub u32);
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Named {
    #[desk(max_items = 2)]
    m: BTreeMap<my::String, u32>,
}

// A derived type may be named like the gate's trait.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct MapKey {
    #[desk(max_items = 2)]
    m: BTreeMap<Color, u32>,
}

// A key a macro was given (`$k:ty`).
macro_rules! keyed {
    ($name:ident, $k:ty) => {
        #[derive(desk_schema::Validate, serde::Deserialize)]
        struct $name {
            #[desk(max_items = 2)]
            m: BTreeMap<$k, u32>,
        }
    };
}

keyed!(ByMacro, Color);

#[derive(serde::Deserialize)]
struct Plain;

type Key = String;

// A key that passes (an alias of `String`) beside a value that does not:
// one error, at the value.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Values {
    #[desk(nested)]
    m: BTreeMap<Key, Plain>,
}

// A key that passes beside a nested type that does not derive `Validate`,
// in one struct: one error, at the type (not again at the key).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Mixed {
    #[desk(max_items = 2)]
    m: BTreeMap<Key, u32>,
    #[desk(nested)]
    p: Plain,
}

// A derived type may be named like the other gate's trait too.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Nested {
    #[desk(max_items = 2)]
    m: BTreeMap<Color, u32>,
}

// A key in parentheses is the key.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[allow(unused_parens)]
struct Parenthesised {
    #[desk(max_items = 2)]
    m: BTreeMap<(Color), u32>,
}

fn main() {}
