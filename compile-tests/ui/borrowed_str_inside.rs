// A `&str` inside an `Option`, a `Vec` or a map's key: the same one error
// as a bare `&str` field, at the reference, and nothing else.
use std::collections::BTreeMap;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inside<'a> {
    #[desk(max_bytes = 3)]
    #[serde(borrow)]
    maybe: Option<&'a str>,
    #[desk(items(max_bytes = 3))]
    #[serde(borrow)]
    many: Vec<&'a str>,
    #[desk(max_items = 3)]
    #[serde(borrow)]
    map: BTreeMap<&'a str, u8>,
}

fn main() {}
