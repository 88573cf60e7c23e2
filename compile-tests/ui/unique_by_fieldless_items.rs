// `unique(by = ...)` on a list whose items, as written, have no fields (an
// `Option`, a text or a number): one error at the rule that says what to
// write, not rustc's "no field on type `&Option<I>`".
use desk_schema::Validate;
use serde::Deserialize;

#[derive(Validate, Deserialize)]
struct Item {
    #[desk(max_bytes = 3)]
    id: String,
}

#[derive(Validate, Deserialize)]
struct Lists {
    #[desk(nested, unique(by = id))]
    maybe: Vec<Option<Item>>,
    #[desk(unique(by = id), items(max_bytes = 3))]
    names: Vec<String>,
    #[desk(unique(by = id))]
    counts: Option<Vec<u32>>,
    #[desk(nested, unique(by = id))]
    items: Vec<Item>,
    #[desk(unique(by = id))]
    maybe_names: Vec<Option<String>>,
    #[desk(unique(by = id))]
    lists: Vec<Vec<u8>>,
    #[desk(unique(by = id))]
    floats: Vec<f64>,
    #[desk(unique(by = id))]
    float_lists: Vec<Vec<f32>>,
}

mod own {
    /// A type of one's own named like a standard one: its items have fields.
    #[derive(desk_schema::Validate, serde::Deserialize, PartialEq, Eq, Hash)]
    pub struct String {
        #[desk(max_bytes = 3)]
        pub id: std::string::String,
    }
}

#[derive(Validate, Deserialize)]
struct Owned {
    #[desk(nested, unique(by = id))]
    items: Vec<own::String>,
}

fn main() {}
