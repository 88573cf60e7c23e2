// Names the derive does not compare: an untagged enum's variants are read by
// their JSON types, not their names (two may share one), a module's own
// type named `HashSet` is no set, and a `skip` field of another crate's type
// whose name is the derived type's (`std::net::IpAddr` in an `IpAddr`)
// is not the type itself, nor is a nested one (`other::Tree` in a `Tree`).
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

mod my {
    pub type HashSet = Vec<String>;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Untagged {
    #[serde(rename = "X")]
    A(#[desk(max_bytes = 2)] String),
    #[serde(rename = "X")]
    B(#[desk(range(max = 2))] u8),
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Mine {
    #[desk(unique)]
    s: my::HashSet,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct IpAddr {
    #[desk(skip)]
    d: Option<std::net::IpAddr>,
    #[desk(max_bytes = 3)]
    s: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Instant {
    A {
        #[desk(skip)]
        d: std::net::IpAddr,
    },
    B,
}

// A type named like the derive's own trait, with a lifetime: its gate is
// written out in full (`desk_schema::Nested`), which is no mention of the
// type itself, so it keeps serde's fast path as any other name does.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Wrap<'a> {
    #[serde(borrow)]
    #[desk(max_bytes = 3)]
    s: std::borrow::Cow<'a, str>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Nested<'a>(#[serde(borrow)] #[desk(nested)] Wrap<'a>);

// A type of another module named like the derived type is not the type
// itself: it is checked (and gated) as any other.
mod other {
    #[derive(desk_schema::Validate, serde::Deserialize)]
    pub struct Tree {
        #[desk(max_bytes = 2)]
        pub a: String,
    }
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Tree {
    #[desk(nested)]
    o: other::Tree,
    #[desk(nested)]
    r: Option<Box<Tree>>,
}

fn main() {
    assert!(<Nested<'_> as desk_schema::ValidateIn<()>>::SERDE_SAME);
    let Err(report) = desk_schema::from_json_str::<Tree>(r#"{"o": {"a": "abc"}}"#) else {
        panic!("other::Tree's rule is checked");
    };
    assert_eq!(Iterator::map(report.violations().iter(), |v| v.path()).collect::<Vec<_>>(), ["/o/a"]);
    let _ = desk_schema::from_json_str::<Untagged>("1");
    let _ = desk_schema::from_json_str::<Mine>(r#"{"s":["a"]}"#);
    let _ = desk_schema::from_json_str::<IpAddr>(r#"{"d":null,"s":"a"}"#);
    let _ = desk_schema::from_json_str::<Instant>(r#"{"t":"B"}"#);
}
