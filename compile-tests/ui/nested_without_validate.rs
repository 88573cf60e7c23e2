// `#[desk(nested)]` on a type that does not derive `Validate`: one error
// per type, in our words, at the first field that nests it (one with rules
// but `custom`, at its own: its rules' errors point there), whatever holds it (a
// list, an `Option`, a `Box`, a map, or two of them) and whatever shape the
// field is in (a struct, a newtype, an enum's variant of any representation).
// A type that nests two types (as written) the derive cannot see to be
// derived has items that name both (its view, its walk): one that fails is
// also reported there, at `#[derive(Validate)]` rather than at another field,
// which may be right (`Holder`, `External`, `RightThenWrong`).
use std::collections::BTreeMap;

use desk_schema::Validate;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Plain {
    pub name: String,
}

#[derive(Deserialize)]
pub struct Other {
    pub n: u8,
}

#[derive(Deserialize)]
pub struct Pair<T> {
    pub a: T,
}

#[derive(Validate, Deserialize)]
pub struct Holder {
    #[desk(nested)]
    pub one: Plain,
    #[desk(nested, max_items = 3)]
    pub many: Vec<Other>,
    #[serde(default)]
    #[desk(nested)]
    pub maybe: Option<Plain>,
    #[desk(nested)]
    pub by_name: BTreeMap<String, Other>,
    #[desk(nested)]
    pub deep: Option<Vec<Box<Plain>>>,
    #[desk(nested)]
    pub generic: Pair<u8>,
    #[desk(nested, unique, min_items = 1)]
    pub listed: Vec<Other>,
    #[desk(nested, custom(check = plain_check, description = "checked"))]
    pub custom: Plain,
}

#[derive(Validate, Deserialize)]
pub struct Page<T> {
    #[desk(nested, max_items = 3)]
    pub items: Vec<Pair<T>>,
}

fn plain_check(_: &Plain) -> Result<(), desk_schema::Kind> {
    Ok(())
}

#[derive(Validate, Deserialize)]
pub struct Newtype(#[desk(nested)] Plain);

#[derive(Validate, Deserialize)]
pub struct NewtypeList(#[desk(nested)] Vec<Plain>);

#[derive(Validate, Deserialize)]
pub enum External {
    Struct {
        #[desk(nested)]
        plain: Plain,
    },
    Newtype(#[desk(nested)] Vec<Other>),
}

#[derive(Validate, Deserialize)]
#[serde(tag = "type")]
pub enum Internal {
    Struct {
        #[desk(nested)]
        plain: Plain,
    },
}

#[derive(Validate, Deserialize)]
#[serde(tag = "type", content = "value")]
pub enum Adjacent {
    Newtype(#[desk(nested)] Option<Plain>),
}

#[derive(Validate, Deserialize)]
#[serde(untagged)]
pub enum Untagged {
    Object(#[desk(nested)] Plain),
    Text(#[desk(max_bytes = 3)] String),
}

#[derive(Validate, Deserialize)]
pub struct Derived {
    #[desk(max_bytes = 3)]
    pub s: String,
}

// The mistake in the second nested field: said there and at the derive,
// never at the first field, which is right.
#[derive(Validate, Deserialize)]
pub struct RightThenWrong {
    #[desk(nested)]
    pub right: Derived,
    #[desk(nested)]
    pub wrong: Plain,
}

// A custom rule beside `nested`, alone, on a field that may be absent: the
// walk's check of what the absent field reads as asked the type at
// `#[derive(Validate)]` too (two errors for one mistake).
#[derive(Validate, Deserialize)]
pub struct CustomWhenAbsent {
    #[desk(nested, custom(check = maybe_check, description = "checked"))]
    pub maybe: Option<Plain>,
}

fn maybe_check(_: &Option<Plain>) -> Result<(), desk_schema::Kind> {
    Ok(())
}

fn main() {}
