// Names the derive does not compare: an untagged enum's variants are read by
// their JSON types, not their names (two may share one), and a module's own
// type named `HashSet` is no set.
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

fn main() {
    let _ = desk_schema::from_json_str::<Untagged>("1");
    let _ = desk_schema::from_json_str::<Mine>(r#"{"s":["a"]}"#);
}
