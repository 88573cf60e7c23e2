// `from_json_str` on a type that does not derive `Validate`.
#[derive(serde::Deserialize)]
struct Plain {
    name: String,
}

fn main() {
    let _ = desk_schema::from_json_str::<Plain>("{}");
}
