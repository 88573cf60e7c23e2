// `unique(by = ...)` naming a field the item does not have: one error, at
// the name, naming the item's own type (and suggesting the field meant).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[desk(max_bytes = 3)]
    key: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct List {
    #[desk(nested, unique(by = kye))]
    items: Vec<Item>,
}

fn main() {}
