// A nested type that derives `Validate` but not `Deserialize`: serde's own
// errors alone (the same eleven as without `Validate`), none of the derive's, in
// every form the field takes (the type, an `Option`, a list with a rule, a
// field with a default, an adjacently tagged variant's content).
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Validate)]
pub struct Inner {
    #[desk(max_bytes = 4)]
    pub a: String,
}

#[derive(Deserialize, Validate)]
pub struct Outer {
    #[desk(nested)]
    pub one: Inner,
    #[desk(nested)]
    pub maybe: Option<Inner>,
    #[desk(nested, max_items = 2)]
    pub many: Vec<Inner>,
    #[serde(default)]
    #[desk(nested)]
    pub given: Vec<Inner>,
}

#[derive(Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
pub enum Event {
    Made(#[desk(nested)] Inner),
}

fn main() {}
