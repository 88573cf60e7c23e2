// The shared struct with every rule compiles as a user would write it.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use desk_schema::Validate;

#[derive(Validate, serde::Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Profile {
    #[desk(min_bytes = 1, max_bytes = 100, max_chars = 50, max_graphemes = 40)]
    display_name: String,
    #[desk(one_of("a", "b"), printable_ascii, not_prefix = "@")]
    kind: Option<String>,
    #[desk(range(min = -1, max = 1))]
    score: i64,
    #[desk(nested, max_items = 3, unique(by = id))]
    links: Option<Vec<Link>>,
    #[desk(unique)]
    tags: Vec<String>,
    #[desk(ascii, prefix = "x-", suffix = ".v1", contains = "-", min_utf16 = 1, max_utf16 = 20)]
    code: Option<String>,
}

#[derive(Validate, serde::Deserialize)]
struct Link {
    #[desk(max_bytes = 8)]
    id: String,
}

fn main() {
    let p = Profile {
        display_name: String::from("x"),
        kind: None,
        score: 0,
        links: Some(vec![Link { id: String::from("a") }]),
        code: None,
        tags: vec![],
    };
    assert!(p.validate().is_ok());
}
