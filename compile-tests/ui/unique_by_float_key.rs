// `unique(by = key)` on a float key: Rust's floats are neither `Eq` nor
// `Hash`, and JSON Schema compares numbers by value. One error each, the
// rule's own, not rustc's about `Hash` and `Eq` on every path too. A key
// of a type without `Hash` is one error, rustc's.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[desk(range(max = 10))]
    f: f64,
    #[desk(range(max = 10))]
    g: Option<f32>,
    #[desk(nested)]
    code: Code,
}

#[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq)]
struct Code(#[desk(max_bytes = 4)] String);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByF {
    #[desk(nested, unique(by = f))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByG {
    #[desk(nested, unique(by = g))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByCode {
    #[desk(nested, unique(by = code))]
    items: Vec<Item>,
}

fn main() {}
