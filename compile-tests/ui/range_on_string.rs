#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(range(min = 1))]
    name: String,
}
fn main() {}
