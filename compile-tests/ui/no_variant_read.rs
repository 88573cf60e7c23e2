// An enum of which serde reads no variant: its schema would be an empty
// `enum`, which JSON Schema validators refuse. One error, at the enum.

#[derive(desk_schema::Validate, serde::Deserialize)]
enum Nothing {
    #[serde(skip)]
    A,
    #[serde(skip_deserializing)]
    B,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum NoData {
    #[serde(skip)]
    A { #[desk(max_bytes = 3)] x: String },
}

// No variant at all.
#[derive(desk_schema::Validate, serde::Deserialize)]
enum Empty {}

// Every variant skipped but the `other` one, which reads any name: fine.
#[derive(desk_schema::Validate, serde::Deserialize)]
enum OnlyOther {
    #[serde(skip)]
    A,
    #[serde(other)]
    Any,
}

fn main() {}
