#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(max_bytes = 10, max_items = 3)]
    name: String,
}
fn main() {}
