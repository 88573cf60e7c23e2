// Borrowing that the walk can follow: `Cow<'a, str>` (owned where the text
// has escapes), and a `&str` that serde never reads (`#[serde(skip)]`).
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use std::borrow::Cow;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Elsewhere<'a> {
    #[desk(max_bytes = 3)]
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(skip)]
    cache: Option<&'a str>,
}

fn main() {
    let v: Elsewhere<'_> = desk_schema::from_json_str(r#"{"name":"a\u0062"}"#).unwrap();
    assert_eq!(v.name, "ab");
    assert!(v.cache.is_none());
    assert!(desk_schema::from_json_str::<Elsewhere<'_>>(r#"{"name":"abcd"}"#).is_err());
}
