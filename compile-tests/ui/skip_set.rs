// A set in a `#[desk(skip)]` field: serde keeps one of each repeat without
// a word, where the schema's `uniqueItems` refuses the list. One error at
// the field's type, wherever the set sits in it.
use std::collections::{BTreeSet, HashSet};

type Tags = HashSet<String>;

// An alias of a list is no set.
type Bytes = Vec<u8>;

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

// Through an alias, alone or inside another type: asked of rustc (in a
// type of its own: the errors above stop the derive before it writes code).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Aliased {
    #[desk(skip)]
    aliased: Tags,
    #[desk(skip)]
    aliased_inside: Option<Vec<Tags>>,
    // Fine: an alias of a list.
    #[desk(skip)]
    bytes: Bytes,
}

fn main() {}
