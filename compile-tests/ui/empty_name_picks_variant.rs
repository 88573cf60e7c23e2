// The empty JSON name where its presence picks a variant (an external
// variant's name or alias, a tag): the schema tests it with `required: [""]`
// inside an `if` or a `not`, which Ajv always passes, so the npm package
// would read another variant than serde. One error each. (A field or an
// adjacently tagged enum's content may be named so: the zoo's `Blank`.)

#[derive(desk_schema::Validate, serde::Deserialize)]
enum Data {
    #[serde(rename = "")]
    Blank(#[desk(range(max = 1))] u8),
    Other(#[desk(max_bytes = 1)] String),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum Unit {
    #[serde(rename = "")]
    Blank,
    Data(#[desk(range(max = 1))] u8),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum Alias {
    #[serde(alias = "")]
    Blank(#[desk(range(max = 1))] u8),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "")]
enum Internal {
    A {
        #[desk(max_bytes = 3)]
        x: String,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "", content = "c")]
enum Adjacent {
    A(#[desk(max_bytes = 1)] String),
    B,
}

fn main() {}
