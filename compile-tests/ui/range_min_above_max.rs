#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(range(min = 10, max = 1))]
    n: i32,
}
fn main() {}
