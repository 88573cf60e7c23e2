// `Cow<str>` however `str` is written, and a type of the user's named
// `Cow`, are not refused as a `Cow` of a value.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use std::borrow::Cow;

type Text = str;

mod farm {
    #[derive(desk_schema::Validate, serde::Deserialize, Debug)]
    pub struct Cow<T> {
        #[desk(nested)]
        pub inner: T,
    }
}

#[derive(desk_schema::Validate, serde::Deserialize, Debug)]
struct Spellings<'a> {
    #[serde(borrow)]
    #[desk(max_bytes = 5)]
    core: Cow<'a, core::primitive::str>,
    #[serde(borrow)]
    #[desk(max_bytes = 5)]
    std: Cow<'a, std::primitive::str>,
    #[serde(borrow)]
    #[desk(max_bytes = 5)]
    alias: Cow<'a, Text>,
    #[serde(borrow)]
    #[desk(max_bytes = 5)]
    path: std::borrow::Cow<'a, str>,
    #[desk(nested)]
    theirs: farm::Cow<u8>,
}

fn main() {
    let report = desk_schema::from_json_str::<Spellings<'_>>(
        r#"{"core":"abcdef","std":"a","alias":"abcdef","path":"a","theirs":{"inner":1}}"#,
    )
    .unwrap_err();
    let paths: Vec<&str> = Iterator::map(report.violations().iter(), |v| v.path()).collect();
    assert_eq!(paths, ["/alias", "/core"]);
}
