// A `#[desk(skip)]` field's type is read by serde and has a schema of its
// own: a type that is not `Deserialize`, or not `JsonSchema`, is one error
// each, in our words, at the field's type, however many places read the
// field (the walk, the typed value, the schema; they gave four errors).
// (The type derives `Validate` alone, so that serde's own errors about the
// same type are left out.)
use desk_schema::Validate;

pub struct Neither(pub u8);

#[derive(serde::Deserialize)]
pub struct NoSchema(pub u8);

#[derive(Validate)]
pub struct Holder {
    #[desk(max_bytes = 4)]
    pub name: String,
    #[desk(skip)]
    pub neither: Neither,
    #[desk(skip)]
    pub no_schema: Option<NoSchema>,
}

fn main() {}
