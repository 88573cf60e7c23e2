#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(max_bytes = 10)]
    count: u32,
}
fn main() {}
