// `#[desk(nested)]` on a type that does not derive `Validate`: one error
// per field, in our words, at the type, whether the type is the field's or
// inside a list, an `Option` or a map.
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

#[derive(Validate, Deserialize)]
pub struct Holder {
    #[desk(nested)]
    pub one: Plain,
    #[desk(nested, max_items = 3)]
    pub many: Vec<Other>,
}

#[derive(Validate, Deserialize)]
pub struct Maybe {
    #[desk(nested)]
    pub maybe: Option<Plain>,
}

#[derive(Validate, Deserialize)]
pub struct ByName {
    #[desk(nested)]
    pub by_name: BTreeMap<String, Other>,
}

#[derive(Validate, Deserialize)]
#[serde(tag = "type")]
pub enum Tagged {
    One { #[desk(nested)] plain: Plain },
}

fn main() {}
