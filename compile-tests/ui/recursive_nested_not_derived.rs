// A type that holds itself (in a list, or an `Option<Box<_>>`) and nests a
// type that does not derive `Validate`: the mistake at its field and at
// `#[derive(Validate)]`, in our words, not once for each depth the derive
// counts (it was 32 errors, naming a hidden trait). A set of the type in
// itself is still refused when its items compare otherwise than as JSON.
use std::collections::BTreeSet;

use desk_schema::Validate;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Plain {
    pub name: String,
}

#[derive(Validate, Deserialize)]
pub struct Tree {
    #[desk(max_bytes = 4)]
    pub name: String,
    #[desk(nested)]
    pub leaf: Plain,
    #[desk(nested, max_items = 3)]
    pub children: Vec<Tree>,
}

#[derive(Validate, Deserialize)]
pub struct List {
    #[desk(nested)]
    pub plain: Plain,
    #[desk(nested)]
    pub next: Option<Box<List>>,
}

#[derive(Validate, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Node {
    #[desk(max_bytes = 4)]
    pub name: String,
    #[desk(nested)]
    pub set: BTreeSet<Node>,
}

fn main() {}
