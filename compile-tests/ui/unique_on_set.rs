// `unique` on a set: its items are unique already. One error, at the rule,
// in those words (it was "not a list", naming the trait).
use std::collections::{BTreeSet, HashSet};

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Tag {
    #[desk(max_bytes = 3)]
    id: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Sets {
    #[desk(unique)]
    names: HashSet<String>,
    #[desk(unique, max_items = 3)]
    #[serde(default)]
    maybe: Option<BTreeSet<u8>>,
    #[desk(nested, unique(by = id))]
    tags: BTreeSet<Tag>,
}

fn main() {}
