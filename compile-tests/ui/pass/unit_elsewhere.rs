// `()` where nothing reads it as a checked value: a `skip` field (read
// whole, as serde reads it: `null`).
// Blanket traits whose methods share the names of the generated calls.
include!("../blanket_traits.in");

#[derive(desk_schema::Validate, serde::Deserialize)]
struct Holder {
    #[desk(max_bytes = 8)]
    name: String,
    #[desk(skip)]
    #[serde(default)]
    nothing: (),
}

fn main() {
    let holder: Holder = desk_schema::from_json_str(r#"{"name":"a","nothing":null}"#).unwrap();
    assert_eq!(holder.name, "a");
    assert!(desk_schema::from_json_str::<Holder>(r#"{"name":"a","nothing":1}"#).is_err());
}
