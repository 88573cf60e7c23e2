#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(range(min = 300))]
    small: u8,
    #[desk(range(min = -1, max = 10))]
    count: Option<u32>,
    #[desk(items(range(max = 70000)))]
    ports: Vec<u16>,
}
fn main() {}
