// The generated code allows no lint a crate may forbid (`unused_variables`,
// `unused_imports`, and `deprecated` where nothing is deprecated), and a
// field's schema local does not capture a later field's default path of
// the same name.
#![forbid(unused_variables, unused_imports, deprecated)]
#![allow(dead_code)]
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");


fn __desk_s() -> u8 {
    1
}
fn two() -> u8 {
    2
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct T {
    #[desk(max_bytes = 3)]
    a: String,
    #[serde(default = "__desk_s")]
    #[desk(range(max = 3))]
    b: u8,
    #[serde(default = "two")]
    #[desk(range(max = 3))]
    c: u8,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "type", content = "data")]
enum E {
    A {
        #[desk(max_bytes = 3)]
        a: String,
        #[serde(default = "__desk_s")]
        #[desk(range(max = 3))]
        b: u8,
    },
    B(#[desk(nested)] T),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum Unit {
    X,
    Y,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Newtype(#[desk(max_bytes = 3)] String);

#[derive(Default)]
struct Ctx;

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Ctx)]
struct WithContext {
    #[desk(max_items = 2, items(max_bytes = 3))]
    tags: Vec<String>,
}

// Types `unique` compares field by field (`JsonEq`): a struct, a data enum
// of one variant and of two, and a struct whose one field is read whole
// (nothing compared).
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Exact {
    #[desk(max_bytes = 3)]
    a: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
enum One {
    Only {
        #[desk(max_bytes = 3)]
        a: String,
    },
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
enum Two {
    First {
        #[desk(max_bytes = 3)]
        a: String,
    },
    Second,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Whole {
    #[desk(skip)]
    a: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Lists {
    #[desk(nested, unique)]
    exact: Vec<Exact>,
    #[desk(nested, unique)]
    one: Vec<One>,
    #[desk(nested, unique)]
    two: Vec<Two>,
}

fn main() {
    use desk_schema::Validate;
    let lists: Lists = desk_schema::from_json_str(
        r#"{"exact":[{"a":"x"},{"a":"y"}],"one":[{"Only":{"a":"x"}}],"two":["Second",{"First":{"a":"x"}}]}"#,
    )
    .unwrap();
    assert!(lists.validate().is_ok());
    let _ = std::mem::size_of::<Whole>();
    let t: T = desk_schema::from_json_str(r#"{"a":"x"}"#).unwrap();
    assert_eq!((t.b, t.c), (1, 2));
    assert!(t.validate().is_ok());
    let _ = desk_schema::schema_for::<E>();
}
