// A `Valid<T>` derefs to `T` but cannot be changed in place: a change
// could break a rule. `into_inner` gives the value back to change.
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Note {
    #[desk(max_bytes = 6)]
    text: String,
}

fn main() {
    let mut checked = desk_schema::Validate::validate_into(Note { text: "ok".into() })
        .ok()
        .unwrap();
    checked.text.push_str(" and then some");
}
