// Two variants that read the same JSON type: serde takes whichever comes
// first, which neither the walk nor a JSON Schema can follow.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Overlapping {
    Short(#[desk(max_bytes = 3)] String),
    Long(#[desk(max_bytes = 300)] String),
}

// A struct reads an object, and (in serde) an array of its fields: it
// overlaps a list.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum StructOrList {
    One {
        #[desk(max_bytes = 3)]
        a: String,
    },
    Many(#[desk(max_items = 3)] Vec<String>),
}

// The variants' JSON types must be known when the enum is compiled.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Generic<T> {
    One(#[desk(nested)] T),
    Text(#[desk(max_bytes = 3)] String),
}

// A variant tried by shape after the tagged ones.
#[derive(desk_schema::Validate, serde::Deserialize)]
enum Mixed {
    A,
    #[serde(untagged)]
    B(#[desk(max_bytes = 3)] String),
}

// A variant that holds the enum itself reads what the enum reads.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Expr {
    Number(#[desk(range(max = 9))] u8),
    Paren(#[desk(nested)] Box<Expr>),
}

// Through a list there is no overlap: a list is an array.
#[derive(desk_schema::Validate, serde::Deserialize)]
#[serde(untagged)]
enum Tree {
    Leaf(#[desk(max_bytes = 3)] String),
    Node(#[desk(nested, max_items = 3)] Vec<Tree>),
}

fn main() {}
