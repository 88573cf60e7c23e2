// A `Valid<T>` comes only from a check: it cannot be built.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Note {
    #[desk(max_bytes = 6)]
    text: String,
}

fn main() {
    let _forged = desk_schema::Valid(Note { text: "far too long".into() });
}
