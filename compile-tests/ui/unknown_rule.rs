#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(max_byte = 10)]
    name: String,
}
fn main() {}
