#[derive(desk_schema::Validate, serde::Deserialize)]
enum E {
    A,
    B(u32),
}
fn main() {}
