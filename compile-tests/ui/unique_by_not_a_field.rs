// `unique(by = ...)` names a field of the item, nothing more: a method
// call, an index or a string is one error, at the value.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[desk(max_bytes = 4)]
    key: String,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByMethod {
    #[desk(nested, unique(by = key.len()))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByIndex {
    #[desk(nested, unique(by = 0))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByString {
    #[desk(nested, unique(by = "key"))]
    items: Vec<Item>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Typed {
    #[desk(max_bytes = 4)]
    r#type: String,
}

// A keyword is named as Rust names the field.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct ByKeyword {
    #[desk(nested, unique(by = type))]
    items: Vec<Typed>,
}

// `self` can be no field's name, raw or not: no `r#` advice.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct BySelf {
    #[desk(nested, unique(by = self))]
    items: Vec<Typed>,
}

fn main() {}
