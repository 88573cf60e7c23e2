// Generated code compiles where the user shadowed prelude names.
#![allow(dead_code)]

struct Result;
struct Option;
struct Vec;
struct String;
struct Some;
struct None;
struct Ok;
struct Err;
struct Box;
trait Default {}
trait Sized {}

// Blanket traits whose methods share the names of the generated calls
// (helper-136: the derive's autoref probe was taken by one).
include!("../blanket_traits.in");

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct T {
    #[desk(max_bytes = 3, one_of("a"))]
    name: std::string::String,
    #[desk(nested, max_items = 2, unique(by = id))]
    items: std::vec::Vec<Item>,
    #[desk(range(min = 1))]
    n: std::option::Option<u32>,
    #[desk(nested)]
    e: E,
    #[desk(skip)]
    extra: std::option::Option<u8>,
    #[desk(skip)]
    #[serde(default)]
    given: u8,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[desk(max_bytes = 3)]
    id: std::string::String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum E {
    A,
    #[serde(alias = "b")]
    B,
    #[serde(other)]
    C,
}

// Newtypes, `transparent`, item rules and defaults, in the same shadowed
// module.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Id(#[desk(max_bytes = 3, printable_ascii)] std::string::String);

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(transparent)]
struct Wrapped {
    #[desk(nested)]
    id: Id,
}

fn two() -> u32 {
    2
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Shapes {
    #[desk(nested, max_items = 3)]
    ids: std::vec::Vec<Wrapped>,
    #[desk(items(max_bytes = 3, not_prefix = "x"))]
    words: std::option::Option<std::vec::Vec<std::string::String>>,
    #[serde(default = "two")]
    #[desk(range(min = 1, max = 5))]
    count: u32,
    #[serde(skip)]
    cache: std::option::Option<u32>,
}

// Data enums in the three tagged forms, in the same shadowed module.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum Adjacent {
    A {
        #[desk(max_bytes = 3)]
        a: std::string::String,
        #[serde(skip)]
        cache: std::option::Option<u32>,
    },
    B(#[desk(nested)] Id),
    C,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Internal {
    A {
        #[desk(nested)]
        items: std::vec::Vec<Adjacent>,
    },
    #[serde(other)]
    Other,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
enum External {
    A(#[desk(range(max = 3))] u8),
    B {
        #[desk(nested)]
        inner: std::option::Option<Internal>,
    },
    C,
}

// An untagged enum (each variant of its own JSON type), and borrowed text.
struct OnceLock;
mod types {}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum Untagged {
    Nothing,
    One(#[desk(nested)] Id),
    Many(#[desk(max_items = 2, items(max_bytes = 3))] std::vec::Vec<std::string::String>),
    Count(#[desk(range(max = 3))] u8),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Borrowed<'a> {
    #[desk(max_bytes = 3)]
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
    #[desk(nested)]
    either: Untagged,
}

// Generic types, with lifetimes, bounds and a where clause.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Generic<'a, T: ::std::marker::Send, U>
where
    U: ::std::marker::Sync,
{
    #[desk(nested, max_items = 2)]
    items: std::vec::Vec<T>,
    #[desk(nested)]
    other: std::option::Option<U>,
    #[desk(max_bytes = 3)]
    text: std::borrow::Cow<'a, str>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum GenericEnum<T> {
    A {
        #[desk(nested)]
        inner: T,
    },
    B,
}

fn main() {
    let _ = desk_schema::schema_for::<Generic<'static, Id, Wrapped>>();
    let _ = desk_schema::schema_for::<GenericEnum<Id>>();
    let _ = desk_schema::from_json_str::<Borrowed<'_>>(r#"{"text":"a","either":null}"#);
}
