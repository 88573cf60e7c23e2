#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(min_bytes = 10, max_bytes = 5)]
    name: String,
}
fn main() {}
