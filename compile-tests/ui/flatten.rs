#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inner {
    #[desk(skip)]
    a: u32,
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[serde(flatten)]
    #[desk(nested)]
    inner: Inner,
}
fn main() {}
