// A deprecated type, variant or field gives no warning from the generated
// code (helper-179: its impls named a deprecated variant, and an item's
// `#[allow(deprecated)]` does not reach them), as from serde's: a crate
// that denies warnings compiles. As serde does, the derive allows
// `deprecated` only where the type or a variant is deprecated, so that a
// crate that forbids the lint (`lints.rs`) still derives; a deprecated
// function a rule names is warned of, as serde warns of a `default = "f"`.
#![deny(warnings)]

#[deprecated = "use New"]
#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Old {
    #[desk(max_bytes = 3)]
    pub a: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub enum Unit {
    A,
    #[deprecated = "use A"]
    B,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
pub enum Internal {
    #[deprecated]
    A {
        #[desk(max_bytes = 3)]
        s: String,
    },
    B {
        #[deprecated]
        #[desk(max_bytes = 3)]
        s: String,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Adjacent {
    #[deprecated]
    A(#[desk(max_bytes = 3)] String),
    B,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
pub enum Untagged {
    #[deprecated]
    A(#[desk(max_bytes = 3)] String),
    B(#[desk(range(max = 3))] u8),
}

fn checked(_: &String) -> Result<(), desk_schema::Kind> {
    Ok(())
}

#[derive(desk_schema::Validate, serde::Deserialize)]
pub struct Fields {
    #[desk(custom(check = checked, description = "checked"))]
    pub a: String,
    #[desk(nested)]
    pub unit: Unit,
}

fn main() {
    let fields = desk_schema::from_json_str::<Fields>(r#"{"a":"x","unit":"B"}"#);
    assert!(fields.is_ok());
    assert!(desk_schema::from_json_str::<Untagged>("4").is_err());
}
