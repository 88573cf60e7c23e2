// A nested set of a type without what the set asks of its items (`Ord` for a
// `BTreeSet`; `Eq` and `Hash` for a `HashSet`): serde's own errors, and each
// trait the item lacks said once at the item type, in rustc's words (not once
// for each generated item that asks the set for a trait, the walk's slot
// among them). So for a generic type's parameter in a set, without the
// bound (`SetOf<T>`: five errors of ours before, naming `SERDE_SAME`,
// `validate_in`, the walk's and the schema's `Properties`: one now), and for
// a set given to a derived generic type (`Env<HashSet<Color>>`: ten before,
// now one for each trait the item lacks). A map whose key and value are both
// gated (`HashMap<Key, BTreeSet<Color>>`), with the same set in another field:
// one error (four before: the trial that asks whether the value is gated kept
// the span it took, and the later field shared that one, not the map's).
use std::collections::{BTreeSet, HashMap, HashSet};

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

#[derive(Validate, Deserialize)]
pub struct SetOf<T> {
    #[desk(nested)]
    pub items: BTreeSet<T>,
    // The same set in a second field: the first's error (helper-188: three
    // more, at this field, naming the walk and the schema).
    #[desk(nested)]
    pub more: BTreeSet<T>,
}

#[derive(Validate, Deserialize)]
pub struct Env<T> {
    #[desk(nested)]
    pub data: T,
}

#[derive(Validate, Deserialize)]
pub struct InEnv {
    #[desk(nested)]
    pub colors: Env<HashSet<Color>>,
}

/// A map key written through an alias: gated, as the set is.
pub type Key = String;

#[derive(Validate, Deserialize)]
pub struct MapOfSets {
    #[desk(nested)]
    pub by_key: HashMap<Key, BTreeSet<Color>>,
    #[desk(nested)]
    pub all: BTreeSet<Color>,
}

fn main() {}
