// A type argument without `Default`, given to a parameter that a field with
// `#[serde(default)]` names, or one that only a field serde skips names:
// serde's derive bounds the parameter `Default`, and so does every impl the
// derive writes. serde reports it three times; the derive adds one error at
// the field that gives the argument, and no other (the walk's slot asks its
// bounds where the gate does, in the same words).
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

// No checked field holds `T`: the gate asks its `Default` alone.
#[derive(Deserialize, desk_schema::Validate)]
pub struct Skipped<T> {
    #[desk(max_bytes = 3)]
    pub name: String,
    #[serde(skip)]
    pub extra: T,
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct Hold {
    #[desk(nested)]
    pub b: Env<NoDefault>,
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct HoldSkipped {
    #[desk(nested)]
    pub s: Skipped<NoDefault>,
}

fn main() {}
