#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "type")]
enum Kind {
    A,
    B,
}
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Loose {
    C,
}
fn main() {}
