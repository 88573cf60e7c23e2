// `#[desk(crate = "...")]` (serde's `crate` attribute): a crate that
// re-exports desk-schema lets its users derive through it, and the
// generated code reaches the runtime by the path given. (That no path is
// left at `::desk_schema` is the derive's unit test
// `crate_roots_every_path_of_the_generated_code`; here, that the path
// given resolves, in every shape.)
mod sdk {
    pub use desk_schema as desk;
}

#[derive(sdk::desk::Validate, serde::Deserialize)]
#[desk(crate = "crate::sdk::desk")]
#[serde(deny_unknown_fields)]
struct Request {
    #[desk(max_bytes = 3)]
    name: String,
    #[desk(nested, max_items = 2, unique(by = id))]
    items: Vec<Item>,
    #[desk(nested)]
    choice: Choice,
}

#[derive(sdk::desk::Validate, serde::Deserialize)]
#[desk(crate = crate::sdk::desk)]
struct Item {
    #[desk(max_bytes = 3)]
    id: String,
}

#[derive(sdk::desk::Validate, serde::Deserialize)]
#[desk(crate = "crate::sdk::desk")]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum Choice {
    A(#[desk(range(max = 3))] u8),
    B,
}

fn main() {
    let text = r#"{"name":"abcd","items":[{"id":"a"},{"id":"a"}],"choice":{"t":"A","c":9}}"#;
    let report = sdk::desk::from_json_str::<Request>(text).err().unwrap();
    let codes: Vec<&str> = report.iter().map(|v| v.code()).collect();
    assert_eq!(codes.len(), 3, "{codes:?}");
}
