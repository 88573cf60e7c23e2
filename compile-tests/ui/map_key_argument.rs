// A generic type keyed by its parameter (`BTreeMap<K, V>` in `Keyed<K>`)
// needs no bound of the user's for the key: the derive bounds it as a key.
// Given a type that is no string type (a unit enum, a newtype that converts
// from a string), it is one error where it is written, as a key written in
// the field is: serde reads such a key by the type's own rules, which the
// walk and the schema cannot follow (the walk read it through `From<&str>`,
// and `validate_value`, the walk of text and the schema gave three
// verdicts). So too for a parameter that is also checked as a value.
use std::collections::BTreeMap;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Keyed<K: Ord> {
    #[desk(nested)]
    entries: BTreeMap<K, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct KeyAndValue<K: Ord> {
    #[desk(nested)]
    entries: BTreeMap<K, u8>,
    #[desk(nested)]
    first: K,
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
enum Color {
    Red,
    Blue,
}

impl From<&str> for Color {
    fn from(s: &str) -> Self {
        if s == "Blue" { Color::Blue } else { Color::Red }
    }
}

impl AsRef<str> for Color {
    fn as_ref(&self) -> &str {
        "Red"
    }
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
struct Name(#[desk(max_bytes = 3)] String);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByColor {
    #[desk(nested)]
    keyed: Keyed<Color>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByName {
    #[desk(nested)]
    keyed: Option<Keyed<Name>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Both {
    #[desk(nested)]
    both: KeyAndValue<Color>,
}

// A key that holds the parameter but is no string type: one error, as
// for a key written so (not one more for each trait a key needs).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct OptionalKey<K: Ord> {
    #[desk(nested)]
    entries: BTreeMap<Option<K>, u8>,
}

fn main() {}
