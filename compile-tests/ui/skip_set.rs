// A set in a `#[desk(skip)]` field: serde keeps one of each repeat without
// a word, where the schema's `uniqueItems` refuses the list. One error at
// the field's type, wherever the set sits in it.
use std::collections::{BTreeSet, HashSet};

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Skipped {
    #[desk(skip)]
    tags: BTreeSet<u8>,
    #[desk(skip)]
    nested: Option<Vec<HashSet<String>>>,
    #[desk(skip)]
    qualified: std::collections::BTreeSet<String>,
    // The set's own module path.
    #[desk(skip)]
    module: std::collections::hash_set::HashSet<String>,
    // Fine: no set, and a marker that reads none.
    #[desk(skip)]
    list: Vec<u8>,
    #[desk(skip)]
    marker: std::marker::PhantomData<HashSet<u8>>,
}

fn main() {}
