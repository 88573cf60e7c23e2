// A generic type whose `#[serde(default)]` field holds its parameter asks
// `Default` of the argument, as serde does: the note says so.
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Validate, Deserialize)]
struct Page<T> {
    #[serde(default)]
    #[desk(nested)]
    next: Option<T>,
}

#[derive(Validate, Deserialize)]
struct Cursor {
    #[desk(max_bytes = 8)]
    at: String,
}

fn main() {
    let _ = desk_schema::from_json_str::<Page<Cursor>>(r#"{"next":{"at":"x"}}"#);
}
