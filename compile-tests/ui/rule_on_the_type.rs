// A field's rule written on the type: one error, which says where it goes
// (not also "field `0` has no rule").
#[derive(desk_schema::Validate, serde::Deserialize)]
#[desk(max_bytes = 3)]
struct Code(String);

fn main() {}
