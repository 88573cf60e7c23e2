#[derive(desk_schema::Validate, serde::Deserialize)]
struct Marker;
#[derive(desk_schema::Validate, serde::Deserialize)]
enum E {
    A(),
    B {
        #[desk(max_bytes = 2)]
        s: String,
    },
}
fn main() {}
