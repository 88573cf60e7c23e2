// A `#[serde(default = "...")]` function that is missing or takes
// arguments: serde's one error each, which the derive's own call repeats
// word for word (rustc shows it once), not a second error in other words.
use desk_schema::Validate;
use serde::Deserialize;

fn takes_one(_seed: u8) -> String {
    String::new()
}

#[derive(Validate, Deserialize)]
struct Missing {
    #[desk(max_bytes = 3)]
    #[serde(default = "not_written")]
    name: String,
}

#[derive(Validate, Deserialize)]
struct Arity {
    #[desk(max_bytes = 3)]
    #[serde(default = "takes_one")]
    name: String,
}

fn main() {}
