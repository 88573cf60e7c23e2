// A generic type without a context passes the holder's context on to its
// arguments: `Page<Job>`, where `Job` has a context, in a type with the same
// one, and a generic type with a context over such a page. The schema asks
// `ValidateIn` of a parameter only where it checks a default the parameter
// holds, or hands it to a type of the user's (which may check one).
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use desk_schema::{Validate as _, ValidateIn, from_json_str, schema_for};

#[derive(Default)]
struct Limits;

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Page<T> {
    #[desk(nested, max_items = 2)]
    items: Vec<T>,
    #[desk(max_bytes = 4)]
    cursor: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Limits)]
struct Job {
    #[desk(max_bytes = 3)]
    name: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Limits)]
struct Queue {
    #[desk(nested)]
    jobs: Page<Job>,
    #[desk(nested)]
    pages: Option<Page<Page<Job>>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Limits)]
struct Board<T> {
    #[desk(nested)]
    page: Page<T>,
}

/// A recursive generic type, an associated type in a standard container,
/// and the standard containers by their paths pass the context on too.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Tree<T> {
    #[desk(nested)]
    value: T,
    #[desk(nested, max_items = 2)]
    children: Vec<Tree<T>>,
}

trait Family {
    type Member;
}

/// A family with a schema name only (desk-schema re-exports schemars).
struct Jobs;

impl desk_schema::schemars::JsonSchema for Jobs {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Jobs")
    }
    fn json_schema(_: &mut desk_schema::schemars::SchemaGenerator) -> desk_schema::schemars::Schema {
        <desk_schema::schemars::Schema as Default>::default()
    }
}

impl Family for Jobs {
    type Member = Job;
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(bound = "T::Member: serde::Deserialize<'de>")]
struct Bag<T: Family> {
    #[desk(nested)]
    items: Vec<T::Member>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByPath<T> {
    #[desk(nested)]
    items: std::vec::Vec<T>,
    #[desk(nested)]
    one: std::option::Option<T>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(context = Limits)]
struct Kinds {
    #[desk(nested)]
    tree: Tree<Job>,
    #[desk(nested)]
    bag: Bag<Jobs>,
    #[desk(nested)]
    by_path: ByPath<Job>,
}

fn read_board<T>(text: &str) -> usize
where
    T: ValidateIn<Limits> + serde::de::DeserializeOwned + desk_schema::schemars::JsonSchema,
{
    let _ = schema_for::<Board<T>>();
    from_json_str::<Board<T>>(text).err().map_or(0, |r| r.violations().len())
}

fn main() {
    let queue = Queue {
        jobs: Page { items: vec![Job { name: String::from("long") }], cursor: String::new() },
        pages: None,
    };
    let report = queue.validate().unwrap_err();
    assert_eq!(Iterator::map(report.violations().iter(), |v| v.path()).collect::<Vec<_>>(), ["/jobs/items/0/name"]);
    let text = r#"{"page": {"items": [{"name": "long"}, {"name": "ok"}, {"name": "x"}], "cursor": "12345"}}"#;
    assert_eq!(read_board::<Job>(text), 3);
    let text = r#"{"tree": {"value": {"name": "long"}, "children": []}, "bag": {"items": [{"name": "long"}]}, "by_path": {"items": [], "one": {"name": "long"}}}"#;
    let Err(report) = from_json_str::<Kinds>(text) else {
        panic!("accepted: {text}");
    };
    let paths: Vec<String> = Iterator::map(report.violations().iter(), |v| String::from(v.path())).collect();
    assert_eq!(paths, ["/bag/items/0/name", "/by_path/one/name", "/tree/value/name"]);
    let _ = schema_for::<Kinds>();
    let schema = schema_for::<Queue>().to_value();
    assert_eq!(schema["$defs"]["Page_for_Job"]["properties"]["items"]["maxItems"], 2);
}
