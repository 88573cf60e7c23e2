// A generic type with a defaulted field of an associated type
// (`T::Member`) keeps its gate: an argument that does not derive
// `Validate` is one error at the field that gives it. (serde's `Default`
// bound on `T::Member` cannot be asked at the gate; the rest is.)
use serde::Deserialize;

pub trait Family {
    type Member;
}

#[derive(Default, Deserialize, desk_schema::Validate)]
pub struct Leaf {
    #[desk(max_bytes = 3)]
    s: String,
}

#[derive(Default, Deserialize)]
pub struct NotDerived {
    s: String,
}

impl Family for NotDerived {
    type Member = Leaf;
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct Env<T: Family> {
    #[desk(nested)]
    data: T,
    #[desk(nested)]
    #[serde(default)]
    extra: T::Member,
}

#[derive(Deserialize, desk_schema::Validate)]
pub struct Hold {
    #[desk(nested)]
    a: Env<NotDerived>,
}

fn main() {}
