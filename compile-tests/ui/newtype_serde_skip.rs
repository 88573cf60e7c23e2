// serde reads a newtype's field whatever its `skip`, and reads a newtype
// variant whose field it skips as a unit variant: each refused, once
// (helper-158; the struct was taken for an empty object, the variants'
// generated code did not compile).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Level(#[serde(skip)] u8);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Name(#[serde(skip_deserializing)] String);

#[derive(desk_schema::Validate, serde::Deserialize)]
enum External {
    A(#[serde(skip)] u8),
    B {
        #[desk(max_bytes = 2)]
        s: String,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    A(#[serde(skip)] Option<u8>),
    B {
        #[desk(max_bytes = 2)]
        s: String,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Untagged {
    A(#[serde(skip_deserializing)] u8),
    B {
        #[desk(max_bytes = 2)]
        s: String,
    },
}

// Internally tagged: the newtype variant's own error, alone.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Internal {
    A(#[serde(skip)] u8),
    B {
        #[desk(max_bytes = 2)]
        s: String,
    },
}

fn main() {}
