// `pattern` needs desk-schema's `pattern` feature (the `regex` crate); these
// compile tests build desk-schema without it.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(pattern = "^[a-z]+$")]
    name: String,
}

fn main() {}
