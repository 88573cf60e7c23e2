#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[serde(alias = "Name")]
    #[desk(max_bytes = 8)]
    name: String,
}
fn main() {}
