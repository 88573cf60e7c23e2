// Names the derive does not compare: an untagged enum's variants are read by
// their JSON types, not their names (two may share one), a module's own
// type named `HashSet` is no set, and a `skip` field of another crate's type
// whose name is the derived type's (`std::time::Duration` in a `Duration`)
// is not the type itself.
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
struct Duration {
    #[desk(skip)]
    d: Option<std::time::Duration>,
    #[desk(max_bytes = 3)]
    s: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(tag = "t")]
enum Instant {
    A {
        #[desk(skip)]
        d: std::time::Duration,
    },
    B,
}

fn main() {
    let _ = desk_schema::from_json_str::<Untagged>("1");
    let _ = desk_schema::from_json_str::<Mine>(r#"{"s":["a"]}"#);
    let _ = desk_schema::from_json_str::<Duration>(r#"{"d":null,"s":"a"}"#);
    let _ = desk_schema::from_json_str::<Instant>(r#"{"t":"B"}"#);
}
