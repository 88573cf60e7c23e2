// `unique(by = key)` on a key with a serde default: an item without the key
// holds the default in the typed value and no key in the JSON, so the paths
// would disagree on whether two such items repeat. One error, at the rule;
// an `Option` key whose default is `None` has no key on every path. A field
// serde never reads is filled in the same way (and the JSON never has it).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[desk(max_bytes = 4)]
    #[serde(default)]
    key: String,
    #[desk(max_bytes = 4)]
    #[serde(default)]
    tag: Option<String>,
    #[serde(skip)]
    #[desk(skip)]
    skipped: String,
    #[serde(skip_deserializing)]
    #[desk(skip)]
    written: Option<String>,
    // Read whole by desk-schema: the walk has no view of it to compare.
    #[desk(skip)]
    whole: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByKey {
    #[desk(nested, unique(by = key))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByTag {
    #[desk(nested, unique(by = tag))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct BySkipped {
    #[desk(nested, unique(by = skipped))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByWritten {
    #[desk(nested, unique(by = written))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByWhole {
    #[desk(nested, unique(by = whole))]
    items: Vec<Item>,
}

// The same in a type with a lifetime or a type parameter: the list's type
// names neither, so it is asked all the same.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Borrowing<'a> {
    #[desk(max_bytes = 8)]
    #[serde(borrow)]
    name: std::borrow::Cow<'a, str>,
    #[desk(nested, unique(by = key))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Generic<T> {
    #[desk(nested)]
    inner: T,
    #[desk(nested, unique(by = key))]
    items: Vec<Item>,
}

fn main() {}
