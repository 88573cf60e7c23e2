// A refused field in a type with a lifetime: one error, at the field, and
// none at the type's uses.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Borrowed<'a> {
    #[desk(max_bytes = 3)]
    name: &'a str,
}

// A generic type with a mistake: its uses compile too.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Holder<T> {
    #[desk(nested)]
    item: T,
    #[desk(max_bytes = 3, unknown_rule)]
    label: String,
}

fn main() {
    let _ = desk_schema::from_json_str::<Borrowed<'_>>(r#"{"name":"ab"}"#);
    let _ = desk_schema::schema_for::<Borrowed<'static>>();
    let held: Holder<u8> = serde_json::from_str(r#"{"item":1,"label":"a"}"#).unwrap();
    let _ = desk_schema::Validate::validate(&held);
}
