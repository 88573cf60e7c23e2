// `#[desk(skip)]` takes any type serde reads: Rust reads the field with
// serde alone, and its schema states what serde reads, whatever the type
// holds. A type that derives `Validate` states its shape without its rules
// (`Short_unchecked` under `$defs`), as written, inside a list, an
// `Option`, a map or a `Box`, given as a type argument, through an alias
// or a qualified path, or the type itself; a set states no `uniqueItems`
// (serde keeps one of each repeat), as written or through an alias.
#![allow(dead_code)]
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");


use std::collections::{BTreeSet, HashMap, HashSet};

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Short(#[desk(max_bytes = 1)] String);

type Shorts = Vec<Short>;
type Tags = HashSet<String>;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Skips {
    #[desk(skip)]
    s: Short,
    #[desk(skip)]
    v: Vec<Option<Short>>,
    #[desk(skip)]
    m: HashMap<String, Box<Short>>,
    #[desk(skip)]
    aliased: Shorts,
    #[desk(skip)]
    set: BTreeSet<u8>,
    #[desk(skip)]
    sets: Option<Vec<HashSet<String>>>,
    #[desk(skip)]
    qualified: std::collections::BTreeSet<String>,
    #[desk(skip)]
    module: std::collections::hash_set::HashSet<String>,
    #[desk(skip)]
    tags: Tags,
    #[desk(skip)]
    tag_lists: Option<Vec<Tags>>,
    #[desk(skip)]
    #[serde(skip)]
    marker: std::marker::PhantomData<Short>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrapper<T> {
    #[desk(nested)]
    t: T,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Generic<T> {
    #[desk(skip)]
    t: Vec<T>,
    #[desk(skip)]
    w: Wrapper<Short>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Chain<T> {
    #[desk(nested)]
    t: T,
    #[desk(skip)]
    #[serde(default)]
    next: Option<Box<Self>>,
}

// (In tagged or untagged content, serde reads it from its buffer, which
// holds no `u128`: a type that derives `Validate` is refused there, ui
// `wide_integer_in_buffered_content`.)
#[derive(desk_schema::Validate, serde::Deserialize)]
enum Variant {
    A {
        #[desk(skip)]
        s: Short,
        #[desk(skip)]
        tags: BTreeSet<String>,
    },
}

trait Out {
    type Out;
}

impl Out for u8 {
    type Out = Short;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Qualified {
    #[desk(skip)]
    q: Vec<<u8 as Out>::Out>,
}

// A type of its own named as a shape: two definitions, whichever comes first.
#[allow(non_camel_case_types)]
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Short_unchecked(#[desk(min_bytes = 5)] String);

#[derive(desk_schema::Validate, serde::Deserialize)]
struct CheckedFirst {
    #[desk(nested)]
    a: Short_unchecked,
    #[desk(skip)]
    b: Short,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct SkippedFirst {
    #[desk(skip)]
    b: Short,
    #[desk(nested)]
    a: Short_unchecked,
}

macro_rules! two_definitions {
    ($t:ty) => {{
        let schema = desk_schema::schema_for::<$t>().to_value();
        let def = |p: &str| {
            let r = String::from(serde_json::Value::as_str(&schema["properties"][p]["$ref"]).unwrap());
            <serde_json::Value as Clone>::clone(&schema["$defs"][r.trim_start_matches("#/$defs/")])
        };
        assert_eq!(def("a")["x-minBytes"], 5);
        assert!(serde_json::Value::get(&def("b"), "x-maxBytes").is_none() && serde_json::Value::get(&def("b"), "x-minBytes").is_none());
    }};
}

fn main() {
    two_definitions!(CheckedFirst);
    two_definitions!(SkippedFirst);
    let schema = desk_schema::schema_for::<Skips>().to_value();
    assert_eq!(schema["properties"]["s"]["$ref"], "#/$defs/Short_unchecked");
    assert!(serde_json::Value::get(&schema["$defs"]["Short_unchecked"], "maxLength").is_none());
    for set in ["set", "sets", "qualified", "module", "tags", "tag_lists"] {
        assert!(
            !format!("{}", schema["properties"][set]).contains("uniqueItems"),
            "{set}"
        );
    }
    let _ = desk_schema::schema_for::<Generic<Short>>();
    let _ = desk_schema::schema_for::<Chain<String>>();
    let _ = desk_schema::schema_for::<Variant>();
    let _ = desk_schema::schema_for::<Qualified>();
}
