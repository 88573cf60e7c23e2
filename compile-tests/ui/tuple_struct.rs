#[derive(desk_schema::Validate, serde::Deserialize)]
struct T(String, u32);
fn main() {}
