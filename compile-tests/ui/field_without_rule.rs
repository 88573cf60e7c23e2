#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    name: String,
}
fn main() {}
