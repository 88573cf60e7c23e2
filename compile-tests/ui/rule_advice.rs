// Mistakes whose errors say what to write.
use std::collections::HashMap;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct NegativeCount {
    #[desk(min_items = -1)]
    v: Vec<String>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct EmptyRange {
    #[desk(range())]
    n: u8,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct TextRuleOnList {
    #[desk(printable_ascii)]
    v: Vec<String>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct NumberRuleOnMap {
    #[desk(range(max = 5))]
    m: HashMap<String, u8>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct OtherLibraries {
    #[desk(length(max = 3))]
    a: String,
    #[desk(regex = "^a$")]
    b: String,
    #[desk(char_count(max = 3))]
    c: String,
    #[desk(alphanumeric)]
    d: String,
}

// serde's attributes written in `#[desk(...)]`, on the type and on a field:
// each says it goes in `#[serde(...)]`.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(rename_all = "camelCase")]
struct SerdeInDesk {
    #[desk(rename = "x", max_bytes = 3)]
    a: String,
    #[desk(default)]
    b: String,
    // serde's, but refused there too; and serde's for a type, not a field.
    #[desk(alias = "c")]
    c: String,
    #[desk(rename_all = "camelCase")]
    d: String,
    #[desk(items(rename = "x"), items(length(max = 3)))]
    e: Vec<String>,
    // Refused in `#[serde]` too; garde's ways into the items.
    #[desk(items(alias = "x"), items(dive), items(inner(max_bytes = 1)))]
    f: Vec<String>,
}

// garde's field rules on the type.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(length(max = 3))]
struct FieldRuleOnType {
    #[desk(max_bytes = 3)]
    a: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(tag = "t", must_match(a, b))]
enum SerdeOnVariant {
    #[desk(rename = "x")]
    A(#[desk(max_bytes = 1)] String),
    #[desk(skip)]
    B,
    #[desk(tag = "t")]
    C,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct MessageTwice {
    #[desk(max_bytes = 3, message(en = "first", en = "second"))]
    s: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct OnlyEmpty {
    #[desk(min_bytes = 1, max_graphemes = 0)]
    s: String,
}

fn main() {}
