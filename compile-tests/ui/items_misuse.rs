#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(items(nested))]
    a: Vec<String>,
    #[desk(items())]
    b: Vec<String>,
    #[desk(items(max_bytes = 3, range(min = 1)))]
    c: Vec<String>,
    #[desk(items(max_bytes = 3), range(min = 1))]
    d: Vec<String>,
    // A mistake inside `items(...)` before other rules: one error, not
    // a second about the rest of the list.
    #[desk(items(nested, max_bytes = 3))]
    e: Vec<String>,
    #[desk(items(max_bytes = "3", ascii))]
    f: Vec<String>,
    #[desk(items(max_bytes = 3, max_bytes = 4, ascii))]
    g: Vec<String>,
    #[desk(items(max_bites = 3, ascii))]
    h: Vec<String>,
    // An inner list's own rules need a type of their own.
    #[desk(items(items(range(max = 3))))]
    i: Vec<Vec<u8>>,
    #[desk(values(unique))]
    j: std::collections::BTreeMap<String, Vec<u8>>,
}
fn main() {}
