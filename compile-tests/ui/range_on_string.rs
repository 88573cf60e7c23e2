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
// Through `Option`s, the message names the type inside them.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapped {
    #[desk(range(max = 3))]
    list: Option<Vec<u8>>,
    #[desk(max_bytes = 3)]
    flag: Option<Option<bool>>,
    #[desk(keys(max_bytes = 3))]
    tags: Option<Vec<String>>,
}
