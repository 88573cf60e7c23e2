// `#[serde(default)]` on a field whose type has no `Default`: serde's own
// errors alone (at the field, and at its derive), none of the derive's, which
// calls the same `Default` at the same place.
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate)]
pub struct Inner {
    #[desk(max_bytes = 4)]
    pub a: String,
}

#[derive(Deserialize, Validate)]
pub struct Outer {
    #[serde(default)]
    #[desk(nested)]
    pub inner: Inner,
}

fn main() {}
