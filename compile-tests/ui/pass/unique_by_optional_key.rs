// `unique(by = key)` on an `Option` key whose serde default is `None` is
// no key on every path when absent: it compiles with a custom rule on the
// key too, and in a type that borrows.
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

use std::borrow::Cow;

fn short(key: &Option<String>) -> Result<(), desk_schema::Kind> {
    match key {
        Some(k) if k.starts_with('!') => Err(desk_schema::Kind::custom("no_bang", "starts with !")),
        _ => Ok(()),
    }
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Item {
    #[serde(default)]
    #[desk(max_bytes = 4, custom(check = short, description = "does not start with !"))]
    key: Option<String>,
}

// A boxed `Option` key is as optional: absent and `null` are no key.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Boxed {
    #[desk(nested)]
    key: Box<Option<String>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct BoxedList {
    #[desk(nested, unique(by = key))]
    items: Vec<Boxed>,
}

// `#[serde(default)]` on a boxed `Option` is a boxed `None`: no key either.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct BoxedDefault {
    #[desk(nested)]
    #[serde(default)]
    key: Box<Option<String>>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct BoxedDefaultList {
    #[desk(nested, unique(by = key))]
    items: Vec<BoxedDefault>,
}

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Holder<'a> {
    #[desk(max_bytes = 8)]
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[desk(nested, unique(by = key))]
    items: Vec<Item>,
}

fn main() {
    // Two items without the key are no repeat; two with the same are.
    let text = r#"{"name":"n","items":[{},{},{"key":"a"}]}"#;
    assert!(desk_schema::from_json_str::<Holder<'_>>(text).is_ok());
    let text = r#"{"name":"n","items":[{"key":"a"},{},{"key":"a"}]}"#;
    assert!(desk_schema::from_json_str::<Holder<'_>>(text).is_err());
    let none = r#"{"items":[{},{"key":null},{},{"key":null}]}"#;
    let typed: BoxedList = desk_schema::from_json_str(none).unwrap();
    assert!(desk_schema::Validate::validate(&typed).is_ok());
    let two = r#"{"items":[{"key":"a"},{"key":"a"}]}"#;
    assert!(desk_schema::from_json_str::<BoxedList>(two).is_err());
    let typed: BoxedDefaultList = desk_schema::from_json_str(none).unwrap();
    assert!(desk_schema::Validate::validate(&typed).is_ok());
    assert!(desk_schema::from_json_str::<BoxedDefaultList>(two).is_err());
}
