#[derive(desk_schema::Validate, serde::Deserialize)]
struct Id(#[desk(skip)] String);
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Tuple(#[desk(max_bytes = 3)] String, #[desk(max_bytes = 3)] String);
fn main() {}
