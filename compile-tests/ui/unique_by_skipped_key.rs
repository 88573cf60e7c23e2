// `unique(by = key)` on a field serde never reads: the JSON never holds it,
// and every item's key would be what serde puts there. One error, at the
// rule, in words (not a field missing from a generated view).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[desk(max_bytes = 4)]
    name: String,
    #[serde(skip)]
    #[desk(skip)]
    key: String,
    #[serde(skip_deserializing)]
    #[desk(skip)]
    tag: Option<String>,
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

fn main() {}
