// `#[serde(default)]` on a type that does not implement `Default`: serde's
// error, and one of the derive's at the type's name, however many fields
// take the default (each nested field added one more, at its type).
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Validate, Deserialize)]
pub struct Leaf {
    #[desk(max_bytes = 3)]
    pub s: String,
}

#[derive(Validate, Deserialize)]
#[serde(default)]
pub struct NoDefault {
    #[desk(nested)]
    pub leaf: Leaf,
    #[desk(max_bytes = 3)]
    pub name: String,
    #[desk(nested, max_items = 2)]
    pub more: Vec<Leaf>,
}

fn main() {}
