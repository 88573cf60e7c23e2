#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(skip, max_bytes = 3)]
    name: String,
}
fn main() {}
