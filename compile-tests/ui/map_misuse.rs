use std::collections::BTreeMap;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Keys {
    // A JSON key is a string: integer rules do not apply.
    #[desk(keys(range(max = 3)))]
    a: BTreeMap<String, String>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Misplaced {
    // `keys` on a list.
    #[desk(keys(max_bytes = 3))]
    b: Vec<String>,
    // `items` on a map.
    #[desk(items(max_bytes = 3))]
    c: BTreeMap<String, String>,
}

fn main() {}
