#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapper<T> {
    // A type parameter has no rules of its own to name here: one error, at
    // the rule, which also says the field needs `nested`.
    #[desk(max_bytes = 3)]
    value: T,
}

// A list size fits any item type, but the items are checked by their own
// type: the field needs `nested` (or `skip`).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Sizes<T> {
    #[desk(max_items = 2)]
    list: Vec<T>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Borrowed<'a> {
    #[desk(max_bytes = 3)]
    text: &'a str,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Fixed<const N: usize> {
    #[desk(max_items = 3)]
    items: Vec<u32>,
}

fn main() {}
