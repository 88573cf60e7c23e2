#[derive(desk_schema::Validate, serde::Deserialize)]
struct T(String);
fn main() {}
