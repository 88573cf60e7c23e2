// A map key written as an alias of `String` passes the derive's gate
// (`MapKey`), in every place a map may be.
// `(String)` below is a key type in parentheses on purpose.
#![allow(unused_parens)]
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use std::collections::{BTreeMap, HashMap};

type Key = String;

#[derive(desk_schema::Validate, serde::Deserialize, Debug)]
struct Inner {
    #[desk(max_bytes = 3)]
    a: String,
}

#[derive(desk_schema::Validate, serde::Deserialize, Debug)]
struct Maps {
    #[desk(max_items = 3, keys(one_of("a", "b")), values(range(max = 5)))]
    m: BTreeMap<Key, u32>,
    #[desk(nested, max_items = 3)]
    n: Option<HashMap<Key, Inner>>,
    #[desk(nested)]
    v: Vec<BTreeMap<Key, Box<str>>>,
}

#[derive(desk_schema::Validate, serde::Deserialize, Debug)]
enum Either {
    A {
        #[desk(max_items = 1)]
        m: BTreeMap<Key, u32>,
    },
    B(#[desk(nested)] HashMap<Key, Inner>),
}

// A key a macro was given, and a type named like the gate's trait.
macro_rules! keyed {
    ($name:ident, $k:ty) => {
        #[derive(desk_schema::Validate, serde::Deserialize, Debug)]
        struct $name {
            #[desk(max_items = 2, keys(max_bytes = 3))]
            m: BTreeMap<$k, u32>,
        }
    };
}

keyed!(ByAlias, Key);
keyed!(ByPath, std::string::String);
keyed!(ByBox, Box<core::primitive::str>);
keyed!(ByParens, (String));

#[derive(desk_schema::Validate, serde::Deserialize, Debug)]
struct MapKey {
    #[desk(nested)]
    inner: Option<Inner>,
}

fn main() {
    let report = desk_schema::from_json_str::<ByAlias>(r#"{"m": {"abcd": 1}}"#).unwrap_err();
    assert_eq!(Iterator::map(report.violations().iter(), |v| v.path()).collect::<Vec<_>>(), ["/m/abcd"]);
    assert!(desk_schema::from_json_str::<ByPath>(r#"{"m": {"abc": 1}}"#).is_ok());
    assert!(desk_schema::from_json_str::<ByParens>(r#"{"m": {"abcd": 1}}"#).is_err());
    assert!(desk_schema::from_json_str::<ByBox>(r#"{"m": {"a": 1, "b": 2, "c": 3}}"#).is_err());
    assert!(desk_schema::from_json_str::<MapKey>(r#"{"inner": {"a": "abcd"}}"#).is_err());
    let report = desk_schema::from_json_str::<Maps>(
        r#"{"m": {"a": 1, "c": 9}, "n": {"x": {"a": "abcd"}}, "v": []}"#,
    )
    .unwrap_err();
    let paths: Vec<&str> = Iterator::map(report.violations().iter(), |v| v.path()).collect();
    assert_eq!(paths, ["/m/c", "/m/c", "/n/x/a"]);
    let maps: Maps = desk_schema::from_json_str(r#"{"m": {"a": 1}, "v": [{"k": "v"}]}"#).unwrap();
    assert_eq!(&*maps.v[0]["k"], "v");
    let report = desk_schema::from_json_str::<Either>(r#"{"A": {"m": {"a": 1, "b": 2}}}"#)
        .unwrap_err();
    assert_eq!(Iterator::map(report.violations().iter(), |v| v.code()).collect::<Vec<_>>(), ["max_items"]);
    assert!(desk_schema::from_json_str::<Either>(r#"{"B": {"k": {"a": "ab"}}}"#).is_ok());
}
