#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(one_of("ok", "much too long"), max_bytes = 4)]
    name: String,
}
fn main() {}
