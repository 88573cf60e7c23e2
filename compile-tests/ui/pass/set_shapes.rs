// Nested sets in every place a set's items are named through what the set
// asks of them (`Ord`; `Eq` and `Hash`): an alias of a set, a `Box` of its
// items, a custom hasher, tagged and untagged content, a set of lists, and a
// generic type's set of items that name its parameter (bounded where the
// impls are, as written).
use std::collections::{BTreeSet, HashSet};

use desk_schema::Validate;
use serde::Deserialize;

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Validate, Deserialize)]
pub struct Code(#[desk(max_bytes = 2)] pub String);

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Validate, Deserialize)]
pub enum Color {
    Red,
    Blue,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Validate, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wrapper<T> {
    #[desk(nested)]
    pub w: T,
}

type Codes = BTreeSet<Code>;

// Types of one's own named like the sets, on a path of their own: nothing
// is asked of their items (helper-147: `Ord` was, at first).
mod own {
    pub type BTreeSet<T> = Vec<T>;

    #[derive(Debug, desk_schema::Validate, serde::Deserialize)]
    #[serde(transparent)]
    pub struct HashSet<T>(#[desk(nested)] pub Vec<T>);
}

/// Neither `Ord` nor `Hash`.
#[derive(Debug, PartialEq, Validate, Deserialize)]
pub enum Plain {
    Red,
}

#[derive(Debug, Validate, Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Adjacent {
    A(#[desk(nested)] BTreeSet<Box<Code>>),
    B {
        #[desk(nested)]
        s: HashSet<Color, std::hash::RandomState>,
    },
}

#[derive(Debug, Validate, Deserialize)]
#[serde(tag = "t")]
pub enum Internal {
    A {
        #[desk(nested, max_items = 1)]
        s: Option<BTreeSet<Color>>,
    },
}

#[derive(Debug, Validate, Deserialize)]
#[serde(untagged)]
pub enum Untagged {
    A(#[desk(nested)] BTreeSet<Code>),
}

#[derive(Debug, Validate, Deserialize)]
pub struct Page<T: Ord + std::hash::Hash> {
    #[desk(nested, max_items = 3)]
    pub a: BTreeSet<Wrapper<T>>,
    #[desk(nested)]
    pub b: Option<HashSet<Wrapper<T>>>,
}

#[derive(Debug, Validate, Deserialize)]
pub struct Top {
    #[desk(nested)]
    pub alias: Codes,
    #[desk(nested)]
    pub adjacent: Adjacent,
    #[desk(nested)]
    pub internal: Internal,
    #[desk(nested)]
    pub untagged: Untagged,
    #[desk(nested)]
    pub boxed: Box<BTreeSet<Vec<Code>>>,
    #[desk(nested)]
    pub page: Page<Code>,
    #[desk(nested, max_items = 1)]
    pub own_alias: own::BTreeSet<Plain>,
    #[desk(nested)]
    pub own_type: own::HashSet<Plain>,
}

fn main() {
    let text = r#"{"alias":["abc"],"adjacent":{"t":"B","c":{"s":["Red","Red"]}},
        "internal":{"t":"A","s":["Red","Blue"]},"untagged":["abc"],"boxed":[["x","yyy"]],
        "page":{"a":[{"w":"abc"}],"b":null},"own_alias":["Red","Red"],"own_type":["Blue"]}"#;
    let report = desk_schema::from_json_str::<Top>(text).unwrap_err();
    let paths: Vec<&str> = report.iter().map(|v| v.path()).collect();
    assert_eq!(
        paths,
        [
            "/adjacent/c/s/1",
            "/alias/0",
            "/boxed/0/1",
            "/internal/s",
            "/own_alias",
            "/own_type/0",
            "/page/a/0/w",
            "/untagged/0"
        ]
    );
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        desk_schema::validate_value::<Top>(&value).unwrap_err().to_string(),
        report.to_string()
    );
}
