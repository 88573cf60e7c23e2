// Shapes serde reads that no path here walks yet: one error each, saying
// what to write instead.
use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inner {
    #[desk(max_bytes = 3)]
    name: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Shapes {
    #[desk(nested)]
    pair: (String, u8),
    #[desk(nested)]
    quad: [u8; 4],
    #[desk(nested)]
    by_id: BTreeMap<u32, Inner>,
    #[desk(nested, max_items = 3)]
    queue: VecDeque<Inner>,
    #[desk(nested)]
    deep: Option<Vec<(u8, u8)>>,
    // Only `Cow<str>` borrows from the text.
    #[desk(max_items = 3)]
    bytes: Cow<'static, [u8]>,
    #[desk(nested)]
    owned: Option<std::borrow::Cow<'static, String>>,
    #[desk(items(max_bytes = 3))]
    boxes: Vec<Cow<'static, Box<str>>>,
}

fn main() {
    let _ = desk_schema::schema_for::<Shapes>();
}
