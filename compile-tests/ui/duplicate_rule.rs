#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(max_bytes = 10)]
    #[desk(max_bytes = 20)]
    name: String,
}
fn main() {}
