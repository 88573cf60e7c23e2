#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(max_bytse = 10)]
    a: String,
    #[desk(min_items = 5, max_items = 2)]
    b: Vec<String>,
    c: String,
    #[desk(printable_ascii, printable_ascii)]
    d: String,
    #[desk(range(mn = 1))]
    e: i32,
}
fn main() {}
