#[derive(desk_schema::Validate, serde::Deserialize)]
enum External {
    A,
    // A field without a rule, as in a struct.
    B(u32),
    // Several unnamed fields have no JSON names.
    C(#[desk(range(max = 3))] u8, #[desk(range(max = 3))] u8),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "type")]
enum Internal {
    // The tag would be mixed into another type's object.
    Text(#[desk(nested)] Body),
    #[desk(max_bytes = 3)]
    Plain,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Body {
    #[desk(max_bytes = 3)]
    text: String,
}

fn main() {}
