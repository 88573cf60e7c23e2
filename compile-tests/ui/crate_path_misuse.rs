// `#[desk(crate = "...")]` written wrong: one error each, saying what it
// takes (helper-180).
mod sdk {
    pub use desk_schema as desk;
}

// On a field: the type's attribute (and so is `context`).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct OnField {
    #[desk(crate = "crate::sdk::desk")]
    a: String,
    #[desk(context = u8)]
    b: String,
}

// A path with generic arguments.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(crate = "crate::sdk::desk::<u8>")]
struct Generic {
    #[desk(max_bytes = 3)]
    a: String,
}

// Not a path.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(crate = "sdk desk")]
struct NotAPath {
    #[desk(max_bytes = 3)]
    a: String,
}

// Twice: the second is the error, the first is used.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(crate = "crate::sdk::desk", crate = "crate::sdk::nope")]
struct Twice {
    #[desk(max_bytes = 3)]
    a: String,
}

fn main() {}
