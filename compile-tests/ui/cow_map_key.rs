// A map keyed by `Cow<str>`: the walk reads a key as an owned string. One
// error at the field's type, naming nothing generated (it was several,
// about `Slot` and lifetimes).
use std::borrow::Cow;
use std::collections::BTreeMap;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Keys {
    #[desk(keys(max_bytes = 3))]
    m: BTreeMap<Cow<'static, str>, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Borrowed<'a> {
    #[serde(borrow)]
    #[desk(max_items = 3)]
    m: BTreeMap<Cow<'a, str>, u8>,
}

fn main() {}
