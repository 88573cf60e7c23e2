// `()` holds only `null`: one error at the type, as the field's type or
// inside a standard container, where it was several naming the walk's
// internals. A `skip` field compiles (ui/pass/unit_elsewhere.rs).
#[derive(desk_schema::Validate, serde::Deserialize)]
struct Units {
    #[desk(nested)]
    bare: (),
    #[desk(max_items = 3)]
    #[serde(default)]
    inside: Option<Vec<()>>,
}

fn main() {}
