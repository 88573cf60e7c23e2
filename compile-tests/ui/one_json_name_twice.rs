// Two fields, or two variants, that serde reads from one JSON name: serde
// fills the first and never the second, where the schema has one property
// (or one branch) for the name and would describe the other. One error
// each, at the second.

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Renamed {
    #[desk(max_bytes = 3)]
    a: String,
    #[desk(max_bytes = 1)]
    #[serde(rename = "a")]
    b: Option<String>,
}

// `rename_all` makes `a_b` into `aB`, which another field is named.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Cased {
    #[desk(max_bytes = 3)]
    a_b: String,
    #[desk(max_bytes = 3)]
    #[serde(rename = "aB")]
    other: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum Variants {
    A(#[desk(max_bytes = 3)] String),
    #[serde(rename = "A")]
    B(#[desk(range(max = 3))] u8),
}

// An alias that is another variant's name.
#[derive(desk_schema::Validate, serde::Deserialize)]
enum Aliased {
    #[serde(alias = "B")]
    A,
    B,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Lower {
    Ab,
    AB,
}

// A struct variant's fields are one object too.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Tagged {
    S {
        #[desk(max_bytes = 3)]
        x: String,
        #[desk(max_bytes = 3)]
        #[serde(rename = "x")]
        y: String,
    },
}

// A field serde skips reads no name: no error.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Fine {
    #[desk(max_bytes = 3)]
    a: String,
    #[serde(skip, rename = "a")]
    #[desk(skip)]
    b: String,
}

fn main() {}
