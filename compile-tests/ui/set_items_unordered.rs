// A nested set of a type without what the set asks of its items (`Ord` for a
// `BTreeSet`; `Eq` and `Hash` for a `HashSet`): serde's own errors, and each
// trait the item lacks said once at the item type, in rustc's words (not once
// for each generated item that asks the set for a trait, the walk's slot
// among them).
use std::collections::{BTreeSet, HashSet};

use desk_schema::Validate;
use serde::Deserialize;

#[derive(Debug, PartialEq, Validate, Deserialize)]
pub enum Color {
    Red,
    Blue,
}

#[derive(Validate, Deserialize)]
pub struct Ordered {
    #[desk(nested)]
    pub colors: BTreeSet<Color>,
}

#[derive(Validate, Deserialize)]
pub struct Hashed {
    #[desk(nested, max_items = 2)]
    pub colors: Option<HashSet<Color>>,
}

fn main() {}
