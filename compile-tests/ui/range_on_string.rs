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
// A `char` takes no rule (the string rules read text); `Box<[T]>` is a list.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Characters {
    #[desk(items(ascii))]
    letters: Vec<char>,
    #[desk(values(prefix = "a"))]
    initials: std::collections::BTreeMap<String, char>,
    #[desk(max_bytes = 3)]
    mark: Option<char>,
    #[desk(max_bytes = 3)]
    bytes: Box<[u8]>,
    // Two string rules on a `char`: one error, the field's type.
    #[desk(max_bytes = 1, printable_ascii)]
    initial: char,
}
