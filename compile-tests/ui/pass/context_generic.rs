// A generic type without a context passes the holder's context on to its
// arguments: `Page<Job>`, where `Job` has a context, in a type with the same
// one, and a generic type with a context over such a page. The schema asks
// `ValidateIn` of a parameter only where it checks a default the parameter
// holds, or hands it to a type of the user's (which may check one).
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

fn read_board<T>(text: &str) -> usize
where
    T: ValidateIn<Limits> + serde::de::DeserializeOwned + desk_schema::schemars::JsonSchema,
{
    let _ = schema_for::<Board<T>>();
    from_json_str::<Board<T>>(text).err().map_or(0, |r| r.len())
}

fn main() {
    let queue = Queue {
        jobs: Page { items: vec![Job { name: "long".into() }], cursor: String::new() },
        pages: None,
    };
    let report = queue.validate().unwrap_err();
    assert_eq!(report.iter().map(|v| v.path()).collect::<Vec<_>>(), ["/jobs/items/0/name"]);
    let text = r#"{"page": {"items": [{"name": "long"}, {"name": "ok"}, {"name": "x"}], "cursor": "12345"}}"#;
    assert_eq!(read_board::<Job>(text), 3);
    let schema = schema_for::<Queue>().to_value();
    assert_eq!(schema["$defs"]["Page_for_Job"]["properties"]["items"]["maxItems"], 2);
}
