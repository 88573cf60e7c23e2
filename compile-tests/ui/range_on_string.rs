#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(range(min = 1))]
    name: String,
}
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Other {
    #[desk(range(max = 1))]
    letter: char,
    #[desk(range(max = 1))]
    flag: bool,
}
fn main() {}
