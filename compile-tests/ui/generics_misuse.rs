#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapper<T> {
    // A type parameter has no rules of its own to name here.
    #[desk(max_bytes = 3)]
    value: T,
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
