#[derive(desk_schema::Validate, serde::Deserialize)]
struct Inner {
    #[desk(max_bytes = 3)]
    name: String,
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(max_items = 3)]
    items: Vec<Inner>,
}
fn main() {}
// With a serde default the rules run on the default too: still one error.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct WithDefault {
    #[serde(default)]
    #[desk(max_items = 3)]
    items: Vec<Inner>,
}
