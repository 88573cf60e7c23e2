#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(items(nested))]
    a: Vec<String>,
    #[desk(items())]
    b: Vec<String>,
    #[desk(items(max_bytes = 3, range(min = 1)))]
    c: Vec<String>,
    #[desk(items(max_bytes = 3), range(min = 1))]
    d: Vec<String>,
}
fn main() {}
