// A type argument without `Default`, given to a parameter that a field with
// `#[serde(default)]` names: serde's derive bounds the parameter `Default`,
// and so does every impl the derive writes. serde reports it three times;
// the derive adds one error at the field that gives the argument (and, not
// yet kept out, one more that names the walk's `Slot`).
use serde::Deserialize;

#[derive(Deserialize, desk_schema::Validate)]
pub struct Env<T> {
    #[desk(nested)]
    pub data: T,
    #[desk(nested)]
    #[serde(default)]
    pub extra: Option<T>,
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct NoDefault(#[desk(max_bytes = 2)] String);

#[derive(Deserialize, desk_schema::Validate)]
pub struct Hold {
    #[desk(nested)]
    pub b: Env<NoDefault>,
}

fn main() {}
